import { randomUUID } from 'node:crypto';
import type { OutcomeRecorded } from '../../domain/events';
import type { Db } from '../database/db';

export const CLOSED_BY_WITHDRAWAL_NOTE = 'closed on the tablet: one of the answers was withdrawn';

interface CurrentOutcome {
  id: string;
  outcome: string;
  chosen: string | null;
  meet_first: string[] | null;
}

/** Two answers say the same when the outcome, the carer chosen and the carers to meet first all agree. */
function sameAnswer(a: OutcomeRecorded['payload'], b: CurrentOutcome): boolean {
  const meetA = [...(a.meetFirstCarerIds ?? [])].sort().join(',');
  const meetB = [...(b.meet_first ?? [])].sort().join(',');
  return a.outcome === b.outcome && (a.chosenCarerId ?? null) === b.chosen && meetA === meetB;
}

/**
 * Raises the conflicts a newly stored outcome brings, in its own transaction: never resolves them.
 * - Another tablet's answer for the visit still stands (not withdrawn) and says something else:
 *   'different-outcomes'. A tablet never conflicts with itself: it withdraws before it records again,
 *   and a push stores withdrawals after the other events.
 * - The carers the person was shown are not the visit's shortlist now (the office changed it while
 *   the tablet was away): 'shortlist-changed'.
 */
export async function raiseOutcomeConflicts(tx: Db, organisationId: string, event: OutcomeRecorded): Promise<void> {
  const others = await tx.query<CurrentOutcome>(
    `select e.id, e.payload->>'outcome' as outcome, e.payload->>'chosenCarerId' as chosen,
            (select array_agg(x) from jsonb_array_elements_text(coalesce(e.payload->'meetFirstCarerIds', '[]'::jsonb)) x) as meet_first
       from events e
      where e.organisation_id = $1 and e.visit_id = $2 and e.type = 'OutcomeRecorded' and e.id <> $3 and e.device_id <> $4
        and not exists (
          select 1 from events w
           where w.organisation_id = e.organisation_id and w.type = 'OutcomeWithdrawn'
             and w.payload->>'withdrawsEventId' = e.id::text)
      order by e.received_seq desc`,
    [organisationId, event.visitId, event.id, event.deviceId],
  );
  const disagreeing = others.find((other) => !sameAnswer(event.payload, other));
  if (disagreeing) {
    await tx.query(
      `insert into visit_conflicts (id, organisation_id, visit_id, kind, event_id, other_event_id)
       values ($1, $2, $3, 'different-outcomes', $4, $5)`,
      [randomUUID(), organisationId, event.visitId, event.id, disagreeing.id],
    );
  }

  const shortlist = await tx.query<{ carer_id: string }>('select carer_id from visit_candidates where organisation_id = $1 and visit_id = $2', [
    organisationId,
    event.visitId,
  ]);
  const now = new Set(shortlist.map((c) => c.carer_id));
  const shown = new Set(event.payload.orderShown);
  if (now.size !== shown.size || [...shown].some((id) => !now.has(id))) {
    await tx.query(
      `insert into visit_conflicts (id, organisation_id, visit_id, kind, event_id) values ($1, $2, $3, 'shortlist-changed', $4)`,
      [randomUUID(), organisationId, event.visitId, event.id],
    );
  }
}

/** A tablet withdrew an answer: the conflicts it was part of close by themselves, saying so. */
export async function closeConflictsOfWithdrawn(tx: Db, organisationId: string, withdrawnEventId: string): Promise<void> {
  await tx.query(
    `update visit_conflicts set resolved_at = now(), resolved_by = null, note = $3
      where organisation_id = $1 and resolved_at is null and (event_id = $2 or other_event_id = $2)`,
    [organisationId, withdrawnEventId, CLOSED_BY_WITHDRAWAL_NOTE],
  );
}
