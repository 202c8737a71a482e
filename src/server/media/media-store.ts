import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PackFile } from '../../domain/visits';
import { Sha256Schema } from '../../domain/ids';

const TYPES_BY_EXTENSION: Record<string, PackFile['type']> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.mp4': 'video/mp4',
  '.m4a': 'audio/mp4',
  '.vtt': 'text/vtt',
};

export function mediaTypeOf(fileName: string): PackFile['type'] {
  const type = TYPES_BY_EXTENSION[path.extname(fileName).toLowerCase()];
  if (!type) throw new Error(`Hearth does not know what kind of file ${fileName} is.`);
  return type;
}

export interface StoredFile {
  sha256: string;
  bytes: number;
  type: PackFile['type'];
  /** Relative to the media directory. */
  path: string;
}

/**
 * Copies a file into the media directory under its SHA-256, hashing and counting as it copies
 * (films are never read into memory whole). The copy is renamed into place only when complete.
 */
export async function storeMediaFile(mediaDir: string, sourcePath: string): Promise<StoredFile> {
  await mkdir(mediaDir, { recursive: true });
  const temporary = path.join(mediaDir, `.incoming-${randomUUID()}`);
  const hash = createHash('sha256');
  let bytes = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(createReadStream(sourcePath), measure, createWriteStream(temporary));
    const sha256 = hash.digest('hex');
    await rename(temporary, path.join(mediaDir, sha256));
    return { sha256, bytes, type: mediaTypeOf(sourcePath), path: sha256 };
  } finally {
    await rm(temporary, { force: true });
  }
}

/**
 * The absolute path of a stored file, or null if the name is not a plain SHA-256: only such names are
 * ever joined to the media directory, so no request can reach a file outside it.
 */
export function mediaFilePath(mediaDir: string, relativePath: string): string | null {
  if (!Sha256Schema.safeParse(relativePath).success) return null;
  return path.join(mediaDir, relativePath);
}

export async function fileSize(filePath: string): Promise<number | null> {
  try {
    const info = await stat(filePath);
    return info.isFile() ? info.size : null;
  } catch {
    return null;
  }
}
