import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { DEMO_ORGANISER, filmFileName } from '../../server/seed/demo-data';
import { DEMO_VISITS } from '../../server/seed/demo-people';
import { DEFAULT_SEED_MEDIA_DIR } from '../../server/seed/seed-demo';
import { LINK_MBPS, signedInTablet, verifyStoredFiles, visitOnTablet, type BenchTablet, type VisitOnTablet } from './pack-browser';
import { benchFilms, seedMediaWithFilms } from './pack-films';
import { launchChromium } from '../chromium';
import { ServerProcess } from '../server-process';

/**
 * `npm run bench:pack`: Hilda's visit pack with four one-minute ~8 MB films, downloaded by the real
 * app in Chromium over a link throttled to 20 Mbit/s: once cleanly, and once cut off half way and
 * resumed. The films go into the demo organisation through SEED_MEDIA_DIR (a copy of seed/media with
 * Hilda's four carers' films replaced), so the server seeds them as on any first start.
 * Targets: efficiency ≥ 0.85 (the link's best time over the real time), resumeWasteRatio ≤ 0.05
 * (bytes fetched beyond the pack, over the pack). Prints a summary, then one JSON line last.
 */
const PERSON = 'Hilda';
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const READY_TIMEOUT_MS = 300_000;
const POLL_MS = 50;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls the visit's record in IndexedDB until `done` says so (the screen rounds; the record does not). */
async function waitForVisit(tablet: BenchTablet, done: (visit: VisitOnTablet) => boolean): Promise<VisitOnTablet> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const visit = await visitOnTablet(tablet, PERSON);
    if (visit && done(visit)) return visit;
    if (Date.now() > deadline) throw new Error(`the visit did not get there in time: ${JSON.stringify(visit)}`);
    await sleep(POLL_MS);
  }
}

/** From the planned visits, opens the person's visit, as the organiser would. */
async function openVisit(tablet: BenchTablet): Promise<void> {
  await tablet.page.getByRole('link', { name: new RegExp(PERSON, 'i') }).first().click();
  await tablet.page.getByRole('button', { name: /get ready for offline use/i }).waitFor();
}

async function expectVerified(tablet: BenchTablet, run: string): Promise<number> {
  const { files, bad, partials } = await verifyStoredFiles(tablet.page);
  if (bad.length > 0 || partials > 0) throw new Error(`${run}: ${bad.length} file(s) not stored whole and sealed; ${partials} partial(s) left`);
  return files;
}

async function cleanRun(browser: Browser, url: string) {
  const tablet = await signedInTablet(browser, url, DEMO_ORGANISER);
  await openVisit(tablet);
  tablet.meter.reset();
  const started = performance.now();
  await tablet.page.getByRole('button', { name: /get ready for offline use/i }).click();
  await tablet.page.getByText(/ready to use offline/i).first().waitFor({ timeout: READY_TIMEOUT_MS });
  const msToReady = performance.now() - started;
  const visit = (await visitOnTablet(tablet, PERSON))!;
  const files = await expectVerified(tablet, 'clean run');
  const transferred = tablet.meter.total();
  await tablet.close();
  return { msToReady, packBytes: visit.bytesTotal, files, transferred };
}

async function cutRun(browser: Browser, url: string) {
  const tablet = await signedInTablet(browser, url, DEMO_ORGANISER);
  await openVisit(tablet);
  tablet.meter.reset();
  await tablet.page.getByRole('button', { name: /get ready for offline use/i }).click();
  const atCut = await waitForVisit(tablet, (v) => v.bytesTotal > 0 && v.bytesStored > v.bytesTotal / 2);
  await tablet.link('offline');
  const cutAt = performance.now();
  const failed = await waitForVisit(tablet, (v) => v.packStatus === 'failed');
  const msToNotice = performance.now() - cutAt;
  await tablet.link('throttled');
  await tablet.page.getByRole('button', { name: /try again/i }).click();
  await tablet.page.getByText(/ready to use offline/i).first().waitFor({ timeout: READY_TIMEOUT_MS });
  await expectVerified(tablet, 'cut run');
  const transferred = tablet.meter.total();
  await tablet.close();
  return { storedAtCut: atCut.bytesStored, storedAfterCut: failed.bytesStored, msToNotice, transferred };
}

function buildApp(): void {
  const built = spawnSync(process.execPath, ['scripts/build-if-needed.mjs'], { cwd: REPO, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('building the app failed');
}

const round = (n: number, places = 3) => Math.round(n * 10 ** places) / 10 ** places;

async function main(): Promise<void> {
  buildApp();
  const plan = DEMO_VISITS.find((v) => v.person.firstName === PERSON)!;
  const films = await benchFilms(plan.candidates.length);
  const work = await mkdtemp(path.join(tmpdir(), 'hearth-bench-pack-'));
  const seedDir = path.join(work, 'seed-media');
  await seedMediaWithFilms(DEFAULT_SEED_MEDIA_DIR, seedDir, new Map(plan.candidates.map((name, i) => [filmFileName(name), films[i]!])));
  const server = new ServerProcess({ dataDir: path.join(work, 'data'), env: { SEED_MEDIA_DIR: seedDir } });
  let browser: Browser | null = null;
  try {
    await server.start();
    browser = await launchChromium();
    const clean = await cleanRun(browser, server.url);
    const cut = await cutRun(browser, server.url);
    const idealMs = (clean.packBytes / ((LINK_MBPS * 1_000_000) / 8)) * 1000;
    process.stdout.write(
      `clean: ${clean.files} files verified, ${clean.transferred} bytes over the link in ${Math.round(clean.msToReady)} ms (best possible ${Math.round(idealMs)} ms)\n` +
        `cut: offline at ${cut.storedAtCut} of ${clean.packBytes} bytes stored; noticed in ${Math.round(cut.msToNotice)} ms with ` +
        `${cut.storedAfterCut} bytes kept; resumed and verified; ${cut.transferred} bytes over the link in all\n` +
        `server peak RSS: ${await server.peakRssMb()} MiB\n`,
    );
    const result = {
      packBytes: clean.packBytes,
      linkMbps: LINK_MBPS,
      efficiency: round(idealMs / clean.msToReady),
      resumeWasteRatio: round((cut.transferred - clean.packBytes) / clean.packBytes, 4),
      msToReady: Math.round(clean.msToReady),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await browser?.close().catch(() => undefined);
    await server.stop();
    await rm(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
