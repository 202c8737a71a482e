import type { PushRequest, PushResponse } from '../../domain/events';
import type { Db } from '../database/db';
import { HttpError } from '../http/api-error';
import { storePushes, type Push, type PushOutcome } from './store-events';

/** A batch stops growing here, so no one transaction (or answer) waits on a very long queue. */
const MAX_EVENTS_PER_BATCH = 2000;

export interface IngestQueue {
  /** Stores one push; resolves once the transaction holding it has committed. */
  store(organisationId: string, request: PushRequest): Promise<PushResponse>;
}

interface Waiting extends Push {
  resolve(response: PushResponse): void;
  reject(error: unknown): void;
}

/**
 * Group commit: pushes that arrive while one batch is being stored wait, and then go together in the
 * next transaction (storePushes), each still all or nothing and answered only after the commit. With
 * many tablets at once the office then does one transaction of a few statements for many pushes rather
 * than a transaction per push, which is what one PGlite connection needs to keep up; a lone push goes
 * at once. Batches go one at a time, in the order the pushes arrived, so two tablets' answers about one
 * visit are compared in the order received.
 *
 * If a batch fails as a whole (a database error), each of its pushes is stored again on its own, so
 * one push's trouble is answered to that push alone.
 */
export function createIngestQueue(db: Db): IngestQueue {
  let waiting: Waiting[] = [];
  let running = false;

  async function drain(): Promise<void> {
    running = true;
    try {
      while (waiting.length > 0) {
        const batch = takeBatch();
        waiting = waiting.slice(batch.length);
        await storeBatch(batch);
      }
    } finally {
      running = false;
    }
  }

  function takeBatch(): Waiting[] {
    let events = 0;
    let n = 0;
    while (n < waiting.length && (n === 0 || events + waiting[n]!.request.events.length <= MAX_EVENTS_PER_BATCH)) {
      events += waiting[n]!.request.events.length;
      n += 1;
    }
    return waiting.slice(0, n);
  }

  async function storeBatch(batch: readonly Waiting[]): Promise<void> {
    let outcomes: PushOutcome[];
    try {
      outcomes = await storePushes(db, batch);
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      for (const push of batch) await storeBatch([push]);
      return;
    }
    for (const [n, push] of batch.entries()) {
      const outcome = outcomes[n]!;
      if (outcome instanceof HttpError) push.reject(outcome);
      else push.resolve(outcome);
    }
  }

  return {
    store(organisationId, request) {
      return new Promise<PushResponse>((resolve, reject) => {
        waiting.push({ organisationId, request, resolve, reject });
        if (!running) void drain();
      });
    },
  };
}
