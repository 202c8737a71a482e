import { z } from 'zod';
import { UuidSchema } from './ids';

/** Every API error body. `code` is for programs, `message` is a sentence a person can act on. */
export const ApiErrorCodeSchema = z.enum([
  'invalid-request',
  'not-signed-in',
  'wrong-login',
  'not-found',
  'conflicting-event',
  /** The office re-ran a match on its own data and got a different result from the one the organiser saw. */
  'match-changed',
  /** A record lacks details an action needs, e.g. a person with no visit times cannot be matched. */
  'missing-details',
  'range-not-satisfiable',
  /** Someone else saved the record after this edit began: nothing was overwritten. */
  'profile-changed',
  /** Signed in, but this role may not do this (a care worker outside their own profile). */
  'not-allowed',
  /** An upload is not what it says it is, judged by its content (a renamed text file, a truncated film). */
  'invalid-file',
  'file-too-large',
  'film-too-long',
  /** The server has no ffmpeg: films cannot be made ready, so they are not taken. */
  'ffmpeg-missing',
  'internal',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>;

export const ApiErrorSchema = z
  .object({
    error: z.object({ code: ApiErrorCodeSchema, message: z.string(), ids: z.array(z.string()).optional() }).strict(),
  })
  .strict();
export type ApiError = z.infer<typeof ApiErrorSchema>;

/** POST /api/session */
export const LoginRequestSchema = z
  .object({
    email: z.string().trim().toLowerCase().email('must be an email address').max(200),
    password: z.string().min(1, 'must not be empty').max(200),
  })
  .strict();
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

/** What a signed-in user may do: organisers run the office; a care worker keeps their own profile. */
export const RoleSchema = z.enum(['organiser', 'care-worker']);
export type Role = z.infer<typeof RoleSchema>;

/** GET /api/session and the answer to a successful login. */
export const SessionInfoSchema = z
  .object({
    user: z
      .object({
        id: UuidSchema,
        name: z.string(),
        email: z.string(),
        role: RoleSchema,
        /** A care worker's own carer record. */
        carerId: UuidSchema.optional(),
      })
      .strict(),
    organisation: z
      .object({
        id: UuidSchema,
        name: z.string(),
        /** Hours a visit's pack stays on the tablet once the office has its outcome (absent from older answers: 24). */
        packRetentionHours: z.number().int().min(1).max(2160).default(24),
      })
      .strict(),
  })
  .strict();
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

export const HealthSchema = z.object({ ok: z.literal(true) }).strict();
