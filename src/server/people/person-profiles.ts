import { randomUUID } from 'node:crypto';
import { PersonProfileFormSchema, type PersonProfileDraft, type PersonProfileForm, type PersonProfileView } from '../../domain/person-profile-form';
import type { TimeWindow } from '../../domain/matching/scenario';
import { resolvePersonModeSettings, type PersonModeSettings } from '../../domain/person-mode';
import type { Db } from '../database/db';
import { refuseIfChangedSince } from '../http/record-version';

/** The one-page profile's text, as kept in people.profile (jsonb); see PersonProfileSchema. */
type StoredPersonProfile = Partial<
  Pick<
    PersonProfileForm,
    'age' | 'livesAt' | 'appreciated' | 'importantToMe' | 'howToSupportMe' | 'interests' | 'getsOnWith' | 'doesNotGetOnWith' | 'communication' | 'speech' | 'usesPictures'
  >
>;

/** A person as stored (PERSON_COLUMNS); matching reads the same row (matching/match-inputs.ts). */
export interface PersonRow {
  id: string;
  first_name: string;
  profile: StoredPersonProfile;
  home_place: string | null;
  visit_times: TimeWindow[];
  home_lat: number | null;
  home_lon: number | null;
  needs_skills: string[];
  languages: string[];
  personal_care_by: 'woman' | 'man' | null;
  referred_on: string | null;
  person_mode: PersonModeSettings | null;
  description_first: boolean;
  updated_at: Date | string;
}

// referred_on as text: node-postgres would turn a date into a Date at local midnight.
export const PERSON_COLUMNS = `id, first_name, profile, home_place, visit_times, home_lat, home_lon, needs_skills, languages, personal_care_by,
  to_char(referred_on, 'YYYY-MM-DD') as referred_on, person_mode,
  (select o.description_first from organisations o where o.id = people.organisation_id) as description_first, updated_at`;

const iso = (value: Date | string): string => new Date(value).toISOString();

function draftOf(row: PersonRow): PersonProfileDraft {
  const { profile } = row;
  const draft: PersonProfileDraft = {
    firstName: row.first_name,
    ...profile,
    appreciated: profile.appreciated ?? [],
    importantToMe: profile.importantToMe ?? [],
    howToSupportMe: profile.howToSupportMe ?? [],
    interests: profile.interests ?? [],
    getsOnWith: profile.getsOnWith ?? [],
    doesNotGetOnWith: profile.doesNotGetOnWith ?? [],
    visitTimes: row.visit_times,
    needsSkills: row.needs_skills,
    languages: row.languages,
    personalCareBy: row.personal_care_by,
    referredOn: row.referred_on,
  };
  if (row.home_place !== null) draft.homePlace = row.home_place;
  if (row.home_lat !== null && row.home_lon !== null) draft.home = { lat: row.home_lat, lon: row.home_lon };
  return draft;
}

function viewOf(row: PersonRow): PersonProfileView {
  const draft = draftOf(row);
  return {
    id: row.id,
    draft,
    profileComplete: PersonProfileFormSchema.safeParse(draft).success,
    personMode: resolvePersonModeSettings(row.person_mode ?? undefined, row.description_first),
    updatedAt: iso(row.updated_at),
  };
}

/** The organisation's people, by first name, and whether each one-page profile is finished. */
export async function listPeopleProfiles(db: Db, organisationId: string): Promise<PersonProfileView[]> {
  const rows = await db.query<PersonRow>(`select ${PERSON_COLUMNS} from people where organisation_id = $1 order by first_name, id`, [organisationId]);
  return rows.map(viewOf);
}

export async function loadPersonProfile(db: Db, organisationId: string, personId: string): Promise<PersonProfileView | null> {
  const rows = await db.query<PersonRow>(`select ${PERSON_COLUMNS} from people where organisation_id = $1 and id = $2`, [organisationId, personId]);
  return rows[0] ? viewOf(rows[0]) : null;
}

/** Saves a complete profile over the version it was based on; someone else's newer save is a 409 and nothing changes. */
export async function savePersonProfile(
  db: Db,
  organisationId: string,
  personId: string,
  profile: PersonProfileForm,
  basedOnUpdatedAt: string,
): Promise<PersonProfileView | null> {
  return db.transaction(async (tx) => {
    const current = await tx.query<{ updated_at: Date | string }>('select updated_at from people where organisation_id = $1 and id = $2 for update', [
      organisationId,
      personId,
    ]);
    if (!current[0]) return null;
    refuseIfChangedSince(current[0].updated_at, basedOnUpdatedAt);
    const { firstName, visitTimes, homePlace, home, needsSkills, languages, personalCareBy, referredOn, ...text } = profile;
    const stored: StoredPersonProfile = text;
    await tx.query(
      `update people set first_name = $3, profile = $4::jsonb, home_place = $5, visit_times = $6::jsonb, home_lat = $7, home_lon = $8,
              needs_skills = $9::jsonb, languages = $10::jsonb, personal_care_by = $11, referred_on = $12::date,
              updated_at = date_trunc('milliseconds', clock_timestamp())
        where organisation_id = $1 and id = $2`,
      [
        organisationId,
        personId,
        firstName,
        JSON.stringify(stored),
        homePlace,
        JSON.stringify(visitTimes),
        home.lat,
        home.lon,
        JSON.stringify(needsSkills),
        JSON.stringify(languages),
        personalCareBy,
        referredOn,
      ],
    );
    const rows = await tx.query<PersonRow>(`select ${PERSON_COLUMNS} from people where organisation_id = $1 and id = $2`, [organisationId, personId]);
    return viewOf(rows[0]!);
  });
}

/**
 * The office sets how person mode looks and works for the person; every visit pack fetched after this
 * carries it. Ordered with the tablets' changes by receipt: it counts as received after every event the
 * office has now, so a tablet's change sent later still wins, and an older one arriving late does not.
 */
export async function savePersonModeSettings(db: Db, organisationId: string, personId: string, settings: PersonModeSettings): Promise<boolean> {
  const rows = await db.query<{ id: string }>(
    `update people set person_mode = $3::jsonb, person_mode_seq = (select coalesce(max(received_seq), 0) from events)
      where organisation_id = $1 and id = $2 returning id`,
    [organisationId, personId, JSON.stringify(settings)],
  );
  return rows.length > 0;
}

/** A person newly referred, with only a first name: their one-page profile is written with them. */
export async function addPerson(db: Db, organisationId: string, firstName: string): Promise<string> {
  const id = randomUUID();
  await db.query(`insert into people (id, organisation_id, first_name, profile, updated_at) values ($1, $2, $3, '{}'::jsonb, date_trunc('milliseconds', clock_timestamp()))`, [
    id,
    organisationId,
    firstName,
  ]);
  return id;
}
