import { INTEREST_VOCABULARY } from '../../domain/interests/vocabulary';
import type { Day, MatchPerson, MatchStaff, TimeWindow } from '../../domain/matching/scenario';
import { Dice } from './mulberry32';

/**
 * A made-up organisation shaped like a real one: carers and people clustered around towns, carers
 * free in a few long windows, people needing short visits, profiles drawn from the same words real
 * profiles use (vocabulary terms, their alternatives, synonyms for qualities and skills, free text).
 */
const DAYS: readonly Day[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const TOWNS = 30;
const TOWN_SPREAD_DEGREES = 0.09;
const QUALITIES = ['calm', 'quiet', 'patient', 'great listener', 'good listener', 'chatty', 'lively', 'bubbly', 'fun', 'funny', 'kind', 'caring', 'gentle', 'organised', 'reliable', 'cheerful', 'friendly', 'loud', 'practical', 'honest', 'bossy', 'serious', 'Calm and unhurried in the mornings', 'warm'];
const AVOIDS = ['loud', 'rushed', 'bossy', 'impatient', 'quiet', 'serious', 'grumpy', 'noisy'];
const SKILLS = ['medication', 'meds', 'hoist', 'dementia care', 'moving and handling', 'personal care', 'catheter care', 'PEG feeding', 'diabetes care', 'end of life care', 'learning disability support', 'autism support', 'first aid', 'Makaton'];
const COMMON_NEEDS = ['medication', 'personal care', 'dementia care', 'hoist', 'meds'];
const OTHER_LANGUAGES = ['cy', 'pl', 'pa', 'ur', 'gu', 'bn', 'ro', 'Spanish', 'French', 'ar', 'so'];
const FREE_TEXT = ['my grandchildren', 'walking by the sea', 'cooking West African food', 'baking Welsh cakes', 'old photos of Blackpool', 'Sunday lunch with my mum', 'learning the piano', 'watching the boats', 'rock pooling', 'the village news'];
const INTEREST_WORDS = INTEREST_VOCABULARY.flatMap((e) => [e.label, ...(e.alt ?? []).slice(0, 2)]);
const CARER_WINDOWS: readonly (readonly [string, string])[] = [['07:00', '14:00'], ['08:00', '16:00'], ['09:00', '17:00'], ['14:00', '22:00'], ['07:00', '10:00'], ['16:00', '20:00'], ['07:00', '22:00']];
const NAMES = ['Sam', 'Priya', 'Tom', 'Grace', 'Kwame', 'Megan', 'Dan', 'Aisha', 'Bethan', 'Jo', 'Alex', 'Chris', 'Lowri', 'Ola', 'Zainab', 'Marek', 'Ruth', 'Hannah', 'Ade', 'Kim'];

export interface Organisation {
  staff: MatchStaff[];
  people: MatchPerson[];
}

export function syntheticOrganisation(dice: Dice, staffCount: number, peopleCount: number): Organisation {
  const towns = Array.from({ length: TOWNS }, () => ({ lat: dice.float(50.4, 54.9), lon: dice.float(-4.2, -0.6) }));
  const near = () => {
    const town = dice.pick(towns);
    return { lat: round(town.lat + dice.normal(TOWN_SPREAD_DEGREES)), lon: round(town.lon + dice.normal(TOWN_SPREAD_DEGREES * 1.6)) };
  };
  const staff = Array.from({ length: staffCount }, (_, i) => carer(dice, i, near()));
  const people = Array.from({ length: peopleCount }, (_, i) => person(dice, i, near()));
  return { staff, people };
}

function carer(dice: Dice, i: number, location: { lat: number; lon: number }): MatchStaff {
  const availability: TimeWindow[] = [];
  for (const day of dice.some(DAYS, dice.int(4, 7))) {
    for (const [start, end] of dice.some(CARER_WINDOWS, dice.int(1, 2))) availability.push({ day, start, end });
  }
  const member: MatchStaff = {
    id: `carer-${String(i).padStart(5, '0')}`,
    name: `${dice.pick(NAMES)} ${String.fromCharCode(65 + dice.int(0, 25))}.`,
    gender: dice.chance(0.8) ? 'woman' : dice.chance(0.95) ? 'man' : 'non-binary',
    availability,
    location,
    qualities: dice.some(QUALITIES, dice.int(2, 4)),
    interests: [...dice.some(INTEREST_WORDS, dice.int(3, 6)), ...(dice.chance(0.3) ? [dice.pick(FREE_TEXT)] : [])],
    skills: [...dice.some(COMMON_NEEDS, dice.int(1, 3)), ...dice.some(SKILLS, dice.int(1, 4))],
    languages: dice.chance(0.15) ? ['en', dice.pick(OTHER_LANGUAGES)] : ['en'],
  };
  if (dice.chance(0.2)) member.drives = false;
  if (dice.chance(0.3)) member.travelKm = dice.int(5, 25);
  return member;
}

function person(dice: Dice, i: number, location: { lat: number; lon: number }): MatchPerson {
  const visits: TimeWindow[] = dice.some(DAYS, dice.int(1, 3)).map((day) => {
    const start = dice.int(8 * 4, 19 * 4) * 15;
    return { day, start: clock(start), end: clock(start + dice.pick([30, 45, 60])) };
  });
  const careBy = dice.float(0, 1);
  return {
    id: `person-${String(i).padStart(4, '0')}`,
    name: dice.pick(['Hilda', 'Ruth', 'Peter', 'Arthur', 'Mary', 'Jean', 'Dilys', 'Harold', 'Joan', 'Raj']),
    visits,
    location,
    wants: dice.some(QUALITIES.slice(0, 17), dice.int(1, 3)),
    avoids: dice.some(AVOIDS, dice.int(0, 2)),
    interests: [...dice.some(INTEREST_WORDS, dice.int(3, 6)), ...(dice.chance(0.3) ? [dice.pick(FREE_TEXT)] : [])],
    needsSkills: dice.chance(0.6) ? [] : [dice.pick(COMMON_NEEDS)],
    languages: dice.chance(0.05) ? [dice.pick(OTHER_LANGUAGES)] : ['en'],
    personalCareBy: careBy < 0.3 ? 'woman' : careBy < 0.35 ? 'man' : null,
  };
}

function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function round(degrees: number): number {
  return Math.round(degrees * 1e5) / 1e5;
}
