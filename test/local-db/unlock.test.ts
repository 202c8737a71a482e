import { describe, expect, it } from 'vitest';
import { DataLockedError, PASSPHRASE_ITERATIONS, WRONG_PINS_BEFORE_DROP } from '../../src/local-db/data-key';
import { openHearthDatabase, type HearthDatabase } from '../../src/local-db/database';
import { setOrganiserPin } from '../../src/local-db/organiser-pin';
import { getOrCreateDevice, getSession, listOutbox, saveSession } from '../../src/local-db/queries';
import { recordOutcome } from '../../src/local-db/record-event';
import { lockScreen, unlockAtSignIn, unlockWithPassword, unlockWithPin } from '../../src/local-db/unlock';
import { makeSession } from '../support/factories';
import { fixedClock, TEST_DEVICE_ID } from '../support/test-db';

// RELIABILITY A7 (pin-and-passphrase-guessing). Each database here starts with NO key in memory: the
// key is made and wrapped the real way, with PBKDF2 at full strength.

const PASSWORD = 'correct horse battery';
const NOW = new Date('2026-11-24T09:00:00Z');
const PIN = '2580';
const VISIT = '01900000-0000-7000-8000-0000000000a1';
const CARER = '01900000-0000-7000-8000-0000000000c1';
const officeSecret = () => crypto.getRandomValues(new Uint8Array(32));
let serial = 0;

async function tablet(): Promise<{ db: HearthDatabase; office: Uint8Array<ArrayBuffer> }> {
  const db = openHearthDatabase(`hearth-unlock-test-${process.pid}-${++serial}`);
  const office = officeSecret();
  await getOrCreateDevice(db, 'Test tablet', () => TEST_DEVICE_ID);
  expect(await unlockAtSignIn(db, PASSWORD, office, NOW)).toBe('created');
  await saveSession(db, makeSession(), NOW);
  await setOrganiserPin(db, PIN, NOW, (n) => new Uint8Array(n).fill(7));
  return { db, office };
}

/** As after a reload: the same stored records, no key in memory. */
const reloaded = (db: HearthDatabase) => openHearthDatabase(db.name);

describe('the data key and the organiser lock (A7)', () => {
  it('wraps the data key with PBKDF2-SHA256 at 600,000 iterations or more', async () => {
    const { db } = await tablet();
    const stored = await db.keyring.get('data');
    expect(PASSPHRASE_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(stored?.passphrase).toMatchObject({ kdf: 'PBKDF2-SHA256', iterations: PASSPHRASE_ITERATIONS });
    expect(stored?.passphrase.iterations).toBeGreaterThanOrEqual(600_000);
    // The key itself is stored nowhere in clear, and the one in memory cannot be read out.
    expect(JSON.stringify(stored)).not.toContain(PASSWORD);
    await expect(crypto.subtle.exportKey('raw', db.dataKey.require())).rejects.toThrow();
    db.close();
  });

  it('re-opens a locked screen with the right PIN while the key is in memory', async () => {
    const { db } = await tablet();
    lockScreen(db);
    expect(db.dataKey.state()).toBe('locked');
    expect(await unlockWithPin(db, '1111', NOW)).toBe('wrong');
    expect(await unlockWithPin(db, PIN, NOW)).toBe('unlocked');
    expect(db.dataKey.state()).toBe('unlocked');
    db.close();
  });

  it(`drops the key after ${WRONG_PINS_BEFORE_DROP} wrong PINs: then even the right PIN opens nothing, and records cannot be read`, async () => {
    const { db } = await tablet();
    lockScreen(db);
    const answers = [];
    for (let i = 0; i < WRONG_PINS_BEFORE_DROP; i++) answers.push(await unlockWithPin(db, String(1000 + i), NOW));
    expect(answers.slice(0, -1).every((a) => a === 'wrong')).toBe(true);
    expect(answers.at(-1)).toBe('key-dropped');
    expect(db.dataKey.state()).toBe('no-key');
    const later = new Date(NOW.getTime() + 60_000); // after the PIN wait: still no way in with a PIN
    expect(await unlockWithPin(db, PIN, later)).toBe('no-key');
    await expect(getSession(db)).rejects.toBeInstanceOf(DataLockedError);
    db.close();
  });

  it('opens with the password offline after the key was dropped or the app reloaded; a wrong password opens nothing', async () => {
    const { db } = await tablet();
    await recordOutcome(db, { visitId: VISIT, outcome: 'chosen', chosenCarerId: CARER, orderShown: [CARER] }, fixedClock());
    const again = reloaded(db);
    expect(again.dataKey.state()).toBe('no-key');
    await expect(getSession(again)).rejects.toBeInstanceOf(DataLockedError);
    expect(await unlockWithPassword(again, 'correct horse battery!')).toBe('wrong-password');
    expect(await unlockWithPassword(again, '')).toBe('wrong-password');
    expect(again.dataKey.state()).toBe('no-key');
    expect(await unlockWithPassword(again, PASSWORD)).toBe('unlocked');
    expect((await getSession(again))?.session.user.email).toBe(makeSession().user.email);
    // The outbox made before the reload opens with it: nothing waiting is stranded.
    expect((await listOutbox(again)).map((item) => item.event.payload)).toEqual([expect.objectContaining({ chosenCarerId: CARER })]);
    again.close();
    db.close();
  });

  it("opens with the office's key after an online sign-in with a changed password, and wraps it for the new one", async () => {
    const { db, office } = await tablet();
    const again = reloaded(db);
    expect(await unlockAtSignIn(again, 'a new password 2027', office, NOW)).toBe('rewrapped');
    expect((await getSession(again))?.session.user.email).toBe(makeSession().user.email);
    // Offline next time: the new password opens it, the old one no longer does.
    const third = reloaded(db);
    expect(await unlockWithPassword(third, PASSWORD)).toBe('wrong-password');
    expect(await unlockWithPassword(third, 'a new password 2027')).toBe('unlocked');
    for (const d of [db, again, third]) d.close();
  });

  it("opens nothing with another office's key, and changes nothing", async () => {
    const { db } = await tablet();
    const before = await db.keyring.get('data');
    const again = reloaded(db);
    expect(await unlockAtSignIn(again, PASSWORD, officeSecret(), NOW)).toBe('other-key');
    expect(again.dataKey.state()).toBe('no-key');
    expect(await again.keyring.get('data')).toEqual(before);
    again.close();
    db.close();
  });
});
