import { rm } from 'node:fs/promises';
import type { UploadKind } from '../../domain/media-uploads';
import type { Db } from '../database/db';
import { mediaFilePath, storeMediaFile, type StoredFile } from './media-store';

/** The carer's columns each kind of upload fills. Fixed SQL per kind: nothing from a request reaches it. */
function carerUpdateSql(kind: UploadKind): string {
  switch (kind) {
    case 'film':
      return 'update carers set film_sha256 = $3, poster_sha256 = $4, updated_at = now() where organisation_id = $1 and id = $2';
    case 'photo':
      return 'update carers set photo_sha256 = $3, updated_at = now() where organisation_id = $1 and id = $2';
    case 'voice-appreciated':
      return 'update carers set voice_appreciated_sha256 = $3, updated_at = now() where organisation_id = $1 and id = $2';
    case 'voice-matters':
      return 'update carers set voice_matters_sha256 = $3, updated_at = now() where organisation_id = $1 and id = $2';
  }
}

export interface MadeFiles {
  /** The MP4, JPEG or M4A made from the upload; its extension gives its type. */
  result: string;
  /** Films only: the poster frame (.jpg). */
  poster?: string;
}

/**
 * Copies the made files into the media directory, then, in ONE transaction, adds their media rows, points
 * the carer at them and runs `finish` (the job's own row). If anything fails, files this call added to the
 * media directory that no media row names are removed again: nothing is left half-stored.
 */
export async function storeResults(
  db: Db,
  mediaDir: string,
  target: { organisationId: string; carerId: string; kind: UploadKind },
  made: MadeFiles,
  finish: (tx: Db, result: StoredFile, poster: StoredFile | null) => Promise<void>,
  /** Runs once the files are copied, before the commit: whoever sees the job done sees the work files gone. */
  afterCopy: () => Promise<void> = async () => undefined,
): Promise<{ result: StoredFile; poster: StoredFile | null }> {
  const stored: StoredFile[] = [];
  try {
    const result = await storeMediaFile(mediaDir, made.result);
    stored.push(result);
    const poster = made.poster ? await storeMediaFile(mediaDir, made.poster) : null;
    if (poster) stored.push(poster);
    await afterCopy();
    await db.transaction(async (tx) => {
      for (const file of stored) {
        await tx.query(
          `insert into media (organisation_id, sha256, bytes, type, path) values ($1, $2, $3, $4, $5)
           on conflict (organisation_id, sha256) do nothing`,
          [target.organisationId, file.sha256, file.bytes, file.type, file.path],
        );
      }
      const params = [target.organisationId, target.carerId, result.sha256, ...(target.kind === 'film' ? [poster?.sha256 ?? null] : [])];
      const updated = await tx.query<{ id: string }>(`${carerUpdateSql(target.kind)} returning id`, params);
      if (updated.length !== 1) throw new Error(`carer ${target.carerId} is no longer in organisation ${target.organisationId}`);
      await finish(tx, result, poster);
    });
    return { result, poster };
  } catch (error) {
    await removeUnreferenced(db, mediaDir, stored);
    throw error;
  }
}

async function removeUnreferenced(db: Db, mediaDir: string, files: StoredFile[]): Promise<void> {
  for (const file of files) {
    const rows = await db.query('select 1 from media where path = $1 limit 1', [file.path]).catch(() => [{}]);
    const filePath = mediaFilePath(mediaDir, file.path);
    if (rows.length === 0 && filePath) await rm(filePath, { force: true });
  }
}
