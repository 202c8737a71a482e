import { randomUUID } from 'node:crypto';
import {
  CarerProfileFormSchema,
  showBlockers,
  type CarerProfileDraft,
  type CarerProfileForm,
  type CarerProfileView,
  type CarerSummary,
} from '../../domain/carer-profile-form';
import type { TimeWindow } from '../../domain/matching/scenario';
import type { Db } from '../database/db';
import { refuseIfChangedSince } from '../http/record-version';

/** The text parts of a carer's one-page profile, as kept in carers.profile (jsonb). */
interface StoredProfileText {
  appreciated?: string[];
  mattersToMe?: string[];
  interests?: string[];
  qualities?: string[];
}

export interface CarerRow {
  id: string;
  first_name: string;
  profile: StoredProfileText;
  languages: string[];
  skills: string[];
  gender: CarerProfileForm['gender'] | null;
  drives: boolean | null;
  base_area: string | null;
  base_lat: number | null;
  base_lon: number | null;
  travel_km: number | null;
  availability: TimeWindow[];
  photo_sha256: string | null;
  film_sha256: string | null;
  poster_sha256: string | null;
  captions_sha256: string | null;
  consent_given_at: Date | string | null;
  updated_at: Date | string;
  external_ref: string | null;
  has_account: boolean;
}

export const CARER_COLUMNS = `c.id, c.first_name, c.profile, c.languages, c.skills, c.gender, c.drives, c.base_area, c.base_lat, c.base_lon,
  c.travel_km, c.availability, c.photo_sha256, c.film_sha256, c.poster_sha256, c.captions_sha256, c.consent_given_at,
  c.updated_at, c.external_ref, exists (select 1 from users u where u.carer_id = c.id) as has_account`;

const iso = (value: Date | string): string => new Date(value).toISOString();

/** Everything recorded about the carer, in the form's shape, leaving out what is not recorded yet. */
function draftOf(row: CarerRow): CarerProfileDraft {
  const draft: CarerProfileDraft = {
    firstName: row.first_name,
    appreciated: row.profile.appreciated ?? [],
    mattersToMe: row.profile.mattersToMe ?? [],
    interests: row.profile.interests ?? [],
    qualities: row.profile.qualities ?? [],
    languages: row.languages,
    skills: row.skills,
    availability: row.availability,
    travelKm: row.travel_km,
  };
  if (row.gender !== null) draft.gender = row.gender;
  if (row.drives !== null) draft.drives = row.drives;
  if (row.base_area !== null) draft.baseArea = row.base_area;
  if (row.base_lat !== null && row.base_lon !== null) draft.base = { lat: row.base_lat, lon: row.base_lon };
  return draft;
}

export function viewOf(row: CarerRow): CarerProfileView {
  const profileComplete = CarerProfileFormSchema.safeParse(draftOf(row)).success;
  const consentGivenAt = row.consent_given_at === null ? null : iso(row.consent_given_at);
  return {
    id: row.id,
    draft: draftOf(row),
    profileComplete,
    photo: row.photo_sha256,
    film: row.film_sha256,
    poster: row.poster_sha256,
    captions: row.captions_sha256,
    consentGivenAt,
    blockers: showBlockers({ profileComplete, photo: row.photo_sha256, film: row.film_sha256, consentGivenAt }),
    hasAccount: row.has_account,
    updatedAt: iso(row.updated_at),
  };
}

/** Every carer of the organisation, by first name, with what still stops each from being shown. */
export async function listCarers(db: Db, organisationId: string): Promise<CarerSummary[]> {
  const rows = await db.query<CarerRow>(`select ${CARER_COLUMNS} from carers c where c.organisation_id = $1 order by c.first_name, c.id`, [
    organisationId,
  ]);
  return rows.map((row) => {
    const view = viewOf(row);
    return { id: row.id, firstName: row.first_name, externalRef: row.external_ref, blockers: view.blockers, hasAccount: row.has_account, updatedAt: view.updatedAt };
  });
}

/** One carer's profile for the editor, or null when the organisation has no such carer. */
export async function loadCarerProfile(db: Db, organisationId: string, carerId: string): Promise<CarerProfileView | null> {
  const rows = await db.query<CarerRow>(`select ${CARER_COLUMNS} from carers c where c.organisation_id = $1 and c.id = $2`, [organisationId, carerId]);
  return rows[0] ? viewOf(rows[0]) : null;
}

/**
 * Saves a complete profile over the one it was based on. Refused (409) when someone saved it since:
 * the editor keeps what was typed and says so, rather than one person's work silently replacing another's.
 * Photo, film, captions, voices and consent are not touched here.
 */
export async function saveCarerProfile(
  db: Db,
  organisationId: string,
  carerId: string,
  profile: CarerProfileForm,
  basedOnUpdatedAt: string,
): Promise<CarerProfileView | null> {
  return db.transaction(async (tx) => {
    const current = await tx.query<{ updated_at: Date | string }>('select updated_at from carers where organisation_id = $1 and id = $2 for update', [
      organisationId,
      carerId,
    ]);
    if (!current[0]) return null;
    refuseIfChangedSince(current[0].updated_at, basedOnUpdatedAt);
    const text: StoredProfileText = {
      appreciated: profile.appreciated,
      mattersToMe: profile.mattersToMe,
      interests: profile.interests,
      qualities: profile.qualities,
    };
    // Milliseconds, so the time the editor is given back compares equal when it next saves.
    await tx.query(
      `update carers set first_name = $3, profile = profile || $4::jsonb, languages = $5::jsonb, skills = $6::jsonb, gender = $7,
              drives = $8, base_area = $9, base_lat = $10, base_lon = $11, travel_km = $12, availability = $13::jsonb,
              updated_at = date_trunc('milliseconds', clock_timestamp())
        where organisation_id = $1 and id = $2`,
      [
        organisationId,
        carerId,
        profile.firstName,
        JSON.stringify(text),
        JSON.stringify(profile.languages),
        JSON.stringify(profile.skills),
        profile.gender,
        profile.drives,
        profile.baseArea,
        profile.base.lat,
        profile.base.lon,
        profile.travelKm,
        JSON.stringify(profile.availability),
      ],
    );
    const rows = await tx.query<CarerRow>(`select ${CARER_COLUMNS} from carers c where c.organisation_id = $1 and c.id = $2`, [organisationId, carerId]);
    return viewOf(rows[0]!);
  });
}

/** A new carer with only a first name: the rest of their profile, photo, film and agreement come later. */
export async function addCarer(db: Db, organisationId: string, firstName: string): Promise<string> {
  const id = randomUUID();
  await db.query(
    `insert into carers (id, organisation_id, first_name, profile, updated_at)
     values ($1, $2, $3, '{"appreciated":[],"mattersToMe":[],"interests":[],"qualities":[]}'::jsonb, date_trunc('milliseconds', clock_timestamp()))`,
    [id, organisationId, firstName],
  );
  return id;
}

/** The care worker agrees that their profile may be shown to people choosing a carer, or withdraws that; kept as evidence. */
export async function setConsent(db: Db, organisationId: string, carerId: string, userId: string, agreed: boolean): Promise<CarerProfileView | null> {
  return db.transaction(async (tx) => {
    const rows = await tx.query<{ consent_given_at: Date | string | null }>(
      'select consent_given_at from carers where organisation_id = $1 and id = $2 for update',
      [organisationId, carerId],
    );
    if (!rows[0]) return null;
    const already = (rows[0].consent_given_at !== null) === agreed;
    if (!already) {
      await tx.query(`update carers set consent_given_at = ${agreed ? 'now()' : 'null'} where organisation_id = $1 and id = $2`, [organisationId, carerId]);
      await tx.query('insert into carer_consent_changes (id, organisation_id, carer_id, agreed, changed_by) values ($1, $2, $3, $4, $5)', [
        randomUUID(),
        organisationId,
        carerId,
        agreed,
        userId,
      ]);
    }
    const view = await tx.query<CarerRow>(`select ${CARER_COLUMNS} from carers c where c.organisation_id = $1 and c.id = $2`, [organisationId, carerId]);
    return viewOf(view[0]!);
  });
}
