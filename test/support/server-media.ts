import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../src/server/database/db';
import { storeMediaFile } from '../../src/server/media/media-store';
import { DEMO_CARERS } from '../../src/server/seed/demo-carers';
import { captionsFileName, filmFileName, photoFileName, VOICE_SECTIONS, voiceFileName } from '../../src/server/seed/demo-data';

export const FAKE_FILM_BYTES = 256 * 1024;

/** Bytes that differ per name and per position, so a wrong range or a wrong file shows up in a test. */
export function fakeBytes(name: string, length: number): Buffer {
  const seed = createHash('sha256').update(name).digest();
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = (seed[i % seed.length]! + Math.floor(i / seed.length)) % 256;
  return bytes;
}

/** Stand-ins for seed/media: a small "photo", a 256 KB "film", captions and a "voice" per section per demo carer. */
export async function writeFakeSeedMedia(dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const carer of DEMO_CARERS) {
    const photo = photoFileName(carer.firstName);
    const film = filmFileName(carer.firstName);
    await writeFile(path.join(dir, photo), fakeBytes(photo, 2000 + carer.firstName.length));
    await writeFile(path.join(dir, film), fakeBytes(film, FAKE_FILM_BYTES));
    await writeFile(path.join(dir, captionsFileName(carer.firstName)), `WEBVTT\n\n1\n00:00:00.600 --> 00:00:02.000\nHello, I'm ${carer.firstName}.\n`);
    for (const [i, section] of VOICE_SECTIONS.entries()) {
      const voice = voiceFileName(carer.firstName, section);
      await writeFile(path.join(dir, voice), fakeBytes(voice, 3000 + 100 * i + carer.firstName.length));
    }
  }
}

export async function sha256OfFile(filePath: string): Promise<{ sha256: string; bytes: number }> {
  const data = await readFile(filePath);
  return { sha256: createHash('sha256').update(data).digest('hex'), bytes: data.length };
}

/** Stores `bytes` as a media file belonging only to `organisationId`, and returns its SHA-256. */
export async function storeTestMedia(db: Db, mediaDir: string, organisationId: string, name: string, bytes: Buffer): Promise<string> {
  const source = path.join(path.dirname(mediaDir), name);
  await writeFile(source, bytes);
  const stored = await storeMediaFile(mediaDir, source);
  await db.query('insert into media (organisation_id, sha256, bytes, type, path) values ($1, $2, $3, $4, $5)', [
    organisationId,
    stored.sha256,
    stored.bytes,
    stored.type,
    stored.path,
  ]);
  return stored.sha256;
}
