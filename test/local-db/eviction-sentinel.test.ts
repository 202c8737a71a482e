// @vitest-environment jsdom
// jsdom for a real localStorage; IndexedDB is fake-indexeddb (test/support/setup-node.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { openHearthDatabase, type HearthDatabase } from '../../src/local-db/database';
import { acknowledgeStorageLoss, checkForEviction, installMarkerKey, type MarkerMirror, type SentinelCheck } from '../../src/local-db/eviction-sentinel';
import { getSyncState } from '../../src/local-db/queries';
import { wipeTablet } from '../../src/local-db/wipe-tablet';

let serial = 0;
let names: string[] = [];
const open: HearthDatabase[] = [];

afterEach(async () => {
  for (const db of open.splice(0)) db.close();
  for (const name of names) await deleteDatabase(name);
  names = [];
  localStorage.clear();
});

/** What the browser does when it evicts the origin's IndexedDB, or DevTools' "delete database". */
function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

let markers = 0;
const options = { now: () => new Date('2026-12-01T09:00:00Z'), makeMarker: () => `marker-${++markers}` };

/** One tablet: each launch opens its database afresh, checks, writes a little as the app would, and closes. */
function tablet() {
  serial += 1;
  const name = `hearth-eviction-${process.pid}-${serial}`;
  names.push(name);
  return {
    name,
    async launch(mirror: MarkerMirror = localStorage): Promise<{ check: SentinelCheck; lostAt: string | undefined }> {
      const db = openHearthDatabase(name);
      open.push(db);
      const check = await checkForEviction(db, mirror, options);
      // The app carries on using its database: a device record, as at the first sign-in.
      await db.device.put({ key: 'this', deviceId: '01900000-0000-7000-8000-00000000d001', label: 'Test tablet' });
      const lostAt = (await getSyncState(db)).storageLostAt;
      db.close();
      return { check, lostAt };
    },
    evict: () => deleteDatabase(name),
  };
}

/** A tiny repeatable generator, so "various orders" are the same orders every run. */
function seeded(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

describe('the eviction sentinel: a launch notices the browser cleared Hearth’s database', () => {
  it('is quiet at the first open and on every normal relaunch', async () => {
    const t = tablet();
    expect((await t.launch()).check).toEqual({ kind: 'first-open' });
    for (let i = 0; i < 5; i++) expect((await t.launch()).check).toEqual({ kind: 'intact' });
    expect(localStorage.getItem(installMarkerKey({ name: t.name }))).toMatch(/^marker-/);
  });

  it('detects 50 of 50 simulated evictions, in varied orders with relaunches, and the notice stays until read', async () => {
    const random = seeded(7);
    const t = tablet();
    await t.launch();
    let evictions = 0;
    let detected = 0;
    let falseAlarms = 0;
    while (evictions < 50) {
      // Some normal days first, then the browser clears the database (sometimes twice before the next launch).
      const quietLaunches = Math.floor(random() * 3);
      for (let i = 0; i < quietLaunches; i++) {
        const { check } = await t.launch();
        if (check.kind !== 'intact') falseAlarms++;
      }
      await t.evict();
      if (random() < 0.2) await t.evict();
      evictions++;
      const { check, lostAt } = await t.launch();
      if (check.kind === 'evicted' && lostAt !== undefined) detected++;
      // Sometimes the organiser reads the notice at once; otherwise it must still be there next launch.
      if (random() < 0.5) {
        const again = await t.launch();
        expect(again.lostAt, 'the notice stays until it is read').toBeDefined();
        expect(again.check.kind).toBe('intact');
      }
      const db = openHearthDatabase(t.name);
      await acknowledgeStorageLoss(db);
      expect((await getSyncState(db)).storageLostAt).toBeUndefined();
      db.close();
    }
    expect({ evictions, detected, falseAlarms }).toEqual({ evictions: 50, detected: 50, falseAlarms: 0 });
  });

  it('still reports an eviction whose launch was cut off before localStorage was written again', async () => {
    const t = tablet();
    await t.launch();
    await t.evict();
    const refusing: MarkerMirror = {
      getItem: (key) => localStorage.getItem(key),
      setItem: () => {
        throw new Error('the page was closed');
      },
      removeItem: (key) => localStorage.removeItem(key),
    };
    expect((await t.launch(refusing)).check.kind).toBe('evicted');
    const next = await t.launch();
    expect(next.check.kind).toBe('evicted');
    expect(next.lostAt).toBe('2026-12-01T09:00:00.000Z');
    expect((await t.launch()).check.kind).toBe('intact');
  });

  it('raises no alarm after the app’s own wipe, which clears localStorage too', async () => {
    const t = tablet();
    await t.launch();
    await t.launch();
    const db = openHearthDatabase(t.name);
    open.push(db);
    const report = await wipeTablet(db, { indexedDB, storages: [localStorage] });
    expect(report.steps.find((s) => s.name === 'web-storage')?.outcome).toBe('done');
    expect((await t.launch()).check).toEqual({ kind: 'first-open' });
    expect((await t.launch()).check).toEqual({ kind: 'intact' });
  });

  it('restores the localStorage copy when only that was cleared (nothing was lost), and alarms on no other launch', async () => {
    const t = tablet();
    await t.launch();
    localStorage.clear();
    const restored = await t.launch();
    expect(restored.check).toEqual({ kind: 'mirror-restored' });
    expect(restored.lostAt).toBeUndefined();
    expect((await t.launch()).check).toEqual({ kind: 'intact' });
    // Without localStorage at all (switched off), a launch can only ever be quiet.
    const none = await checkForEviction(openHearthDatabase(t.name), undefined, options);
    expect(none.kind).toBe('intact');
  });

  it('lets two tabs opening at once agree on one marker, so the next launch is quiet', async () => {
    const t = tablet();
    const [a, b] = [openHearthDatabase(t.name), openHearthDatabase(t.name)];
    open.push(a, b);
    const checks = await Promise.all([checkForEviction(a, localStorage, options), checkForEviction(b, localStorage, options)]);
    expect(checks.map((c) => c.kind).sort()).toEqual(['first-open', 'mirror-restored']);
    a.close();
    b.close();
    expect((await t.launch()).check).toEqual({ kind: 'intact' });
  });
});
