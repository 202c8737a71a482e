import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { captionsToWebVtt, webVttToCaptionLines, type CaptionCue } from '../../domain/captions';
import type { Db } from '../database/db';
import { mediaFilePath, storeMediaFile } from '../media/media-store';

/** The carer's captions as typed lines ('' when they have none), or null when the organisation has no such carer. */
export async function loadCaptionLines(db: Db, mediaDir: string, organisationId: string, carerId: string): Promise<string | null> {
  const rows = await db.query<{ path: string | null }>(
    `select m.path from carers c left join media m on m.organisation_id = c.organisation_id and m.sha256 = c.captions_sha256
      where c.organisation_id = $1 and c.id = $2`,
    [organisationId, carerId],
  );
  if (!rows[0]) return null;
  const file = rows[0].path && mediaFilePath(mediaDir, rows[0].path);
  if (!file) return '';
  return webVttToCaptionLines(await readFile(file, 'utf8'));
}

/**
 * Saves the captions as a WebVTT file in the media store (content-addressed, like every file a tablet
 * downloads) and points the carer at it; no cues clears them. False when there is no such carer.
 */
export async function saveCaptions(db: Db, mediaDir: string, organisationId: string, carerId: string, cues: readonly CaptionCue[]): Promise<boolean> {
  if (cues.length === 0) {
    const cleared = await db.query<{ id: string }>('update carers set captions_sha256 = null where organisation_id = $1 and id = $2 returning id', [
      organisationId,
      carerId,
    ]);
    return cleared.length > 0;
  }
  const exists = await db.query('select 1 from carers where organisation_id = $1 and id = $2', [organisationId, carerId]);
  if (exists.length === 0) return false;
  await mkdir(mediaDir, { recursive: true });
  const typed = path.join(mediaDir, `.captions-${randomUUID()}.vtt`);
  await writeFile(typed, captionsToWebVtt(cues), 'utf8');
  try {
    const stored = await storeMediaFile(mediaDir, typed);
    return await db.transaction(async (tx) => {
      await tx.query(
        `insert into media (organisation_id, sha256, bytes, type, path) values ($1, $2, $3, $4, $5)
         on conflict (organisation_id, sha256) do nothing`,
        [organisationId, stored.sha256, stored.bytes, stored.type, stored.path],
      );
      const updated = await tx.query('update carers set captions_sha256 = $3 where organisation_id = $1 and id = $2 returning id', [
        organisationId,
        carerId,
        stored.sha256,
      ]);
      return updated.length > 0;
    });
  } finally {
    await rm(typed, { force: true });
  }
}
