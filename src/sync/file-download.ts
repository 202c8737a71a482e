import type { PackFile } from '../domain/visits';
import type { HearthDatabase } from '../local-db/database';
import { appendPart, assemblePartial, completePartial, discardPartial, restartPartial, resumePoint } from '../local-db/partial-files';
import { DownloadCutError, UnexpectedFileResponseError } from './file-stream';
import { sha256Hex } from './hash';
import { ApiFailure, type FileStream, type Transport } from './transport';

/**
 * Bytes kept in memory before they are saved as one part. Only an app that is closed mid-part loses
 * them (a cut connection saves what arrived); 1 MiB is under half a second of a 20 Mbit/s link.
 */
export const PART_BYTES = 1024 * 1024;

export interface FileDownloadContext {
  db: HearthDatabase;
  transport: Transport;
  now: () => Date;
  partBytes: number;
  /** Told how many bytes of the file are on the tablet after each save (0 when it starts again). */
  onReceived: (sha256: string, receivedBytes: number) => Promise<void>;
}

export class DamagedFileError extends Error {
  constructor() {
    super('A file did not arrive intact. Try again where the signal is better.');
    this.name = 'DamagedFileError';
  }
}

/**
 * Gets one file into `files`, verified against the manifest's size and SHA-256. It is fetched as one
 * streamed request whose bytes are saved in parts as they arrive, and resumed with a Range request
 * from the bytes already saved. Wrong bytes are thrown away and fetched once more, then reported.
 */
export async function downloadFile(ctx: FileDownloadContext, file: PackFile): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (await receive(ctx, file)) {
      // Only now is the whole file hashed: a part on its own cannot be checked.
      const blob = await assemblePartial(ctx.db, file);
      if (blob.size === file.bytes && (await sha256Hex(blob)) === file.sha256) {
        await completePartial(ctx.db, file, blob, ctx.now());
        return;
      }
    }
    await discardPartial(ctx.db, file.sha256);
    await ctx.onReceived(file.sha256, 0);
    if (attempt >= 2) throw new DamagedFileError();
  }
}

/**
 * Receives the rest of the file into its partial. True when every promised byte is saved; false when
 * the office is sending something else (another size, or more bytes than promised). Throws
 * DownloadCutError when the bytes stop early, keeping what did arrive.
 */
async function receive(ctx: FileDownloadContext, file: PackFile): Promise<boolean> {
  let received = await resumePoint(ctx.db, file, ctx.now());
  if (received === file.bytes) return true; // all here before the app closed: only the check is left
  const body = await open(ctx, file, received);
  if (body.totalBytes !== null && body.totalBytes !== file.bytes) {
    await body.cancel();
    return false;
  }
  if (body.start !== received) {
    if (body.start !== 0) {
      await body.cancel();
      throw new UnexpectedFileResponseError();
    }
    // The office ignored the Range and sent the whole file: this file starts again.
    await restartPartial(ctx.db, file, ctx.now());
    await ctx.onReceived(file.sha256, 0);
    received = 0;
  }

  const saver = new PartSaver(ctx, file, received);
  let complete = true;
  try {
    for await (const chunk of body.chunks) {
      if (!saver.add(chunk)) {
        complete = false; // leaving the loop cancels the response
        break;
      }
      if (saver.pendingBytes >= ctx.partBytes) await saver.flush();
    }
  } catch (error) {
    // Keep what arrived before the cut, so the next try asks only for the rest. The cut is what is
    // reported; a storage error while saving was already retried and is thrown as it is.
    if (!saver.saveFailed) await saver.finish().catch(() => undefined);
    throw error;
  }
  if (!complete) {
    await saver.finish().catch(() => undefined); // the bytes are wrong anyway: just let the writes end
    return false;
  }
  await saver.finish();
  if (saver.receivedBytes < file.bytes) throw new DownloadCutError();
  return true;
}

async function open(ctx: FileDownloadContext, file: PackFile, received: number): Promise<FileStream> {
  try {
    return await ctx.transport.streamFile(file.sha256, received);
  } catch (error) {
    // 416: the office's file ends before the bytes kept here do, so they are not of this file.
    if (received > 0 && error instanceof ApiFailure && error.status === 416) {
      await restartPartial(ctx.db, file, ctx.now());
      await ctx.onReceived(file.sha256, 0);
      return ctx.transport.streamFile(file.sha256, 0);
    }
    throw error;
  }
}

/**
 * Collects arriving bytes and saves them as the file's next parts. A part is written while the next
 * one arrives: waiting for each write would stop reading, and a stream that is not read stops
 * arriving (one film alone then gets only ~80% of the link). At most two parts are in memory.
 */
class PartSaver {
  private pending: Uint8Array<ArrayBuffer>[] = [];
  pendingBytes = 0;
  saveFailed = false;
  /** The end of the bytes handed to writes so far (saved, or being saved). */
  private queuedEnd: number;
  private writing: Promise<void> | null = null;

  constructor(
    private readonly ctx: FileDownloadContext,
    private readonly file: PackFile,
    /** Bytes of the file saved on the tablet. */
    public receivedBytes: number,
  ) {
    this.queuedEnd = receivedBytes;
  }

  /** False (and nothing kept) when the bytes would run past the size the manifest promises. */
  add(chunk: Uint8Array<ArrayBuffer>): boolean {
    if (this.queuedEnd + this.pendingBytes + chunk.length > this.file.bytes) return false;
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    return true;
  }

  /** Starts writing what has been collected, once the previous write has ended (its failure is thrown here). */
  async flush(): Promise<void> {
    if (this.writing) await this.writing;
    if (this.pendingBytes === 0) return;
    const blob = new Blob(this.pending, { type: this.file.type });
    const offset = this.queuedEnd;
    this.queuedEnd += this.pendingBytes;
    this.pending = [];
    this.pendingBytes = 0;
    this.writing = this.write(offset, blob);
    // Awaited by the next flush or by finish; marked handled so a failure is not reported twice.
    this.writing.catch(() => undefined);
  }

  /** Writes what is left and waits until every write has ended. */
  async finish(): Promise<void> {
    await this.flush();
    await this.writing;
  }

  private async write(offset: number, blob: Blob): Promise<void> {
    try {
      this.receivedBytes = await appendPart(this.ctx.db, this.file.sha256, offset, blob, this.ctx.now());
    } catch (error) {
      this.saveFailed = true;
      throw error;
    }
    await this.ctx.onReceived(this.file.sha256, this.receivedBytes);
  }
}
