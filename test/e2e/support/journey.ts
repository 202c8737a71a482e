import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { startHearth, type RunningHearth } from './hearth-server';

export const DEMO_LOGIN = { email: 'organiser@demo.hearth.test', password: 'hearth-demo' };

export interface Journey {
  hearth: RunningHearth;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  stop: () => Promise<void>;
}

/** A real `npm start` and a tablet-sized Chromium page with service workers on: one per test file. */
export async function startJourney(options: { fakeCamera?: boolean } = {}): Promise<Journey> {
  const hearth = await startHearth();
  const browser = await launchChromium(options);
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1, serviceWorkers: 'allow' });
  const page = await context.newPage();
  // Hearth's Content Security Policy must never get in the way of Hearth itself: any refusal the browser
  // reports during a journey fails it when it stops.
  const cspRefusals: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspRefusals.push(message.text());
  });
  // Not every refusal is logged (a `new Function` probe caught by a library is not): each one fires
  // `securitypolicyviolation`, which is reported to the console above.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`Content Security Policy refused ${event.effectiveDirective}: ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber}`),
    );
  });
  const stop = async () => {
    await browser.close();
    await hearth.stop();
    if (cspRefusals.length > 0) throw new Error(`The browser refused parts of Hearth under its CSP:\n${cspRefusals.join('\n')}`);
  };
  return { hearth, browser, context, page, stop };
}

/** Types the demo organiser's login into the sign-in form already on the page, as a person would. */
export async function signInAsOrganiser(page: Page): Promise<void> {
  await page.getByLabel(/email/i).fill(DEMO_LOGIN.email);
  await page.getByLabel(/password/i).fill(DEMO_LOGIN.password);
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.getByRole('heading', { level: 1, name: /planned visits/i }).waitFor();
}

/**
 * After a reload the key to the tablet's records is no longer in memory (by design): the "Unlock Hearth"
 * screen asks for the organiser's password, which opens them even offline.
 */
export async function unlockWithPassword(page: Page, password = DEMO_LOGIN.password): Promise<void> {
  await page.getByRole('heading', { level: 1, name: /unlock hearth/i }).waitFor();
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: /^unlock$/i }).click();
  await page.getByRole('heading', { level: 1, name: /unlock hearth/i }).waitFor({ state: 'detached', timeout: 30_000 });
}

/** From the planned visits, opens the person's visit and gets it ready for offline use. */
export async function getVisitReady(page: Page, firstName: string): Promise<void> {
  await page.getByRole('link', { name: new RegExp(firstName, 'i') }).first().click();
  await page.getByRole('button', { name: /get ready for offline use/i }).click();
  await page.getByText(/ready to use offline/i).first().waitFor({ timeout: 60_000 });
}

/** On the visit screen: hands the tablet over, setting the organiser's PIN as the first hand-over asks. */
export async function handOverSettingPin(page: Page, firstName: string, pin: string): Promise<void> {
  await page.getByRole('button', { name: new RegExp(`hand the tablet to ${firstName}`, 'i') }).click();
  await page.getByLabel('New PIN').fill(pin);
  await page.getByLabel('Type the PIN again').fill(pin);
  await page.getByRole('button', { name: /save the pin and hand over/i }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(`who would you like to support you, ${firstName}`, 'i') }).waitFor();
}

/**
 * The organiser lock: a fresh page load forgets the records' key, so the tablet asks for the password
 * ("Unlock Hearth"), or for the PIN after a few idle minutes ("Hearth is locked"). Without a lock, nothing to do.
 */
export async function unlockIfLocked(page: Page, pin: string, login: { email: string; password: string } = DEMO_LOGIN): Promise<void> {
  await page.locator('h1').first().waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => !/^Opening/.test(document.querySelector('h1, .loading')?.textContent ?? ''), undefined, { timeout: 30_000 });
  const heading = (await page.locator('h1').first().innerText()).trim();
  if (heading === 'Unlock Hearth') {
    const email = page.getByLabel('Email address', { exact: true });
    if (await email.isVisible()) await email.fill(login.email);
    await page.getByLabel('Password', { exact: true }).fill(login.password);
    await page.getByRole('button', { name: /^(unlock|sign in)$/i }).click();
    await page.getByRole('heading', { level: 1, name: 'Unlock Hearth' }).waitFor({ state: 'detached', timeout: 30_000 });
  } else if (heading === 'Hearth is locked') {
    await page.getByLabel('Your PIN', { exact: true }).fill(pin);
    await page.getByRole('button', { name: 'Unlock', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Hearth is locked' }).waitFor({ state: 'detached', timeout: 30_000 });
  }
}
