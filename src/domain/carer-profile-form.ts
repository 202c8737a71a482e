import { z } from 'zod';
import { Sha256Schema, UuidSchema } from './ids';
import { GenderSchema, GeoPointSchema, TimeWindowSchema } from './matching/scenario';

const line = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const list = (item: number, most: number, what: string) => z.array(line(item)).max(most, `can have at most ${most} ${what}`);

export const CARER_APPRECIATED_MAX = 6;
export const CARER_MATTERS_COUNT = 3;

/**
 * A care worker's one-page profile as they or an organiser write it (PUT /api/carers/:id/profile), with
 * the facts matching needs. The same schema checks the form in the app and the request on the server.
 * `updatedAt` is when the profile they started from was saved: a save over someone else's newer one is
 * refused rather than silently overwriting it.
 */
export const CarerProfileFormSchema = z
  .object({
    firstName: line(40),
    /** "What people appreciate about me". */
    appreciated: z
      .array(line(200))
      .min(1, 'needs at least one thing people appreciate')
      .max(CARER_APPRECIATED_MAX, `can have at most ${CARER_APPRECIATED_MAX} things`),
    /** "What matters to me": three things. */
    mattersToMe: z.array(line(200)).length(CARER_MATTERS_COUNT, 'must list exactly three things'),
    interests: list(60, 20, 'interests'),
    qualities: list(40, 12, 'qualities'),
    languages: list(40, 10, 'languages'),
    skills: list(60, 30, 'skills'),
    gender: GenderSchema,
    drives: z.boolean(),
    /** Where they start from, in words, e.g. "Bispham, Blackpool". */
    baseArea: line(120),
    base: GeoPointSchema.strict(),
    /** How far from their base they travel, in km; null for the usual range (more for drivers). */
    travelKm: z.number().positive('must be more than 0').max(200, 'must be at most 200 km').nullable(),
    // Strict here (scenario files may carry extra columns; a request may not): unknown keys are refused, not dropped.
    availability: z.array(TimeWindowSchema.strict()).min(1, 'needs at least one time they can work').max(50, 'can have at most 50 times'),
  })
  .strict();
export type CarerProfileForm = z.infer<typeof CarerProfileFormSchema>;

/** What is recorded so far, complete or not: the form starts from this. */
export const CarerProfileDraftSchema = z
  .object({
    firstName: z.string(),
    appreciated: z.array(z.string()),
    mattersToMe: z.array(z.string()),
    interests: z.array(z.string()),
    qualities: z.array(z.string()),
    languages: z.array(z.string()),
    skills: z.array(z.string()),
    gender: GenderSchema,
    drives: z.boolean(),
    baseArea: z.string(),
    base: GeoPointSchema.strict(),
    travelKm: z.number().nullable(),
    availability: z.array(TimeWindowSchema),
  })
  .partial()
  .strict();
export type CarerProfileDraft = z.infer<typeof CarerProfileDraftSchema>;

export const SaveCarerProfileRequestSchema = z
  .object({ profile: CarerProfileFormSchema, basedOnUpdatedAt: z.string().datetime({ offset: true }) })
  .strict();
export type SaveCarerProfileRequest = z.infer<typeof SaveCarerProfileRequestSchema>;

/** What stops a profile from being shown to a person choosing a carer. */
export const ShowBlockerSchema = z.enum(['profile', 'photo', 'film', 'consent']);
export type ShowBlocker = z.infer<typeof ShowBlockerSchema>;

/**
 * Whether a person may be shown this profile, and if not, everything still missing, in the order a
 * care worker would do it: the profile, their photo, their film, then their agreement.
 */
export function showBlockers(carer: { profileComplete: boolean; photo: string | null; film: string | null; consentGivenAt: string | null }): ShowBlocker[] {
  const blockers: ShowBlocker[] = [];
  if (!carer.profileComplete) blockers.push('profile');
  if (carer.photo === null) blockers.push('photo');
  if (carer.film === null) blockers.push('film');
  if (carer.consentGivenAt === null) blockers.push('consent');
  return blockers;
}

/** A carer as the office lists them (GET /api/carers). */
export const CarerSummarySchema = z
  .object({
    id: UuidSchema,
    firstName: z.string(),
    /** The rostering system's id, when they came from an import. */
    externalRef: z.string().nullable(),
    blockers: z.array(ShowBlockerSchema),
    hasAccount: z.boolean(),
    updatedAt: z.string(),
  })
  .strict();
export type CarerSummary = z.infer<typeof CarerSummarySchema>;
export const CarerListSchema = z.object({ carers: z.array(CarerSummarySchema) }).strict();

/**
 * One carer's profile for the editor (GET /api/carers/:id/profile). `profile` is null until it has been
 * completed once (a carer added by the office or imported from the rota starts with facts only, in `draft`).
 */
export const CarerProfileViewSchema = z
  .object({
    id: UuidSchema,
    /** Everything recorded so far, complete or not, to start the form from. */
    draft: CarerProfileDraftSchema,
    profileComplete: z.boolean(),
    photo: Sha256Schema.nullable(),
    film: Sha256Schema.nullable(),
    poster: Sha256Schema.nullable(),
    captions: Sha256Schema.nullable(),
    consentGivenAt: z.string().nullable(),
    blockers: z.array(ShowBlockerSchema),
    /** The care worker has a login of their own. */
    hasAccount: z.boolean(),
    updatedAt: z.string(),
  })
  .strict();
export type CarerProfileView = z.infer<typeof CarerProfileViewSchema>;

export const NewCarerRequestSchema = z.object({ firstName: line(40) }).strict();
export type NewCarerRequest = z.infer<typeof NewCarerRequestSchema>;

/** PUT /api/carers/:id/consent: only the care worker themselves can agree or withdraw. */
export const ConsentRequestSchema = z.object({ agreed: z.boolean() }).strict();
export type ConsentRequest = z.infer<typeof ConsentRequestSchema>;
