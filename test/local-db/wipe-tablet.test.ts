import { describe, expect, it } from 'vitest';
import { openHearthDatabase, type HearthDatabase } from '../../src/local-db/database';
import { putFormDraft } from '../../src/local-db/form-drafts';
import { setOrganiserPin } from '../../src/local-db/organiser-pin';
import { appendPart, restartPartial } from '../../src/local-db/partial-files';
import { recordOutcome, recordPersonModeSettings } from '../../src/local-db/record-event';
import { enumerateLeftovers, wipeTablet, type WipeTargets } from '../../src/local-db/wipe-tablet';
import { DEFAULT_PERSON_MODE_SETTINGS } from '../../src/domain/person-mode';
import { downloadVisitPack } from '../../src/sync/pack-downloader';
import { refreshVisits } from '../../src/sync/visit-list';
import { makePack } from '../support/factories';
import { FakeOffice } from '../support/fake-transport';
import { fixedClock, signedInDb } from '../support/test-db';

/** Cache Storage as the service worker leaves it: the app shell and a runtime cache. */
function fakeCaches(names: string[], failKeys = false) {
  const open = new Set(names);
  return {
    keys: async () => {
      if (failKeys) throw new Error('caches are unavailable');
      return [...open];
    },
    delete: async (name: string) => open.delete(name),
  };
}

function fakeServiceWorker(count: number) {
  let registered = count;
  const registration = { unregister: async () => (registered > 0 ? (registered--, true) : false) };
  return { getRegistrations: async () => Array.from({ length: registered }, () => registration) };
}

function fakeStorage(entries: Record<string, string>) {
  const map = new Map(Object.entries(entries));
  return {
    clear: () => map.clear(),
    get length() {
      return map.size;
    },
  };
}

const targets = (overrides: Partial<WipeTargets> = {}): WipeTargets => ({
  indexedDB,
  caches: fakeCaches(['workbox-precache-v2', 'hearth-media']),
  serviceWorker: fakeServiceWorker(1),
  storages: [fakeStorage({ 'hearth-last-route': '/visits' }), fakeStorage({})],
  ...overrides,
});

/** A tablet with something in every store: a downloaded pack (photo and film Blobs), an answer waiting, a PIN, drafts, a part-downloaded file. */
async function tabletWithEverything(): Promise<{ db: HearthDatabase; personName: string }> {
  const db = await signedInDb();
  const office = new FakeOffice();
  const { pack, files } = await makePack(['Sam', 'Grace']);
  office.addPack(pack, files);
  await refreshVisits(db, office);
  expect(await downloadVisitPack(db, office, pack.visit.id)).toEqual({ ok: true });
  const clock = fixedClock();
  const ids = pack.candidates.map((c) => c.id);
  await recordOutcome(db, { visitId: pack.visit.id, outcome: 'chosen', chosenCarerId: ids[0]!, orderShown: ids }, clock);
  await recordPersonModeSettings(db, { visitId: pack.visit.id, personId: pack.person.id, settings: { ...DEFAULT_PERSON_MODE_SETTINGS, textSize: 'largest' } }, clock);
  await setOrganiserPin(db, '4826', clock.now(), clock.randomBytes);
  await putFormDraft(db, { key: `person:${pack.person.id}`, values: { careNeeds: `${pack.person.firstName} needs help with stairs` }, basedOnUpdatedAt: null, savedAt: clock.now().toISOString() });
  const partial = { sha256: 'f'.repeat(64), type: 'video/mp4', bytes: 10 };
  await restartPartial(db, partial, clock.now());
  await appendPart(db, partial.sha256, 0, new Blob([new Uint8Array([1, 2, 3, 4])], { type: 'video/mp4' }), clock.now());
  // Stores added since (or written only by other parts of the app) get a row with a Blob too: every store is covered.
  for (const table of db.tables) {
    if (table.name === 'syncState' || (await table.count()) > 0) continue;
    const keyPath = table.schema.primKey.keyPath;
    const keys = typeof keyPath === 'string' ? [keyPath] : (keyPath ?? []);
    await table.put({ ...Object.fromEntries(keys.map((k) => [k, `${table.name}-key`])), note: `${pack.person.firstName}`, blob: new Blob([pack.person.firstName]) });
  }
  return { db, personName: pack.person.firstName };
}

describe('wipeTablet', () => {
  it('leaves no IndexedDB database, cache, service worker or stored key behind, checked by enumerating them', async () => {
    const { db, personName } = await tabletWithEverything();
    const emptyStores = [];
    for (const table of db.tables) if ((await table.count()) === 0) emptyStores.push(table.name);
    // Every store but the sync state (written only by a sync) has personal or device records in it now.
    expect(emptyStores.filter((name) => name !== 'syncState')).toEqual([]);
    expect((await db.files.toArray()).every((f) => f.blob instanceof Blob)).toBe(true);
    // Some other database of the origin (an older Hearth, a library's own).
    await new Promise<void>((resolve) => {
      const open = indexedDB.open('workbox-expiration', 1);
      open.onsuccess = () => (open.result.close(), resolve());
    });

    const wipeTargets = targets();
    const report = await wipeTablet(db, wipeTargets);

    expect(report.steps.map((s) => [s.name, s.outcome])).toEqual([
      ['hearth-database', 'done'],
      ['other-databases', 'done'],
      ['caches', 'done'],
      ['service-workers', 'done'],
      ['web-storage', 'done'],
    ]);
    expect(report).toMatchObject({ complete: true, left: { databases: [], caches: [], serviceWorkers: 0, storageKeys: 0 }, unchecked: [] });
    // Checked again from outside the wipe: nothing in IndexedDB, and reopening the name finds empty stores.
    expect((await enumerateLeftovers(wipeTargets)).left.databases).toEqual([]);
    const reopened = openHearthDatabase(db.name);
    for (const table of reopened.tables) expect(await table.count(), table.name).toBe(0);
    expect(JSON.stringify(await Promise.all(reopened.tables.map((t) => t.toArray())))).not.toContain(personName);
    reopened.close();
    await reopened.delete();
  });

  it('runs every step when one fails, and reports what is left instead of claiming success', async () => {
    const { db } = await tabletWithEverything();
    const storage = fakeStorage({ 'hearth-last-route': '/visits' });
    const report = await wipeTablet(db, targets({ caches: fakeCaches(['hearth-media'], true), storages: [storage] }));

    expect(report.steps.find((s) => s.name === 'caches')).toMatchObject({ outcome: 'failed', error: 'caches are unavailable' });
    expect(report.steps.filter((s) => s.name !== 'caches').every((s) => s.outcome === 'done')).toBe(true);
    expect(storage.length).toBe(0);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(db.name);
    expect(report.complete).toBe(false);
    expect(report.unchecked).toContain('caches');
  });

  it('gives up on a database another tab keeps open, carries on, and reports it as left', async () => {
    const { db } = await tabletWithEverything();
    db.close();
    // Another tab's connection that ignores requests to close.
    const other = await new Promise<IDBDatabase>((resolve) => {
      const open = indexedDB.open(db.name);
      open.onsuccess = () => resolve(open.result);
    });
    const report = await wipeTablet(db, targets(), { stepTimeoutMs: 300 });

    expect(report.steps.find((s) => s.name === 'hearth-database')?.outcome).toBe('failed');
    expect(report.steps.find((s) => s.name === 'caches')?.outcome).toBe('done');
    expect(report.complete).toBe(false);
    expect(report.left.databases).toContain(db.name);
    other.close();
  });

  it('does not claim an empty IndexedDB when the browser cannot list databases', async () => {
    const { db } = await tabletWithEverything();
    const withoutListing = Object.assign(Object.create(indexedDB) as IDBFactory, { databases: undefined });
    const report = await wipeTablet(db, targets({ indexedDB: withoutListing }));
    expect(report.steps.find((s) => s.name === 'hearth-database')?.outcome).toBe('done');
    expect(report).toMatchObject({ complete: false, unchecked: ['databases'] });
  });
});
