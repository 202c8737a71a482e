import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CarerProfileViewSchema } from '../../src/domain/carer-profile-form';
import { DEMO_CARE_WORKER } from '../../src/server/seed/demo-data';
import { axeViolations } from './support/axe';
import { readStore, screenshot } from './support/browser';
import type { RunningHearth } from './support/hearth-server';
import { getVisitReady, handOverSettingPin, signInAsOrganiser, startJourney, type Journey } from './support/journey';

// Issue 6: a care worker records their one-minute film in the app with Chromium's fake camera; the
// office transcodes it; a visit pack downloaded afterwards carries it to the person's card.
describe('a film recorded in the app reaches the person’s card', () => {
  let journey: Journey;
  let hearth: RunningHearth;
  let page: Page;
  let newFilm: string;

  beforeAll(async () => {
    journey = await startJourney({ fakeCamera: true });
    ({ hearth, page } = journey);
  });
  afterAll(async () => {
    await journey?.stop();
  });

  it('Sam signs in, records, watches it back and sends it; the office makes it ready', async () => {
    await page.goto(hearth.url);
    await page.getByLabel(/email/i).fill(DEMO_CARE_WORKER.email);
    await page.getByLabel(/password/i).fill(DEMO_CARE_WORKER.password);
    await page.getByRole('button', { name: /sign in/i }).click();
    await page.getByRole('heading', { level: 1, name: 'My one-page profile' }).waitFor();
    const before = CarerProfileViewSchema.parse(await (await page.request.get(`${hearth.url}/api/carers/${await samId()}/profile`)).json());

    const film = page.getByRole('region', { name: /^film:/i });
    await film.getByRole('button', { name: 'Record a 60-second film' }).click();
    await film.getByRole('timer').waitFor();
    await film.getByText('0:5').first().waitFor(); // the countdown runs
    await page.waitForTimeout(3_000);
    await screenshot(page, 'film-recording');
    await film.getByRole('button', { name: 'Stop recording' }).click();
    const preview = film.getByLabel('Your film, to watch before sending');
    await preview.waitFor();
    await expect.poll(() => preview.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    await film.getByRole('button', { name: 'Send this film' }).click();
    await film.getByText('Your film is ready. It is on your profile now.').waitFor({ timeout: 120_000 });
    await screenshot(page, 'film-sent');
    expect(await axeViolations(page), 'my profile').toEqual([]);

    const after = CarerProfileViewSchema.parse(await (await page.request.get(`${hearth.url}/api/carers/${before.id}/profile`)).json());
    expect(after.film).not.toBeNull();
    expect(after.film).not.toBe(before.film);
    expect(after.poster).not.toBeNull();
    newFilm = after.film!;
    // Signing out wipes what Hearth kept in this browser, then offers a fresh sign-in.
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'You have signed out' }).waitFor();
    await page.getByText('Nothing about anyone is stored on this tablet now.').waitFor({ timeout: 30_000 });
    await page.getByRole('link', { name: 'Sign in again' }).click();
  });

  it('the organiser downloads Hilda’s visit afresh: Sam’s card plays the new film from the tablet', async () => {
    await page.getByLabel(/email/i).waitFor();
    await signInAsOrganiser(page);
    await getVisitReady(page, 'Hilda');
    const files = await readStore<{ sha256: string; type: string; blob: Blob }>(page, 'files');
    expect(files.find((f) => f.sha256 === newFilm)?.type).toBe('video/mp4');

    await handOverSettingPin(page, 'Hilda', '2580');
    await page.getByRole('button', { name: /^see everyone$/i }).click();
    await page.getByRole('button', { name: /see sam again/i }).click();
    const reveal = page.getByRole('button', { name: /show sam.s photo and film/i });
    if (await reveal.isVisible()) await reveal.click();
    await page.getByRole('button', { name: /watch sam.s film/i }).click();
    const video = page.locator('video');
    await video.waitFor();
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.readyState), { timeout: 15_000 }).toBeGreaterThanOrEqual(1);
    const shown = await video.evaluate((v: HTMLVideoElement) => ({ duration: v.duration, height: v.videoHeight }));
    // The few seconds Sam recorded, not the demo's film, at most 720 lines high.
    expect(shown.duration).toBeGreaterThan(1.5);
    expect(shown.duration).toBeLessThan(10);
    expect(shown.height).toBeLessThanOrEqual(720);
    await screenshot(page, 'film-in-person-mode');
  });

  async function samId(): Promise<string> {
    const session = (await (await page.request.get(`${hearth.url}/api/session`)).json()) as { user: { carerId: string } };
    return session.user.carerId;
  }
});
