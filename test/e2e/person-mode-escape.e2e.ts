import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VisitPack, VisitSummary } from '../../src/domain/visits';
import { paths } from '../../src/ui/paths';
import { en } from '../../src/ui/person-mode/text/en';
import { screenshot } from './support/browser';
import type { RunningHearth } from './support/hearth-server';
import { handOverSettingPin, signInAsOrganiser, startJourney, unlockIfLocked, type Journey } from './support/journey';

const ORGANISER_PIN = '2580';

/**
 * What only an organiser may see: other people and their carers (Ruth's and Peter's visits, whose packs
 * are on this tablet too), Hilda's own profile as the office keeps it, and the organiser screens' frame.
 * Hilda's carers (Sam, Bethan, Grace, Tom) are on her cards and so are not in this list.
 */
const ORGANISER_ONLY: RegExp[] = [
  /\bRuth\b/,
  /\bPeter\b/,
  /\bRosie\b/,
  /\bJess\b/,
  /\bPriya\b/,
  /\bDan\b/,
  /\bAisha\b/,
  /bungalow in Bispham/i,
  /Remind me to take my tablets/i,
  /Planned visits/i,
  /Match carers/i,
  /Sign out/i,
  // The organiser's menu item; the lock screen's own words ("the records on this tablet") are not office data.
  /This tablet/,
  /Follow-ups/i,
];

/**
 * Watches every document in the tab from its first byte, so even an organiser screen that flashes up for
 * one frame before a redirect is caught. Armed only once the tablet is handed over (the organiser's
 * own screens show all of this before that). Runs through DevTools, outside the page's CSP.
 */
function watchForOrganiserData(patterns: string[]): void {
  const forbidden = patterns.map((p) => new RegExp(p.slice(1, p.lastIndexOf('/')), p.slice(p.lastIndexOf('/') + 1)));
  const check = () => {
    if (sessionStorage.getItem('escape-watch') !== 'armed' || !document.body) return;
    const text = document.body.innerText;
    for (const pattern of forbidden) {
      if (pattern.test(text)) {
        const seen = JSON.parse(sessionStorage.getItem('escape-seen') ?? '[]') as string[];
        seen.push(`${location.pathname}: ${String(pattern)}`);
        sessionStorage.setItem('escape-seen', JSON.stringify(seen));
      }
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
  document.addEventListener('DOMContentLoaded', check);
}

describe('person mode cannot be escaped without the organiser’s PIN', () => {
  let hearth: RunningHearth;
  let journey: Journey;
  let context: BrowserContext;
  let page: Page;
  let cdp: CDPSession;
  let hilda: VisitPack;
  let otherVisits: VisitSummary[] = [];
  const personUrl = () => `${hearth.url}/person/${hilda.visit.id}`;

  beforeAll(async () => {
    journey = await startJourney();
    ({ hearth, context, page } = journey);
    await context.addInitScript(watchForOrganiserData, ORGANISER_ONLY.map(String));
  });

  afterAll(async () => {
    await journey?.stop();
  });

  /** Where the tablet is now: Hilda's person mode, the organiser's PIN gate, or somewhere it must never be. */
  async function whereAmI(): Promise<'person-mode' | 'pin-gate' | string> {
    const at = page;
    return at.evaluate((visitId) => {
      const pinInput = [...document.querySelectorAll('input')].find((input) =>
        [...(input.labels ?? [])].some((label) => /\bPIN\b/.test(label.textContent ?? '')),
      );
      if (pinInput && pinInput.closest('[role="dialog"], main') && !document.querySelector('nav')) return 'pin-gate';
      // The organiser lock in front of every screen: its password (after a fresh load) or its PIN (after idle minutes).
      const heading = document.querySelector('h1')?.textContent?.trim() ?? '';
      if (/^(Unlock Hearth|Hearth is locked)$/.test(heading) && document.querySelector('input[type="password"]') && !document.querySelector('nav')) return 'pin-gate';
      const personMode = document.querySelector('.person-mode:not(.organiser-step)');
      if (personMode && location.pathname === `/person/${visitId}`) return 'person-mode';
      return `${location.pathname}: ${document.querySelector('h1')?.textContent ?? '(no heading)'}`;
    }, hilda.visit.id).catch(() => 'navigating');
  }

  /** The vector's verdict: the tablet settles in person mode or at the PIN gate, and no organiser data was ever on screen. */
  async function expectContained(vector: string, tab: Page = page): Promise<void> {
    const previous = page;
    page = tab;
    try {
      await tab.waitForLoadState('domcontentloaded');
      await expect.poll(() => whereAmI(), { timeout: 15_000, message: vector }).toMatch(/^(person-mode|pin-gate)$/);
      const text = await tab.locator('body').innerText();
      const tree = await tab.locator('body').ariaSnapshot();
      for (const pattern of ORGANISER_ONLY) {
        expect(pattern.test(text), `${vector}: page text shows ${String(pattern)}`).toBe(false);
        expect(pattern.test(tree), `${vector}: accessibility tree shows ${String(pattern)}`).toBe(false);
      }
      expect(await tab.getByRole('navigation').count(), `${vector}: organiser navigation`).toBe(0);
      const seen = await tab.evaluate(() => {
        const found = sessionStorage.getItem('escape-seen');
        sessionStorage.removeItem('escape-seen');
        return found;
      });
      expect(seen, `${vector}: organiser data appeared on screen, even briefly`).toBeNull();
    } finally {
      page = previous;
    }
  }

  /** Back to the start of person mode for the next vector: the PIN dialog cancelled if it is open. */
  async function backToCards(): Promise<void> {
    const cancel = page.getByRole('dialog').getByRole('button', { name: en.cancel, exact: true });
    if (await cancel.isVisible().catch(() => false)) await cancel.click();
    if ((await whereAmI()) !== 'person-mode') {
      if ((await whereAmI()) !== 'pin-gate') await page.goto(personUrl());
      await unlockIfLocked(page, ORGANISER_PIN);
    }
    await page.getByRole('heading', { level: 1, name: en.question('Hilda') }).waitFor({ timeout: 15_000 });
  }

  it('the organiser gets Hilda’s, Ruth’s and Peter’s visits ready, and hands the tablet to Hilda', async () => {
    await page.goto(hearth.url);
    await signInAsOrganiser(page);
    const visits = await page.evaluate(async () => ((await (await fetch('/api/visits')).json()) as { visits: VisitSummary[] }).visits);
    const hildaVisit = visits.find((v) => v.personFirstName === 'Hilda')!;
    otherVisits = visits.filter((v) => v.personFirstName !== 'Hilda');
    expect(otherVisits.length).toBeGreaterThanOrEqual(2);
    hilda = await page.evaluate(async (id) => (await (await fetch(`/api/visits/${id}/pack`)).json()) as VisitPack, hildaVisit.id);

    // Other people's packs on the same tablet: what a person must never reach from Hilda's person mode.
    for (const visit of [...otherVisits, hildaVisit]) {
      await page.goto(`${hearth.url}/visits/${visit.id}`);
      await unlockIfLocked(page, ORGANISER_PIN);
      await page.getByRole('button', { name: /get ready for offline use/i }).click();
      await page.getByText(/ready to use offline/i).first().waitFor({ timeout: 60_000 });
    }
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
    await handOverSettingPin(page, 'Hilda', ORGANISER_PIN);
    await page.evaluate(() => sessionStorage.setItem('escape-watch', 'armed'));
    cdp = await context.newCDPSession(page);
    await expectContained('handed over');
  });

  it('1. history.back() and history.go(-3)', async () => {
    await page.evaluate(() => void setTimeout(() => history.back(), 0));
    await expectContained('history.back()');
    await page.evaluate(() => void setTimeout(() => history.go(-3), 0));
    await expectContained('history.go(-3)');
  });

  it('2. a popstate to an organiser address (pushState, then Back)', async () => {
    await page.evaluate(() => {
      history.pushState({}, '', '/people');
      window.dispatchEvent(new PopStateEvent('popstate', { state: {} }));
    });
    await expectContained('pushState + popstate');
    await page.evaluate(() => {
      history.pushState({}, '', '/care-workers');
      history.back();
    });
    await expectContained('pushState + back');
    await backToCards();
  });

  it('3. Alt+Left, Backspace, Alt+Home and ⌘[ (the keyboard’s Back and Home)', async () => {
    for (const key of ['Alt+ArrowLeft', 'Backspace', 'Alt+Home', 'Meta+[', 'Control+[']) {
      await page.locator('body').press(key);
      await expectContained(key);
    }
  });

  it('4. every organiser and admin address typed straight in', async () => {
    const carerId = hilda.candidates[0]!.id;
    const other = otherVisits[0]!;
    const addresses = [
      '/',
      `/visits/${hilda.visit.id}`,
      `/visits/${hilda.visit.id}/evidence`,
      `/visits/${other.id}`,
      '/reports',
      '/office',
      '/follow-ups',
      '/care-workers/import',
      '/match',
      `/match/${hilda.person.id}`,
      '/tablet',
      '/care-workers',
      `/care-workers/${carerId}`,
      '/my-profile',
      '/my-account',
      '/people',
      `/people/${hilda.person.id}`,
      `/people/${other.personId}`,
      '/login',
      // Admin screens (accounts, devices, audit log) and anything not yet built land here too.
      '/accounts',
      '/devices',
      '/audit',
      '/admin',
      '/no-such-page',
      // Another person's person mode, whose pack is on this tablet.
      `/person/${other.id}`,
    ];
    // Every screen without an id in its address is in the list: a new screen must be tried too.
    for (const route of Object.values(paths).filter((p) => !p.includes(':'))) expect(addresses, route).toContain(route);
    for (const address of addresses) {
      await page.goto(`${hearth.url}${address}`);
      await expectContained(`typed ${address}`);
    }
  });

  it('4b. an API address typed straight in: no office data, and back to person mode', async () => {
    // The organiser's cookie goes with a typed address too: the server must not answer it with the office's data.
    for (const address of ['/api/visits', `/api/visits/${otherVisits[0]!.id}/pack`, '/api/people', '/api/people/profiles', '/api/carers', '/api/session']) {
      const response = await page.goto(`${hearth.url}${address}`);
      const body = (await response?.text()) ?? '';
      for (const pattern of ORGANISER_ONLY) expect(pattern.test(body), `typed ${address}: shows ${String(pattern)}`).toBe(false);
      await expectContained(`typed ${address}`);
    }
  });

  it('5. reload, and reload then Back (a back step to another document)', async () => {
    await page.reload();
    await expectContained('reload');
    await page.keyboard.press('F5');
    await expectContained('F5');
    await page.keyboard.press('Control+R');
    await expectContained('Ctrl+R');
    // After a reload the earlier entries (the visit screen) belong to another document: the in-app
    // blocker cannot see this Back at all, so only a check on every page load stops it.
    await page.goBack();
    await expectContained('reload then Back');
    await page.goBack().catch(() => null);
    await expectContained('reload then Back twice');
    await page.goForward().catch(() => null);
    await expectContained('then Forward');
  });

  it('6. Escape, on the cards and in the PIN dialog', async () => {
    await backToCards();
    await page.keyboard.press('Escape');
    await expectContained('Escape on the cards');
    await page.getByRole('button', { name: en.organiser, exact: true }).click();
    await page.getByRole('dialog', { name: en.pinHeading }).waitFor();
    await expectContained('PIN dialog open');
    await page.keyboard.press('Escape');
    await expectContained('Escape in the PIN dialog');
    // A wrong PIN keeps the gate shut.
    if (await page.getByRole('dialog', { name: en.pinHeading }).isVisible()) {
      await page.getByLabel(en.pinLabel, { exact: true }).fill('0000');
      await page.getByRole('button', { name: en.unlock, exact: true }).click();
      await page.getByText(en.pinWrong).waitFor();
      await expectContained('a wrong PIN');
    }
    await backToCards();
  });

  it('7. Tab through the whole page never reaches an organiser control or a link', async () => {
    const seen: string[] = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        return {
          tag: el.tagName.toLowerCase(),
          name: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60),
          inPersonMode: el.closest('.person-mode') !== null,
        };
      });
      if (!focused) continue;
      expect(focused.tag, `Tab ${i} reached a link`).not.toBe('a');
      expect(focused.inPersonMode, `Tab ${i} left person mode: ${focused.name}`).toBe(true);
      seen.push(focused.name);
    }
    expect(seen.length).toBeGreaterThan(3);
    // The only way towards the office from the keyboard is the Organiser button, which asks for the PIN.
    for (const name of seen) for (const pattern of ORGANISER_ONLY) expect(pattern.test(name), name).toBe(false);
    await expectContained('Tab through the page');
  });

  it('8. the context menu and a long press are refused', async () => {
    await backToCards();
    const refused = await page.evaluate(() => {
      const target = document.querySelector('.person-mode h1') ?? document.body;
      const menu = new MouseEvent('contextmenu', { bubbles: true, cancelable: true, button: 2 });
      target.dispatchEvent(menu);
      return menu.defaultPrevented;
    });
    expect(refused, 'person mode lets the browser open its context menu (Open link in new tab, Back, Reload…)').toBe(true);
    await page.locator('.person-mode h1').click({ button: 'right' });
    await expectContained('right click');
    // A long press (iOS shows "Open in new tab" / "Save image"): the callout is switched off in person mode.
    const callout = await page.locator('.person-mode').evaluate((el) => getComputedStyle(el).getPropertyValue('-webkit-touch-callout') || 'unsupported');
    expect(['none', 'unsupported']).toContain(callout);
    await page.locator('.person-mode h1').hover();
    await page.mouse.down();
    await page.waitForTimeout(1_200);
    await page.mouse.up();
    await expectContained('long press');
  });

  it('9. new windows: window.open, and no target=_blank link or form anywhere', async () => {
    expect(await page.locator('a[href], [target], form[action]').count()).toBe(0);
    const opened = context.waitForEvent('page');
    await page.evaluate(() => void window.open('/people', '_blank'));
    const tab = await opened;
    await tab.evaluate(() => sessionStorage.setItem('escape-watch', 'armed')).catch(() => null);
    await expectContained('window.open(/people) — the new tab', tab);
    await tab.close();

    const second = await context.newPage();
    await second.goto(`${hearth.url}/visits/${hilda.visit.id}`);
    await expectContained('a second tab at the visit screen', second);
    await second.close();
    await expectContained('window.open — the person-mode tab');
  });

  it('10. dragging: nothing in person mode can be dragged out as a link or picture', async () => {
    await page.getByRole('button', { name: /^see everyone$/i }).click();
    const draggable = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.person-mode *')].filter((el) => el.draggable).map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(draggable).toEqual([]);
    const dragRefused = await page.evaluate(() => {
      const target = document.querySelector('.person-mode img') ?? document.querySelector('.person-mode h1')!;
      const drag = new DragEvent('dragstart', { bubbles: true, cancelable: true });
      target.dispatchEvent(drag);
      return drag.defaultPrevented;
    });
    expect(dragRefused, 'a picture or text can be dragged out of person mode').toBe(true);
    const heading = page.locator('.person-mode h1');
    const box = (await heading.boundingBox())!;
    await page.mouse.move(box.x + 5, box.y + 5);
    await page.mouse.down();
    await page.mouse.move(box.x + 400, box.y + 500, { steps: 10 });
    await page.mouse.up();
    await expectContained('drag across the page');
    await backToCards();
  });

  it('11. pinch zoom: allowed for reading (WCAG 1.4.4) and leaves person mode as it is', async () => {
    const viewport = (await page.locator('meta[name="viewport"]').getAttribute('content')) ?? '';
    expect(viewport).toContain('width=device-width');
    // Zoom must stay possible for people with low vision: no user-scalable=no or maximum-scale below 2.
    expect(viewport).not.toMatch(/user-scalable\s*=\s*(no|0)/);
    const maximum = /maximum-scale\s*=\s*([\d.]+)/.exec(viewport);
    if (maximum) expect(Number(maximum[1])).toBeGreaterThanOrEqual(2);
    const pinch = (scaleFactor: number) =>
      Promise.race([
        cdp.send('Input.synthesizePinchGesture', { x: 512, y: 384, scaleFactor, relativeSpeed: 800, gestureSourceType: 'touch' }),
        new Promise((resolve) => setTimeout(resolve, 5_000)),
      ]);
    await pinch(2);
    await expectContained('pinch out');
    await pinch(0.5);
    await expectContained('pinch in');
  });

  it('12. swipes from each edge and taps in the corners', async () => {
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
    const swipe = async (from: { x: number; y: number }, to: { x: number; y: number }) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [from] });
      for (let step = 1; step <= 8; step++) {
        const at = { x: from.x + ((to.x - from.x) * step) / 8, y: from.y + ((to.y - from.y) * step) / 8 };
        await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [at] });
      }
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    await swipe({ x: 1, y: 384 }, { x: 700, y: 384 }); // from the left edge: iOS's Back gesture
    await expectContained('swipe from the left edge');
    await swipe({ x: 1023, y: 384 }, { x: 300, y: 384 }); // from the right edge: Forward
    await expectContained('swipe from the right edge');
    await swipe({ x: 512, y: 767 }, { x: 512, y: 100 }); // from the bottom: the home bar
    await expectContained('swipe up from the bottom');
    await swipe({ x: 512, y: 1 }, { x: 512, y: 600 }); // from the top: pull to refresh
    await expectContained('swipe down from the top');
    for (const corner of [
      { x: 2, y: 2 },
      { x: 1021, y: 2 },
      { x: 2, y: 765 },
      { x: 1021, y: 765 },
    ]) {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [corner] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
      await expectContained(`tap at ${corner.x},${corner.y}`);
      await backToCards();
    }
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: false });
  });

  it('13. scripted ways out: location.assign, location.hash, a link made on the fly', async () => {
    await page.evaluate(() => void setTimeout(() => location.assign('/care-workers'), 0));
    await expectContained('location.assign(/care-workers)');
    await page.evaluate(() => {
      location.hash = '#/visits';
    });
    await expectContained('location.hash');
    // Later, not inside the call, so the navigation it starts cannot tear the call down.
    await page.evaluate(() => {
      setTimeout(() => {
        const link = document.createElement('a');
        link.href = '/people';
        document.body.append(link);
        link.click();
      }, 0);
    });
    await expectContained('a link clicked from script');
    await screenshot(page, 'escape-13-still-in-person-mode');
  });

  it('14. and the organiser still leaves with the PIN, back to the visit', async () => {
    await backToCards();
    await page.getByRole('button', { name: en.organiser, exact: true }).click();
    await page.getByLabel(en.pinLabel, { exact: true }).fill(ORGANISER_PIN);
    await page.getByRole('button', { name: en.unlock, exact: true }).click();
    await page.evaluate(() => sessionStorage.removeItem('escape-watch'));
    // The organiser lock may ask for the PIN again as person mode ends; the visit follows.
    const visit = page.getByRole('heading', { level: 1, name: /visit to hilda/i });
    const lock = page.locator('input[type="password"]').and(page.getByLabel(/PIN/));
    await page.getByRole('dialog', { name: en.pinHeading }).waitFor({ state: 'detached' });
    await visit.or(lock).first().waitFor({ timeout: 15_000 });
    if (!(await visit.isVisible())) {
      await lock.first().fill(ORGANISER_PIN);
      await page.getByRole('button', { name: /unlock/i }).click();
      await visit.waitFor({ timeout: 15_000 });
    }
    await page.reload();
    await unlockIfLocked(page, ORGANISER_PIN);
    await page.getByRole('heading', { level: 1, name: /visit to hilda/i }).waitFor({ timeout: 15_000 });
  });
});
