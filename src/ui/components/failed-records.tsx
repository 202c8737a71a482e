import { useLiveQuery } from 'dexie-react-hooks';
import type { HearthEvent } from '../../domain/events';
import { listFailedOutbox } from '../../local-db/queries';
import { useAppServices } from '../app';
import { assertNever } from '../assert-never';

/** What a record is, as the organiser would say it: "Hilda's answer". */
function recordName(event: HearthEvent, personFirstName: string | null): string {
  const whose = personFirstName ? `${personFirstName}’s` : 'A';
  switch (event.type) {
    case 'OutcomeRecorded':
      return `${whose} answer`;
    case 'OutcomeWithdrawn':
      return `${whose} answer being undone`;
    case 'PersonModeSettingsChanged':
      return `${whose} person mode settings`;
    default:
      return assertNever(event);
  }
}

/**
 * Records the office has refused (for example the same record with different details) stay on the
 * tablet, never dropped: each is listed with the reason, and "Try again" sends everything again.
 */
export function FailedRecords() {
  const { db, sync } = useAppServices();
  const failed = useLiveQuery(() => listFailedOutbox(db), [db]);
  if (!failed || failed.length === 0) return null;
  return (
    <div className="failed-records">
      <p className="sync-error">{failed.length === 1 ? '1 record was not accepted by the office:' : `${failed.length} records were not accepted by the office:`}</p>
      <ul>
        {failed.map(({ item, personFirstName }) => (
          <li key={item.id}>
            {recordName(item.event, personFirstName)}: {item.lastError} (tried {item.attempts} {item.attempts === 1 ? 'time' : 'times'})
          </li>
        ))}
      </ul>
      <p>They stay on this tablet until the office takes them.</p>
      <button type="button" className="button secondary" onClick={() => void sync.syncNow()}>
        Try again
      </button>
    </div>
  );
}
