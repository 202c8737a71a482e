import type { HearthDatabase } from './database';

/**
 * What a wipe clears: the page's storage APIs, passed in so a test can give fake-indexeddb and fakes of
 * the rest. An API the browser lacks is left out (undefined), and the report says it was not there.
 */
export interface WipeTargets {
  indexedDB?: IDBFactory;
  caches?: Pick<CacheStorage, 'keys' | 'delete'>;
  serviceWorker?: { getRegistrations(): Promise<readonly { unregister(): Promise<boolean> }[]> };
  storages: Pick<Storage, 'clear' | 'length'>[];
}

export interface WipeOptions {
  /** A step stuck behind something (another open tab holding the database) gives up after this long, so the others still run. */
  stepTimeoutMs?: number;
}

export type WipeStepName = 'hearth-database' | 'other-databases' | 'caches' | 'service-workers' | 'web-storage';

export interface WipeStep {
  name: WipeStepName;
  outcome: 'done' | 'failed' | 'not-available';
  /** Why it failed, for the report. */
  error?: string;
}

/** What is still there after the wipe, found by enumerating every store (not assumed from the steps). */
export interface WipeLeftovers {
  databases: string[];
  caches: string[];
  serviceWorkers: number;
  storageKeys: number;
}

export interface WipeReport {
  /** True only when the check afterwards found nothing left. */
  complete: boolean;
  steps: WipeStep[];
  left: WipeLeftovers;
  /** Things that could not be checked on this browser (e.g. no indexedDB.databases()), so not claimed as empty. */
  unchecked: string[];
}

const STEP_TIMEOUT_MS = 10_000;

export function browserWipeTargets(): WipeTargets {
  const storages: Storage[] = [];
  for (const pick of [() => globalThis.localStorage, () => globalThis.sessionStorage]) {
    try {
      const storage = pick();
      if (storage) storages.push(storage);
    } catch {
      // Storage access can throw (blocked by settings): nothing of ours can be in it then.
    }
  }
  return {
    indexedDB: globalThis.indexedDB,
    caches: globalThis.caches,
    serviceWorker: globalThis.navigator?.serviceWorker,
    storages,
  };
}

/**
 * Deletes everything Hearth stored on this tablet: its IndexedDB database and any other of the origin,
 * every Cache Storage cache, the service worker, and local and session storage. Each step runs even if
 * an earlier one threw, and the result is then checked by enumerating what is left: a wipe that fails
 * silently would leave people's records on a lost tablet, so the report says exactly what remains.
 * Deleting the database deletes its keyring too: the stored data key (an organiser's tablet key or a care
 * worker's or manager's personal key) goes with it, so nothing sealed could be opened even if a copy remained.
 * The database cannot be used afterwards; the page must be reloaded to start again.
 */
export async function wipeTablet(db: HearthDatabase, targets: WipeTargets = browserWipeTargets(), options: WipeOptions = {}): Promise<WipeReport> {
  const { indexedDB, caches, serviceWorker, storages } = targets;
  const timeoutMs = options.stepTimeoutMs ?? STEP_TIMEOUT_MS;
  const step = (name: WipeStepName, available: boolean, run: () => Promise<void>) => runStep(name, available, timeoutMs, run);
  const steps: WipeStep[] = [
    await step('hearth-database', true, async () => {
      db.close();
      await deleteDatabase(indexedDB, db.name);
    }),
    await step('other-databases', indexedDB !== undefined, async () => {
      if (typeof indexedDB!.databases !== 'function') return;
      const names = (await indexedDB!.databases()).flatMap((info) => (info.name ? [info.name] : []));
      await allOrFirstError(names.map((name) => deleteDatabase(indexedDB, name)));
    }),
    await step('caches', caches !== undefined, async () => {
      await allOrFirstError((await caches!.keys()).map((key) => caches!.delete(key)));
    }),
    await step('service-workers', serviceWorker !== undefined, async () => {
      await allOrFirstError((await serviceWorker!.getRegistrations()).map((registration) => registration.unregister()));
    }),
    await step('web-storage', storages.length > 0, async () => {
      for (const storage of storages) storage.clear();
    }),
  ];
  const { left, unchecked } = await enumerateLeftovers(targets);
  const nothingLeft = left.databases.length === 0 && left.caches.length === 0 && left.serviceWorkers === 0 && left.storageKeys === 0;
  return { complete: nothingLeft && unchecked.length === 0, steps, left, unchecked };
}

/** What Hearth's origin still holds, by asking each API (never from what the wipe believes it did). */
export async function enumerateLeftovers(targets: WipeTargets): Promise<{ left: WipeLeftovers; unchecked: string[] }> {
  const unchecked: string[] = [];
  const left: WipeLeftovers = { databases: [], caches: [], serviceWorkers: 0, storageKeys: 0 };
  if (targets.indexedDB && typeof targets.indexedDB.databases === 'function') {
    left.databases = await targets.indexedDB
      .databases()
      .then((list) => list.map((info) => info.name ?? '(unnamed)'))
      .catch(() => {
        unchecked.push('databases');
        return [];
      });
  } else if (targets.indexedDB) {
    unchecked.push('databases');
  }
  if (targets.caches) {
    left.caches = await targets.caches.keys().catch(() => {
      unchecked.push('caches');
      return [];
    });
  }
  if (targets.serviceWorker) {
    left.serviceWorkers = await targets.serviceWorker
      .getRegistrations()
      .then((list) => list.length)
      .catch(() => {
        unchecked.push('service-workers');
        return 0;
      });
  }
  for (const storage of targets.storages) {
    try {
      left.storageKeys += storage.length;
    } catch {
      unchecked.push('web-storage');
    }
  }
  return { left, unchecked };
}

async function runStep(name: WipeStepName, available: boolean, timeoutMs: number, run: () => Promise<void>): Promise<WipeStep> {
  if (!available) return { name, outcome: 'not-available' };
  try {
    await withTimeout(run(), timeoutMs, `${name} did not finish within ${timeoutMs / 1000} seconds`);
    return { name, outcome: 'done' };
  } catch (error) {
    return { name, outcome: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
}

/** Waits for every promise (each deletion is tried), then throws the first failure if any. */
async function allOrFirstError(promises: Promise<unknown>[]): Promise<void> {
  const results = await Promise.allSettled(promises);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/**
 * IndexedDB's own delete (not Dexie's, which waits for the database object it was given): succeeds once the
 * database is gone. "blocked" means another tab still has it open; the deletion then completes when that tab
 * closes it, so it is waited for up to the step's time limit.
 */
function deleteDatabase(indexedDB: IDBFactory | undefined, name: string): Promise<void> {
  if (!indexedDB) return Promise.reject(new Error('this browser has no IndexedDB'));
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error ?? new Error(`could not delete the database ${name}`));
  });
}

function withTimeout<T>(promise: Promise<T>, timeoutMs: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), timeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
