import { randomUUID } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { ApiErrorCode } from '../../domain/api';
import type { UploadKind } from '../../domain/media-uploads';
import type { Db } from '../database/db';
import { HttpError } from '../http/api-error';
import { checkUploadContent, ffmpegMissing } from './check-upload';
import { insertDoneJob, insertQueuedJob, markDone, markFailed, markProcessing, setProgress, type NewJob } from './media-job-queries';
import type { MediaTools } from './media-tools';
import { OneAtATime } from './one-at-a-time';
import { makeStoredPhoto } from './photo';
import { storeResults } from './store-results';
import { filmArguments, posterArguments, runFfmpeg, voiceArguments } from './transcode';

/** An upload that has all its bytes, with who sent it and for whom. */
export interface FinishedUpload {
  uploadId: string;
  /** The tus upload's bytes. */
  filePath: string;
  organisationId: string;
  carerId: string;
  kind: UploadKind;
  filename: string;
  createdBy: string;
  /** Deletes the tus upload (bytes and its record). */
  removeUpload: () => Promise<void>;
}

export interface MediaProcessorDeps {
  db: Db;
  mediaDir: string;
  /** Work files (transcodes in progress) go in here, next to the tus uploads. */
  uploadsDir: string;
  tools: () => Promise<MediaTools>;
  log?: (message: string, error?: unknown) => void;
}

const PROGRESS_WRITE_MS = 500;

/**
 * What happens once an upload is complete: its content is checked at once (a refusal is the upload's
 * answer), a photo is made there and then, and a film or voice joins the one-at-a-time ffmpeg queue.
 */
export class MediaProcessor {
  private readonly queue: OneAtATime;

  constructor(private readonly deps: MediaProcessorDeps) {
    this.queue = new OneAtATime((error) => deps.log?.('a media job failed unexpectedly', error));
  }

  /**
   * Returns the job's id, or throws an HttpError saying why the file was refused. `keepUpload` is true when a
   * queued job now owns the upload's bytes (and deletes them when it ends); otherwise the caller deletes them.
   */
  async finishUpload(upload: FinishedUpload): Promise<{ jobId: string; keepUpload: boolean }> {
    const tools = await this.deps.tools();
    const checked = await checkUploadContent(upload.kind, upload.filePath, upload.filename, tools);
    const job: NewJob = {
      id: randomUUID(),
      organisationId: upload.organisationId,
      carerId: upload.carerId,
      kind: upload.kind,
      uploadId: upload.uploadId,
      createdBy: upload.createdBy,
    };

    if (upload.kind === 'photo') {
      await this.withWorkDir(job.id, async (workDir) => {
        const photo = path.join(workDir, 'photo.jpg');
        await makeStoredPhoto(upload.filePath, photo);
        await storeResults(
          this.deps.db,
          this.deps.mediaDir,
          upload,
          { result: photo },
          (tx, result) => insertDoneJob(tx, job, result.sha256),
          () => rm(workDir, { recursive: true, force: true }),
        );
      });
      return { jobId: job.id, keepUpload: false };
    }

    if (!tools) throw ffmpegMissing(upload.kind);
    await insertQueuedJob(this.deps.db, job);
    this.queue.add((signal) => this.transcode(job, upload, tools, checked.durationSeconds, signal));
    return { jobId: job.id, keepUpload: true };
  }

  /** Stops the running ffmpeg and fails every job still waiting (each says to send the file again). */
  close(): Promise<void> {
    return this.queue.close();
  }

  private async transcode(job: NewJob, upload: FinishedUpload, tools: NonNullable<MediaTools>, durationSeconds: number, signal: AbortSignal): Promise<void> {
    const { db } = this.deps;
    try {
      if (signal.aborted) throw new StoppedError();
      await markProcessing(db, job.id);
      await this.withWorkDir(job.id, async (workDir) => {
        const isFilm = job.kind === 'film';
        const result = path.join(workDir, isFilm ? 'film.mp4' : 'voice.m4a');
        const poster = path.join(workDir, 'poster.jpg');
        let lastWrite = 0;
        let writing: Promise<void> = Promise.resolve();
        const onProgress = (fraction: number) => {
          const now = Date.now();
          if (now - lastWrite < PROGRESS_WRITE_MS) return;
          lastWrite = now;
          // Progress written one after another, and finished before the job's last update.
          writing = writing.then(() => setProgress(db, job.id, fraction * (isFilm ? 0.95 : 1))).catch(() => undefined);
        };
        const options = { ffmpeg: tools.ffmpeg, source: upload.filePath, output: result, durationSeconds, onProgress, signal };
        await runFfmpeg(options, isFilm ? filmArguments(upload.filePath, result) : voiceArguments(upload.filePath, result)).catch(stoppedOr(signal));
        if (isFilm) await runFfmpeg({ ...options, onProgress: undefined }, posterArguments(result, poster, durationSeconds)).catch(stoppedOr(signal));
        await writing;
        if (signal.aborted) throw new StoppedError();
        // The original goes as soon as it is transcoded: a job seen done has left no upload or work files behind.
        await upload.removeUpload();
        await storeResults(
          db,
          this.deps.mediaDir,
          upload,
          { result, ...(isFilm ? { poster } : {}) },
          (tx, stored, storedPoster) => markDone(tx, job.id, stored.sha256, storedPoster?.sha256 ?? null),
          () => rm(workDir, { recursive: true, force: true }),
        );
      });
    } catch (error) {
      const { code, message } = describeFailure(job.kind, error);
      if (!(error instanceof StoppedError)) this.deps.log?.(`media job ${job.id} failed`, error);
      // Gone before the job says failed, like the work files (withWorkDir has removed them by now).
      await upload.removeUpload().catch(() => undefined);
      await markFailed(db, job.id, code, message).catch((e: unknown) => this.deps.log?.(`media job ${job.id} could not be marked failed`, e));
    }
  }

  private async withWorkDir<T>(jobId: string, work: (dir: string) => Promise<T>): Promise<T> {
    const dir = path.join(this.deps.uploadsDir, `work-${jobId}`);
    await mkdir(dir, { recursive: true });
    try {
      return await work(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}

class StoppedError extends Error {
  override name = 'StoppedError';
}

const stoppedOr = (signal: AbortSignal) => (error: unknown) => {
  throw signal.aborted ? new StoppedError() : error;
};

function describeFailure(kind: UploadKind, error: unknown): { code: ApiErrorCode; message: string } {
  const what = kind === 'film' ? 'film' : 'recording';
  if (error instanceof HttpError) return { code: error.code, message: error.message };
  if (error instanceof StoppedError) return { code: 'internal', message: `The office server stopped before this ${what} was ready. Send it again.` };
  return { code: 'invalid-file', message: `Hearth could not make this ${what} ready: ffmpeg stopped part-way through it. Send it again; if that fails too, record it again.` };
}
