import type { HearthDatabase } from '../../src/local-db/database';

/**
 * One data key for the tests that are not about unlocking: as if the organiser had signed in on the
 * tablet and the key were in memory. Non-extractable, as in the app. (test/local-db/unlock.test.ts
 * makes and wraps its keys the real way.)
 */
const TEST_DATA_KEY = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);

export function holdTestDataKey(db: HearthDatabase): HearthDatabase {
  db.dataKey.hold(TEST_DATA_KEY);
  return db;
}
