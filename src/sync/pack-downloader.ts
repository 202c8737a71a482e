import { packBytes, type PackFile, type VisitPack } from '../domain/visits';
import type { HearthDatabase, LocalVisit } from '../local-db/database';
import { PartialChangedError, receivedBytesOf } from '../local-db/partial-files';
import { checkLocalPersonModeSettings, dropSettledPersonModeSettings } from '../local-db/person-mode-settings';
import { getVisit } from '../local-db/queries';
import { fileIntact, sealPack } from '../local-db/sealed-records';
import { isQuotaError, retryStorageOnce } from '../local-db/storage-errors';
import { DamagedFileError, downloadFile, PART_BYTES, type FileDownloadContext } from './file-download';
import { runFileQueue } from './download-queue';
import { DownloadCutError, UnexpectedFileResponseError } from './file-stream';
import { PackProgress } from './pack-progress';
import { ApiFailure, NetworkFailure, type Transport } from './transport';

export type DownloadResult = { ok: true } | { ok: false; reason: string };

export interface DownloadOptions {
  now?: () => Date;
  /** Free space check; navigator.storage.estimate in the app. */
  estimateStorage?: () => Promise<{ quota?: number; usage?: number } | undefined>;
  /** Bytes saved at a time while a file arrives (default PART_BYTES); smaller in tests. */
  partBytes?: number;
  /** Files fetched at the same time (default FILES_AT_ONCE). */
  filesAtOnce?: number;
}

/**
 * Three files at once: while one file is checked and moved into place the others keep the link busy,
 * and small files ride beside the films (download-queue.ts). Throttled links also tend to give each
 * request less than its share: in Chromium's 20 Mbit/s emulation one fetch gets ~83% of the link, three
 * ~98%. A cut costs no more (each file keeps what arrived) and at most 3 × 2 parts are in memory.
 */
export const FILES_AT_ONCE = 3;

const inFlight = new Map<string, Promise<DownloadResult>>();
const filesInFlight = new Map<string, Promise<void>>();

/**
 * Makes a visit ready for use with no network: stores the pack's records and every file, each checked
 * against the manifest's byte size and SHA-256. The visit is marked ready only when all files are
 * stored and verified. A file already on the tablet (same hash) is not fetched again; one partly
 * downloaded carries on from its saved bytes (file-download.ts). A storage write that fails is tried
 * once more, then reported.
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
  const update = (change: Partial<LocalVisit>) => retryStorageOnce(() => db.visits.update(visitId, change));
  try {
    const visit = await getVisit(db, visitId);
    if (!visit) return { ok: false, reason: 'This visit is not on the tablet. Refresh the list of visits.' };
    // bytesStored is left as it was: a resumed download carries on from there, not from 0.
    await update({ packStatus: 'downloading', packError: null });
    // Settings changed on this tablet win until the office has them. Checked BEFORE the fetch: only a
    // change the office acknowledged before this pack was built can be in it (or overtaken in it).
    const localSettings = await checkLocalPersonModeSettings(db, visit.summary.personId);
    const pack = await transport.fetchPack(visitId);
    const total = packBytes(pack);
    await checkRoom(pack, db, options.estimateStorage);
    const progress = await PackProgress.start(db, visitId, pack);
    // Sealed before the transaction: WebCrypto cannot run inside one.
    const sealed = await sealPack(db, { visitId, pack });
    // One transaction: the person's settings switch from the local ones to the new pack's in one step.
    await retryStorageOnce(() =>
      db.transaction('rw', [db.visits, db.packs, db.personModeSettings, db.outbox], async () => {
        await db.packs.put(sealed);
        await db.visits.update(visitId, { bytesTotal: total, bytesStored: progress.bytesStored() });
        await dropSettledPersonModeSettings(db, localSettings);
      }),
    );

    const context: FileDownloadContext = {
      db,
      transport,
      now,
      partBytes: options.partBytes ?? PART_BYTES,
      onReceived: (sha256, bytes) => progress.received(sha256, bytes),
    };
    await runFileQueue(
      pack.files,
      options.filesAtOnce ?? FILES_AT_ONCE,
      async (file) => {
        await downloadOnce(context, file);
        await progress.received(file.sha256, file.bytes);
      },
      // A damaged file does not stop the others: they are worth having for the next try.
      (error) => error instanceof DamagedFileError,
    );

    // Ready only if every file is really there now, checked in the same transaction that says so.
    return await retryStorageOnce(() =>
      db.transaction('rw', db.visits, db.files, async () => {
        const missing = await missingFiles(db, pack);
        if (missing.length > 0) throw new Error(`${missing.length} file(s) went missing while downloading.`);
        await db.visits.update(visitId, { packStatus: 'ready', bytesStored: total, readyAt: now().toISOString(), packError: null });
        return { ok: true } as const;
      }),
    );
  } catch (error) {
    const reason = describe(error);
    // The reason is returned either way; if the tablet cannot even note it, the visit still is not ready.
    await update({ packStatus: 'failed', packError: reason }).catch(() => undefined);
    return { ok: false, reason };
  }
}

const isStored = async (db: HearthDatabase, file: PackFile) => (await db.files.get(file.sha256))?.bytes === file.bytes;

/**
 * One download per file at a time, across visits: two visits with the same carer share her film, and
 * two writers appending to one partial would each see the other's parts as a conflict.
 */
async function downloadOnce(context: FileDownloadContext, file: PackFile): Promise<void> {
  for (let running = filesInFlight.get(file.sha256); running; running = filesInFlight.get(file.sha256)) {
    await running.catch(() => undefined);
  }
  const run = (async () => {
    if (!(await isStored(context.db, file))) await downloadFile(context, file);
  })().finally(() => filesInFlight.delete(file.sha256));
  filesInFlight.set(file.sha256, run);
  return run;
}

class NotEnoughRoomError extends Error {}

async function checkRoom(pack: VisitPack, db: HearthDatabase, estimate: DownloadOptions['estimateStorage']): Promise<void> {
  const result = await estimate?.().catch(() => undefined);
  if (!result || result.quota === undefined || result.usage === undefined) return;
  let needed = 0;
  for (const file of pack.files) if (!(await isStored(db, file))) needed += file.bytes - (await receivedBytesOf(db, file));
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
    if (!stored || !fileIntact(stored, file.bytes)) missing.push(file);
  }
  return missing;
}

function describe(error: unknown): string {
  if (error instanceof NetworkFailure || error instanceof ApiFailure) return error.message;
  if (error instanceof DamagedFileError || error instanceof NotEnoughRoomError) return error.message;
  if (error instanceof DownloadCutError || error instanceof UnexpectedFileResponseError || error instanceof PartialChangedError) {
    return error.message;
  }
  if (isQuotaError(error)) return 'The tablet ran out of storage space. Remove old visits or free some space, then try again.';
  return `The download stopped: ${error instanceof Error ? error.message : String(error)}`;
}
