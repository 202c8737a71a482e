import type { FastifyInstance, FastifyRequest } from 'fastify';
import { findSession, SESSION_COOKIE, type SessionAuth } from '../auth/sessions';
import type { Db } from '../database/db';
import type { Role } from '../../domain/api';
import { notAllowed, notSignedIn } from './api-error';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by requireSession on protected routes. */
    auth: SessionAuth | null;
  }
}

/**
 * Makes every route registered in `app` (an encapsulated plugin) need a live session with one of
 * `roles` (organisers only, unless a route says otherwise: the office's records are theirs to see).
 * Runs on request, before the body is read, so a stranger cannot make the server parse anything.
 */
export function requireSession(app: FastifyInstance, db: Db, roles: readonly Role[] = ['organiser']): void {
  app.addHook('onRequest', async (request) => {
    request.auth = await sessionFromCookie(db, request);
    if (!request.auth) throw notSignedIn();
    if (!roles.includes(request.auth.role)) throw notAllowed();
  });
}

export async function sessionFromCookie(db: Db, request: FastifyRequest): Promise<SessionAuth | null> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token || token.length > 200) return null;
  return findSession(db, token);
}

/** The session on a route behind requireSession. */
export function authOf(request: FastifyRequest): SessionAuth {
  if (!request.auth) throw notSignedIn();
  return request.auth;
}
