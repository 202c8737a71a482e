import { describe, expect, it } from 'vitest';
import { getSyncState, listOutbox } from '../../src/local-db/queries';
import { recordOutcome } from '../../src/local-db/record-event';
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
});
