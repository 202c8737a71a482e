import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyInstance } from 'fastify';
import { CarerImportRequestSchema, MAX_IMPORT_BYTES, type CarerImportPreview, type CarerImportResult } from '../../domain/csv/carer-import-api';
import { previewOf } from '../../domain/csv/carer-import';
import { auditActorOf, recordAudits, type AuditRecord } from '../audit/record-audit';
import type { Db } from '../database/db';
import { HttpError, parseInput } from '../http/api-error';
import { authOf, requireSession } from '../http/require-session';
import { checkCarerImportFor, importCarers } from '../imports/carer-import-store';

/**
 * The file travels as JSON text, where quotes and line breaks take two bytes each: room for a 2 MB
 * file full of them. The rules themselves refuse more than MAX_IMPORT_BYTES of CSV with a clear message.
 */
export const IMPORT_BODY_LIMIT_BYTES = 2 * MAX_IMPORT_BYTES + 64 * 1024;

const TOO_LARGE = `The file is too large: Hearth takes at most ${MAX_IMPORT_BYTES / (1024 * 1024)} MB at a time. Split it into smaller files.`;

/** Bringing care workers in from the rota's CSV: a preview that saves nothing, then the import itself. Organisers only. */
export function importRoutes(db: Db) {
  return async (app: FastifyInstance): Promise<void> => {
    requireSession(app, db);
    // The server-wide message for a large body talks about events; here it is a file.
    app.setErrorHandler((error: FastifyError) => {
      if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw new HttpError(413, 'file-too-large', TOO_LARGE);
      throw error;
    });

    app.post('/api/imports/carers/preview', { bodyLimit: IMPORT_BODY_LIMIT_BYTES }, async (request): Promise<CarerImportPreview> => {
      const { csv } = parseInput(CarerImportRequestSchema, request.body, 'the import');
      return previewOf(await checkCarerImportFor(db, authOf(request).organisationId, csv));
    });

    app.post('/api/imports/carers', { bodyLimit: IMPORT_BODY_LIMIT_BYTES }, async (request): Promise<CarerImportResult> => {
      const { csv } = parseInput(CarerImportRequestSchema, request.body, 'the import');
      const actor = auditActorOf(request);
      // One entry for the import, and one per care worker it added (their ids are made here), written
      // in one statement in the import's own transaction: a refused import leaves no entry.
      return db.transaction(async (tx) => {
        const added: string[] = [];
        const result = await importCarers(tx, actor.organisationId, csv, () => {
          const id = randomUUID();
          added.push(id);
          return id;
        });
        const entries: AuditRecord[] = [
          { actor, action: 'carers.imported', subject: { type: 'organisation', id: actor.organisationId } },
          ...added.map((id): AuditRecord => ({ actor, action: 'carer.changed', subject: { type: 'carer', id } })),
        ];
        await recordAudits(tx, entries);
        return result;
      });
    });
  };
}
