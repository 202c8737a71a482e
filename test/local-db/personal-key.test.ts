import { afterEach, describe, expect, it } from 'vitest';
import { DataLockedError, PASSPHRASE_ITERATIONS, type WrappedKeyRecord } from '../../src/local-db/data-key';
import { openHearthDatabase, type FormDraftRecord, type HearthDatabase } from '../../src/local-db/database';
import { getFormDraft, putFormDraft } from '../../src/local-db/form-drafts';
import { setOrganiserPin } from '../../src/local-db/organiser-pin';
import { forgetPersonalKey, openPersonalKey } from '../../src/local-db/personal-key';
import { getSession, saveSession } from '../../src/local-db/queries';
import { lockWhenIdle, rewrapForNewPassword, storedKeyKind, unlockAtSignIn, unlockWithPassword } from '../../src/local-db/unlock';
import { wipeTablet } from '../../src/local-db/wipe-tablet';
import { makeCareWorkerSession } from '../support/factories';
import { freshDb } from '../support/test-db';

// A care worker's or manager's browser: a data key stored wrapped by their password only (no office
// wrap), made and opened the real way, with PBKDF2 at full strength, on fake-indexeddb.

const NOW = new Date('2026-11-24T09:00:00Z');
const PASSWORD = 'sams own password';
const SAM_CARER = '01900000-0000-7000-8000-0000000000c1';
const BETH_CARER = '01900000-0000-7000-8000-0000000000c2';
const draft: FormDraftRecord = {
  key: `carer:${SAM_CARER}`,
  values: { about: 'I like gardening, and my dog Biscuit 🐕 — typed, not saved' },
  basedOnUpdatedAt: '2026-11-20T08:00:00.000Z',
  savedAt: NOW.toISOString(),
};
let serial = 0;
const opened: HearthDatabase[] = [];

afterEach(async () => {
  const names = new Set(opened.map((db) => db.name));
  for (const db of opened.splice(0)) db.close();
  for (const name of names) await openHearthDatabase(name).delete();
});

/** A browser with nothing in memory and nothing stored. */
function emptyBrowser(): HearthDatabase {
  const db = openHearthDatabase(`hearth-personal-key-test-${process.pid}-${++serial}`);
  opened.push(db);
  return db;
}

/** As after a reload: the same stored records, no key in memory. */
function reloaded(db: HearthDatabase): HearthDatabase {
  const again = openHearthDatabase(db.name);
  opened.push(again);
  return again;
}

/** Sam signed in (online) and typed into their profile without saving. */
async function samTyping() {
  const db = emptyBrowser();
  const sam = makeCareWorkerSession(SAM_CARER);
  expect(await openPersonalKey(db, sam.user.id, PASSWORD, NOW)).toBe('created');
  await saveSession(db, sam, NOW);
  await putFormDraft(db, draft);
  return { db, sam };
}

const personal = (record: WrappedKeyRecord | undefined) => {
  if (record?.kind !== 'personal') throw new Error(`expected a personal key, found ${JSON.stringify(record)}`);
  return record;
};

describe('a personal data key (care workers and managers)', () => {
  it('is made at sign-in and stored wrapped by the password only: PBKDF2-SHA256 at 600,000 rounds, no office wrap, the account id and nothing else of them', async () => {
    const { db, sam } = await samTyping();
    const stored = personal(await db.keyring.get('data'));
    expect(PASSPHRASE_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(stored.passphrase).toMatchObject({ kdf: 'PBKDF2-SHA256', iterations: PASSPHRASE_ITERATIONS });
    expect(stored.passphrase.iterations).toBeGreaterThanOrEqual(600_000);
    expect(stored.accountId).toBe(sam.user.id);
    expect(stored).not.toHaveProperty('office');
    expect(Object.keys(stored).sort()).toEqual(['accountId', 'createdAt', 'key', 'kind', 'passphrase']);
    const text = JSON.stringify(stored);
    for (const secret of [PASSWORD, sam.user.email, sam.user.name, 'Sam']) expect(text).not.toContain(secret);
    expect(await storedKeyKind(db)).toBe('personal');
    // The key in memory cannot be read out, and the draft is sealed (not in clear).
    await expect(crypto.subtle.exportKey('raw', db.dataKey.require())).rejects.toThrow();
    expect(JSON.stringify(await db.formDrafts.toArray())).not.toContain('gardening');
  });

  it('opens with the right password after a reload, and the draft is back exactly as typed; a wrong password opens nothing', async () => {
    const { db, sam } = await samTyping();
    const again = reloaded(db);
    expect(again.dataKey.state()).toBe('no-key');
    await expect(getFormDraft(again, draft.key)).rejects.toBeInstanceOf(DataLockedError);
    expect(await unlockWithPassword(again, 'sams own password!')).toBe('wrong-password');
    expect(await unlockWithPassword(again, '')).toBe('wrong-password');
    expect(again.dataKey.state()).toBe('no-key');
    expect(await unlockWithPassword(again, PASSWORD)).toBe('unlocked');
    expect(await getFormDraft(again, draft.key)).toEqual(draft);
    expect((await getSession(again))?.session).toEqual(sam);
  });

  it('opens again at an online sign-in of the same account, keeping the draft', async () => {
    const { db, sam } = await samTyping();
    const again = reloaded(db);
    expect(await openPersonalKey(again, sam.user.id, PASSWORD, NOW)).toBe('unlocked');
    expect(await getFormDraft(again, draft.key)).toEqual(draft);
  });

  it('is never opened for another account, even with the same password: that sign-in clears it, the draft and the session, and starts fresh', async () => {
    const { db, sam } = await samTyping();
    const before = personal(await db.keyring.get('data'));
    const beth = makeCareWorkerSession(BETH_CARER);
    const again = reloaded(db);
    expect(await openPersonalKey(again, beth.user.id, PASSWORD, NOW)).toBe('replaced');
    const after = personal(await again.keyring.get('data'));
    expect(after.accountId).toBe(beth.user.id);
    expect(after.passphrase.salt).not.toBe(before.passphrase.salt);
    expect(await again.formDrafts.count()).toBe(0);
    expect(await again.session.count()).toBe(0);
    // Sam's password no longer opens anything of Sam's here: it is gone.
    const third = reloaded(db);
    expect(await openPersonalKey(third, sam.user.id, PASSWORD, NOW)).toBe('replaced');
    expect(await getFormDraft(third, draft.key)).toBeUndefined();
  });

  it('starts fresh when the password no longer opens it (reset at the office): nothing sealed with the old key is kept', async () => {
    const { db, sam } = await samTyping();
    const again = reloaded(db);
    expect(await openPersonalKey(again, sam.user.id, 'a password the admin set', NOW)).toBe('replaced');
    expect(await again.formDrafts.count()).toBe(0);
    expect(await unlockWithPassword(reloaded(db), 'a password the admin set')).toBe('unlocked');
  });

  it('clears what was sealed under a key no longer stored (before personal keys, or a browser that lost it)', async () => {
    const db = freshDb(); // a key in memory that is stored nowhere
    await putFormDraft(db, draft);
    await saveSession(db, makeCareWorkerSession(SAM_CARER), NOW);
    db.dataKey.drop();
    expect(await openPersonalKey(db, makeCareWorkerSession(SAM_CARER).user.id, PASSWORD, NOW)).toBe('created');
    expect(await db.formDrafts.count()).toBe(0);
    expect(await db.session.count()).toBe(0);
  });

  it('is refused on a browser that stores an organiser’s tablet key, changing nothing', async () => {
    const db = emptyBrowser();
    await unlockAtSignIn(db, 'organiser-password', new Uint8Array(32).fill(7), NOW);
    await putFormDraft(db, draft);
    const before = await db.keyring.get('data');
    db.dataKey.drop();
    expect(await openPersonalKey(db, makeCareWorkerSession(SAM_CARER).user.id, PASSWORD, NOW)).toBe('tablet-holds-records');
    expect(db.dataKey.state()).toBe('no-key');
    expect(await db.keyring.get('data')).toEqual(before);
    expect(await db.formDrafts.count()).toBe(1);
  });

  it('gives way to an organiser signing in: the browser becomes their tablet, and the care worker’s records are cleared', async () => {
    const { db, sam } = await samTyping();
    const again = reloaded(db);
    const office = new Uint8Array(32).fill(7);
    expect(await unlockAtSignIn(again, 'organiser-password', office, NOW)).toBe('created');
    expect(await storedKeyKind(again)).toBe('tablet');
    expect(await again.formDrafts.count()).toBe(0);
    expect(await again.session.count()).toBe(0);
    expect(await unlockWithPassword(reloaded(db), PASSWORD)).toBe('wrong-password');
    expect(await unlockWithPassword(reloaded(db), 'organiser-password')).toBe('unlocked');
    // And now the care worker is refused here, as on any organiser's tablet.
    expect(await openPersonalKey(reloaded(db), sam.user.id, PASSWORD, NOW)).toBe('tablet-holds-records');
  });
});

describe('re-wrapping the stored key when one’s own password changes', () => {
  it('a personal key: afterwards the new password opens it and the old one does not', async () => {
    const { db, sam } = await samTyping();
    expect(await rewrapForNewPassword(db, sam.user.id, PASSWORD, 'sams new password', NOW)).toBe('rewrapped');
    const stored = personal(await db.keyring.get('data'));
    expect(stored.passphrase.iterations).toBe(PASSPHRASE_ITERATIONS);
    expect(stored.accountId).toBe(sam.user.id);
    expect(await unlockWithPassword(reloaded(db), PASSWORD)).toBe('wrong-password');
    const again = reloaded(db);
    expect(await unlockWithPassword(again, 'sams new password')).toBe('unlocked');
    expect(await getFormDraft(again, draft.key)).toEqual(draft);
  });

  it('an organiser’s tablet key: the offline unlock takes the new password, and the office wrap is unchanged', async () => {
    const db = emptyBrowser();
    const office = new Uint8Array(32).fill(3);
    await unlockAtSignIn(db, 'organiser-password', office, NOW);
    const before = await db.keyring.get('data');
    expect(await rewrapForNewPassword(db, 'any organiser id', 'organiser-password', 'organiser-new-password', NOW)).toBe('rewrapped');
    const after = await db.keyring.get('data');
    expect(after && 'office' in after && after.office).toEqual(before && 'office' in before && before.office);
    expect(await unlockWithPassword(reloaded(db), 'organiser-password')).toBe('wrong-password');
    expect(await unlockWithPassword(reloaded(db), 'organiser-new-password')).toBe('unlocked');
    expect(await unlockAtSignIn(reloaded(db), 'organiser-new-password', office, NOW)).toBe('unlocked');
  });

  it('leaves the stored key alone when it is another account’s, when the current password does not open it, or when no key is in memory', async () => {
    const { db, sam } = await samTyping();
    const before = await db.keyring.get('data');
    expect(await rewrapForNewPassword(db, makeCareWorkerSession(BETH_CARER).user.id, PASSWORD, 'x-new-password', NOW)).toBe('not-this-account');
    expect(await rewrapForNewPassword(db, sam.user.id, 'not the current one', 'x-new-password', NOW)).toBe('not-this-account');
    const locked = reloaded(db);
    expect(await rewrapForNewPassword(locked, sam.user.id, PASSWORD, 'x-new-password', NOW)).toBe('no-key-in-memory');
    expect(await db.keyring.get('data')).toEqual(before);
    expect(await unlockWithPassword(reloaded(db), PASSWORD)).toBe('unlocked');
  });

  it('leaves a stored key that is not the one in memory (another tab signed in meanwhile)', async () => {
    const { db, sam } = await samTyping();
    const other = freshDb(); // holds a different key in memory
    await other.keyring.put((await db.keyring.get('data'))!);
    expect(await rewrapForNewPassword(other, sam.user.id, PASSWORD, 'x-new-password', NOW)).toBe('not-this-account');
  });
});

describe('signing out and wiping remove the personal key', () => {
  it('forgetPersonalKey removes the key, the drafts and the session, and forgets the key in memory', async () => {
    const { db } = await samTyping();
    expect(await forgetPersonalKey(db)).toBe(true);
    expect(db.dataKey.state()).toBe('no-key');
    expect(await db.keyring.count()).toBe(0);
    expect(await db.formDrafts.count()).toBe(0);
    expect(await db.session.count()).toBe(0);
  });

  it('forgetPersonalKey leaves an organiser’s tablet key and what it sealed (records waiting to be sent)', async () => {
    const db = emptyBrowser();
    await unlockAtSignIn(db, 'organiser-password', new Uint8Array(32).fill(7), NOW);
    await putFormDraft(db, draft);
    expect(await forgetPersonalKey(db)).toBe(false);
    expect(await db.keyring.count()).toBe(1);
    expect(await db.formDrafts.count()).toBe(1);
    expect(db.dataKey.state()).toBe('unlocked');
  });

  it('a wipe deletes the whole database, keyring and all', async () => {
    const { db } = await samTyping();
    const report = await wipeTablet(db, { indexedDB, storages: [] });
    expect(report.steps.find((s) => s.name === 'hearth-database')?.outcome).toBe('done');
    const after = reloaded(db);
    expect(await after.keyring.count()).toBe(0);
    expect(await after.formDrafts.count()).toBe(0);
    expect(await unlockWithPassword(after, PASSWORD)).toBe('no-key-stored');
  });
});

describe('locking after a few minutes without use', () => {
  it('locks behind the PIN when one is set: the key stays in memory', async () => {
    const db = freshDb();
    await setOrganiserPin(db, '2580', NOW, (n) => new Uint8Array(n).fill(9));
    await lockWhenIdle(db);
    expect(db.dataKey.state()).toBe('locked');
  });

  it('with a personal key, forgets the key even when an organiser’s PIN was left on the browser (not the care worker’s to type)', async () => {
    const { db } = await samTyping();
    await setOrganiserPin(db, '2580', NOW, (n) => new Uint8Array(n).fill(9));
    await lockWhenIdle(db);
    expect(db.dataKey.state()).toBe('no-key');
  });

  it('without a PIN (a care worker) forgets the key from memory only: the password opens it again and the draft is there', async () => {
    const { db } = await samTyping();
    await lockWhenIdle(db);
    expect(db.dataKey.state()).toBe('no-key');
    expect(await storedKeyKind(db)).toBe('personal');
    expect(await unlockWithPassword(db, PASSWORD)).toBe('unlocked');
    expect(await getFormDraft(db, draft.key)).toEqual(draft);
  });
});
