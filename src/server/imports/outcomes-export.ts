import type { OutcomeRecordedPayload } from '../../domain/events';
import type { OutcomeExportRow, OutcomesExportQuery } from '../../domain/csv/outcomes-csv';
import type { Db } from '../database/db';
import { describeFollowUp } from '../follow-ups/describe-follow-up';
import { listVisits } from '../visits/visit-queries';

/** Hearth is used in the UK: the export's days and times are those on the wall there. */
const ukParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function ukDateAndTime(iso: string): { date: string; time: string } {
  const part = Object.fromEntries(ukParts.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return { date: `${part.year}-${part.month}-${part.day}`, time: `${part.hour}:${part.minute}` };
}

const ukStamp = (iso: string) => {
  const { date, time } = ukDateAndTime(iso);
  return `${date} ${time}`;
};

/** JSON text of a list of ids, for `in (select value::uuid from jsonb_array_elements_text($n::jsonb))`. */
const idList = (ids: readonly string[]) => JSON.stringify([...new Set(ids)]);

/**
 * Every visit of the organisation with an outcome, on days from `from` to `to` (UK time, both
 * included), in visit order. The outcome is the visit's current decision exactly as the office's
 * visit list works it out (listVisits: the latest received, not withdrawn, not set aside by the office).
 */
export async function loadOutcomeExport(db: Db, organisationId: string, range: OutcomesExportQuery): Promise<OutcomeExportRow[]> {
  const decided = (await listVisits(db, organisationId)).flatMap((visit) => {
    if (!visit.decision) return [];
    const when = ukDateAndTime(visit.plannedAt);
    if ((range.from !== undefined && when.date < range.from) || (range.to !== undefined && when.date > range.to)) return [];
    return [{ visit, decision: visit.decision, when }];
  });
  if (decided.length === 0) return [];

  const events = await db.query<{ id: string; payload: OutcomeRecordedPayload }>(
    `select id, payload from events
      where organisation_id = $1 and id in (select value::uuid from jsonb_array_elements_text($2::jsonb))`,
    [organisationId, idList(decided.map((d) => d.decision.eventId))],
  );
  const payloads = new Map(events.map((e) => [e.id, e.payload]));
  const shownIds = events.flatMap((e) => [...e.payload.orderShown, ...(e.payload.meetFirstCarerIds ?? [])]);
  const carers = await db.query<{ id: string; first_name: string }>(
    `select id, first_name from carers
      where organisation_id = $1 and id in (select value::uuid from jsonb_array_elements_text($2::jsonb))`,
    [organisationId, idList(shownIds)],
  );
  const nameOf = new Map(carers.map((c) => [c.id, c.first_name]));
  // Ranks are 1, 2, 3… in order: the first ranked carer is the top match the office's engine found.
  const runs = await db.query<{ visit_id: string; top_carer_id: string | null }>(
    `select visit_id, result->'ranked'->0->>'id' as top_carer_id from match_runs
      where organisation_id = $1 and visit_id in (select value::uuid from jsonb_array_elements_text($2::jsonb))`,
    [organisationId, idList(decided.map((d) => d.visit.id))],
  );
  const topOf = new Map(runs.map((r) => [r.visit_id, r.top_carer_id]));

  return decided.map(({ visit, decision, when }) => {
    const payload = payloads.get(decision.eventId)!;
    const names = (ids: readonly string[]) => ids.map((id) => nameOf.get(id) ?? 'A care worker');
    return {
      visitDate: when.date,
      visitTime: when.time,
      place: visit.place,
      personFirstName: visit.personFirstName,
      outcome: payload.outcome === 'chosen' ? 'Chose a carer' : describeFollowUp(payload.outcome, names(payload.meetFirstCarerIds ?? [])),
      chosenCarer: payload.chosenCarerId === null ? null : (nameOf.get(payload.chosenCarerId) ?? decision.chosenCarerFirstName),
      carersShown: names(payload.orderShown),
      topMatchChosen:
        payload.chosenCarerId === null
          ? 'no carer chosen'
          : !topOf.has(visit.id)
            ? 'no match run'
            : topOf.get(visit.id) === payload.chosenCarerId
              ? 'yes'
              : 'no',
      howDecided: payload.howDecided ?? null,
      decidedAt: ukStamp(decision.decidedAt),
      reachedOfficeAt: ukStamp(decision.receivedAt),
      openConflict: visit.openConflicts > 0,
    };
  });
}
