import type { Day, GeoPoint, TimeWindow } from '../../domain/matching/scenario';

/** What the office records about a care worker for matching (columns of carers, see 0002_matching.sql). */
export interface CarerMatchingFacts {
  gender: 'woman' | 'man' | 'non-binary';
  availability: TimeWindow[];
  base: GeoPoint;
  /** The base in words, e.g. "Bispham, Blackpool" (absent for carers recorded before 0008). */
  baseArea?: string;
  /** km from base; absent means the engine's default for drivers or non-drivers. */
  travelKm?: number;
  drives: boolean;
  skills: string[];
  languages: string[];
}

/** What the office records about a person for matching (columns of people, see 0002_matching.sql). */
export interface PersonMatchingFacts {
  /** Where a home visit to them happens, e.g. "Hilda’s home, Bispham, Blackpool". */
  homePlace: string;
  visitTimes: TimeWindow[];
  home: GeoPoint;
  needsSkills: string[];
  languages: string[];
  personalCareBy: 'woman' | 'man' | null;
  /** When they were referred to the organisation (YYYY-MM-DD); absent when not recorded. */
  referredOn?: string;
}

export const WEEKDAYS: Day[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
export const MON_TO_SAT: Day[] = [...WEEKDAYS, 'sat'];
export const EVERY_DAY: Day[] = [...MON_TO_SAT, 'sun'];

/** The same window on each of `days`, e.g. weekly('07:00', '12:00', WEEKDAYS). */
export function weekly(start: string, end: string, days: readonly Day[]): TimeWindow[] {
  return days.map((day) => ({ day, start, end }));
}
