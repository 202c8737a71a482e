import { z } from 'zod';
import { SUPPORT_USED_WORDS, type HowDecided, type IndicatedBy } from '../events';
import { CalendarDateSchema } from '../evidence';
import { writeCsv } from './parse-csv';

/** GET /api/exports/outcomes.csv?from=YYYY-MM-DD&to=YYYY-MM-DD: visits on those days (UK time), both ends included; either may be left out. */
export const OutcomesExportQuerySchema = z
  .object({ from: CalendarDateSchema.optional(), to: CalendarDateSchema.optional() })
  .strict()
  .refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: 'must not be before from', path: ['to'] });
export type OutcomesExportQuery = z.infer<typeof OutcomesExportQuerySchema>;

/** The link that downloads the outcomes export, e.g. for a button on the Decisions screen. */
export function outcomesExportPath(range: OutcomesExportQuery = {}): string {
  const query = new URLSearchParams(Object.entries(range).filter((e): e is [string, string] => e[1] !== undefined)).toString();
  return `/api/exports/outcomes.csv${query ? `?${query}` : ''}`;
}

/** "hearth-outcomes-2026-11-01-2026-11-30.csv"; an open end says so ("…-2026-11-01-onwards.csv", "…-all.csv"). */
export function outcomesExportFileName({ from, to }: OutcomesExportQuery): string {
  const range = from && to ? `${from}-${to}` : from ? `${from}-onwards` : to ? `up-to-${to}` : 'all';
  return `hearth-outcomes-${range}.csv`;
}

/** One visit's current outcome, as the export writes it: every value already in the office's words. */
export interface OutcomeExportRow {
  /** YYYY-MM-DD, UK time. */
  visitDate: string;
  /** HH:MM, UK time. */
  visitTime: string;
  place: string;
  personFirstName: string;
  /** "Chose a carer", "Asked to meet Sam and Grace first", … */
  outcome: string;
  chosenCarer: string | null;
  /** First names, in the order the cards were shown. */
  carersShown: string[];
  topMatchChosen: 'yes' | 'no' | 'no carer chosen' | 'no match run';
  howDecided: HowDecided | null;
  /** YYYY-MM-DD HH:MM, UK time. */
  decidedAt: string;
  reachedOfficeAt: string;
  openConflict: boolean;
}

export const OUTCOME_EXPORT_HEADERS = [
  'Visit date',
  'Visit time',
  'Place',
  'Person',
  'Outcome',
  'Chosen carer',
  'Carers shown (in order)',
  'Top match chosen',
  'Indicated by',
  'Present',
  'Supports used',
  'Decided at (UK time)',
  'Reached the office at (UK time)',
  'Open conflict',
] as const;

const INDICATED_BY: Readonly<Record<IndicatedBy, string>> = {
  'person-by-touch': 'The person, by touching the screen',
  'person-by-pointing': 'The person, by pointing',
  'person-by-eye-gaze': 'The person, by eye gaze',
  'person-by-gesture': 'The person, by a gesture or sign',
  'person-with-supporter': 'The person, with a supporter’s help',
  'family-on-their-behalf': 'Family, on their behalf',
};


const NOT_RECORDED = 'not recorded';

/**
 * A cell a spreadsheet will show as text, never run as a formula (CSV injection): text starting with
 * = + - @, a tab or a carriage return gets a leading apostrophe, which spreadsheets hide.
 */
export function spreadsheetSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The outcomes as a CSV file: a byte order mark so Excel reads it as UTF-8, a header row, one row per visit. */
export function outcomesCsv(rows: readonly OutcomeExportRow[]): string {
  const lines = rows.map((r) =>
    [
      r.visitDate,
      r.visitTime,
      r.place,
      r.personFirstName,
      r.outcome,
      r.chosenCarer ?? '',
      r.carersShown.join('; '),
      r.topMatchChosen,
      r.howDecided ? INDICATED_BY[r.howDecided.indicatedBy] : NOT_RECORDED,
      r.howDecided ? r.howDecided.present.join('; ') : NOT_RECORDED,
      r.howDecided ? r.howDecided.supportsUsed.map((s) => SUPPORT_USED_WORDS[s]).join('; ') || 'none' : NOT_RECORDED,
      r.decidedAt,
      r.reachedOfficeAt,
      r.openConflict ? 'yes' : 'no',
    ].map(spreadsheetSafe),
  );
  return `\uFEFF${writeCsv([[...OUTCOME_EXPORT_HEADERS], ...lines])}`;
}
