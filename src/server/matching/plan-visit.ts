import { MATCH_CHANGED_MESSAGE, type PlanVisitRequest, type PlanVisitResponse } from '../../domain/match-runs';
import { rankCarers } from '../../domain/matching/rank-carers';
import { describeShortlistProblem, passedOverCarers, sameMatch, seenOf, shortlistProblems } from '../../domain/shortlist-rules';
import type { SessionAuth } from '../auth/sessions';
import type { Db } from '../database/db';
import { HttpError, notFound } from '../http/api-error';
import { loadMatchInputs } from './match-inputs';

/**
 * Plans a home visit from a match run, all or nothing, in ONE transaction: the office re-runs the
 * engine on its own data (a client's result is never trusted), checks the shortlist against that
 * result, then writes the visit, its candidates in shortlist order and the match run as evidence.
 */
export async function planVisitFromMatch(
  db: Db,
  auth: Pick<SessionAuth, 'organisationId' | 'userId'>,
  request: PlanVisitRequest,
  ids: PlanVisitResponse,
): Promise<PlanVisitResponse> {
  const { organisationId } = auth;
  return db.transaction(async (tx) => {
    const inputs = await loadMatchInputs(tx, organisationId, request.personId);
    if (!inputs) throw notFound('personId: there is no such person. Choose them again from the list.');
    const result = rankCarers(inputs.scenario.person, inputs.scenario.staff);

    // Checked first: if the data moved on, the organiser's shortlist may rest on a result that no longer holds.
    if (!sameMatch(seenOf(result), request.seen)) throw new HttpError(409, 'match-changed', MATCH_CHANGED_MESSAGE);
    const problems = shortlistProblems(result, request.shortlist, request.passedOver);
    if (problems.length > 0) throw new HttpError(400, 'invalid-request', problems.map(describeShortlistProblem).join(' '));

    await tx.query('insert into visits (id, organisation_id, person_id, planned_at, place) values ($1, $2, $3, $4, $5)', [
      ids.visitId,
      organisationId,
      request.personId,
      request.plannedAt,
      request.place,
    ]);
    for (const [position, carerId] of request.shortlist.entries()) {
      await tx.query('insert into visit_candidates (organisation_id, visit_id, carer_id, position) values ($1, $2, $3, $4)', [
        organisationId,
        ids.visitId,
        carerId,
        position,
      ]);
    }
    // shortlistProblems has checked that these, and only these, have a reason.
    const reasons = new Map(request.passedOver.map((p) => [p.carerId, p.reason]));
    const passedOver = passedOverCarers(result.ranked, request.shortlist).map((c) => ({
      carerId: c.id,
      rank: c.rank,
      reason: reasons.get(c.id) ?? '',
    }));
    await tx.query(
      `insert into match_runs (id, organisation_id, run_by, person_id, inputs, result, shortlist, passed_over, visit_id)
       values ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7::jsonb, $8::jsonb, $9)`,
      [
        ids.matchRunId,
        organisationId,
        auth.userId,
        request.personId,
        JSON.stringify(inputs.scenario),
        JSON.stringify(result),
        JSON.stringify(request.shortlist),
        JSON.stringify(passedOver),
        ids.visitId,
      ],
    );
    return ids;
  });
}
