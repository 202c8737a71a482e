import type { FastifyInstance, FastifyReply } from 'fastify';
import { ChangePasswordRequestSchema, LoginRequestSchema, type SessionInfo } from '../../domain/api';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../auth/password';
import {
  createSession,
  deleteSession,
  findUserByEmail,
  loadSessionInfo,
  SESSION_COOKIE,
  SESSION_HOURS,
  type LoginCandidate,
} from '../auth/sessions';
import type { Db } from '../database/db';
import { HttpError, notSignedIn, parseInput } from '../http/api-error';
import { sessionFromCookie } from '../http/require-session';

const COOKIE_OPTIONS = {
  httpOnly: true,
  sameSite: 'strict',
  path: '/',
  // Not `secure` yet: the demo runs on plain http://localhost. Set it once Hearth is served over HTTPS.
} as const;

export function sessionRoutes(db: Db) {
  return async (app: FastifyInstance): Promise<void> => {
    /** The user an email and password belong to, or the same 401 for a wrong password and an unknown email. */
    async function checkLogin(body: unknown): Promise<{ user: LoginCandidate; info: SessionInfo }> {
      const login = parseInput(LoginRequestSchema, body);
      const user = await findUserByEmail(db, login.email);
      const passwordOk = await verifyPassword(login.password, user?.passwordHash ?? (await dummyPasswordHash()));
      const info = user && passwordOk ? await loadSessionInfo(db, user) : null;
      if (!user || !info) throw new HttpError(401, 'wrong-login', "That email and password don't match. Check them and try again.");
      return { user, info };
    }

    app.post('/api/session', async (request, reply): Promise<SessionInfo> => {
      const { user, info } = await checkLogin(request.body);
      const session = await createSession(db, user.userId, user.organisationId);
      reply.setCookie(SESSION_COOKIE, session.token, { ...COOKIE_OPTIONS, maxAge: SESSION_HOURS * 3600 });
      return info;
    });

    // Whose login this is, without signing in: a tablet resetting its person-mode PIN keeps the session
    // it has (a login would replace its cookie, even with another organisation's).
    app.post('/api/session/check', async (request): Promise<SessionInfo> => (await checkLogin(request.body)).info);

    app.get('/api/session', async (request): Promise<SessionInfo> => {
      const auth = await sessionFromCookie(db, request);
      const info = auth && (await loadSessionInfo(db, auth));
      if (!info) throw notSignedIn();
      return info;
    });

    app.put('/api/session/password', async (request, reply: FastifyReply) => {
      const auth = await sessionFromCookie(db, request);
      if (!auth) throw notSignedIn();
      const { currentPassword, newPassword } = parseInput(ChangePasswordRequestSchema, request.body, 'the new password');
      const rows = await db.query<{ password_hash: string }>('select password_hash from users where organisation_id = $1 and id = $2', [
        auth.organisationId,
        auth.userId,
      ]);
      if (!rows[0] || !(await verifyPassword(currentPassword, rows[0].password_hash))) {
        throw new HttpError(400, 'wrong-login', 'That is not your current password. Nothing was changed.');
      }
      await db.query('update users set password_hash = $3 where organisation_id = $1 and id = $2', [auth.organisationId, auth.userId, await hashPassword(newPassword)]);
      return reply.code(204).send();
    });

    app.delete('/api/session', async (request, reply: FastifyReply) => {
      const auth = await sessionFromCookie(db, request);
      if (auth) await deleteSession(db, auth.tokenSha256);
      reply.clearCookie(SESSION_COOKIE, COOKIE_OPTIONS);
      return reply.code(204).send();
    });
  };
}
