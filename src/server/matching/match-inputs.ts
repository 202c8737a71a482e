import type { MatchInputs, PersonForMatching } from '../../domain/match-runs';
import { ScenarioSchema } from '../../domain/matching/scenario';
import type { PersonProfile } from '../../domain/profiles';
import type { Db } from '../database/db';
import { CARER_COLUMNS, viewOf, type CarerRow as StoredCarerRow } from '../carers/carer-profiles';
import { HttpError } from '../http/api-error';
import { PERSON_COLUMNS, type PersonRow as StoredPersonRow } from '../people/person-profiles';

/** A person whose one-page profile has been written: what matching reads of it is there. */
type PersonRow = StoredPersonRow & { profile: Omit<PersonProfile, 'id' | 'firstName'> };

/** A carer as stored, with what the engine reads; qualities and interests are always written with the profile. */
type CarerRow = StoredCarerRow & { profile: { qualities: string[]; interests: string[] } };

function toPersonForMatching(row: Pick<PersonRow, 'id' | 'first_name' | 'profile' | 'home_place'>): PersonForMatching {
  // Before 0002 there was no home_place: the one-page profile's "lives at" is the next best thing.
  return { id: row.id, firstName: row.first_name, age: row.profile.age, place: row.home_place ?? row.profile.livesAt };
}

/** The organisation's people, by first name. */
export async function listPeopleForMatching(db: Db, organisationId: string): Promise<PersonForMatching[]> {
  const rows = await db.query<PersonRow>(
    // A person newly added has no one-page profile yet (no age, nowhere to visit): nothing to match until it is written.
    "select id, first_name, profile, home_place from people where organisation_id = $1 and profile ? 'age' order by first_name, id",
    [organisationId],
  );
  return rows.map(toPersonForMatching);
}

/**
 * Gathers what the engine needs for one person: their facts and every care worker of the organisation,
 * always in the same order (by first name, then id) so the app and the office rank the same list.
 * Null when the organisation has no such person.
 */
export async function loadMatchInputs(db: Db, organisationId: string, personId: string): Promise<MatchInputs | null> {
  const people = await db.query<PersonRow>(
    `select ${PERSON_COLUMNS} from people where organisation_id = $1 and id = $2`,
    [organisationId, personId],
  );
  const person = people[0];
  if (!person) return null;
  if (person.home_lat === null || person.home_lon === null || person.visit_times.length === 0) {
    throw new HttpError(
      409,
      'missing-details',
      `Hearth needs ${person.first_name}'s visit times and where they live before it can match care workers. Add them, then try again.`,
    );
  }
  const carers = await db.query<CarerRow>(`select ${CARER_COLUMNS} from carers c where c.organisation_id = $1 order by c.first_name, c.id`, [organisationId]);
  // Only profiles that may be shown to a person are matched: complete, with photo and film, and agreed to.
  const blockers = new Map(carers.map((c) => [c.id, viewOf(c).blockers]));
  const complete = carers.filter((c) => blockers.get(c.id)?.length === 0 && c.gender !== null && c.base_lat !== null && c.base_lon !== null);
  const scenario = ScenarioSchema.parse({
    person: {
      id: person.id,
      name: person.first_name,
      visits: person.visit_times,
      location: { lat: person.home_lat, lon: person.home_lon },
      wants: person.profile.getsOnWith,
      avoids: person.profile.doesNotGetOnWith,
      interests: person.profile.interests,
      needsSkills: person.needs_skills,
      languages: person.languages,
      personalCareBy: person.personal_care_by,
    },
    staff: complete.map((c) => ({
      id: c.id,
      name: c.first_name,
      gender: c.gender,
      availability: c.availability,
      location: { lat: c.base_lat, lon: c.base_lon },
      ...(c.travel_km === null ? {} : { travelKm: c.travel_km }),
      ...(c.drives === null ? {} : { drives: c.drives }),
      qualities: c.profile.qualities,
      interests: c.profile.interests,
      skills: c.skills,
      languages: c.languages,
    })),
  });
  return {
    person: toPersonForMatching(person),
    scenario,
    notShowable: carers.filter((c) => !complete.includes(c)).map((c) => ({ id: c.id, name: c.first_name, blockers: blockers.get(c.id) ?? [] })),
  };
}
