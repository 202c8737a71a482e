import type { FastifyInstance } from 'fastify';
import { AuditQuerySchema, type AuditPage } from '../../domain/audit';
import { dateRangeProblem } from '../../domain/evidence';
import { loadAuditPage } from '../audit/audit-queries';
import { auditActorOf, recordAudit } from '../audit/record-audit';
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
      const { organisationId } = authOf(request);
      const page = await loadAuditPage(db, organisationId, query);
      // Who looked at the log is logged too (it names everyone whose records were read), after the page
      // is read: an admin's page never shows their own look at it.
      await recordAudit(db, auditActorOf(request), 'audit.viewed', { type: 'organisation', id: organisationId });
      return page;
    });
  };
}
