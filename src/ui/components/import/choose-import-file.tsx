import { useEffect, useRef, useState, type FormEvent } from 'react';
import template from '../../../../docs/carer-import-template.csv?raw';
import { readImportFile } from './read-import-file';

const TEMPLATE_HREF = `data:text/csv;charset=utf-8,${encodeURIComponent(template)}`;

/**
 * Step one: a CSV file from the rostering system, or its text pasted in. "Check the file" asks the
 * office what importing it would do; nothing is saved.
 */
export function ChooseImportFile({ busy, onCheck, takeFocus }: { busy: boolean; onCheck: (csv: string) => void; takeFocus: boolean }) {
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // Back here after Cancel or an import: start from this step's heading rather than the top of the page.
  useEffect(() => {
    if (takeFocus) heading.current?.focus();
  }, [takeFocus]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!file && pasted.trim() === '') {
      setProblem('Choose a CSV file, or paste its text, then check it.');
      fileInput.current?.focus();
      return;
    }
    setProblem(null);
    if (!file) return onCheck(pasted);
    const read = await readImportFile(file);
    if (!read.ok) {
      setProblem(read.problem);
      fileInput.current?.focus();
      return;
    }
    onCheck(read.text);
  }

  return (
    <form className="form card" onSubmit={submit} noValidate aria-labelledby="import-choose-title">
      <h2 id="import-choose-title" ref={heading} tabIndex={-1}>
        Choose the file
      </h2>
      <p>
        Export the care workers from your rostering system as CSV, with the columns of{' '}
        <a href={TEMPLATE_HREF} download="hearth-carer-import-template.csv">
          the template (CSV)
        </a>
        . Staff ID and First name are needed; the other columns are optional.
      </p>
      <div className="field">
        <label htmlFor="import-file">CSV file</label>
        {problem && (
          <p id="import-file-error" className="field-error">
            {problem}
          </p>
        )}
        <input
          ref={fileInput}
          id="import-file"
          type="file"
          accept=".csv,text/csv"
          aria-invalid={problem ? true : undefined}
          aria-describedby={problem ? 'import-file-error' : undefined}
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setProblem(null);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor="import-paste">Or paste the file’s text</label>
        <p id="import-paste-hint" className="hint">
          Used only when no file is chosen.
        </p>
        <textarea id="import-paste" rows={6} value={pasted} onChange={(e) => setPasted(e.target.value)} aria-describedby="import-paste-hint" spellCheck={false} />
      </div>
      <button type="submit" className="button" aria-disabled={busy || undefined}>
        {busy ? 'Checking…' : 'Check the file'}
      </button>
    </form>
  );
}
