import { packBytes, type PackFile, type VisitPack } from '../domain/visits';
import type { HearthDatabase, LocalVisit } from '../local-db/database';
import { checkLocalPersonModeSettings, dropSettledPersonModeSettings } from '../local-db/person-mode-settings';
import { sha256Hex } from './hash';
import { ApiFailure, NetworkFailure, type Transport } from './transport';

export type DownloadResult = { ok: true } | { ok: false; reason: string };

export interface DownloadOptions {
  now?: () => Date;
  /** Free space check; navigator.storage.estimate in the app. */
  estimateStorage?: () => Promise<{ quota?: number; usage?: number } | undefined>;
}

const inFlight = new Map<string, Promise<DownloadResult>>();

/**
 * Makes a visit ready for use with no network: stores the pack's records and every file, each checked
 * against the manifest's byte size and SHA-256. The visit is marked ready only when all files are
 * stored and verified. A file already on the tablet (same hash) is not fetched again.
 * One download per visit at a time: a second call joins the first. Storing the pack may end a local
 * person-mode settings override the office has caught up with (see PersonModeSettingsRecord).
 */
export function downloadVisitPack(
  db: HearthDatabase,
  transport: Transport,
  visitId: string,
  options: DownloadOptions = {},
): Promise<DownloadResult> {
  const running = inFlight.get(visitId);
  if (running) return running;
  const run = download(db, transport, visitId, options).finally(() => inFlight.delete(visitId));
  inFlight.set(visitId, run);
  return run;
}

async function download(db: HearthDatabase, transport: Transport, visitId: string, options: DownloadOptions): Promise<DownloadResult> {
  const now = options.now ?? (() => new Date());
  const update = (change: Partial<LocalVisit>) => db.visits.update(visitId, change);
  try {
    const visit = await db.visits.get(visitId);
    if (!visit) return { ok: false, reason: 'This visit is not on the tablet. Refresh the list of visits.' };
    await update({ packStatus: 'downloading', packError: null, bytesStored: 0 });
    // Settings changed on this tablet win until the office has them. Checked BEFORE the fetch: only a
    // change the office acknowledged before this pack was built can be in it (or overtaken in it).
    const localSettings = await checkLocalPersonModeSettings(db, visit.summary.personId);
    const pack = await transport.fetchPack(visitId);
    const total = packBytes(pack);
    await checkRoom(pack, db, options.estimateStorage);
    // One transaction: the person's settings switch from the local ones to the new pack's in one step.
    await db.transaction('rw', [db.visits, db.packs, db.personModeSettings, db.outbox], async () => {
      await db.packs.put({ visitId, pack });
      await update({ bytesTotal: total });
      await dropSettledPersonModeSettings(db, localSettings);
    });

    let stored = 0;
    for (const file of pack.files) {
      const existing = await db.files.get(file.sha256);
      if (!existing || existing.bytes !== file.bytes) {
        const blob = await fetchVerified(transport, file);
        await db.files.put({ sha256: file.sha256, type: file.type, bytes: file.bytes, blob, storedAt: now().toISOString() });
      }
      stored += file.bytes;
      await update({ bytesStored: stored });
    }

    // Ready only if every file is really there now, checked in the same transaction that says so.
    return await db.transaction('rw', db.visits, db.files, async () => {
      const missing = await missingFiles(db, pack);
      if (missing.length > 0) throw new Error(`${missing.length} file(s) went missing while downloading.`);
      await update({ packStatus: 'ready', bytesStored: total, readyAt: now().toISOString(), packError: null });
      return { ok: true } as const;
    });
  } catch (error) {
    const reason = describe(error);
    await update({ packStatus: 'failed', packError: reason }).catch(() => undefined);
    return { ok: false, reason };
  }
}

async function fetchVerified(transport: Transport, file: PackFile): Promise<Blob> {
  // One retry: a file that arrives damaged twice is reported, not stored.
  for (let attempt = 1; ; attempt++) {
    const received = await transport.fetchFile(file.sha256);
    const blob = new Blob([received], { type: file.type });
    if (blob.size === file.bytes && (await sha256Hex(blob)) === file.sha256) return blob;
    if (attempt >= 2) throw new DamagedFileError();
  }
}

class DamagedFileError extends Error {
  constructor() {
    super('A file did not arrive intact. Try again where the signal is better.');
  }
}

class NotEnoughRoomError extends Error {}

async function checkRoom(pack: VisitPack, db: HearthDatabase, estimate: DownloadOptions['estimateStorage']): Promise<void> {
  const result = await estimate?.().catch(() => undefined);
  if (!result || result.quota === undefined || result.usage === undefined) return;
  let needed = 0;
  for (const file of pack.files) if (!(await db.files.get(file.sha256))) needed += file.bytes;
  const free = result.quota - result.usage;
  if (needed > free) {
    const mb = (n: number) => `${Math.ceil(n / 1_000_000)} MB`;
    throw new NotEnoughRoomError(`There is not enough room on this tablet: the visit needs ${mb(needed)} and ${mb(free)} is free.`);
  }
}

export async function missingFiles(db: HearthDatabase, pack: VisitPack): Promise<PackFile[]> {
  const missing: PackFile[] = [];
  for (const file of pack.files) {
    const stored = await db.files.get(file.sha256);
    if (!stored || stored.bytes !== file.bytes || stored.blob.size !== file.bytes) missing.push(file);
  }
  return missing;
}

function describe(error: unknown): string {
  if (error instanceof NetworkFailure || error instanceof ApiFailure) return error.message;
  if (error instanceof DamagedFileError || error instanceof NotEnoughRoomError) return error.message;
  if (error instanceof Error && error.name === 'QuotaExceededError') {
    return 'The tablet ran out of storage space. Remove old visits or free some space, then try again.';
  }
  return `The download stopped: ${error instanceof Error ? error.message : String(error)}`;
}
