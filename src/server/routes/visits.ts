import type { FastifyInstance } from 'fastify';
import { UuidSchema } from '../../domain/ids';
import type { VisitPack } from '../../domain/visits';
import type { Db } from '../database/db';
import { notFound } from '../http/api-error';
import { authOf, requireSession } from '../http/require-session';
import { listVisits, loadVisitPack } from '../visits/visit-queries';

export function visitRoutes(db: Db) {
  return async (app: FastifyInstance): Promise<void> => {
    requireSession(app, db);

    app.get('/api/visits', async (request) => ({ visits: await listVisits(db, authOf(request).organisationId) }));

    app.get<{ Params: { id: string } }>('/api/visits/:id/pack', async (request): Promise<VisitPack> => {
      const visitId = request.params.id;
      const pack = UuidSchema.safeParse(visitId).success ? await loadVisitPack(db, authOf(request).organisationId, visitId) : null;
      if (!pack) throw notFound('There is no such visit. Refresh the list of visits.');
      return pack;
    });
  };
}
