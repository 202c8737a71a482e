import { useEffect, useRef } from 'react';
import type { CarerImportResult } from '../../../domain/csv/carer-import-api';

const careWorkers = (n: number) => (n === 1 ? '1 care worker' : `${n} care workers`);

/** Step three: what was saved, in plain words. */
export function DoneImport({ result, onAnother }: { result: CarerImportResult; onAnother: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="card" aria-labelledby="import-done-title">
      <h2 id="import-done-title" ref={heading} tabIndex={-1}>
        Import finished
      </h2>
      <p className="lead">
        {careWorkers(result.added)} added, {careWorkers(result.updated)} updated, {result.unchanged} unchanged.
      </p>
      {result.added > 0 && (
        <p>
          New care workers are not shown to anyone yet: each first writes their one-page profile, adds a photo and a film, and agrees to be
          shown.
        </p>
      )}
      <button type="button" className="button secondary" onClick={onAnother}>
        Import another file
      </button>
    </section>
  );
}
