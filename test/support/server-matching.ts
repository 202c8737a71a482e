import { MatchInputsSchema, type MatchInputs, type PlanVisitRequest } from '../../src/domain/match-runs';
import type { MatchResult } from '../../src/domain/matching/result';
import { rankCarers } from '../../src/domain/matching/rank-carers';
import { seenOf } from '../../src/domain/shortlist-rules';
import type { Db } from '../../src/server/database/db';
import type { ServerWorld } from './server-world';

/** What the app does before planning: fetch the inputs and run the engine on them. */
export async function runMatchAsTheApp(world: ServerWorld, cookie: string, personId: string): Promise<{ inputs: MatchInputs; result: MatchResult }> {
  const response = await world.app.inject({ method: 'GET', url: `/api/people/${personId}/match-inputs`, headers: { cookie } });
  if (response.statusCode !== 200) throw new Error(`match-inputs failed: ${response.statusCode} ${response.body}`);
  const inputs = MatchInputsSchema.parse(response.json());
  return { inputs, result: rankCarers(inputs.scenario.person, inputs.scenario.staff) };
}

/** A valid plan: the top three ranked carers, nobody passed over, what the app saw. */
export function planRequest(inputs: MatchInputs, result: MatchResult, overrides: Partial<PlanVisitRequest> = {}): PlanVisitRequest {
  return {
    personId: inputs.person.id,
    plannedAt: '2025-03-05T10:30:00.000Z',
    place: inputs.person.place,
    shortlist: result.ranked.slice(0, 3).map((c) => c.id),
    passedOver: [],
    seen: seenOf(result),
    ...overrides,
  };
}

/** Rows that planning a visit writes: a refused plan must leave every count unchanged. */
export async function countPlanningRows(db: Db): Promise<{ visits: number; candidates: number; matchRuns: number }> {
  const [row] = await db.query<{ visits: number; candidates: number; match_runs: number }>(
    `select (select count(*)::int from visits) as visits,
            (select count(*)::int from visit_candidates) as candidates,
            (select count(*)::int from match_runs) as match_runs`,
  );
  return { visits: row!.visits, candidates: row!.candidates, matchRuns: row!.match_runs };
}
