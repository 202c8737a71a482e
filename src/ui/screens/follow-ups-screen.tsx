import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import { listVisits } from '../../local-db/queries';
import { useAppServices } from '../app';
import { DoneFollowUp } from '../components/follow-ups/done-follow-up';
import { resolvedMessage } from '../components/follow-ups/follow-up-words';
import { OpenConflict } from '../components/follow-ups/open-conflict';
import { OpenFollowUp } from '../components/follow-ups/open-follow-up';
import { OfficeDataNotice } from '../components/office-data-notice';
import { PageHeading } from '../components/page-heading';
import { useConflicts } from '../hooks/use-conflicts';
import { useFollowUps } from '../hooks/use-follow-ups';
import { useSession } from '../hooks/use-session';

const OFFLINE =
  'Follow-ups are kept at the office, and this tablet has no connection to it right now. Connect to Wi-Fi or mobile data, then try again.';

/** "Follow-ups": what the office must do after "None of these", "Not sure yet" or "I'd like to meet … first". */
export function FollowUpsScreen() {
  const { db } = useAppServices();
  const session = useSession();
  const { lists, shown, resolve } = useFollowUps();
  const conflicts = useConflicts();
  const visits = useLiveQuery(() => listVisits(db), [db]);
  const [message, setMessage] = useState('');
  const openHeading = useRef<HTMLHeadingElement>(null);

  async function markDone(followUpId: string, note: string) {
    const followUp = await resolve(followUpId, note);
    setMessage(resolvedMessage(followUp, session?.session.user.name));
    // The item and its button are gone: keep keyboard users in the list rather than at the top of the page.
    openHeading.current?.focus();
  }

  return (
    <>
      <PageHeading>Follow-ups</PageHeading>
      <p>What the office needs to do after a home visit where the person did not choose a carer: talk it over, arrange meetings or find other carers.</p>
      <p role="status" className={message ? 'notice' : undefined}>
        {message}
      </p>
      <OfficeDataNotice state={lists} onRetry={lists.reload} offline={OFFLINE} />
      {conflicts.open && conflicts.open.length > 0 && (
        <section aria-labelledby="conflicts-open">
          <h2 id="conflicts-open">Records that disagree ({conflicts.open.length})</h2>
          <p>Both records are kept. Decide which stands, so the visit has one answer.</p>
          <ul className="card-list">
            {conflicts.open.map((conflict) => (
              <OpenConflict
                key={conflict.id}
                conflict={conflict}
                onResolve={async (keepEventId, note) => {
                  await conflicts.resolve(conflict.id, { ...(keepEventId ? { keepEventId } : {}), note });
                  setMessage(`Decision recorded for ${conflict.personFirstName}: ${note}`);
                }}
              />
            ))}
          </ul>
        </section>
      )}
      {shown && (
        <>
          <section aria-labelledby="follow-ups-open">
            <h2 id="follow-ups-open" ref={openHeading} tabIndex={-1}>
              To do ({shown.open.length})
            </h2>
            {shown.open.length === 0 ? (
              <p>Nothing to follow up. When a person says &ldquo;None of these&rdquo;, &ldquo;Not sure yet&rdquo; or asks to meet carers first, it appears here.</p>
            ) : (
              <ul className="card-list">
                {shown.open.map((followUp) => (
                  <OpenFollowUp
                    key={followUp.id}
                    followUp={followUp}
                    visit={visits?.find((v) => v.id === followUp.visitId)}
                    onResolve={(note) => markDone(followUp.id, note)}
                  />
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="follow-ups-done">
            <h2 id="follow-ups-done">Done recently</h2>
            {shown.done.length === 0 ? (
              <p>Nothing has been marked as done yet.</p>
            ) : (
              <ul className="card-list">
                {shown.done.map((followUp) => (
                  <DoneFollowUp key={followUp.id} followUp={followUp} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}
