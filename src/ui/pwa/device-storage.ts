import type { HearthDatabase } from '../../local-db/database';
import { updateSyncState } from '../../local-db/queries';

/** The browser's storage manager as Hearth uses it; absent in old browsers, faked in tests. */
export interface DeviceStorage {
  estimate(): Promise<{ usage?: number; quota?: number } | undefined>;
  persisted(): Promise<boolean>;
  persist(): Promise<boolean>;
}

export function browserStorage(): DeviceStorage | undefined {
  const manager = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!manager?.estimate || !manager.persist || !manager.persisted) return undefined;
  return {
    estimate: () => manager.estimate(),
    persisted: () => manager.persisted(),
    persist: () => manager.persist(),
  };
}

/**
 * Asks the browser not to clear Hearth's storage under pressure (it holds unsent decisions and films),
 * and keeps its answer on the tablet so the "This tablet" screen and a later check can show it.
 * A refusal is an answer, not an error.
 */
export async function askToKeepStorage(db: HearthDatabase, storage: DeviceStorage | undefined, now: () => Date): Promise<boolean | undefined> {
  if (!storage) return undefined;
  const persisted = (await storage.persisted().catch(() => false)) || (await storage.persist().catch(() => false));
  await updateSyncState(db, { storagePersisted: persisted, storagePersistCheckedAt: now().toISOString() });
  return persisted;
}
