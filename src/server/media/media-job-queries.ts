import type { ApiErrorCode } from '../../domain/api';
import type { MediaJob, MediaJobState, UploadKind } from '../../domain/media-uploads';
import type { SessionAuth } from '../auth/sessions';
import type { Db } from '../database/db';

interface JobRow {
  id: string;
  carer_id: string;
  kind: UploadKind;
  upload_id: string;
  state: MediaJobState;
  progress: number;
  error_code: ApiErrorCode | null;
  error_message: string | null;
  result_sha256: string | null;
  poster_sha256: string | null;
  created_at: Date | string;
  started_at: Date | string | null;
  finished_at: Date | string | null;
}

const COLUMNS = `id, carer_id, kind, upload_id, state, progress, error_code, error_message, result_sha256, poster_sha256,
  created_at, started_at, finished_at`;

export interface NewJob {
  id: string;
  organisationId: string;
  carerId: string;
  kind: UploadKind;
  uploadId: string;
  createdBy: string;
}

export async function insertQueuedJob(db: Db, job: NewJob): Promise<void> {
  await db.query(
    `insert into media_jobs (id, organisation_id, carer_id, kind, upload_id, state, created_by) values ($1, $2, $3, $4, $5, 'queued', $6)`,
    [job.id, job.organisationId, job.carerId, job.kind, job.uploadId, job.createdBy],
  );
}

/** A photo is made while its upload finishes: its job is born done. */
export async function insertDoneJob(db: Db, job: NewJob, resultSha256: string): Promise<void> {
  await db.query(
    `insert into media_jobs (id, organisation_id, carer_id, kind, upload_id, state, progress, created_by, started_at, finished_at, result_sha256)
     values ($1, $2, $3, $4, $5, 'done', 1, $6, now(), now(), $7)`,
    [job.id, job.organisationId, job.carerId, job.kind, job.uploadId, job.createdBy, resultSha256],
  );
}

export async function markProcessing(db: Db, jobId: string): Promise<void> {
  await db.query(`update media_jobs set state = 'processing', started_at = clock_timestamp() where id = $1 and state = 'queued'`, [jobId]);
}

export async function setProgress(db: Db, jobId: string, progress: number): Promise<void> {
  await db.query(`update media_jobs set progress = $2 where id = $1 and state = 'processing'`, [jobId, Math.max(0, Math.min(1, progress))]);
}

export async function markDone(db: Db, jobId: string, resultSha256: string, posterSha256: string | null): Promise<void> {
  await db.query(
    `update media_jobs set state = 'done', progress = 1, finished_at = clock_timestamp(), result_sha256 = $2, poster_sha256 = $3 where id = $1`,
    [jobId, resultSha256, posterSha256],
  );
}

export async function markFailed(db: Db, jobId: string, code: ApiErrorCode, message: string): Promise<void> {
  await db.query(
    `update media_jobs set state = 'failed', finished_at = clock_timestamp(), error_code = $2, error_message = $3 where id = $1 and state in ('queued', 'processing')`,
    [jobId, code, message],
  );
}

/**
 * Jobs a server process left unfinished when it died without stopping (a graceful stop marks its own):
 * no process is working on them any more. Only those older than `minutes`, so a second process's fresh
 * jobs are left alone.
 */
export async function failAbandonedJobs(db: Db, minutes = 60): Promise<number> {
  const rows = await db.query<{ id: string }>(
    `update media_jobs set state = 'failed', finished_at = clock_timestamp(), error_code = 'internal',
            error_message = 'The office server stopped before this was ready. Send it again.'
      where state in ('queued', 'processing') and created_at < now() - make_interval(mins => $1::int)
      returning id`,
    [minutes],
  );
  return rows.length;
}

/** A job the session may see: any in its organisation for an organiser, only their own carer's for a care worker. */
export async function findJob(db: Db, auth: SessionAuth, where: { id: string } | { uploadId: string }): Promise<MediaJob | null> {
  const [column, value] = 'id' in where ? ['id', where.id] : ['upload_id', where.uploadId];
  const rows = await db.query<JobRow>(
    `select ${COLUMNS} from media_jobs
      where organisation_id = $1 and ${column} = $2 and ($3::uuid is null or carer_id = $3)
      order by created_at desc limit 1`,
    [auth.organisationId, value, auth.role === 'organiser' ? null : auth.carerId],
  );
  return rows[0] ? toMediaJob(rows[0]) : null;
}

function toMediaJob(row: JobRow): MediaJob {
  return {
    id: row.id,
    carerId: row.carer_id,
    kind: row.kind,
    uploadId: row.upload_id,
    state: row.state,
    progress: Number(row.progress),
    ...(row.error_code && row.error_message ? { error: { code: row.error_code, message: row.error_message } } : {}),
    ...(row.result_sha256 ? { resultSha256: row.result_sha256 } : {}),
    ...(row.poster_sha256 ? { posterSha256: row.poster_sha256 } : {}),
    createdAt: iso(row.created_at),
    ...(row.started_at ? { startedAt: iso(row.started_at) } : {}),
    ...(row.finished_at ? { finishedAt: iso(row.finished_at) } : {}),
  };
}

const iso = (value: Date | string): string => new Date(value).toISOString();
