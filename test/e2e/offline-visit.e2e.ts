import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HearthEvent } from '../../src/domain/events';
import type { VisitPack, VisitSummary } from '../../src/domain/visits';
import { SEALED_BYTES_OVERHEAD } from '../../src/local-db/data-key';
import { readStore, screenshot } from './support/browser';
import type { RunningHearth } from './support/hearth-server';
import { signInAsOrganiser, startJourney, unlockWithPassword, type Journey } from './support/journey';

const ORGANISER_PIN = '2580';

// The walking skeleton's acceptance test: one home visit, end to end, with the network off for steps 3–5.
describe('a home visit with the network off', () => {
  let hearth: RunningHearth;
  let journey: Journey;
  let context: BrowserContext;
  let page: Page;
  let hildaVisitId = '';
  let hildaPack: VisitPack | undefined;
  let outboxIds: string[] = [];
  /** What the tablet sent to /api/events, exactly as it went: the outbox itself is sealed. */
  const sentBatches: { deviceId: string; deviceLabel: string; events: HearthEvent[] }[] = [];

  beforeAll(async () => {
    journey = await startJourney();
    ({ hearth, context, page } = journey);
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/events') sentBatches.push(request.postDataJSON());
    });
    // Keeps each Blob the app turns into a blob: URL, so the test can hash what it plays (the CSP rightly
    // refuses to fetch blob: URLs from the page, so this is the way to read them).
    await context.addInitScript(() => {
      const blobs = new Map<string, Blob>();
      (window as unknown as { __hearthBlobs: Map<string, Blob> }).__hearthBlobs = blobs;
      const make = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (object: Blob | MediaSource) => {
        const url = make(object);
        if (object instanceof Blob) blobs.set(url, object);
        return url;
      };
    });
  });

  afterAll(async () => {
    await journey?.stop();
  });

  it('1. npm start prints the address and the demo login', async () => {
    // /api/health answers while the embedded database is still opening; the banner follows.
    await expect.poll(() => hearth.output(), { timeout: 30_000 }).toContain(`Hearth is running at ${hearth.url}`);
    expect(hearth.output()).toContain('organiser@demo.hearth.test / hearth-demo');
  });

  it('2. the organiser signs in, opens Hilda’s visit and gets it ready for offline use', async () => {
    await page.goto(hearth.url);
    await signInAsOrganiser(page);
    await page.getByRole('link', { name: /hilda/i }).first().click();
    hildaVisitId = page.url().split('/visits/')[1] ?? '';
    expect(hildaVisitId).toMatch(/^[0-9a-f-]{36}$/);

    await page.getByRole('button', { name: /get ready for offline use/i }).click();
    await page.getByText(/ready to use offline/i).first().waitFor({ timeout: 60_000 });
    const progress = page.getByRole('progressbar', { name: /download progress/i });
    expect(await progress.getAttribute('aria-valuenow')).toBe(await progress.getAttribute('aria-valuemax'));
    await screenshot(page, '2-visit-ready');

    // Every file the server's manifest lists is in IndexedDB with all its bytes, and sealed: what is stored
    // is not the file (its SHA-256 differs) but encrypted pieces, each the plain size plus its IV and tag.
    // That the sealed bytes open to the very file is checked in step 4, on the film the app plays.
    const check = await page.evaluate(
      async ({ visitId, overhead }) => {
        const response = await fetch(`/api/visits/${visitId}/pack`, { cache: 'no-store' });
        const pack = (await response.json()) as VisitPack;
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const open = indexedDB.open('hearth');
          open.onsuccess = () => resolve(open.result);
          open.onerror = () => reject(open.error);
        });
        const results: { sha256: string; ok: boolean }[] = [];
        for (const file of pack.files) {
          const stored = await new Promise<{ blob: Blob; bytes: number; pieces?: { bytes: number }[] } | undefined>((resolve) => {
            const request = db.transaction('files').objectStore('files').get(file.sha256);
            request.onsuccess = () => resolve(request.result);
          });
          if (!stored?.pieces) {
            results.push({ sha256: file.sha256, ok: false });
            continue;
          }
          const digest = await crypto.subtle.digest('SHA-256', await stored.blob.arrayBuffer());
          const hex = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
          const plainBytes = stored.pieces.reduce((sum, p) => sum + p.bytes, 0);
          const sealedSize = plainBytes + stored.pieces.length * overhead;
          results.push({ sha256: file.sha256, ok: hex !== file.sha256 && stored.bytes === file.bytes && plainBytes === file.bytes && stored.blob.size === sealedSize });
        }
        db.close();
        return { pack, candidates: pack.candidates.length, films: pack.files.filter((f) => f.type === 'video/mp4').length, results };
      },
      { visitId: hildaVisitId, overhead: SEALED_BYTES_OVERHEAD },
    );
    hildaPack = check.pack;
    expect(check.candidates).toBeGreaterThanOrEqual(3);
    expect(check.films).toBe(check.candidates);
    expect(check.results.length).toBeGreaterThanOrEqual(check.candidates * 2);
    expect(check.results.filter((r) => !r.ok)).toEqual([]);

    // The service worker must be in charge before the signal goes.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
  });

  it('3. with the network off, a reload still opens the app and the visit is still ready', async () => {
    await context.setOffline(true);
    await page.reload();
    // A reload forgets the key to the records on the tablet: the organiser's password opens them, offline.
    await unlockWithPassword(page);
    await page.getByText(/ready to use offline/i).first().waitFor();
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await screenshot(page, '3-offline-after-reload');
  });

  it('4. Hilda sees one card per carer, watches a film from the tablet, and chooses', async () => {
    await page.getByRole('button', { name: /hand the tablet to hilda/i }).click();
    // The first hand-over on this tablet: the organiser sets the PIN that is the only way out of person mode.
    await page.getByLabel('New PIN').fill(ORGANISER_PIN);
    await page.getByLabel('Type the PIN again').fill(ORGANISER_PIN);
    await page.getByRole('button', { name: /save the pin and hand over/i }).click();
    await page.getByRole('heading', { level: 1, name: /who would you like to support you, hilda/i }).waitFor();
    expect(await page.getByRole('link').count()).toBe(0); // no way out to organiser screens
    await screenshot(page, '4-person-mode-one-card');

    // The Back button keeps the tablet in person mode.
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: /hilda/i }).waitFor();
    expect(page.url()).toContain('/person/');

    await page.getByRole('button', { name: /^see everyone$/i }).click();
    const chooseButtons = page.getByRole('button', { name: /^choose /i });
    expect(await chooseButtons.count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByRole('button', { name: /other answers/i }).isVisible()).toBe(true);
    await page.getByRole('radio', { name: /i like/i }).first().check();
    await screenshot(page, '4-person-mode-cards');

    // Back to Sam's whole card. Description first: the photo and film appear when asked for.
    await page.getByRole('button', { name: /see sam again/i }).click();
    const reveal = page.getByRole('button', { name: /show sam.s photo and film/i });
    if (await reveal.isVisible()) await reveal.click();
    await page.getByRole('button', { name: /watch sam.s film/i }).click();
    const video = page.locator('video');
    await video.waitFor();
    expect(await video.getAttribute('src')).toMatch(/^blob:/);
    // What plays is Sam's film exactly as the office sent it, opened from its sealed pieces.
    const sam = hildaPack!.candidates.find((c) => c.firstName === 'Sam')!;
    const playedSha = await video.evaluate(async (v: HTMLVideoElement) => {
      const blob = (window as unknown as { __hearthBlobs: Map<string, Blob> }).__hearthBlobs.get(v.src);
      if (!blob) return 'not made by URL.createObjectURL';
      const bytes = await blob.arrayBuffer();
      return Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)), (b) => b.toString(16).padStart(2, '0')).join('');
    });
    expect(playedSha).toBe(sam.film);
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    const duration = await video.evaluate((v: HTMLVideoElement) => v.duration);
    expect(duration).toBeGreaterThan(1);
    // It plays from the Blob on the tablet, with the network still off.
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 15_000 }).toBeGreaterThan(0.5);
    await page.getByRole('button', { name: /pause the film/i }).click();
    expect(await video.evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
    await screenshot(page, '4-film-playing');
    await page.getByRole('button', { name: /close film/i }).click();

    await page.getByRole('button', { name: /choose sam/i }).click();
    await page.getByText(/you chose sam/i).waitFor();
    await screenshot(page, '4-you-chose-sam');
  });

  it('5. the choice is in the outbox, and a reload while still offline keeps it', async () => {
    // The outbox row is sealed: in clear only what it is about (random ids and the event's type); what was
    // chosen is checked in step 6, in what the tablet sends.
    const outbox = await readStore<{ id: string; visitId: string; eventType: string; event?: unknown; sealed?: unknown }>(page, 'outbox');
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ visitId: hildaVisitId, eventType: 'OutcomeRecorded' });
    expect(outbox[0]!.event).toBeUndefined();
    expect(JSON.stringify(outbox[0]!.sealed)).not.toMatch(/sam|chosen/i);
    outboxIds = outbox.map((row) => row.id);

    // Handing back: the organiser's PIN, then how it was decided (saved unchanged: no new event).
    await page.getByRole('button', { name: /give the tablet back/i }).click();
    await page.getByLabel('PIN', { exact: true }).fill(ORGANISER_PIN);
    await page.getByRole('button', { name: /unlock/i }).click();
    await page.getByRole('heading', { level: 1, name: /how was this decided/i }).waitFor();
    await screenshot(page, '5-how-was-this-decided');
    await page.getByRole('button', { name: /save and finish/i }).click();
    await page.getByText(/hilda chose sam/i).first().waitFor();
    await page.reload();
    await unlockWithPassword(page);
    await page.getByText(/hilda chose sam/i).first().waitFor();
    await page.getByText(/1 record waiting to be sent/i).first().waitFor();
    expect(await readStore(page, 'outbox')).toHaveLength(1);
    await screenshot(page, '5-offline-waiting-to-send');
  });

  it('6. when the network returns the choice is sent by itself, stored once, and the office sees it', async () => {
    await context.setOffline(false);
    await expect.poll(() => readStore(page, 'outbox').then((rows) => rows.length), { timeout: 60_000, interval: 500 }).toBe(0);

    const sent = sentBatches.flatMap((batch) => batch.events.map((event) => ({ batch, event }))).filter(({ event }) => outboxIds.includes(event.id));
    expect(sent.length).toBeGreaterThanOrEqual(1);
    const { batch, event: sentEvent } = sent[0]!;
    expect(sentEvent).toMatchObject({ type: 'OutcomeRecorded', visitId: hildaVisitId, payload: { outcome: 'chosen', presentation: 'description-first' } });
    const deviceId = sentEvent.deviceId;

    // Sent twice, exactly as the tablet sent it: the office answers "already stored" and keeps one decision.
    const again = await context.request.post(`${hearth.url}/api/events`, { data: batch });
    expect(again.status()).toBe(200);
    expect(await again.json()).toEqual({ results: batch.events.map((e) => ({ id: e.id, status: 'already-stored' })) });

    const visits = (await (await context.request.get(`${hearth.url}/api/visits`)).json()) as { visits: VisitSummary[] };
    const hilda = visits.visits.find((v) => v.id === hildaVisitId);
    expect(hilda?.decision).toMatchObject({ eventId: sentEvent.id, outcome: 'chosen', chosenCarerFirstName: 'Sam', deviceId, deviceLabel: batch.deviceLabel });

    await page.getByRole('link', { name: /decisions/i }).first().click();
    const row = page.getByRole('listitem').filter({ hasText: /hilda/i }).or(page.getByRole('row').filter({ hasText: /hilda/i }));
    await row.first().getByText(/sam/i).first().waitFor({ timeout: 30_000 });
    const text = await row.first().innerText();
    expect(text).toMatch(/sam/i);
    expect(text).toContain(hilda!.decision!.deviceLabel);
    await screenshot(page, '6-office-decided');
  });
  it('7. the organiser switches on high contrast and the largest text, hands over again, and leaves with the PIN', async () => {
    // Typing the address loads the app afresh, so the key to the records is asked for again.
    await page.goto(`${hearth.url}/visits/${hildaVisitId}`);
    await unlockWithPassword(page);
    const settings = page.getByRole('region', { name: /person mode settings for hilda/i });
    await settings.getByRole('radio', { name: 'Largest' }).check();
    await settings.getByRole('checkbox', { name: /high contrast/i }).check();
    await settings.getByRole('button', { name: /save settings for hilda/i }).click();
    await settings.getByText(/saved\. person mode will use these settings/i).waitFor();

    await page.getByRole('button', { name: /hand the tablet to hilda/i }).click();
    await page.getByRole('heading', { level: 1, name: /who would you like to support you, hilda/i }).waitFor();
    const classes = (await page.locator('.person-mode').getAttribute('class')) ?? '';
    expect(classes).toContain('high-contrast');
    expect(classes).toContain('text-largest');
    const colours = await page.locator('.person-mode').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(colours).toBe('rgb(0, 0, 0)');
    await screenshot(page, '7-person-mode-high-contrast');

    await page.getByRole('button', { name: 'Organiser' }).click();
    await page.getByLabel('PIN', { exact: true }).fill(ORGANISER_PIN);
    await page.getByRole('button', { name: /unlock/i }).click();
    await page.getByRole('heading', { level: 1, name: /visit to hilda/i }).waitFor();
  });
});
