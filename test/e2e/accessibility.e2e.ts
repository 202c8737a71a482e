import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VisitPack, VisitSummary } from '../../src/domain/visits';
import { makeOutcomeEvent, makePush } from '../support/server-events';
import { axeViolations } from './support/axe';
import { targetProblems } from './support/targets';
import { screenshot } from './support/browser';
import type { RunningHearth } from './support/hearth-server';
import { DEMO_LOGIN, getVisitReady, signInAsOrganiser, startJourney, unlockIfLocked, unlockWithPassword, type Journey } from './support/journey';

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

  /** axe-core's WCAG 2.2 A and AA rules, colour contrast (1.4.3) and target size (2.5.8) among them, on `on` (the organiser's tablet unless said). */
  const check = async (name: string, on: Page = page) => {
    await screenshot(on, `a11y-${name}`);
    expect(await axeViolations(on), name).toEqual([]);
  };

  /** Another tablet, with nothing on it yet, where `email` signs in: an admin's or a manager's. */
  const signInOnAnotherTablet = async (email: string): Promise<Page> => {
    const context = await journey.browser.newContext({ viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1, serviceWorkers: 'allow' });
    const other = await context.newPage();
    await other.goto(hearth.url);
    await other.getByLabel(/email/i).fill(email);
    await other.getByLabel(/password/i).fill(DEMO_LOGIN.password);
    await other.getByRole('button', { name: /sign in/i }).click();
    return other;
  };

  /**
   * Keyboard only: from the screen's heading (where focus lands when a screen opens), Shift+Tab back into the
   * navigation until "Your account" has focus, then Enter opens it, and focus moves to its heading.
   */
  const openYourAccountByKeyboard = async (on: Page) => {
    const focusedName = () => on.evaluate(() => (document.activeElement?.textContent ?? '').trim());
    for (let presses = 0; presses < 30 && (await focusedName()) !== 'Your account'; presses++) await on.keyboard.press('Shift+Tab');
    expect(await focusedName(), 'Your account is reached with the keyboard').toBe('Your account');
    expect(await on.evaluate(() => !!document.activeElement?.closest('nav[aria-label="Main"]'))).toBe(true);
    await on.keyboard.press('Enter');
    const heading = on.getByRole('heading', { level: 1, name: 'Your account' });
    await heading.waitFor();
    await on.waitForFunction(() => document.activeElement?.tagName === 'H1');
    expect(await heading.evaluate((h) => h === document.activeElement)).toBe(true);
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

  it('an admin’s screens: Accounts (with an error), Devices (asking before removing one), the audit log and Your account', async () => {
    const admin = await signInOnAnotherTablet('admin@demo.hearth.test');
    await admin.getByRole('heading', { level: 1, name: 'Accounts' }).waitFor();
    await admin.getByRole('table', { name: /accounts/i }).waitFor();
    await check('accounts', admin);
    await admin.getByRole('button', { name: 'Add the account' }).click();
    await admin.getByRole('alert').filter({ hasText: 'not added yet' }).waitFor();
    await check('accounts-add-with-errors', admin);

    await admin.getByRole('link', { name: 'Devices', exact: true }).click();
    await admin.getByRole('heading', { level: 2, name: /^Tablets \(/ }).waitFor();
    // The organiser's tablet from the journey above is on the list: asked about, not removed.
    const remove = admin.getByRole('button', { name: /^Remove /i }).first();
    await remove.click();
    await admin.getByRole('group', { name: /^Remove .*\?$/ }).waitFor();
    await check('devices-asking-to-remove', admin);
    await admin.getByRole('button', { name: 'Keep it' }).click();
    await check('devices', admin);

    await admin.getByRole('link', { name: 'Audit log', exact: true }).click();
    await admin.getByRole('table', { name: /audit entries/i }).waitFor();
    await check('audit-log', admin);

    await openYourAccountByKeyboard(admin);
    await admin.getByText('admin@demo.hearth.test').waitFor();
    await check('your-account-admin', admin);
    const password = admin.getByRole('region', { name: 'Your password' });
    await password.getByLabel('Current password').fill('not-the-password');
    await password.getByLabel('New password').fill('a-long-enough-new-password');
    await password.getByRole('button', { name: 'Change my password' }).click();
    await password.getByText(/not changed/i).waitFor();
    await admin.getByRole('button', { name: 'Sign out everywhere' }).waitFor();
    await check('your-account-admin-wrong-password', admin);
    await admin.context().close();
  });

  it('a manager’s screens: the choice report with the visits downloaded with no outcome, and Your account', async () => {
    const manager = await signInOnAnotherTablet('manager@demo.hearth.test');
    await manager.getByRole('heading', { level: 1, name: 'Choice report' }).waitFor();
    await manager.getByRole('img').first().waitFor();
    const missing = manager.getByRole('region', { name: 'Downloaded visits with no outcome' });
    // Either answer passes, as long as the office gave one (the visits above are all recent).
    await missing.getByText(/every visit downloaded to a tablet|these visits were downloaded/i).waitFor();
    await check('choice-report-manager', manager);

    await openYourAccountByKeyboard(manager);
    await manager.getByText('manager@demo.hearth.test').waitFor();
    await check('your-account-manager', manager);
    await manager.context().close();
  });

  it('a care worker’s one page, My profile, which keeps their password: Your account leads there', async () => {
    const careWorker = await signInOnAnotherTablet('sam@demo.hearth.test');
    await careWorker.getByRole('heading', { level: 1, name: 'My one-page profile' }).waitFor();
    await careWorker.getByRole('region', { name: 'Your password' }).waitFor();
    await check('my-profile-care-worker', careWorker);
    expect(await careWorker.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).toEqual(['My profile']);
    // Typed into the address bar: a fresh page load, which asks for the password again before it opens anything.
    await careWorker.goto(`${hearth.url}/my-account`);
    await unlockIfLocked(careWorker, '', { email: 'sam@demo.hearth.test', password: DEMO_LOGIN.password });
    await careWorker.getByRole('heading', { level: 1, name: 'My one-page profile' }).waitFor();
    expect(new URL(careWorker.url()).pathname).toBe('/my-profile');
    await careWorker.context().close();
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
