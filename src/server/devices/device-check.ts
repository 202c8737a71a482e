import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ApiError } from '../../domain/api';
import type { Db } from '../database/db';
import { HttpError } from '../http/api-error';
import { findTokenDevice, type TokenDevice } from './device-records';

/**
 * The device token travels as an HttpOnly cookie rather than a header the app adds: page script (and so
 * an injected one) can never read it, the browser sends it with every request including a film's <video>
 * requests, and Clear-Site-Data "cookies" removes it.
 */
export const DEVICE_COOKIE = 'hearth_device';
/** A tablet stays enrolled until revoked; it re-enrols at each organiser sign-in anyway. */
export const DEVICE_COOKIE_DAYS = 400;
export const DEVICE_COOKIE_OPTIONS = { httpOnly: true, sameSite: 'strict', path: '/' } as const;

/** What a revoked tablet's browser must delete: everything of this origin, HTTP cache, cookies and storage. */
export const WIPE_CLEAR_SITE_DATA = '"cache", "cookies", "storage"';

declare module 'fastify' {
  interface FastifyRequest {
    /** The enrolled tablet this request came from (its device cookie), or null. Set for every /api/ request. */
    device: TokenDevice | null;
  }
}

/**
 * Before any route and before the body is read: a request from a revoked tablet is answered with the
 * wipe instruction and nothing else happens, whatever it asked for and whoever is signed in.
 */
export function installDeviceCheck(app: FastifyInstance, db: Db): void {
  app.decorateRequest('device', null);
  app.addHook('onRequest', async (request, reply) => {
    // The health check stays a plain "is the office there" that touches no database; the tablet's next real request is told.
    if (!request.url.startsWith('/api/') || request.url === '/api/health') return;
    const token = request.cookies[DEVICE_COOKIE];
    if (!token || token.length > 200) return;
    const device = await findTokenDevice(db, token);
    if (device?.revoked) return sendDeviceRevoked(reply);
    request.device = device;
  });
}

/** 401 with the wipe instruction: the tablet deletes everything Hearth stored on it. */
export function sendDeviceRevoked(reply: FastifyReply): FastifyReply {
  const body: ApiError = {
    error: {
      code: 'device-revoked',
      message: 'This tablet has been removed from your organisation, so Hearth is deleting everything it kept on it. Nothing it sent now was saved.',
    },
    wipe: true,
  };
  return reply
    .code(401)
    .header('clear-site-data', WIPE_CLEAR_SITE_DATA)
    .header('cache-control', 'no-store')
    .clearCookie(DEVICE_COOKIE, DEVICE_COOKIE_OPTIONS)
    .type('application/json; charset=utf-8')
    .send(body);
}

/**
 * Visit packs go only onto tablets an organiser or admin has enrolled in this organisation: a pack is
 * a person's data leaving the office, and only an enrolled tablet can be revoked when it is lost.
 */
export function requireEnrolledDevice(request: FastifyRequest, organisationId: string): TokenDevice {
  const device = request.device;
  if (!device || device.organisationId !== organisationId) {
    throw new HttpError(403, 'device-not-enrolled', 'This tablet is not set up for Hearth yet. Sign out, then sign in again as an organiser to set it up.');
  }
  return device;
}
