import type { HearthDatabase } from './database';
import { updateSyncState } from './queries';

/**
 * Noticing that the browser evicted Hearth's storage (F7). Safari clears the storage of a site not added
 * to the Home Screen after 7 days without a visit, and any browser may clear it under storage pressure;
 * either way IndexedDB simply comes back empty, and the app would carry on as if it were a new tablet,
 * while the outcomes it had not yet sent are gone.
 *
 * So at first open a random marker is written into IndexedDB (the syncState record) and copied into
 * localStorage. Each launch compares the two. The marker in localStorage but not (or a different one) in
 * IndexedDB means the database was cleared and localStorage survived: eviction. Both empty is a first
 * open, or the app's own deliberate wipe, which clears both (forgetInstallMarker). Only IndexedDB's copy
 * is the source of truth: it is written first, so a launch cut off between the two writes is never taken
 * for an eviction. Neither copy holds anything about anyone.
 */

/** Where the marker's second copy lives: localStorage in the app, something Storage-like in tests. */
export type MarkerMirror = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export type SentinelCheck =
  /** Nothing of Hearth's here before: the marker has been made. */
  | { kind: 'first-open' }
  | { kind: 'intact' }
  /** localStorage lost its copy but IndexedDB kept everything: nothing was lost; the copy is made again. */
  | { kind: 'mirror-restored' }
  /** The database was cleared while localStorage was kept: records not yet sent and downloaded visits are gone. */
  | { kind: 'evicted'; lostAt: string };

/** The key carries the database's name, so each database (each test's too) has its own marker. */
export const installMarkerKey = (db: Pick<HearthDatabase, 'name'>): string => `hearth.install-marker.${db.name}`;

/** The page's localStorage, or undefined where the browser refuses it (some private modes throw on access). */
export function browserMarkerMirror(): MarkerMirror | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

function readMirror(mirror: MarkerMirror | undefined, key: string): string | null {
  try {
    return mirror?.getItem(key) ?? null;
  } catch {
    // localStorage switched off entirely: the check falls back to IndexedDB alone (no alarm possible).
    return null;
  }
}

function writeMirror(mirror: MarkerMirror | undefined, key: string, marker: string): void {
  try {
    mirror?.setItem(key, marker);
  } catch {
    // Full or switched off: the next launch restores it, and IndexedDB still holds the marker.
  }
}

/**
 * Run once per launch, before anything else writes to the database. `makeMarker` is crypto.randomUUID in
 * the app. An eviction is recorded in syncState (storageLostAt), so its notice stays until the organiser
 * has read it, across reloads, and the marker is made again so the next launch is quiet.
 */
export async function checkForEviction(
  db: HearthDatabase,
  mirror: MarkerMirror | undefined,
  { now, makeMarker }: { now: () => Date; makeMarker: () => string },
): Promise<SentinelCheck> {
  const key = installMarkerKey(db);
  const mirrored = readMirror(mirror, key);
  // One transaction: two tabs opening at once agree on one marker instead of each writing its own.
  const result = await db.transaction('rw', db.syncState, async (): Promise<{ check: SentinelCheck; marker: string }> => {
    const state = await db.syncState.get('state');
    const stored = state?.installMarker;
    if (stored !== undefined && (mirrored === null || mirrored === stored)) {
      return { check: { kind: mirrored === null && mirror !== undefined ? 'mirror-restored' : 'intact' }, marker: stored };
    }
    const at = now().toISOString();
    const marker = makeMarker();
    if (mirrored === null) {
      await updateSyncState(db, { installMarker: marker, installMarkerAt: at });
      return { check: { kind: 'first-open' }, marker };
    }
    // A launch cut off after recording an eviction keeps the first time it was noticed.
    const lostAt = state?.storageLostAt ?? at;
    await updateSyncState(db, { installMarker: marker, installMarkerAt: at, storageLostAt: lostAt });
    return { check: { kind: 'evicted', lostAt }, marker };
  });
  writeMirror(mirror, key, result.marker);
  return result.check;
}

/** The organiser has read the notice (and told the office). */
export async function acknowledgeStorageLoss(db: HearthDatabase): Promise<void> {
  await updateSyncState(db, { storageLostAt: undefined });
}

/**
 * For the app's own deliberate wipe (sign-out, a revoked tablet, a purge of everything): removes the
 * localStorage copy, so the emptied database is not taken for an eviction at the next launch. Call it
 * together with deleting the database (clearing all of localStorage does the same).
 */
export function forgetInstallMarker(db: Pick<HearthDatabase, 'name'>, mirror: MarkerMirror | undefined): void {
  try {
    mirror?.removeItem(installMarkerKey(db));
  } catch {
    // Switched off: there is no copy to remove.
  }
}
