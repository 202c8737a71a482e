import type { FastifyInstance } from 'fastify';
import { DEFAULT_MISSING_OUTCOME_HOURS, MissingOutcomesQuerySchema, type MissingOutcomesReport } from '../../domain/audit';
import { loadMissingOutcomes } from '../audit/missing-outcomes';
import { auditActorOf, recordAudit } from '../audit/record-audit';
import type { Db } from '../database/db';
import { parseInput } from '../http/api-error';
import { authOf, requireSession } from '../http/require-session';

/** Visits downloaded to a tablet whose outcome never arrived: the office's half of noticing a tablet lost its records. */
export function missingOutcomeRoutes(db: Db, now: () => Date = () => new Date()) {
  return async (app: FastifyInstance): Promise<void> => {
    requireSession(app, db, ['organiser', 'admin', 'manager']);

    app.get('/api/reports/missing-outcomes', async (request): Promise<MissingOutcomesReport> => {
      const { hours = DEFAULT_MISSING_OUTCOME_HOURS } = parseInput(MissingOutcomesQuerySchema, request.query, 'the number of hours');
      const visits = await loadMissingOutcomes(db, authOf(request).organisationId, hours, now());
      // It names people by their visits: a read of their data like the report's.
      await recordAudit(db, auditActorOf(request), 'missing-outcomes.viewed', { type: 'organisation', id: authOf(request).organisationId });
      return { hours, visits };
    });
  };
}
