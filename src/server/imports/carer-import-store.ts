import type { CarerImportResult } from '../../domain/csv/carer-import-api';
import { checkCarerImport, type CarerImportCheck, type CarerImportFact, type CarerImportFacts, type ExistingCarer } from '../../domain/csv/carer-import';
import type { TimeWindow } from '../../domain/matching/scenario';
import type { Db } from '../database/db';
import { HttpError } from '../http/api-error';

interface CarerFactsRow {
  id: string;
  external_ref: string;
  first_name: string;
  gender: CarerImportFacts['gender'];
  drives: boolean | null;
  base_area: string | null;
  base_lat: number | null;
  base_lon: number | null;
  travel_km: number | null;
  skills: string[];
  languages: string[];
  availability: TimeWindow[];
}

/** The organisation's care workers that came with a Staff ID (external_ref), as an import compares them. */
export async function loadCarersByStaffId(db: Db, organisationId: string): Promise<ExistingCarer[]> {
  const rows = await db.query<CarerFactsRow>(
    `select id, external_ref, first_name, gender, drives, base_area, base_lat, base_lon, travel_km, skills, languages, availability
       from carers where organisation_id = $1 and external_ref is not null`,
    [organisationId],
  );
  return rows.map((r) => ({
    id: r.id,
    staffId: r.external_ref,
    facts: {
      firstName: r.first_name,
      gender: r.gender,
      drives: r.drives,
      baseArea: r.base_area,
      base: r.base_lat === null || r.base_lon === null ? null : { lat: r.base_lat, lon: r.base_lon },
      travelKm: r.travel_km,
      skills: r.skills,
      languages: r.languages,
      availability: r.availability,
    },
  }));
}

/** Checks the file against the organisation's care workers as they are now. Saves nothing. */
export async function checkCarerImportFor(db: Db, organisationId: string, csv: string): Promise<CarerImportCheck> {
  return checkCarerImport(csv, await loadCarersByStaffId(db, organisationId));
}

/** A new carer's one-page profile: empty until they write it themselves (another screen), so nobody is shown it yet. */
const EMPTY_PROFILE = JSON.stringify({ appreciated: [], mattersToMe: [], interests: [], qualities: [] });

/** The carers columns behind each fact, with their types as jsonb_to_recordset reads them. */
const FACT_COLUMNS: Readonly<Record<CarerImportFact, readonly (readonly [column: string, type: string])[]>> = {
  firstName: [['first_name', 'text']],
  gender: [['gender', 'text']],
  drives: [['drives', 'boolean']],
  baseArea: [['base_area', 'text']],
  base: [
    ['base_lat', 'double precision'],
    ['base_lon', 'double precision'],
  ],
  travelKm: [['travel_km', 'double precision']],
  skills: [['skills', 'jsonb']],
  languages: [['languages', 'jsonb']],
  availability: [['availability', 'jsonb']],
};

const ALL_FACTS = Object.keys(FACT_COLUMNS) as CarerImportFact[];

/** One carer's facts as a record for jsonb_to_recordset; facts the file does not give are left out (null). */
function columnValues(facts: Partial<CarerImportFacts>): Record<string, unknown> {
  return {
    first_name: facts.firstName,
    gender: facts.gender,
    drives: facts.drives,
    base_area: facts.baseArea,
    base_lat: facts.base?.lat ?? null,
    base_lon: facts.base?.lon ?? null,
    travel_km: facts.travelKm,
    skills: facts.skills,
    languages: facts.languages,
    availability: facts.availability,
  };
}

const UNIQUE_VIOLATION = '23505';

/**
 * Imports the file, all or nothing, in ONE transaction: it is checked again against the carers as
 * they are inside the transaction (a preview may be minutes old), refused whole if any row has a
 * problem, then every new carer is added and every changed one updated with two statements.
 * Updates touch only the facts the file has columns for, never the profile, media or consent.
 */
export async function importCarers(db: Db, organisationId: string, csv: string, newId: () => string): Promise<CarerImportResult> {
  try {
    return await db.transaction(async (tx) => {
      const check = await checkCarerImportFor(tx, organisationId, csv);
      refuseIfProblems(check);
      const adds = check.rows.filter((r) => r.action === 'add');
      const updates = check.rows.filter((r) => r.action === 'update');
      if (adds.length > 0) await insertCarers(tx, organisationId, adds.map((r) => ({ id: newId(), staffId: r.staffId, facts: r.facts })));
      if (updates.length > 0) await updateCarers(tx, organisationId, check.facts, updates.map((r) => ({ id: r.existingId!, facts: r.facts })));
      return { added: adds.length, updated: updates.length, unchanged: check.rows.length - adds.length - updates.length };
    });
  } catch (error) {
    // Two imports of the same new Staff ID at once: the second finds it taken when it commits.
    if ((error as { code?: unknown }).code === UNIQUE_VIOLATION) {
      throw new HttpError(409, 'invalid-request', 'Someone else imported some of these care workers at the same moment. Nothing was saved: check the file again, then import it.');
    }
    throw error;
  }
}

const MAX_PROBLEMS_LISTED = 3;

function refuseIfProblems(check: CarerImportCheck): void {
  if (check.fileErrors.length > 0) throw new HttpError(400, 'invalid-request', `Nothing was imported. ${check.fileErrors.join(' ')}`);
  const problems = check.rows.flatMap((r) => r.errors.map((e) => e.message));
  if (problems.length === 0) return;
  const rows = check.rows.filter((r) => r.errors.length > 0).length;
  const more = problems.length > MAX_PROBLEMS_LISTED ? ` (and ${problems.length - MAX_PROBLEMS_LISTED} more)` : '';
  throw new HttpError(
    400,
    'invalid-request',
    `Nothing was imported: ${rows === 1 ? '1 row has' : `${rows} rows have`} problems. ${problems.slice(0, MAX_PROBLEMS_LISTED).join(' ')}${more} Fix the file and check it again.`,
  );
}

function recordsetColumns(facts: readonly CarerImportFact[]): string {
  return facts.flatMap((f) => FACT_COLUMNS[f].map(([column, type]) => `${column} ${type}`)).join(', ');
}

async function insertCarers(tx: Db, organisationId: string, carers: { id: string; staffId: string; facts: Partial<CarerImportFacts> }[]): Promise<void> {
  const columns = ALL_FACTS.flatMap((f) => FACT_COLUMNS[f].map(([column]) => column));
  // A fact the file has no column for starts empty: no gender or base recorded, no skills, no availability.
  const records = carers.map((c) => ({
    id: c.id,
    external_ref: c.staffId,
    ...columnValues({ skills: [], languages: [], availability: [], ...c.facts }),
  }));
  await tx.query(
    `insert into carers (id, organisation_id, external_ref, profile, photo_sha256, film_sha256, consent_given_at, ${columns.join(', ')})
     select r.id, $1, r.external_ref, $3::jsonb, null, null, null, ${columns.map((c) => `r.${c}`).join(', ')}
       from jsonb_to_recordset($2::jsonb) as r(id uuid, external_ref text, ${recordsetColumns(ALL_FACTS)})`,
    [organisationId, JSON.stringify(records), EMPTY_PROFILE],
  );
}

async function updateCarers(tx: Db, organisationId: string, facts: readonly CarerImportFact[], carers: { id: string; facts: Partial<CarerImportFacts> }[]): Promise<void> {
  const columns = facts.flatMap((f) => FACT_COLUMNS[f].map(([column]) => column));
  const records = carers.map((c) => ({ id: c.id, ...columnValues(c.facts) }));
  await tx.query(
    `update carers c set ${columns.map((column) => `${column} = u.${column}`).join(', ')}, updated_at = now()
       from jsonb_to_recordset($2::jsonb) as u(id uuid, ${recordsetColumns(facts)})
      where c.organisation_id = $1 and c.id = u.id`,
    [organisationId, JSON.stringify(records)],
  );
}
