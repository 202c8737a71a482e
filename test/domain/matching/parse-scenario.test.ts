import { describe, expect, it } from 'vitest';
import { parseScenario } from '../../../src/domain/matching/parse-scenario';
import { loadScenario } from './make-scenario';

describe('parseScenario', () => {
  it('accepts the demo scenarios', () => {
    for (const name of ['hilda', 'ruth', 'peter'] as const) expect(parseScenario(loadScenario(name)).ok).toBe(true);
  });

  it('accepts a missing or null personalCareBy', () => {
    const { person, staff } = loadScenario('hilda');
    const { personalCareBy: _, ...withoutPreference } = person;
    expect(parseScenario({ person: withoutPreference, staff }).ok).toBe(true);
    expect(parseScenario({ person: { ...person, personalCareBy: null }, staff }).ok).toBe(true);
  });

  it('names the field that is wrong', () => {
    const scenario = loadScenario('hilda');
    scenario.staff[3]!.availability[0]!.start = '8:45';
    expect(parseScenario(scenario)).toEqual({ ok: false, problems: ['staff.3.availability.0.start: must be a 24-hour time like 08:45'] });
  });

  it('accepts and drops fields it does not use ("more are fine"), as rostering exports carry extra columns', () => {
    const scenario = loadScenario('hilda');
    const result = parseScenario({ ...scenario, exportedAt: 'today', staff: [{ ...scenario.staff[0], phone: '0800' }] });
    expect(result.ok && result.scenario.staff[0]).toEqual(scenario.staff[0]);
  });

  it('reports every problem in plain words, including duplicate ids and missing fields', () => {
    const scenario = loadScenario('hilda');
    const { location: _, ...homeless } = scenario.person;
    const result = parseScenario({ person: { ...homeless, visits: [], id: 7 }, staff: scenario.staff });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual(['person.id: must be a string', 'person.visits: must list at least one visit time', 'person.location: is missing']);
    const twice = parseScenario({ ...scenario, staff: [scenario.staff[0], scenario.staff[0]] });
    expect(!twice.ok && twice.problems).toEqual(['staff.1.id: "sam" is used twice']);
  });

  it('says what is wrong with something that is not a scenario at all', () => {
    const result = parseScenario([1, 2, 3]);
    expect(!result.ok && result.problems[0]).toMatch(/^scenario: /);
  });
});
