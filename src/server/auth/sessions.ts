import { createHash, randomBytes } from 'node:crypto';
import type { Role, SessionInfo } from '../../domain/api';
import type { Db } from '../database/db';

export const SESSION_COOKIE = 'hearth_session';
export const SESSION_HOURS = 12;

/** Who is signed in: every query for records filters by this organisation. */
export interface SessionAuth {
  userId: string;
  organisationId: string;
  role: Role;
  /** A care worker's own carer record (the only profile they may see or change); null for organisers. */
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
    // Tidy as we go: expired sessions are useless and would otherwise pile up.
    await tx.query('delete from sessions where expires_at < now()');
    await tx.query('insert into sessions (token_sha256, organisation_id, user_id, expires_at) values ($1, $2, $3, $4)', [
      hashToken(token),
      organisationId,
      userId,
      expiresAt.toISOString(),
    ]);
  });
  return { token, expiresAt };
}

export async function findSession(db: Db, token: string): Promise<SessionAuth | null> {
  const tokenSha256 = hashToken(token);
  const rows = await db.query<{ user_id: string; organisation_id: string; role: Role; carer_id: string | null }>(
    `select s.user_id, s.organisation_id, u.role, u.carer_id
       from sessions s join users u on u.organisation_id = s.organisation_id and u.id = s.user_id
      where s.token_sha256 = $1 and s.expires_at > now()`,
    [tokenSha256],
  );
  const row = rows[0];
  return row ? { userId: row.user_id, organisationId: row.organisation_id, role: row.role, carerId: row.carer_id, tokenSha256 } : null;
}

export async function deleteSession(db: Db, tokenSha256: string): Promise<void> {
  await db.query('delete from sessions where token_sha256 = $1', [tokenSha256]);
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
      where u.id = $1 and u.organisation_id = $2`,
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
}

export async function findUserByEmail(db: Db, email: string): Promise<LoginCandidate | null> {
  const rows = await db.query<{ id: string; organisation_id: string; password_hash: string }>(
    'select id, organisation_id, password_hash from users where email = $1',
    [email.trim().toLowerCase()],
  );
  const row = rows[0];
  return row ? { userId: row.id, organisationId: row.organisation_id, passwordHash: row.password_hash } : null;
}
