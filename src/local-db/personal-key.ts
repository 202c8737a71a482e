import { createPersonalDataKey, isPersonalKey, unwrapWithPassphrase, type WrappedKeyRecord } from './data-key';
import type { HearthDatabase } from './database';

export type PersonalOpen = 'created' | 'unlocked' | 'replaced' | 'tablet-holds-records';

/**
 * For an account that takes no visit records out (a care worker keeping their own profile, a manager
 * reading reports): the office neither enrols their browser nor keeps a key for it, so their data key is
 * stored on this browser wrapped by their password only (data-key.ts, PersonalKeyRecord). A reload or the
 * idle lock forgets it from memory, and their password opens it again, so a draft they were typing comes
 * back exactly as typed (issue 6).
 *
 * At an online sign-in with `accountId` (the office's random id of the account):
 *  - 'unlocked': this account's key is stored here and the password opens it; drafts and session are kept.
 *  - 'created': no key was stored; a new one is made.
 *  - 'replaced': the key stored here is another account's, or this account's but the password no longer
 *    opens it (it was reset at the office). What it sealed (form drafts, the session) can never be opened
 *    by this sign-in, and a care worker's draft is theirs, not the next person's: it is cleared, and this
 *    account starts fresh with a new key.
 *  - 'tablet-holds-records': the browser holds an organiser's tablet key (visit records they may not open):
 *    refused, nothing changed.
 */
export async function openPersonalKey(db: HearthDatabase, accountId: string, password: string, now: Date): Promise<PersonalOpen> {
  const stored = await db.keyring.get('data');
  if (stored && !isPersonalKey(stored)) return 'tablet-holds-records';
  if (stored && stored.accountId === accountId) {
    const key = await unwrapWithPassphrase(stored, password);
    if (key) {
      db.dataKey.hold(key);
      return 'unlocked';
    }
  }
  const made = await createPersonalDataKey(password, accountId, now);
  // Another tab may have changed the keyring meanwhile: then start again from what it stored.
  const kept = await db.transaction('rw', db.keyring, db.formDrafts, db.session, async () => {
    if (!sameRecord(await db.keyring.get('data'), stored)) return false;
    await clearPersonalRecordsInside(db);
    await db.keyring.put(made.record);
    return true;
  });
  if (!kept) return openPersonalKey(db, accountId, password, now);
  db.dataKey.hold(made.key);
  return stored ? 'replaced' : 'created';
}

/**
 * Removes a care worker's or manager's key from this browser with what it sealed (their drafts, the
 * session) and forgets it from memory: at sign-out, and before an organiser's sign-in makes this browser
 * their tablet. Returns false, changing nothing, when the key stored here is an organiser's tablet key
 * (records waiting to be sent must survive a sign-out) or there is none.
 */
export async function forgetPersonalKey(db: HearthDatabase): Promise<boolean> {
  const forgot = await db.transaction('rw', db.keyring, db.formDrafts, db.session, async () => {
    const stored = await db.keyring.get('data');
    if (!stored || !isPersonalKey(stored)) return false;
    await clearPersonalRecordsInside(db);
    await db.keyring.delete('data');
    return true;
  });
  if (forgot) db.dataKey.drop();
  return forgot;
}

/** What a personal key seals: the account's form drafts and its session. Inside a transaction over those tables. */
async function clearPersonalRecordsInside(db: HearthDatabase): Promise<void> {
  await db.formDrafts.clear();
  await db.session.clear();
}

const sameRecord = (a: WrappedKeyRecord | undefined, b: WrappedKeyRecord | undefined): boolean =>
  a?.createdAt === b?.createdAt && a?.passphrase.salt === b?.passphrase.salt;
