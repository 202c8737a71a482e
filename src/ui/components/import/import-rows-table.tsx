import type { CarerImportRow } from '../../../domain/csv/carer-import-api';
import { assertNever } from '../../assert-never';

/** The id of a row's header cell, so the problem summary can take focus to it. */
export const importRowId = (line: number) => `import-row-${line}`;

function whatHappens(row: CarerImportRow): string {
  switch (row.action) {
    case 'add':
      return 'Add as a new care worker';
    case 'update':
      return `Update: ${row.changes.join(', ')}`;
    case 'unchanged':
      return 'No change';
    default:
      return assertNever(row.action);
  }
}

/** Every row of the file: what importing would do with it, and what is wrong with it, in words (not only colour). */
export function ImportRowsTable({ rows }: { rows: readonly CarerImportRow[] }) {
  return (
    <div className="import-table-wrap">
      <table className="import-table">
        <caption>Care workers in the file ({rows.length === 1 ? '1 row' : `${rows.length} rows`})</caption>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Staff ID</th>
            <th scope="col">First name</th>
            <th scope="col">What will happen</th>
            <th scope="col">Problems</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line} className={row.errors.length > 0 ? 'has-problems' : undefined}>
              <th scope="row" id={importRowId(row.line)} tabIndex={-1}>
                {row.line}
              </th>
              <td>{row.staffId}</td>
              <td>{row.firstName}</td>
              <td>{whatHappens(row)}</td>
              <td>
                {row.errors.length === 0 ? (
                  'None'
                ) : (
                  <ul className="import-problems">
                    {row.errors.map((e, i) => (
                      <li key={i}>
                        <span className="import-problem-mark">Problem: </span>
                        {e.message}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
