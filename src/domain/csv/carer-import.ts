import type { GeoPoint, TimeWindow } from '../matching/scenario';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS, type CarerImportPreview, type ImportAction, type ImportProblem } from './carer-import-api';
import {
  MAX_WINDOWS,
  readBaseArea,
  readDayWindows,
  readDegrees,
  readDrives,
  readFirstName,
  readGender,
  readLanguages,
  readSkills,
  readStaffId,
  readTravelKm,
  type Cell,
} from './carer-import-cells';
import { COLUMN_LABELS, DAY_COLUMNS, mapHeaders, type CarerImportColumn } from './carer-import-columns';
import { parseCsv, utf8Bytes, type CsvRecord } from './parse-csv';

/** What an import may set on a carer: the matching facts the rota knows, never the one-page profile, media or consent. */
export interface CarerImportFacts {
  firstName: string;
  gender: 'woman' | 'man' | 'non-binary' | null;
  drives: boolean | null;
  baseArea: string | null;
  base: GeoPoint | null;
  travelKm: number | null;
  skills: string[];
  languages: string[];
  availability: TimeWindow[];
}
export type CarerImportFact = keyof CarerImportFacts;

/** A care worker the organisation already has with a Staff ID, as the import compares it. */
export interface ExistingCarer {
  id: string;
  staffId: string;
  facts: CarerImportFacts;
}

export interface CheckedCarerRow {
  line: number;
  staffId: string;
  firstName: string;
  action: ImportAction;
  /** The template names of the columns an update would change. */
  changes: string[];
  errors: ImportProblem[];
  /** The carer this row updates, or null for a new one. */
  existingId: string | null;
  /** The file's values for the facts it has columns for (see CarerImportCheck.facts). */
  facts: Partial<CarerImportFacts>;
}

export interface CarerImportCheck {
  rows: CheckedCarerRow[];
  fileErrors: string[];
  ignoredColumns: string[];
  /**
   * The facts this file gives, from its columns. An update changes only these: a file with no Skills
   * column leaves every carer's skills as they are, while an empty Skills cell clears them.
   */
  facts: CarerImportFact[];
}

const FACT_LABELS: Readonly<Record<CarerImportFact, string>> = {
  firstName: COLUMN_LABELS.firstName,
  gender: COLUMN_LABELS.gender,
  drives: COLUMN_LABELS.drives,
  baseArea: COLUMN_LABELS.baseArea,
  base: 'Base latitude and longitude',
  travelKm: COLUMN_LABELS.travelKm,
  skills: COLUMN_LABELS.skills,
  languages: COLUMN_LABELS.languages,
  availability: 'Availability',
};

const MEGABYTE = 1024 * 1024;

/**
 * Checks a carer import from the file's text, comparing it with the organisation's care workers by
 * Staff ID. Pure: the same text and carers always give the same answer, which the server checks again
 * inside the transaction that saves it.
 */
export function checkCarerImport(csv: string, existing: readonly ExistingCarer[]): CarerImportCheck {
  const refused = (message: string): CarerImportCheck => ({ rows: [], fileErrors: [message], ignoredColumns: [], facts: [] });
  const bytes = utf8Bytes(csv);
  if (bytes > MAX_IMPORT_BYTES) {
    return refused(`The file is ${(bytes / MEGABYTE).toFixed(1)} MB; Hearth takes at most ${MAX_IMPORT_BYTES / MEGABYTE} MB at a time. Split it into smaller files.`);
  }
  if (csv.includes('\uFFFD')) {
    return refused(
      'The file is not UTF-8 text, so some letters could not be read. If it is an Excel workbook or an older CSV, open it in Excel and save it as "CSV UTF-8 (Comma delimited)", then choose it again.',
    );
  }
  const parsed = parseCsv(csv);
  if (!parsed.ok) return refused(`Row ${parsed.row}: ${parsed.message}.`);
  const [header, ...records] = parsed.records;
  if (!header) return refused('The file is empty. Its first row must name the columns, as in the template.');
  const headers = mapHeaders(header.cells);
  if ((headers.index.baseLat === undefined) !== (headers.index.baseLon === undefined)) {
    headers.errors.push('The file has one of Base latitude and Base longitude but not the other. Give both columns or neither.');
  }
  if (records.length === 0) headers.errors.push('The file has no care workers in it: there are no rows after the column names.');
  if (records.length > MAX_IMPORT_ROWS) {
    headers.errors.push(`The file has ${records.length} care workers; Hearth takes at most ${MAX_IMPORT_ROWS} at a time. Split it into smaller files.`);
  }
  if (headers.errors.length > 0) return { rows: [], fileErrors: headers.errors, ignoredColumns: headers.ignored, facts: [] };

  const facts = factsGiven(headers.index);
  const byStaffId = new Map(existing.map((c) => [c.staffId, c]));
  const rows = records.map((record) => checkRow(record, headers.index, header.cells.length, facts, byStaffId));
  markDuplicates(rows);
  return { rows, fileErrors: [], ignoredColumns: headers.ignored, facts };
}

function factsGiven(index: Partial<Record<CarerImportColumn, number>>): CarerImportFact[] {
  const has = (column: CarerImportColumn) => index[column] !== undefined;
  const facts: CarerImportFact[] = ['firstName'];
  for (const fact of ['gender', 'drives', 'baseArea', 'travelKm', 'skills', 'languages'] as const) if (has(fact)) facts.push(fact);
  if (has('baseLat')) facts.push('base');
  if (DAY_COLUMNS.some(has)) facts.push('availability');
  return facts;
}

function checkRow(
  record: CsvRecord,
  index: Partial<Record<CarerImportColumn, number>>,
  headerCount: number,
  given: readonly CarerImportFact[],
  byStaffId: ReadonlyMap<string, ExistingCarer>,
): CheckedCarerRow {
  const line = record.row;
  const errors: ImportProblem[] = [];
  const cellOf = (column: CarerImportColumn) => record.cells[index[column]!] ?? '';
  /** The cell's value, or `fallback` after noting what is wrong with it. */
  function read<T>(column: CarerImportColumn, cell: Cell<T>, fallback: T): T {
    if (cell.ok) return cell.value;
    errors.push({ column: COLUMN_LABELS[column], message: `Row ${line}, ${COLUMN_LABELS[column]}: ${cell.problem}.` });
    return fallback;
  }
  if (record.cells.length > headerCount) {
    errors.push({
      column: null,
      message: `Row ${line}: has ${record.cells.length} cells but the first row names ${headerCount} columns; a cell with a comma in it may need quotes.`,
    });
  }

  const staffId = read('staffId', readStaffId(cellOf('staffId')), cellOf('staffId').trim());
  const facts: Partial<CarerImportFacts> = { firstName: read('firstName', readFirstName(cellOf('firstName')), cellOf('firstName').trim()) };
  if (given.includes('gender')) facts.gender = read('gender', readGender(cellOf('gender')), null);
  if (given.includes('drives')) facts.drives = read('drives', readDrives(cellOf('drives')), null);
  if (given.includes('baseArea')) facts.baseArea = read('baseArea', readBaseArea(cellOf('baseArea')), null);
  if (given.includes('travelKm')) facts.travelKm = read('travelKm', readTravelKm(cellOf('travelKm')), null);
  if (given.includes('skills')) facts.skills = read('skills', readSkills(cellOf('skills')), []);
  if (given.includes('languages')) facts.languages = read('languages', readLanguages(cellOf('languages')), []);
  if (given.includes('base')) facts.base = readBase(cellOf('baseLat'), cellOf('baseLon'), read);
  if (given.includes('availability')) {
    facts.availability = DAY_COLUMNS.flatMap((day) => (index[day] === undefined ? [] : read(day, readDayWindows(cellOf(day), day), [])));
    if (facts.availability.length > MAX_WINDOWS) {
      errors.push({ column: null, message: `Row ${line}: lists ${facts.availability.length} time windows; Hearth keeps at most ${MAX_WINDOWS} a week.` });
    }
  }

  const found = staffId === '' ? undefined : byStaffId.get(staffId);
  const changes = found ? changedFacts(found.facts, facts) : [];
  const action: ImportAction = !found ? 'add' : changes.length > 0 ? 'update' : 'unchanged';
  return { line, staffId, firstName: facts.firstName ?? '', action, changes, errors, existingId: found?.id ?? null, facts };
}

function readBase(
  rawLat: string,
  rawLon: string,
  read: <T>(column: CarerImportColumn, cell: Cell<T>, fallback: T) => T,
): GeoPoint | null {
  const lat = read('baseLat', readDegrees(rawLat, -90, 90, '53.8175'), null);
  const lon = read('baseLon', readDegrees(rawLon, -180, 180, '-3.0357'), null);
  if (lat !== null && lon !== null) return { lat, lon };
  // Only a blank cell beside a good one is the problem here: a cell that could not be read has its own message.
  if (lat === null && lon !== null && rawLat.trim() === '') read('baseLat', { ok: false, problem: 'is empty but Base longitude is given; give both or neither' }, null);
  if (lon === null && lat !== null && rawLon.trim() === '') read('baseLon', { ok: false, problem: 'is empty but Base latitude is given; give both or neither' }, null);
  return null;
}

/** A Staff ID twice in one file is a mistake on both rows: Hearth cannot tell which one is right. */
function markDuplicates(rows: CheckedCarerRow[]): void {
  const byId = new Map<string, CheckedCarerRow[]>();
  for (const row of rows) if (row.staffId !== '') byId.set(row.staffId, [...(byId.get(row.staffId) ?? []), row]);
  for (const same of byId.values()) {
    if (same.length < 2) continue;
    for (const row of same) {
      const others = same.filter((r) => r !== row).map((r) => r.line);
      row.errors.push({
        column: COLUMN_LABELS.staffId,
        message: `Row ${row.line}, ${COLUMN_LABELS.staffId}: '${row.staffId}' is also on row ${others.join(', ')}; each care worker can be in the file once.`,
      });
    }
  }
}

/** The template names of the facts the file would change. */
export function changedFacts(before: CarerImportFacts, after: Partial<CarerImportFacts>): string[] {
  return (Object.keys(after) as CarerImportFact[]).filter((fact) => !sameFact(fact, before[fact], after[fact])).map((fact) => FACT_LABELS[fact]);
}

function sameFact(fact: CarerImportFact, a: unknown, b: unknown): boolean {
  if (fact === 'skills' || fact === 'languages') return JSON.stringify([...(a as string[])].sort()) === JSON.stringify([...(b as string[])].sort());
  if (fact === 'availability') return JSON.stringify(sortWindows(a as TimeWindow[])) === JSON.stringify(sortWindows(b as TimeWindow[]));
  if (fact === 'base') {
    const [p, q] = [a as GeoPoint | null, b as GeoPoint | null];
    return p === null || q === null ? p === q : p.lat === q.lat && p.lon === q.lon;
  }
  return a === b;
}

function sortWindows(windows: readonly TimeWindow[]): string[] {
  return windows.map((w) => `${DAY_COLUMNS.indexOf(w.day)} ${w.start} ${w.end}`).sort();
}

/** The check as the office answers it: no internal ids or values, with the counts the screen shows first. */
export function previewOf(check: CarerImportCheck): CarerImportPreview {
  const count = (action: ImportAction) => check.rows.filter((r) => r.action === action).length;
  return {
    rows: check.rows.map(({ line, staffId, firstName, action, changes, errors }) => ({ line, staffId, firstName, action, changes, errors })),
    fileErrors: check.fileErrors,
    ignoredColumns: check.ignoredColumns,
    counts: { add: count('add'), update: count('update'), unchanged: count('unchanged'), withErrors: check.rows.filter((r) => r.errors.length > 0).length },
  };
}
