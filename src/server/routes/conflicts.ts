import type { FastifyInstance } from 'fastify';
import { ConflictListQuerySchema, ResolveConflictRequestSchema, type Conflict } from '../../domain/conflicts';
import { UuidSchema } from '../../domain/ids';
import { listConflicts, resolveConflict } from '../conflicts/conflict-queries';
import { auditActorOf, auditedChange, recordAudit } from '../audit/record-audit';
import type { Db } from '../database/db';
import { notFound, parseInput } from '../http/api-error';
import { authOf, requireSession } from '../http/require-session';

export function conflictRoutes(db: Db) {
  return async (app: FastifyInstance): Promise<void> => {
    requireSession(app, db);

    app.get('/api/conflicts', async (request): Promise<{ conflicts: Conflict[] }> => {
      const { state } = parseInput(ConflictListQuerySchema, request.query);
      const { organisationId } = authOf(request);
      const conflicts = await listConflicts(db, organisationId, state);
      // Both tablets' answers about a person's choice, by name.
      await recordAudit(db, auditActorOf(request), 'conflicts.listed', { type: 'organisation', id: organisationId });
      return { conflicts };
    });

    app.post<{ Params: { id: string } }>('/api/conflicts/:id/resolve', async (request): Promise<{ conflict: Conflict }> => {
      const { organisationId, userId } = authOf(request);
      const body = parseInput(ResolveConflictRequestSchema, request.body ?? {});
      const id = request.params.id;
      const conflict = UuidSchema.safeParse(id).success
        ? await auditedChange(db, auditActorOf(request), 'conflict.resolved', (settled: Conflict) => ({ type: 'visit', id: settled.visitId }), (tx) =>
            resolveConflict(tx, organisationId, id, userId, body),
          )
        : null;
      if (!conflict) throw notFound('There is no such conflict. Refresh the list.');
      return { conflict };
    });
  };
}
