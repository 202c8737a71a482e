import { createHash } from 'node:crypto';
import { canonicalJson, type HearthEvent, type PushRequest, type PushResponse } from '../../domain/events';
import type { Db } from '../database/db';
import { HttpError } from '../http/api-error';
import { applyEvent } from './apply-event';
import { checkEvent, loadPushFacts } from './check-event';

export function contentHash(event: HearthEvent): string {
  return createHash('sha256').update(canonicalJson(event)).digest('hex');
}

interface Placed {
  event: HearthEvent;
  /** Its place in the request, which the answer keeps. */
  index: number;
  hash: string;
}

/**
 * Stores a push from one tablet, all or nothing, in ONE transaction that commits before the answer:
 * an acknowledged event is always durable, and a refused request leaves no trace.
 * - an event that does not fit the office's records (checkEvent): 404 or 400 naming the field;
 * - an id already stored with the same content: 'already-stored' (a retry);
 * - an id already stored with other content, or by another organisation: 409 listing those ids,
 *   saying nothing about what is stored.
 * A newly stored event's effects (follow-ups, settings, conflicts) are applied in the same transaction.
 * Withdrawals are stored after the other events of the push, so an outcome and its withdrawal can
 * travel together in either order; the answer keeps the order of the request.
 *
 * A push costs a handful of queries whatever its size (the facts for the checks; the device with the
 * first insert; one insert per group; a look-up of ids already stored), plus what applyEvent does per new event.
 */
export async function storeEvents(db: Db, organisationId: string, request: PushRequest): Promise<PushResponse> {
  const placed = request.events.map((event, index): Placed => ({ event, index, hash: contentHash(event) }));
  const isWithdrawal = (p: Placed) => p.event.type === 'OutcomeWithdrawn';
  const groups = [placed.filter((p) => !isWithdrawal(p)), placed.filter(isWithdrawal)];

  return db.transaction(async (tx) => {
    // Every check before any write, in the order the events are stored: the first refusal is the one
    // storing them one by one would meet, and a refused push has written nothing, not even the device.
    const facts = await loadPushFacts(tx, organisationId, request.events);
    for (const { event, index } of groups.flat()) checkEvent(facts, event, index, request.events);

    const results: PushResponse['results'] = [];
    const notInserted: Placed[] = [];
    const applied = new Set<string>();
    // Withdrawals are inserted only once the other events' effects are applied, as if stored one by one:
    // what applyEvent reads of an outcome's visit must not yet include a withdrawal sent after it.
    // Within a group the push's other events are already in the table, but they come from the same
    // tablet, which applyEvent's reads (conflicts between tablets) leave out.
    let device: Pick<PushRequest, 'deviceId' | 'deviceLabel'> | null = request;
    for (const group of groups) {
      if (group.length === 0) continue;
      const receivedSeq = await insertEvents(tx, organisationId, group, device);
      device = null;
      for (const p of group) {
        const seq = receivedSeq.get(p.event.id);
        // The same id twice in one push: the first is stored, the second compared with it below.
        if (seq === undefined || applied.has(p.event.id)) {
          notInserted.push(p);
          continue;
        }
        applied.add(p.event.id);
        await applyEvent(tx, organisationId, p.event, seq);
        results[p.index] = { id: p.event.id, status: 'stored' };
      }
    }

    const conflicting: string[] = [];
    if (notInserted.length > 0) {
      const existing = await tx.query<{ id: string; organisation_id: string; content_hash: string }>(
        'select id, organisation_id, content_hash from events where id = any($1::uuid[])',
        [[...new Set(notInserted.map((p) => p.event.id))]],
      );
      const byId = new Map(existing.map((row) => [row.id, row]));
      for (const p of notInserted) {
        const row = byId.get(p.event.id);
        if (row?.organisation_id === organisationId && row.content_hash === p.hash) results[p.index] = { id: p.event.id, status: 'already-stored' };
        else conflicting.push(p.event.id);
      }
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

/**
 * One insert for the whole group, in its order (so received_seq follows it); an id already stored is
 * skipped, not overwritten. With `device`, the same statement first records the sending tablet (its
 * events refer to it) or updates its label and when it was last seen. Returns the received_seq of each
 * event inserted now.
 */
async function insertEvents(
  tx: Db,
  organisationId: string,
  group: readonly Placed[],
  device: Pick<PushRequest, 'deviceId' | 'deviceLabel'> | null,
): Promise<Map<string, number>> {
  const rows = JSON.stringify(
    group.map(({ event, hash }, n) => ({
      n,
      id: event.id,
      device_id: event.deviceId,
      visit_id: event.visitId,
      type: event.type,
      payload: event.payload,
      content_hash: hash,
      occurred_at: event.occurredAt,
    })),
  );
  const inserted = await tx.query<{ id: string; received_seq: string | number }>(
    device ? `${DEVICE_CTE} ${INSERT_EVENTS_SQL}` : INSERT_EVENTS_SQL,
    device ? [organisationId, rows, device.deviceId, device.deviceLabel] : [organisationId, rows],
  );
  // bigint comes back as a string from node-postgres and as a number from PGlite.
  return new Map(inserted.map((row) => [row.id, Number(row.received_seq)]));
}

// A data-modifying CTE runs whether or not the insert reads it, and before the insert's foreign-key
// checks, which run at the end of the statement.
const DEVICE_CTE = `
  with device as (
    insert into devices (organisation_id, id, label) values ($1, $3, $4)
    on conflict (organisation_id, id) do update set label = excluded.label, last_seen_at = now()
  )`;

const INSERT_EVENTS_SQL = `
  insert into events (id, organisation_id, device_id, visit_id, type, payload, content_hash, occurred_at)
  select e.id, $1, e.device_id, e.visit_id, e.type, e.payload, e.content_hash, e.occurred_at
    from jsonb_to_recordset($2::jsonb)
      as e(n int, id uuid, device_id uuid, visit_id uuid, type text, payload jsonb, content_hash text, occurred_at timestamptz)
   order by e.n
  on conflict (id) do nothing
  returning id, received_seq`;
