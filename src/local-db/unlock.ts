import { createDataKey, importOfficeKey, unwrapWithOfficeKey, unwrapWithPassphrase } from './data-key';
import type { HearthDatabase } from './database';
import { sealLegacyRecords } from './legacy-records';
import { checkOrganiserPin, hasOrganiserPin } from './organiser-pin';

/**
 * Getting the data key into memory, and the organiser lock. Three ways in:
 *  - signing in online (email and password): the office's key for this tablet opens the data key (or
 *    a new one is made on a tablet that has none), and the password typed wraps it again;
 *  - the password alone, offline, after a reload or after too many wrong PINs;
 *  - the PIN, only while the key is still in memory and the screen is merely locked.
 */

export type SignInUnlock = 'created' | 'unlocked' | 'rewrapped' | 'other-key';

/**
 * At an online sign-in. `officeSecret` is the office's 32-byte key for this tablet. 'other-key': the
 * data key stored here is not this office's (another organisation's tablet): nothing is changed.
 */
export async function unlockAtSignIn(db: HearthDatabase, password: string, officeSecret: Uint8Array<ArrayBuffer>, now: Date): Promise<SignInUnlock> {
  const officeKey = await importOfficeKey(officeSecret);
  const stored = await db.keyring.get('data');
  if (!stored) {
    const made = await createDataKey(password, officeKey, now);
    // Another tab may have made one meanwhile: the first stored wins, and this sign-in opens that one.
    const kept = await db.transaction('rw', db.keyring, async () => {
      if (await db.keyring.get('data')) return false;
      await db.keyring.add(made.record);
      return true;
    });
    if (kept) {
      await startWith(db, made.key);
      return 'created';
    }
    return unlockAtSignIn(db, password, officeSecret, now);
  }
  const opened = await unwrapWithOfficeKey(stored, officeKey, password, now);
  if (!opened) return 'other-key';
  await db.keyring.put(opened.record);
  await startWith(db, opened.key);
  // 'unlocked' when the password already opened it (nothing new for the organiser), else it was wrapped for the new one.
  return (await unwrapWithPassphrase(stored, password)) ? 'unlocked' : 'rewrapped';
}

export type PasswordUnlock = 'unlocked' | 'wrong-password' | 'no-key-stored';

/** Offline: the organiser's Hearth password (as last typed at a sign-in on this tablet) opens the data key. */
export async function unlockWithPassword(db: HearthDatabase, password: string): Promise<PasswordUnlock> {
  const stored = await db.keyring.get('data');
  if (!stored) return 'no-key-stored';
  const key = await unwrapWithPassphrase(stored, password);
  if (!key) return 'wrong-password';
  await startWith(db, key);
  return 'unlocked';
}

/** Whether a data key is stored on this tablet (wrapped): without one, only an online sign-in opens Hearth. */
export async function hasStoredDataKey(db: HearthDatabase): Promise<boolean> {
  return (await db.keyring.get('data')) !== undefined;
}

export type PinUnlock = 'unlocked' | 'wrong' | 'key-dropped' | 'wait' | 'no-key' | 'not-set';

/**
 * The organiser's PIN re-opens the locked screen, only while the data key is in memory. Wrong PINs are
 * counted (organiser-pin.ts); the fifth in a row drops the key, and then only the password or an online
 * sign-in opens Hearth: a 4–6 digit PIN must never be the only thing between a thief and the records.
 */
export async function unlockWithPin(db: HearthDatabase, pin: string, now: Date): Promise<PinUnlock> {
  if (db.dataKey.state() === 'no-key') return 'no-key';
  const check = await checkOrganiserPin(db, pin, now);
  switch (check) {
    case 'right':
      return db.dataKey.state() === 'no-key' ? 'no-key' : 'unlocked';
    case 'wrong':
      return db.dataKey.state() === 'no-key' ? 'key-dropped' : 'wrong';
    case 'wait':
      return db.dataKey.state() === 'no-key' ? 'key-dropped' : 'wait';
    case 'not-set':
      return 'not-set';
  }
}

/** Locks the screen behind the PIN; the key stays in memory (records keep syncing). */
export function lockScreen(db: HearthDatabase): void {
  db.dataKey.lock();
}

/**
 * After a few minutes without use. Behind the PIN when one is set; without one (a care worker's or
 * manager's browser, or an organiser before the first hand-over) no PIN could open it again, so the key
 * is forgotten instead and the password or a sign-in opens Hearth.
 */
export async function lockWhenIdle(db: HearthDatabase): Promise<void> {
  if (await hasOrganiserPin(db)) db.dataKey.lock();
  else db.dataKey.drop();
}

async function startWith(db: HearthDatabase, key: CryptoKey): Promise<void> {
  db.dataKey.hold(key);
  // A tablet upgraded from before encryption: its clear records are sealed now, none dropped.
  await sealLegacyRecords(db);
}
