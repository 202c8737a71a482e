import { z } from 'zod';
import { RoleSchema } from './api';
import { CalendarDateSchema } from './evidence';
import { UuidSchema } from './ids';

// ─── What the audit log records ───────────────────────────────────────────────────────────────────

/**
 * Every kind of entry, as `<what>.<done>` (the pattern migration 0012 checks). Reads of a person's or
 * carer's data, changes to it, data leaving Hearth (a pack to a tablet, a CSV file), and who signed in,
 * on which tablet, with which accounts and keys. The server writes these; the audit page names them.
 */
export const AuditActionSchema = z.enum([
  'person.viewed',
  'person.changed',
  'people.listed',
  'carer.viewed',
  'carer.changed',
  'carers.listed',
  'account.changed',
  'visit.planned',
  'visit.changed',
  'pack.downloaded',
  'evidence.viewed',
  'report.viewed',
  'missing-outcomes.viewed',
  'outcomes.exported',
  'visits.listed',
  'visit.synced',
  'follow-ups.listed',
  'follow-up.resolved',
  'conflicts.listed',
  'conflict.resolved',
  'media.viewed',
  'media.uploaded',
  'carers.imported',
  'accounts.listed',
  'account.added',
  'account.switched-off',
  'account.switched-on',
  'account.password-reset',
  'session.signed-in',
  'session.signed-out',
  'sessions.signed-out',
  'password.changed',
  'device.enrolled',
  'device.revoked',
  'device-key.issued',
  'audit.viewed',
]);
export type AuditAction = z.infer<typeof AuditActionSchema>;

/**
 * What an entry is about. Ids only: a visit stands for its person, the organisation for a whole-office
 * read, a device for a tablet (migration 0015).
 */
export const AuditSubjectTypeSchema = z.enum(['person', 'carer', 'visit', 'organisation', 'account', 'device']);
export type AuditSubjectType = z.infer<typeof AuditSubjectTypeSchema>;

/** Each action in words for the audit page, so an admin reads "Downloaded a visit to a tablet", not a code. */
export const AUDIT_ACTION_WORDS: Record<AuditAction, string> = {
  'person.viewed': 'Viewed a person’s profile',
  'person.changed': 'Changed a person’s profile',
  'people.listed': 'Listed everyone supported',
  'carer.viewed': 'Viewed a care worker’s profile',
  'carer.changed': 'Changed a care worker’s profile',
  'carers.listed': 'Listed every care worker',
  'account.changed': 'Changed an account',
  'visit.planned': 'Planned a visit',
  'visit.changed': 'Changed a visit’s shortlist',
  'pack.downloaded': 'Downloaded a visit to a tablet',
  'evidence.viewed': 'Viewed a visit’s evidence',
  'report.viewed': 'Viewed the choice report',
  'missing-outcomes.viewed': 'Viewed the downloaded visits with no outcome',
  'outcomes.exported': 'Exported every outcome (CSV)',
  'visits.listed': 'Listed the visits',
  'visit.synced': 'Sent a visit’s records from a tablet',
  'follow-ups.listed': 'Listed the follow-ups',
  'follow-up.resolved': 'Closed a follow-up',
  'conflicts.listed': 'Listed the answers that disagree',
  'conflict.resolved': 'Settled answers that disagree',
  'media.viewed': 'Opened a care worker’s film, photo or recording',
  'media.uploaded': 'Sent a care worker’s film, photo or recording',
  'carers.imported': 'Imported care workers from a file',
  'accounts.listed': 'Listed the accounts',
  'account.added': 'Added an account',
  'account.switched-off': 'Switched an account off',
  'account.switched-on': 'Switched an account back on',
  'account.password-reset': 'Set a new password for someone',
  'session.signed-in': 'Signed in',
  'session.signed-out': 'Signed out',
  'sessions.signed-out': 'Signed out everywhere',
  'password.changed': 'Changed their own password',
  'device.enrolled': 'Set up a tablet',
  'device.revoked': 'Removed a tablet',
  'device-key.issued': 'Gave a tablet its storage key',
  'audit.viewed': 'Looked at the audit log',
};

// ─── GET /api/audit (admins) ──────────────────────────────────────────────────────────────────────

export const AUDIT_PAGE_SIZE = 50;
/** Far enough back for any real search; a bigger number is a mistake or a probe. */
const MAX_AUDIT_PAGE = 10_000;

/** The query string: every filter optional; `to` is the last day counted (UK days). */
export const AuditQuerySchema = z
  .object({
    from: CalendarDateSchema.optional(),
    to: CalendarDateSchema.optional(),
    action: AuditActionSchema.optional(),
    /** Entries about this person, including their visits. */
    personId: UuidSchema.optional(),
    actorUserId: UuidSchema.optional(),
    page: z
      .string()
      .regex(/^[1-9]\d{0,4}$/, 'must be a page number such as 2')
      .transform(Number)
      .refine((n) => n <= MAX_AUDIT_PAGE, `must be at most ${MAX_AUDIT_PAGE}`)
      .optional(),
  })
  .strict();
export type AuditQuery = z.input<typeof AuditQuerySchema>;

export const AuditEntrySchema = z
  .object({
    id: UuidSchema,
    at: z.string(),
    actor: z.object({ userId: UuidSchema, name: z.string().nullable(), role: RoleSchema.or(z.string()) }).strict(),
    device: z.object({ id: UuidSchema, label: z.string().nullable() }).strict().nullable(),
    action: AuditActionSchema,
    subject: z
      .object({
        type: AuditSubjectTypeSchema,
        id: UuidSchema,
        /** Looked up when the log is read, for display only (null when the record is gone or has no name). */
        name: z.string().nullable(),
      })
      .strict(),
  })
  .strict();
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

const NamedSchema = z.object({ id: UuidSchema, name: z.string() }).strict();

export const AuditPageSchema = z
  .object({
    entries: z.array(AuditEntrySchema),
    page: z.number().int().min(1),
    hasMore: z.boolean(),
    /** The organisation's people and accounts, for the page's filters. */
    people: z.array(NamedSchema),
    actors: z.array(NamedSchema.extend({ role: z.string() })),
  })
  .strict();
export type AuditPage = z.infer<typeof AuditPageSchema>;

// ─── GET /api/reports/missing-outcomes ────────────────────────────────────────────────────────────

export const DEFAULT_MISSING_OUTCOME_HOURS = 24;
const MAX_MISSING_OUTCOME_HOURS = 2160;

export const MissingOutcomesQuerySchema = z
  .object({
    hours: z
      .string()
      .regex(/^[1-9]\d{0,3}$/, 'must be a whole number of hours such as 24')
      .transform(Number)
      .refine((n) => n <= MAX_MISSING_OUTCOME_HOURS, `must be at most ${MAX_MISSING_OUTCOME_HOURS}`)
      .optional(),
  })
  .strict();

export const MissingOutcomeSchema = z
  .object({
    visitId: UuidSchema,
    plannedAt: z.string(),
    personName: z.string(),
    /** Who downloaded the pack last (the organiser holding the tablet). */
    downloadedBy: z.string().nullable(),
    /** The tablet's name, when the server knows which tablet it was. */
    tablet: z.string().nullable(),
    downloadedAt: z.string(),
  })
  .strict();
export type MissingOutcome = z.infer<typeof MissingOutcomeSchema>;

export const MissingOutcomesReportSchema = z.object({ hours: z.number().int(), visits: z.array(MissingOutcomeSchema) }).strict();
export type MissingOutcomesReport = z.infer<typeof MissingOutcomesReportSchema>;
