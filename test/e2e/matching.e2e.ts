import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatchRunEvidence } from '../../src/domain/match-runs';
import type { VisitPack } from '../../src/domain/visits';
import { screenshot } from './support/browser';
import type { RunningHearth } from './support/hearth-server';
import { signInAsOrganiser, startJourney, type Journey } from './support/journey';

const REASON = 'Sam is on leave the week of the visit.';

// The organiser matches care workers for Hilda, shortlists three (passing over the best match, with a
// reason), plans the home visit, and gets it ready for offline use like any other visit.
describe('matching care workers and planning a home visit', () => {
  let hearth: RunningHearth;
  let journey: Journey;
  let context: BrowserContext;
  let page: Page;
  let visitId = '';

  beforeAll(async () => {
    journey = await startJourney();
    ({ hearth, context, page } = journey);
  });

  afterAll(async () => {
    await journey?.stop();
  });

  it('1. the organiser signs in and opens Match carers, then Hilda', async () => {
    await page.goto(hearth.url);
    await signInAsOrganiser(page);

    await page.getByRole('link', { name: 'Match carers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Match care workers' }).waitFor();
    await screenshot(page, 'matching-1-people');
    await page.getByRole('link', { name: /hilda/i }).click();
    await page.getByRole('heading', { level: 1, name: 'Match care workers for Hilda' }).waitFor({ timeout: 30_000 });
  });

  it('2. the funnel shows the steps with their counts, then the ranked and the excluded', async () => {
    const steps = await page.getByRole('list', { name: 'Matching steps' }).getByRole('listitem').allInnerTexts();
    expect(steps.map((s) => s.replace(/\s+/g, ' ').trim())).toEqual([
      '13 care workers',
      "5 free at Hilda's times, near enough, with the skills needed",
      '4 a good personality fit',
      'ranked by shared interests',
    ]);
    const names = await page.locator('.ranked-name').allInnerTexts();
    expect(names.map((n) => n.replace(/\s+/g, ' ').trim())).toEqual(['Ranked 1 Sam', 'Ranked 2 Bethan', 'Ranked 3 Grace', 'Ranked 4 Tom', 'Ranked 5 Megan']);
    const excluded = page.getByRole('region', { name: /cannot support hilda \(8\)/i });
    expect(await excluded.innerText()).toMatch(/Aisha: 11 km away; travels up to 5 km/);
    await screenshot(page, 'matching-2-funnel');
  });

  it('3. passing over Sam asks why, and nothing is planned until the organiser says', async () => {
    for (const name of ['Bethan', 'Grace', 'Tom']) await page.getByRole('checkbox', { name: `Shortlist ${name}` }).check();
    const whyNot = page.getByRole('textbox', { name: 'Why not Sam?' });
    await whyNot.waitFor();
    await page.getByRole('button', { name: 'Plan the visit' }).click();
    await page.getByRole('alert').getByText('Say why Sam (ranked 1) was passed over.').waitFor();
    expect(await whyNot.getAttribute('aria-invalid')).toBe('true');
    await whyNot.scrollIntoViewIfNeeded();
    await screenshot(page, 'matching-3-why-not-sam');

    await whyNot.fill(REASON);
    await page.getByRole('button', { name: 'Plan the visit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Visit to Hilda' }).waitFor({ timeout: 30_000 });
    visitId = page.url().split('/visits/')[1] ?? '';
    expect(visitId).toMatch(/^[0-9a-f-]{36}$/);
    const how = page.getByRole('region', { name: 'How this shortlist was made' });
    await how.waitFor();
    expect(await how.innerText()).toContain(`Sam (ranked 1): ${REASON}`);
    await screenshot(page, 'matching-4-visit-planned');
  });

  it('4. the new visit gets ready for offline use with the three shortlisted care workers', async () => {
    await page.getByRole('button', { name: /get ready for offline use/i }).click();
    await page.getByText(/ready to use offline/i).first().waitFor({ timeout: 60_000 });
    const candidates = page.getByRole('region', { name: 'Care workers Hilda will meet' });
    expect(await candidates.getByRole('listitem').allInnerTexts()).toEqual(['Bethan', 'Grace', 'Tom']);
    await page.waitForTimeout(500); // let the progress bar finish its 0.3 s fill before the picture
    await screenshot(page, 'matching-5-ready-offline');

    const pack = (await (await context.request.get(`${hearth.url}/api/visits/${visitId}/pack`)).json()) as VisitPack;
    expect(pack.candidates.map((c) => c.firstName)).toEqual(['Bethan', 'Grace', 'Tom']);
    const evidence = (await (await context.request.get(`${hearth.url}/api/visits/${visitId}/match-run`)).json()) as MatchRunEvidence;
    expect(evidence).toMatchObject({ runBy: 'Jo Baker', personFirstName: 'Hilda', funnel: { considered: 13, available: 5, goodFit: 4 } });
    expect(evidence.passedOver).toEqual([expect.objectContaining({ name: 'Sam', rank: 1, reason: REASON })]);
  });
});
