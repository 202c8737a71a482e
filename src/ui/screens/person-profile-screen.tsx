import { useRef } from 'react';
import { Link, useParams } from 'react-router';
import type { PersonModeSettings } from '../../domain/person-mode';
import { NetworkFailure } from '../../sync/transport';
import { useAppServices } from '../app';
import { OfficeDataNotice } from '../components/office-data-notice';
import { PersonModeSettingsFields } from '../components/person-mode-settings-form';
import { PageHeading } from '../components/page-heading';
import { DraftStatus } from '../components/profiles/draft-status';
import { PersonProfileEditor } from '../components/profiles/person-profile-editor';
import { usePersonProfileForm } from '../hooks/use-person-profile-form';
import { matchPersonPath, paths } from '../paths';

const OFFLINE =
  'People’s profiles are kept at the office, and this tablet has no connection to it right now. Connect to Wi-Fi or mobile data, then try again.';

/** A person's one-page profile, written with them at the first assessment. */
export function PersonProfileScreen() {
  const { personId = '' } = useParams();
  const { transport } = useAppServices();
  const form = usePersonProfileForm(personId);
  const summaryRef = useRef<HTMLDivElement>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const name = form.values?.firstName.trim() || form.view?.draft.firstName || '';

  async function saveSettings(settings: PersonModeSettings) {
    try {
      form.setView(await transport.savePersonMode(personId, { settings }));
    } catch (error) {
      // The form says "Not saved: …" with this.
      throw new Error(error instanceof NetworkFailure ? 'the office could not be reached. Try again when there is a connection.' : (error as Error).message);
    }
  }

  async function save() {
    const saved = await form.submit();
    if (!saved) requestAnimationFrame(() => (summaryRef.current ?? statusRef.current)?.focus());
  }

  return (
    <>
      <PageHeading>{name ? `${name}’s one-page profile` : 'One-page profile'}</PageHeading>
      <p>Write it with {name || 'them'}, in their words where you can. Matching and the tablet in their home both use it.</p>
      {form.view && (
        <p className="notice">
          {form.view.profileComplete ? (
            <>
              The profile is complete. <Link to={matchPersonPath(personId)}>Match care workers for {name}</Link>.
            </>
          ) : (
            'The profile is not finished yet: care workers can be matched once it is saved complete.'
          )}
        </p>
      )}
      <DraftStatus restoredFrom={form.restoredFrom} onDiscard={() => void form.discardDraft()} save={form.save} statusRef={statusRef} />
      {form.values ? (
        <PersonProfileEditor values={form.values} onChange={form.change} errors={form.errors} onSave={() => void save()} busy={form.save.kind === 'saving'} summaryRef={summaryRef} />
      ) : (
        <OfficeDataNotice state={form.office} onRetry={form.office.reload} offline={OFFLINE} />
      )}
      {form.view && (
        <PersonModeSettingsFields
          key={form.view.id}
          name={name || 'them'}
          current={form.view.personMode}
          onSave={saveSettings}
          savedText="Saved at the office. Visits downloaded from now on use these settings; a change made on a tablet later still counts."
        />
      )}
      <p>
        <Link to={paths.people}>Back to people</Link>
      </p>
    </>
  );
}
