import { z } from 'zod';
import { UuidSchema } from './ids';

/** What the person decided. Later issues add 'not-sure-yet' and 'meet-first'. */
export const OutcomeSchema = z.enum(['chosen', 'none-of-these']);
export type Outcome = z.infer<typeof OutcomeSchema>;

export const OutcomeRecordedPayloadSchema = z
  .object({
    outcome: OutcomeSchema,
    /** The chosen carer's id; null unless outcome is 'chosen'. */
    chosenCarerId: UuidSchema.nullable(),
    /** Carer ids in the order the cards were shown. */
    orderShown: z.array(UuidSchema).min(1).max(4),
  })
  .strict()
  .superRefine((p, ctx) => {
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

/** Every event a tablet can send. A discriminated union so later event types slot in. */
export const HearthEventSchema = z.discriminatedUnion('type', [OutcomeRecordedSchema]);
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
