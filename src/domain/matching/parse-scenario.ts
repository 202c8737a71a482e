import type { z } from 'zod';
import { ScenarioSchema, type Scenario } from './scenario';

export type ScenarioParse = { ok: true; scenario: Scenario } | { ok: false; problems: string[] };

/**
 * Validates a scenario and, when it is wrong, says where in words a person can act on:
 * "staff.3.availability.0.start: must be a 24-hour time like 08:45".
 */
export function parseScenario(input: unknown): ScenarioParse {
  const result = ScenarioSchema.safeParse(input);
  if (result.success) return { ok: true, scenario: result.data };
  return { ok: false, problems: result.error.issues.map(describeIssue) };
}

export function describeIssue(issue: z.core.$ZodIssue): string {
  const where = issue.path.length === 0 ? 'scenario' : issue.path.map(String).join('.');
  return `${where}: ${plainMessage(issue)}`;
}

/** zod's wording for the two commonest slips ("Invalid input: expected string, received undefined") in plain words. */
function plainMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') {
    return / received undefined$/.test(issue.message) ? 'is missing' : `must be ${article(issue.expected)}`;
  }
  if (issue.code === 'unrecognized_keys') return `has fields Hearth does not know: ${issue.keys.join(', ')}`;
  return issue.message;
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}
