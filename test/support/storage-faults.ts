import type { DBCore } from 'dexie';
import type { HearthDatabase } from '../../src/local-db/database';
import { getOrCreateDevice, saveSession } from '../../src/local-db/queries';
import { makeSession } from './factories';
import { freshDb, TEST_DEVICE_ID } from './test-db';

/**
 * Makes chosen writes fail as a full tablet does: every write (a put, add, delete or update reaching
 * IndexedDB) is numbered, and the numbers in `failing` reject with a QuotaExceededError DOMException.
 */
export class StorageFaults {
  writes = 0;
  readonly failing = new Set<number>();
  injected = 0;
  /** Only writes to these tables count (all tables when empty). */
  readonly tables = new Set<string>();

  shouldFail(table: string): boolean {
    if (this.tables.size > 0 && !this.tables.has(table)) return false;
    this.writes += 1;
    if (!this.failing.has(this.writes)) return false;
    this.injected += 1;
    return true;
  }

  /** Fails the next `count` writes from now on. */
  failNext(count = 1): void {
    for (let i = 1; i <= count; i++) this.failing.add(this.writes + i);
  }
}

/** A signed-in tablet database whose writes go through `faults` (Dexie middleware must be added before it opens). */
export async function signedInDbWithFaults(faults: StorageFaults): Promise<HearthDatabase> {
  const db = freshDb();
  db.use({
    stack: 'dbcore',
    name: 'storage-faults',
    create: (down: DBCore): DBCore => ({
      ...down,
      table(name) {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request) =>
            faults.shouldFail(name) ? Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError')) : table.mutate(request),
        };
      },
    }),
  });
  await saveSession(db, makeSession(), new Date('2026-11-24T09:00:00Z'));
  await getOrCreateDevice(db, 'Test tablet', () => TEST_DEVICE_ID);
  return db;
}
