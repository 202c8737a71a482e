import type { HearthDatabase } from './database';

export type SessionOnlyOpen = 'opened' | 'tablet-holds-records';

/**
 * For an account that takes no visit records out (a care worker keeping their own profile, a manager
 * reading reports): the office keeps no key for their browser and does not enrol it, so the data key
 * is made here, held in memory for this session only and stored nowhere. A reload forgets it and asks
 * for a sign-in again; what it sealed (their own form drafts, the session) can then never be opened, so
 * it is cleared. A browser that already stores an organiser's key holds records they may not open: refused.
 */
export async function openForThisSessionOnly(db: HearthDatabase): Promise<SessionOnlyOpen> {
  if (await db.keyring.get('data')) return 'tablet-holds-records';
  // Non-extractable: script on the page can use it, never read it out.
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  await db.transaction('rw', db.formDrafts, db.session, async () => {
    await db.formDrafts.clear();
    await db.session.clear();
  });
  db.dataKey.hold(key);
  return 'opened';
}
