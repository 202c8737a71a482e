import type { Day } from '../matching/scenario';

/** The facts a carer import can set, one per column of docs/carer-import-template.csv. */
export type CarerImportColumn =
  | 'staffId'
  | 'firstName'
  | 'gender'
  | 'drives'
  | 'baseArea'
  | 'baseLat'
  | 'baseLon'
  | 'travelKm'
  | 'skills'
  | 'languages'
  | Day;

export const DAY_COLUMNS: readonly Day[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Each column's name as the template writes it, which is also how messages name it. */
export const COLUMN_LABELS: Readonly<Record<CarerImportColumn, string>> = {
  staffId: 'Staff ID',
  firstName: 'First name',
  gender: 'Gender',
  drives: 'Drives',
  baseArea: 'Base area',
  baseLat: 'Base latitude',
  baseLon: 'Base longitude',
  travelKm: 'Travel km',
  skills: 'Skills',
  languages: 'Languages',
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};

/** Columns every file must have: without them Hearth cannot tell who a row is. */
export const REQUIRED_COLUMNS: readonly CarerImportColumn[] = ['staffId', 'firstName'];

const DAY_NAMES: Readonly<Record<Day, readonly string[]>> = {
  mon: ['mon', 'monday'],
  tue: ['tue', 'tues', 'tuesday'],
  wed: ['wed', 'weds', 'wednesday'],
  thu: ['thu', 'thur', 'thurs', 'thursday'],
  fri: ['fri', 'friday'],
  sat: ['sat', 'saturday'],
  sun: ['sun', 'sunday'],
};

/** Other names rostering systems and spreadsheets give the same column, folded (see foldHeader). */
const ALIASES: Readonly<Record<CarerImportColumn, readonly string[]>> = {
  staffId: ['staffid', 'staffno', 'staffnumber', 'staffref', 'staffreference', 'employeeid', 'employeeno', 'employeenumber', 'payrollnumber', 'payrollno', 'personnelnumber', 'carerid', 'externalref', 'id'],
  firstName: ['firstname', 'forename', 'forenames', 'givenname', 'first'],
  gender: ['gender', 'sex'],
  drives: ['drives', 'driver', 'candrive', 'driving', 'hascar', 'car'],
  baseArea: ['basearea', 'base', 'area', 'homearea', 'location', 'town'],
  baseLat: ['baselatitude', 'baselat', 'latitude', 'lat'],
  baseLon: ['baselongitude', 'baselon', 'baselng', 'longitude', 'lon', 'lng', 'long'],
  travelKm: ['travelkm', 'travel', 'traveldistance', 'traveldistancekm', 'maxtravelkm', 'travelrangekm', 'rangekm', 'range'],
  skills: ['skills', 'skill', 'competencies', 'training'],
  languages: ['languages', 'language', 'languagesspoken', 'spokenlanguages'],
  ...(Object.fromEntries(
    DAY_COLUMNS.map((day) => [day, DAY_NAMES[day].flatMap((name) => [name, `${name}availability`, `availability${name}`, `${name}hours`])]),
  ) as Record<Day, string[]>),
};

/** "Staff ID", "staff_id", "STAFF-ID " and "StaffId" are the same header. */
export function foldHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const COLUMN_BY_HEADER: ReadonlyMap<string, CarerImportColumn> = new Map(
  (Object.entries(ALIASES) as [CarerImportColumn, readonly string[]][]).flatMap(([column, names]) => names.map((name) => [name, column] as const)),
);

export interface HeaderMap {
  /** Which cell of each row holds each column the file has. */
  index: Partial<Record<CarerImportColumn, number>>;
  /** Headers Hearth does not use (rostering exports carry many); their cells are left alone. */
  ignored: string[];
  /** Problems with the header row itself: nothing can be imported until they are fixed. */
  errors: string[];
}

/** Reads the first row: which column is where, case and spacing aside. */
export function mapHeaders(headers: readonly string[]): HeaderMap {
  const index: Partial<Record<CarerImportColumn, number>> = {};
  const ignored: string[] = [];
  const errors: string[] = [];
  headers.forEach((header, i) => {
    const column = COLUMN_BY_HEADER.get(foldHeader(header));
    if (column === undefined) {
      if (header.trim() !== '') ignored.push(header.trim());
      return;
    }
    const earlier = index[column];
    if (earlier !== undefined) {
      errors.push(`The first row has two columns for ${COLUMN_LABELS[column]}: "${headers[earlier]!.trim()}" and "${header.trim()}". Keep one of them.`);
      return;
    }
    index[column] = i;
  });
  for (const column of REQUIRED_COLUMNS) {
    if (index[column] === undefined) {
      errors.push(`The file has no ${COLUMN_LABELS[column]} column. The first row must name the columns, as in the template.`);
    }
  }
  return { index, ignored, errors };
}
