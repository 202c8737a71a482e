import { createHash, randomBytes } from 'node:crypto';
import type { Role, SessionInfo } from '../../domain/api';
import type { Db } from '../database/db';

export const SESSION_COOKIE = 'hearth_session';
/** Absolute lifetime: a session ends this long after sign-in, however busy it was (a working day). */
export const SESSION_HOURS = 12;
/**
 * Inactivity lifetime: a session nobody has used for this long ends. Two hours covers a home visit
 * with the tablet offline (the tablet locks itself behind the organiser's PIN after minutes; this is
 * the server's backstop for a cookie left on a lost or shared device). An expired session only means
 * signing in again: the tablet's outbox waits in IndexedDB and is sent afterwards.
 */
export const SESSION_IDLE_MINUTES = 120;
/** last_seen_at is written at most this often per session, so every request is not a write. */
export const LAST_SEEN_REFRESH_SECONDS = 60;

/** Who is signed in: every query for records filters by this organisation. */
export interface SessionAuth {
  userId: string;
  organisationId: string;
  role: Role;
  /** A care worker's own carer record (the only profile they may see or change); null for everyone else. */
  carerId: string | null;
  tokenSha256: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(db: Db, userId: string, organisationId: string): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await db.transaction(async (tx) => {
    // Tidy as we go: expired and idle sessions are useless and would otherwise pile up.
    await tx.query(`delete from sessions where expires_at < now() or last_seen_at < now() - make_interval(mins => $1)`, [SESSION_IDLE_MINUTES]);
    await tx.query('insert into sessions (token_sha256, organisation_id, user_id, expires_at) values ($1, $2, $3, $4)', [
      hashToken(token),
      organisationId,
      userId,
      expiresAt.toISOString(),
    ]);
  });
  return { token, expiresAt };
}

/**
 * The live session a token belongs to: not past its absolute end, used within the idle lifetime,
 * and its user not switched off. Anything else is null, which every route answers with 401.
 */
export async function findSession(db: Db, token: string): Promise<SessionAuth | null> {
  const tokenSha256 = hashToken(token);
  const rows = await db.query<{ user_id: string; organisation_id: string; role: Role; carer_id: string | null; stale: boolean }>(
    `select s.user_id, s.organisation_id, u.role, u.carer_id,
            s.last_seen_at < now() - make_interval(secs => $3) as stale
       from sessions s join users u on u.organisation_id = s.organisation_id and u.id = s.user_id
      where s.token_sha256 = $1 and s.expires_at > now()
        and s.last_seen_at > now() - make_interval(mins => $2)
        and u.disabled_at is null`,
    [tokenSha256, SESSION_IDLE_MINUTES, LAST_SEEN_REFRESH_SECONDS],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.stale) await db.query('update sessions set last_seen_at = now() where token_sha256 = $1', [tokenSha256]);
  return { userId: row.user_id, organisationId: row.organisation_id, role: row.role, carerId: row.carer_id, tokenSha256 };
}

export async function deleteSession(db: Db, tokenSha256: string): Promise<void> {
  await db.query('delete from sessions where token_sha256 = $1', [tokenSha256]);
}

/** Ends every session of one user ("sign out everywhere", an account switched off, a password reset). */
export async function deleteUserSessions(db: Db, organisationId: string, userId: string): Promise<number> {
  const rows = await db.query('delete from sessions where organisation_id = $1 and user_id = $2 returning 1', [organisationId, userId]);
  return rows.length;
}

export async function loadSessionInfo(db: Db, auth: Pick<SessionAuth, 'userId' | 'organisationId'>): Promise<SessionInfo | null> {
  const rows = await db.query<{
    user_id: string;
    user_name: string;
    email: string;
    role: Role;
    carer_id: string | null;
    org_id: string;
    org_name: string;
    retention: number;
  }>(
    `select u.id as user_id, u.name as user_name, u.email, u.role, u.carer_id,
            o.id as org_id, o.name as org_name, o.pack_retention_hours as retention
       from users u join organisations o on o.id = u.organisation_id
      where u.id = $1 and u.organisation_id = $2 and u.disabled_at is null`,
    [auth.userId, auth.organisationId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    user: { id: row.user_id, name: row.user_name, email: row.email, role: row.role, ...(row.carer_id ? { carerId: row.carer_id } : {}) },
    organisation: { id: row.org_id, name: row.org_name, packRetentionHours: row.retention },
  };
}

export interface LoginCandidate {
  userId: string;
  organisationId: string;
  passwordHash: string;
  disabled: boolean;
}

export async function findUserByEmail(db: Db, email: string): Promise<LoginCandidate | null> {
  const rows = await db.query<{ id: string; organisation_id: string; password_hash: string; disabled: boolean }>(
    'select id, organisation_id, password_hash, disabled_at is not null as disabled from users where email = $1',
    [email.trim().toLowerCase()],
  );
  const row = rows[0];
  return row ? { userId: row.id, organisationId: row.organisation_id, passwordHash: row.password_hash, disabled: row.disabled } : null;
}
