import { computeChoiceReport, londonDateOf, type ChoiceReport, type DateRange, type ReportVisit } from '../../domain/evidence';
import type { IndicatedBy } from '../../domain/events';
import type { Db } from '../database/db';
import { listVisits } from '../visits/visit-queries';

interface DecisionDetailRow {
  event_id: string;
  chosen_carer_id: string | null;
  indicated_by: IndicatedBy | null;
  top_carer_id: string | null;
  referred_on: string | null;
}

/**
 * The organisation's choice report over `range`: gathers each visit decided in it (its current decision
 * as every office screen shows it, how it was indicated, the match run's top carer, the person's
 * referral date), then computes the figures with computeChoiceReport.
 */
export async function loadChoiceReport(db: Db, organisationId: string, range: DateRange): Promise<ChoiceReport> {
  return db.transaction(async (tx) => {
    const decided = (await listVisits(tx, organisationId)).flatMap((v) => {
      if (v.decision === null) return [];
      const day = londonDateOf(v.decision.decidedAt);
      return day >= range.from && day <= range.to ? [{ visitId: v.id, decision: v.decision }] : [];
    });
    const details = await tx.query<DecisionDetailRow>(
      `select e.id as event_id, e.payload->>'chosenCarerId' as chosen_carer_id,
              e.payload->'howDecided'->>'indicatedBy' as indicated_by,
              (select r->>'id' from jsonb_array_elements(mr.result->'ranked') r where (r->>'rank')::int = 1) as top_carer_id,
              to_char(p.referred_on, 'YYYY-MM-DD') as referred_on
         from events e
         join visits v on v.organisation_id = e.organisation_id and v.id = e.visit_id
         join people p on p.organisation_id = v.organisation_id and p.id = v.person_id
         left join match_runs mr on mr.organisation_id = e.organisation_id and mr.visit_id = e.visit_id
        where e.organisation_id = $1 and e.id = any($2::uuid[])`,
      [organisationId, decided.map((d) => d.decision.eventId)],
    );
    const detailOf = new Map(details.map((d) => [d.event_id, d]));
    const visits: ReportVisit[] = decided.map(({ visitId, decision }) => {
      const detail = detailOf.get(decision.eventId)!;
      return {
        visitId,
        decision: {
          outcome: decision.outcome,
          chosenCarerId: detail.chosen_carer_id,
          indicatedBy: detail.indicated_by,
          decidedAt: decision.decidedAt,
        },
        topMatchCarerId: detail.top_carer_id,
        referredOn: detail.referred_on,
      };
    });
    return computeChoiceReport(range, visits);
  });
}
