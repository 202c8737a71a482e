import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/browser';
import type { RunningHearth } from './support/hearth-server';
import { getVisitReady, handOverSettingPin, signInAsOrganiser, startJourney, type Journey } from './support/journey';

const ORGANISER_PIN = '2580';
const LANDSCAPE = { width: 1024, height: 768 };
const PORTRAIT = { width: 768, height: 1024 };

/**
 * What a person would have to scroll to reach: how far the page runs past the screen, and which of
 * the named buttons lie (even partly) outside it or outside the page's width.
 */
async function offScreen(page: Page, buttons: RegExp[]): Promise<{ overflowPx: number; sidewaysPx: number; outside: string[] }> {
  const outside: string[] = [];
  for (const name of buttons) {
    for (const button of await page.getByRole('button', { name }).all()) {
      if (!(await button.isVisible())) continue;
      const box = (await button.boundingBox())!;
      const { width, height } = page.viewportSize()!;
      if (box.y < 0 || box.x < 0 || box.y + box.height > height || box.x + box.width > width) outside.push((await button.textContent()) ?? String(name));
    }
  }
  const { overflowPx, sidewaysPx } = await page.evaluate(() => ({
    overflowPx: document.documentElement.scrollHeight - window.innerHeight,
    sidewaysPx: document.documentElement.scrollWidth - window.innerWidth,
  }));
  return { overflowPx, sidewaysPx, outside };
}

const CARD_BUTTONS = [/^choose /i, /^back$/i, /^next$/i, /^see everyone$/i, /other answers/i, /^organiser$/i];
const EVERYONE_BUTTONS = [/^choose /i, /see .* again/i, /see one at a time/i, /other answers/i];

// The person never has to scroll to reach "Choose", Back or Next: each card, everyone together and the
// other answers fit one 1024×768 tablet screen either way up, at the usual text size.
describe('person mode fits the tablet screen without scrolling', () => {
  let hearth: RunningHearth;
  let journey: Journey;
  let page: Page;

  beforeAll(async () => {
    journey = await startJourney();
    ({ hearth, page } = journey);
    await page.goto(hearth.url);
    await signInAsOrganiser(page);
    await getVisitReady(page, 'Hilda');
    await handOverSettingPin(page, 'Hilda', ORGANISER_PIN);
  });

  afterAll(async () => {
    await journey?.stop();
  });

  for (const [orientation, viewport] of [
    ['landscape', LANDSCAPE],
    ['portrait', PORTRAIT],
  ] as const) {
    it(`${orientation}: every card, with its face hidden and shown, then everyone together and the other answers`, async () => {
      await page.setViewportSize(viewport);
      const cards = await page.getByText(/^Person 1 of (\d)$/).first().textContent();
      const count = Number(cards!.match(/of (\d)/)![1]);
      for (let i = 0; i < count; i++) {
        const name = (await page.locator('.card-slot:not([aria-hidden]) h2').textContent())!;
        const reveal = page.getByRole('button', { name: new RegExp(`show ${name}'s photo and film`, 'i') });
        if (await reveal.isVisible()) {
          await screenshot(page, `layout-${orientation}-card-${i + 1}-description`);
          expect(await offScreen(page, CARD_BUTTONS), `${name}, description`).toEqual({ overflowPx: 0, sidewaysPx: 0, outside: [] });
          await reveal.click();
        }
        await page.getByRole('img', { name: `Photo of ${name}` }).locator('visible=true').waitFor();
        await screenshot(page, `layout-${orientation}-card-${i + 1}`);
        expect(await offScreen(page, [...CARD_BUTTONS, /^watch /i]), `${name}, face shown`).toEqual({ overflowPx: 0, sidewaysPx: 0, outside: [] });
        if (i < count - 1) await page.getByRole('button', { name: /^next$/i }).click();
      }
      await page.getByRole('button', { name: /^see everyone$/i }).click();
      await page.getByRole('button', { name: /see .* again/i }).first().waitFor();
      await screenshot(page, `layout-${orientation}-everyone`);
      expect(await offScreen(page, EVERYONE_BUTTONS), 'everyone together').toEqual({ overflowPx: 0, sidewaysPx: 0, outside: [] });

      await page.getByRole('button', { name: /other answers/i }).click();
      await screenshot(page, `layout-${orientation}-other-answers`);
      expect(await offScreen(page, [/none of these/i, /not sure yet/i, /meet someone first/i, /go back/i]), 'other answers').toEqual({
        overflowPx: 0,
        sidewaysPx: 0,
        outside: [],
      });
      await page.getByRole('button', { name: /go back/i }).click();
      // Back to the first card for the next orientation.
      await page.getByRole('button', { name: /see .* again/i }).first().click();
    });
  }

  /** Out of person mode with the PIN, the settings changed on the visit, and handed over again. */
  async function changeSettings(change: (settings: ReturnType<Page['getByRole']>) => Promise<void>, question: RegExp): Promise<void> {
    await page.setViewportSize(LANDSCAPE);
    await page.locator('.organiser-button').click();
    await page.getByLabel('PIN', { exact: true }).fill(ORGANISER_PIN);
    await page.locator('.pin-prompt button[type="submit"]').click();
    const settings = page.getByRole('region', { name: /person mode settings for hilda/i });
    await change(settings);
    await settings.getByRole('button', { name: /save settings for hilda/i }).click();
    await settings.getByText(/saved\. person mode will use these settings/i).waitFor();
    await page.getByRole('button', { name: /hand the tablet to hilda/i }).click();
    await page.getByRole('heading', { level: 1, name: question }).waitFor();
  }

  it('in Welsh, whose words are longer, every card and everyone together still fit', async () => {
    await changeSettings((s) => s.getByRole('radio', { name: /cymraeg/i }).check(), /pwy hoffech chi/i);
    const welshCard = [/^dewis /i, /^yn ôl$/i, /^nesaf$/i, /^gweld pawb$/i, /atebion eraill/i, /^trefnydd$/i];
    for (let i = 0; i < 4; i++) {
      expect(await offScreen(page, welshCard), `Welsh card ${i + 1}`).toEqual({ overflowPx: 0, sidewaysPx: 0, outside: [] });
      if (i < 3) await page.getByRole('button', { name: /^nesaf$/i }).click();
    }
    await screenshot(page, 'layout-welsh-card-4');
    await page.getByRole('button', { name: /^gweld pawb$/i }).click();
    expect(await offScreen(page, [/^dewis /i, /gweld .* eto/i]), 'Welsh, everyone').toEqual({ overflowPx: 0, sidewaysPx: 0, outside: [] });
    await screenshot(page, 'layout-welsh-everyone');
  });

  it('with the largest text the page scrolls, never sideways, and the step buttons stay on the screen', async () => {
    await changeSettings(async (s) => {
      await s.getByRole('radio', { name: /^english$/i }).check();
      await s.getByRole('radio', { name: 'Largest' }).check();
    }, /who would you like to support you, hilda/i);
    const steps = [/^back$/i, /^next$/i, /^see everyone$/i, /other answers/i];
    for (const viewport of [LANDSCAPE, PORTRAIT]) {
      await page.setViewportSize(viewport);
      const { sidewaysPx, outside } = await offScreen(page, steps);
      expect({ sidewaysPx, outside }, `largest text, ${viewport.width}×${viewport.height}`).toEqual({ sidewaysPx: 0, outside: [] });
      // Scrolled to the foot, the card's Choose is there, and the step buttons have stayed in view.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      expect(await offScreen(page, [/^choose /i, ...steps]), 'scrolled down').toMatchObject({ sidewaysPx: 0, outside: [] });
      await screenshot(page, `layout-largest-${viewport.width}x${viewport.height}`);
      await page.evaluate(() => window.scrollTo(0, 0));
    }
  });
});
