import { z } from 'zod';
import { UuidSchema } from './ids';

/** One thing the office must do after a visit: GET /api/follow-ups, shared by the office and the app. */
export const FollowUpSchema = z
  .object({
    id: UuidSchema,
    visitId: UuidSchema,
    /** The outcome event it came from. */
    eventId: UuidSchema,
    personFirstName: z.string(),
    kind: z.enum(['none-of-these', 'not-sure-yet', 'meet-first']),
    /** In plain words: "Asked to meet Sam and Grace first", "Not sure yet", "None of these". */
    summary: z.string(),
    meetFirstCarerIds: z.array(UuidSchema),
    /** When the person decided, as the tablet recorded it. */
    decidedAt: z.string(),
    /** When the office received the outcome and opened this follow-up. */
    createdAt: z.string(),
    resolvedAt: z.string().nullable(),
    /** Null while open, and when it closed because the outcome was withdrawn on the tablet. */
    resolvedByName: z.string().nullable(),
    note: z.string().nullable(),
  })
  .strict();
export type FollowUp = z.infer<typeof FollowUpSchema>;
export const FollowUpListSchema = z.object({ followUps: z.array(FollowUpSchema) }).strict();

/** GET /api/follow-ups?state=…: the open ones (oldest first) or the resolved ones (newest first). */
export const FollowUpStateSchema = z.enum(['open', 'resolved']);
export type FollowUpState = z.infer<typeof FollowUpStateSchema>;
export const FollowUpListQuerySchema = z.object({ state: FollowUpStateSchema.default('open') }).strict();

/** Resolved follow-ups are a record of recent work, not an archive: the list stops at this many. */
export const RESOLVED_FOLLOW_UPS_LIMIT = 50;

export const FOLLOW_UP_NOTE_MAX_CHARS = 500;

/** POST /api/follow-ups/:id/resolve. The note says what the office did: "Booked Sam to visit on Tuesday". */
export const ResolveFollowUpRequestSchema = z
  .object({ note: z.string().trim().max(FOLLOW_UP_NOTE_MAX_CHARS).optional() })
  .strict();
export type ResolveFollowUpRequest = z.infer<typeof ResolveFollowUpRequestSchema>;
export const ResolveFollowUpResponseSchema = z.object({ followUp: FollowUpSchema }).strict();
