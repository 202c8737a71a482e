import type { MissingOutcome } from '../../domain/audit';
import type { Db } from '../database/db';

interface MissingRow {
  visit_id: string;
  planned_at: Date | string;
  person_name: string;
  downloaded_by: string | null;
  tablet: string | null;
  downloaded_at: Date | string;
}

const iso = (value: Date | string) => new Date(value).toISOString();

/**
 * Visits whose pack reached a tablet (its last 'pack.downloaded' audit entry) but whose outcome the office
 * has not received `hours` after both the download and the visit's planned time: a pack fetched days
 * ahead is not late until the visit has been and gone. The tablet may have lost its records (storage
 * evicted, tablet lost) and someone should check it. Oldest download first.
 */
export async function loadMissingOutcomes(db: Db, organisationId: string, hours: number, now: Date): Promise<MissingOutcome[]> {
  const rows = await db.query<MissingRow>(
    `with last_download as (
       select distinct on (a.subject_id) a.subject_id as visit_id, a.at, a.actor_user_id, a.device_id
         from audit_events a
        where a.organisation_id = $1 and a.action = 'pack.downloaded' and a.subject_type = 'visit'
        order by a.subject_id, a.at desc, a.id desc
     )
     select l.visit_id, v.planned_at, p.first_name as person_name, u.name as downloaded_by, d.label as tablet, l.at as downloaded_at
       from last_download l
       join visits v on v.organisation_id = $1 and v.id = l.visit_id
       join people p on p.organisation_id = v.organisation_id and p.id = v.person_id
       left join users u on u.organisation_id = $1 and u.id = l.actor_user_id
       left join devices d on d.organisation_id = $1 and d.id = l.device_id
      where greatest(l.at, v.planned_at) < $2::timestamptz - make_interval(hours => $3::int)
        and not exists (
          select 1 from events e where e.organisation_id = $1 and e.visit_id = l.visit_id and e.type = 'OutcomeRecorded'
        )
      order by l.at, l.visit_id`,
    [organisationId, now.toISOString(), hours],
  );
  return rows.map((row) => ({
    visitId: row.visit_id,
    plannedAt: iso(row.planned_at),
    personName: row.person_name,
    downloadedBy: row.downloaded_by,
    tablet: row.tablet,
    downloadedAt: iso(row.downloaded_at),
  }));
}
