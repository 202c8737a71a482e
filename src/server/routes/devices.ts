import type { FastifyInstance } from 'fastify';
import { DeviceListSchema, EnrolDeviceRequestSchema, type DeviceView } from '../../domain/devices';
import { UuidSchema } from '../../domain/ids';
import type { z } from 'zod';
import { deleteSession } from '../auth/sessions';
import { auditActorOf, recordAudit } from '../audit/record-audit';
import type { Db } from '../database/db';
import { DEVICE_COOKIE, DEVICE_COOKIE_DAYS, DEVICE_COOKIE_OPTIONS, sendDeviceRevoked } from '../devices/device-check';
import { enrolDevice, listDevices, revokeDevice } from '../devices/device-records';
import { notFound, parseInput } from '../http/api-error';
import { authOf, requireSession } from '../http/require-session';

/**
 * Tablets: enrolled by an organiser or admin signed in on them; listed and revoked by either. Enrolling
 * and revoking are in the audit log, each in the same transaction as the change.
 */
export function deviceRoutes(db: Db) {
  return async (app: FastifyInstance): Promise<void> => {
    requireSession(app, db, ['admin', 'organiser']);

    // The token is handed over once, as a cookie; only its SHA-256 is kept.
    app.post('/api/devices', async (request, reply) => {
      const enrol = parseInput(EnrolDeviceRequestSchema, request.body, 'the tablet');
      const result = await db.transaction(async (tx) => {
        const enrolled = await enrolDevice(tx, authOf(request), enrol);
        // The request comes from the tablet being enrolled, so the entry names it as the tablet too.
        const actor = { ...auditActorOf(request), deviceId: enrol.deviceId };
        if (enrolled.kind === 'enrolled') await recordAudit(tx, actor, 'device.enrolled', { type: 'device', id: enrol.deviceId });
        return enrolled;
      });
      if (result.kind === 'revoked') return sendDeviceRevoked(reply);
      reply.setCookie(DEVICE_COOKIE, result.token, { ...DEVICE_COOKIE_OPTIONS, maxAge: DEVICE_COOKIE_DAYS * 86_400 });
      return result.device;
    });

    app.get('/api/devices', async (request): Promise<z.infer<typeof DeviceListSchema>> => ({
      devices: await listDevices(db, authOf(request).organisationId),
    }));

    app.post<{ Params: { id: string } }>('/api/devices/:id/revoke', async (request): Promise<DeviceView> => {
      const auth = authOf(request);
      const deviceId = request.params.id;
      const revoked = UuidSchema.safeParse(deviceId).success
        ? await db.transaction(async (tx) => {
            const outcome = await revokeDevice(tx, auth, deviceId);
            // Revoking twice changes nothing, and enters nothing the second time.
            if (outcome?.newlyRevoked) await recordAudit(tx, auditActorOf(request), 'device.revoked', { type: 'device', id: deviceId });
            return outcome;
          })
        : null;
      if (!revoked) throw notFound('There is no such tablet. Refresh the list of devices.');
      // The session signed in on that tablet ends too, so its cookie alone reaches nothing either.
      if (revoked.sessionSha256) await deleteSession(db, revoked.sessionSha256);
      return revoked.device;
    });
  };
}
