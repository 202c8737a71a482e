import type { FastifyInstance } from 'fastify';
import { UuidSchema } from '../../domain/ids';
import type { MatchInputs } from '../../domain/match-runs';
import type { Db } from '../database/db';
import { notFound } from '../http/api-error';
import { authOf, requireSession } from '../http/require-session';
import { listPeopleForMatching, loadMatchInputs } from '../matching/match-inputs';

export function peopleRoutes(db: Db) {
  return async (app: FastifyInstance): Promise<void> => {
    requireSession(app, db);

    app.get('/api/people', async (request) => ({ people: await listPeopleForMatching(db, authOf(request).organisationId) }));

    // The engine runs in the app (so an organiser sees the result at once) and again in the office.
    app.get<{ Params: { id: string } }>('/api/people/:id/match-inputs', async (request): Promise<MatchInputs> => {
      const personId = request.params.id;
      const inputs = UuidSchema.safeParse(personId).success ? await loadMatchInputs(db, authOf(request).organisationId, personId) : null;
      if (!inputs) throw notFound('There is no such person. Choose them again from the list.');
      return inputs;
    });
  };
}
