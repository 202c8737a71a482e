import type { HearthEvent } from '../../domain/events';
import type { Db } from '../database/db';
import { HttpError } from '../http/api-error';

/**
 * What the checks need to know about the office's records a push names, loaded in one query whatever
 * the number of events, so checking is not a query per event.
 */
export interface PushFacts {
  /**
   * The organisation's visits the push names: whose they are, and every carer shown for them — now or
   * on a shortlist the office has since changed (a tablet offline through the change still answers about those).
   */
  visits: Map<string, { personId: string; carerIds: Set<string> }>;
  /** The organisation's people named by settings changes. */
  people: Set<string>;
  /** The organisation's stored events named by withdrawals. */
  storedEvents: Map<string, { type: string; visitId: string }>;
}

// By primary key only, then kept to the organisation here: a plan that reaches the rows through
// organisation_id scans every row the organisation has, and PGlite (no autovacuum, so no statistics)
// picks one. `= any($2::uuid[])` rather than `in (select jsonb_array_elements_text(…))`, which the
// planner cannot size and so scans the whole table.
const FACTS_SQL = `
  select 'visit' as kind, v.organisation_id, v.id, v.person_id::text as a, vc.carer_id::text as b
    from visits v left join visit_candidates vc on vc.visit_id = v.id
   where v.id = any($1::uuid[])
  union all
  select 'visit', v.organisation_id, v.id, v.person_id::text, jsonb_array_elements_text(sc.from_carer_ids)
    from shortlist_changes sc join visits v on v.id = sc.visit_id
   where sc.organisation_id = $4 and sc.visit_id = any($1::uuid[])
  union all
  select 'person', p.organisation_id, p.id, null, null from people p where p.id = any($2::uuid[])
  union all
  select 'event', e.organisation_id, e.id, e.type, e.visit_id::text from events e where e.id = any($3::uuid[])`;

export async function loadPushFacts(tx: Db, organisationId: string, events: readonly HearthEvent[]): Promise<PushFacts> {
  const ids = (pick: (e: HearthEvent) => string | null) => [...new Set(events.map(pick).filter((id) => id !== null))];
  const rows = await tx.query<{ kind: 'visit' | 'person' | 'event'; organisation_id: string; id: string; a: string | null; b: string | null }>(FACTS_SQL, [
    ids((e) => e.visitId),
    ids((e) => (e.type === 'PersonModeSettingsChanged' ? e.payload.personId : null)),
    ids((e) => (e.type === 'OutcomeWithdrawn' ? e.payload.withdrawsEventId : null)),
    organisationId,
  ]);
  const facts: PushFacts = { visits: new Map(), people: new Set(), storedEvents: new Map() };
  for (const row of rows) {
    if (row.organisation_id !== organisationId) continue; // another organisation's: as if it did not exist
    switch (row.kind) {
      case 'visit': {
        let visit = facts.visits.get(row.id);
        if (!visit) facts.visits.set(row.id, (visit = { personId: row.a!, carerIds: new Set() }));
        if (row.b !== null) visit.carerIds.add(row.b);
        break;
      }
      case 'person':
        facts.people.add(row.id);
        break;
      case 'event':
        facts.storedEvents.set(row.id, { type: row.a!, visitId: row.b! });
        break;
    }
  }
  return facts;
}

/**
 * Refuses an event that does not fit the office's records, naming the field:
 * - a visit this organisation does not have: 404;
 * - a carer (chosen, to meet first, or reacted to) who was never a candidate for the visit (now or on an earlier shortlist): 400;
 * - a withdrawal of an outcome the organisation does not have: 404; of another kind of event or another visit: 400;
 * - settings for a person the organisation does not have: 404; sent from another person's visit: 400.
 * `batch` is the whole push, so a withdrawal may name an outcome sent with it; `facts` come from loadPushFacts for it.
 */
export function checkEvent(facts: PushFacts, event: HearthEvent, index: number, batch: readonly HearthEvent[]): void {
  const visit = facts.visits.get(event.visitId);
  if (!visit) throw new HttpError(404, 'not-found', `events.${index}.visitId: the office has no such visit.`);
  const isCandidate = (id: string) => visit.carerIds.has(id);
  const field = (name: string) => `events.${index}.payload.${name}`;

  switch (event.type) {
    case 'OutcomeRecorded': {
      const { chosenCarerId, meetFirstCarerIds = [], reactions = [] } = event.payload;
      if (chosenCarerId !== null && !isCandidate(chosenCarerId)) {
        throw new HttpError(400, 'invalid-request', `${field('chosenCarerId')}: the chosen carer was not one of those shown.`);
      }
      if (!meetFirstCarerIds.every(isCandidate)) {
        throw new HttpError(400, 'invalid-request', `${field('meetFirstCarerIds')}: a carer to meet first was not one of those shown.`);
      }
      if (!reactions.every((r) => isCandidate(r.carerId))) {
        throw new HttpError(400, 'invalid-request', `${field('reactions')}: a carer reacted to was not one of those shown.`);
      }
      return;
    }
    case 'OutcomeWithdrawn': {
      const target = findWithdrawnEvent(facts, event.payload.withdrawsEventId, batch);
      if (!target) {
        throw new HttpError(404, 'not-found', `${field('withdrawsEventId')}: the office has no such outcome.`);
      }
      if (target.type !== 'OutcomeRecorded' || target.visitId !== event.visitId) {
        throw new HttpError(400, 'invalid-request', `${field('withdrawsEventId')}: only an outcome of the same visit can be withdrawn.`);
      }
      return;
    }
    case 'PersonModeSettingsChanged': {
      if (!facts.people.has(event.payload.personId)) throw new HttpError(404, 'not-found', `${field('personId')}: the office has no such person.`);
      if (visit.personId !== event.payload.personId) {
        throw new HttpError(400, 'invalid-request', `events.${index}.visitId: the visit is not this person's.`);
      }
      return;
    }
  }
}

/** The event being withdrawn: already stored by this organisation, or sent in the same push. */
function findWithdrawnEvent(facts: PushFacts, eventId: string, batch: readonly HearthEvent[]): { type: string; visitId: string } | null {
  const stored = facts.storedEvents.get(eventId);
  if (stored) return stored;
  // Not stored yet: it may come in this push (its own checks run when it is stored).
  const inBatch = batch.find((e) => e.id === eventId);
  return inBatch ? { type: inBatch.type, visitId: inBatch.visitId } : null;
}
