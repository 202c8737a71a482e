import { describe, expect, it } from 'vitest';
import { getSyncState, listOutbox } from '../../src/local-db/queries';
import { DEFAULT_PERSON_MODE_SETTINGS } from '../../src/domain/person-mode';
import { recordOutcome, recordPersonModeSettings } from '../../src/local-db/record-event';
import { ApiFailure } from '../../src/sync/transport';
import { pushOutbox } from '../../src/sync/outbox-sender';
import { makePack } from '../support/factories';
import { FakeOffice } from '../support/fake-transport';
import { fixedClock, signedInDb } from '../support/test-db';

async function withOutcomes(count: number) {
  const db = await signedInDb();
  const office = new FakeOffice();
  const clock = fixedClock();
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const { pack } = await makePack(['Sam']);
    const sam = pack.candidates[0]!.id;
    ids.push((await recordOutcome(db, { visitId: pack.visit.id, outcome: 'chosen', chosenCarerId: sam, orderShown: [sam] }, clock)).id);
  }
  return { db, office, clock, ids };
}

describe('pushOutbox', () => {
  it('sends what is waiting and empties the outbox only after the office acknowledges', async () => {
    const { db, office, clock, ids } = await withOutcomes(3);
    const result = await pushOutbox(db, office, clock.now);
    expect(result).toEqual({ outcome: 'sent', acknowledged: 3, remaining: 0 });
    expect([...office.stored.keys()].sort()).toEqual([...ids].sort());
    expect((await getSyncState(db)).lastSuccessAt).not.toBeNull();
  });

  it('keeps everything while offline', async () => {
    const { db, office, clock } = await withOutcomes(2);
    office.online = false;
    expect(await pushOutbox(db, office, clock.now)).toEqual({ outcome: 'offline', acknowledged: 0, remaining: 2 });
    expect((await getSyncState(db)).lastError).toMatch(/could not be reached/);
  });

  it('resends after a lost answer, and the office stores each record once', async () => {
    const { db, office, clock, ids } = await withOutcomes(2);
    office.dropAnswers = 1;
    expect((await pushOutbox(db, office, clock.now)).remaining).toBe(2);
    expect(await pushOutbox(db, office, clock.now)).toEqual({ outcome: 'sent', acknowledged: 2, remaining: 0 });
    expect(office.stored.size).toBe(2);
    expect(office.pushes).toHaveLength(2);
    expect(office.pushes[1]!.events.map((e) => e.id)).toEqual(ids);
  });

  it('keeps a record the office refuses as a clash, with the reason, and sends the rest', async () => {
    const { db, office, clock, ids } = await withOutcomes(2);
    const [first] = await listOutbox(db);
    office.stored.set(first!.id, { event: first!.event, hash: 'other content' });

    const result = await pushOutbox(db, office, clock.now);

    expect(result).toEqual({ outcome: 'partly-sent', acknowledged: 1, remaining: 1 });
    const [kept] = await listOutbox(db);
    expect(kept).toMatchObject({ id: ids[0], attempts: 1, lastError: expect.stringMatching(/clashes/) });
  });

  it('asks the organiser to sign in again when the session has ended, keeping the records', async () => {
    const { db, office, clock } = await withOutcomes(1);
    office.signedIn = false;
    expect(await pushOutbox(db, office, clock.now)).toEqual({ outcome: 'signed-out', acknowledged: 0, remaining: 1 });
    expect((await getSyncState(db)).lastError).toMatch(/Sign in again/);
  });

  describe('keeping records about the same thing in order (found by npm run test:chaos)', () => {
    async function twoSettingsChanges() {
      const db = await signedInDb();
      const office = new FakeOffice();
      const clock = fixedClock();
      const { pack } = await makePack(['Sam']);
      const { pack: other } = await makePack(['Tom']);
      const change = (p: typeof pack, textSize: 'larger' | 'largest') =>
        recordPersonModeSettings(db, { visitId: p.visit.id, personId: p.person.id, settings: { ...DEFAULT_PERSON_MODE_SETTINGS, textSize } }, clock);
      const older = await change(pack, 'larger');
      const newer = await change(pack, 'largest');
      const elsewhere = await change(other, 'larger');
      return { db, office, clock, older, newer, elsewhere };
    }

    it('a server error stops the run, so nothing is sent out of order; all go next time, in order', async () => {
      const { db, office, clock, older, newer } = await twoSettingsChanges();
      office.refusePush = () => new ApiFailure(500, 'internal', 'Something went wrong at the office.');
      expect(await pushOutbox(db, office, clock.now)).toEqual({ outcome: 'refused', acknowledged: 0, remaining: 3 });
      expect(office.pushes).toHaveLength(1); // no one-at-a-time retries that could skip one
      office.refusePush = null;
      await pushOutbox(db, office, clock.now);
      const order = office.pushes.at(-1)!.events.map((e) => e.id);
      expect(order.indexOf(older.id)).toBeLessThan(order.indexOf(newer.id));
    });

    it('a refused record holds back the later ones about the same person, and lets others through', async () => {
      const { db, office, clock, older, newer, elsewhere } = await twoSettingsChanges();
      office.refusePush = (request) =>
        request.events.some((e) => e.id === older.id) ? new ApiFailure(400, 'invalid-request', 'events.0.payload.personId: no.') : null;
      expect(await pushOutbox(db, office, clock.now)).toEqual({ outcome: 'partly-sent', acknowledged: 1, remaining: 2 });
      expect([...office.stored.keys()]).toEqual([elsewhere.id]);
      // After the whole batch was refused, one at a time: the newer change was never sent on its own.
      expect(office.pushes.slice(1).map((p) => p.events.map((e) => e.id))).toEqual([[older.id], [elsewhere.id]]);
      const kept = await listOutbox(db);
      expect(kept.map((i) => [i.id, i.lastError])).toEqual([
        [older.id, 'events.0.payload.personId: no.'],
        [newer.id, null],
      ]);
    });
  });
});
