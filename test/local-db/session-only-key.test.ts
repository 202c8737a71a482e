import { describe, expect, it } from 'vitest';
import type { FormDraftRecord } from '../../src/local-db/database';
import { getFormDraft, putFormDraft } from '../../src/local-db/form-drafts';
import { setOrganiserPin } from '../../src/local-db/organiser-pin';
import { getSession, saveSession } from '../../src/local-db/queries';
import { openForThisSessionOnly } from '../../src/local-db/session-only-key';
import { lockWhenIdle, unlockAtSignIn } from '../../src/local-db/unlock';
import { makeCareWorkerSession } from '../support/factories';
import { freshDb } from '../support/test-db';

const NOW = new Date('2026-11-24T09:00:00Z');
const draft: FormDraftRecord = { key: 'carer-profile/sam', values: { about: 'I like gardening' }, basedOnUpdatedAt: null, savedAt: NOW.toISOString() };

describe('a data key for this session only (care workers and managers)', () => {
  it('holds a fresh key in memory, stores none, and seals and opens with it', async () => {
    const db = freshDb();
    db.dataKey.drop();
    expect(await openForThisSessionOnly(db)).toBe('opened');
    expect(db.dataKey.state()).toBe('unlocked');
    expect(await db.keyring.count()).toBe(0);
    const session = makeCareWorkerSession('01900000-0000-7000-8000-0000000000c1');
    await saveSession(db, session, NOW);
    expect((await getSession(db))?.session).toEqual(session);
  });

  it('clears what an earlier session sealed, which no key can open any more', async () => {
    const db = freshDb();
    await putFormDraft(db, draft);
    await saveSession(db, makeCareWorkerSession('01900000-0000-7000-8000-0000000000c1'), NOW);
    db.dataKey.drop(); // a reload
    expect(await openForThisSessionOnly(db)).toBe('opened');
    expect(await db.formDrafts.count()).toBe(0);
    expect(await db.session.count()).toBe(0);
    expect(await getFormDraft(db, draft.key)).toBeUndefined();
  });

  it('refuses a browser that stores an organiser’s key, and changes nothing', async () => {
    const db = freshDb();
    db.dataKey.drop();
    await unlockAtSignIn(db, 'organiser-password', new Uint8Array(32).fill(7), NOW);
    await putFormDraft(db, draft);
    const before = await db.keyring.get('data');
    db.dataKey.drop();
    expect(await openForThisSessionOnly(db)).toBe('tablet-holds-records');
    expect(db.dataKey.state()).toBe('no-key');
    expect(await db.keyring.get('data')).toEqual(before);
    expect(await db.formDrafts.count()).toBe(1);
  });
});

describe('locking after a few minutes without use', () => {
  it('locks behind the PIN when one is set: the key stays in memory', async () => {
    const db = freshDb();
    await setOrganiserPin(db, '2580', NOW, (n) => new Uint8Array(n).fill(9));
    await lockWhenIdle(db);
    expect(db.dataKey.state()).toBe('locked');
  });

  it('forgets the key when no PIN is set (nothing could open a PIN lock), so a sign-in or the password opens it', async () => {
    const db = freshDb();
    await lockWhenIdle(db);
    expect(db.dataKey.state()).toBe('no-key');
  });
});
