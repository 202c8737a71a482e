import type { HearthEvent } from '../../domain/events';
import type { Db } from '../database/db';
import { HttpError } from '../http/api-error';

/**
 * Refuses an event that does not fit the office's records, naming the field:
 * - a visit this organisation does not have: 404;
 * - a carer (chosen, to meet first, or reacted to) who was not a candidate for the visit: 400;
 * - a withdrawal of an outcome the organisation does not have: 404; of another kind of event or another visit: 400;
 * - settings for a person the organisation does not have: 404; sent from another person's visit: 400.
 * `batch` is the whole push, so a withdrawal may name an outcome sent with it.
 */
export async function checkEvent(tx: Db, organisationId: string, event: HearthEvent, index: number, batch: readonly HearthEvent[]): Promise<void> {
  const candidates = await tx.query<{ person_id: string; carer_id: string | null }>(
    `select v.person_id, vc.carer_id from visits v left join visit_candidates vc on vc.visit_id = v.id
      where v.organisation_id = $1 and v.id = $2`,
    [organisationId, event.visitId],
  );
  const visit = candidates[0];
  if (!visit) throw new HttpError(404, 'not-found', `events.${index}.visitId: the office has no such visit.`);
  const isCandidate = (id: string) => candidates.some((c) => c.carer_id === id);
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
      const target = await findWithdrawnEvent(tx, organisationId, event.payload.withdrawsEventId, batch);
      if (!target) {
        throw new HttpError(404, 'not-found', `${field('withdrawsEventId')}: the office has no such outcome.`);
      }
      if (target.type !== 'OutcomeRecorded' || target.visitId !== event.visitId) {
        throw new HttpError(400, 'invalid-request', `${field('withdrawsEventId')}: only an outcome of the same visit can be withdrawn.`);
      }
      return;
    }
    case 'PersonModeSettingsChanged': {
      const people = await tx.query<{ id: string }>('select id from people where organisation_id = $1 and id = $2', [
        organisationId,
        event.payload.personId,
      ]);
      if (people.length === 0) throw new HttpError(404, 'not-found', `${field('personId')}: the office has no such person.`);
      if (visit.person_id !== event.payload.personId) {
        throw new HttpError(400, 'invalid-request', `events.${index}.visitId: the visit is not this person's.`);
      }
      return;
    }
  }
}

/** The event being withdrawn: already stored by this organisation, or sent in the same push. */
async function findWithdrawnEvent(
  tx: Db,
  organisationId: string,
  eventId: string,
  batch: readonly HearthEvent[],
): Promise<{ type: string; visitId: string } | null> {
  const rows = await tx.query<{ type: string; visit_id: string }>('select type, visit_id from events where organisation_id = $1 and id = $2', [
    organisationId,
    eventId,
  ]);
  if (rows[0]) return { type: rows[0].type, visitId: rows[0].visit_id };
  // Not stored yet: it may come in this push (its own checks run when it is stored).
  const inBatch = batch.find((e) => e.id === eventId);
  return inBatch ? { type: inBatch.type, visitId: inBatch.visitId } : null;
}
