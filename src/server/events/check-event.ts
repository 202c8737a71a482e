import type { HearthEvent } from '../../domain/events';
import type { Db } from '../database/db';
import { HttpError } from '../http/api-error';

/**
 * What the checks need to know about the office's records a batch of pushes names, loaded in one
 * query (two when an answer names a carer no longer on the shortlist) whatever the number of events,
 * so checking is not a query per event. Each record keeps its organisation: a push sees only its own.
 */
export interface PushFacts {
  visits: Map<string, VisitFacts>;
  /** People named by settings changes, and their organisation. */
  people: Map<string, string>;
  /** Stored events named by withdrawals. */
  storedEvents: Map<string, { organisationId: string; type: string; visitId: string }>;
}

export interface VisitFacts {
  organisationId: string;
  personId: string;
  /** The visit's shortlist now. */
  shortlist: Set<string>;
  /**
   * Every carer shown for the visit: on the shortlist now or on one the office has since changed (a
   * tablet offline through the change still answers about those). Filled in only where needed.
   */
  everShown: Set<string>;
}

// By primary key only, then kept to the organisation here: a plan that reaches the rows through
// organisation_id scans every row the organisation has, and PGlite (no autovacuum, so no statistics)
// picks one. The candidates by a lateral join, so by their index visit by visit: `offset 0` keeps the planner
// from turning it back into a plain join, which for a
// batch's many visits is planned as a scan of every visit's candidates. `= any($2::uuid[])` rather than `in (select jsonb_array_elements_text(…))`, which the
// planner cannot size and so scans the whole table.
const FACTS_SQL = `
  select 'visit' as kind, v.organisation_id, v.id, v.person_id::text as a, vc.carer_id::text as b
    from visits v
    left join lateral (select carer_id from visit_candidates c where c.visit_id = v.id offset 0) vc on true
   where v.id = any($1::uuid[])
  union all
  select 'person', p.organisation_id, p.id, null, null from people p where p.id = any($2::uuid[])
  union all
  select 'event', e.organisation_id, e.id, e.type, e.visit_id::text from events e where e.id = any($3::uuid[])`;

/** Rare (the office changed a shortlist while a tablet was out), so asked only when an answer needs it. */
const EARLIER_SHORTLISTS_SQL = `
  select visit_id::text, jsonb_array_elements_text(from_carer_ids) as carer_id
    from shortlist_changes where visit_id = any($1::uuid[])`;

/** The carers an event names: chosen, to meet first, or reacted to. */
export function carersNamed(event: HearthEvent): string[] {
  if (event.type !== 'OutcomeRecorded') return [];
  const { chosenCarerId, meetFirstCarerIds = [], reactions = [] } = event.payload;
  return [...(chosenCarerId ? [chosenCarerId] : []), ...meetFirstCarerIds, ...reactions.map((r) => r.carerId)];
}

export async function loadPushFacts(tx: Db, events: readonly HearthEvent[]): Promise<PushFacts> {
  const ids = (pick: (e: HearthEvent) => string | null) => [...new Set(events.map(pick).filter((id) => id !== null))];
  const rows = await tx.query<{ kind: 'visit' | 'person' | 'event'; organisation_id: string; id: string; a: string | null; b: string | null }>(FACTS_SQL, [
    ids((e) => e.visitId),
    ids((e) => (e.type === 'PersonModeSettingsChanged' ? e.payload.personId : null)),
    ids((e) => (e.type === 'OutcomeWithdrawn' ? e.payload.withdrawsEventId : null)),
  ]);
  const facts: PushFacts = { visits: new Map(), people: new Map(), storedEvents: new Map() };
  for (const row of rows) {
    switch (row.kind) {
      case 'visit': {
        let visit = facts.visits.get(row.id);
        if (!visit) facts.visits.set(row.id, (visit = { organisationId: row.organisation_id, personId: row.a!, shortlist: new Set(), everShown: new Set() }));
        if (row.b !== null) {
          visit.shortlist.add(row.b);
          visit.everShown.add(row.b);
        }
        break;
      }
      case 'person':
        facts.people.set(row.id, row.organisation_id);
        break;
      case 'event':
        facts.storedEvents.set(row.id, { organisationId: row.organisation_id, type: row.a!, visitId: row.b! });
        break;
    }
  }
  const offShortlist = ids((e) => (carersNamed(e).some((id) => !facts.visits.get(e.visitId)?.shortlist.has(id)) ? e.visitId : null)).filter((id) =>
    facts.visits.has(id),
  );
  if (offShortlist.length > 0) {
    for (const row of await tx.query<{ visit_id: string; carer_id: string }>(EARLIER_SHORTLISTS_SQL, [offShortlist])) {
      facts.visits.get(row.visit_id)?.everShown.add(row.carer_id);
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
 * Another organisation's records are as if they did not exist.
 * `sentWith` holds the events of the push and of the organisation's pushes stored just before it in the
 * same transaction, so a withdrawal may name an outcome sent with it; `facts` come from loadPushFacts.
 */
export function checkEvent(
  facts: PushFacts,
  organisationId: string,
  event: HearthEvent,
  index: number,
  sentWith: { get(id: string): HearthEvent | undefined },
): void {
  const visit = facts.visits.get(event.visitId);
  if (visit?.organisationId !== organisationId) throw new HttpError(404, 'not-found', `events.${index}.visitId: the office has no such visit.`);
  const isCandidate = (id: string) => visit.everShown.has(id);
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
      const target = findWithdrawnEvent(facts, organisationId, event.payload.withdrawsEventId, sentWith);
      if (!target) {
        throw new HttpError(404, 'not-found', `${field('withdrawsEventId')}: the office has no such outcome.`);
      }
      if (target.type !== 'OutcomeRecorded' || target.visitId !== event.visitId) {
        throw new HttpError(400, 'invalid-request', `${field('withdrawsEventId')}: only an outcome of the same visit can be withdrawn.`);
      }
      return;
    }
    case 'PersonModeSettingsChanged': {
      if (facts.people.get(event.payload.personId) !== organisationId) throw new HttpError(404, 'not-found', `${field('personId')}: the office has no such person.`);
      if (visit.personId !== event.payload.personId) {
        throw new HttpError(400, 'invalid-request', `events.${index}.visitId: the visit is not this person's.`);
      }
      return;
    }
  }
}

/** The event being withdrawn: already stored by this organisation, or sent with the push. */
function findWithdrawnEvent(
  facts: PushFacts,
  organisationId: string,
  eventId: string,
  sentWith: { get(id: string): HearthEvent | undefined },
): { type: string; visitId: string } | null {
  const stored = facts.storedEvents.get(eventId);
  if (stored?.organisationId === organisationId) return stored;
  // Not stored yet: it may come with this push (its own checks run when it is stored).
  const sent = sentWith.get(eventId);
  return sent ? { type: sent.type, visitId: sent.visitId } : null;
}
