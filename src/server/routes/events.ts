import type { FastifyInstance } from 'fastify';
import { PushRequestSchema, type PushResponse } from '../../domain/events';
import type { Db } from '../database/db';
import { storeEvents } from '../events/store-events';
import { parseInput } from '../http/api-error';
import { authOf, requireSession } from '../http/require-session';

export function eventRoutes(db: Db) {
  return async (app: FastifyInstance): Promise<void> => {
    requireSession(app, db);

    app.post('/api/events', async (request): Promise<PushResponse> => {
      const push = parseInput(PushRequestSchema, request.body);
      return storeEvents(db, authOf(request).organisationId, push);
    });
  };
}
