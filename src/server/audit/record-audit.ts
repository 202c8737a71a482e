import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import type { AuditAction, AuditSubjectType } from '../../domain/audit';
import type { Db } from '../database/db';
import { authOf } from '../http/require-session';

/** Who did it, from the session (and the tablet, when the request came from an enrolled one). */
export interface AuditActor {
  organisationId: string;
  userId: string;
  role: string;
  deviceId: string | null;
}

export interface AuditSubject {
  type: AuditSubjectType;
  id: string;
}

/**
 * The actor of a request behind requireSession.
 * Device hook: device authentication (src/server/devices/device-check.ts) sets `request.device` from the
 * enrolled tablet's cookie; a browser at the office has none, and its entries carry no device. Read
 * loosely, so the audit log does not break if that shape moves; a tablet of another organisation is ignored.
 */
export function auditActorOf(request: FastifyRequest): AuditActor {
  return actorFor(request, authOf(request));
}

/**
 * The actor for a route that finds its session itself rather than behind requireSession (signing in,
 * signing out, changing one's own password): the account it names, and the request's tablet if any.
 */
export function actorFor(request: FastifyRequest, account: { organisationId: string; userId: string; role: string }): AuditActor {
  const { organisationId, userId, role } = account;
  const device = (request as { device?: { organisationId?: unknown; deviceId?: unknown } | null }).device;
  const deviceId = device?.organisationId === organisationId && typeof device.deviceId === 'string' ? device.deviceId : null;
  return { organisationId, userId, role, deviceId };
}

/** One entry of a multi-row write: who, what, about what. */
export interface AuditRecord {
  actor: AuditActor;
  action: AuditAction;
  subject: AuditSubject;
}

/**
 * A list read again by the same account from the same tablet (or browser) within this many minutes is
 * the same reading, not a new one: a signed-in tablet refreshes its visit list every 30 seconds while
 * online (src/sync/sync-engine.ts), and an entry each time would bury the log in thousands a day.
 */
export const LIST_READ_WINDOW_MINUTES = 15;

/** Whole lists ('visits.listed', …), as against one record's read or any change. */
const isListRead = (action: AuditAction): boolean => action.endsWith('.listed');

/**
 * Appends one entry. Ids only, never names or what the record says: the log must hold no personal data
 * of its own. Call it after a read has succeeded (so a refused or failed read leaves no entry), or
 * through `auditedChange` so a change and its entry commit together. A list read repeated within
 * LIST_READ_WINDOW_MINUTES by the same account and tablet writes nothing more (one statement either way).
 */
export async function recordAudit(db: Db, actor: AuditActor, action: AuditAction, subject: AuditSubject): Promise<void> {
  await db.query(
    `insert into audit_events (organisation_id, id, actor_user_id, actor_role, device_id, action, subject_type, subject_id)
     select $1, $2, $3, $4, $5, $6, $7, $8
      where not $9 or not exists (
        select 1 from audit_events a
         where a.organisation_id = $1 and a.action = $6 and a.actor_user_id = $3 and a.device_id is not distinct from $5::uuid
           and a.subject_type = $7 and a.subject_id = $8 and a.at > now() - make_interval(mins => $10))`,
    [actor.organisationId, randomUUID(), actor.userId, actor.role, actor.deviceId, action, subject.type, subject.id, isListRead(action), LIST_READ_WINDOW_MINUTES],
  );
}

/**
 * Appends several entries (any actors, any organisations) in ONE statement, whatever their number: for
 * a batch of tablets' pushes or an import, where a statement per entry would be felt. Nothing for none.
 */
export async function recordAudits(db: Db, records: readonly AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  const rows = records.map(({ actor, action, subject }) => ({
    organisation_id: actor.organisationId,
    id: randomUUID(),
    actor_user_id: actor.userId,
    actor_role: actor.role,
    device_id: actor.deviceId,
    action,
    subject_type: subject.type,
    subject_id: subject.id,
  }));
  await db.query(
    `insert into audit_events (organisation_id, id, actor_user_id, actor_role, device_id, action, subject_type, subject_id)
     select r.organisation_id, r.id, r.actor_user_id, r.actor_role, r.device_id, r.action, r.subject_type, r.subject_id
       from jsonb_to_recordset($1::jsonb)
         as r(organisation_id uuid, id uuid, actor_user_id uuid, actor_role text, device_id uuid, action text, subject_type text, subject_id uuid)`,
    [JSON.stringify(rows)],
  );
}

/**
 * Runs `change` in one transaction with its audit entry: both are kept or neither. A change that finds
 * nothing to change (null or false: an unknown id) writes no entry; one that throws rolls both back.
 */
export async function auditedChange<T>(
  db: Db,
  actor: AuditActor,
  action: AuditAction,
  subject: AuditSubject | ((result: T) => AuditSubject),
  change: (tx: Db) => Promise<T | null | false>,
): Promise<T | null> {
  return db.transaction(async (tx) => {
    const result = await change(tx);
    if (result === null || result === false) return null;
    await recordAudit(tx, actor, action, typeof subject === 'function' ? subject(result) : subject);
    return result;
  });
}
