import { z } from 'zod';
import { UuidSchema } from './ids';
import { PersonModeSettingsSchema } from './person-mode';

/** What the person decided. Each is a first-class result; each except 'chosen' makes a follow-up for the office. */
export const OutcomeSchema = z.enum(['chosen', 'none-of-these', 'not-sure-yet', 'meet-first']);
export type Outcome = z.infer<typeof OutcomeSchema>;

/** The neutral three-point scale the person places each carer on. Never tidied or undone by the app. */
export const ReactionSchema = z.enum(['like', 'not-sure', 'not-for-me']);
export type Reaction = z.infer<typeof ReactionSchema>;

/** Who indicated the decision. */
export const IndicatedBySchema = z.enum([
  'person-by-touch',
  'person-by-pointing',
  'person-by-eye-gaze',
  'person-by-gesture',
  'person-with-supporter',
  'family-on-their-behalf',
]);
export type IndicatedBy = z.infer<typeof IndicatedBySchema>;

/** Supports used while deciding. */
export const SupportUsedSchema = z.enum(['audio', 'captions', 'scanning', 'dwell', 'large-text', 'high-contrast', 'welsh']);
export type SupportUsed = z.infer<typeof SupportUsedSchema>;

/** Each support in words, the same on the tablet's form, the evidence page and the outcomes export. */
export const SUPPORT_USED_WORDS: Readonly<Record<SupportUsed, string>> = {
  audio: 'Listening (audio)',
  captions: 'Captions on films',
  scanning: 'Scanning',
  dwell: 'Hold to choose (dwell)',
  'large-text': 'Larger text',
  'high-contrast': 'High contrast',
  welsh: 'Welsh',
};

/** How the decision was made, recorded with it as evidence. */
export const HowDecidedSchema = z
  .object({
    indicatedBy: IndicatedBySchema,
    /** Who was present, in the organiser's words or from a list: "organiser", "daughter", "advocate". */
    present: z.array(z.string().trim().min(1).max(80)).max(10),
    supportsUsed: z.array(SupportUsedSchema).max(10),
    /** From handing the tablet over to the decision. */
    durationSeconds: z.number().int().min(0).max(24 * 3600),
  })
  .strict();
export type HowDecided = z.infer<typeof HowDecidedSchema>;

/** Which was shown first on the cards: the description ("picture on the back") or the face. */
export const PresentationSchema = z.enum(['description-first', 'face-first']);
export type Presentation = z.infer<typeof PresentationSchema>;

export const OutcomeRecordedPayloadSchema = z
  .object({
    outcome: OutcomeSchema,
    /** The chosen carer's id; null unless outcome is 'chosen'. */
    chosenCarerId: UuidSchema.nullable(),
    /** Carer ids in the order the cards were shown. */
    orderShown: z.array(UuidSchema).min(1).max(4),
    // The fields below came with the full person mode (issue 4). They are optional, never defaulted,
    // so an event recorded before them hashes the same when it is sent again.
    /** For 'meet-first': the carers the person would like to meet first. */
    meetFirstCarerIds: z.array(UuidSchema).min(1).max(4).optional(),
    /** Where the person placed each carer on the three-point scale, as they left it. */
    reactions: z.array(z.object({ carerId: UuidSchema, reaction: ReactionSchema }).strict()).max(4).optional(),
    presentation: PresentationSchema.optional(),
    language: z.enum(['en', 'cy']).optional(),
    howDecided: HowDecidedSchema.optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    if ((p.outcome === 'meet-first') !== (p.meetFirstCarerIds !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['meetFirstCarerIds'], message: "only 'meet-first' names carers to meet first, and it must" });
    }
    for (const id of [...(p.meetFirstCarerIds ?? []), ...(p.reactions ?? []).map((r) => r.carerId)]) {
      if (!p.orderShown.includes(id)) {
        ctx.addIssue({ code: 'custom', path: ['orderShown'], message: `carer ${id} was not one of those shown` });
      }
    }
    if (p.outcome === 'chosen' && p.chosenCarerId === null) {
      ctx.addIssue({ code: 'custom', path: ['chosenCarerId'], message: 'a choice must name the chosen carer' });
    }
    if (p.outcome !== 'chosen' && p.chosenCarerId !== null) {
      ctx.addIssue({ code: 'custom', path: ['chosenCarerId'], message: 'only a choice names a carer' });
    }
    if (p.chosenCarerId !== null && !p.orderShown.includes(p.chosenCarerId)) {
      ctx.addIssue({ code: 'custom', path: ['chosenCarerId'], message: 'the chosen carer was not one of those shown' });
    }
  });
export type OutcomeRecordedPayload = z.infer<typeof OutcomeRecordedPayloadSchema>;

const eventBase = {
  /** Made on the tablet (UUIDv7), so a retried send is recognised as the same event. */
  id: UuidSchema,
  visitId: UuidSchema,
  deviceId: UuidSchema,
  /** When it happened, by the tablet's clock. Informational only: the server orders by receipt. */
  occurredAt: z.string().datetime({ offset: true }),
};

export const OutcomeRecordedSchema = z
  .object({ ...eventBase, type: z.literal('OutcomeRecorded'), payload: OutcomeRecordedPayloadSchema })
  .strict();
export type OutcomeRecorded = z.infer<typeof OutcomeRecordedSchema>;

/**
 * "Undo" while the organiser is still there: events are append-only, so an undo is a new event that
 * withdraws an earlier outcome. Both reach the office; the decision shown is the latest not withdrawn.
 */
export const OutcomeWithdrawnSchema = z
  .object({ ...eventBase, type: z.literal('OutcomeWithdrawn'), payload: z.object({ withdrawsEventId: UuidSchema }).strict() })
  .strict();
export type OutcomeWithdrawn = z.infer<typeof OutcomeWithdrawnSchema>;

/** The organiser changed the person's person-mode settings on the tablet; the office remembers them in the profile. */
export const PersonModeSettingsChangedSchema = z
  .object({
    ...eventBase,
    type: z.literal('PersonModeSettingsChanged'),
    payload: z.object({ personId: UuidSchema, settings: PersonModeSettingsSchema }).strict(),
  })
  .strict();
export type PersonModeSettingsChanged = z.infer<typeof PersonModeSettingsChangedSchema>;

/** Every event a tablet can send. A discriminated union so later event types slot in. */
export const HearthEventSchema = z.discriminatedUnion('type', [
  OutcomeRecordedSchema,
  OutcomeWithdrawnSchema,
  PersonModeSettingsChangedSchema,
]);
export type HearthEvent = z.infer<typeof HearthEventSchema>;

export const MAX_EVENTS_PER_PUSH = 100;

/** POST /api/events */
export const PushRequestSchema = z
  .object({
    deviceId: UuidSchema,
    /** A name a person can recognise in the office, e.g. "Chrome on iPad". */
    deviceLabel: z.string().trim().min(1).max(80),
    events: z.array(HearthEventSchema).min(1).max(MAX_EVENTS_PER_PUSH),
  })
  .strict()
  .superRefine((req, ctx) => {
    req.events.forEach((e, i) => {
      if (e.deviceId !== req.deviceId) {
        ctx.addIssue({ code: 'custom', path: ['events', i, 'deviceId'], message: 'must match the sending device' });
      }
    });
  });
export type PushRequest = z.infer<typeof PushRequestSchema>;

export const PushResultSchema = z
  .object({ id: UuidSchema, status: z.enum(['stored', 'already-stored']) })
  .strict();
export const PushResponseSchema = z.object({ results: z.array(PushResultSchema) }).strict();
export type PushResponse = z.infer<typeof PushResponseSchema>;

/**
 * A stable JSON text of a value (object keys sorted), so the same event always hashes the same
 * on the tablet and on the server, whatever order its keys were written in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}
