import { createDataKey, importOfficeKey, isPersonalKey, rewrapPassphrase, unwrapWithOfficeKey, unwrapWithPassphrase } from './data-key';
import type { HearthDatabase } from './database';
import { sealLegacyRecords } from './legacy-records';
import { checkOrganiserPin, hasOrganiserPin } from './organiser-pin';
import { forgetPersonalKey } from './personal-key';

/**
 * Getting the data key into memory, and the organiser lock. Three ways in:
 *  - signing in online (email and password): the office's key for this tablet opens the data key (or
 *    a new one is made on a tablet that has none), and the password typed wraps it again;
 *  - the password alone, offline, after a reload or after too many wrong PINs;
 *  - the PIN, only while the key is still in memory and the screen is merely locked.
 * A care worker's or manager's browser has a personal key instead (personal-key.ts): an online sign-in
 * opens it there, and the password alone opens it after a reload, as here.
 */

export type SignInUnlock = 'created' | 'unlocked' | 'rewrapped' | 'other-key';

/**
 * At an online sign-in. `officeSecret` is the office's 32-byte key for this tablet. 'other-key': the
 * data key stored here is not this office's (another organisation's tablet): nothing is changed.
 * A browser holding a care worker's or manager's personal key becomes this organiser's tablet: that key
 * and what it sealed (their drafts, their session), which the organiser may not open, are cleared first.
 */
export async function unlockAtSignIn(db: HearthDatabase, password: string, officeSecret: Uint8Array<ArrayBuffer>, now: Date): Promise<SignInUnlock> {
  const officeKey = await importOfficeKey(officeSecret);
  let stored = await db.keyring.get('data');
  if (stored && isPersonalKey(stored)) {
    await forgetPersonalKey(db);
    stored = await db.keyring.get('data');
  }
  if (stored && isPersonalKey(stored)) return unlockAtSignIn(db, password, officeSecret, now);
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

/**
 * Offline: the Hearth password (as last typed at a sign-in on this tablet, or changed here) opens the
 * data key: an organiser's tablet key, or a care worker's or manager's personal key.
 */
export async function unlockWithPassword(db: HearthDatabase, password: string): Promise<PasswordUnlock> {
  const stored = await db.keyring.get('data');
  if (!stored) return 'no-key-stored';
  const key = await unwrapWithPassphrase(stored, password);
  if (!key) return 'wrong-password';
  await startWith(db, key);
  return 'unlocked';
}

/**
 * Which data key is stored here (wrapped): none (only an online sign-in opens Hearth), an organiser's
 * tablet key, or a care worker's or manager's personal key.
 */
export type StoredKeyKind = 'none' | 'tablet' | 'personal';

export async function storedKeyKind(db: HearthDatabase): Promise<StoredKeyKind> {
  const stored = await db.keyring.get('data');
  if (!stored) return 'none';
  return isPersonalKey(stored) ? 'personal' : 'tablet';
}

export type PasswordRewrap = 'rewrapped' | 'no-key-in-memory' | 'no-key-stored' | 'not-this-account';

/**
 * After the office accepted a change of one's own password: the stored data key is wrapped again by
 * `next`, so the offline unlock (after a reload or the idle lock) takes the new password, and the old one
 * opens nothing. Only when the key is in memory (this session opened it) and the stored key is this
 * account's: a personal key naming `accountId` or a tablet key, that `current` opens and that is the key
 * in memory. Otherwise it is left as it is: a tablet key wrapped by another organiser's password is theirs,
 * and the office's wrap lets this organiser in at their next online sign-in (which wraps it for the
 * password typed then). The office wrap is never touched.
 */
export async function rewrapForNewPassword(db: HearthDatabase, accountId: string, current: string, next: string, now: Date): Promise<PasswordRewrap> {
  if (db.dataKey.state() === 'no-key') return 'no-key-in-memory';
  const inMemory = db.dataKey.require();
  const stored = await db.keyring.get('data');
  if (!stored) return 'no-key-stored';
  if (isPersonalKey(stored) && stored.accountId !== accountId) return 'not-this-account';
  const rewrapped = await rewrapPassphrase(stored, current, next, inMemory, now);
  if (!rewrapped) return 'not-this-account';
  // Stored only over the record it was made from: a sign-in in another tab meanwhile wins.
  const kept = await db.transaction('rw', db.keyring, async () => {
    const latest = await db.keyring.get('data');
    if (latest?.passphrase.salt !== stored.passphrase.salt) return false;
    await db.keyring.put(rewrapped);
    return true;
  });
  return kept ? 'rewrapped' : 'not-this-account';
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
 * is forgotten from memory instead (it stays stored, wrapped) and the Unlock screen asks for the password,
 * with "Sign in with your email instead" always there. Nothing typed is lost: drafts stay stored, sealed.
 */
export async function lockWhenIdle(db: HearthDatabase): Promise<void> {
  // A PIN left from an organiser (before this browser held a personal key) is not the care worker's to type.
  if ((await storedKeyKind(db)) !== 'personal' && (await hasOrganiserPin(db))) db.dataKey.lock();
  else db.dataKey.drop();
}

async function startWith(db: HearthDatabase, key: CryptoKey): Promise<void> {
  db.dataKey.hold(key);
  // A tablet upgraded from before encryption: its clear records are sealed now, none dropped.
  await sealLegacyRecords(db);
}
