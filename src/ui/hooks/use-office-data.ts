import { useCallback, useEffect, useState } from 'react';
import { ApiFailure, NetworkFailure, type Transport } from '../../sync/transport';
import { useAppServices } from '../app';

export type OfficeData<T> =
  | { kind: 'loading' }
  | { kind: 'ready'; value: T }
  | { kind: 'offline' }
  | { kind: 'failed'; message: string };

/**
 * Asks the office for something only it has (nothing here is kept on the tablet), when the screen
 * opens and again on `reload()`. `ask` must be stable for the same request: pass it with useCallback.
 */
export function useOfficeData<T>(ask: (transport: Transport) => Promise<T>): OfficeData<T> & { reload: () => void } {
  const { transport } = useAppServices();
  const [state, setState] = useState<OfficeData<T>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let mounted = true;
    setState({ kind: 'loading' });
    ask(transport).then(
      (value) => mounted && setState({ kind: 'ready', value }),
      (error: unknown) => mounted && setState(describeFailure(error)),
    );
    return () => {
      mounted = false;
    };
  }, [ask, transport, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}

function describeFailure(error: unknown): { kind: 'offline' } | { kind: 'failed'; message: string } {
  if (error instanceof NetworkFailure) return { kind: 'offline' };
  if (error instanceof ApiFailure && error.status === 401) {
    return { kind: 'failed', message: 'The office asks you to sign in again. Sign out, then sign in.' };
  }
  return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
}
