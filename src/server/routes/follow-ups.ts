import type { FastifyInstance } from 'fastify';
import { FollowUpListQuerySchema, ResolveFollowUpRequestSchema, type FollowUp } from '../../domain/follow-ups';
import { UuidSchema } from '../../domain/ids';
import { auditActorOf, auditedChange, recordAudit } from '../audit/record-audit';
import type { Db } from '../database/db';
import { listOpenFollowUps, listResolvedFollowUps, resolveFollowUp } from '../follow-ups/follow-up-queries';
import { notFound, parseInput } from '../http/api-error';
import { authOf, requireSession } from '../http/require-session';

export function followUpRoutes(db: Db) {
  return async (app: FastifyInstance): Promise<void> => {
    requireSession(app, db);

    app.get('/api/follow-ups', async (request): Promise<{ followUps: FollowUp[] }> => {
      const { state } = parseInput(FollowUpListQuerySchema, request.query);
      const { organisationId } = authOf(request);
      const followUps = state === 'open' ? await listOpenFollowUps(db, organisationId) : await listResolvedFollowUps(db, organisationId);
      // The list names people and says what they asked for.
      await recordAudit(db, auditActorOf(request), 'follow-ups.listed', { type: 'organisation', id: organisationId });
      return { followUps };
    });

    app.post<{ Params: { id: string } }>('/api/follow-ups/:id/resolve', async (request): Promise<{ followUp: FollowUp }> => {
      const { organisationId, userId } = authOf(request);
      // No body at all is the same as no note.
      const { note } = parseInput(ResolveFollowUpRequestSchema, request.body ?? {});
      const id = request.params.id;
      const followUp = UuidSchema.safeParse(id).success
        ? await auditedChange(db, auditActorOf(request), 'follow-up.resolved', (resolved: FollowUp) => ({ type: 'visit', id: resolved.visitId }), (tx) =>
            resolveFollowUp(tx, organisationId, id, userId, note || null),
          )
        : null;
      if (!followUp) throw notFound('There is no such follow-up. Refresh the list of follow-ups.');
      return { followUp };
    });
  };
}
