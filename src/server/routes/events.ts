import type { FastifyInstance, FastifyReply } from 'fastify';
import { PushRequestSchema, type PushResponse } from '../../domain/events';
import { auditActorOf } from '../audit/record-audit';
import type { Db } from '../database/db';
import { createIngestQueue } from '../events/ingest-queue';
import { sendDeviceRevoked } from '../devices/device-check';
import { HttpError, parseInput } from '../http/api-error';
import { authOf, requireSession } from '../http/require-session';

export function eventRoutes(db: Db) {
  return async (app: FastifyInstance): Promise<void> => {
    requireSession(app, db);
    const ingest = createIngestQueue(db);

    app.post('/api/events', async (request, reply): Promise<PushResponse | FastifyReply> => {
      const push = parseInput(PushRequestSchema, request.body);
      try {
        // Outcomes and settings from a tablet change a person's records: who sent them goes in the audit log.
        return await ingest.store(authOf(request).organisationId, push, auditActorOf(request));
      } catch (error) {
        // A revoked tablet's push (the queue checks every push's device): the wipe instruction, nothing stored.
        if (error instanceof HttpError && error.code === 'device-revoked') return sendDeviceRevoked(reply);
        throw error;
      }
    });
  };
}
