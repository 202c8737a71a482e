import { randomBytes } from 'node:crypto';
import type { DeviceView, EnrolDeviceRequest } from '../../domain/devices';
import { hashToken } from '../auth/sessions';
import type { Db } from '../database/db';

/** A device token's tablet, as the check on every request needs it. */
export interface TokenDevice {
  organisationId: string;
  deviceId: string;
  revoked: boolean;
}

interface DeviceRow {
  id: string;
  label: string;
  enrolled_at: string | null;
  last_seen_at: string;
  revoked_at: string | null;
  token_sha256: string | null;
  enrolled_by_name: string | null;
  revoked_by_name: string | null;
}

const DEVICE_COLUMNS = `d.id, d.label, d.enrolled_at::text, d.last_seen_at::text, d.revoked_at::text, d.token_sha256,
       e.name as enrolled_by_name, r.name as revoked_by_name
  from devices d
  left join users e on e.organisation_id = d.organisation_id and e.id = d.enrolled_by
  left join users r on r.organisation_id = d.organisation_id and r.id = d.revoked_by`;

function toView(row: DeviceRow): DeviceView {
  return {
    id: row.id,
    label: row.label,
    status: row.revoked_at ? 'revoked' : row.token_sha256 ? 'enrolled' : 'not-enrolled',
    enrolledBy: row.enrolled_by_name,
    enrolledAt: iso(row.enrolled_at),
    lastSeenAt: iso(row.last_seen_at)!,
    revokedBy: row.revoked_by_name,
    revokedAt: iso(row.revoked_at),
  };
}

const iso = (text: string | null) => (text === null ? null : new Date(text).toISOString());

/** The organisation's tablets, the ones in use first, each newest-seen first. */
export async function listDevices(db: Db, organisationId: string): Promise<DeviceView[]> {
  const rows = await db.query<DeviceRow>(
    `select ${DEVICE_COLUMNS} where d.organisation_id = $1 order by d.revoked_at is not null, d.last_seen_at desc, d.id`,
    [organisationId],
  );
  return rows.map(toView);
}

export async function loadDevice(db: Db, organisationId: string, deviceId: string): Promise<DeviceView | null> {
  const rows = await db.query<DeviceRow>(`select ${DEVICE_COLUMNS} where d.organisation_id = $1 and d.id = $2`, [organisationId, deviceId]);
  return rows[0] ? toView(rows[0]) : null;
}

export type EnrolResult = { kind: 'enrolled'; token: string; device: DeviceView } | { kind: 'revoked' };

/**
 * Enrols the tablet, or re-enrols it at a later sign-in with a new token (the old one stops working:
 * a tablet holds one token, and a cookie lost to the browser is simply replaced). A revoked tablet
 * stays revoked: its id can never be enrolled again.
 */
export async function enrolDevice(
  db: Db,
  auth: { organisationId: string; userId: string; tokenSha256: string },
  request: EnrolDeviceRequest,
): Promise<EnrolResult> {
  const token = randomBytes(32).toString('base64url');
  const rows = await db.query<{ id: string }>(
    `insert into devices (organisation_id, id, label, enrolled_by, enrolled_at, token_sha256, session_sha256)
     values ($1, $2, $3, $4, now(), $5, $6)
     on conflict (organisation_id, id) do update
       set label = excluded.label, enrolled_by = excluded.enrolled_by, enrolled_at = excluded.enrolled_at,
           token_sha256 = excluded.token_sha256, session_sha256 = excluded.session_sha256, last_seen_at = now()
       where devices.revoked_at is null
     returning id`,
    [auth.organisationId, request.deviceId, request.label, auth.userId, hashToken(token), auth.tokenSha256],
  );
  if (rows.length === 0) return { kind: 'revoked' };
  return { kind: 'enrolled', token, device: (await loadDevice(db, auth.organisationId, request.deviceId))! };
}

/**
 * Revokes the tablet: its token stops working at once and the session it was enrolled under ends, so a
 * thief holding the tablet (or its cookies) gets nothing more. Revoking twice changes nothing.
 * Returns the session to end and whether this call revoked it (false: it already was), or null when
 * there is no such device in this organisation.
 */
export async function revokeDevice(
  db: Db,
  auth: { organisationId: string; userId: string },
  deviceId: string,
): Promise<{ device: DeviceView; sessionSha256: string | null; newlyRevoked: boolean } | null> {
  return db.transaction(async (tx) => {
    const before = await tx.query<{ session_sha256: string | null }>(
      'select session_sha256 from devices where organisation_id = $1 and id = $2 for update',
      [auth.organisationId, deviceId],
    );
    if (!before[0]) return null;
    const changed = await tx.query(
      // The token hash stays: the tablet's next request must still be recognised, to be told to wipe itself.
      `update devices set revoked_at = now(), revoked_by = $3, session_sha256 = null
        where organisation_id = $1 and id = $2 and revoked_at is null
        returning id`,
      [auth.organisationId, deviceId, auth.userId],
    );
    return { device: (await loadDevice(tx, auth.organisationId, deviceId))!, sessionSha256: before[0].session_sha256, newlyRevoked: changed.length > 0 };
  });
}

/** last_seen_at is written at most this often per tablet, so every request is not a write. */
const LAST_SEEN_REFRESH_SECONDS = 60;

/**
 * The tablet a device token belongs to (revoked or not), noting that it was seen. A token replaced by a
 * re-enrolment, or never issued, is null.
 */
export async function findTokenDevice(db: Db, token: string): Promise<TokenDevice | null> {
  const rows = await db.query<{ organisation_id: string; id: string; revoked: boolean; stale: boolean }>(
    `select organisation_id, id, revoked_at is not null as revoked,
            last_seen_at < now() - make_interval(secs => $2) as stale
       from devices where token_sha256 = $1`,
    [hashToken(token), LAST_SEEN_REFRESH_SECONDS],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.stale) await db.query('update devices set last_seen_at = now() where organisation_id = $1 and id = $2', [row.organisation_id, row.id]);
  return { organisationId: row.organisation_id, deviceId: row.id, revoked: row.revoked };
}
