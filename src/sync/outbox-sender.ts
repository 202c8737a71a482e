import { MAX_EVENTS_PER_PUSH, type HearthEvent } from '../domain/events';
import type { HearthDatabase, OutboxItem } from '../local-db/database';
import { listOutbox, updateSyncState } from '../local-db/queries';
import { ApiFailure, NetworkFailure, type Transport } from './transport';

export type PushOutcome = 'nothing-to-send' | 'sent' | 'partly-sent' | 'offline' | 'signed-out' | 'refused';

export interface PushSummary {
  outcome: PushOutcome;
  /** Events the office acknowledged in this run (stored now or already stored before). */
  acknowledged: number;
  /** Events still waiting in the outbox afterwards. */
  remaining: number;
}

/**
 * Sends the outbox to the office. An event leaves the outbox only after the office has acknowledged
 * it, so a lost answer means it is sent again, and the office recognises the repeat by its id.
 * Events the office refuses stay in the outbox with the reason, for the organiser to see.
 */
export async function pushOutbox(db: HearthDatabase, transport: Transport, now: () => Date): Promise<PushSummary> {
  const device = await db.device.get('this');
  const waiting = await listOutbox(db);
  if (!device || waiting.length === 0) return { outcome: 'nothing-to-send', acknowledged: 0, remaining: waiting.length };

  let acknowledged = 0;
  let refused = false;
  let queue = waiting;
  let batchSize = MAX_EVENTS_PER_PUSH;
  // Records are sent in the order they were made. One the office refuses holds back the later records
  // about the same thing (a person's settings, a visit's answer) for this run: the office keeps the
  // latest it receives, so a later change must never arrive before an earlier one.
  const heldBack = new Set<string>();
  while (queue.length > 0) {
    const held = queue.filter((item) => heldBack.has(orderKey(item.event)));
    queue = queue.filter((item) => !heldBack.has(orderKey(item.event)));
    if (held.length > 0) refused = true;
    if (queue.length === 0) break;
    const batch = queue.slice(0, batchSize);
    queue = queue.slice(batch.length);
    try {
      const response = await transport.pushEvents({
        deviceId: device.deviceId,
        deviceLabel: device.label,
        events: batch.map((item) => item.event),
      });
      const acked = response.results.map((r) => r.id);
      await removeAcknowledged(db, acked, now());
      acknowledged += acked.length;
      await updateSyncState(db, { lastSuccessAt: now().toISOString(), lastAttemptAt: now().toISOString(), lastError: null });
    } catch (error) {
      if (error instanceof NetworkFailure) {
        await noteFailure(db, now, error.message);
        return summary(db, 'offline', acknowledged);
      }
      if (error instanceof ApiFailure && error.status === 401) {
        await noteFailure(db, now, 'Sign in again so that Hearth can send what is waiting.');
        return summary(db, 'signed-out', acknowledged);
      }
      const message = error instanceof Error ? error.message : String(error);
      if (!(error instanceof ApiFailure) || error.status >= 500) {
        // The office had a problem, not with these records: stop, and send them all again later, in order.
        await noteFailure(db, now, message);
        return summary(db, acknowledged > 0 ? 'partly-sent' : 'refused', acknowledged);
      }
      if (error.code === 'conflicting-event' && error.ids.length > 0) {
        // Keep the conflicting events (never dropped) and send the rest of the batch without them.
        const conflicting = batch.filter((item) => error.ids.includes(item.id));
        await markFailed(db, conflicting, message);
        for (const item of conflicting) heldBack.add(orderKey(item.event));
        queue = [...batch.filter((item) => !error.ids.includes(item.id)), ...queue];
      } else if (batch.length > 1) {
        // Something in this batch is refused: send one at a time so the others still get through.
        batchSize = 1;
        queue = [...batch, ...queue];
        continue;
      } else {
        await markFailed(db, batch, message);
        heldBack.add(orderKey(batch[0]!.event));
      }
      refused = true;
      await noteFailure(db, now, message);
    }
  }
  const outcome: PushOutcome = !refused ? 'sent' : acknowledged > 0 ? 'partly-sent' : 'refused';
  return summary(db, outcome, acknowledged);
}

/** What a record is about, for keeping records about the same thing in order: a person's settings, or a visit's answer. */
function orderKey(event: HearthEvent): string {
  return event.type === 'PersonModeSettingsChanged' ? `settings:${event.payload.personId}` : `visit:${event.visitId}`;
}

/**
 * The office has these events: they leave the outbox, and an outcome among them is marked
 * acknowledged (when the retention time for its visit's pack starts), in one transaction.
 */
async function removeAcknowledged(db: HearthDatabase, ids: string[], at: Date): Promise<void> {
  await db.transaction('rw', db.outbox, db.outcomes, async () => {
    await db.outbox.bulkDelete(ids);
    await db.outcomes.where('eventId').anyOf(ids).modify({ acknowledgedAt: at.toISOString() });
  });
}

async function markFailed(db: HearthDatabase, items: OutboxItem[], message: string): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    // Only clear fields change: the sealed event stays as it is.
    for (const item of items) {
      await db.outbox.update(item.id, { attempts: item.attempts + 1, lastError: message });
    }
  });
}

async function noteFailure(db: HearthDatabase, now: () => Date, message: string): Promise<void> {
  await updateSyncState(db, { lastAttemptAt: now().toISOString(), lastError: message });
}

async function summary(db: HearthDatabase, outcome: PushOutcome, acknowledged: number): Promise<PushSummary> {
  return { outcome, acknowledged, remaining: await db.outbox.count() };
}
