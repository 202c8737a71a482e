import { weekMinutes } from './availability';
import { placePoint, travelRangeKm, travelsUpToText } from './distance';
import { languageCode } from './languages';
import type { MatchStaff } from './scenario';
import { canonicalSkill } from './skills';

/**
 * What the hard filter reads about every carer, laid out in typed arrays indexed by carer. Checking
 * 10,000 carers then walks a few contiguous blocks of memory instead of 10,000 objects, sets and
 * nested arrays, which is what keeps one person's match within a few milliseconds.
 */
export interface StaffColumns {
  readonly count: number;
  /** Carer i's id and name, for the excluded list without touching each carer's other data. */
  readonly ids: readonly string[];
  readonly names: readonly string[];
  /** Carer i's free windows on day d (Monday 0) are windowMinutes[dayStart[i*7+d] … dayStart[i*7+d+1]), as start, end pairs. */
  readonly dayStart: Int32Array;
  readonly windowMinutes: Int16Array;
  /** Base, in radians, and the cosine of the latitude, for haversine. */
  readonly lat: Float64Array;
  readonly lon: Float64Array;
  readonly cosLat: Float64Array;
  readonly rangeKm: Float64Array;
  /** "; travels up to 8 km", made once per carer for the too-far reason. */
  readonly travelsUpTo: readonly string[];
  readonly gender: Uint8Array;
  readonly skills: BitColumns;
  readonly languages: BitColumns;
}

/** A set of strings per carer, as bits: `index` numbers every string any carer has. */
export interface BitColumns {
  readonly index: ReadonlyMap<string, number>;
  /** 32-bit words per carer. */
  readonly words: number;
  readonly bits: Uint32Array;
}

export const GENDER_CODES: Readonly<Record<MatchStaff['gender'], number>> = { woman: 0, man: 1, 'non-binary': 2 };

export function staffColumns(staff: readonly MatchStaff[]): StaffColumns {
  const count = staff.length;
  const dayStart = new Int32Array(count * 7 + 1);
  const windows: number[] = [];
  const lat = new Float64Array(count);
  const lon = new Float64Array(count);
  const cosLat = new Float64Array(count);
  const rangeKm = new Float64Array(count);
  const gender = new Uint8Array(count);
  staff.forEach((member, i) => {
    weekMinutes(member.availability).forEach((day, d) => {
      dayStart[i * 7 + d] = windows.length;
      windows.push(...day);
    });
    const base = placePoint(member.location);
    lat[i] = base.lat;
    lon[i] = base.lon;
    cosLat[i] = base.cosLat;
    rangeKm[i] = travelRangeKm(member);
    gender[i] = GENDER_CODES[member.gender];
  });
  dayStart[count * 7] = windows.length;
  return {
    count,
    ids: staff.map((m) => m.id),
    names: staff.map((m) => m.name),
    dayStart,
    windowMinutes: Int16Array.from(windows),
    lat,
    lon,
    cosLat,
    rangeKm,
    travelsUpTo: Array.from(rangeKm, travelsUpToText),
    gender,
    skills: bitColumns(staff.map((m) => m.skills.map(canonicalSkill))),
    languages: bitColumns(staff.map((m) => m.languages.map(languageCode))),
  };
}

function bitColumns(perCarer: readonly (readonly string[])[]): BitColumns {
  const index = new Map<string, number>();
  for (const values of perCarer) for (const v of values) if (!index.has(v)) index.set(v, index.size);
  const words = Math.max(1, Math.ceil(index.size / 32));
  const bits = new Uint32Array(perCarer.length * words);
  perCarer.forEach((values, i) => {
    for (const v of values) {
      const bit = index.get(v)!;
      bits[i * words + (bit >>> 5)]! |= 1 << (bit & 31);
    }
  });
  return { index, words, bits };
}

/**
 * The bits for a list of strings over one BitColumns, keeping only the words that have any (a
 * skill is one word of many when carers list hundreds of distinct skills). Values are canonical, as
 * in the columns (canonicalSkill, languageCode); a value no carer has sets no bit, so nobody matches it.
 */
export interface BitMask {
  readonly words: readonly number[];
  readonly bits: readonly number[];
}

export function maskOf(columns: BitColumns, values: readonly string[]): BitMask {
  const byWord = new Map<number, number>();
  for (const v of values) {
    const bit = columns.index.get(v);
    if (bit !== undefined) byWord.set(bit >>> 5, (byWord.get(bit >>> 5) ?? 0) | (1 << (bit & 31)));
  }
  return { words: [...byWord.keys()], bits: [...byWord.values()] };
}

/** True when carer i has at least one of the strings in `mask`. */
export function hasAny(columns: BitColumns, i: number, mask: BitMask): boolean {
  const offset = i * columns.words;
  for (let k = 0; k < mask.words.length; k += 1) if ((columns.bits[offset + mask.words[k]!]! & mask.bits[k]!) !== 0) return true;
  return false;
}
