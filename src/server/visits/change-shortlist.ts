import { randomUUID } from 'node:crypto';
import type { ChangeShortlistRequest } from '../../domain/conflicts';
import type { Db } from '../database/db';
import { HttpError } from '../http/api-error';

/**
 * The office changes which carers a visit shows, saying why; who, when, from and to are kept. A tablet
 * that downloaded the old shortlist may still answer about it: that answer is stored and flagged
 * (see src/server/conflicts), never refused. False when the organisation has no such visit.
 */
export async function changeShortlist(db: Db, organisationId: string, visitId: string, userId: string, request: ChangeShortlistRequest): Promise<boolean> {
  return db.transaction(async (tx) => {
    const visits = await tx.query('select 1 from visits where organisation_id = $1 and id = $2', [organisationId, visitId]);
    if (visits.length === 0) return false;
    const known = new Set(
      (
        await tx.query<{ id: string }>(
          'select id from carers where organisation_id = $1 and id in (select (jsonb_array_elements_text($2::jsonb))::uuid)',
          [organisationId, JSON.stringify(request.carerIds)],
        )
      ).map((c) => c.id),
    );
    const unknown = request.carerIds.findIndex((id) => !known.has(id));
    if (unknown !== -1) throw new HttpError(400, 'invalid-request', `carerIds.${unknown}: the office has no such care worker.`);

    const before = (
      await tx.query<{ carer_id: string }>('select carer_id from visit_candidates where organisation_id = $1 and visit_id = $2 order by position', [
        organisationId,
        visitId,
      ])
    ).map((c) => c.carer_id);
    if (before.join() === request.carerIds.join()) return true; // nothing changes, so nothing to record

    await tx.query('delete from visit_candidates where organisation_id = $1 and visit_id = $2', [organisationId, visitId]);
    for (const [position, carerId] of request.carerIds.entries()) {
      await tx.query('insert into visit_candidates (organisation_id, visit_id, carer_id, position) values ($1, $2, $3, $4)', [
        organisationId,
        visitId,
        carerId,
        position,
      ]);
    }
    await tx.query(
      `insert into shortlist_changes (id, organisation_id, visit_id, changed_by, from_carer_ids, to_carer_ids, reason)
       values ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7)`,
      [randomUUID(), organisationId, visitId, userId, JSON.stringify(before), JSON.stringify(request.carerIds), request.reason],
    );
    return true;
  });
}
