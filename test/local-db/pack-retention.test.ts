import { describe, expect, it } from 'vitest';
import { purgeExpiredPacks } from '../../src/local-db/pack-retention';
import { recordOutcome, withdrawOutcome } from '../../src/local-db/record-event';
import { refreshVisits } from '../../src/sync/visit-list';
import { pushOutbox } from '../../src/sync/outbox-sender';
import { downloadVisitPack } from '../../src/sync/pack-downloader';
import { makePack } from '../support/factories';
import { FakeOffice } from '../support/fake-transport';
import { fixedClock, signedInDb } from '../support/test-db';

const HOUR = 3_600_000;

/** A tablet with two visits ready (both show Sam, so they share his files), each with Sam chosen. */
async function tabletWithTwoVisits() {
  const db = await signedInDb();
  const office = new FakeOffice();
  const first = await makePack(['Sam', 'Grace']);
  const second = await makePack(['Sam', 'Tom']);
  // The same Sam in both visits: his photo and film are one file each on the tablet.
  const sam = first.pack.candidates[0]!;
  second.pack.candidates[0] = sam;
  second.pack.files = [...first.files.filter((f) => [sam.photo, sam.film].includes(f.file.sha256)).map((f) => f.file), ...second.pack.files.slice(2)];
  office.addPack(first.pack, first.files);
  office.addPack(second.pack, [...first.files.filter((f) => [sam.photo, sam.film].includes(f.file.sha256)), ...second.files.slice(2)]);
  await refreshVisits(db, office);
  for (const { pack } of [first, second]) expect(await downloadVisitPack(db, office, pack.visit.id)).toEqual({ ok: true });
  const clock = fixedClock();
  for (const { pack } of [first, second]) {
    const ids = pack.candidates.map((c) => c.id);
    await recordOutcome(db, { visitId: pack.visit.id, outcome: 'chosen', chosenCarerId: ids[0]!, orderShown: ids }, clock);
  }
  return { db, office, clock, first: first.pack, second: second.pack, sam };
}

describe('removing packs once the office has the outcome', () => {
  it('never removes a pack whose outcome is still waiting to be sent, however long ago it was recorded', async () => {
    const { db, first } = await tabletWithTwoVisits();
    expect(await purgeExpiredPacks(db, new Date(Date.now() + 1000 * HOUR), 24)).toEqual([]);
    expect(await db.packs.get(first.visit.id)).toBeDefined();
  });

  it('removes a pack only once the retention time after the acknowledgement has passed, keeping files another visit uses', async () => {
    const { db, office, clock, first, second, sam } = await tabletWithTwoVisits();
    const ackedAt = new Date('2026-12-01T09:00:00Z');
    expect((await pushOutbox(db, office, () => ackedAt)).outcome).toBe('sent');
    expect((await db.outcomes.get(first.visit.id))?.acknowledgedAt).toBe(ackedAt.toISOString());

    expect(await purgeExpiredPacks(db, new Date(ackedAt.getTime() + 24 * HOUR - 1), 24)).toEqual([]);
    // The second visit has a new answer waiting (undone and chosen again): it keeps its pack.
    await withdrawOutcome(db, second.visit.id, clock);
    // A half-downloaded copy of Grace's photo, left by a download that never finished.
    const grace0 = first.candidates[1]!;
    await db.partialFiles.put({ sha256: grace0.photo, type: 'image/png', expectedBytes: 10, receivedBytes: 4, updatedAt: ackedAt.toISOString() });
    await db.partialParts.put({ sha256: grace0.photo, offset: 0, blob: new Blob([new Uint8Array(4)]) });
    const removed = await purgeExpiredPacks(db, new Date(ackedAt.getTime() + 24 * HOUR), 24);
    expect(removed).toEqual([first.visit.id]);

    expect(await db.packs.get(first.visit.id)).toBeUndefined();
    expect(await db.outcomes.get(first.visit.id)).toBeUndefined();
    expect(await db.visits.get(first.visit.id)).toMatchObject({ packStatus: 'not-downloaded', bytesStored: 0, packRemovedAt: '2026-12-02T09:00:00.000Z' });
    // Sam's files stay for the second visit; Grace's go.
    const grace = first.candidates[1]!;
    expect(await db.files.get(sam.film)).toBeDefined();
    expect(await db.files.get(grace.film)).toBeUndefined();
    expect(await db.partialFiles.get(grace.photo)).toBeUndefined();
    expect(await db.partialParts.count()).toBe(0);
    expect(await db.packs.get(second.visit.id)).toBeDefined();
  });

  it('uses the organisation’s retention time', async () => {
    const { db, office, first, second } = await tabletWithTwoVisits();
    const ackedAt = new Date('2026-12-01T09:00:00Z');
    await pushOutbox(db, office, () => ackedAt);
    expect(await purgeExpiredPacks(db, new Date(ackedAt.getTime() + 2 * HOUR), 72)).toEqual([]);
    expect((await purgeExpiredPacks(db, new Date(ackedAt.getTime() + 72 * HOUR), 72)).sort()).toEqual([first.visit.id, second.visit.id].sort());
    expect(await db.files.count()).toBe(0);
  });
});
