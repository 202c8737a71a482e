import { createHash } from 'node:crypto';
import { canonicalJson, type HearthEvent, type PushRequest, type PushResponse } from '../../domain/events';
import type { Db } from '../database/db';
import { HttpError } from '../http/api-error';
import { applyEvent } from './apply-event';
import { checkEvent } from './check-event';

export function contentHash(event: HearthEvent): string {
  return createHash('sha256').update(canonicalJson(event)).digest('hex');
}

/**
 * Stores a push from one tablet, all or nothing, in ONE transaction that commits before the answer:
 * an acknowledged event is always durable, and a refused request leaves no trace.
 * - an event that does not fit the office's records (checkEvent): 404 or 400 naming the field;
 * - an id already stored with the same content: 'already-stored' (a retry);
 * - an id already stored with other content, or by another organisation: 409 listing those ids,
 *   saying nothing about what is stored.
 * A newly stored event's effects (follow-ups, settings) are applied in the same transaction.
 * Withdrawals are stored after the other events of the push, so an outcome and its withdrawal can
 * travel together in either order; the answer keeps the order of the request.
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
    const order = request.events
      .map((event, index) => ({ event, index }))
      .sort((a, b) => Number(a.event.type === 'OutcomeWithdrawn') - Number(b.event.type === 'OutcomeWithdrawn') || a.index - b.index);
    for (const { event, index } of order) {
      await checkEvent(tx, organisationId, event, index, request.events);
      const hash = contentHash(event);
      const inserted = await tx.query<{ received_seq: string | number }>(
        `insert into events (id, organisation_id, device_id, visit_id, type, payload, content_hash, occurred_at)
         values ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)
         on conflict (id) do nothing
         returning received_seq`,
        [event.id, organisationId, event.deviceId, event.visitId, event.type, JSON.stringify(event.payload), hash, event.occurredAt],
      );
      if (inserted[0]) {
        // bigint comes back as a string from node-postgres and as a number from PGlite.
        await applyEvent(tx, organisationId, event, Number(inserted[0].received_seq));
        results[index] = { id: event.id, status: 'stored' };
        continue;
      }
      const existing = await tx.query<{ organisation_id: string; content_hash: string }>(
        'select organisation_id, content_hash from events where id = $1',
        [event.id],
      );
      const same = existing[0]?.organisation_id === organisationId && existing[0]?.content_hash === hash;
      if (same) results[index] = { id: event.id, status: 'already-stored' };
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
