import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHearth, type RunningHearth } from './support/hearth-server';
import { DEMO_LOGIN, getVisitReady, signInAsOrganiser } from './support/journey';

// RELIABILITY A6 (stolen-profile-scan): a visit pack is stored, the app locked, the browser closed; then
// every byte of the browser's profile directory is searched for the demo's personal data.

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * Seeded through the office's API (a name and a health phrase found nowhere in the app's own code), and
 * from the demo data (src/server/seed/demo-people.ts) care needs that the app's bundle does not contain
 * either. ("Hilda", "Bispham" and "Vera Lynn" are in the bundle as hints and interest words.)
 */
const CANARY_NAME = 'Zephyrine';
const CANARY_HEALTH = 'Insulin at eight, Zq7 canary';
const CANARIES = [CANARY_NAME, CANARY_HEALTH, 'take my tablets with breakfast', 'my hearing is not what it was', 'nephew on Sundays'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    const stat = statSync(path, { throwIfNoEntry: false });
    if (!stat) return [];
    return stat.isDirectory() ? filesUnder(path) : stat.isFile() ? [path] : [];
  });
}

/** Each canary's hits as UTF-8 and as UTF-16LE, with the files they are in. */
function scan(dir: string, needles: string[]): { needle: string; file: string }[] {
  const hits: { needle: string; file: string }[] = [];
  const patterns = needles.flatMap((needle) => [Buffer.from(needle, 'utf8'), Buffer.from(needle, 'utf16le')].map((bytes) => ({ needle, bytes })));
  for (const file of filesUnder(dir)) {
    const bytes = readFileSync(file);
    for (const { needle, bytes: pattern } of patterns) if (bytes.includes(pattern)) hits.push({ needle, file: file.slice(dir.length) });
  }
  return hits;
}

describe('a stolen tablet’s browser profile (A6)', () => {
  let hearth: RunningHearth;
  let profileDir: string;
  let context: BrowserContext | undefined;
  let page: Page;
  let visitId = '';

  beforeAll(async () => {
    hearth = await startHearth();
    profileDir = mkdtempSync(join(tmpdir(), 'hearth-profile-'));
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
      viewport: { width: 1024, height: 768 },
      serviceWorkers: 'allow',
    });
    page = context.pages()[0] ?? (await context.newPage());
  }, 240_000);

  afterAll(async () => {
    await context?.close().catch(() => undefined);
    await hearth?.stop();
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  });

  it('stores a person’s pack, locks on reload, and leaves none of their data readable on disk', async () => {
    await page.goto(hearth.url);
    await signInAsOrganiser(page);
    // The office renames Hilda to the canary and adds a health phrase, as an organiser could.
    const saved = await page.evaluate(
      async ({ name, health }) => {
        const list = (await (await fetch('/api/people/profiles')).json()) as { people: { id: string; draft: { firstName: string; howToSupportMe: string[] }; updatedAt: string }[] };
        const hilda = list.people.find((p) => p.draft.firstName === 'Hilda')!;
        const profile = { ...hilda.draft, firstName: name, howToSupportMe: [health, ...hilda.draft.howToSupportMe].slice(0, 8) };
        const response = await fetch(`/api/people/${hilda.id}/profile`, {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ profile, basedOnUpdatedAt: hilda.updatedAt }),
        });
        return `${response.status} ${response.ok ? '' : await response.text()}`;
      },
      { name: CANARY_NAME, health: CANARY_HEALTH },
    );
    expect(saved.trim()).toBe('200');
    // A reload loses the data key; the organiser's password opens the tablet again (600,000 PBKDF2 rounds, in the browser).
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Unlock Hearth' }).waitFor({ timeout: 30_000 });
    await page.getByLabel('Password').fill(DEMO_LOGIN.password);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('heading', { level: 1, name: /planned visits/i }).waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: new RegExp(CANARY_NAME) }).first().waitFor({ timeout: 30_000 });
    await getVisitReady(page, CANARY_NAME);
    visitId = page.url().split('/visits/')[1] ?? '';
    expect(visitId).toMatch(/^[0-9a-f-]{36}$/);
    // The pack really is on the tablet: the screen showed it from IndexedDB.
    expect(await page.getByText(/ready to use offline/i).count()).toBeGreaterThan(0);

    // A reload loses the data key: the app is locked until the password is typed.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Unlock Hearth' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('body').innerText()).not.toContain(CANARY_NAME);
    await context!.close();
    context = undefined;

    // The scan can find things: the visit's id is a clear index key, so it must be there.
    expect(scan(profileDir, [visitId]).length).toBeGreaterThan(0);
    const hits = scan(profileDir, CANARIES);
    expect(hits, JSON.stringify(hits, null, 2)).toEqual([]);
  }, 300_000);
});
