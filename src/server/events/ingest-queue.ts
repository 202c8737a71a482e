import type { PushRequest, PushResponse } from '../../domain/events';
import { batchWhileBusy } from '../database/batch-while-busy';
import type { Db } from '../database/db';
import { HttpError } from '../http/api-error';
import { storePushes, type Push } from './store-events';

/** A batch stops growing here, so no one transaction (or answer) waits on a very long queue. */
const MAX_EVENTS_PER_BATCH = 2000;

export interface IngestQueue {
  /** Stores one push; resolves once the transaction holding it has committed. */
  store(organisationId: string, request: PushRequest): Promise<PushResponse>;
}

/**
 * Group commit of pushes: those that arrive while one batch is being stored go together in the next
 * transaction (storePushes), each still all or nothing and answered only after the commit. With many
 * tablets at once the office then does one transaction of a few statements for many pushes rather than
 * a transaction per push, which is what one PGlite connection needs to keep up; a lone push goes at
 * once. Batches go one at a time, in the order the pushes arrived, so two tablets' answers about one
 * visit are compared in the order received. If a batch fails as a whole (a database error), each of
 * its pushes is stored again on its own, so one push's trouble is answered to that push alone.
 */
export function createIngestQueue(db: Db): IngestQueue {
  const store = batchWhileBusy(
    async (pushes: readonly Push[]) =>
      (await storePushes(db, pushes)).map((outcome) => (outcome instanceof HttpError ? { ok: false as const, error: outcome } : { ok: true as const, value: outcome })),
    { weight: (push) => push.request.events.length, maxWeight: MAX_EVENTS_PER_BATCH },
  );
  return { store: (organisationId, request) => store({ organisationId, request }) };
}
