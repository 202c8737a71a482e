import { describe, expect, it } from 'vitest';
import type { HowDecided } from '../../src/domain/events';
import { DEFAULT_PERSON_MODE_SETTINGS } from '../../src/domain/person-mode';
import { checkOrganiserPin, hasOrganiserPin, InvalidPinError, setOrganiserPin } from '../../src/local-db/organiser-pin';
import { getLocalPersonModeSettings, getOutcome, listOutbox } from '../../src/local-db/queries';
import {
  NoOutcomeError,
  recordOutcome,
  recordPersonModeSettings,
  rerecordOutcomeWithHowDecided,
  withdrawOutcome,
} from '../../src/local-db/record-event';
import { makePack } from '../support/factories';
import { fixedClock, signedInDb } from '../support/test-db';

const knownHow: HowDecided = { indicatedBy: 'person-by-touch', present: [], supportsUsed: ['audio'], durationSeconds: 240 };

async function world() {
  const db = await signedInDb();
  const { pack } = await makePack();
  const order = pack.candidates.map((c) => c.id);
  return { db, pack, order, visitId: pack.visit.id, clock: fixedClock() };
}

describe('recordOutcome with the full person mode fields', () => {
  it('keeps reactions, presentation, language, meet-first carers and how it was decided', async () => {
    const { db, order, visitId, clock } = await world();
    const event = await recordOutcome(
      db,
      {
        visitId,
        outcome: 'meet-first',
        chosenCarerId: null,
        orderShown: order,
        meetFirstCarerIds: [order[0]!, order[2]!],
        reactions: [{ carerId: order[1]!, reaction: 'not-for-me' }],
        presentation: 'description-first',
        language: 'cy',
        howDecided: knownHow,
      },
      clock,
    );
    expect(event.payload).toMatchObject({ outcome: 'meet-first', meetFirstCarerIds: [order[0], order[2]], language: 'cy', howDecided: knownHow });
    expect((await getOutcome(db, visitId))?.payload).toEqual(event.payload);
    expect((await listOutbox(db))[0]?.event).toEqual(event);
  });

  it('leaves absent optional fields out of the payload, so older events hash the same', async () => {
    const { db, order, visitId, clock } = await world();
    const event = await recordOutcome(db, { visitId, outcome: 'none-of-these', chosenCarerId: null, orderShown: order }, clock);
    expect(Object.keys(event.payload).sort()).toEqual(['chosenCarerId', 'orderShown', 'outcome']);
  });

  it('writes nothing when meet-first names no carer, or a reaction names a stranger', async () => {
    const { db, order, visitId, clock } = await world();
    await expect(recordOutcome(db, { visitId, outcome: 'meet-first', chosenCarerId: null, orderShown: order }, clock)).rejects.toThrow();
    await expect(
      recordOutcome(
        db,
        { visitId, outcome: 'not-sure-yet', chosenCarerId: null, orderShown: order, reactions: [{ carerId: '00000000-0000-4000-8000-00000000ffff', reaction: 'like' }] },
        clock,
      ),
    ).rejects.toThrow();
    expect(await db.outcomes.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('withdrawOutcome (undo)', () => {
  it('queues an OutcomeWithdrawn naming the outcome and removes the local outcome, keeping the first event queued', async () => {
    const { db, order, visitId, clock } = await world();
    const recorded = await recordOutcome(db, { visitId, outcome: 'chosen', chosenCarerId: order[0]!, orderShown: order }, clock);
    const withdrawn = await withdrawOutcome(db, visitId, clock);
    expect(withdrawn).toMatchObject({ type: 'OutcomeWithdrawn', visitId, payload: { withdrawsEventId: recorded.id } });
    expect(await getOutcome(db, visitId)).toBeUndefined();
    expect((await listOutbox(db)).map((i) => i.event.type)).toEqual(['OutcomeRecorded', 'OutcomeWithdrawn']);
  });

  it('keeps the outbox in the order things happened, even within one millisecond', async () => {
    const { db, order, visitId } = await world();
    let n = 0;
    const frozen = { now: () => new Date('2026-11-24T10:00:00Z'), randomBytes: (count: number) => new Uint8Array(count).fill(255 - ++n) };
    await recordOutcome(db, { visitId, outcome: 'chosen', chosenCarerId: order[0]!, orderShown: order }, frozen);
    await withdrawOutcome(db, visitId, frozen);
    await recordOutcome(db, { visitId, outcome: 'none-of-these', chosenCarerId: null, orderShown: order }, frozen);
    expect((await listOutbox(db)).map((i) => i.event.type)).toEqual(['OutcomeRecorded', 'OutcomeWithdrawn', 'OutcomeRecorded']);
  });

  it('writes nothing when there is nothing to undo', async () => {
    const { db, visitId, clock } = await world();
    await expect(withdrawOutcome(db, visitId, clock)).rejects.toBeInstanceOf(NoOutcomeError);
    expect(await db.outbox.count()).toBe(0);
  });

  it('is all or nothing: a failed outbox write keeps the outcome', async () => {
    const { db, order, visitId, clock } = await world();
    await recordOutcome(db, { visitId, outcome: 'not-sure-yet', chosenCarerId: null, orderShown: order }, clock);
    db.outbox.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(withdrawOutcome(db, visitId, clock)).rejects.toThrow(/disk full/);
    expect((await getOutcome(db, visitId))?.outcome).toBe('not-sure-yet');
    expect(await db.outbox.count()).toBe(1);
  });
});

describe('rerecordOutcomeWithHowDecided', () => {
  it('withdraws the first outcome and records the same one with the organiser’s answers, together', async () => {
    const { db, order, visitId, clock } = await world();
    const first = await recordOutcome(
      db,
      { visitId, outcome: 'chosen', chosenCarerId: order[1]!, orderShown: order, presentation: 'face-first', howDecided: knownHow },
      clock,
    );
    const answers = { ...knownHow, indicatedBy: 'person-by-eye-gaze' as const, present: ['organiser', 'daughter'] };
    const second = await rerecordOutcomeWithHowDecided(db, visitId, answers, clock);
    expect(second.payload).toEqual({ ...first.payload, howDecided: answers });
    expect(second.id).not.toBe(first.id);
    const outbox = (await listOutbox(db)).map((i) => i.event);
    expect(outbox.map((e) => e.type)).toEqual(['OutcomeRecorded', 'OutcomeWithdrawn', 'OutcomeRecorded']);
    expect(outbox[1]?.payload).toEqual({ withdrawsEventId: first.id });
    expect((await getOutcome(db, visitId))?.eventId).toBe(second.id);
  });

  it('writes nothing when the answers are invalid', async () => {
    const { db, order, visitId, clock } = await world();
    await recordOutcome(db, { visitId, outcome: 'chosen', chosenCarerId: order[0]!, orderShown: order }, clock);
    await expect(rerecordOutcomeWithHowDecided(db, visitId, { ...knownHow, durationSeconds: -1 }, clock)).rejects.toThrow();
    expect(await db.outbox.count()).toBe(1);
    expect((await getOutcome(db, visitId))?.outcome).toBe('chosen');
  });
});

describe('recordPersonModeSettings', () => {
  it('queues the event and keeps a local copy the tablet uses at once', async () => {
    const { db, pack, visitId, clock } = await world();
    const settings = { ...DEFAULT_PERSON_MODE_SETTINGS, language: 'cy' as const, highContrast: true };
    const event = await recordPersonModeSettings(db, { visitId, personId: pack.person.id, settings }, clock);
    expect(event).toMatchObject({ type: 'PersonModeSettingsChanged', payload: { personId: pack.person.id, settings } });
    expect(await getLocalPersonModeSettings(db, pack.person.id)).toEqual(settings);
    expect(await db.outbox.count()).toBe(1);
  });

  it('writes nothing when the settings are invalid', async () => {
    const { db, pack, visitId, clock } = await world();
    const settings = { ...DEFAULT_PERSON_MODE_SETTINGS, dwellMs: 10 };
    await expect(recordPersonModeSettings(db, { visitId, personId: pack.person.id, settings }, clock)).rejects.toThrow();
    expect(await getLocalPersonModeSettings(db, pack.person.id)).toBeUndefined();
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('the organiser PIN', () => {
  const randomBytes = (n: number) => new Uint8Array(n).fill(3);

  it('keeps only a salted hash, and tells a right PIN from a wrong one', async () => {
    const { db } = await world();
    expect(await checkOrganiserPin(db, '2580', new Date('2026-11-24T10:00:00Z'))).toBe('not-set');
    await setOrganiserPin(db, '2580', new Date('2026-11-24T10:00:00Z'), randomBytes);
    expect(await hasOrganiserPin(db)).toBe(true);
    const stored = await db.organiserPin.get('organiser');
    expect(JSON.stringify(stored)).not.toContain('2580');
    expect(stored?.hashHex).toMatch(/^[0-9a-f]{64}$/);
    expect(await checkOrganiserPin(db, '2580', new Date('2026-11-24T10:00:00Z'))).toBe('right');
    expect(await checkOrganiserPin(db, '2581', new Date('2026-11-24T10:00:00Z'))).toBe('wrong');
    expect(await checkOrganiserPin(db, 'abcd', new Date('2026-11-24T10:00:00Z'))).toBe('wrong');
  });

  it('refuses a PIN that is not 4 to 6 digits', async () => {
    const { db } = await world();
    await expect(setOrganiserPin(db, '123', new Date(), randomBytes)).rejects.toBeInstanceOf(InvalidPinError);
    await expect(setOrganiserPin(db, '1234567', new Date(), randomBytes)).rejects.toBeInstanceOf(InvalidPinError);
    expect(await hasOrganiserPin(db)).toBe(false);
  });
});
