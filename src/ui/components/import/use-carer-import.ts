import { useCallback, useState } from 'react';
import type { CarerImportPreview, CarerImportResult } from '../../../domain/csv/carer-import-api';
import { ApiFailure, NetworkFailure } from '../../../sync/transport';
import { useAppServices } from '../../app';

/** Where the organiser is in an import. Nothing is saved before 'importing'. */
export type CarerImportState =
  | { step: 'choose' }
  | { step: 'checking' }
  | { step: 'preview'; csv: string; preview: CarerImportPreview }
  | { step: 'importing'; csv: string; preview: CarerImportPreview }
  | { step: 'done'; result: CarerImportResult };

const OFFLINE = 'Importing needs a connection to the office, and this tablet has none right now. Connect to Wi-Fi or mobile data, then try again.';

function failureMessage(error: unknown): string {
  if (error instanceof NetworkFailure) return OFFLINE;
  if (error instanceof ApiFailure && error.status === 401) return 'The office asks you to sign in again. Sign out, then sign in.';
  return error instanceof Error ? error.message : String(error);
}

/** Checking a carer file with the office, then importing exactly the text that was checked. */
export function useCarerImport() {
  const { transport } = useAppServices();
  const [state, setState] = useState<CarerImportState>({ step: 'choose' });
  const [failure, setFailure] = useState<string | null>(null);

  const check = useCallback(
    async (csv: string) => {
      setFailure(null);
      setState({ step: 'checking' });
      try {
        setState({ step: 'preview', csv, preview: await transport.previewCarerImport(csv) });
      } catch (error) {
        setFailure(failureMessage(error));
        setState({ step: 'choose' });
      }
    },
    [transport],
  );

  const confirm = useCallback(async () => {
    if (state.step !== 'preview') return;
    const { csv, preview } = state;
    setFailure(null);
    setState({ step: 'importing', csv, preview });
    try {
      setState({ step: 'done', result: await transport.importCarers(csv) });
    } catch (error) {
      // Nothing was saved: the preview stays, with why.
      setFailure(failureMessage(error));
      setState({ step: 'preview', csv, preview });
    }
  }, [state, transport]);

  const reset = useCallback(() => {
    setFailure(null);
    setState({ step: 'choose' });
  }, []);

  return { state, failure, check, confirm, reset };
}
