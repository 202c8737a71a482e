import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkCarerImport, previewOf, type CarerImportFacts, type ExistingCarer } from '../../../src/domain/csv/carer-import';
import { MAX_IMPORT_ROWS } from '../../../src/domain/csv/carer-import-api';
import { writeCsv } from '../../../src/domain/csv/parse-csv';

const TEMPLATE = readFileSync(new URL('../../../docs/carer-import-template.csv', import.meta.url), 'utf8');
const HEADER = ['Staff ID', 'First name', 'Gender', 'Drives', 'Base area', 'Base latitude', 'Base longitude', 'Travel km', 'Skills', 'Languages', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** A file with the template's columns and these rows, each a partial row by column name. */
function fileOf(rows: Record<string, string>[], header = HEADER): string {
  return writeCsv([header, ...rows.map((row) => header.map((column) => row[column] ?? ''))]);
}

const sam = { 'Staff ID': 'E1', 'First name': 'Sam', Gender: 'man', Drives: 'yes', Mon: '07:00-12:00' };

function samFacts(overrides: Partial<CarerImportFacts> = {}): CarerImportFacts {
  return {
    firstName: 'Sam',
    gender: 'man',
    drives: true,
    baseArea: null,
    base: null,
    travelKm: null,
    skills: [],
    languages: [],
    availability: [{ day: 'mon', start: '07:00', end: '12:00' }],
    ...overrides,
  };
}

const existingSam = (overrides: Partial<CarerImportFacts> = {}): ExistingCarer => ({ id: 'carer-sam', staffId: 'E1', facts: samFacts(overrides) });

const errorsOf = (csv: string) => checkCarerImport(csv, []).rows.flatMap((r) => r.errors.map((e) => e.message));

describe('checkCarerImport', () => {
  it('reads the documented template without a problem, every column in its canonical form', () => {
    const check = checkCarerImport(TEMPLATE, []);
    expect(check.fileErrors).toEqual([]);
    expect(check.ignoredColumns).toEqual([]);
    expect(check.rows.map((r) => [r.line, r.staffId, r.firstName, r.action, r.errors])).toEqual([
      [2, 'E1042', 'Sam', 'add', []],
      [3, 'E1043', 'Bethan', 'add', []],
      [4, 'E1057', 'Alex', 'add', []],
    ]);
    expect(check.rows[0]!.facts).toEqual({
      firstName: 'Sam',
      gender: 'man',
      drives: true,
      baseArea: 'Bispham, Blackpool',
      base: { lat: 53.8466, lon: -3.0412 },
      travelKm: 15,
      skills: ['dementia care', 'personal care', 'medication'],
      languages: ['English', 'Gujarati'],
      availability: [
        { day: 'mon', start: '07:00', end: '12:00' },
        { day: 'tue', start: '07:00', end: '12:00' },
        { day: 'thu', start: '07:00', end: '12:00' },
        { day: 'thu', start: '17:00', end: '21:00' },
        { day: 'fri', start: '07:00', end: '12:00' },
      ],
    });
    expect(check.rows[2]!.facts).toMatchObject({ gender: 'non-binary', drives: true, base: null, travelKm: 8, languages: ['English'] });
  });

  it('takes headers in any case and common variants, and lists the columns it leaves alone', () => {
    const csv = 'staff_id,FORENAME,Sex,Can drive,Latitude,Longitude,Monday,Payroll group\r\nE1,Sam,M,Y,53.8,-3.04,7:00-12:00,North\r\n';
    const check = checkCarerImport(csv, []);
    expect(check.fileErrors).toEqual([]);
    expect(check.ignoredColumns).toEqual(['Payroll group']);
    expect(check.rows[0]!.facts).toEqual({
      firstName: 'Sam',
      gender: 'man',
      drives: true,
      base: { lat: 53.8, lon: -3.04 },
      availability: [{ day: 'mon', start: '07:00', end: '12:00' }],
    });
  });

  it('reads common spellings of gender and yes/no', () => {
    const rows = [
      ['F', 'N', 'woman', false],
      ['female', 'false', 'woman', false],
      ['Male', 'TRUE', 'man', true],
      ['nonbinary', '1', 'non-binary', true],
      ['', '', null, null],
    ] as const;
    const check = checkCarerImport(fileOf(rows.map(([g, d], i) => ({ 'Staff ID': `E${i}`, 'First name': 'Sam', Gender: g, Drives: d }))), []);
    expect(check.rows.map((r) => [r.facts.gender, r.facts.drives])).toEqual(rows.map(([, , gender, drives]) => [gender, drives]));
  });

  it('keeps languages as names, codes and other names made one, and each skill once', () => {
    const check = checkCarerImport(fileOf([{ ...sam, Languages: 'cy; Cymraeg; EN; Klingon', Skills: 'meds; medication;  hoist ;;' }]), []);
    expect(check.rows[0]!.errors).toEqual([]);
    expect(check.rows[0]!.facts.languages).toEqual(['Welsh', 'English', 'Klingon']);
    expect(check.rows[0]!.facts.skills).toEqual(['meds', 'hoist']);
  });

  it('says in plain words which row and column is wrong, and how to write it', () => {
    const csv = fileOf([
      sam,
      { ...sam, 'Staff ID': 'E2', Mon: '7-12', Gender: 'x', Drives: 'maybe' },
      { ...sam, 'Staff ID': 'E3', 'Base latitude': '53.8', Tue: '12:00-07:00', 'Travel km': 'far' },
      { ...sam, 'Staff ID': '', 'First name': '', Wed: '07:00-12:00; 11:00-14:00', Thu: '25:00-26:00' },
    ]);
    expect(errorsOf(csv)).toEqual([
      "Row 3, Gender: 'x' is not a gender Hearth records; write woman, man or non-binary (or F or M).",
      "Row 3, Drives: 'maybe' is not yes or no; write yes or no (Y/N and true/false are fine too).",
      "Row 3, Mon: '7-12' is not a time window; write it like 07:00-12:00.",
      "Row 4, Travel km: 'far' is not a number of kilometres; write it like 12 or 7.5.",
      'Row 4, Base longitude: is empty but Base latitude is given; give both or neither.',
      "Row 4, Tue: '12:00-07:00' ends before it starts; write the start first, like 17:00-21:00.",
      "Row 5, Staff ID: is empty; every care worker needs the rostering system's id for them.",
      'Row 5, First name: is empty; write the first name the person will see on the card.',
      "Row 5, Wed: '07:00-12:00' and '11:00-14:00' overlap; write them as one window, like 07:00-14:00.",
      "Row 5, Thu: '25:00-26:00' has a time that does not exist; use 24-hour times from 00:00 to 23:59.",
    ]);
    const check = checkCarerImport(csv, []);
    expect(check.rows[1]!.errors.map((e) => e.column)).toEqual(['Gender', 'Drives', 'Mon']);
    expect(check.rows[0]!.errors).toEqual([]);
  });

  it('refuses coordinates out of range and reads decimal commas', () => {
    const check = checkCarerImport(fileOf([{ ...sam, 'Base latitude': '91', 'Base longitude': '-3,04' }]), []);
    expect(check.rows[0]!.errors.map((e) => e.message)).toEqual(["Row 2, Base latitude: '91' is out of range; it must be between -90 and 90."]);
  });

  it('marks a Staff ID that is in the file twice as wrong on both rows', () => {
    const csv = fileOf([sam, { ...sam, 'Staff ID': 'E2' }, { ...sam, 'First name': 'Samuel' }]);
    expect(errorsOf(csv)).toEqual([
      "Row 2, Staff ID: 'E1' is also on row 4; each care worker can be in the file once.",
      "Row 4, Staff ID: 'E1' is also on row 2; each care worker can be in the file once.",
    ]);
  });

  it('flags a row with more cells than there are columns', () => {
    const csv = 'Staff ID,First name\r\nE1,Sam,Bispham\r\nE2,Tom\r\n';
    expect(errorsOf(csv)).toEqual(['Row 2: has 3 cells but the first row names 2 columns; a cell with a comma in it may need quotes.']);
  });

  it('says whether each row adds, updates or leaves a care worker unchanged, and what an update changes', () => {
    const csv = fileOf([
      sam,
      { 'Staff ID': 'E2', 'First name': 'Tom', Gender: 'm', Drives: 'n' },
      { 'Staff ID': 'E3', 'First name': 'Ann', Gender: 'f', Drives: 'y', Skills: 'hoist', Tue: '09:00-10:00' },
    ]);
    const existing: ExistingCarer[] = [
      existingSam(),
      { id: 'carer-tom', staffId: 'E2', facts: samFacts({ firstName: 'Tom', drives: false, availability: [] }) },
      { id: 'carer-ann', staffId: 'E3', facts: samFacts({ firstName: 'Ann', gender: 'woman', skills: ['dementia care'] }) },
    ];
    const check = checkCarerImport(csv, existing);
    expect(check.rows.map((r) => [r.staffId, r.action, r.changes, r.existingId])).toEqual([
      ['E1', 'unchanged', [], 'carer-sam'],
      ['E2', 'unchanged', [], 'carer-tom'],
      ['E3', 'update', ['Skills', 'Availability'], 'carer-ann'],
    ]);
    expect(previewOf(check).counts).toEqual({ add: 0, update: 1, unchanged: 2, withErrors: 0 });
  });

  it('compares only the columns the file has: with no Skills column, skills are not its business', () => {
    const csv = 'Staff ID,First name,Mon\r\nE1,Sam,07:00-12:00\r\n';
    const check = checkCarerImport(csv, [existingSam({ skills: ['hoist'], gender: null })]);
    expect(check.facts).toEqual(['firstName', 'availability']);
    expect(check.rows[0]).toMatchObject({ action: 'unchanged', facts: { firstName: 'Sam', availability: [{ day: 'mon', start: '07:00', end: '12:00' }] } });
  });

  it('refuses files it cannot read as a whole, with one clear message', () => {
    const file = (csv: string) => checkCarerImport(csv, []).fileErrors;
    expect(file('')).toEqual(['The file is empty. Its first row must name the columns, as in the template.']);
    expect(file('Staff ID,First name\r\n')).toEqual(['The file has no care workers in it: there are no rows after the column names.']);
    expect(file('Name,Mon\r\nSam,07:00-12:00\r\n')).toEqual([
      'The file has no Staff ID column. The first row must name the columns, as in the template.',
      'The file has no First name column. The first row must name the columns, as in the template.',
    ]);
    expect(file('Staff ID,First name,Forename\r\nE1,Sam,Sam\r\n')).toEqual([
      'The first row has two columns for First name: "First name" and "Forename". Keep one of them.',
    ]);
    expect(file('Staff ID,First name,Latitude\r\nE1,Sam,53\r\n')).toEqual([
      'The file has one of Base latitude and Base longitude but not the other. Give both columns or neither.',
    ]);
    expect(file('Staff ID,First name\r\nE1,"Sam\r\n')[0]).toMatch(/^Row 2: a quoted cell is never closed/);
    expect(file('Staff ID,First name\r\nE1,Si\uFFFDn\r\n')[0]).toMatch(/not UTF-8 text.*CSV UTF-8/);
  });

  it(`refuses more than ${MAX_IMPORT_ROWS} rows or 2 MB, checking none of them`, () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => ['E' + i, 'Sam']);
    const tooMany = checkCarerImport(writeCsv([['Staff ID', 'First name'], ...rows]), []);
    expect(tooMany.fileErrors).toEqual([`The file has ${MAX_IMPORT_ROWS + 1} care workers; Hearth takes at most ${MAX_IMPORT_ROWS} at a time. Split it into smaller files.`]);
    expect(tooMany.rows).toEqual([]);
    expect(checkCarerImport(writeCsv([['Staff ID', 'First name'], ['E1', 'x'.repeat(2 * 1024 * 1024)]]), []).fileErrors).toEqual([
      'The file is 2.0 MB; Hearth takes at most 2 MB at a time. Split it into smaller files.',
    ]);
    expect(checkCarerImport(writeCsv([['Staff ID', 'First name'], ...rows.slice(0, MAX_IMPORT_ROWS)]), []).fileErrors).toEqual([]);
  });

  it('reads a semicolon-separated file with decimal commas, as Excel saves it in some locales', () => {
    const csv = '\uFEFFStaff ID;First name;Base latitude;Base longitude;Mon\r\nE1;Sam;53,8466;-3,0412;"07:00-12:00; 17:00-21:00"\r\n';
    const check = checkCarerImport(csv, []);
    expect(check.rows[0]!.errors).toEqual([]);
    expect(check.rows[0]!.facts.base).toEqual({ lat: 53.8466, lon: -3.0412 });
    expect(check.rows[0]!.facts.availability).toHaveLength(2);
  });
});
