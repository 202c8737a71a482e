import { useSyncExternalStore } from 'react';
import type { SyncStatus } from '../../sync/sync-engine';
import { useAppServices } from '../app';

/** The sync engine's status ('idle' | 'syncing' | 'offline' | 'error'), kept current. */
export function useSyncStatus(): SyncStatus {
  const { sync } = useAppServices();
  return useSyncExternalStore(
    (onChange) => {
      const unsubscribe = sync.subscribe(onChange);
      return () => void unsubscribe();
    },
    () => sync.getStatus(),
  );
}
