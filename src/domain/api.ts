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
  /** Too many wrong passwords for this account or from this address: wait (Retry-After says how long). */
  'too-many-attempts',
  /** The right password, but an admin has switched this account off. */
  'account-disabled',
  /** This tablet was removed from the organisation (lost or stolen): it must wipe itself now. */
  'device-revoked',
  /** Visit packs go only onto tablets an organiser or admin has enrolled. */
  'device-not-enrolled',
  'internal',
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>;

export const ApiErrorSchema = z
  .object({
    error: z.object({ code: ApiErrorCodeSchema, message: z.string(), ids: z.array(z.string()).optional() }).strict(),
    /** Sent with 'device-revoked': the tablet deletes everything Hearth stored on it. */
    wipe: z.literal(true).optional(),
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

export const PASSWORD_MIN_CHARS = 10;
export const NewPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_CHARS, `must be at least ${PASSWORD_MIN_CHARS} characters`)
  .max(200, 'must be at most 200 characters');

/** PUT /api/session/password: anyone signed in changes their own password, knowing the current one. */
export const ChangePasswordRequestSchema = z.object({ currentPassword: z.string().min(1, 'must not be empty').max(200), newPassword: NewPasswordSchema }).strict();
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequestSchema>;

/**
 * POST /api/carers/:id/account: an organiser gives a care worker their own login, with a first password
 * to hand over in person; the care worker changes it after signing in.
 */
export const NewCareWorkerAccountSchema = z
  .object({
    name: z.string().trim().min(1, 'must not be empty').max(100),
    email: z.string().trim().toLowerCase().email('must be an email address').max(200),
    password: NewPasswordSchema,
  })
  .strict();
export type NewCareWorkerAccount = z.infer<typeof NewCareWorkerAccountSchema>;

/** What a signed-in user may do: admins manage their organisation's accounts and devices, organisers run the office, managers read reports, a care worker keeps their own profile. */
export const RoleSchema = z.enum(['admin', 'organiser', 'manager', 'care-worker']);
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
