import { useLiveQuery } from 'dexie-react-hooks';
import { countOutbox, getSyncState } from '../../local-db/queries';
import type { SyncStatus } from '../../sync/sync-engine';
import { useAppServices } from '../app';
import { assertNever } from '../assert-never';
import { formatWhenRelative } from '../format/dates';
import { recordsWaitingText } from '../format/words';
import { useSyncStatus } from '../hooks/use-sync-status';
import { FailedRecords } from './failed-records';

/** What is waiting to be sent, when the office last got it, and a button to send now. */
export function SyncStatusBar() {
  const { db, sync, now } = useAppServices();
  const waiting = useLiveQuery(() => countOutbox(db), [db]);
  const state = useLiveQuery(() => getSyncState(db), [db]);
  const status = useSyncStatus();

  return (
    <section className="sync-bar" aria-label="Sending to the office">
      <div role="status" aria-live="polite" className="sync-bar-text">
        {waiting !== undefined && <p className="sync-waiting">{recordsWaitingText(waiting)}</p>}
        {state && (
          <p>
            {state.lastSuccessAt
              ? `Last sent to the office ${formatWhenRelative(state.lastSuccessAt, now())}`
              : 'Not yet sent'}
          </p>
        )}
        {connectionText(status) && <p className="sync-connection">{connectionText(status)}</p>}
        {state?.lastError && status !== 'syncing' && <p className="sync-error">Problem: {state.lastError}</p>}
      </div>
      <button type="button" className="button" onClick={() => void sync.syncNow()}>
        Sync now
      </button>
      <FailedRecords />
    </section>
  );
}

function connectionText(status: SyncStatus): string | null {
  switch (status) {
    case 'idle':
      return null;
    case 'syncing':
      return 'Sending to the office…';
    case 'offline':
      return 'This tablet is offline. Everything is kept on the tablet and sent when there is a connection.';
    case 'error':
      return 'The last send did not finish. Hearth will try again.';
    default:
      return assertNever(status);
  }
}
