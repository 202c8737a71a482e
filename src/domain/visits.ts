import { z } from 'zod';
import { Sha256Schema, UuidSchema } from './ids';
import { CarerProfileSchema, PersonProfileSchema } from './profiles';
import { OutcomeSchema } from './events';
import { PersonModeSettingsSchema } from './person-mode';

export const VisitSchema = z
  .object({
    id: UuidSchema,
    personId: UuidSchema,
    personFirstName: z.string().min(1),
    /** ISO 8601 date-time of the planned home visit. */
    plannedAt: z.string().datetime({ offset: true }),
    place: z.string().min(1),
  })
  .strict();
export type Visit = z.infer<typeof VisitSchema>;

/** What the office knows about a visit's result, built from the stored outcome events. */
export const VisitDecisionSchema = z
  .object({
    eventId: UuidSchema,
    outcome: OutcomeSchema,
    chosenCarerFirstName: z.string().nullable(),
    /** When the person decided, as the tablet recorded it. */
    decidedAt: z.string(),
    /** When the office received it. */
    receivedAt: z.string(),
    deviceId: UuidSchema,
    deviceLabel: z.string(),
  })
  .strict();
export type VisitDecision = z.infer<typeof VisitDecisionSchema>;

/** One row of the office's list of planned visits (GET /api/visits). */
export const VisitSummarySchema = VisitSchema.extend({
  candidateCount: z.number().int().min(0),
  decision: VisitDecisionSchema.nullable(),
  /** Conflicts the office has not resolved yet (tablets' answers disagree, or the shortlist changed). */
  openConflicts: z.number().int().min(0),
}).strict();
export type VisitSummary = z.infer<typeof VisitSummarySchema>;

export const VisitListSchema = z.object({ visits: z.array(VisitSummarySchema) }).strict();

/** MIME types a pack file may have. Anything else is refused by the tablet. */
export const PackFileTypeSchema = z.enum(['image/png', 'image/jpeg', 'video/mp4', 'audio/mp4', 'text/vtt']);

export const PackFileSchema = z
  .object({
    /** Content address: equal to sha256. Files are fetched from /api/media/{id}. */
    id: Sha256Schema,
    sha256: Sha256Schema,
    bytes: z.number().int().min(0),
    type: PackFileTypeSchema,
  })
  .strict();
export type PackFile = z.infer<typeof PackFileSchema>;

/** Everything the tablet needs for one visit, offline (GET /api/visits/:id/pack). */
export const VisitPackSchema = z
  .object({
    visit: VisitSchema,
    person: PersonProfileSchema,
    candidates: z.array(CarerProfileSchema).min(1).max(4),
    files: z.array(PackFileSchema),
    /** The person's person-mode settings, with the organisation's default for description-first applied. */
    personMode: PersonModeSettingsSchema.extend({ descriptionFirst: z.boolean() }).optional(),
  })
  .strict()
  .superRefine((pack, ctx) => {
    const listed = new Set(pack.files.map((f) => f.sha256));
    for (const f of pack.files) {
      if (f.id !== f.sha256) ctx.addIssue({ code: 'custom', message: `file ${f.id} must be named by its SHA-256` });
    }
    for (const c of pack.candidates) {
      for (const ref of [c.photo, c.film, c.captions, c.voices?.appreciated, c.voices?.mattersToMe].filter((r) => r !== undefined)) {
        if (!listed.has(ref)) ctx.addIssue({ code: 'custom', message: `${c.firstName}'s file ${ref} is not in the manifest` });
      }
    }
  });
export type VisitPack = z.infer<typeof VisitPackSchema>;

export function packBytes(pack: Pick<VisitPack, 'files'>): number {
  return pack.files.reduce((sum, f) => sum + f.bytes, 0);
}

