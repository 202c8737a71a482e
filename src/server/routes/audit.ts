import type { FastifyInstance } from 'fastify';
import { AuditQuerySchema, type AuditPage } from '../../domain/audit';
import { dateRangeProblem } from '../../domain/evidence';
import { loadAuditPage } from '../audit/audit-queries';
import type { Db } from '../database/db';
import { HttpError, parseInput } from '../http/api-error';
import { authOf, requireSession } from '../http/require-session';

/** The audit log: who viewed or changed a person's data, and who exported it. Admins only, their own organisation's. */
export function auditRoutes(db: Db) {
  return async (app: FastifyInstance): Promise<void> => {
    requireSession(app, db, ['admin']);

    app.get('/api/audit', async (request): Promise<AuditPage> => {
      const query = parseInput(AuditQuerySchema, request.query, 'the filters');
      const problem = query.from && query.to ? dateRangeProblem({ from: query.from, to: query.to }) : null;
      if (problem) throw new HttpError(400, 'invalid-request', problem);
      // Reading the log is not itself logged: it holds no one's records, only ids.
      return loadAuditPage(db, authOf(request).organisationId, query);
    });
  };
}
