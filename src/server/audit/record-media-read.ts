import { randomUUID } from 'node:crypto';
import type { Db } from '../database/db';
import type { AuditActor } from './record-audit';

/**
 * Appends a 'media.viewed' entry for a care worker's photo, film, poster, captions or voice, about the
 * carer whose profile holds it (the care worker's own, when they are the reader). A file no profile holds
 * any more (replaced since) is entered against the organisation. One statement, the owner found inside it,
 * so a read costs one round trip more and only when it is entered at all (see media.ts for when).
 */
export async function recordMediaRead(db: Db, actor: AuditActor, sha256: string, ownCarerId: string | null): Promise<void> {
  await db.query(
    `insert into audit_events (organisation_id, id, actor_user_id, actor_role, device_id, action, subject_type, subject_id)
     select $1, $2, $3, $4, $5, 'media.viewed', case when owner.id is null then 'organisation' else 'carer' end, coalesce(owner.id, $1)
       from (select coalesce($7::uuid, (
               select c.id from carers c
                where c.organisation_id = $1
                  and $6 in (c.photo_sha256, c.film_sha256, c.poster_sha256, c.captions_sha256, c.voice_appreciated_sha256, c.voice_matters_sha256)
                order by c.id limit 1)) as id) owner`,
    [actor.organisationId, randomUUID(), actor.userId, actor.role, actor.deviceId, sha256, ownCarerId],
  );
}
