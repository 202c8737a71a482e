import type { Conflict, ConflictAnswer, ConflictKind, ResolveConflictRequest } from '../../domain/conflicts';
import type { OutcomeRecordedPayload } from '../../domain/events';
import type { Db } from '../database/db';
import { HttpError } from '../http/api-error';
import { describeConflict } from './describe-conflict';

/** Resolved conflicts are a record of recent work, not an archive: the list stops at this many. */
export const RESOLVED_CONFLICTS_LIMIT = 50;

interface ConflictRow {
  id: string;
  visit_id: string;
  person_first_name: string;
  kind: ConflictKind;
  event_id: string;
  other_event_id: string | null;
  created_at: Date;
  resolved_at: Date | null;
  resolved_by_name: string | null;
  kept_event_id: string | null;
  note: string | null;
}

const SELECT_CONFLICTS = `
  select vc.id, vc.visit_id, p.first_name as person_first_name, vc.kind, vc.event_id, vc.other_event_id,
         vc.created_at, vc.resolved_at, u.name as resolved_by_name, vc.kept_event_id, vc.note
    from visit_conflicts vc
    join visits v on v.organisation_id = vc.organisation_id and v.id = vc.visit_id
    join people p on p.organisation_id = v.organisation_id and p.id = v.person_id
    left join users u on u.organisation_id = vc.organisation_id and u.id = vc.resolved_by`;

/** Open conflicts oldest first (the one waiting longest comes first), or resolved ones newest first. */
export async function listConflicts(db: Db, organisationId: string, state: 'open' | 'resolved'): Promise<Conflict[]> {
  const rows = await db.query<ConflictRow>(
    state === 'open'
      ? `${SELECT_CONFLICTS} where vc.organisation_id = $1 and vc.resolved_at is null order by vc.created_at, vc.id`
      : `${SELECT_CONFLICTS} where vc.organisation_id = $1 and vc.resolved_at is not null
          order by vc.resolved_at desc, vc.id limit ${RESOLVED_CONFLICTS_LIMIT}`,
    [organisationId],
  );
  return withAnswers(db, organisationId, rows);
}

/**
 * Records the office's decision on a conflict, by this organiser, now. Two different answers need the
 * one that stands (the visit's decision is then that answer). One already resolved stays as it was.
 * Null when the organisation has no such conflict.
 */
export async function resolveConflict(
  db: Db,
  organisationId: string,
  conflictId: string,
  userId: string,
  request: ResolveConflictRequest,
): Promise<Conflict | null> {
  return db.transaction(async (tx) => {
    const [row] = await tx.query<ConflictRow>(`${SELECT_CONFLICTS} where vc.organisation_id = $1 and vc.id = $2`, [organisationId, conflictId]);
    if (!row) return null;
    if (row.resolved_at === null) {
      const keep = request.keepEventId ?? null;
      if (row.kind === 'different-outcomes' && (keep === null || ![row.event_id, row.other_event_id].includes(keep))) {
        throw new HttpError(400, 'invalid-request', 'keepEventId: say which of the two answers stands.');
      }
      if (row.kind === 'shortlist-changed' && keep !== null) {
        throw new HttpError(400, 'invalid-request', 'keepEventId: there is only one answer here, so there is nothing to choose.');
      }
      await tx.query(
        `update visit_conflicts set resolved_at = now(), resolved_by = $3, kept_event_id = $4, note = $5
          where organisation_id = $1 and id = $2 and resolved_at is null`,
        [organisationId, conflictId, userId, keep, request.note],
      );
    }
    const [after] = await tx.query<ConflictRow>(`${SELECT_CONFLICTS} where vc.organisation_id = $1 and vc.id = $2`, [organisationId, conflictId]);
    return (await withAnswers(tx, organisationId, [after!]))[0]!;
  });
}

/** Each conflict with its answers and the visit's shortlist now, in three queries whatever the count. */
async function withAnswers(db: Db, organisationId: string, rows: ConflictRow[]): Promise<Conflict[]> {
  if (rows.length === 0) return [];
  const eventIds = rows.flatMap((r) => (r.other_event_id ? [r.event_id, r.other_event_id] : [r.event_id]));
  const events = await db.query<{ id: string; payload: OutcomeRecordedPayload; occurred_at: Date; device_label: string }>(
    `select e.id, e.payload, e.occurred_at, d.label as device_label
       from events e join devices d on d.organisation_id = e.organisation_id and d.id = e.device_id
      where e.organisation_id = $1 and e.id in (select (jsonb_array_elements_text($2::jsonb))::uuid)`,
    [organisationId, JSON.stringify(eventIds)],
  );
  const shortlists = await db.query<{ visit_id: string; carer_id: string; first_name: string }>(
    `select vc.visit_id, vc.carer_id, c.first_name from visit_candidates vc
       join carers c on c.organisation_id = vc.organisation_id and c.id = vc.carer_id
      where vc.organisation_id = $1 and vc.visit_id in (select (jsonb_array_elements_text($2::jsonb))::uuid)
      order by vc.visit_id, vc.position`,
    [organisationId, JSON.stringify([...new Set(rows.map((r) => r.visit_id))])],
  );
  const shownIds = [...new Set(events.flatMap((e) => [...e.payload.orderShown, ...(e.payload.chosenCarerId ? [e.payload.chosenCarerId] : [])]))];
  const carers = await db.query<{ id: string; first_name: string }>(
    `select id, first_name from carers where organisation_id = $1 and id in (select (jsonb_array_elements_text($2::jsonb))::uuid)`,
    [organisationId, JSON.stringify(shownIds)],
  );
  const nameOf = new Map(carers.map((c) => [c.id, c.first_name]));
  const answerOf = new Map(
    events.map((e): [string, ConflictAnswer] => [
      e.id,
      {
        eventId: e.id,
        outcome: e.payload.outcome,
        chosenCarerFirstName: e.payload.chosenCarerId ? (nameOf.get(e.payload.chosenCarerId) ?? null) : null,
        decidedAt: new Date(e.occurred_at).toISOString(),
        deviceLabel: e.device_label,
        shownFirstNames: e.payload.orderShown.map((id) => nameOf.get(id) ?? 'a care worker'),
      },
    ]),
  );
  return rows.map((r) => ({
    id: r.id,
    visitId: r.visit_id,
    personFirstName: r.person_first_name,
    kind: r.kind,
    summary: describeConflict(r.kind),
    answers: [r.event_id, ...(r.other_event_id ? [r.other_event_id] : [])].map((id) => answerOf.get(id)!),
    shortlistFirstNames: shortlists.filter((s) => s.visit_id === r.visit_id).map((s) => s.first_name),
    createdAt: new Date(r.created_at).toISOString(),
    resolvedAt: r.resolved_at === null ? null : new Date(r.resolved_at).toISOString(),
    resolvedByName: r.resolved_by_name,
    keptEventId: r.kept_event_id,
    note: r.note,
  }));
}
