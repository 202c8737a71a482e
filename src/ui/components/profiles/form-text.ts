import { DaySchema, type Day, type TimeWindow } from '../../../domain/matching/scenario';
import { DAY_NAMES } from '../../../domain/matching/availability';

/** One weekly time, as typed. */
export interface WindowValues {
  start: string;
  end: string;
}

export const dayName = (day: Day): string => DAY_NAMES[day];

/** One thing per line, as typed in a list box: blank lines and spaces around each thing left out. */
export const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/** A typed number, or NaN for words or nothing (so the schema says "must be a number" rather than taking 0). */
export const numberOf = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.trim()));

export const emptyWeek = (): Record<Day, WindowValues[]> =>
  Object.fromEntries(DaySchema.options.map((day) => [day, []])) as unknown as Record<Day, WindowValues[]>;

/** Weekly times as the form shows them: by day. */
export function weekOf(windows: readonly TimeWindow[] = []): Record<Day, WindowValues[]> {
  const week = emptyWeek();
  for (const window of windows) week[window.day].push({ start: window.start, end: window.end });
  return week;
}

/** The week's times in day order, as the schema takes them; an error's index points back into this list. */
export function windowsOf(week: Record<Day, WindowValues[]>): TimeWindow[] {
  return DaySchema.options.flatMap((day) => week[day].map((w) => ({ day, start: w.start.trim(), end: w.end.trim() })));
}

/** Zod's own words for missing or mistyped values are for programmers; a person typed or chose nothing. */
export function plainIssue(message: string, code: string): string {
  if (code === 'invalid_type' && /number/.test(message)) return 'must be a number';
  if (code === 'invalid_type' || code === 'invalid_value') return 'must be chosen';
  return message;
}

/** "Monday 09:00 to 08:00: must end after it starts": a weekly time's problem, naming the time. */
export function windowProblem(window: TimeWindow, part: PropertyKey | undefined, code: string, message: string): string {
  const problem = part === 'end' && code === 'custom' ? 'must end after it starts' : message;
  return `${dayName(window.day)} ${window.start || '?'} to ${window.end || '?'}: ${problem}`;
}
