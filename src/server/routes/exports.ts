import type { FastifyInstance } from 'fastify';
import { outcomesCsv, outcomesExportFileName, OutcomesExportQuerySchema } from '../../domain/csv/outcomes-csv';
import { auditActorOf, recordAudit } from '../audit/record-audit';
import type { Db } from '../database/db';
import { parseInput } from '../http/api-error';
import { authOf, requireSession } from '../http/require-session';
import { loadOutcomeExport } from '../imports/outcomes-export';

/** Data out of Hearth, as files a spreadsheet opens. Organisers, and managers (read only). */
export function exportRoutes(db: Db) {
  return async (app: FastifyInstance): Promise<void> => {
    requireSession(app, db, ['organiser', 'manager']);

    app.get('/api/exports/outcomes.csv', async (request, reply) => {
      const range = parseInput(OutcomesExportQuerySchema, request.query, 'the date range');
      const rows = await loadOutcomeExport(db, authOf(request).organisationId, range);
      await recordAudit(db, auditActorOf(request), 'outcomes.exported', { type: 'organisation', id: authOf(request).organisationId });
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${outcomesExportFileName(range)}"`)
        .send(outcomesCsv(rows));
    });
  };
}
