import type { FastifyInstance } from 'fastify';
import { UuidSchema } from '../../domain/ids';
import type { Db } from '../database/db';
import { listOpenFollowUps, resolveFollowUp, type FollowUp } from '../follow-ups/follow-up-queries';
import { notFound } from '../http/api-error';
import { authOf, requireSession } from '../http/require-session';

export function followUpRoutes(db: Db) {
  return async (app: FastifyInstance): Promise<void> => {
    requireSession(app, db);

    app.get('/api/follow-ups', async (request): Promise<{ followUps: FollowUp[] }> => ({
      followUps: await listOpenFollowUps(db, authOf(request).organisationId),
    }));

    app.post<{ Params: { id: string } }>('/api/follow-ups/:id/resolve', async (request): Promise<{ followUp: FollowUp }> => {
      const { organisationId, userId } = authOf(request);
      const id = request.params.id;
      const followUp = UuidSchema.safeParse(id).success ? await resolveFollowUp(db, organisationId, id, userId) : null;
      if (!followUp) throw notFound('There is no such follow-up. Refresh the list of follow-ups.');
      return { followUp };
    });
  };
}
