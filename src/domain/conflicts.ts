import { z } from 'zod';
import { UuidSchema } from './ids';
import { VisitDecisionSchema } from './visits';

export const ConflictKindSchema = z.enum(['different-outcomes', 'shortlist-changed']);
export type ConflictKind = z.infer<typeof ConflictKindSchema>;

/** One answer a conflict is about, as a tablet sent it: what a decision shows, and who the person was shown. */
export const ConflictAnswerSchema = VisitDecisionSchema.pick({
  eventId: true,
  outcome: true,
  chosenCarerFirstName: true,
  decidedAt: true,
  deviceLabel: true,
})
  .extend({
    /** The first names of the carers the person was shown. */
    shownFirstNames: z.array(z.string()),
  })
  .strict();
export type ConflictAnswer = z.infer<typeof ConflictAnswerSchema>;

/**
 * A visit the office must look at because tablets' records disagree (GET /api/conflicts). Both records
 * are kept; a person in the office resolves it, and that is recorded too.
 */
export const ConflictSchema = z
  .object({
    id: UuidSchema,
    visitId: UuidSchema,
    personFirstName: z.string(),
    kind: ConflictKindSchema,
    /** In plain words: "Two tablets sent different answers", "Chosen from a shortlist the office has since changed". */
    summary: z.string(),
    /** The answer that raised it, then (different outcomes) the one it disagrees with. */
    answers: z.array(ConflictAnswerSchema).min(1).max(2),
    /** The carers on the visit's shortlist now. */
    shortlistFirstNames: z.array(z.string()),
    createdAt: z.string(),
    resolvedAt: z.string().nullable(),
    /** Null while open, and when it closed because a tablet withdrew one of the answers. */
    resolvedByName: z.string().nullable(),
    /** The answer the office said stands (different outcomes only). */
    keptEventId: UuidSchema.nullable(),
    note: z.string().nullable(),
  })
  .strict();
export type Conflict = z.infer<typeof ConflictSchema>;
export const ConflictListSchema = z.object({ conflicts: z.array(ConflictSchema) }).strict();
export const ConflictListQuerySchema = z.object({ state: z.enum(['open', 'resolved']).default('open') }).strict();

export const CONFLICT_NOTE_MAX_CHARS = 500;

/**
 * POST /api/conflicts/:id/resolve. Two different answers need `keepEventId` (the one that stands);
 * the note says why, or what the office did.
 */
export const ResolveConflictRequestSchema = z
  .object({
    keepEventId: UuidSchema.optional(),
    note: z.string().trim().min(1, 'say what was decided, in a few words').max(CONFLICT_NOTE_MAX_CHARS),
  })
  .strict();
export type ResolveConflictRequest = z.infer<typeof ResolveConflictRequestSchema>;
export const ResolveConflictResponseSchema = z.object({ conflict: ConflictSchema }).strict();

/** PUT /api/visits/:id/shortlist: the office changes the carers a visit will show, and says why. */
export const ChangeShortlistRequestSchema = z
  .object({
    carerIds: z
      .array(UuidSchema)
      .min(1, 'choose at least one care worker')
      .max(4, 'choose at most four care workers')
      .refine((ids) => new Set(ids).size === ids.length, 'a care worker is listed twice'),
    reason: z.string().trim().min(1, 'say why the shortlist changes').max(CONFLICT_NOTE_MAX_CHARS),
  })
  .strict();
export type ChangeShortlistRequest = z.infer<typeof ChangeShortlistRequestSchema>;
