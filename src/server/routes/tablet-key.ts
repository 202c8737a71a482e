import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { TabletKeyRequestSchema, type TabletKeyResponse } from '../../domain/tablet-key';
import { attemptSucceeded, beginAttempt, TooManyAttemptsError } from '../auth/login-limits';
import { verifyPassword } from '../auth/password';
import { auditActorOf, recordAudit } from '../audit/record-audit';
import type { Db } from '../database/db';
import { HttpError, notFound, notSignedIn, parseInput } from '../http/api-error';
import { authOf, requireSession } from '../http/require-session';

/**
 * The office's key for a tablet's encrypted storage (migration 0013, src/local-db/data-key.ts): made
 * on the first request for the tablet, the same one every time after. The organiser's password is
 * checked again, counted like a sign-in (login-limits.ts), so a stolen tablet's session cookie alone
 * does not fetch it. A tablet id holding another organisation's key is 404, as if there were none.
 * Each key handed over is in the audit log ('device-key.issued'): the key opens that tablet's records.
 */
export function tabletKeyRoutes(db: Db) {
  return async (app: FastifyInstance): Promise<void> => {
    requireSession(app, db, ['organiser', 'admin']);

    app.post('/api/tablet-key', async (request, reply): Promise<TabletKeyResponse> => {
      const { organisationId, userId } = authOf(request);
      const { deviceId, password } = parseInput(TabletKeyRequestSchema, request.body);
      const [user] = await db.query<{ email: string; password_hash: string }>('select email, password_hash from users where organisation_id = $1 and id = $2', [
        organisationId,
        userId,
      ]);
      if (!user) throw notSignedIn();
      const attempt = await beginAttempt(db, user.email, request.ip, request.device?.deviceId ?? null).catch((error: unknown) => {
        if (error instanceof TooManyAttemptsError) reply.header('retry-after', String(error.retryAfterSeconds));
        throw error;
      });
      if (!(await verifyPassword(password, user.password_hash))) {
        throw new HttpError(401, 'wrong-login', 'That is not your password. Check it and try again.');
      }
      await attemptSucceeded(db, attempt);
      // Made once: a second request at the same moment finds the first one's row.
      await db.query(
        `insert into tablet_keys (device_id, organisation_id, secret_hex, created_by) values ($1, $2, $3, $4)
           on conflict (device_id) do nothing`,
        [deviceId, organisationId, randomBytes(32).toString('hex'), userId],
      );
      const [row] = await db.query<{ secret_hex: string }>('select secret_hex from tablet_keys where organisation_id = $1 and device_id = $2', [
        organisationId,
        deviceId,
      ]);
      if (!row) throw notFound('This tablet is not known to your organisation.');
      await recordAudit(db, auditActorOf(request), 'device-key.issued', { type: 'device', id: deviceId });
      return { keyHex: row.secret_hex };
    });
  };
}
