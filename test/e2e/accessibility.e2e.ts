import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { screenshot } from './support/browser';
import type { RunningHearth } from './support/hearth-server';
import { signInAsOrganiser, startJourney, type Journey } from './support/journey';

// Every organiser screen passes axe-core's WCAG 2.2 A and AA rules in a real Chromium.
describe('organiser screens have no axe-core violations', () => {
  let hearth: RunningHearth;
  let journey: Journey;
  let page: Page;

  beforeAll(async () => {
    journey = await startJourney();
    ({ hearth, page } = journey);
  });

  afterAll(async () => {
    await journey?.stop();
  });

  const check = async (name: string) => {
    await screenshot(page, `a11y-${name}`);
    expect(await axeViolations(page), name).toEqual([]);
  };

  it('sign in', async () => {
    await page.goto(hearth.url);
    await page.getByLabel(/email/i).waitFor();
    await check('sign-in');
  });

  it('planned visits, a visit, matching and decisions', async () => {
    await signInAsOrganiser(page);
    await page.getByRole('link', { name: /hilda/i }).first().waitFor();
    await check('planned-visits');

    await page.getByRole('link', { name: /hilda/i }).first().click();
    await page.getByRole('button', { name: /get ready for offline use/i }).click();
    await page.getByText(/ready to use offline/i).first().waitFor({ timeout: 60_000 });
    await check('visit-ready');

    await page.getByRole('link', { name: /match carers/i }).first().click();
    await page.getByRole('link', { name: /hilda/i }).first().click();
    await page.getByRole('heading', { level: 1, name: /match care workers for hilda/i }).waitFor({ timeout: 30_000 });
    await check('matching');

    await page.getByRole('link', { name: /decisions/i }).first().click();
    await page.getByRole('heading', { level: 1, name: /decisions/i }).waitFor();
    await check('decisions');
  });

  it('person mode: setting the PIN, one card, everyone together, and the confirmation', async () => {
    await page.getByRole('link', { name: /planned visits/i }).first().click();
    await page.getByRole('link', { name: /hilda/i }).first().click();
    await page.getByRole('button', { name: /hand the tablet to hilda/i }).click();
    await page.getByLabel('New PIN').fill('2580');
    await page.getByLabel('Type the PIN again').fill('2580');
    await check('person-mode-set-pin');
    await page.getByRole('button', { name: /save the pin and hand over/i }).click();
    await page.getByRole('heading', { level: 1, name: /who would you like to support you, hilda/i }).waitFor();
    await check('person-mode-one-card');
    await page.getByRole('button', { name: /see everyone together/i }).click();
    await page.getByRole('radio', { name: /i like/i }).first().check();
    await check('person-mode-together');
    await page.getByRole('button', { name: /choose sam/i }).click();
    await page.getByText(/you chose sam/i).waitFor();
    await check('person-mode-you-chose');
  });

  it('the check itself catches a planted fault (an image with no text alternative)', async () => {
    await page.evaluate(() => document.querySelector('main')?.append(Object.assign(document.createElement('img'), { src: '/icons/icon-192.png' })));
    expect((await axeViolations(page)).map((v) => v.id)).toContain('image-alt');
  });
});
