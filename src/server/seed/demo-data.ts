import type { CarerProfile, PersonProfile } from '../../domain/profiles';
import type { CarerMatchingFacts, PersonMatchingFacts } from '../matching/matching-facts';

/**
 * The demo organisation, written for Hearth. Everyone here is made up. Ids, photos and films are
 * added when seeding: each carer's media comes from seed/media/avatar-<name>.png and film-<name>.mp4.
 * The carers are in demo-carers.ts, the people and their planned visits in demo-people.ts.
 */
export const DEMO_ORGANISATION_NAME = 'Hearth Demo Home Care';
export const DEMO_ORGANISER = { name: 'Jo Baker', email: 'organiser@demo.hearth.test', password: 'hearth-demo' };

export type DemoCarer = Omit<CarerProfile, 'id' | 'photo' | 'film'> & { matching: CarerMatchingFacts };
export type DemoPerson = Omit<PersonProfile, 'id'>;

export interface DemoVisitPlan {
  person: DemoPerson;
  /** The person's matching facts; the visit happens at matching.homePlace. */
  matching: PersonMatchingFacts;
  /** Carer first names, in the order the person will see them: the engine's top-ranked, none excluded. */
  candidates: string[];
  /** Days after the seed time, and the time of day (UTC). */
  inDays: number;
  at: { hour: number; minute: number };
}

export function photoFileName(carerFirstName: string): string {
  return `avatar-${carerFirstName.toLowerCase()}.png`;
}

export function filmFileName(carerFirstName: string): string {
  return `film-${carerFirstName.toLowerCase()}.mp4`;
}
