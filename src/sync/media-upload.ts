import { DefaultHttpStack, DetailedError, Upload, type HttpStack } from 'tus-js-client';
import { ApiErrorSchema, type ApiErrorCode } from '../domain/api';
import { isFinished, MEDIA_JOB_HEADER, MediaJobSchema, UPLOADS_PATH, type MediaJob, type UploadKind, type UploadMetadata } from '../domain/media-uploads';
import { ApiFailure, NetworkFailure } from './transport';

/**
 * Films, photos and voices go to the office by tus (resumable): tus-js-client's own HTTP (XHR in the
 * browser), not transport.ts, because it must send in chunks, resume after a dropped connection and report
 * bytes as they leave. A file started again after a reload resumes where it stopped (tus-js-client keeps
 * each upload's address in localStorage, keyed by the file's name, type, size and date).
 */
export type UploadFile = ConstructorParameters<typeof Upload>[0];

export interface MediaUploadOptions {
  carerId: string;
  kind: UploadKind;
  file: UploadFile;
  /** Shown in the office's messages ("film.mp4 is not a film"); the office judges the file by its content. */
  filename: string;
  /** 0..1 of the bytes sent. */
  onProgress?: (fraction: number) => void;
  /** '' in the app (same origin); the server's address in Node. */
  baseUrl?: string;
  /** Extra headers on every request (Node has no cookie jar: tests pass the session cookie). */
  headers?: Record<string, string>;
  /** Stops the upload (it can be resumed later by starting it again). */
  signal?: AbortSignal;
  /** Bytes per PATCH; large films in several requests so a dropped connection loses little. Default 8 MB. */
  chunkSize?: number;
}

export interface SentUpload {
  uploadId: string;
  /** The job making the file ready: poll it with waitForMediaJob. */
  jobId: string;
}

const DEFAULT_CHUNK_BYTES = 8 * 1024 * 1024;
const MAX_UNREACHABLE_POLLS = 10;

/** Sends the file; resolves once the office has every byte and has accepted the content, or rejects with ApiFailure / NetworkFailure. */
export function uploadMedia(options: MediaUploadOptions): Promise<SentUpload> {
  const baseUrl = options.baseUrl ?? '';
  const metadata: UploadMetadata = { carerId: options.carerId, kind: options.kind, filename: options.filename };
  return new Promise((resolve, reject) => {
    const upload = new Upload(options.file, {
      endpoint: `${baseUrl}${UPLOADS_PATH}`,
      metadata,
      headers: options.headers ?? {},
      chunkSize: options.chunkSize ?? DEFAULT_CHUNK_BYTES,
      retryDelays: [0, 1000, 3000, 5000, 10000],
      removeFingerprintOnSuccess: true,
      onProgress: (sent, total) => options.onProgress?.(total > 0 ? sent / total : 0),
      onSuccess: ({ lastResponse }) => {
        const uploadId = (upload.url ?? '').split('/').pop() ?? '';
        const jobId = lastResponse.getHeader(MEDIA_JOB_HEADER);
        if (jobId) resolve({ uploadId, jobId });
        else {
          // Resumed an upload that had already finished: its answer (with the job) was lost; ask for it.
          findJobByUpload(baseUrl, uploadId, options.headers).then((job) => resolve({ uploadId, jobId: job.id }), reject);
        }
      },
      onError: (error) => reject(failureOf(error)),
    });
    options.signal?.addEventListener(
      'abort',
      () => {
        void upload.abort();
        reject(new DOMException('The upload was stopped; start it again to resume.', 'AbortError'));
      },
      { once: true },
    );
    void upload.findPreviousUploads().then((previous) => {
      const resumable = previous.find((p) => p.metadata.carerId === options.carerId && p.metadata.kind === options.kind);
      if (resumable) upload.resumeFromPreviousUpload(resumable);
      upload.start();
    }, () => upload.start());
  });
}

export interface WaitOptions {
  baseUrl?: string;
  headers?: Record<string, string>;
  onProgress?: (job: MediaJob) => void;
  /** Between polls. Default 1 s. */
  intervalMs?: number;
  signal?: AbortSignal;
}

/** Polls the job until it is done (resolves with it) or failed (rejects with ApiFailure carrying the office's reason). */
export async function waitForMediaJob(jobId: string, options: WaitOptions = {}): Promise<MediaJob> {
  let unreachable = 0;
  for (;;) {
    let job: unknown;
    try {
      job = await getJson(`${options.baseUrl ?? ''}/api/media-jobs/${encodeURIComponent(jobId)}`, options.headers);
      unreachable = 0;
    } catch (error) {
      // A moment without signal does not stop the office's work: keep asking for a while.
      if (!(error instanceof NetworkFailure) || ++unreachable > MAX_UNREACHABLE_POLLS) throw error;
      await sleep(options.intervalMs ?? 1000, options.signal);
      continue;
    }
    const parsed = MediaJobSchema.parse(job);
    options.onProgress?.(parsed);
    if (isFinished(parsed.state)) {
      if (parsed.state === 'failed') throw new ApiFailure(422, parsed.error?.code ?? 'internal', parsed.error?.message ?? 'The file could not be made ready. Send it again.');
      return parsed;
    }
    await sleep(options.intervalMs ?? 1000, options.signal);
  }
}

async function findJobByUpload(baseUrl: string, uploadId: string, headers?: Record<string, string>): Promise<MediaJob> {
  return MediaJobSchema.parse(await getJson(`${baseUrl}/api/media-jobs?uploadId=${encodeURIComponent(uploadId)}`, headers));
}

// The same HTTP as the uploads (XHR in the browser), so the session cookie and the base URL behave the same.
const http: HttpStack = new DefaultHttpStack({});

async function getJson(url: string, headers: Record<string, string> = {}): Promise<unknown> {
  const request = http.createRequest('GET', url);
  for (const [name, value] of Object.entries(headers)) request.setHeader(name, value);
  let response;
  try {
    response = await request.send(null);
  } catch {
    throw new NetworkFailure();
  }
  const body = response.getBody();
  if (response.getStatus() >= 400) throw apiFailure(response.getStatus(), body);
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new ApiFailure(response.getStatus(), 'unexpected-response', 'The office sent an answer Hearth does not understand.');
  }
}

function failureOf(error: Error): Error {
  if (error instanceof DetailedError && error.originalResponse) {
    return apiFailure(error.originalResponse.getStatus(), error.originalResponse.getBody());
  }
  return new NetworkFailure();
}

function apiFailure(status: number, body: string): ApiFailure {
  try {
    const parsed = ApiErrorSchema.parse(JSON.parse(body));
    return new ApiFailure(status, parsed.error.code, parsed.error.message, parsed.error.ids ?? []);
  } catch {
    const code: ApiErrorCode | 'unexpected-response' = 'unexpected-response';
    return new ApiFailure(status, code, `The office could not take the file (${status}). Try again.`);
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new DOMException('Stopped', 'AbortError'));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(new DOMException('Stopped', 'AbortError'))), { once: true });
  });
}
