import { randomUUID } from 'node:crypto';
import type { OutcomeRecorded } from '../../domain/events';
import type { Db } from '../database/db';
import type { NewlyStored } from '../events/apply-event';
import type { PushFacts } from '../events/check-event';

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
 * Raises the conflicts that newly stored outcomes bring, in the transaction that stored them: never
 * resolves them. One query and one insert for the batch, however many outcomes it holds.
 * - Another tablet's answer for the visit, received before this one, still stands (not withdrawn) and
 *   says something else: 'different-outcomes'. A tablet never conflicts with itself: it withdraws
 *   before it records again, and withdrawals are stored after the other events.
 * - The carers the person was shown are not the visit's shortlist now (the office changed it while
 *   the tablet was away): 'shortlist-changed'.
 */
export async function raiseOutcomeConflicts(tx: Db, outcomes: readonly NewlyStored<OutcomeRecorded>[], facts: PushFacts): Promise<void> {
  if (outcomes.length === 0) return;
  const others = await tx.query<CurrentOutcome & { new_id: string }>(
    `select n.id::text as new_id, e.id, e.payload->>'outcome' as outcome, e.payload->>'chosenCarerId' as chosen,
            (select array_agg(x) from jsonb_array_elements_text(coalesce(e.payload->'meetFirstCarerIds', '[]'::jsonb)) x) as meet_first
       from jsonb_to_recordset($1::jsonb) as n(id uuid, organisation_id uuid, visit_id uuid, device_id uuid, seq bigint)
       join events e on e.organisation_id = n.organisation_id and e.visit_id = n.visit_id and e.type = 'OutcomeRecorded'
                    and e.received_seq < n.seq and e.device_id <> n.device_id
      where not exists (
          select 1 from events w
           where w.organisation_id = e.organisation_id and w.type = 'OutcomeWithdrawn'
             and w.payload->>'withdrawsEventId' = e.id::text)
      order by e.received_seq desc`,
    [
      JSON.stringify(
        outcomes.map(({ organisationId, event, receivedSeq }) => ({
          id: event.id,
          organisation_id: organisationId,
          visit_id: event.visitId,
          device_id: event.deviceId,
          seq: receivedSeq,
        })),
      ),
    ],
  );
  const othersOf = new Map<string, CurrentOutcome[]>();
  for (const other of others) othersOf.set(other.new_id, [...(othersOf.get(other.new_id) ?? []), other]);

  const conflicts: { id: string; organisation_id: string; visit_id: string; kind: string; event_id: string; other_event_id: string | null }[] = [];
  for (const { organisationId, event } of outcomes) {
    const raise = (kind: 'different-outcomes' | 'shortlist-changed', otherEventId: string | null) =>
      conflicts.push({ id: randomUUID(), organisation_id: organisationId, visit_id: event.visitId, kind, event_id: event.id, other_event_id: otherEventId });
    // Newest first: the answer it disagrees with is the latest that still stands.
    const disagreeing = othersOf.get(event.id)?.find((other) => !sameAnswer(event.payload, other));
    if (disagreeing) raise('different-outcomes', disagreeing.id);

    const now = facts.visits.get(event.visitId)?.shortlist ?? new Set<string>();
    const shown = new Set(event.payload.orderShown);
    if (now.size !== shown.size || [...shown].some((id) => !now.has(id))) raise('shortlist-changed', null);
  }
  if (conflicts.length === 0) return;
  await tx.query(
    `insert into visit_conflicts (id, organisation_id, visit_id, kind, event_id, other_event_id)
     select c.id, c.organisation_id, c.visit_id, c.kind, c.event_id, c.other_event_id
       from jsonb_to_recordset($1::jsonb) as c(id uuid, organisation_id uuid, visit_id uuid, kind text, event_id uuid, other_event_id uuid)`,
    [JSON.stringify(conflicts)],
  );
}

/** Tablets withdrew these answers: the conflicts they were part of close by themselves, saying so. */
export async function closeConflictsOfWithdrawn(tx: Db, withdrawnEventIds: readonly string[]): Promise<void> {
  await tx.query(
    `update visit_conflicts set resolved_at = now(), resolved_by = null, note = $2
      where resolved_at is null and (event_id = any($1::uuid[]) or other_event_id = any($1::uuid[]))`,
    [withdrawnEventIds, CLOSED_BY_WITHDRAWAL_NOTE],
  );
}
