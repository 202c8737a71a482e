import type { FastifyInstance } from 'fastify';
import { ChoiceReportQuerySchema, dateRangeProblem, londonDateOf, reportRangeOf, type ChoiceReport, type VisitEvidence } from '../../domain/evidence';
import { UuidSchema } from '../../domain/ids';
import { auditActorOf, recordAudit } from '../audit/record-audit';
import type { Db } from '../database/db';
import { loadChoiceReport } from '../evidence/choice-report';
import { loadVisitEvidence } from '../evidence/visit-evidence';
import { HttpError, notFound, parseInput } from '../http/api-error';
import { authOf, requireSession } from '../http/require-session';

/** Evidence that people choose: one visit's printable record, and the organisation's figures over a date range. Organisers, and managers (read only). */
export function evidenceRoutes(db: Db, now: () => Date = () => new Date()) {
  return async (app: FastifyInstance): Promise<void> => {
    requireSession(app, db, ['organiser', 'manager']);

    app.get<{ Params: { id: string } }>('/api/visits/:id/evidence', async (request): Promise<VisitEvidence> => {
      const visitId = request.params.id;
      const evidence = UuidSchema.safeParse(visitId).success ? await loadVisitEvidence(db, authOf(request).organisationId, visitId) : null;
      if (!evidence) throw notFound('There is no such visit. Refresh the list of visits.');
      await recordAudit(db, auditActorOf(request), 'evidence.viewed', { type: 'visit', id: visitId });
      return evidence;
    });

    app.get('/api/reports/choice', async (request): Promise<ChoiceReport> => {
      const query = parseInput(ChoiceReportQuerySchema, request.query, 'the date range');
      const range = reportRangeOf(query, londonDateOf(now().toISOString()));
      const problem = dateRangeProblem(range);
      if (problem) throw new HttpError(400, 'invalid-request', problem);
      const report = await loadChoiceReport(db, authOf(request).organisationId, range);
      await recordAudit(db, auditActorOf(request), 'report.viewed', { type: 'organisation', id: authOf(request).organisationId });
      return report;
    });
  };
}
