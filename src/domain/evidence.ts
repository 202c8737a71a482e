import { z } from 'zod';
import { ConflictKindSchema } from './conflicts';
import { HowDecidedSchema, OutcomeSchema, PresentationSchema, ReactionSchema, type IndicatedBy, type Outcome } from './events';
import { UuidSchema } from './ids';
import { MatchRunEvidenceSchema } from './match-runs';
import type { MatchResult } from './matching/result';
import { VisitSchema } from './visits';

// ─── Dates ──────────────────────────────────────────────────────────────────────────────────────────

/** Hearth is used in the UK: a decision's day is the day on the wall calendar there. */
const londonDay = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Europe/London' });

/** "2026-11-25": the UK calendar day of an ISO date-time. */
export function londonDateOf(iso: string): string {
  return londonDay.format(new Date(iso));
}

const DAY_MS = 24 * 3600 * 1000;
const dayNumber = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/** Whole days from one calendar date to another (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round(dayNumber(to) - dayNumber(from));
}

/** The calendar date `days` after `date` (before it when negative). */
export function addDays(date: string, days: number): string {
  return new Date((dayNumber(date) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** A calendar date such as 2026-03-01 that exists (no 31 February). */
export const CalendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date such as 2026-03-01', abort: true })
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), 'is not a real date');

// ─── The organisation's report over a date range (GET /api/reports/choice) ─────────────────────────

/** With no dates given, the report covers the last 90 days, today included. */
export const DEFAULT_REPORT_DAYS = 90;
/** The longest range one report covers: three years. */
export const MAX_REPORT_YEARS = 3;
const MAX_REPORT_DAYS = MAX_REPORT_YEARS * 366;

export const ChoiceReportQuerySchema = z.object({ from: CalendarDateSchema.optional(), to: CalendarDateSchema.optional() }).strict();
export type ChoiceReportQuery = z.infer<typeof ChoiceReportQuerySchema>;

export interface DateRange {
  /** First day counted, YYYY-MM-DD. */
  from: string;
  /** Last day counted, YYYY-MM-DD (inclusive). */
  to: string;
}

/** Why a range cannot be reported on, in plain words, or null when it can. */
export function dateRangeProblem(range: DateRange): string | null {
  if (range.from > range.to) return 'The first day must be on or before the last day.';
  if (daysBetween(range.from, range.to) + 1 > MAX_REPORT_DAYS) return `The dates can be at most ${MAX_REPORT_YEARS} years apart. Choose a shorter range.`;
  return null;
}

/** The range asked for, with the defaults filled in: up to `today`, and the 90 days up to the last day. */
export function reportRangeOf(query: ChoiceReportQuery, today: string): DateRange {
  const to = query.to ?? today;
  return { from: query.from ?? addDays(to, -(DEFAULT_REPORT_DAYS - 1)), to };
}

const count = z.number().int().min(0);

export const ChoiceReportSchema = z
  .object({
    from: CalendarDateSchema,
    to: CalendarDateSchema,
    /** Visits whose current outcome (not withdrawn, not set aside) was decided in the range. */
    decided: count,
    outcomes: z.object({ chosen: count, meetFirst: count, noneOfThese: count, notSureYet: count }).strict(),
    /** How each choice of a carer was indicated. */
    chosenHow: z.object({ byThemselves: count, withSupporter: count, byFamily: count, notRecorded: count }).strict(),
    /** Of the choices: the match run's rank-1 carer chosen, another carer chosen, and visits planned without a match run. */
    topMatch: z.object({ picked: count, otherPicked: count, withoutMatchRun: count }).strict(),
    /** Days from the person's referral to the day they chose, over choices whose person has a referral date. */
    referralToChoice: z
      .object({
        measured: count,
        medianDays: z.number().min(0).nullable(),
        shortestDays: count.nullable(),
        longestDays: count.nullable(),
        noReferralDate: count,
        /** A referral date after the choice is a mistake in the records: shown, not measured. */
        referredAfterChoice: count,
      })
      .strict(),
  })
  .strict();
export type ChoiceReport = z.infer<typeof ChoiceReportSchema>;

/** One visit, as the office's records hold it, for the report. */
export interface ReportVisit {
  visitId: string;
  /** The visit's current outcome; null when it has none (never decided, or its only outcome withdrawn). */
  decision: {
    outcome: Outcome;
    chosenCarerId: string | null;
    /** Null for outcomes recorded before the tablet asked how it was decided. */
    indicatedBy: IndicatedBy | null;
    /** When the person decided (ISO date-time). */
    decidedAt: string;
  } | null;
  /** The rank-1 carer of the match run the visit was planned from; null when it was planned without one. */
  topMatchCarerId: string | null;
  /** The person's referral date (YYYY-MM-DD), or null when none is recorded. */
  referredOn: string | null;
}

/** The middle value; for an even count, halfway between the two middle values. Null for none. */
export function medianOf(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function howChosen(indicatedBy: IndicatedBy | null): keyof ChoiceReport['chosenHow'] {
  if (indicatedBy === null) return 'notRecorded';
  if (indicatedBy === 'person-with-supporter') return 'withSupporter';
  if (indicatedBy === 'family-on-their-behalf') return 'byFamily';
  return 'byThemselves';
}

const OUTCOME_KEY: Record<Outcome, keyof ChoiceReport['outcomes']> = {
  chosen: 'chosen',
  'meet-first': 'meetFirst',
  'none-of-these': 'noneOfThese',
  'not-sure-yet': 'notSureYet',
};

/** The report's figures over the visits decided in `range` (UK calendar days, both ends included). */
export function computeChoiceReport(range: DateRange, visits: readonly ReportVisit[]): ChoiceReport {
  const report: ChoiceReport = {
    ...range,
    decided: 0,
    outcomes: { chosen: 0, meetFirst: 0, noneOfThese: 0, notSureYet: 0 },
    chosenHow: { byThemselves: 0, withSupporter: 0, byFamily: 0, notRecorded: 0 },
    topMatch: { picked: 0, otherPicked: 0, withoutMatchRun: 0 },
    referralToChoice: { measured: 0, medianDays: null, shortestDays: null, longestDays: null, noReferralDate: 0, referredAfterChoice: 0 },
  };
  const waits: number[] = [];
  for (const visit of visits) {
    const { decision } = visit;
    if (decision === null) continue;
    const day = londonDateOf(decision.decidedAt);
    if (day < range.from || day > range.to) continue;
    report.decided += 1;
    report.outcomes[OUTCOME_KEY[decision.outcome]] += 1;
    if (decision.outcome !== 'chosen') continue;

    report.chosenHow[howChosen(decision.indicatedBy)] += 1;
    if (visit.topMatchCarerId === null) report.topMatch.withoutMatchRun += 1;
    else if (visit.topMatchCarerId === decision.chosenCarerId) report.topMatch.picked += 1;
    else report.topMatch.otherPicked += 1;

    if (visit.referredOn === null) report.referralToChoice.noReferralDate += 1;
    else {
      const days = daysBetween(visit.referredOn, day);
      if (days < 0) report.referralToChoice.referredAfterChoice += 1;
      else waits.push(days);
    }
  }
  report.referralToChoice.measured = waits.length;
  report.referralToChoice.medianDays = medianOf(waits);
  report.referralToChoice.shortestDays = waits.length === 0 ? null : Math.min(...waits);
  report.referralToChoice.longestDays = waits.length === 0 ? null : Math.max(...waits);
  return report;
}

// ─── One visit's evidence (GET /api/visits/:id/evidence) ───────────────────────────────────────────

const CarerRefSchema = z.object({ carerId: UuidSchema, name: z.string() }).strict();

/** The matching steps, each with those it left out and why. */
export const FunnelLeftOutSchema = z
  .object({
    /** Left out by the hard filter (availability, distance, skills, language, personal care). */
    notAvailable: z.array(CarerRefSchema.extend({ reasons: z.array(z.string()) }).strict()),
    /** Free, but not a good personality fit: still ranked, below every good fit. */
    notGoodFit: z.array(CarerRefSchema.extend({ rank: z.number().int().min(1), reason: z.string() }).strict()),
  })
  .strict();
export type FunnelLeftOut = z.infer<typeof FunnelLeftOutSchema>;

/** Who each step of the match left out, from the engine's stored result. */
export function funnelLeftOut(result: MatchResult, personName: string): FunnelLeftOut {
  const good = result.ranked.filter((c) => c.personality.fit === 'good').length;
  // The engine counts neutral carers as a good fit only when the person names no qualities they get on with.
  const neutralIsGood = result.funnel.goodFit !== good;
  return {
    notAvailable: result.excluded.map((c) => ({ carerId: c.id, name: c.name, reasons: c.reasons })),
    notGoodFit: result.ranked
      .filter((c) => c.personality.fit === 'poor' || (c.personality.fit === 'neutral' && !neutralIsGood))
      .map((c) => ({
        carerId: c.id,
        name: c.name,
        rank: c.rank,
        reason:
          c.personality.avoided.length > 0
            ? `${personName} does not get on with: ${c.personality.avoided.join(', ')}`
            : `none of the qualities ${personName} gets on with`,
      })),
  };
}

export const EvidenceMatchRunSchema = MatchRunEvidenceSchema.extend({
  leftOut: FunnelLeftOutSchema,
  /** The engine's sentence for each shortlisted carer, by carer id. */
  why: z.record(z.string(), z.string()),
}).strict();
export type EvidenceMatchRun = z.infer<typeof EvidenceMatchRunSchema>;

/** Where an outcome record stands: the visit's decision, withdrawn on the tablet, set aside by the office, or replaced by a later one. */
export const OutcomeStandingSchema = z.enum(['current', 'withdrawn', 'set-aside', 'earlier']);
export type OutcomeStanding = z.infer<typeof OutcomeStandingSchema>;

const WhenSchema = z.string().datetime({ offset: true });

export const EvidenceOutcomeSchema = z
  .object({
    eventId: UuidSchema,
    standing: OutcomeStandingSchema,
    outcome: OutcomeSchema,
    chosenCarerName: z.string().nullable(),
    meetFirstNames: z.array(z.string()),
    /** The carers in the order the cards were shown, each with where the person placed them (null: not placed, or not recorded). */
    shown: z.array(z.object({ name: z.string(), reaction: ReactionSchema.nullable() }).strict()),
    presentation: PresentationSchema.nullable(),
    language: z.enum(['en', 'cy']).nullable(),
    howDecided: HowDecidedSchema.nullable(),
    decidedAt: WhenSchema,
    receivedAt: WhenSchema,
    deviceLabel: z.string(),
    withdrawal: z.object({ occurredAt: WhenSchema, receivedAt: WhenSchema, deviceLabel: z.string() }).strict().nullable(),
  })
  .strict();
export type EvidenceOutcome = z.infer<typeof EvidenceOutcomeSchema>;

export const VisitEvidenceSchema = z
  .object({
    organisationName: z.string(),
    visit: VisitSchema,
    referredOn: CalendarDateSchema.nullable(),
    /** How the shortlist was made; null when the visit was planned without a match run. */
    matchRun: EvidenceMatchRunSchema.nullable(),
    /** The carers the visit shows now, in order. */
    shortlistNow: z.array(z.string()),
    shortlistChanges: z.array(
      z
        .object({ changedAt: WhenSchema, changedBy: z.string(), from: z.array(z.string()), to: z.array(z.string()), reason: z.string() })
        .strict(),
    ),
    /** Every outcome recorded for the visit, in the order the office received them. */
    outcomes: z.array(EvidenceOutcomeSchema),
    conflicts: z.array(
      z
        .object({
          kind: ConflictKindSchema,
          summary: z.string(),
          eventIds: z.array(UuidSchema),
          createdAt: WhenSchema,
          resolvedAt: WhenSchema.nullable(),
          resolvedByName: z.string().nullable(),
          keptEventId: UuidSchema.nullable(),
          note: z.string().nullable(),
        })
        .strict(),
    ),
    followUps: z.array(
      z
        .object({
          eventId: UuidSchema,
          summary: z.string(),
          createdAt: WhenSchema,
          resolvedAt: WhenSchema.nullable(),
          resolvedByName: z.string().nullable(),
          note: z.string().nullable(),
        })
        .strict(),
    ),
  })
  .strict();
export type VisitEvidence = z.infer<typeof VisitEvidenceSchema>;
