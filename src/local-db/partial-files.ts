import Dexie from 'dexie';
import type { HearthDatabase, PartialFileRecord, StoredFile } from './database';
import { fileFromParts, openPart, partBytes, sealPart } from './sealed-records';
import { retryStorageOnce } from './storage-errors';

/** What the manifest promises about a file: the truth a partial download is checked against. */
export interface ExpectedFile {
  sha256: string;
  type: string;
  bytes: number;
}

/** Someone else (another tab, or a download of another visit with the same file) changed this partial meanwhile. */
export class PartialChangedError extends Error {
  constructor() {
    super('The file changed on the tablet while it was downloading. Try again.');
    this.name = 'PartialChangedError';
  }
}

function partsOf(db: HearthDatabase, sha256: string) {
  return db.partialParts.where('[sha256+offset]').between([sha256, Dexie.minKey], [sha256, Dexie.maxKey]);
}

async function partsAddUp(db: HearthDatabase, partial: PartialFileRecord): Promise<boolean> {
  let next = 0;
  for (const part of await partsOf(db, partial.sha256).toArray()) {
    if (part.offset !== next) return false;
    next += partBytes(part);
  }
  return next === partial.receivedBytes;
}

/**
 * How many bytes of the file are already on the tablet, to resume from. A partial that does not fit
 * the manifest (another size or type), or whose parts do not add up, is thrown away: the manifest is
 * the truth. Starts an empty partial when there is none.
 */
export function resumePoint(db: HearthDatabase, file: ExpectedFile, now: Date): Promise<number> {
  return retryStorageOnce(() =>
    db.transaction('rw', db.partialFiles, db.partialParts, async () => {
      const partial = await db.partialFiles.get(file.sha256);
      const fits = partial && partial.expectedBytes === file.bytes && partial.type === file.type && partial.receivedBytes <= file.bytes;
      if (fits && (await partsAddUp(db, partial))) return partial.receivedBytes;
      await partsOf(db, file.sha256).delete();
      await db.partialFiles.put({ sha256: file.sha256, type: file.type, expectedBytes: file.bytes, receivedBytes: 0, updatedAt: now.toISOString() });
      return 0;
    }),
  );
}

/** Forgets what arrived of a file and starts it again from byte 0 (the office sent the whole file, or the bytes were wrong). */
export function restartPartial(db: HearthDatabase, file: ExpectedFile, now: Date): Promise<void> {
  return retryStorageOnce(() =>
    db.transaction('rw', db.partialFiles, db.partialParts, async () => {
      await partsOf(db, file.sha256).delete();
      await db.partialFiles.put({ sha256: file.sha256, type: file.type, expectedBytes: file.bytes, receivedBytes: 0, updatedAt: now.toISOString() });
    }),
  );
}

/**
 * Saves the next bytes of a file. The part and the new byte count are written in one transaction, and
 * only if the partial still ends exactly where this part starts: no gap, no overlap, ever.
 */
export async function appendPart(db: HearthDatabase, sha256: string, offset: number, blob: Blob, now: Date): Promise<number> {
  // Sealed before the transaction: one part (at most PART_BYTES) is in memory twice, never the file.
  const part = await sealPart(db, sha256, offset, blob);
  return retryStorageOnce(() =>
    db.transaction('rw', db.partialFiles, db.partialParts, async () => {
      const partial = await db.partialFiles.get(sha256);
      if (!partial || partial.receivedBytes !== offset) throw new PartialChangedError();
      await db.partialParts.put(part);
      const receivedBytes = offset + blob.size;
      await db.partialFiles.update(sha256, { receivedBytes, updatedAt: now.toISOString() });
      return receivedBytes;
    }),
  );
}

/** Every byte received so far, opened, as one Blob of the file's type (to be hashed before it is kept). */
export async function assemblePartial(db: HearthDatabase, file: ExpectedFile): Promise<Blob> {
  const parts = await partsOf(db, file.sha256).toArray();
  const plain: Blob[] = [];
  for (const part of parts) plain.push(await openPart(db, part));
  return new Blob(plain, { type: file.type });
}

/**
 * Moves a verified file into `files` and deletes its partial, in one transaction: the file is either
 * still partial or complete, never both and never neither. The file keeps its parts' sealed bytes as
 * they are (nothing is encrypted again); `blob` is the plain file that was verified, used only when a
 * part was stored before version 5, in clear.
 */
export function completePartial(db: HearthDatabase, file: ExpectedFile, blob: Blob, now: Date): Promise<void> {
  const meta: Omit<StoredFile, 'blob'> = { sha256: file.sha256, type: file.type, bytes: file.bytes, storedAt: now.toISOString() };
  return retryStorageOnce(() =>
    db.transaction('rw', db.files, db.partialFiles, db.partialParts, async () => {
      const partial = await db.partialFiles.get(file.sha256);
      if (!partial || partial.receivedBytes !== file.bytes) throw new PartialChangedError();
      const parts = await partsOf(db, file.sha256).toArray();
      const stored = parts.every((p) => p.sealed) ? fileFromParts(meta, parts) : { ...meta, blob };
      await db.files.put(stored);
      await partsOf(db, file.sha256).delete();
      await db.partialFiles.delete(file.sha256);
    }),
  );
}

/** Deletes what was received of these files, inside the caller's transaction (it must include both partial tables). */
export async function forgetPartials(db: HearthDatabase, sha256s: readonly string[]): Promise<void> {
  for (const sha256 of sha256s) await partsOf(db, sha256).delete();
  await db.partialFiles.bulkDelete([...sha256s]);
}

export function discardPartial(db: HearthDatabase, sha256: string): Promise<void> {
  return retryStorageOnce(() =>
    db.transaction('rw', db.partialFiles, db.partialParts, async () => {
      await partsOf(db, sha256).delete();
      await db.partialFiles.delete(sha256);
    }),
  );
}

/** Bytes already received of a file that is still partial (0 when none), for progress and the room check. */
export async function receivedBytesOf(db: HearthDatabase, file: ExpectedFile): Promise<number> {
  const partial = await db.partialFiles.get(file.sha256);
  return partial && partial.expectedBytes === file.bytes ? partial.receivedBytes : 0;
}
