import { uuidv7 } from '../domain/ids';
import {
  OutcomeRecordedSchema,
  type Outcome,
  type OutcomeRecorded,
} from '../domain/events';
import type { HearthDatabase } from './database';

export interface OutcomeInput {
  visitId: string;
  outcome: Outcome;
  chosenCarerId: string | null;
  orderShown: string[];
}

/** Time and randomness come from the caller, so tests can fix them. */
export interface Clock {
  now: () => Date;
  randomBytes: (count: number) => Uint8Array;
}

export class NoDeviceError extends Error {
  constructor() {
    super('This tablet has not been set up yet. Sign in once while online.');
  }
}

/**
 * Records the person's decision. The outcome and its outbox row are written in ONE transaction:
 * either both are stored or neither, so the screen may say "saved" only after this resolves,
 * and a crash can never leave an outcome that will not be sent (or a send with no outcome).
 */
export async function recordOutcome(db: HearthDatabase, input: OutcomeInput, clock: Clock): Promise<OutcomeRecorded> {
  return db.transaction('rw', [db.device, db.outcomes, db.outbox], async () => {
    const device = await db.device.get('this');
    if (!device) throw new NoDeviceError();
    const now = clock.now();
    const event = OutcomeRecordedSchema.parse({
      id: uuidv7(now.getTime(), clock.randomBytes(10)),
      type: 'OutcomeRecorded',
      visitId: input.visitId,
      deviceId: device.deviceId,
      occurredAt: now.toISOString(),
      payload: { outcome: input.outcome, chosenCarerId: input.chosenCarerId, orderShown: input.orderShown },
    });
    await db.outcomes.put({
      visitId: input.visitId,
      eventId: event.id,
      outcome: input.outcome,
      chosenCarerId: input.chosenCarerId,
      recordedAt: event.occurredAt,
    });
    await db.outbox.add({ id: event.id, event, queuedAt: event.occurredAt, attempts: 0, lastError: null });
    return event;
  });
}
