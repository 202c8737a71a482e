import { AUDIT_PAGE_SIZE, type AuditAction, type AuditEntry, type AuditPage, type AuditSubjectType } from '../../domain/audit';
import type { Db } from '../database/db';

export interface AuditFilters {
  from?: string;
  to?: string;
  action?: AuditAction;
  personId?: string;
  actorUserId?: string;
  page?: number;
}

interface AuditRow {
  id: string;
  at: Date | string;
  actor_user_id: string;
  actor_name: string | null;
  actor_role: string;
  device_id: string | null;
  device_label: string | null;
  action: AuditAction;
  subject_type: AuditSubjectType;
  subject_id: string;
  subject_name: string | null;
}

const iso = (value: Date | string) => new Date(value).toISOString();

/**
 * One page of the organisation's audit log, newest first. Names are joined in here, as the log is read,
 * for display only: the log itself holds ids. A person filter also finds their visits' entries (a pack
 * downloaded, evidence viewed), since those are reads of the person's data too. Days are UK days.
 */
export async function loadAuditPage(db: Db, organisationId: string, filters: AuditFilters): Promise<AuditPage> {
  const page = filters.page ?? 1;
  const rows = await db.query<AuditRow>(
    `select a.id, a.at, a.actor_user_id, actor.name as actor_name, a.actor_role, a.device_id, d.label as device_label,
            a.action, a.subject_type, a.subject_id,
            case a.subject_type
              when 'person' then p.first_name
              when 'visit' then vp.first_name
              when 'carer' then c.first_name
              when 'account' then su.name
              when 'device' then sd.label
            end as subject_name
       from audit_events a
       left join users actor on actor.organisation_id = a.organisation_id and actor.id = a.actor_user_id
       left join devices d on d.organisation_id = a.organisation_id and d.id = a.device_id
       left join people p on a.subject_type = 'person' and p.organisation_id = a.organisation_id and p.id = a.subject_id
       left join visits v on a.subject_type = 'visit' and v.organisation_id = a.organisation_id and v.id = a.subject_id
       left join people vp on vp.organisation_id = v.organisation_id and vp.id = v.person_id
       left join carers c on a.subject_type = 'carer' and c.organisation_id = a.organisation_id and c.id = a.subject_id
       left join users su on a.subject_type = 'account' and su.organisation_id = a.organisation_id and su.id = a.subject_id
       left join devices sd on a.subject_type = 'device' and sd.organisation_id = a.organisation_id and sd.id = a.subject_id
      where a.organisation_id = $1
        and ($2::date is null or a.at >= ($2::date)::timestamp at time zone 'Europe/London')
        and ($3::date is null or a.at < ($3::date + 1)::timestamp at time zone 'Europe/London')
        and ($4::text is null or a.action = $4::text)
        and ($5::uuid is null or (a.subject_type = 'person' and a.subject_id = $5::uuid) or (a.subject_type = 'visit' and v.person_id = $5::uuid))
        and ($6::uuid is null or a.actor_user_id = $6::uuid)
      order by a.at desc, a.id desc
      limit $7 offset $8`,
    [
      organisationId,
      filters.from ?? null,
      filters.to ?? null,
      filters.action ?? null,
      filters.personId ?? null,
      filters.actorUserId ?? null,
      AUDIT_PAGE_SIZE + 1,
      (page - 1) * AUDIT_PAGE_SIZE,
    ],
  );
  const [people, actors] = await Promise.all([
    db.query<{ id: string; name: string }>('select id, first_name as name from people where organisation_id = $1 order by first_name, id', [organisationId]),
    db.query<{ id: string; name: string; role: string }>('select id, name, role from users where organisation_id = $1 order by name, id', [organisationId]),
  ]);
  return {
    entries: rows.slice(0, AUDIT_PAGE_SIZE).map(entryOf),
    page,
    hasMore: rows.length > AUDIT_PAGE_SIZE,
    people: people.map(({ id, name }) => ({ id, name })),
    actors: actors.map(({ id, name, role }) => ({ id, name, role })),
  };
}

function entryOf(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: iso(row.at),
    actor: { userId: row.actor_user_id, name: row.actor_name, role: row.actor_role },
    device: row.device_id ? { id: row.device_id, label: row.device_label } : null,
    action: row.action,
    subject: { type: row.subject_type, id: row.subject_id, name: row.subject_name },
  };
}
