import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CarerProfileForm, CarerProfileView, CarerSummary } from '../../src/domain/carer-profile-form';
import type { PersonProfileForm, PersonProfileView } from '../../src/domain/person-profile-form';
import type { VisitPack, VisitSummary } from '../../src/domain/visits';
import { en } from '../../src/ui/person-mode/text/en';
import { screenshot } from './support/browser';
import type { RunningHearth } from './support/hearth-server';
import { handOverSettingPin, signInAsOrganiser, startJourney, unlockIfLocked, type Journey } from './support/journey';

const ORGANISER_PIN = '2580';
const CARE_WORKER = { email: 'sam@demo.hearth.test', password: 'hearth-demo' };

/** What each payload does if it ever runs: sets its own flag on window and opens a dialog naming itself. */
const run = (id: string) => `window.__xss_${id}=1,alert('${id}')`;

/**
 * Stored-XSS payloads (RELIABILITY B5): markup, event handlers, javascript: URLs, a frame, an attempt to
 * rewrite the page's base or its policy, template syntax for frameworks that evaluate it, and text that is
 * already escaped (it must show as typed, not be unescaped into markup). Each fits the field it goes in.
 */
const LONG = {
  img: `<img src=x onerror="${run('img')}">`,
  script: `<script>${run('script')}</script>`,
  jsLink: `<a href="javascript:${run('jsLink')}">see my page</a>`,
  svg: `<svg onload="${run('svg')}"><circle r=9></svg>`,
  iframe: `"><iframe srcdoc="<script>parent.__xss_iframe=1;parent.alert('iframe')</script>"></iframe>`,
  base: `<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=javascript:${run('meta')}">`,
  cspMeta: `<meta http-equiv="Content-Security-Policy" content="script-src * 'unsafe-inline'"><img src=x onerror="${run('cspMeta')}">`,
  template: `\${${run('template')}} and \`\${${run('backtick')}}\``,
  curly: `{{constructor.constructor("${run('curly')}")()}}`,
  entity: `&lt;img src=x onerror=${run('entity')}&gt; &amp;&#60;script&#62;`,
  details: `<details open ontoggle="${run('details')}"><summary>x</summary></details>`,
  textarea: `</textarea></script><script>${run('textarea')}</script>`,
  jsUrl: `javascript:${run('jsUrl')}`,
  style: `<style>*{background:url("javascript:${run('style')}")}</style><b style="x:expression(${run('expr')})">bold</b>`,
};
/** For fields of at most 60 (interests), 40 (qualities, first names) characters. */
const SHORT = {
  interest: '<img src=x onerror=window.__xss_interest=1>',
  quality: '<svg/onload=window.__xss_quality=1>',
  name: '<img src=x onerror=window.__xss_nm=1>',
};
/** Captions typed by the care worker; WebVTT has its own markup (<c>, <v>, <b>, timestamps), and --> ends a timing line. */
const CAPTION_LINES = [
  `<script>${run('vtt')}</script> Hello, I'm Sam.`,
  `<c.yellow>I</c> <v Boss>drive</v> <b>my</b> <00:00:01.000>car --> everywhere`,
  `<img src=x onerror="${run('vttImg')}"> &amp; &lt;i&gt;`,
];

/** The cue texts as a person must see them: exactly as typed. */
const CAPTION_TEXTS = CAPTION_LINES;

describe('stored XSS: hostile profile text shows as text, in the office and in person mode', () => {
  let hearth: RunningHearth;
  let journey: Journey;
  let context: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];
  const refusals: string[] = [];
  let hildaVisit: VisitSummary;
  let hildaPack: VisitPack;
  let samId = '';
  let bethanId = '';
  let newVisitId = '';
  let samProfile: CarerProfileForm;

  /** Every page of a context reports dialogs and CSP refusals, from its first byte. */
  async function watch(target: BrowserContext): Promise<void> {
    await target.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        // One refusal is Hearth's own and harmless: zod asks once whether eval is allowed (new Function, in a
        // try/catch, from the app's bundle) and falls back to plain parsing. Anything else, from anywhere, counts.
        const zodProbe = event.blockedURI === 'eval' && event.sourceFile.startsWith(`${location.origin}/assets/`);
        if (!zodProbe) console.warn(`CSP violation: ${event.violatedDirective} refused ${event.blockedURI} (${event.sourceFile}:${event.lineNumber}) ${event.sample}`);
      });
    });
    const onPage = (p: Page) => {
      p.on('dialog', (dialog) => {
        dialogs.push(`${p.url()}: ${dialog.message()}`);
        void dialog.dismiss();
      });
      p.on('console', (message) => {
        if (/Content Security Policy|CSP violation/i.test(message.text())) refusals.push(`${p.url()}: ${message.text()}`);
      });
    };
    target.pages().forEach(onPage);
    target.on('page', onPage);
  }

  /** The verdict on one rendered screen: nothing ran, nothing was refused (so nothing tried to run). */
  async function expectNothingRan(where: string, on: Page = page): Promise<void> {
    // Time for an onerror, onload, ontoggle or a meta refresh to fire, if any could.
    await on.waitForTimeout(700);
    const flags = await on.evaluate(() => Object.keys(window).filter((key) => key.startsWith('__xss_')));
    expect(flags, `${where}: payloads ran`).toEqual([]);
    expect(dialogs, `${where}: a payload opened a dialog`).toEqual([]);
    expect(refusals, `${where}: the CSP had to refuse something, so something tried to run`).toEqual([]);
    expect(await on.locator('iframe, script:not([src]), base, meta[http-equiv], svg[onload], img[onerror], [ontoggle], details').count(), `${where}: markup from a profile`).toBe(0);
    expect(new URL(on.url()).origin, `${where}: the page went somewhere else`).toBe(hearth.url);
  }

  /** All text fields' values on the page: where an editor shows what was typed. */
  const fieldValues = (on: Page) =>
    on.evaluate(() => [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].map((field) => field.value));

  /** Each text is in one of the editor's fields exactly as typed (list fields hold one item a line). */
  async function expectFieldsShow(on: Page, texts: string[]): Promise<void> {
    const missing = async () => {
      const lines = (await fieldValues(on)).flatMap((value) => value.split('\n'));
      return texts.filter((text) => !lines.some((line) => line === text || line.endsWith(` ${text}`)));
    };
    await expect.poll(missing, { timeout: 15_000 }).toEqual([]);
  }

  async function api<T>(on: Page, method: 'GET' | 'PUT', path: string, body?: unknown): Promise<T> {
    const result = await on.evaluate(
      async ({ method, path, body }) => {
        const response = await fetch(path, {
          method,
          headers: body === undefined ? {} : { 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        });
        return { status: response.status, json: (await response.json()) as unknown };
      },
      { method, path, body },
    );
    expect(result.status, `${method} ${path}: ${JSON.stringify(result.json)}`).toBe(200);
    return result.json as T;
  }

  beforeAll(async () => {
    journey = await startJourney();
    ({ hearth, context, page } = journey);
    await watch(context);
  });

  afterAll(async () => {
    // journey.stop() fails the file too on any CSP refusal in the organiser's tab.
    await journey?.stop();
  });

  it('1. the care worker writes payloads into their own profile and captions, through the API as themselves', async () => {
    // Their own session (its cookie), not the organiser's: a care worker may write only their own profile.
    const worker = await journey.browser.newContext();
    const signedIn = await worker.request.post(`${hearth.url}/api/session`, { data: CARE_WORKER });
    expect(signedIn.status()).toBe(200);
    samId = ((await signedIn.json()) as { user: { carerId?: string } }).user.carerId ?? '';
    expect(samId).toMatch(/^[0-9a-f-]{36}$/);
    const call = async <T,>(method: 'GET' | 'PUT', path: string, data?: unknown): Promise<T> => {
      const response = await worker.request.fetch(`${hearth.url}${path}`, { method, ...(data === undefined ? {} : { data }) });
      expect(response.status(), `${method} ${path}: ${await response.text()}`).toBe(200);
      return (await response.json()) as T;
    };
    const view = await call<CarerProfileView>('GET', `/api/carers/${samId}/profile`);
    const draft = view.draft as CarerProfileForm;
    samProfile = {
      ...draft,
      appreciated: [LONG.img, LONG.script, LONG.jsLink, LONG.svg, LONG.iframe, LONG.base],
      mattersToMe: [LONG.cspMeta, LONG.template, LONG.curly],
      interests: [...draft.interests.slice(0, 18), SHORT.interest],
      qualities: [...draft.qualities.slice(0, 11), SHORT.quality],
    };
    await call('PUT', `/api/carers/${samId}/profile`, { profile: samProfile, basedOnUpdatedAt: view.updatedAt });
    const captions = await call<{ text: string }>('PUT', `/api/carers/${samId}/captions`, {
      text: CAPTION_LINES.map((line, i) => `0:0${i * 3} ${line}`).join('\n'),
    });
    expect(captions.text.split('\n').map((line) => line.replace(/^\d+:\d\d /, ''))).toEqual(CAPTION_TEXTS);
    await worker.close();
  });

  it('2. the organiser writes payloads into Bethan’s profile (her name too) and Hilda’s', async () => {
    await page.goto(hearth.url);
    await signInAsOrganiser(page);
    const { carers } = await api<{ carers: CarerSummary[] }>(page, 'GET', '/api/carers');
    bethanId = carers.find((c) => c.firstName === 'Bethan')!.id;
    const bethan = await api<CarerProfileView>(page, 'GET', `/api/carers/${bethanId}/profile`);
    const bethanDraft = bethan.draft as CarerProfileForm;
    await api(page, 'PUT', `/api/carers/${bethanId}/profile`, {
      profile: {
        ...bethanDraft,
        firstName: SHORT.name,
        appreciated: [LONG.entity, LONG.details, LONG.textarea, LONG.jsUrl, LONG.style],
        mattersToMe: [LONG.svg, LONG.img, LONG.base],
      },
      basedOnUpdatedAt: bethan.updatedAt,
    });

    const { visits } = await api<{ visits: VisitSummary[] }>(page, 'GET', '/api/visits');
    hildaVisit = visits.find((v) => v.personFirstName === 'Hilda')!;
    const hilda = await api<PersonProfileView>(page, 'GET', `/api/people/${hildaVisit.personId}/profile`);
    const hildaDraft = hilda.draft as PersonProfileForm;
    await api(page, 'PUT', `/api/people/${hildaVisit.personId}/profile`, {
      profile: {
        ...hildaDraft,
        livesAt: LONG.base,
        appreciated: [LONG.img, LONG.script, LONG.entity],
        importantToMe: [LONG.iframe, LONG.cspMeta, ...hildaDraft.importantToMe.slice(0, 2)],
        howToSupportMe: [LONG.template, LONG.curly, LONG.jsLink, ...hildaDraft.howToSupportMe.slice(0, 1)],
        interests: [...hildaDraft.interests.slice(0, 19), SHORT.interest],
        communication: LONG.details,
      },
      basedOnUpdatedAt: hilda.updatedAt,
    });
    hildaPack = await api<VisitPack>(page, 'GET', `/api/visits/${hildaVisit.id}/pack`);
    expect(hildaPack.person.appreciated).toEqual([LONG.img, LONG.script, LONG.entity]);
  });

  it('3. the office: care workers list, Bethan’s profile, Hilda’s profile', async () => {
    await page.goto(`${hearth.url}/care-workers`);
    await unlockIfLocked(page, ORGANISER_PIN);
    await page.getByText(SHORT.name, { exact: true }).first().waitFor({ timeout: 15_000 });
    await expectNothingRan('care workers list');
    await screenshot(page, 'xss-3-care-workers');

    await page.goto(`${hearth.url}/care-workers/${samId}`);
    await unlockIfLocked(page, ORGANISER_PIN);
    await page.getByRole('heading', { level: 1, name: 'Sam’s one-page profile' }).waitFor({ timeout: 15_000 });
    await expectFieldsShow(page, [...samProfile.appreciated, ...samProfile.mattersToMe, SHORT.interest, SHORT.quality, ...CAPTION_LINES]);
    await expectNothingRan('Sam’s profile, as the care worker wrote it');
    await screenshot(page, 'xss-3-sam-profile');

    await page.goto(`${hearth.url}/care-workers/${bethanId}`);
    await unlockIfLocked(page, ORGANISER_PIN);
    await page.getByRole('heading', { level: 1, name: `${SHORT.name}’s one-page profile` }).waitFor({ timeout: 15_000 });
    await expectFieldsShow(page, [SHORT.name, LONG.entity, LONG.details, LONG.textarea, LONG.jsUrl, LONG.style, LONG.svg, LONG.img, LONG.base]);
    await expectNothingRan('Bethan’s profile');

    await page.goto(`${hearth.url}/people/${hildaVisit.personId}`);
    await unlockIfLocked(page, ORGANISER_PIN);
    await expectFieldsShow(page, [LONG.base, LONG.img, LONG.script, LONG.entity, LONG.iframe, LONG.cspMeta, LONG.template, LONG.curly, LONG.jsLink, LONG.details, SHORT.interest]);
    await expectNothingRan('Hilda’s profile');
    await screenshot(page, 'xss-3-hilda-profile');
  });

  it('4. the match screen, a visit planned with a hostile "why not" reason, and its evidence page', async () => {
    await page.goto(`${hearth.url}/match/${hildaVisit.personId}`);
    await unlockIfLocked(page, ORGANISER_PIN);
    await page.getByRole('heading', { level: 1, name: 'Match care workers for Hilda' }).waitFor({ timeout: 30_000 });
    const ranked = (await page.locator('.ranked-name').allInnerTexts()).map((n) => n.replace(/^Ranked\s+\d+\s*/, '').trim());
    expect(ranked).toContain('Sam');
    expect(ranked).toContain(SHORT.name);
    // The shared interest is the payload: shown as a word, on Sam's row.
    await page.getByText(SHORT.interest).first().waitFor();
    await expectNothingRan('the match screen');
    await screenshot(page, 'xss-4-match');

    const lowest = [...ranked].reverse().find((name) => name !== 'Sam' && name !== SHORT.name)!;
    for (const name of ['Sam', SHORT.name, lowest]) await page.getByRole('checkbox', { name: `Shortlist ${name}`, exact: true }).check();
    const whyNot = page.getByRole('textbox', { name: /^Why not / });
    expect(await whyNot.count()).toBeGreaterThan(0);
    for (const box of await whyNot.all()) await box.fill(LONG.svg);
    await page.getByRole('button', { name: 'Plan the visit' }).click();
    await page.getByRole('heading', { level: 1, name: 'Visit to Hilda' }).waitFor({ timeout: 30_000 });
    newVisitId = page.url().split('/visits/')[1] ?? '';
    await page.getByRole('region', { name: 'How this shortlist was made' }).getByText(LONG.svg).first().waitFor();
    await expectNothingRan('the visit planned');

    await page.goto(`${hearth.url}/visits/${newVisitId}/evidence`);
    await unlockIfLocked(page, ORGANISER_PIN);
    await page.getByText(LONG.svg).first().waitFor({ timeout: 30_000 });
    await expectNothingRan('the visit’s evidence page');
    await screenshot(page, 'xss-4-evidence');
  });

  it('5. person mode, after the pack is on the tablet: the cards, everyone, and the film’s captions', async () => {
    await page.goto(`${hearth.url}/visits/${newVisitId}`);
    await unlockIfLocked(page, ORGANISER_PIN);
    await page.getByRole('button', { name: /get ready for offline use/i }).click();
    await page.getByText(/ready to use offline/i).first().waitFor({ timeout: 60_000 });
    const meeting = page.getByRole('region', { name: 'Care workers Hilda will meet' });
    expect(await meeting.getByRole('listitem').allInnerTexts()).toContain(SHORT.name);
    await expectNothingRan('the visit, ready');
    await handOverSettingPin(page, 'Hilda', ORGANISER_PIN);

    // One card at a time: Sam's payloads as his words, Bethan's name as her name.
    for (let i = 0; i < 3; i++) {
      const card = page.locator('.card-slot:not([inert]) article');
      const name = await card.getByRole('heading', { level: 2 }).innerText();
      if (name === 'Sam') {
        for (const text of [LONG.img, LONG.script, LONG.jsLink, LONG.svg, LONG.iframe, LONG.base, LONG.cspMeta, LONG.template, LONG.curly]) {
          expect(await card.getByText(text, { exact: true }).count(), text).toBe(1);
        }
      }
      if (name === SHORT.name) {
        for (const text of [LONG.entity, LONG.details, LONG.textarea, LONG.jsUrl, LONG.style]) expect(await card.getByText(text, { exact: true }).count(), text).toBe(1);
      }
      await expectNothingRan(`person mode, ${name}'s card`);
      if (i < 2) await page.getByRole('button', { name: en.next, exact: true }).click();
    }
    await page.getByRole('button', { name: en.seeEveryone }).click();
    expect(await page.getByRole('button', { name: en.choose(SHORT.name) }).count()).toBe(1);
    await expectNothingRan('person mode, everyone');
    await screenshot(page, 'xss-5-person-mode-everyone');

    // Sam's film, with his captions: each cue holds exactly the typed text, and no markup of its own.
    await page.getByRole('button', { name: /see sam again/i }).click();
    const reveal = page.getByRole('button', { name: /show sam.s photo and film/i });
    if (await reveal.isVisible()) await reveal.click();
    await page.getByRole('button', { name: /watch sam.s film/i }).click();
    const video = page.locator('video');
    await video.waitFor();
    const cues = await video.evaluate(async (v: HTMLVideoElement) => {
      const track = v.textTracks[0]!;
      track.mode = 'hidden';
      for (let i = 0; i < 100 && (track.cues?.length ?? 0) === 0; i++) await new Promise((r) => setTimeout(r, 100));
      return [...(track.cues ?? [])].map((cue) => {
        const html = (cue as VTTCue).getCueAsHTML();
        return { text: html.textContent, elements: html.querySelectorAll('*').length };
      });
    });
    expect(cues.map((c) => c.text)).toEqual(CAPTION_TEXTS);
    expect(cues.map((c) => c.elements)).toEqual(CAPTION_TEXTS.map(() => 0));
    await video.evaluate((v: HTMLVideoElement) => {
      v.currentTime = 3.5;
      v.textTracks[0]!.mode = 'showing';
    });
    await expectNothingRan('person mode, Sam’s film with captions');
    await screenshot(page, 'xss-5-captions');
    await page.getByRole('button', { name: /close film/i }).click();

    await page.getByRole('button', { name: en.seeEveryone }).click();
    await page.getByRole('button', { name: en.choose(SHORT.name) }).click();
    await page.getByRole('heading', { level: 1, name: en.youChose(SHORT.name) }).waitFor();
    await expectNothingRan('person mode, you chose');
  });

  it('6. the office shows the decision, with the hostile name as text', async () => {
    await page.getByRole('button', { name: en.giveBack }).click();
    await page.getByLabel(en.pinLabel, { exact: true }).fill(ORGANISER_PIN);
    await page.getByRole('button', { name: en.unlock, exact: true }).click();
    await page.getByRole('button', { name: /save and finish/i }).click();
    await page.getByRole('heading', { level: 1, name: 'Visit to Hilda' }).waitFor({ timeout: 15_000 });
    await page.getByText(new RegExp(`Hilda chose ${SHORT.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)).first().waitFor({ timeout: 30_000 });
    await expectNothingRan('the visit, decided');
    await page.goto(`${hearth.url}/office`);
    await unlockIfLocked(page, ORGANISER_PIN);
    await page.getByText(SHORT.name, { exact: true }).first().waitFor({ timeout: 30_000 });
    await expectNothingRan('Decisions');
    await page.goto(`${hearth.url}/visits/${newVisitId}/evidence`);
    await unlockIfLocked(page, ORGANISER_PIN);
    await page.getByText(LONG.svg).first().waitFor({ timeout: 30_000 });
    await expectNothingRan('the evidence page, decided');
  });
});
