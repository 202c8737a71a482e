import { createHash } from 'node:crypto';
import { canonicalJson, type HearthEvent, type PushRequest, type PushResponse } from '../../domain/events';
import { recordAudits, type AuditActor, type AuditRecord } from '../audit/record-audit';
import type { Db } from '../database/db';
import { HttpError } from '../http/api-error';
import { applyNewEvents, type NewlyStored } from './apply-event';
import { checkEvent, loadPushFacts } from './check-event';

export function contentHash(event: HearthEvent): string {
  return createHash('sha256').update(canonicalJson(event)).digest('hex');
}

/** One tablet's push, as its organisation sent it. */
export interface Push {
  organisationId: string;
  request: PushRequest;
  /** Who sent it (the session's account and tablet), for the audit log; left out, no entry is written. */
  pushedBy?: AuditActor;
}

/** What a push gets back: its answer, or why it was refused (and then nothing of it is kept). */
export type PushOutcome = PushResponse | HttpError;

interface Placed {
  organisationId: string;
  event: HearthEvent;
  hash: string;
}

/**
 * Stores a push from one tablet, all or nothing, in ONE transaction that commits before the answer:
 * an acknowledged event is always durable, and a refused request leaves no trace. See storePushes.
 */
export async function storeEvents(db: Db, organisationId: string, request: PushRequest): Promise<PushResponse> {
  const [outcome] = await storePushes(db, [{ organisationId, request }]);
  if (outcome instanceof HttpError) throw outcome;
  return outcome!;
}

/**
 * Stores several pushes (from any tablets and organisations) in ONE transaction that commits before
 * any of them is answered, each all or nothing and as if stored one after another in the given order:
 * - an event that does not fit the office's records (checkEvent): the push is refused, 404 or 400
 *   naming the field of the first event that does not fit, in the order they are stored;
 * - an id already stored, or sent earlier in the batch, with the same content: 'already-stored' (a retry);
 * - an id already stored with other content, or by another organisation: the push is refused, 409
 *   listing those ids and saying nothing about what is stored.
 * A refused push writes nothing, not even its device: every check runs before any write.
 * New events' effects (follow-ups, settings, conflicts) are applied in the same transaction.
 * Withdrawals are stored after the other events, so an outcome and its withdrawal can travel together
 * in either order; each answer keeps the order of its request.
 *
 * A batch costs the same handful of statements whatever the number of pushes and events in it: the
 * facts for the checks, ids already stored, the devices, the events, a statement or two per kind of
 * effect, and one for the audit log ('visit.synced' per sender and visit that got new events: a resend
 * of events already stored writes none). That is what lets one PGlite connection keep up with many
 * tablets (see ingest-queue.ts).
 * A database error fails the whole batch: nothing is kept and the caller may store the pushes one by one.
 */
export async function storePushes(db: Db, pushes: readonly Push[]): Promise<PushOutcome[]> {
  const placed = pushes.map(({ organisationId, request }) =>
    request.events.map((event): Placed => ({ organisationId, event, hash: contentHash(event) })),
  );
  for (let attempt = 1; ; attempt++) {
    try {
      return await storeOnce(db, pushes, placed);
    } catch (error) {
      // Another transaction (a retry of the same push on another connection, another server process)
      // stored one of these ids between the look-up and the insert: nothing of this attempt is kept,
      // and the next one sees that event as stored.
      if (!(error instanceof StoredMeanwhile) || attempt === 3) throw error;
    }
  }
}

class StoredMeanwhile extends Error {
  constructor() {
    super('An event of this batch was stored by another transaction at the same time.');
  }
}

function storeOnce(db: Db, pushes: readonly Push[], placed: readonly Placed[][]): Promise<PushOutcome[]> {
  return db.transaction(async (tx) => {
    const facts = await loadPushFacts(
      tx,
      pushes.flatMap((p) => p.request.events),
    );
    const existing = await alreadyStored(tx, pushes);

    const outcomes: PushOutcome[] = [];
    /** Ids stored before or claimed by an accepted push of this batch: who, and with what content. */
    const claimed = new Map<string, { organisationId: string; hash: string }>(existing);
    /** Per organisation, the events of its accepted pushes, which a later withdrawal may name. */
    const sentBefore = new Map<string, Map<string, HearthEvent>>();
    const toInsert: Placed[] = [];
    /** One entry per sender and visit with newly stored events, however many events and pushes. */
    const audits = new Map<string, AuditRecord>();
    for (const [n, { organisationId, request, pushedBy }] of pushes.entries()) {
      const own = new Map<string, HearthEvent>();
      for (const event of request.events) if (!own.has(event.id)) own.set(event.id, event);
      const earlier = sentBefore.get(organisationId);
      // A view, not a copy: copying the organisation's earlier events for each push would cost the square of the batch.
      const sentWith = { get: (id: string) => own.get(id) ?? earlier?.get(id) };
      try {
        // In the order they are stored, so the first refusal is the one storing them one by one would meet.
        const order = request.events
          .map((event, index) => ({ event, index }))
          .sort((a, b) => Number(isWithdrawal(a.event)) - Number(isWithdrawal(b.event)) || a.index - b.index);
        for (const { event, index } of order) checkEvent(facts, organisationId, event, index, sentWith);
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        outcomes[n] = error;
        continue;
      }

      const results: PushResponse['results'] = [];
      const mine = new Map<string, { organisationId: string; hash: string }>();
      const fresh: Placed[] = [];
      const conflicting: string[] = [];
      for (const [index, p] of placed[n]!.entries()) {
        const before = claimed.get(p.event.id) ?? mine.get(p.event.id);
        if (!before) {
          mine.set(p.event.id, { organisationId, hash: p.hash });
          fresh.push(p);
          results[index] = { id: p.event.id, status: 'stored' };
        } else if (before.organisationId === organisationId && before.hash === p.hash) {
          results[index] = { id: p.event.id, status: 'already-stored' };
        } else if (!conflicting.includes(p.event.id)) {
          conflicting.push(p.event.id);
        }
      }
      if (conflicting.length > 0) {
        outcomes[n] = new HttpError(
          409,
          'conflicting-event',
          `${conflicting.length === 1 ? 'An event' : `${conflicting.length} events`} with the same id but different details ` +
            'already reached the office, so nothing was saved. Ask the office to compare them.',
          conflicting,
        );
        continue;
      }
      for (const [id, claim] of mine) claimed.set(id, claim);
      const sent = earlier ?? new Map<string, HearthEvent>();
      for (const [id, event] of own) if (!sent.has(id)) sent.set(id, event);
      sentBefore.set(organisationId, sent);
      toInsert.push(...fresh);
      if (pushedBy) {
        for (const { event } of fresh) {
          const key = [organisationId, pushedBy.userId, pushedBy.deviceId, event.visitId].join('/');
          if (!audits.has(key)) audits.set(key, { actor: { ...pushedBy, organisationId }, action: 'visit.synced', subject: { type: 'visit', id: event.visitId } });
        }
      }
      outcomes[n] = { results };
    }

    const accepted = pushes.filter((_, n) => !(outcomes[n] instanceof HttpError));
    if (accepted.length === 0) return outcomes;
    await recordDevices(tx, accepted);
    // All the other events first, then the withdrawals: received_seq follows that order.
    const inOrder = [...toInsert.filter((p) => !isWithdrawal(p.event)), ...toInsert.filter((p) => isWithdrawal(p.event))];
    const receivedSeq = await insertEvents(tx, inOrder);
    if (receivedSeq.size !== inOrder.length) throw new StoredMeanwhile();
    await applyNewEvents(
      tx,
      inOrder.map((p): NewlyStored => ({ organisationId: p.organisationId, event: p.event, receivedSeq: receivedSeq.get(p.event.id)! })),
      facts,
    );
    await recordAudits(tx, [...audits.values()]);
    return outcomes;
  });
}

const isWithdrawal = (event: HearthEvent) => event.type === 'OutcomeWithdrawn';

/** The ids of the batch already in the events table: whose, and with what content. */
async function alreadyStored(tx: Db, pushes: readonly Push[]): Promise<Map<string, { organisationId: string; hash: string }>> {
  const ids = [...new Set(pushes.flatMap((p) => p.request.events.map((e) => e.id)))];
  const rows = await tx.query<{ id: string; organisation_id: string; content_hash: string }>(
    'select id, organisation_id, content_hash from events where id = any($1::uuid[])',
    [ids],
  );
  return new Map(rows.map((row) => [row.id, { organisationId: row.organisation_id, hash: row.content_hash }]));
}

/** Records each sending tablet (its events refer to it), or updates its label and when it was last seen. */
async function recordDevices(tx: Db, pushes: readonly Push[]): Promise<void> {
  // One row per device: ON CONFLICT DO UPDATE may not touch a row twice in one statement.
  const devices = new Map(
    pushes.map(({ organisationId, request }) => [
      `${organisationId}/${request.deviceId}`,
      { organisation_id: organisationId, id: request.deviceId, label: request.deviceLabel },
    ]),
  );
  await tx.query(
    `insert into devices (organisation_id, id, label)
     select d.organisation_id, d.id, d.label from jsonb_to_recordset($1::jsonb) as d(organisation_id uuid, id uuid, label text)
     on conflict (organisation_id, id) do update set label = excluded.label, last_seen_at = now()`,
    [JSON.stringify([...devices.values()])],
  );
}

/**
 * One insert for the whole batch, in its order (so received_seq follows it); an id already stored is
 * skipped, not overwritten. Returns the received_seq of each event inserted now.
 */
async function insertEvents(tx: Db, events: readonly Placed[]): Promise<Map<string, number>> {
  if (events.length === 0) return new Map();
  const rows = JSON.stringify(
    events.map(({ organisationId, event, hash }, n) => ({
      n,
      id: event.id,
      organisation_id: organisationId,
      device_id: event.deviceId,
      visit_id: event.visitId,
      type: event.type,
      payload: event.payload,
      content_hash: hash,
      occurred_at: event.occurredAt,
    })),
  );
  const inserted = await tx.query<{ id: string; received_seq: string | number }>(INSERT_EVENTS_SQL, [rows]);
  // bigint comes back as a string from node-postgres and as a number from PGlite.
  return new Map(inserted.map((row) => [row.id, Number(row.received_seq)]));
}

const INSERT_EVENTS_SQL = `
  insert into events (id, organisation_id, device_id, visit_id, type, payload, content_hash, occurred_at)
  select e.id, e.organisation_id, e.device_id, e.visit_id, e.type, e.payload, e.content_hash, e.occurred_at
    from jsonb_to_recordset($1::jsonb)
      as e(n int, id uuid, organisation_id uuid, device_id uuid, visit_id uuid, type text, payload jsonb, content_hash text, occurred_at timestamptz)
   order by e.n
  on conflict (id) do nothing
  returning id, received_seq`;
