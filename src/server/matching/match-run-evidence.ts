import type { MatchRunEvidence } from '../../domain/match-runs';
import type { MatchResult } from '../../domain/matching/result';
import type { Db } from '../database/db';

interface EvidenceRow {
  id: string;
  visit_id: string;
  person_first_name: string;
  run_by_name: string;
  run_at: Date;
  result: MatchResult;
  shortlist: string[];
  passed_over: { carerId: string; rank: number; reason: string }[];
}

/** How a visit's shortlist was made, or null when the visit was planned without a match run. */
export async function loadMatchRunEvidence(db: Db, organisationId: string, visitId: string): Promise<MatchRunEvidence | null> {
  const rows = await db.query<EvidenceRow>(
    `select mr.id, mr.visit_id, p.first_name as person_first_name, u.name as run_by_name, mr.run_at,
            mr.result, mr.shortlist, mr.passed_over
       from match_runs mr
       join users u on u.organisation_id = mr.organisation_id and u.id = mr.run_by
       join people p on p.organisation_id = mr.organisation_id and p.id = mr.person_id
      where mr.organisation_id = $1 and mr.visit_id = $2`,
    [organisationId, visitId],
  );
  const row = rows[0];
  if (!row) return null;
  const ranked = new Map(row.result.ranked.map((c) => [c.id, c]));
  const nameOf = (id: string) => ranked.get(id)?.name ?? 'A care worker';
  return {
    matchRunId: row.id,
    visitId: row.visit_id,
    personFirstName: row.person_first_name,
    runBy: row.run_by_name,
    runAt: new Date(row.run_at).toISOString(),
    funnel: {
      considered: row.result.funnel.considered,
      available: row.result.funnel.available,
      goodFit: row.result.funnel.goodFit,
      ranked: row.result.funnel.ranked,
    },
    shortlist: row.shortlist.map((id) => ({ carerId: id, name: nameOf(id), rank: ranked.get(id)?.rank ?? 1 })),
    passedOver: row.passed_over.map((p) => ({ carerId: p.carerId, name: nameOf(p.carerId), rank: p.rank, reason: p.reason })),
  };
}
