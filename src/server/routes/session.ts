import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ChangePasswordRequestSchema, LoginRequestSchema, type SessionInfo } from '../../domain/api';
import { attemptSucceeded, beginAttempt, TooManyAttemptsError, type Attempt } from '../auth/login-limits';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../auth/password';
import { clearSessionCookie, setSessionCookie } from '../auth/session-cookie';
import { createSession, deleteSession, deleteUserSessions, findUserByEmail, loadSessionInfo, type LoginCandidate } from '../auth/sessions';
import { actorFor, recordAudit } from '../audit/record-audit';
import type { Config } from '../config';
import type { Db } from '../database/db';
import { HttpError, notSignedIn, parseInput } from '../http/api-error';
import { sessionFromCookie } from '../http/require-session';

/** Runs a rate-limited check; a refusal carries Retry-After, in seconds, as well as the sentence. */
async function limited<T>(reply: FastifyReply, check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    if (error instanceof TooManyAttemptsError) reply.header('retry-after', String(error.retryAfterSeconds));
    throw error;
  }
}

/**
 * Signing in and out, and one's own password. Each success is in the audit log, about the account, with
 * the tablet when the request came from one. These routes find their session themselves (there is none
 * yet at a sign-in), so their entries are written as the owner role, naming the session's account. A
 * refused sign-in writes no entry: login_attempts counts those, and a stranger must not be able to fill
 * the log by guessing.
 */
export function sessionRoutes(db: Db, config: Pick<Config, 'cookieSecure'> = { cookieSecure: 'auto' }) {
  return async (app: FastifyInstance): Promise<void> => {
    /**
     * The user an email and password belong to, or the same 401 for a wrong password and an unknown
     * email. Counted per account and per address before the password is even checked (login-limits.ts).
     */
    async function checkLogin(request: FastifyRequest): Promise<{ user: LoginCandidate; info: SessionInfo; attempt: Attempt }> {
      const login = parseInput(LoginRequestSchema, request.body);
      const attempt = await beginAttempt(db, login.email, request.ip, request.device?.deviceId ?? null);
      const user = await findUserByEmail(db, login.email);
      const passwordOk = await verifyPassword(login.password, user?.passwordHash ?? (await dummyPasswordHash()));
      if (!user || !passwordOk) throw new HttpError(401, 'wrong-login', "That email and password don't match. Check them and try again.");
      // Only someone who knows the password learns that the account is switched off.
      if (user.disabled) throw new HttpError(403, 'account-disabled', 'This account has been switched off. Ask an admin in your organisation.');
      const info = await loadSessionInfo(db, user);
      if (!info) throw new HttpError(401, 'wrong-login', "That email and password don't match. Check them and try again.");
      await attemptSucceeded(db, attempt);
      return { user, info, attempt };
    }

    app.post('/api/session', async (request, reply): Promise<SessionInfo> => {
      const { user, info } = await limited(reply, () => checkLogin(request));
      const session = await createSession(db, user.userId, user.organisationId);
      await recordAudit(db, actorFor(request, { ...user, role: info.user.role }), 'session.signed-in', { type: 'account', id: user.userId });
      setSessionCookie(request, reply, config.cookieSecure, session.token);
      return info;
    });

    // Whose login this is, without signing in: a tablet resetting its person-mode PIN keeps the session
    // it has (a login would replace its cookie, even with another organisation's). Limited like a login.
    app.post('/api/session/check', async (request, reply): Promise<SessionInfo> => (await limited(reply, () => checkLogin(request))).info);

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
      const rows = await db.query<{ password_hash: string; email: string }>('select password_hash, email from users where organisation_id = $1 and id = $2', [
        auth.organisationId,
        auth.userId,
      ]);
      if (!rows[0]) throw notSignedIn();
      const user = rows[0];
      // A stolen session must not become a way to guess the password at full speed.
      const attempt = await limited(reply, () => beginAttempt(db, user.email, request.ip, request.device?.deviceId ?? null));
      if (!(await verifyPassword(currentPassword, user.password_hash))) {
        throw new HttpError(400, 'wrong-login', 'That is not your current password. Nothing was changed.');
      }
      await attemptSucceeded(db, attempt);
      await db.query('update users set password_hash = $3 where organisation_id = $1 and id = $2', [auth.organisationId, auth.userId, await hashPassword(newPassword)]);
      await recordAudit(db, actorFor(request, auth), 'password.changed', { type: 'account', id: auth.userId });
      return reply.code(204).send();
    });

    app.delete('/api/session', async (request, reply: FastifyReply) => {
      const auth = await sessionFromCookie(db, request);
      if (auth) {
        await deleteSession(db, auth.tokenSha256);
        await recordAudit(db, actorFor(request, auth), 'session.signed-out', { type: 'account', id: auth.userId });
      }
      clearSessionCookie(request, reply, config.cookieSecure);
      return reply.code(204).send();
    });

    // "Sign out everywhere": every session of the signed-in user ends, on every tablet and browser.
    app.delete('/api/sessions', async (request, reply: FastifyReply) => {
      const auth = await sessionFromCookie(db, request);
      if (!auth) throw notSignedIn();
      await deleteUserSessions(db, auth.organisationId, auth.userId);
      await recordAudit(db, actorFor(request, auth), 'sessions.signed-out', { type: 'account', id: auth.userId });
      clearSessionCookie(request, reply, config.cookieSecure);
      return reply.code(204).send();
    });
  };
}
