import type { Day, TimeWindow } from './scenario';

export const DAYS: readonly Day[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
export const DAY_NAMES: Readonly<Record<Day, string>> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};
const DAY_INDEX: Readonly<Record<Day, number>> = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 };

/** "08:45" → 525. The scenario schema has already checked the shape. */
export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/**
 * A carer's week as minutes: for each day (Monday first) a flat list [start, end, start, end, …],
 * sorted, with overlapping or touching windows merged (09:00–10:00 and 10:00–11:00 cover 09:30–10:30).
 */
export type WeekMinutes = readonly (readonly number[])[];

export function weekMinutes(windows: readonly TimeWindow[]): WeekMinutes {
  const byDay: [number, number][][] = DAYS.map(() => []);
  for (const w of windows) byDay[DAY_INDEX[w.day]]!.push([minutesOf(w.start), minutesOf(w.end)]);
  return byDay.map((day) => {
    day.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const flat: number[] = [];
    for (const [start, end] of day) {
      const last = flat.length - 1;
      if (last > 0 && start <= flat[last]!) flat[last] = Math.max(flat[last]!, end);
      else flat.push(start, end);
    }
    return flat;
  });
}

/** One visit the person needs, ready to check against many carers. */
export interface VisitNeed {
  readonly day: number;
  readonly start: number;
  readonly end: number;
  /** "08:00–08:45" */
  readonly window: string;
}

/** The person's visits, each once, in week order, so reasons read Monday to Sunday. */
export function visitNeeds(visits: readonly TimeWindow[]): VisitNeed[] {
  const seen = new Set<string>();
  const needs: VisitNeed[] = [];
  for (const v of visits) {
    const key = `${v.day} ${v.start} ${v.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    needs.push({
      day: DAY_INDEX[v.day],
      start: minutesOf(v.start),
      end: minutesOf(v.end),
      window: `${v.start}–${v.end}`,
    });
  }
  return needs.sort((a, b) => a.day - b.day || a.start - b.start || a.end - b.end);
}

/** True when one of the carer's windows that day contains the whole visit. */
export function covers(week: WeekMinutes, visit: VisitNeed): boolean {
  const day = week[visit.day]!;
  return windowsCover(day, 0, day.length, visit);
}

/**
 * The availability rule itself, over merged [start, end, …] pairs in minutes[from … to): some window
 * contains the whole visit. Shared by `covers` and the hard filter's typed arrays.
 */
export function windowsCover(minutes: ArrayLike<number>, from: number, to: number, visit: VisitNeed): boolean {
  for (let w = from; w < to; w += 2) {
    if (minutes[w]! <= visit.start && visit.end <= minutes[w + 1]!) return true;
  }
  return false;
}

/**
 * The "not free" reasons for the visits a carer can't cover, one per time of day with its days
 * grouped: "not free Monday to Friday 08:00–08:45", "not free Tuesday and Thursday 18:00–18:30".
 * `missed` is in week order (as visitNeeds returns it), so days read Monday to Sunday.
 */
export function notFreeReasons(missed: readonly VisitNeed[]): string[] {
  const daysByWindow = new Map<string, number[]>();
  for (const visit of missed) {
    const days = daysByWindow.get(visit.window);
    if (days === undefined) daysByWindow.set(visit.window, [visit.day]);
    else if (days[days.length - 1] !== visit.day) days.push(visit.day);
  }
  return [...daysByWindow].map(([window, days]) => `not free ${dayList(days)} ${window}`);
}

function dayList(days: readonly number[]): string {
  const names = days.map((d) => DAY_NAMES[DAYS[d]!]);
  const consecutive = days.every((d, i) => i === 0 || d === days[i - 1]! + 1);
  if (names.length >= 3 && consecutive) return `${names[0]} to ${names[names.length - 1]}`;
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

