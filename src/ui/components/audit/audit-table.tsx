import type { AuditEntry } from '../../../domain/audit';
import { actionWords, actorWords, formatAuditTime, subjectWords, tabletWords } from './audit-words';

/** The log as a plain table, newest first: when, who, what, whose record, from which tablet. */
export function AuditTable({ entries, caption }: { entries: readonly AuditEntry[]; caption: string }) {
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">When</th>
          <th scope="col">Who</th>
          <th scope="col">What</th>
          <th scope="col">Whose record</th>
          <th scope="col">Tablet</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id}>
            <td>
              <time dateTime={entry.at}>{formatAuditTime(entry.at)}</time>
            </td>
            <td>{actorWords(entry)}</td>
            <td>{actionWords(entry)}</td>
            <td>{subjectWords(entry)}</td>
            <td>{tabletWords(entry)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
