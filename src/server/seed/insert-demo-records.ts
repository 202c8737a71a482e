import { z } from 'zod';
import { GeoPointSchema, TimeWindowSchema } from '../../domain/matching/scenario';
import type { PersonModeSettings } from '../../domain/person-mode';
import type { CarerProfile, PersonProfile } from '../../domain/profiles';
import type { Db } from '../database/db';
import type { CarerMatchingFacts, PersonMatchingFacts } from '../matching/matching-facts';

const WindowsSchema = z.array(TimeWindowSchema);

/**
 * Writes a carer's one-page profile and matching facts, as agreed to be shown (the demo's carers are made
 * up; a real one agrees in the app). The facts are checked like the engine's inputs.
 */
export async function insertCarer(tx: Db, organisationId: string, carer: CarerProfile, facts: CarerMatchingFacts): Promise<void> {
  const { id, firstName, photo, film, captions, voices, ...profile } = carer;
  const base = GeoPointSchema.parse(facts.base);
  await tx.query(
    `insert into carers (id, organisation_id, first_name, profile, photo_sha256, film_sha256,
                         gender, availability, base_lat, base_lon, travel_km, drives, skills, languages,
                         captions_sha256, voice_appreciated_sha256, voice_matters_sha256, base_area, consent_given_at)
     values ($1, $2, $3, $4::jsonb, $5, $6, $7, $8::jsonb, $9, $10, $11, $12, $13::jsonb, $14::jsonb, $15, $16, $17, $18, now())`,
    [
      id,
      organisationId,
      firstName,
      JSON.stringify(profile),
      photo,
      film,
      facts.gender,
      JSON.stringify(WindowsSchema.parse(facts.availability)),
      base.lat,
      base.lon,
      facts.travelKm ?? null,
      facts.drives,
      JSON.stringify(facts.skills),
      JSON.stringify(facts.languages),
      captions ?? null,
      voices?.appreciated ?? null,
      voices?.mattersToMe ?? null,
      facts.baseArea ?? null,
    ],
  );
}

/** Writes a person's one-page profile, matching facts and, if set, person-mode settings. */
export async function insertPerson(
  tx: Db,
  organisationId: string,
  person: PersonProfile,
  facts: PersonMatchingFacts,
  personMode: PersonModeSettings | null = null,
): Promise<void> {
  const { id, firstName, ...profile } = person;
  const home = GeoPointSchema.parse(facts.home);
  await tx.query(
    `insert into people (id, organisation_id, first_name, profile,
                         home_place, visit_times, home_lat, home_lon, needs_skills, languages, personal_care_by, person_mode, referred_on)
     values ($1, $2, $3, $4::jsonb, $5, $6::jsonb, $7, $8, $9::jsonb, $10::jsonb, $11, $12::jsonb, $13::date)`,
    [
      id,
      organisationId,
      firstName,
      JSON.stringify(profile),
      facts.homePlace,
      JSON.stringify(WindowsSchema.parse(facts.visitTimes)),
      home.lat,
      home.lon,
      JSON.stringify(facts.needsSkills),
      JSON.stringify(facts.languages),
      facts.personalCareBy,
      personMode === null ? null : JSON.stringify(personMode),
      facts.referredOn ?? null,
    ],
  );
}
