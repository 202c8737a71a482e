import type { FastifyInstance } from 'fastify';
import { DeviceListSchema, EnrolDeviceRequestSchema, type DeviceView } from '../../domain/devices';
import { UuidSchema } from '../../domain/ids';
import type { z } from 'zod';
import { deleteSession } from '../auth/sessions';
import type { Db } from '../database/db';
import { DEVICE_COOKIE, DEVICE_COOKIE_DAYS, DEVICE_COOKIE_OPTIONS, sendDeviceRevoked } from '../devices/device-check';
import { enrolDevice, listDevices, revokeDevice } from '../devices/device-records';
import { notFound, parseInput } from '../http/api-error';
import { authOf, requireSession } from '../http/require-session';

/** Tablets: enrolled by an organiser or admin signed in on them; listed and revoked by either. */
export function deviceRoutes(db: Db) {
  return async (app: FastifyInstance): Promise<void> => {
    requireSession(app, db, ['admin', 'organiser']);

    // The token is handed over once, as a cookie; only its SHA-256 is kept.
    app.post('/api/devices', async (request, reply) => {
      const enrol = parseInput(EnrolDeviceRequestSchema, request.body, 'the tablet');
      const result = await enrolDevice(db, authOf(request), enrol);
      if (result.kind === 'revoked') return sendDeviceRevoked(reply);
      reply.setCookie(DEVICE_COOKIE, result.token, { ...DEVICE_COOKIE_OPTIONS, maxAge: DEVICE_COOKIE_DAYS * 86_400 });
      return result.device;
    });

    app.get('/api/devices', async (request): Promise<z.infer<typeof DeviceListSchema>> => ({
      devices: await listDevices(db, authOf(request).organisationId),
    }));

    app.post<{ Params: { id: string } }>('/api/devices/:id/revoke', async (request): Promise<DeviceView> => {
      const auth = authOf(request);
      const revoked = UuidSchema.safeParse(request.params.id).success ? await revokeDevice(db, auth, request.params.id) : null;
      if (!revoked) throw notFound('There is no such tablet. Refresh the list of devices.');
      // The session signed in on that tablet ends too, so its cookie alone reaches nothing either.
      if (revoked.sessionSha256) await deleteSession(db, revoked.sessionSha256);
      return revoked.device;
    });
  };
}
