import { useEffect, useState } from 'react';
import { refreshVisits } from '../../sync/visit-list';
import { ApiFailure, NetworkFailure } from '../../sync/transport';
import { useAppServices } from '../app';

export type RefreshState =
  | { kind: 'refreshing' }
  | { kind: 'up-to-date' }
  | { kind: 'offline' }
  | { kind: 'signed-out' }
  | { kind: 'failed'; message: string };

/**
 * Asks the office for the latest list of visits when a screen opens. Whatever happens, the screen
 * goes on showing the tablet's own copy from Dexie: this only brings it up to date.
 */
export function useRefreshVisitsOnOpen(): RefreshState {
  const { db, transport } = useAppServices();
  const [state, setState] = useState<RefreshState>({ kind: 'refreshing' });
  useEffect(() => {
    let mounted = true;
    refreshVisits(db, transport).then(
      () => mounted && setState({ kind: 'up-to-date' }),
      (error: unknown) => mounted && setState(describeFailure(error)),
    );
    return () => {
      mounted = false;
    };
  }, [db, transport]);
  return state;
}

function describeFailure(error: unknown): RefreshState {
  if (error instanceof NetworkFailure) return { kind: 'offline' };
  if (error instanceof ApiFailure && error.status === 401) return { kind: 'signed-out' };
  return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
}
