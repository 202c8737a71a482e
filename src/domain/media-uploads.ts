import { z } from 'zod';
import { ApiErrorCodeSchema } from './api';
import { Sha256Schema, UuidSchema } from './ids';

/** Where the tablet sends films, photos and voice recordings, resumably (the tus protocol). */
export const UPLOADS_PATH = '/api/uploads';
/** Set on the answer to an upload's last request: the job that makes the file ready (GET /api/media-jobs/:id). */
export const MEDIA_JOB_HEADER = 'hearth-media-job';

/** What an upload is for: the carer's one-minute film, their photo, or one section of their profile read aloud. */
export const UploadKindSchema = z.enum(['film', 'photo', 'voice-appreciated', 'voice-matters']);
export type UploadKind = z.infer<typeof UploadKindSchema>;

/** The tus Upload-Metadata an upload must carry (each value base64 on the wire, as tus does). */
export const UploadMetadataSchema = z
  .object({
    carerId: UuidSchema,
    kind: UploadKindSchema,
    /** Only for messages and the log: a file's kind is judged by its content, never by its name. */
    filename: z.string().trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters'),
  })
  .strict();
export type UploadMetadata = z.infer<typeof UploadMetadataSchema>;

const MB = 1024 * 1024;

export interface UploadLimit {
  maxBytes: number;
  /** Films and voices only: the longest recording taken. */
  maxSeconds?: number;
  /** Photos only: larger images are refused before they are decoded. */
  maxPixels?: number;
}

export const UPLOAD_LIMITS: Record<UploadKind, UploadLimit> = {
  film: { maxBytes: 500 * MB, maxSeconds: 90 },
  photo: { maxBytes: 20 * MB, maxPixels: 40_000_000 },
  'voice-appreciated': { maxBytes: 20 * MB, maxSeconds: 180 },
  'voice-matters': { maxBytes: 20 * MB, maxSeconds: 180 },
};

/** Films and voices are made ready with ffmpeg; photos are not. */
export function needsFfmpeg(kind: UploadKind): boolean {
  return kind !== 'photo';
}

export function describeUploadKind(kind: UploadKind): string {
  switch (kind) {
    case 'film':
      return 'film';
    case 'photo':
      return 'photo';
    case 'voice-appreciated':
    case 'voice-matters':
      return 'recording';
  }
}

/** The same sentence on the tablet (checked before sending) and from the office (checked at the start of an upload). */
export function tooLargeMessage(kind: UploadKind, bytes: number): string {
  const limit = UPLOAD_LIMITS[kind].maxBytes;
  return `This ${describeUploadKind(kind)} is ${Math.ceil(bytes / MB)} MB; Hearth takes at most ${limit / MB} MB. Choose a shorter or smaller file.`;
}

/** Where a job that makes an upload ready has got to. */
export const MediaJobStateSchema = z.enum(['queued', 'processing', 'done', 'failed']);
export type MediaJobState = z.infer<typeof MediaJobStateSchema>;

/** GET /api/media-jobs/:id and GET /api/media-jobs?uploadId=… */
export const MediaJobSchema = z
  .object({
    id: UuidSchema,
    carerId: UuidSchema,
    kind: UploadKindSchema,
    uploadId: z.string(),
    state: MediaJobStateSchema,
    /** 0..1, of the transcode (photos go straight to 1). */
    progress: z.number().min(0).max(1),
    /** When state is 'failed': why, in words a care worker can act on. */
    error: z.object({ code: ApiErrorCodeSchema, message: z.string() }).strict().optional(),
    /** When done: the stored file (the MP4, the photo's JPEG or the voice's M4A). */
    resultSha256: Sha256Schema.optional(),
    /** Films only, when done: the poster frame (JPEG). */
    posterSha256: Sha256Schema.optional(),
    createdAt: z.string(),
    startedAt: z.string().optional(),
    finishedAt: z.string().optional(),
  })
  .strict();
export type MediaJob = z.infer<typeof MediaJobSchema>;

export function isFinished(state: MediaJobState): boolean {
  switch (state) {
    case 'queued':
    case 'processing':
      return false;
    case 'done':
    case 'failed':
      return true;
  }
}
