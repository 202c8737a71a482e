import { createHash } from 'node:crypto';
import { canonicalJson, type HearthEvent, type PushRequest, type PushResponse } from '../../domain/events';
import type { Db } from '../database/db';
import { HttpError } from '../http/api-error';

export function contentHash(event: HearthEvent): string {
  return createHash('sha256').update(canonicalJson(event)).digest('hex');
}

/**
 * Stores a push from one tablet, all or nothing, in ONE transaction that commits before the answer:
 * an acknowledged event is always durable, and a refused request leaves no trace.
 * - an event for a visit this organisation does not have: 404;
 * - a chosen carer who was not a candidate for the visit: 400;
 * - an id already stored with the same content: 'already-stored' (a retry);
 * - an id already stored with other content, or by another organisation: 409 listing those ids,
 *   saying nothing about what is stored.
 */
export async function storeEvents(db: Db, organisationId: string, request: PushRequest): Promise<PushResponse> {
  return db.transaction(async (tx) => {
    await tx.query(
      `insert into devices (organisation_id, id, label) values ($1, $2, $3)
       on conflict (organisation_id, id) do update set label = excluded.label, last_seen_at = now()`,
      [organisationId, request.deviceId, request.deviceLabel],
    );

    const results: PushResponse['results'] = [];
    const conflicting: string[] = [];
    for (const [index, event] of request.events.entries()) {
      await checkAgainstVisit(tx, organisationId, event, index);
      const hash = contentHash(event);
      const inserted = await tx.query<{ id: string }>(
        `insert into events (id, organisation_id, device_id, visit_id, type, payload, content_hash, occurred_at)
         values ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)
         on conflict (id) do nothing
         returning id`,
        [event.id, organisationId, event.deviceId, event.visitId, event.type, JSON.stringify(event.payload), hash, event.occurredAt],
      );
      if (inserted.length > 0) {
        results.push({ id: event.id, status: 'stored' });
        continue;
      }
      const existing = await tx.query<{ organisation_id: string; content_hash: string }>(
        'select organisation_id, content_hash from events where id = $1',
        [event.id],
      );
      const same = existing[0]?.organisation_id === organisationId && existing[0]?.content_hash === hash;
      if (same) results.push({ id: event.id, status: 'already-stored' });
      else conflicting.push(event.id);
    }

    if (conflicting.length > 0) {
      // Thrown inside the transaction, so nothing from this request is kept.
      throw new HttpError(
        409,
        'conflicting-event',
        `${conflicting.length === 1 ? 'An event' : `${conflicting.length} events`} with the same id but different details ` +
          'already reached the office, so nothing was saved. Ask the office to compare them.',
        conflicting,
      );
    }
    return { results };
  });
}

async function checkAgainstVisit(tx: Db, organisationId: string, event: HearthEvent, index: number): Promise<void> {
  const candidates = await tx.query<{ carer_id: string | null }>(
    `select vc.carer_id from visits v left join visit_candidates vc on vc.visit_id = v.id
      where v.organisation_id = $1 and v.id = $2`,
    [organisationId, event.visitId],
  );
  if (candidates.length === 0) {
    throw new HttpError(404, 'not-found', `events.${index}.visitId: the office has no such visit.`);
  }
  switch (event.type) {
    case 'OutcomeRecorded': {
      const chosen = event.payload.chosenCarerId;
      if (chosen !== null && !candidates.some((c) => c.carer_id === chosen)) {
        throw new HttpError(400, 'invalid-request', `events.${index}.payload.chosenCarerId: the chosen carer was not one of those shown.`);
      }
      return;
    }
  }
}
