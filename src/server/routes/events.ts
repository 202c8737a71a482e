import type { FastifyInstance } from 'fastify';
import { PushRequestSchema, type PushResponse } from '../../domain/events';
import type { Db } from '../database/db';
import { createIngestQueue } from '../events/ingest-queue';
import { parseInput } from '../http/api-error';
import { authOf, requireSession } from '../http/require-session';

export function eventRoutes(db: Db) {
  return async (app: FastifyInstance): Promise<void> => {
    requireSession(app, db);
    const ingest = createIngestQueue(db);

    app.post('/api/events', async (request): Promise<PushResponse> => {
      const push = parseInput(PushRequestSchema, request.body);
      return ingest.store(authOf(request).organisationId, push);
    });
  };
}
