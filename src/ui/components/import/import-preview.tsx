import { useEffect, useRef } from 'react';
import { canImport, type CarerImportPreview } from '../../../domain/csv/carer-import-api';
import { ImportRowsTable, importRowId } from './import-rows-table';

const PROBLEMS_LISTED = 10;

const careWorkers = (n: number) => (n === 1 ? '1 care worker' : `${n} care workers`);

/** "3 to add, 1 to update, 2 unchanged". */
function countsText({ add, update, unchanged }: CarerImportPreview['counts']): string {
  return [`${add} to add`, `${update} to update`, `${unchanged} unchanged`].join(', ');
}

function focusRow(line: number) {
  document.getElementById(importRowId(line))?.focus();
}

interface Props {
  preview: CarerImportPreview;
  busy: boolean;
  /** Why the office refused the import just now, if it did (nothing was saved). */
  failure: string | null;
  onImport: () => void;
  onCancel: () => void;
}

/**
 * Step two: what importing would do, before anything is saved. Problems come first, each a link to
 * its row; the import button appears only when there are none, and Cancel forgets the file.
 */
export function ImportPreview({ preview, busy, failure, onImport, onCancel }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Take focus once, when the result arrives, so a screen reader hears it and keyboard users start here.
  useEffect(() => heading.current?.focus(), []);

  const problemRows = preview.rows.filter((r) => r.errors.length > 0);
  const problems = problemRows.flatMap((r) => r.errors.map((e) => ({ line: r.line, message: e.message })));
  const toDo = preview.counts.add + preview.counts.update;
  const ready = canImport(preview);

  return (
    <section aria-labelledby="import-preview-title">
      <h2 id="import-preview-title" ref={heading} tabIndex={-1}>
        What the import will do
      </h2>
      {preview.fileErrors.length > 0 ? (
        <div className="error-summary import-summary">
          <h3 id="import-file-problems">Hearth cannot read this file</h3>
          <ul>
            {preview.fileErrors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
          <p>Nothing was saved. Fix the file, then check it again.</p>
        </div>
      ) : (
        <p className="lead">
          {careWorkers(preview.rows.length)} in the file: {countsText(preview.counts)}.
        </p>
      )}
      {problemRows.length > 0 && (
        <div className="error-summary import-summary">
          <h3 id="import-row-problems">
            {problemRows.length === 1 ? '1 row has problems' : `${problemRows.length} rows have problems`}: nothing can be imported until they are fixed
          </h3>
          <ul>
            {problems.slice(0, PROBLEMS_LISTED).map((p, i) => (
              <li key={i}>
                <a
                  href={`#${importRowId(p.line)}`}
                  onClick={(e) => {
                    e.preventDefault();
                    focusRow(p.line);
                  }}
                >
                  {p.message}
                </a>
              </li>
            ))}
          </ul>
          {problems.length > PROBLEMS_LISTED && <p>And {problems.length - PROBLEMS_LISTED} more, shown on their rows below.</p>}
          <p>Fix them in the file (or in the rostering system), then check it again.</p>
        </div>
      )}
      {preview.ignoredColumns.length > 0 && (
        <p className="notice">Hearth does not use these columns and leaves them alone: {preview.ignoredColumns.join(', ')}.</p>
      )}
      {failure && (
        <p role="alert" className="error-summary">
          {failure}
        </p>
      )}
      {ready && toDo === 0 && <p className="notice">Nothing to import: every care worker in the file is already in Hearth as the file says.</p>}
      <div className="button-row">
        {ready && toDo > 0 && (
          <button type="button" className="button" aria-disabled={busy || undefined} onClick={() => !busy && onImport()}>
            {busy ? 'Importing…' : `Import ${careWorkers(toDo)}`}
          </button>
        )}
        <button type="button" className="button secondary" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
      {preview.rows.length > 0 && <ImportRowsTable rows={preview.rows} />}
    </section>
  );
}
