import type { PushRequest, PushResponse } from '../../domain/events';
import { batchWhileBusy } from '../database/batch-while-busy';
import type { Db } from '../database/db';
import { asOwner } from '../database/organisation-context';
import type { AuditActor } from '../audit/record-audit';
import { HttpError } from '../http/api-error';
import { storePushes, type Push } from './store-events';

/** A batch stops growing here, so no one transaction (or answer) waits on a very long queue. */
const MAX_EVENTS_PER_BATCH = 2000;

export interface IngestQueue {
  /**
   * Stores one push; resolves once the transaction holding it has committed. With `pushedBy`, the visits
   * it brought new events for are entered in the audit log, in the same transaction (store-events.ts).
   */
  store(organisationId: string, request: PushRequest, pushedBy?: AuditActor): Promise<PushResponse>;
}

/**
 * Group commit of pushes: those that arrive while one batch is being stored go together in the next
 * transaction (storePushes), each still all or nothing and answered only after the commit. With many
 * tablets at once the office then does one transaction of a few statements for many pushes rather than
 * a transaction per push, which is what one PGlite connection needs to keep up; a lone push goes at
 * once. Batches go one at a time, in the order the pushes arrived, so two tablets' answers about one
 * visit are compared in the order received. If a batch fails as a whole (a database error), each of
 * its pushes is stored again on its own, so one push's trouble is answered to that push alone.
 *
 * Batches run as the database owner, outside row-level security (migration 0014), on purpose: one
 * batch holds several organisations' pushes, and the first push's request context would otherwise
 * be the context of every batch after it. storePushes checks each event against its own
 * organisation's records, and must see an id another organisation already took to refuse it (409).
 */
export function createIngestQueue(db: Db): IngestQueue {
  const store = batchWhileBusy(
    async (pushes: readonly Push[]) =>
      (await asOwner(() => storeFromLiveDevices(db, pushes))).map((outcome) =>
        outcome instanceof HttpError ? { ok: false as const, error: outcome } : { ok: true as const, value: outcome },
      ),
    { weight: (push) => push.request.events.length, maxWeight: MAX_EVENTS_PER_BATCH },
  );
  return { store: (organisationId, request, pushedBy) => store(pushedBy ? { organisationId, request, pushedBy } : { organisationId, request }) };
}

/**
 * A revoked tablet's records are not kept, even sent without its device cookie (a replay from another
 * session): it may be in a thief's hands. Asked once per batch, for every push in it, rather than once
 * per push: on one PGlite connection every extra statement per push is felt by all the tablets waiting.
 */
async function storeFromLiveDevices(db: Db, pushes: readonly Push[]): Promise<(PushResponse | HttpError)[]> {
  const asked = pushes.map((push) => ({ organisation_id: push.organisationId, id: push.request.deviceId }));
  const rows = await db.query<{ organisation_id: string; id: string }>(
    `select d.organisation_id, d.id from devices d
       join jsonb_to_recordset($1::jsonb) as a(organisation_id uuid, id uuid) on d.organisation_id = a.organisation_id and d.id = a.id
      where d.revoked_at is not null`,
    [JSON.stringify(asked)],
  );
  const revoked = new Set(rows.map((row) => `${row.organisation_id}/${row.id}`));
  const isRevoked = (push: Push) => revoked.has(`${push.organisationId}/${push.request.deviceId}`);
  const live = pushes.filter((push) => !isRevoked(push));
  const stored = live.length > 0 ? await storePushes(db, live) : [];
  let next = 0;
  return pushes.map((push) => (isRevoked(push) ? deviceRevoked() : stored[next++]!));
}

const deviceRevoked = () =>
  new HttpError(401, 'device-revoked', 'This tablet has been removed from your organisation, so nothing it sent was saved.');
