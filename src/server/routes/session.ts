import type { FastifyInstance, FastifyReply } from 'fastify';
import { LoginRequestSchema, type SessionInfo } from '../../domain/api';
import { dummyPasswordHash, verifyPassword } from '../auth/password';
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

    app.delete('/api/session', async (request, reply: FastifyReply) => {
      const auth = await sessionFromCookie(db, request);
      if (auth) await deleteSession(db, auth.tokenSha256);
      reply.clearCookie(SESSION_COOKIE, COOKIE_OPTIONS);
      return reply.code(204).send();
    });
  };
}
