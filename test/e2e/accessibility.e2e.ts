import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VisitPack, VisitSummary } from '../../src/domain/visits';
import { makeOutcomeEvent, makePush } from '../support/server-events';
import { axeViolations } from './support/axe';
import { targetProblems } from './support/targets';
import { screenshot } from './support/browser';
import type { RunningHearth } from './support/hearth-server';
import { getVisitReady, signInAsOrganiser, startJourney, unlockWithPassword, type Journey } from './support/journey';

const SECOND_DEVICE_ID = '0190f5a2-7b3c-7d4e-8f00-00000000d002';

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

  /** The person-mode bar: targets ≥ 64×64 CSS px, ≥ 8 px apart; text ≥ 20 px and contrast ≥ 7:1. */
  const checkSizes = async (name: string, root = '.person-mode') => {
    // With larger text the page scrolls under the step buttons, which stay at the foot: measured on a
    // screen tall enough for the whole page, so nothing is counted as touching what it only covers.
    // (Some sizes follow the screen's height, so it is grown until the page stops growing with it.)
    const viewport = page.viewportSize()!;
    for (let height = viewport.height, i = 0; i < 6; i++) {
      const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
      if (pageHeight <= height) break;
      height = pageHeight;
      await page.setViewportSize({ width: viewport.width, height });
    }
    const { targets, problems } = await targetProblems(page, root, 20);
    await page.setViewportSize(viewport);
    expect(targets, name).toBeGreaterThan(1); // the check found the buttons at all
    expect(problems, name).toEqual([]);
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

    await getVisitReady(page, 'Hilda');
    await check('visit-ready');

    await page.getByRole('link', { name: /match carers/i }).first().click();
    await page.getByRole('link', { name: /hilda/i }).first().click();
    await page.getByRole('heading', { level: 1, name: /match care workers for hilda/i }).waitFor({ timeout: 30_000 });
    await check('matching');

    await page.getByRole('link', { name: /decisions/i }).first().click();
    await page.getByRole('heading', { level: 1, name: /decisions/i }).waitFor();
    await check('decisions');
  });

  it('the password screen after a reload, empty and with a wrong password', async () => {
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Unlock Hearth' }).waitFor();
    await check('unlock-hearth');
    await page.getByLabel('Password', { exact: true }).fill('not-the-password');
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await page.getByRole('alert').waitFor();
    await check('unlock-hearth-wrong-password');
    await unlockWithPassword(page);
    await page.getByRole('heading', { level: 1, name: /decisions/i }).waitFor();
  });

  it('follow-ups, one to do and one done', async () => {
    // Two tablets' answers reach the office as they would from person mode: Ruth chose none, Peter is not sure yet.
    const { request } = journey.context;
    const { visits } = (await (await request.get(`${hearth.url}/api/visits`)).json()) as { visits: VisitSummary[] };
    const decidedAt = new Date(Date.now() - 20 * 60_000).toISOString();
    const events = await Promise.all(
      (['Ruth', 'Peter'] as const).map(async (name, i) => {
        const visit = visits.find((v) => v.personFirstName === name)!;
        const pack = (await (await request.get(`${hearth.url}/api/visits/${visit.id}/pack`)).json()) as VisitPack;
        const outcome = i === 0 ? 'none-of-these' : 'not-sure-yet';
        return makeOutcomeEvent(visit.id, pack.candidates.map((c) => c.id), { occurredAt: decidedAt, payload: { outcome, chosenCarerId: null } });
      }),
    );
    expect((await request.post(`${hearth.url}/api/events`, { data: makePush(events) })).status()).toBe(200);
    // A second tablet, offline at the time, recorded that Ruth chose her first carer: two answers that
    // disagree, which the office must settle (the conflict's form is on this screen too).
    const ruth = events[0]!;
    const otherTablet = makeOutcomeEvent(ruth.visitId, ruth.payload.orderShown, { deviceId: SECOND_DEVICE_ID, occurredAt: decidedAt });
    const secondPush = makePush([otherTablet], { deviceId: SECOND_DEVICE_ID, deviceLabel: 'Second iPad (test)' });
    expect((await request.post(`${hearth.url}/api/events`, { data: secondPush })).status()).toBe(200);

    await page.getByRole('link', { name: 'Follow-ups' }).click();
    const peter = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Peter: Not sure yet' }) });
    await peter.getByLabel(/what did the office do/i).fill('Rang his son: they will decide at the weekend');
    await peter.getByRole('button', { name: 'Mark as done' }).click();
    await page.getByText(/marked as done: peter/i).waitFor();
    await page.getByRole('region', { name: 'Done recently' }).getByText('Rang his son: they will decide at the weekend').waitFor();
    await page.getByRole('heading', { level: 2, name: 'To do (1)' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Records that disagree (1)' }).waitFor();
    await check('follow-ups');
  });

  it('office tools: care workers, a profile with an error, the import preview, a visit’s evidence and the report', async () => {
    await page.getByRole('link', { name: 'Care workers', exact: true }).click();
    await page.getByRole('table', { name: /care workers/i }).waitFor();
    await check('care-workers');

    await page.getByRole('link', { name: 'Sam', exact: true }).click();
    const third = page.getByRole('textbox', { name: 'Third thing' });
    await third.fill('');
    await page.getByRole('button', { name: 'Save the profile' }).click();
    await page.getByRole('alert').filter({ hasText: 'not saved yet' }).waitFor();
    await check('carer-profile-with-error');

    await page.getByRole('link', { name: 'People', exact: true }).click();
    await page.getByRole('table', { name: /people/i }).waitFor();
    await check('people');
    await page.getByRole('link', { name: 'Hilda', exact: true }).click();
    await page.getByRole('textbox', { name: 'Interests' }).waitFor();
    await check('person-profile');

    await page.getByRole('link', { name: 'Care workers', exact: true }).click();
    await page.getByRole('link', { name: /import care workers/i }).click();
    await page.getByLabel('Or paste the file’s text').fill('Staff ID,First name,Mon\nR-1,Lucy,07:00-12:00\nR-2,,7-12\n');
    await page.getByRole('button', { name: /check the file/i }).click();
    await page.getByRole('table').waitFor();
    await check('import-preview-with-errors');

    await page.getByRole('link', { name: 'Decisions' }).click();
    await page.getByRole('link', { name: /evidence for ruth’s visit/i }).click();
    await page.getByRole('button', { name: /print this page/i }).waitFor();
    await check('visit-evidence');

    await page.getByRole('link', { name: 'Reports' }).click();
    await page.getByRole('img').first().waitFor();
    await check('choice-report');
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
    await checkSizes('person-mode-one-card');
    await page.getByRole('button', { name: /^see everyone$/i }).click();
    await page.getByRole('radio', { name: /i like/i }).first().check();
    await check('person-mode-together');
    await checkSizes('person-mode-together');
    await page.getByRole('button', { name: /other answers/i }).click();
    await check('person-mode-other-answers');
    await checkSizes('person-mode-other-answers');
    await page.getByRole('button', { name: /meet someone first/i }).click();
    await page.getByRole('checkbox').first().waitFor();
    await check('person-mode-meet-first');
    await checkSizes('person-mode-meet-first');
    await page.getByRole('button', { name: /go back/i }).click();
    await page.getByRole('button', { name: /go back/i }).click();

    // A film, large, and the organiser's PIN asked over the person's screen.
    await page.getByRole('button', { name: /see sam again/i }).click();
    await page.getByRole('button', { name: /show sam.s photo and film/i }).click();
    await page.getByRole('button', { name: /watch sam.s film/i }).click();
    await page.locator('video').waitFor();
    await check('person-mode-film');
    await checkSizes('person-mode-film');
    await page.getByRole('button', { name: /close film/i }).click();
    await page.getByRole('button', { name: /^organiser$/i }).click();
    await page.getByRole('dialog', { name: /organiser.s pin/i }).waitFor();
    await check('person-mode-pin');
    await checkSizes('person-mode-pin', '.pin-prompt'); // over the person's screen, which waits, inert, beneath
    await page.getByRole('button', { name: /^cancel$/i }).click();

    await page.getByRole('button', { name: /choose sam/i }).click();
    await page.getByText(/you chose sam/i).waitFor();
    await check('person-mode-you-chose');
    await checkSizes('person-mode-you-chose');
  });

  it('person mode in the high-contrast theme with the largest text', async () => {
    await page.getByRole('button', { name: /give the tablet back/i }).click();
    await page.getByLabel('PIN', { exact: true }).fill('2580');
    await page.getByRole('button', { name: /unlock/i }).click();
    await page.getByRole('heading', { level: 1, name: /how was this decided/i }).waitFor();
    await check('person-mode-how-decided');
    await page.getByRole('button', { name: /save and finish/i }).click();

    const settings = page.getByRole('region', { name: /person mode settings for hilda/i });
    await settings.getByRole('radio', { name: 'Largest' }).check();
    await settings.getByRole('checkbox', { name: /high contrast/i }).check();
    await settings.getByRole('button', { name: /save settings for hilda/i }).click();
    await settings.getByText(/saved\. person mode will use these settings/i).waitFor();
    await check('visit-person-mode-settings');

    // "This tablet", with the PIN set and an error showing next to a field.
    await page.getByRole('link', { name: 'This tablet' }).click();
    await page.getByRole('heading', { level: 1, name: 'This tablet' }).waitFor();
    await page.getByRole('button', { name: 'Change the PIN' }).click();
    await page.getByText('Type the PIN you use now.').waitFor();
    await check('tablet');
    await page.goBack();

    // After five minutes without use Hearth locks behind the PIN: the page's clock is moved on to get there.
    await page.getByRole('button', { name: /hand the tablet to hilda/i }).waitFor();
    await page.clock.install();
    await page.keyboard.press('Shift'); // a use: the lock's five minutes start again, on the moved clock
    await page.clock.fastForward('05:01');
    await page.getByRole('heading', { level: 1, name: 'Hearth is locked' }).waitFor();
    await check('hearth-is-locked');
    await page.getByLabel('Your PIN').fill('0000');
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await page.getByRole('alert').waitFor();
    await check('hearth-is-locked-wrong-pin');
    await page.getByLabel('Your PIN').fill('2580');
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /visit to hilda/i }).waitFor();

    await page.getByRole('button', { name: /hand the tablet to hilda/i }).click();
    await page.getByRole('heading', { level: 1, name: /who would you like to support you, hilda/i }).waitFor();
    expect(await page.locator('.person-mode').getAttribute('class')).toContain('high-contrast');
    await check('person-mode-high-contrast-one-card');
    await checkSizes('person-mode-high-contrast-one-card');
    await page.getByRole('button', { name: /^see everyone$/i }).click();
    await check('person-mode-high-contrast-together');
    await checkSizes('person-mode-high-contrast-together');
    await page.getByRole('button', { name: /other answers/i }).click();
    await check('person-mode-high-contrast-other-answers');
    await checkSizes('person-mode-high-contrast-other-answers');
    await page.getByRole('button', { name: /go back/i }).click();
  });

  it('the check itself catches a planted fault (an image with no text alternative)', async () => {
    await page.evaluate(() => document.querySelector('main')?.append(Object.assign(document.createElement('img'), { src: '/icons/icon-192.png' })));
    expect((await axeViolations(page)).map((v) => v.id)).toContain('image-alt');
  });

  it('the size check catches a planted fault (a small button in person mode)', async () => {
    await page.evaluate(() => {
      const tiny = Object.assign(document.createElement('button'), { textContent: 'tiny' });
      tiny.style.cssText = 'width:20px;height:20px;font-size:12px;padding:0';
      document.querySelector('.person-mode')?.append(tiny);
    });
    const { problems } = await targetProblems(page, '.person-mode', 20);
    expect(problems).toEqual(expect.arrayContaining([{ target: 'button "tiny"', problem: '20×20 px' }, { target: 'button "tiny"', problem: 'text 12px' }]));
  });

  it('the 7:1 contrast check catches a planted fault (large grey text at 5.3:1, which WCAG AAA would allow)', async () => {
    await page.evaluate(() => {
      const faint = Object.assign(document.createElement('p'), { textContent: 'Faint words' });
      faint.style.cssText = 'color:#6b6b6b;background:#ffffff;font-size:24px';
      document.querySelector('.person-mode')?.append(faint);
    });
    const { problems } = await targetProblems(page, '.person-mode', 20);
    expect(problems).toContainEqual({ target: 'p "Faint words"', problem: 'contrast 5.33:1' });
  });
});
