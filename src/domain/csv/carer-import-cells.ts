import { languageCode, languageName } from '../matching/languages';
import type { Day, TimeWindow } from '../matching/scenario';
import { canonicalSkill } from '../matching/skills';

/**
 * Reading one cell of a carer import. Each reader gives the value or the end of a sentence saying
 * what is wrong and how to write it ("'7-12' is not a time window; write it like 07:00-12:00"); the
 * import rules put the row and column in front.
 */
export type Cell<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): Cell<T> => ({ ok: true, value });
const bad = <T>(problem: string): Cell<T> => ({ ok: false, problem });

export const MAX_STAFF_ID_CHARS = 100;
export const MAX_FIRST_NAME_CHARS = 40;
export const MAX_BASE_AREA_CHARS = 200;
export const MAX_WORD_CHARS = 80;
export const MAX_SKILLS = 30;
export const MAX_LANGUAGES = 10;
export const MAX_WINDOWS = 100;
export const MAX_TRAVEL_KM = 500;

/** A value quoted back in a message: trimmed, and cut short when long. */
export function quoted(value: string): string {
  const text = value.trim();
  return `'${text.length > 40 ? `${text.slice(0, 40)}…` : text}'`;
}

const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/;

function text(raw: string, max: number, what: string): Cell<string | null> {
  const value = raw.trim().replace(/\s+/g, ' ');
  if (value === '') return ok(null);
  if (CONTROL.test(value)) return bad('has a character that cannot be shown (a control character); retype it');
  if (value.length > max) return bad(`is ${value.length} characters long; ${what} can be at most ${max}`);
  return ok(value);
}

export function readStaffId(raw: string): Cell<string> {
  const value = text(raw, MAX_STAFF_ID_CHARS, 'a Staff ID');
  if (!value.ok) return value;
  return value.value === null ? bad("is empty; every care worker needs the rostering system's id for them") : ok(value.value);
}

export function readFirstName(raw: string): Cell<string> {
  const value = text(raw, MAX_FIRST_NAME_CHARS, 'a first name');
  if (!value.ok) return value;
  return value.value === null ? bad('is empty; write the first name the person will see on the card') : ok(value.value);
}

export function readBaseArea(raw: string): Cell<string | null> {
  return text(raw, MAX_BASE_AREA_CHARS, 'a base area');
}

const GENDERS: ReadonlyMap<string, 'woman' | 'man' | 'non-binary'> = new Map([
  ...['woman', 'women', 'female', 'f', 'w'].map((w) => [w, 'woman'] as const),
  ...['man', 'men', 'male', 'm'].map((w) => [w, 'man'] as const),
  ...['non-binary', 'nonbinary', 'non binary', 'nb', 'enby'].map((w) => [w, 'non-binary'] as const),
]);

export function readGender(raw: string): Cell<'woman' | 'man' | 'non-binary' | null> {
  const value = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (value === '') return ok(null);
  const gender = GENDERS.get(value);
  return gender ? ok(gender) : bad(`${quoted(raw)} is not a gender Hearth records; write woman, man or non-binary (or F or M)`);
}

const YES = new Set(['yes', 'y', 'true', 't', '1']);
const NO = new Set(['no', 'n', 'false', 'f', '0']);

export function readDrives(raw: string): Cell<boolean | null> {
  const value = raw.trim().toLowerCase();
  if (value === '') return ok(null);
  if (YES.has(value)) return ok(true);
  if (NO.has(value)) return ok(false);
  return bad(`${quoted(raw)} is not yes or no; write yes or no (Y/N and true/false are fine too)`);
}

/** A decimal number, with a point or (as some locales write it) a comma: "53.82", "-3,05". */
function readNumber(raw: string): number | null {
  const value = raw.trim().replace(/^(-?\d+),(\d+)$/, '$1.$2');
  // Spreadsheets write very small numbers with an exponent (1E-05).
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(value)) return null;
  return Number(value);
}

export function readDegrees(raw: string, min: number, max: number, example: string): Cell<number | null> {
  if (raw.trim() === '') return ok(null);
  const value = readNumber(raw);
  if (value === null) return bad(`${quoted(raw)} is not a number; write decimal degrees like ${example}`);
  if (value < min || value > max) return bad(`${quoted(raw)} is out of range; it must be between ${min} and ${max}`);
  return ok(value);
}

export function readTravelKm(raw: string): Cell<number | null> {
  if (raw.trim() === '') return ok(null);
  const value = readNumber(raw.trim().replace(/\s*kms?$/i, ''));
  if (value === null) return bad(`${quoted(raw)} is not a number of kilometres; write it like 12 or 7.5`);
  if (value <= 0 || value > MAX_TRAVEL_KM) return bad(`${quoted(raw)} is out of range; write a distance above 0 and at most ${MAX_TRAVEL_KM} km`);
  return ok(value);
}

/** "a; b;; c" → ["a", "b", "c"]. */
function listOf(raw: string): string[] {
  return raw
    .split(';')
    .map((w) => w.trim().replace(/\s+/g, ' '))
    .filter((w) => w !== '');
}

function words(raw: string, max: number, what: string, same: (word: string) => string): Cell<string[]> {
  const list = listOf(raw);
  const long = list.find((w) => w.length > MAX_WORD_CHARS);
  if (long !== undefined) return bad(`${quoted(long)} is longer than ${MAX_WORD_CHARS} characters; is a ";" missing between two ${what}?`);
  // The same skill or language written twice ("meds; medication") is kept once, as first written.
  const seen = new Set<string>();
  const unique = list.filter((w) => !seen.has(same(w)) && seen.add(same(w)));
  if (unique.length > max) return bad(`lists ${unique.length} ${what}; Hearth keeps at most ${max}`);
  return ok(unique);
}

export function readSkills(raw: string): Cell<string[]> {
  return words(raw, MAX_SKILLS, 'skills', canonicalSkill);
}

/** Languages as names: "cy" and "Cymraeg" are kept as "Welsh"; a language Hearth does not know stays as written. */
export function readLanguages(raw: string): Cell<string[]> {
  const list = words(raw, MAX_LANGUAGES, 'languages', languageCode);
  return list.ok ? ok(list.value.map(languageName)) : list;
}

/** Words that mean "not available this day". */
const NONE = new Set(['-', 'off', 'none', 'n/a', 'na', 'not available', 'unavailable']);
const WINDOW = /^(\d{1,2})[:.](\d{2})\s*(?:-|–|—|to)\s*(\d{1,2})[:.](\d{2})$/i;

const pad = (n: string) => n.padStart(2, '0');

/** One day's windows: "07:00-12:00; 17:00-21:00" (commas are fine too). Sorted by start. */
export function readDayWindows(raw: string, day: Day): Cell<TimeWindow[]> {
  const value = raw.trim();
  if (value === '' || NONE.has(value.toLowerCase())) return ok([]);
  const windows: TimeWindow[] = [];
  for (const part of value.split(/[;,]/).map((p) => p.trim()).filter((p) => p !== '')) {
    const match = WINDOW.exec(part);
    if (!match) return bad(`${quoted(part)} is not a time window; write it like 07:00-12:00`);
    const [, sh, sm, eh, em] = match as unknown as [string, string, string, string, string];
    if (Number(sh) > 23 || Number(eh) > 23 || Number(sm) > 59 || Number(em) > 59) {
      return bad(`${quoted(part)} has a time that does not exist; use 24-hour times from 00:00 to 23:59`);
    }
    const window = { day, start: `${pad(sh)}:${sm}`, end: `${pad(eh)}:${em}` };
    if (window.start >= window.end) return bad(`${quoted(part)} ends before it starts; write the start first, like 17:00-21:00`);
    windows.push(window);
  }
  windows.sort((a, b) => (a.start < b.start ? -1 : 1));
  for (let i = 1; i < windows.length; i++) {
    const [a, b] = [windows[i - 1]!, windows[i]!];
    if (b.start < a.end) {
      const joined = `${a.start}-${a.end > b.end ? a.end : b.end}`;
      return bad(`'${a.start}-${a.end}' and '${b.start}-${b.end}' overlap; write them as one window, like ${joined}`);
    }
  }
  return ok(windows);
}
