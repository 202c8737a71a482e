import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HearthEvent } from '../../src/domain/events';
import { cy } from '../../src/ui/person-mode/text/cy';
import { en } from '../../src/ui/person-mode/text/en';
import { axeViolations } from './support/axe';
import { readStore, screenshot } from './support/browser';
import type { RunningHearth } from './support/hearth-server';
import { getVisitReady, signInAsOrganiser, startJourney, unlockWithPassword, type Journey } from './support/journey';

const ORGANISER_PIN = '2580';

/** An outbox row as stored: the event is sealed; what it is about is in clear (random ids and its type). */
type OutboxRow = { id: string; eventType: string };
type RecordedPayload = { outcome: string; chosenCarerId: string | null; language: string; howDecided?: { supportsUsed: string[] } };

/** What the element with focus is called: its aria-label, its id (inputs) or its text. */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return '';
    if (el instanceof HTMLInputElement) return `#${el.id}`;
    return (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
  });
}

/** Presses Tab (or Shift+Tab) until the focused element's name matches, within a bound. */
async function tabTo(page: Page, name: RegExp | string, { back = false, max = 80 } = {}): Promise<string> {
  const matches = (n: string) => (typeof name === 'string' ? n === name : name.test(n));
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const now = await focusedName(page);
    if (matches(now)) return now;
  }
  throw new Error(`Tab never reached ${String(name)} (last: ${await focusedName(page)})`);
}

/** The ids of the outcomes waiting in the outbox. Their content is sealed: it is checked when it is sent. */
async function outcomesInOutbox(page: Page): Promise<string[]> {
  const rows = await readStore<OutboxRow>(page, 'outbox');
  return rows.filter((r) => r.eventType === 'OutcomeRecorded').map((r) => r.id);
}

async function expectNoAxeViolations(page: Page, name: string): Promise<void> {
  expect(await axeViolations(page), name).toEqual([]);
}

/**
 * Watches the scanning highlight and resolves the moment it lands (afresh) on a button with this
 * name, so the test presses Space with nearly the whole interval to spare.
 */
async function waitForScanHighlight(page: Page, name: string, timeoutMs: number): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __scanLanded?: { name: string; at: number } };
    delete w.__scanLanded;
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        const el = r.target as HTMLElement;
        if (r.attributeName === 'data-scan-highlight' && el.hasAttribute('data-scan-highlight')) {
          w.__scanLanded = { name: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim(), at: performance.now() };
        }
      }
    });
    observer.observe(document.body, { attributes: true, attributeFilter: ['data-scan-highlight'], subtree: true });
  });
  await page.waitForFunction(
    (wanted) => {
      const w = window as unknown as { __scanLanded?: { name: string; at: number } };
      const el = document.querySelector<HTMLElement>('[data-scan-highlight]');
      return (
        w.__scanLanded?.name === wanted &&
        performance.now() - w.__scanLanded.at < 400 &&
        el !== null &&
        el === document.activeElement &&
        (el.textContent ?? '').trim() === wanted
      );
    },
    name,
    { polling: 'raf', timeout: timeoutMs },
  );
}

describe('person mode by keyboard, by single-key scanning and in Welsh, with the network off', () => {
  let hearth: RunningHearth;
  let journey: Journey;
  let context: BrowserContext;
  let page: Page;
  let visitUrl = '';
  /** What each outcome recorded here must say when the tablet sends it, by event id. */
  const expectedPayloads = new Map<string, (payload: RecordedPayload) => void>();
  /** The events the tablet sent to /api/events, exactly as they went. */
  const sentEvents: HearthEvent[] = [];

  beforeAll(async () => {
    journey = await startJourney();
    ({ hearth, context, page } = journey);
    page.on('request', (request) => {
      if (request.method() === 'POST' && new URL(request.url()).pathname === '/api/events') sentEvents.push(...(request.postDataJSON() as { events: HearthEvent[] }).events);
    });
  });

  /** The one outcome added since `before`, and what it must say when sent. */
  const expectOneMoreOutcome = async (before: string[], check: (payload: RecordedPayload) => void) => {
    const after = await outcomesInOutbox(page);
    expect(after).toHaveLength(before.length + 1);
    const added = after.find((id) => !before.includes(id))!;
    expectedPayloads.set(added, check);
  };

  afterAll(async () => {
    await journey?.stop();
  });

  /** The organiser takes the tablet back: the PIN (asked in the person's language), then "How was this decided?" saved as it is. */
  const takeBackWithPin = async (text: typeof en = en) => {
    await page.getByRole('dialog', { name: text.pinHeading }).waitFor();
    await page.getByLabel(text.pinLabel, { exact: true }).fill(ORGANISER_PIN);
    await page.getByRole('button', { name: text.unlock, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /how was this decided/i }).waitFor();
    await page.getByRole('button', { name: /save and finish/i }).click();
    await page.getByRole('heading', { level: 1, name: /visit to hilda/i }).waitFor();
  };

  const saveSettings = async (change: (settings: ReturnType<Page['getByRole']>) => Promise<void>) => {
    const settings = page.getByRole('region', { name: /person mode settings for hilda/i });
    await change(settings);
    await settings.getByRole('button', { name: /save settings for hilda/i }).click();
    await settings.getByText(/saved\. person mode will use these settings/i).waitFor();
  };

  it('the organiser signs in, gets Hilda’s visit ready for offline use, and the network goes', async () => {
    await page.goto(hearth.url);
    await signInAsOrganiser(page);
    await getVisitReady(page, 'Hilda');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    visitUrl = page.url();

    await context.setOffline(true);
    await page.reload();
    // A reload forgets the key to the tablet's records: the organiser's password opens them, offline.
    await unlockWithPassword(page);
    await page.getByText(/ready to use offline/i).first().waitFor();
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  });

  it('1. keyboard only: from handing over to “You chose …”, with a visible focus outline', async () => {
    const before = await outcomesInOutbox(page);

    // Handing over and setting the PIN, by keyboard.
    await tabTo(page, /^hand the tablet to hilda/i);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /set your pin/i }).waitFor();
    await expectNoAxeViolations(page, 'set PIN');
    await tabTo(page, '#new-pin');
    await page.keyboard.type(ORGANISER_PIN);
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('#new-pin-again');
    await page.keyboard.type(ORGANISER_PIN);
    await tabTo(page, /save the pin and hand over/i);
    await page.keyboard.press('Enter');

    const heading = page.getByRole('heading', { level: 1, name: en.question('Hilda') });
    await heading.waitFor();
    expect(await page.getByRole('link').count()).toBe(0);
    await expectNoAxeViolations(page, 'person mode, keyboard');

    // Next, by keyboard, then back again with Shift+Tab to the first card's Choose button.
    await tabTo(page, en.next);
    const position = page.locator('.card-slot:not([inert]) .card-position');
    expect(await position.innerText()).toMatch(/^Person 1 of \d+$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => position.innerText()).toMatch(/^Person 2 of \d+$/);
    const chooseName = await tabTo(page, /^Choose \S+$/, { back: true });
    const carer = chooseName.replace(/^Choose /, '');

    // The focused button shows a clear focus outline.
    const focus = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return {
        outlineWidth: parseFloat(style.outlineWidth),
        outlineStyle: style.outlineStyle,
        focusVisible: el.matches(':focus-visible'),
        onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < window.innerHeight,
      };
    });
    expect(focus.focusVisible).toBe(true);
    expect(focus.outlineStyle).not.toBe('none');
    expect(focus.outlineWidth).toBeGreaterThanOrEqual(2);
    expect(focus.onScreen).toBe(true);
    await screenshot(page, 'access-1-keyboard-focus');

    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: en.youChose(carer) }).waitFor();
    await expectNoAxeViolations(page, 'you chose, keyboard');
    await screenshot(page, 'access-1-keyboard-you-chose');

    // Giving the tablet back, still by keyboard.
    await tabTo(page, en.giveBack);
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: /organiser.s pin/i }).waitFor();
    await tabTo(page, '#organiser-pin');
    await page.keyboard.type(ORGANISER_PIN);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /how was this decided/i }).waitFor();
    await page.getByRole('button', { name: /save and finish/i }).click();
    await page.getByRole('heading', { level: 1, name: /visit to hilda/i }).waitFor();

    await expectOneMoreOutcome(before, (payload) => {
      expect(payload).toMatchObject({ outcome: 'chosen', language: 'en' });
      expect(payload.chosenCarerId).toBeTruthy();
    });
  });

  it('2. single-key scanning: the light moves every second and Space chooses', async () => {
    const before = await outcomesInOutbox(page);
    await saveSettings(async (settings) => {
      await settings.getByRole('radio', { name: /^scanning/i }).check();
      await settings.getByLabel(/the light moves every/i).selectOption('1000');
    });

    await page.getByRole('button', { name: /hand the tablet to hilda/i }).click();
    await page.getByRole('heading', { level: 1, name: en.question('Hilda') }).waitFor();
    expect(await page.locator('.person-mode').getAttribute('class')).toContain('scanning');
    await page.locator('[data-scan-highlight]').waitFor();
    await expectNoAxeViolations(page, 'person mode, scanning');

    // The first card's Choose button (the one shown), highlighted by the timer; Space presses it.
    const carer = (await page.locator('.card-slot:not([inert]) .choose').innerText()).replace(/^Choose /, '');
    await waitForScanHighlight(page, en.choose(carer), 45_000);
    await screenshot(page, 'access-2-scan-highlight');
    await page.keyboard.press('Space');
    await page.getByRole('heading', { level: 1, name: en.youChose(carer) }).waitFor();
    await expectNoAxeViolations(page, 'you chose, scanning');
    await screenshot(page, 'access-2-scan-you-chose');

    // The record is kept the moment the person chose.
    await expectOneMoreOutcome(before, (payload) => {
      expect(payload).toMatchObject({ outcome: 'chosen', language: 'en' });
      expect(payload.howDecided?.supportsUsed).toContain('scanning');
    });

    // "Give the tablet back" by the same switch, then the organiser's PIN.
    await waitForScanHighlight(page, en.giveBack, 15_000);
    await page.keyboard.press('Space');
    await takeBackWithPin();
    expect(await outcomesInOutbox(page)).toHaveLength(before.length + 1);
  });

  it('3. Welsh: the person sees Cymraeg, chooses, and the confirmation is in Welsh', async () => {
    const before = await outcomesInOutbox(page);
    await saveSettings(async (settings) => {
      await settings.getByRole('radio', { name: /cymraeg/i }).check();
      await settings.getByRole('radio', { name: /a plain press/i }).check();
    });

    await page.getByRole('button', { name: /hand the tablet to hilda/i }).click();
    await page.getByRole('heading', { level: 1, name: cy.question('Hilda') }).waitFor();
    expect(await page.locator('.person-mode').getAttribute('lang')).toBe('cy');
    expect(await page.getByText(cy.intro).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: cy.next, exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: cy.back, exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: cy.seeEveryone }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: cy.organiser }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: en.next, exact: true }).count()).toBe(0);
    await expectNoAxeViolations(page, 'person mode, Welsh');
    await screenshot(page, 'access-3-welsh-cards');
    await page.getByRole('button', { name: cy.otherAnswers }).click();
    expect(await page.getByRole('button', { name: cy.noneOfThese }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: cy.notSureYet }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'other answers, Welsh');
    await page.getByRole('button', { name: cy.goBack }).click();

    await page.getByRole('button', { name: cy.seeEveryone }).click();
    const chooseButtons = page.getByRole('button', { name: /^Dewis / });
    expect(await chooseButtons.count()).toBeGreaterThanOrEqual(3);
    const second = chooseButtons.nth(1);
    const carer = (await second.innerText()).replace(/^Dewis /, '');
    expect(await second.innerText()).toBe(cy.choose(carer));
    await second.click();
    await page.getByRole('heading', { level: 1, name: cy.youChose(carer) }).waitFor();
    expect(await page.getByText(cy.saved).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: cy.undo }).isVisible()).toBe(true);
    await expectNoAxeViolations(page, 'you chose, Welsh');
    await screenshot(page, 'access-3-welsh-you-chose');

    await page.getByRole('button', { name: cy.giveBack }).click();
    await takeBackWithPin(cy);
    await expectOneMoreOutcome(before, (payload) => {
      expect(payload).toMatchObject({ outcome: 'chosen', language: 'cy' });
      expect(payload.howDecided?.supportsUsed).toContain('welsh');
    });
    expect(page.url()).toBe(visitUrl);
  });

  it('4. when the network returns, the office is sent each choice as it was made', async () => {
    expect(expectedPayloads.size).toBe(3);
    await context.setOffline(false);
    await expect.poll(() => outcomesInOutbox(page).then((ids) => ids.length), { timeout: 60_000, interval: 500 }).toBe(0);
    for (const [id, check] of expectedPayloads) {
      const sent = sentEvents.find((e) => e.id === id);
      expect(sent, `outcome ${id} was sent`).toBeDefined();
      check((sent as unknown as { payload: RecordedPayload }).payload);
    }
  });
});
