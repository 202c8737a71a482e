import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCarerImport, type CarerImportFacts } from '../../../src/domain/csv/carer-import';
import { DAY_COLUMNS } from '../../../src/domain/csv/carer-import-columns';
import { writeCsv } from '../../../src/domain/csv/parse-csv';
import { languageCode } from '../../../src/domain/matching/languages';
import type { TimeWindow } from '../../../src/domain/matching/scenario';
import { canonicalSkill } from '../../../src/domain/matching/skills';

const HEADER = ['Staff ID', 'First name', 'Gender', 'Drives', 'Base area', 'Base latitude', 'Base longitude', 'Travel km', 'Skills', 'Languages', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** Text as a rota holds it: letters, punctuation that needs quoting (",", '"', ";" only where lists allow) and single spaces. */
const words = (unit: fc.Arbitrary<string>, maxLength: number) =>
  fc
    .array(fc.string({ unit, minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 4 })
    .map((parts) => parts.join(' '))
    .filter((t) => t.length <= maxLength);
const nameUnit = fc.constantFrom('a', 'S', 'â', 'ŵ', "'", '-', ',', '"', '=', 'é', '1');
const listUnit = fc.constantFrom('a', 'b', 'k', 'é', "'", '-', '"', ',');

const time = fc.integer({ min: 0, max: 23 * 60 + 59 }).map((m) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`);
/** Windows that do not overlap: sorted cut points, paired up. */
const dayWindows = (day: TimeWindow['day']) =>
  fc.uniqueArray(time, { maxLength: 6 }).map((cuts) => {
    const sorted = [...cuts].sort();
    const windows: TimeWindow[] = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) windows.push({ day, start: sorted[i]!, end: sorted[i + 1]! });
    return windows;
  });

const facts: fc.Arbitrary<CarerImportFacts & { staffId: string }> = fc.record({
  staffId: words(fc.constantFrom('E', '1', '0', '-', '/', ',', '"'), 100),
  firstName: words(nameUnit, 40),
  gender: fc.constantFrom('woman', 'man', 'non-binary', null),
  drives: fc.constantFrom(true, false, null),
  baseArea: fc.option(words(nameUnit, 200), { nil: null }),
  // "+ 0" turns -0 (which no spreadsheet writes) into 0.
  base: fc.option(fc.record({ lat: fc.double({ min: -90, max: 90, noNaN: true }).map((x) => x + 0), lon: fc.double({ min: -180, max: 180, noNaN: true }).map((x) => x + 0) }), { nil: null }),
  travelKm: fc.option(fc.double({ min: 0.001, max: 500, noNaN: true }), { nil: null }),
  // Different skills and languages by Hearth's own comparison: the same one written twice is kept once.
  skills: fc.uniqueArray(words(listUnit, 74).map((w) => `skill ${w}`), { maxLength: 5, selector: canonicalSkill }),
  languages: fc.uniqueArray(words(listUnit, 75).map((w) => `lang ${w}`), { maxLength: 3, selector: languageCode }),
  availability: fc.tuple(...DAY_COLUMNS.map(dayWindows)).map((days) => days.flat()),
});

/** A carer as a rostering system writes its row. Numbers as JavaScript prints them, which is how spreadsheets write them too. */
function rowOf(carer: CarerImportFacts & { staffId: string }): string[] {
  const windows = (day: string) => carer.availability.filter((w) => w.day === day).map((w) => `${w.start}-${w.end}`).join('; ');
  return [
    carer.staffId,
    carer.firstName,
    carer.gender ?? '',
    carer.drives === null ? '' : carer.drives ? 'yes' : 'no',
    carer.baseArea ?? '',
    carer.base ? String(carer.base.lat) : '',
    carer.base ? String(carer.base.lon) : '',
    carer.travelKm === null ? '' : String(carer.travelKm),
    carer.skills.join('; '),
    carer.languages.join('; '),
    ...DAY_COLUMNS.map(windows),
  ];
}

describe('a carer row written by a CSV writer', () => {
  it('reads back as the same facts, with no problems', () => {
    fc.assert(
      fc.property(fc.uniqueArray(facts, { minLength: 1, maxLength: 5, selector: (c) => c.staffId }), (carers) => {
        const check = checkCarerImport(writeCsv([HEADER, ...carers.map(rowOf)]), []);
        expect(check.fileErrors).toEqual([]);
        expect(check.rows.map((r) => r.errors)).toEqual(carers.map(() => []));
        expect(check.rows.map((r) => ({ staffId: r.staffId, ...r.facts }))).toEqual(carers);
      }),
      // Seeded, so a failure can be replayed; fast-check prints the seed and the smallest failing file.
      { numRuns: 300, seed: 20_261_201 },
    );
  });
});
