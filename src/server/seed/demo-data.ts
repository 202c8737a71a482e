import type { PersonModeSettings } from '../../domain/person-mode';
import type { CarerProfile, PersonProfile } from '../../domain/profiles';
import type { CarerMatchingFacts, PersonMatchingFacts } from '../matching/matching-facts';

/**
 * The demo organisation, written for Hearth. Everyone here is made up. Ids, photos and films are
 * added when seeding: each carer's media comes from seed/media/avatar-<name>.png, film-<name>.mp4,
 * captions-<name>.vtt (the film's captions), and voice-<name>-appreciated.m4a and voice-<name>-matters.m4a
 * (each section of their profile read aloud).
 * The carers are in demo-carers.ts, the people and their planned visits in demo-people.ts.
 */
export const DEMO_ORGANISATION_NAME = 'Hearth Demo Home Care';
export const DEMO_ORGANISER = { name: 'Jo Baker', email: 'organiser@demo.hearth.test', password: 'hearth-demo' };
/** Manages the organisation's accounts (and tablets); sees none of the office's records. */
export const DEMO_ADMIN = { name: 'Ade Okafor', email: 'admin@demo.hearth.test', password: 'hearth-demo' };
/** Reads the reports and the visits' evidence; changes nothing. */
export const DEMO_MANAGER = { name: 'Mina Hughes', email: 'manager@demo.hearth.test', password: 'hearth-demo' };
/** A care worker's own account: they see and edit only their own one-page profile (Sam's). */
export const DEMO_CARE_WORKER = { name: 'Sam Patel', email: 'sam@demo.hearth.test', password: 'hearth-demo', carerFirstName: 'Sam' };
/** Description first ("picture on the back") unless a person's settings say otherwise, so no one chooses a friendly-looking face. */
export const DEMO_DESCRIPTION_FIRST = true;

export type DemoCarer = Omit<CarerProfile, 'id' | 'photo' | 'film' | 'captions' | 'voices'> & { matching: CarerMatchingFacts };
export type DemoPerson = Omit<PersonProfile, 'id'>;

export interface DemoVisitPlan {
  person: DemoPerson;
  /** The person's matching facts; the visit happens at matching.homePlace. */
  matching: PersonMatchingFacts;
  /** Their person-mode settings, or null for the defaults. */
  personMode: PersonModeSettings | null;
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

export function captionsFileName(carerFirstName: string): string {
  return `captions-${carerFirstName.toLowerCase()}.vtt`;
}

/** The sections of a carer's card that each have their own recording, in the order they are shown. */
export const VOICE_SECTIONS = ['appreciated', 'mattersToMe'] as const;
export type VoiceSection = (typeof VOICE_SECTIONS)[number];
const VOICE_FILE_SUFFIX: Record<VoiceSection, string> = { appreciated: 'appreciated', mattersToMe: 'matters' };

/** voice-<name>-appreciated.m4a or voice-<name>-matters.m4a (the names make-demo-media.sh writes). */
export function voiceFileName(carerFirstName: string, section: VoiceSection): string {
  return `voice-${carerFirstName.toLowerCase()}-${VOICE_FILE_SUFFIX[section]}.m4a`;
}

/** Every demo file of one carer, in the order they are copied. */
export function carerMediaFileNames(carerFirstName: string): string[] {
  return [
    photoFileName(carerFirstName),
    filmFileName(carerFirstName),
    captionsFileName(carerFirstName),
    ...VOICE_SECTIONS.map((section) => voiceFileName(carerFirstName, section)),
  ];
}
