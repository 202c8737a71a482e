import { describe, expect, it } from 'vitest';
import { DEFAULT_PERSON_MODE_SETTINGS, type PersonModeSettings } from '../../src/domain/person-mode';
import { checkLocalPersonModeSettings, dropSettledPersonModeSettings } from '../../src/local-db/person-mode-settings';
import { getLocalPersonModeSettings } from '../../src/local-db/queries';
import { recordPersonModeSettings } from '../../src/local-db/record-event';
import { testId } from '../support/factories';
import { fixedClock, signedInDb } from '../support/test-db';

const welsh = { ...DEFAULT_PERSON_MODE_SETTINGS, language: 'cy' as const };
const larger = { ...DEFAULT_PERSON_MODE_SETTINGS, textSize: 'larger' as const };

async function world() {
  const db = await signedInDb();
  const clock = fixedClock();
  const personId = testId();
  const visitId = testId();
  const change = (settings: PersonModeSettings = welsh, who = personId) => recordPersonModeSettings(db, { visitId, personId: who, settings }, clock);
  /** What the office's acknowledgement does: the event leaves the outbox. */
  const acknowledge = async () => db.outbox.clear();
  const drop = (check: Awaited<ReturnType<typeof checkLocalPersonModeSettings>>) =>
    db.transaction('rw', db.personModeSettings, db.outbox, () => dropSettledPersonModeSettings(db, check));
  return { db, personId, change, acknowledge, drop };
}

describe('checkLocalPersonModeSettings', () => {
  it('finds nothing for a person whose settings were never changed here', async () => {
    const { db, personId } = await world();
    expect(await checkLocalPersonModeSettings(db, personId)).toBeUndefined();
  });

  it('is not settled while the change waits in the outbox, and settled once the office has it', async () => {
    const { db, personId, change, acknowledge } = await world();
    const event = await change();
    expect(await checkLocalPersonModeSettings(db, personId)).toEqual({ personId, changedAt: event.occurredAt, settled: false });
    await acknowledge();
    expect(await checkLocalPersonModeSettings(db, personId)).toEqual({ personId, changedAt: event.occurredAt, settled: true });
  });

  it("is not held back by another person's waiting change", async () => {
    const { db, personId, change, acknowledge } = await world();
    await change();
    await acknowledge();
    await change(larger, testId());
    expect((await checkLocalPersonModeSettings(db, personId))?.settled).toBe(true);
  });
});

describe('dropSettledPersonModeSettings', () => {
  it('drops a settled record that has not changed since the check', async () => {
    const { db, personId, change, acknowledge, drop } = await world();
    await change();
    await acknowledge();
    expect(await drop(await checkLocalPersonModeSettings(db, personId))).toBe(true);
    expect(await getLocalPersonModeSettings(db, personId)).toBeUndefined();
  });

  it('keeps a record that was still waiting at the check, even if acknowledged since', async () => {
    const { db, personId, change, acknowledge, drop } = await world();
    await change();
    const check = await checkLocalPersonModeSettings(db, personId);
    await acknowledge();
    expect(await drop(check)).toBe(false);
    expect(await getLocalPersonModeSettings(db, personId)).toEqual(welsh);
  });

  it('keeps a record changed again since the check, even once that change is acknowledged', async () => {
    const { db, personId, change, acknowledge, drop } = await world();
    await change();
    await acknowledge();
    const check = await checkLocalPersonModeSettings(db, personId);
    await change(larger);
    await acknowledge();
    expect(await drop(check)).toBe(false);
    expect(await getLocalPersonModeSettings(db, personId)).toEqual(larger);
  });

  it('keeps a change waiting in the outbox even when it is stamped with the same time', async () => {
    const { db, personId, acknowledge, drop } = await world();
    const frozen = { now: () => new Date('2026-11-24T10:00:00Z'), randomBytes: (n: number) => new Uint8Array(n).fill(7) };
    await recordPersonModeSettings(db, { visitId: testId(), personId, settings: welsh }, frozen);
    await acknowledge();
    const check = await checkLocalPersonModeSettings(db, personId);
    await recordPersonModeSettings(db, { visitId: testId(), personId, settings: larger }, { ...frozen, randomBytes: (n) => new Uint8Array(n).fill(8) });
    expect(await drop(check)).toBe(false);
    expect(await getLocalPersonModeSettings(db, personId)).toEqual(larger);
  });

  it("leaves other people's settings alone", async () => {
    const { db, personId, change, acknowledge, drop } = await world();
    const someoneElse = testId();
    await change();
    await change(larger, someoneElse);
    await acknowledge();
    await drop(await checkLocalPersonModeSettings(db, personId));
    expect(await getLocalPersonModeSettings(db, someoneElse)).toEqual(larger);
  });

  it('does nothing when there was no local record', async () => {
    const { drop } = await world();
    expect(await drop(undefined)).toBe(false);
  });
});
