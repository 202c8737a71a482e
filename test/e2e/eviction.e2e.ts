import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStore, screenshot } from './support/browser';
import type { RunningHearth } from './support/hearth-server';
import { signInAsOrganiser, startJourney, type Journey } from './support/journey';

const NOTICE = /this tablet has lost what hearth kept on it/i;
const MARKER_KEY = 'hearth.install-marker.hearth';

/**
 * F7 in a real Chromium: the browser deletes Hearth's IndexedDB database (as DevTools' "Clear storage"
 * for IndexedDB does, and as quota eviction does) while localStorage survives. The next launch must
 * say so plainly; the first open must not. (Relaunches with the data key gone ask for the password
 * again; test/local-db/eviction-sentinel.test.ts covers 50 evictions and the quiet relaunches.)
 */
describe('a tablet whose browser evicted Hearth’s storage', () => {
  let hearth: RunningHearth;
  let journey: Journey;
  let context: BrowserContext;
  let page: Page;
  let cdp: CDPSession;

  beforeAll(async () => {
    journey = await startJourney();
    ({ hearth, context, page } = journey);
    cdp = await context.newCDPSession(page);
  });

  afterAll(async () => {
    await journey?.stop();
  });

  const syncMarker = async () => (await readStore<{ key: string; installMarker?: string }>(page, 'syncState')).find((r) => r.key === 'state')?.installMarker;

  it('marks the install in IndexedDB and localStorage at first open, and raises no alarm', async () => {
    await page.goto(hearth.url);
    try {
      await signInAsOrganiser(page);
    } catch (error) {
      await screenshot(page, 'eviction-sign-in-failed');
      throw new Error(`${String(error)}\nThe page said: ${(await page.locator('body').innerText()).slice(0, 800)}`);
    }
    const marker = await syncMarker();
    expect(marker).toMatch(/^[0-9a-f-]{36}$/);
    expect(await page.evaluate((key) => localStorage.getItem(key), MARKER_KEY)).toBe(marker);

    expect(await page.getByRole('heading', { name: NOTICE }).count()).toBe(0);
  });

  it('after the IndexedDB database is deleted, the next launch shows the notice, and the marker is made again', async () => {
    const before = await page.evaluate((key) => localStorage.getItem(key), MARKER_KEY);
    await page.goto('about:blank');
    await cdp.send('Storage.clearDataForOrigin', { origin: new URL(hearth.url).origin, storageTypes: 'indexeddb' });

    await page.goto(hearth.url);
    // The session was in the database too: the organiser signs in again, then sees what happened.
    const signIn = page.getByRole('button', { name: /sign in/i });
    await signIn.waitFor();
    await signInAsOrganiser(page);
    const notice = page.getByRole('heading', { level: 2, name: NOTICE });
    await notice.waitFor({ timeout: 15_000 });
    const section = page.locator('section.storage-lost');
    expect(await section.textContent()).toMatch(/tell the office today/i);
    await screenshot(page, 'eviction-notice');

    const after = await syncMarker();
    expect(after).toMatch(/^[0-9a-f-]{36}$/);
    expect(after).not.toBe(before);
    expect(await page.evaluate((key) => localStorage.getItem(key), MARKER_KEY)).toBe(after);

    // Once the organiser has told the office, it goes.
    await page.getByRole('button', { name: 'I have told the office' }).click();
    await expect.poll(() => page.getByRole('heading', { name: NOTICE }).count()).toBe(0);
  });
});
