import { z } from 'zod';
import { ShowBlockerSchema } from './carer-profile-form';
import { UuidSchema } from './ids';
import { ScenarioSchema } from './matching/scenario';

/** One person the organiser can match carers for (GET /api/people). */
export const PersonForMatchingSchema = z
  .object({
    id: UuidSchema,
    firstName: z.string().min(1),
    age: z.number().int().min(0).max(130),
    /** Where a home visit to them happens, e.g. "Hilda’s home, Bispham, Blackpool". */
    place: z.string().min(1),
  })
  .strict();
export type PersonForMatching = z.infer<typeof PersonForMatchingSchema>;

export const PeopleListSchema = z.object({ people: z.array(PersonForMatchingSchema) }).strict();

/**
 * What the matching screen runs the engine on (GET /api/people/:id/match-inputs): the person and every
 * care worker of the organisation, as a Scenario (staff carry their display names).
 */
export const MatchInputsSchema = z
  .object({
    person: PersonForMatchingSchema,
    scenario: ScenarioSchema,
    /**
     * Care workers left out because their profile may not be shown yet, with what is missing: a profile
     * not finished (its matching details, such as base and gender, are part of it), photo, film or agreement.
     */
    notShowable: z.array(z.object({ id: UuidSchema, name: z.string(), blockers: z.array(ShowBlockerSchema) }).strict()).default([]),
  })
  .strict();
export type MatchInputs = z.infer<typeof MatchInputsSchema>;

/**
 * What the organiser saw, so the office can tell whether its own re-run agrees: the ranked carers in
 * order with their ranks, and the ids of those excluded (sorted). Plain ids rather than a hash, so a
 * disagreement can be explained and no hashing code is needed in the domain.
 */
export const MatchSeenSchema = z
  .object({
    ranked: z.array(z.object({ carerId: UuidSchema, rank: z.number().int().min(1) }).strict()).max(100_000),
    excluded: z.array(UuidSchema).max(100_000),
  })
  .strict();
export type MatchSeen = z.infer<typeof MatchSeenSchema>;

export const PASSED_OVER_REASON_MIN_CHARS = 3;
export const PASSED_OVER_REASON_MAX_CHARS = 500;

export const PassedOverReasonSchema = z
  .object({
    carerId: UuidSchema,
    reason: z
      .string()
      .trim()
      .min(PASSED_OVER_REASON_MIN_CHARS, `must say why, in at least ${PASSED_OVER_REASON_MIN_CHARS} characters`)
      .max(PASSED_OVER_REASON_MAX_CHARS, `must be at most ${PASSED_OVER_REASON_MAX_CHARS} characters`),
  })
  .strict();
export type PassedOverReason = z.infer<typeof PassedOverReasonSchema>;

export const SHORTLIST_MIN = 3;
export const SHORTLIST_MAX = 4;

const distinct = (ids: readonly string[]) => new Set(ids).size === ids.length;

/** POST /api/match-runs: plan a home visit from a match run. */
export const PlanVisitRequestSchema = z
  .object({
    personId: UuidSchema,
    plannedAt: z.string().datetime({ offset: true }),
    place: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
    /** Carer ids in the order the person will see them. */
    shortlist: z
      .array(UuidSchema)
      .min(SHORTLIST_MIN, `must name at least ${SHORTLIST_MIN} care workers`)
      .max(SHORTLIST_MAX, `must name at most ${SHORTLIST_MAX} care workers`)
      .refine(distinct, 'must not name a care worker twice'),
    passedOver: z
      .array(PassedOverReasonSchema)
      .max(100_000)
      .refine((reasons) => distinct(reasons.map((r) => r.carerId)), 'must give one reason per care worker'),
    seen: MatchSeenSchema,
  })
  .strict();
export type PlanVisitRequest = z.infer<typeof PlanVisitRequestSchema>;

/** The office's answer (409 'match-changed') when its own re-run disagrees with what the organiser saw. */
export const MATCH_CHANGED_MESSAGE = "The carers' details changed since you ran the match. Run it again.";

export const PlanVisitResponseSchema = z.object({ visitId: UuidSchema, matchRunId: UuidSchema }).strict();
export type PlanVisitResponse = z.infer<typeof PlanVisitResponseSchema>;

const EvidenceCarerSchema = z.object({ carerId: UuidSchema, name: z.string(), rank: z.number().int().min(1) }).strict();

/** How a visit's shortlist was made (GET /api/visits/:id/match-run). */
export const MatchRunEvidenceSchema = z
  .object({
    matchRunId: UuidSchema,
    visitId: UuidSchema,
    personFirstName: z.string(),
    runBy: z.string(),
    runAt: z.string().datetime({ offset: true }),
    funnel: z
      .object({
        considered: z.number().int().min(0),
        available: z.number().int().min(0),
        goodFit: z.number().int().min(0),
        ranked: z.number().int().min(0),
      })
      .strict(),
    shortlist: z.array(EvidenceCarerSchema),
    passedOver: z.array(EvidenceCarerSchema.extend({ reason: z.string() }).strict()),
  })
  .strict();
export type MatchRunEvidence = z.infer<typeof MatchRunEvidenceSchema>;
