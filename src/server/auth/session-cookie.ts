import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config';
import { SESSION_COOKIE, SESSION_HOURS } from './sessions';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it) and Secure (only over
 * HTTPS) except on localhost, where the demo and the tests run over plain http and browsers treat the
 * page as secure anyway. Behind a proxy that rewrites Host to localhost, HEARTH_COOKIE_SECURE=always.
 */
function cookieOptions(request: FastifyRequest, cookieSecure: Config['cookieSecure']) {
  const secure = cookieSecure === 'always' || !LOCAL_HOSTS.has(request.hostname.toLowerCase());
  return { httpOnly: true, sameSite: 'strict', path: '/', secure } as const;
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, cookieSecure: Config['cookieSecure'], token: string): void {
  reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions(request, cookieSecure), maxAge: SESSION_HOURS * 3600 });
}

/**
 * Clears the cookie, and asks the browser to drop its HTTP cache and cookies for Hearth. Not "storage":
 * the tablet's outbox of unsent outcomes lives in IndexedDB, and the server must never wipe it. The
 * tablet clears its own storage once the outbox is empty.
 */
export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply, cookieSecure: Config['cookieSecure']): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(request, cookieSecure));
  reply.header('clear-site-data', '"cache", "cookies"');
}
