import { describe, expect, it, vi } from 'vitest';
import { recordOutcome } from '../../src/local-db/record-event';
import { downloadVisitPack } from '../../src/sync/pack-downloader';
import { refreshVisits } from '../../src/sync/visit-list';
import { createSyncEngine, type PageEvents } from '../../src/sync/sync-engine';
import { makePack } from '../support/factories';
import { FakeOffice } from '../support/fake-transport';
import { fixedClock, signedInDb } from '../support/test-db';

class FakePage implements PageEvents {
  listeners = new Set<() => void>();
  addEventListener(_type: 'online', l: () => void) {
    this.listeners.add(l);
  }
  removeEventListener(_type: 'online', l: () => void) {
    this.listeners.delete(l);
  }
  goOnline() {
    for (const l of this.listeners) l();
  }
}

async function setUp() {
  const db = await signedInDb();
  const office = new FakeOffice();
  const { pack, files } = await makePack(['Sam']);
  office.addPack(pack, files);
  const sam = pack.candidates[0]!.id;
  await recordOutcome(db, { visitId: pack.visit.id, outcome: 'chosen', chosenCarerId: sam, orderShown: [sam] }, fixedClock());
  return { db, office };
}

describe('sync engine', () => {
  it('runs one sync at a time: calls while running join the same run', async () => {
    const { db, office } = await setUp();
    const engine = createSyncEngine({ db, transport: office });
    const runs = await Promise.all([engine.syncNow(), engine.syncNow(), engine.syncNow()]);
    expect(runs[0]).toBe(runs[1]);
    expect(office.pushes).toHaveLength(1);
    expect(office.stored.size).toBe(1);
    expect(await db.outbox.count()).toBe(0);
  });

  it('judges the connection by a health check and reports offline', async () => {
    const { db, office } = await setUp();
    office.online = false;
    const engine = createSyncEngine({ db, transport: office });
    expect((await engine.syncNow()).status).toBe('offline');
    expect(engine.getStatus()).toBe('offline');
    expect(await db.outbox.count()).toBe(1);
  });

  it('sends by itself when the connection comes back, with no one pressing anything', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] });
    try {
      const { db, office } = await setUp();
      office.online = false;
      const page = new FakePage();
      const engine = createSyncEngine({ db, transport: office, page, intervalMs: 60_000 });
      const statuses: string[] = [];
      engine.subscribe((s) => statuses.push(s));
      engine.start();
      await vi.waitFor(() => expect(statuses).toContain('offline'));

      office.online = true;
      page.goOnline();
      await vi.waitFor(() => expect(office.stored.size).toBe(1));
      await vi.waitFor(() => expect(engine.getStatus()).toBe('idle'));
      engine.stop();
      expect(page.listeners.size).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('retries with backoff after a failure while records wait', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'setInterval', 'clearTimeout', 'clearInterval'] });
    try {
      const { db, office } = await setUp();
      office.online = false;
      const engine = createSyncEngine({ db, transport: office, intervalMs: 10 * 60_000, retryBaseMs: 1_000, random: () => 1 });
      engine.start();
      await vi.waitFor(() => expect(engine.getStatus()).toBe('offline'));
      office.online = true;
      await vi.advanceTimersByTimeAsync(1_000);
      await vi.waitFor(() => expect(office.stored.size).toBe(1));
      engine.stop();
    } finally {
      vi.useRealTimers();
    }
  });

  it('removes a visit’s pack a day after the office acknowledged its outcome, and not a moment before', async () => {
    const db = await signedInDb();
    const office = new FakeOffice();
    const { pack, files } = await makePack(['Sam']);
    office.addPack(pack, files);
    await refreshVisits(db, office);
    expect(await downloadVisitPack(db, office, pack.visit.id)).toEqual({ ok: true });
    const sam = pack.candidates[0]!.id;
    await recordOutcome(db, { visitId: pack.visit.id, outcome: 'chosen', chosenCarerId: sam, orderShown: [sam] }, fixedClock());
    let at = new Date('2026-12-01T09:00:00Z');
    const engine = createSyncEngine({ db, transport: office, now: () => at });

    await engine.syncNow(); // sent and acknowledged now
    expect(await db.packs.count()).toBe(1);
    at = new Date('2026-12-02T08:59:59Z');
    await engine.syncNow();
    expect(await db.packs.count()).toBe(1);
    at = new Date('2026-12-02T09:00:00Z');
    await engine.syncNow();
    expect(await db.packs.count()).toBe(0);
    expect(await db.files.count()).toBe(0);
    expect((await db.visits.get(pack.visit.id))?.packRemovedAt).toBe('2026-12-02T09:00:00.000Z');
  });

  it('with a lock shared by two tabs, only one sends: the other then finds nothing waiting', async () => {
    const { db, office } = await setUp();
    let held: Promise<unknown> = Promise.resolve();
    // A stand-in for navigator.locks.request: each run waits for the one before it.
    const exclusive = <T,>(fn: () => Promise<T>): Promise<T> => {
      const run = held.then(fn);
      held = run.catch(() => undefined);
      return run;
    };
    const tabA = createSyncEngine({ db, transport: office, exclusive });
    const tabB = createSyncEngine({ db, transport: office, exclusive });
    await Promise.all([tabA.syncNow(), tabB.syncNow()]);
    expect(office.pushes).toHaveLength(1);
    expect(office.stored.size).toBe(1);
  });
});
