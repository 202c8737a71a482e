import { RESOLVED_FOLLOW_UPS_LIMIT, type FollowUp } from '../../domain/follow-ups';
import type { Db } from '../database/db';
import { describeFollowUp, type FollowUpKind } from './describe-follow-up';

interface FollowUpRow {
  id: string;
  visit_id: string;
  event_id: string;
  person_first_name: string;
  kind: FollowUpKind;
  meet_first_carer_ids: string[];
  meet_first_names: string[] | null;
  decided_at: Date;
  created_at: Date;
  resolved_at: Date | null;
  resolved_by_name: string | null;
  note: string | null;
}

const SELECT_FOLLOW_UPS = `
  select f.id, f.visit_id, f.event_id, p.first_name as person_first_name, f.kind, f.meet_first_carer_ids,
         (select array_agg(c.first_name order by ids.position)
            from jsonb_array_elements_text(f.meet_first_carer_ids) with ordinality as ids (carer_id, position)
            join carers c on c.organisation_id = f.organisation_id and c.id = ids.carer_id::uuid) as meet_first_names,
         e.occurred_at as decided_at, f.created_at, f.resolved_at, u.name as resolved_by_name, f.note
    from follow_ups f
    join events e on e.id = f.event_id
    join visits v on v.organisation_id = f.organisation_id and v.id = f.visit_id
    join people p on p.organisation_id = v.organisation_id and p.id = v.person_id
    left join users u on u.organisation_id = f.organisation_id and u.id = f.resolved_by`;

function toFollowUp(row: FollowUpRow): FollowUp {
  return {
    id: row.id,
    visitId: row.visit_id,
    eventId: row.event_id,
    personFirstName: row.person_first_name,
    kind: row.kind,
    summary: describeFollowUp(row.kind, row.meet_first_names ?? []),
    meetFirstCarerIds: row.meet_first_carer_ids,
    decidedAt: new Date(row.decided_at).toISOString(),
    createdAt: new Date(row.created_at).toISOString(),
    resolvedAt: row.resolved_at === null ? null : new Date(row.resolved_at).toISOString(),
    resolvedByName: row.resolved_by_name,
    note: row.note,
  };
}

/** The organisation's most recently resolved follow-ups, newest first (withdrawn outcomes included). */
export async function listResolvedFollowUps(db: Db, organisationId: string, limit = RESOLVED_FOLLOW_UPS_LIMIT): Promise<FollowUp[]> {
  const rows = await db.query<FollowUpRow>(
    `${SELECT_FOLLOW_UPS}
      where f.organisation_id = $1 and f.resolved_at is not null
      order by f.resolved_at desc, f.id desc
      limit $2`,
    [organisationId, limit],
  );
  return rows.map(toFollowUp);
}

/** The organisation's open follow-ups, in the order the office received them: the one waiting longest comes first. */
export async function listOpenFollowUps(db: Db, organisationId: string): Promise<FollowUp[]> {
  const rows = await db.query<FollowUpRow>(
    `${SELECT_FOLLOW_UPS}
      where f.organisation_id = $1 and f.resolved_at is null
      order by e.received_seq`,
    [organisationId],
  );
  return rows.map(toFollowUp);
}

/**
 * Marks a follow-up resolved by this organiser, now, with their note of what the office did (null for none).
 * One already resolved keeps who resolved it, when and their note. Null when the organisation has no such follow-up.
 */
export async function resolveFollowUp(
  db: Db,
  organisationId: string,
  followUpId: string,
  userId: string,
  note: string | null = null,
): Promise<FollowUp | null> {
  return db.transaction(async (tx) => {
    await tx.query(
      `update follow_ups set resolved_at = now(), resolved_by = $3, note = $4
        where organisation_id = $1 and id = $2 and resolved_at is null`,
      [organisationId, followUpId, userId, note],
    );
    const rows = await tx.query<FollowUpRow>(`${SELECT_FOLLOW_UPS} where f.organisation_id = $1 and f.id = $2`, [organisationId, followUpId]);
    return rows[0] ? toFollowUp(rows[0]) : null;
  });
}
