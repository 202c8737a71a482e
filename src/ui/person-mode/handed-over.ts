import type { HearthDatabase } from '../../local-db/database';

/**
 * Which visit's person mode the tablet was handed over for, until the organiser's PIN takes it back.
 *
 * Kept in localStorage, not Dexie, because it must be known before the first frame of any screen: a
 * typed address, a reload, a Back step into another document, a second tab or a relaunch of the
 * home-screen app all start the app afresh, and an organiser screen must not flash up while a database
 * read is pending. It holds only the visit's random id, nothing about the person. The key carries the
 * database's name so that each database (each test's, too) has its own.
 */
type Named = Pick<HearthDatabase, 'name'>;

const keyFor = (db: Named): string => `hearth.handed-over.${db.name}`;

export function handedOverVisitId(db: Named): string | null {
  try {
    return localStorage.getItem(keyFor(db));
  } catch {
    // Storage switched off entirely: nothing was recorded, so nothing is held.
    return null;
  }
}

export function markHandedOver(db: Named, visitId: string): void {
  localStorage.setItem(keyFor(db), visitId);
}

export function clearHandedOver(db: Named): void {
  localStorage.removeItem(keyFor(db));
}
