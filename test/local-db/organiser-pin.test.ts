import { describe, expect, it } from 'vitest';
import {
  changeOrganiserPin,
  checkOrganiserPin,
  clearOrganiserPin,
  hasOrganiserPin,
  InvalidPinError,
  pinWaitUntil,
  setOrganiserPin,
  WAIT_AFTER_WRONG_PINS_MS,
  WRONG_PINS_BEFORE_WAIT,
} from '../../src/local-db/organiser-pin';
import { fixedClock, freshDb } from '../support/test-db';

const SET_AT = new Date('2026-11-24T10:00:00Z');
const CHANGED_AT = new Date('2026-11-25T09:00:00Z');

async function tabletWithPin(pin = '2580') {
  const db = freshDb();
  const { randomBytes } = fixedClock();
  await setOrganiserPin(db, pin, SET_AT, randomBytes);
  return { db, randomBytes };
}

describe('changeOrganiserPin', () => {
  it('with the right current PIN, the new PIN works and the old one does not, under a new salt', async () => {
    const { db, randomBytes } = await tabletWithPin();
    const before = await db.organiserPin.get('organiser');
    expect(await changeOrganiserPin(db, '2580', '913746', CHANGED_AT, randomBytes)).toBe('changed');
    expect(await checkOrganiserPin(db, '913746', CHANGED_AT)).toBe('right');
    expect(await checkOrganiserPin(db, '2580', CHANGED_AT)).toBe('wrong');
    const after = await db.organiserPin.get('organiser');
    expect(after?.setAt).toBe(CHANGED_AT.toISOString());
    expect(after?.saltHex).not.toBe(before?.saltHex);
    expect(JSON.stringify(after)).not.toContain('913746');
  });

  it('with a wrong current PIN, changes nothing', async () => {
    const { db, randomBytes } = await tabletWithPin();
    const before = await db.organiserPin.get('organiser');
    expect(await changeOrganiserPin(db, '1111', '913746', CHANGED_AT, randomBytes)).toBe('wrong-current');
    expect(await changeOrganiserPin(db, '', '913746', CHANGED_AT, randomBytes)).toBe('wrong-current');
    expect(await db.organiserPin.get('organiser')).toMatchObject({ hashHex: before?.hashHex, saltHex: before?.saltHex, setAt: before?.setAt });
    expect(await checkOrganiserPin(db, '2580', CHANGED_AT)).toBe('right');
  });

  it('says when no PIN is set, and sets none', async () => {
    const db = freshDb();
    expect(await changeOrganiserPin(db, '2580', '913746', CHANGED_AT, fixedClock().randomBytes)).toBe('not-set');
    expect(await hasOrganiserPin(db)).toBe(false);
  });

  it('refuses a new PIN that is not 4 to 6 digits, keeping the old one', async () => {
    const { db, randomBytes } = await tabletWithPin();
    for (const next of ['123', '1234567', '12a4']) {
      await expect(changeOrganiserPin(db, '2580', next, CHANGED_AT, randomBytes)).rejects.toBeInstanceOf(InvalidPinError);
    }
    expect(await checkOrganiserPin(db, '2580', CHANGED_AT)).toBe('right');
  });
});

describe('clearOrganiserPin', () => {
  it('removes the PIN, so the next hand-over asks for a new one', async () => {
    const { db } = await tabletWithPin();
    await clearOrganiserPin(db);
    expect(await hasOrganiserPin(db)).toBe(false);
    expect(await checkOrganiserPin(db, '2580', CHANGED_AT)).toBe('not-set');
    await clearOrganiserPin(db); // clearing twice is harmless
    expect(await hasOrganiserPin(db)).toBe(false);
  });
});

describe('guessing the PIN', () => {
  const at = (seconds: number) => new Date(CHANGED_AT.getTime() + seconds * 1000);

  it(`after ${WRONG_PINS_BEFORE_WAIT} wrong PINs in a row checks none, not even the right one, until the wait is over`, async () => {
    const { db } = await tabletWithPin();
    for (let i = 1; i < WRONG_PINS_BEFORE_WAIT; i++) expect(await checkOrganiserPin(db, `000${i}`, at(i))).toBe('wrong');
    expect(await checkOrganiserPin(db, '0009', at(5))).toBe('wait');
    expect(await pinWaitUntil(db, at(5))).toEqual(at(5 + WAIT_AFTER_WRONG_PINS_MS / 1000));
    expect(await checkOrganiserPin(db, '2580', at(20))).toBe('wait');
    expect(await changeOrganiserPin(db, '2580', '913746', at(21), fixedClock().randomBytes)).toBe('wait');
    expect(await checkOrganiserPin(db, '2580', at(5 + WAIT_AFTER_WRONG_PINS_MS / 1000))).toBe('right');
    expect(await pinWaitUntil(db, at(40))).toBeNull();
  });

  it('keeps the count on the tablet, so reopening the database (a reload) does not start it again', async () => {
    const { db } = await tabletWithPin();
    for (let i = 1; i < WRONG_PINS_BEFORE_WAIT; i++) await checkOrganiserPin(db, `000${i}`, at(i));
    db.close();
    await db.open();
    expect(await checkOrganiserPin(db, '0009', at(6))).toBe('wait');
  });

  it('a right PIN starts the count again', async () => {
    const { db } = await tabletWithPin();
    for (let i = 1; i < WRONG_PINS_BEFORE_WAIT; i++) await checkOrganiserPin(db, `000${i}`, at(i));
    expect(await checkOrganiserPin(db, '2580', at(6))).toBe('right');
    for (let i = 1; i < WRONG_PINS_BEFORE_WAIT; i++) expect(await checkOrganiserPin(db, `000${i}`, at(6 + i))).toBe('wrong');
  });
});
