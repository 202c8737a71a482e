import type { ShowBlocker } from '../../../domain/carer-profile-form';
import { useRef } from 'react';
import { blockersText } from '../../format/words';
import { useCarerProfileForm } from '../../hooks/use-carer-profile-form';
import { OfficeDataNotice } from '../office-data-notice';
import { PageHeading } from '../page-heading';
import { CarerProfileEditor } from './carer-profile-editor';
import { ChangePasswordSection } from '../change-password-section';
import { AccountSection } from './account-section';
import { ConsentSection } from './consent-section';
import { DraftStatus } from './draft-status';
import { MediaSection } from './media-section';

const OFFLINE =
  'Profiles are kept at the office, and this device has no connection to it right now. Connect to Wi-Fi or mobile data, then try again.';

/**
 * One care worker's one-page profile: whether it can be shown to people yet, the form, and the
 * agreement. The care worker's own ("My profile") or an organiser's view of it.
 */
export function CarerProfilePage({ carerId, ownProfile }: { carerId: string; ownProfile: boolean }) {
  const form = useCarerProfileForm(carerId);
  const summaryRef = useRef<HTMLDivElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const name = form.values?.firstName.trim() || form.view?.draft.firstName || '';

  async function save() {
    const saved = await form.submit();
    // After a refused save, the summary of problems takes focus; otherwise the result is announced where it is.
    if (!saved) requestAnimationFrame(() => (summaryRef.current ?? statusRef.current)?.focus());
  }

  return (
    <>
      <PageHeading>{ownProfile ? 'My one-page profile' : name ? `${name}’s one-page profile` : 'One-page profile'}</PageHeading>
      <p>
        {ownProfile
          ? 'This is what people see when they choose who supports them at home: write it in your own words.'
          : 'What the person sees when they choose who supports them at home.'}
      </p>
      {form.view && <ShowStatus blockers={form.view.blockers} ownProfile={ownProfile} />}
      <DraftStatus restoredFrom={form.restoredFrom} onDiscard={() => void form.discardDraft()} save={form.save} statusRef={statusRef} />
      {form.values ? (
        <CarerProfileEditor
          values={form.values}
          onChange={form.change}
          errors={form.errors}
          onSave={() => void save()}
          busy={form.save.kind === 'saving'}
          summaryRef={summaryRef}
          ownProfile={ownProfile}
        />
      ) : (
        <OfficeDataNotice state={form.office} onRetry={form.office.reload} offline={OFFLINE} />
      )}
      {form.view && <MediaSection view={form.view} ownProfile={ownProfile} onChanged={form.refreshView} />}
      {form.view && <ConsentSection view={form.view} ownProfile={ownProfile} name={name} onChanged={form.setView} />}
      {form.view && !ownProfile && <AccountSection view={form.view} name={name} onChanged={form.setView} />}
      {ownProfile && <ChangePasswordSection />}
    </>
  );
}

function ShowStatus({ blockers, ownProfile }: { blockers: readonly ShowBlocker[]; ownProfile: boolean }) {
  if (blockers.length === 0) {
    return <p className="notice">{ownProfile ? 'Your profile can be shown to people choosing a carer.' : 'This profile can be shown to people choosing a carer.'}</p>;
  }
  return (
    <p className="notice">
      {ownProfile ? 'Your profile cannot be shown to anyone yet' : 'This profile cannot be shown to anyone yet'}: {blockersText(blockers)}.
    </p>
  );
}
