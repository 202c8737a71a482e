import type { FastifyInstance } from 'fastify';
import { ChoiceReportQuerySchema, dateRangeProblem, londonDateOf, reportRangeOf, type ChoiceReport, type VisitEvidence } from '../../domain/evidence';
import { UuidSchema } from '../../domain/ids';
import type { Db } from '../database/db';
import { loadChoiceReport } from '../evidence/choice-report';
import { loadVisitEvidence } from '../evidence/visit-evidence';
import { HttpError, notFound, parseInput } from '../http/api-error';
import { authOf, requireSession } from '../http/require-session';

/** Evidence that people choose: one visit's printable record, and the organisation's figures over a date range. Organisers only. */
export function evidenceRoutes(db: Db, now: () => Date = () => new Date()) {
  return async (app: FastifyInstance): Promise<void> => {
    requireSession(app, db);

    app.get<{ Params: { id: string } }>('/api/visits/:id/evidence', async (request): Promise<VisitEvidence> => {
      const visitId = request.params.id;
      const evidence = UuidSchema.safeParse(visitId).success ? await loadVisitEvidence(db, authOf(request).organisationId, visitId) : null;
      if (!evidence) throw notFound('There is no such visit. Refresh the list of visits.');
      return evidence;
    });

    app.get('/api/reports/choice', async (request): Promise<ChoiceReport> => {
      const query = parseInput(ChoiceReportQuerySchema, request.query, 'the date range');
      const range = reportRangeOf(query, londonDateOf(now().toISOString()));
      const problem = dateRangeProblem(range);
      if (problem) throw new HttpError(400, 'invalid-request', problem);
      return loadChoiceReport(db, authOf(request).organisationId, range);
    });
  };
}
