import { afterEach } from 'vitest';
import { openHearthDatabase, type HearthDatabase } from '../../src/local-db/database';
import { getOrCreateDevice, saveSession } from '../../src/local-db/queries';
import type { Clock } from '../../src/local-db/record-event';
import { makeSession } from './factories';
import { holdTestDataKey } from './test-data-key';

let opened: HearthDatabase[] = [];
let serial = 0;

afterEach(async () => {
  for (const db of opened) {
    db.close();
    await db.delete();
  }
  opened = [];
});

/** A fresh Dexie database (on fake-indexeddb) per test, deleted afterwards, with a data key in memory. */
export function freshDb(): HearthDatabase {
  serial += 1;
  const db = holdTestDataKey(openHearthDatabase(`hearth-test-${process.pid}-${serial}`));
  opened.push(db);
  return db;
}

export const TEST_DEVICE_ID = '01900000-0000-7000-8000-00000000d001';

/** A tablet that has been signed in once: it has a session and a device id. */
export async function signedInDb(): Promise<HearthDatabase> {
  const db = freshDb();
  await saveSession(db, makeSession(), new Date('2026-11-24T09:00:00Z'));
  await getOrCreateDevice(db, 'Test tablet', () => TEST_DEVICE_ID);
  return db;
}

/** A clock that ticks one second per call, with counter-based "random" bytes: repeatable ids. */
export function fixedClock(start = '2026-11-24T10:00:00Z'): Clock {
  let t = new Date(start).getTime();
  let n = 0;
  return {
    now: () => new Date((t += 1000)),
    randomBytes: (count) => {
      n += 1;
      return Uint8Array.from({ length: count }, (_, i) => (n * 31 + i) % 256);
    },
  };
}
