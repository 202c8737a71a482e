import { useState } from 'react';
import { ChooseImportFile } from '../components/import/choose-import-file';
import { DoneImport } from '../components/import/done-import';
import { ImportPreview } from '../components/import/import-preview';
import { useCarerImport } from '../components/import/use-carer-import';
import { PageHeading } from '../components/page-heading';
import { assertNever } from '../assert-never';
import '../components/import/import.css';

/** "Import care workers": a rota's CSV in, checked row by row before anything is saved. */
export function ImportCarersScreen() {
  const { state, failure, check, confirm, reset } = useCarerImport();
  const [message, setMessage] = useState('');
  /** Whether the organiser came back to the first step (Cancel, Import another file), so it takes focus. */
  const [returned, setReturned] = useState(false);

  function cancel() {
    reset();
    setReturned(true);
    setMessage('Cancelled: nothing was saved.');
  }

  function another() {
    reset();
    setReturned(true);
    setMessage('');
  }

  function body() {
    switch (state.step) {
      case 'choose':
      case 'checking':
        return (
          <>
            {failure && (
              <p role="alert" className="error-summary">
                {failure}
              </p>
            )}
            <ChooseImportFile
              busy={state.step === 'checking'}
              takeFocus={returned}
              onCheck={(csv) => {
                setMessage('');
                void check(csv);
              }}
            />
          </>
        );
      case 'preview':
      case 'importing':
        return <ImportPreview preview={state.preview} busy={state.step === 'importing'} failure={failure} onImport={() => void confirm()} onCancel={cancel} />;
      case 'done':
        return <DoneImport result={state.result} onAnother={another} />;
      default:
        return assertNever(state);
    }
  }

  return (
    <>
      <PageHeading>Import care workers</PageHeading>
      <p>
        Bring care workers and their availability in from your rostering system. Hearth checks the file first and shows what it will do;
        nothing is saved until you choose Import.
      </p>
      <p role="status" className={message ? 'notice' : undefined}>
        {message}
      </p>
      {body()}
    </>
  );
}
