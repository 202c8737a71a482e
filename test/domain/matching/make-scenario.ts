import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MatchPersonSchema, MatchStaffSchema, ScenarioSchema, type MatchPerson, type MatchStaff, type Scenario } from '../../../src/domain/matching/scenario';

/** Bispham, near Blackpool: where Hilda lives. */
export const BISPHAM = { lat: 53.848, lon: -3.045 };

/** A path under test/fixtures/scenarios. */
export function scenarioPath(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/scenarios/${name}`, import.meta.url));
}

export function loadScenario(name: 'hilda' | 'ruth' | 'peter'): Scenario {
  return ScenarioSchema.parse(JSON.parse(readFileSync(scenarioPath(`${name}.json`), 'utf8')));
}

/** Hilda-like by default: one Monday morning visit at home, no stated needs. */
export function makePerson(overrides: Partial<MatchPerson> = {}): MatchPerson {
  return MatchPersonSchema.parse({
    id: 'hilda',
    name: 'Hilda',
    visits: [{ day: 'mon', start: '09:30', end: '10:15' }],
    location: BISPHAM,
    ...overrides,
  });
}

/** A carer who is free all week, lives next door and has nothing on their profile yet. */
export function makeCarer(overrides: Partial<MatchStaff> & Pick<MatchStaff, 'id'>): MatchStaff {
  return MatchStaffSchema.parse({
    name: overrides.id.charAt(0).toUpperCase() + overrides.id.slice(1),
    gender: 'woman',
    availability: (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => ({ day, start: '07:00', end: '22:00' })),
    location: BISPHAM,
    ...overrides,
  });
}
