import { describe, expect, it } from 'vitest';
import { getOutcome, listOutbox } from '../../src/local-db/queries';
import { NoDeviceError, recordOutcome } from '../../src/local-db/record-event';
import { makePack } from '../support/factories';
import { TEST_DEVICE_ID, fixedClock, freshDb, signedInDb } from '../support/test-db';

describe('recordOutcome', () => {
  it('stores the outcome and its outbox row together, as one valid event', async () => {
    const db = await signedInDb();
    const { pack } = await makePack();
    const [sam] = pack.candidates;
    const order = pack.candidates.map((c) => c.id);

    const event = await recordOutcome(db, { visitId: pack.visit.id, outcome: 'chosen', chosenCarerId: sam!.id, orderShown: order }, fixedClock());

    expect(event.deviceId).toBe(TEST_DEVICE_ID);
    expect(await getOutcome(db, pack.visit.id)).toMatchObject({ eventId: event.id, outcome: 'chosen', chosenCarerId: sam!.id });
    const outbox = await listOutbox(db);
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ id: event.id, event, attempts: 0, lastError: null });
  });

  it('writes nothing when the event is invalid', async () => {
    const db = await signedInDb();
    const { pack } = await makePack();
    const stranger = '00000000-0000-4000-8000-00000000ffff';
    await expect(
      recordOutcome(db, { visitId: pack.visit.id, outcome: 'chosen', chosenCarerId: stranger, orderShown: [pack.candidates[0]!.id] }, fixedClock()),
    ).rejects.toThrow();
    expect(await getOutcome(db, pack.visit.id)).toBeUndefined();
    expect(await listOutbox(db)).toHaveLength(0);
  });

  it('writes nothing on a tablet that was never set up', async () => {
    const db = freshDb();
    const { pack } = await makePack();
    await expect(
      recordOutcome(db, { visitId: pack.visit.id, outcome: 'none-of-these', chosenCarerId: null, orderShown: [pack.candidates[0]!.id] }, fixedClock()),
    ).rejects.toBeInstanceOf(NoDeviceError);
    expect(await db.outcomes.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps both rows across closing and reopening the database', async () => {
    const db = await signedInDb();
    const { pack } = await makePack();
    await recordOutcome(db, { visitId: pack.visit.id, outcome: 'none-of-these', chosenCarerId: null, orderShown: [pack.candidates[0]!.id] }, fixedClock());
    db.close();
    await db.open();
    expect(await db.outbox.count()).toBe(1);
    expect((await getOutcome(db, pack.visit.id))?.outcome).toBe('none-of-these');
  });
});

describe('stored files', () => {
  it('gives back the same bytes and type of a film Blob', async () => {
    const db = freshDb();
    const bytes = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7) % 256);
    await db.files.put({ sha256: 'a'.repeat(64), type: 'video/mp4', bytes: bytes.length, blob: new Blob([bytes], { type: 'video/mp4' }), storedAt: 'now' });
    const stored = await db.files.get('a'.repeat(64));
    expect(stored?.blob.type).toBe('video/mp4');
    expect(new Uint8Array(await stored!.blob.arrayBuffer())).toEqual(bytes);
  });
});
