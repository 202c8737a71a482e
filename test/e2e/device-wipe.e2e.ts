import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeviceView } from '../../src/domain/devices';
import { screenshot } from './support/browser';
import type { RunningHearth } from './support/hearth-server';
import { getVisitReady, signInAsOrganiser, startJourney, type Journey } from './support/journey';

const ADMIN_LOGIN = { email: 'admin@demo.hearth.test', password: 'hearth-demo' };

/** Everything the origin holds, enumerated in the page: every IndexedDB database and store, every cache, service workers, web storage. */
interface OriginContents {
  databases: { name: string; stores: Record<string, number> }[];
  caches: { name: string; entries: number }[];
  serviceWorkers: number;
  webStorageKeys: number;
  /** Whether `needle` occurs in any stored record (as JSON, Blobs read as text) or cached response. */
  needleFound: boolean;
}

function originContents(page: Page, needle: string): Promise<OriginContents> {
  return page.evaluate(async (needle): Promise<OriginContents> => {
    const textOf = async (value: unknown): Promise<string> => {
      if (value instanceof Blob) return value.text();
      if (value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return new TextDecoder().decode(value as ArrayBuffer);
      if (value && typeof value === 'object') {
        const parts = await Promise.all(Object.entries(value).map(async ([k, v]) => `${k}:${await textOf(v)}`));
        return parts.join(' ');
      }
      return String(value);
    };
    let needleFound = false;
    const databases: OriginContents['databases'] = [];
    for (const info of await indexedDB.databases()) {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(info.name!);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const stores: Record<string, number> = {};
      for (const store of Array.from(db.objectStoreNames)) {
        const rows = await new Promise<unknown[]>((resolve, reject) => {
          const request = db.transaction(store).objectStore(store).getAll();
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
        stores[store] = rows.length;
        for (const row of rows) if ((await textOf(row)).includes(needle)) needleFound = true;
      }
      db.close();
      databases.push({ name: info.name!, stores });
    }
    const caches: OriginContents['caches'] = [];
    for (const name of await globalThis.caches.keys()) {
      const cache = await globalThis.caches.open(name);
      const requests = await cache.keys();
      for (const request of requests) {
        const response = await cache.match(request);
        if (response && (await response.text()).includes(needle)) needleFound = true;
      }
      caches.push({ name, entries: requests.length });
    }
    return {
      databases,
      caches,
      serviceWorkers: (await navigator.serviceWorker.getRegistrations()).length,
      webStorageKeys: localStorage.length + sessionStorage.length,
      needleFound,
    };
  }, needle);
}

/** Another session, at the office: the admin, over plain HTTP. */
async function adminSession(url: string): Promise<(path: string, init?: RequestInit) => Promise<Response>> {
  const login = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN_LOGIN) });
  expect(login.status).toBe(200);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return (path, init = {}) => fetch(`${url}${path}`, { ...init, headers: { cookie, 'content-type': 'application/json', ...init.headers } });
}

// RELIABILITY A5 (revoke) and B6(a): a lost tablet, removed at the office, wipes itself on its next contact.
describe('a revoked tablet wipes itself', () => {
  let hearth: RunningHearth;
  let journey: Journey;
  let context: BrowserContext;
  let page: Page;
  let office: Awaited<ReturnType<typeof adminSession>>;

  beforeAll(async () => {
    journey = await startJourney();
    ({ hearth, context, page } = journey);
  }, 240_000);

  afterAll(async () => {
    await journey?.stop();
  });

  it('1. the organiser signs in on the tablet, which enrols it, and gets Hilda’s visit ready offline', async () => {
    await page.goto(hearth.url);
    await signInAsOrganiser(page);
    await getVisitReady(page, 'Hilda');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));

    // The device token is an HttpOnly cookie: the page itself cannot read it.
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'hearth_device')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(await page.evaluate(() => document.cookie)).not.toContain('hearth_device');

    const before = await originContents(page, 'Hilda');
    const hearthDb = before.databases.find((d) => d.name === 'hearth');
    expect(hearthDb?.stores.files).toBeGreaterThan(0);
    expect(hearthDb?.stores.packs).toBe(1);
    expect(before.serviceWorkers).toBe(1);
    expect(before.caches.length).toBeGreaterThan(0);
    // The check can find the person: her name is in the visit list kept on the tablet.
    expect(before.needleFound).toBe(true);
  });

  it('2. the admin removes it from another session', async () => {
    office = await adminSession(hearth.url);
    const { devices } = (await (await office('/api/devices')).json()) as { devices: DeviceView[] };
    const tablet = devices.find((d) => d.status === 'enrolled' && d.enrolledBy === 'Jo Baker');
    expect(tablet).toBeDefined();
    const revoked = await office(`/api/devices/${tablet!.id}/revoke`, { method: 'POST', body: '{}' });
    expect(revoked.status).toBe(200);
    expect(((await revoked.json()) as DeviceView).status).toBe('revoked');
  });

  it('3. its next contact with the office wipes it, and it says so plainly', async () => {
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.getByRole('heading', { level: 1, name: 'This tablet has been removed from Hearth Demo Home Care' }).waitFor({ timeout: 30_000 });
    await page.getByText('Nothing about anyone is stored on it now.').waitFor({ timeout: 30_000 });
    await screenshot(page, 'device-wipe-removed');
  });

  it('4. nothing personal is left: no database, store, cache, service worker or stored key', async () => {
    const after = await originContents(page, 'Hilda');
    expect(after).toEqual({ databases: [], caches: [], serviceWorkers: 0, webStorageKeys: 0, needleFound: false });
    expect((await context.cookies()).map((c) => c.name)).toEqual([]);
    expect(await page.getByText(/hilda/i).count()).toBe(0);
  });

  it('5. what it sends from then on is refused with the wipe instruction, and not stored', async () => {
    const answer = await page.evaluate(async () => ({ status: (await fetch('/api/visits')).status }));
    // The device cookie went with the wipe: the office now sees a stranger, who is not signed in.
    expect(answer.status).toBe(401);
    const { devices } = (await (await office('/api/devices')).json()) as { devices: DeviceView[] };
    expect(devices.filter((d) => d.status === 'revoked')).toHaveLength(1);
  });
});

// RELIABILITY A5 (logout): signing out with nothing waiting wipes the tablet by itself. The office's logout
// answer clears only the HTTP cache and cookies, so this proves the tablet's own wipe, as offline.
describe('signing out wipes the tablet', () => {
  let journey: Journey;
  let page: Page;

  beforeAll(async () => {
    journey = await startJourney();
    ({ page } = journey);
  }, 240_000);

  afterAll(async () => {
    await journey?.stop();
  });

  it('leaves nothing personal once the outbox is empty', async () => {
    await page.goto(journey.hearth.url);
    await signInAsOrganiser(page);
    await getVisitReady(page, 'Hilda');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    expect((await originContents(page, 'Hilda')).needleFound).toBe(true);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { level: 1, name: 'You have signed out' }).waitFor({ timeout: 30_000 });
    await page.getByText('Nothing about anyone is stored on this tablet now.').waitFor({ timeout: 30_000 });
    expect(await originContents(page, 'Hilda')).toEqual({ databases: [], caches: [], serviceWorkers: 0, webStorageKeys: 0, needleFound: false });
  });
});
