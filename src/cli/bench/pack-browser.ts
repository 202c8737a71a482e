import type { Browser, CDPSession, Page } from 'playwright-core';
import { SEALED_BYTES_OVERHEAD } from '../../local-db/data-key';

export const LINK_MBPS = 20;
/** A good 4G or home line: small, but every request still pays it. */
const LINK_LATENCY_MS = 20;
const LINK_BYTES_PER_SECOND = (LINK_MBPS * 1_000_000) / 8;

/**
 * Bytes the page received over the network, per request, from CDP: the data as it arrives (so a
 * request cut off part way still counts what it carried) or the total when it finishes, whichever is
 * more. Chromium reports body and encoded lengths in separate events, so each is summed on its own.
 */
class ByteMeter {
  private readonly byRequest = new Map<string, { data: number; encoded: number; finished: number }>();

  constructor(cdp: CDPSession) {
    const of = (id: string) => this.byRequest.get(id) ?? this.byRequest.set(id, { data: 0, encoded: 0, finished: 0 }).get(id)!;
    cdp.on('Network.dataReceived', (e) => {
      const request = of(e.requestId);
      request.data += e.dataLength;
      request.encoded += e.encodedDataLength;
    });
    cdp.on('Network.loadingFinished', (e) => {
      of(e.requestId).finished = e.encodedDataLength;
    });
  }

  reset(): void {
    this.byRequest.clear();
  }

  total(): number {
    let sum = 0;
    for (const r of this.byRequest.values()) sum += Math.max(r.data, r.encoded, r.finished);
    return sum;
  }
}

export interface BenchTablet {
  page: Page;
  meter: ByteMeter;
  /** Switches the emulated link: throttled to LINK_MBPS, or off altogether. */
  link: (state: 'throttled' | 'offline') => Promise<void>;
  close: () => Promise<void>;
  /** Each planned visit's id by the person's first name, read from the office once at sign-in: on the tablet the names are sealed. */
  visitIds: ReadonlyMap<string, string>;
}

/** A fresh tablet (its own IndexedDB), signed in as the organiser, with the link throttled from then on. */
export async function signedInTablet(browser: Browser, url: string, login: { email: string; password: string }): Promise<BenchTablet> {
  // No service worker: its precache download would share the throttled link with the pack.
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel(/email/i).fill(login.email);
  await page.getByLabel(/password/i).fill(login.password);
  await page.getByRole('button', { name: /sign in/i }).click();
  await page.getByRole('heading', { level: 1, name: /planned visits/i }).waitFor();
  // The context's own request client: it sends the page's cookies.
  const visits = (await (await page.request.get(new URL('/api/visits', url).href)).json()) as { visits: { id: string; personFirstName: string }[] };
  const visitIds = new Map(visits.visits.map((v) => [v.personFirstName, v.id]));

  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const meter = new ByteMeter(cdp);
  const link = async (state: 'throttled' | 'offline') => {
    await cdp.send('Network.emulateNetworkConditions', {
      offline: state === 'offline',
      latency: LINK_LATENCY_MS,
      downloadThroughput: LINK_BYTES_PER_SECOND,
      uploadThroughput: LINK_BYTES_PER_SECOND,
    });
  };
  await link('throttled');
  return { page, meter, link, close: () => context.close(), visitIds };
}

export interface VisitOnTablet {
  packStatus: string;
  bytesStored: number;
  bytesTotal: number;
}

/** The visit's record straight from the app's IndexedDB (not the screen), by the person's first name. */
/** The visit's pack state on the tablet, by its id (the fields read are kept in clear; the summary is sealed). */
export function visitOnTablet(tablet: BenchTablet, firstName: string): Promise<VisitOnTablet | null> {
  const visitId = tablet.visitIds.get(firstName);
  if (!visitId) throw new Error(`No planned visit for ${firstName}.`);
  return tablet.page.evaluate(
    (id) =>
      new Promise<VisitOnTablet | null>((resolve, reject) => {
        const open = indexedDB.open('hearth');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('visits').objectStore('visits').get(id);
          request.onsuccess = () => {
            open.result.close();
            const visit = request.result as VisitOnTablet | undefined;
            resolve(visit ? { packStatus: visit.packStatus, bytesStored: visit.bytesStored, bytesTotal: visit.bytesTotal } : null);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    visitId,
  );
}

/**
 * Checks every stored file in the page: how many there are, and which are not whole. Files are stored
 * sealed (encrypted piece by piece, each piece its plain size plus IV and tag), so the page cannot hash
 * them without the in-memory key; the app itself checked each file's SHA-256 before it was stored. Here:
 * the pieces add up to the file's size, the stored Blob is exactly those pieces sealed, and what is stored
 * is not the plain file (its SHA-256 must differ).
 */
export function verifyStoredFiles(page: Page): Promise<{ files: number; bad: string[]; partials: number }> {
  // No named functions inside: tsx would wrap them in a helper that does not exist in the page.
  return page.evaluate(async (overhead) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('hearth');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const [files, partials] = await Promise.all(
      ['files', 'partialFiles'].map(
        (store) =>
          new Promise<{ sha256: string; bytes: number; blob: Blob; pieces?: { bytes: number }[] }[]>((resolve, reject) => {
            const request = db.transaction(store).objectStore(store).getAll();
            request.onsuccess = () => resolve(request.result);
            request.onerror = () => reject(request.error);
          }),
      ),
    );
    const bad: string[] = [];
    for (const file of files!) {
      const pieces = file.pieces ?? [];
      const plainBytes = pieces.reduce((sum, p) => sum + p.bytes, 0);
      const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await file.blob.arrayBuffer()));
      const hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
      const whole = plainBytes === file.bytes && file.blob.size === plainBytes + pieces.length * overhead;
      if (!whole || hex === file.sha256) bad.push(file.sha256);
    }
    db.close();
    return { files: files!.length, bad, partials: partials!.length };
  }, SEALED_BYTES_OVERHEAD);
}
