import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { UuidSchema } from '../../domain/ids';
import { PlanVisitRequestSchema, type MatchRunEvidence, type PlanVisitResponse } from '../../domain/match-runs';
import { auditActorOf, auditedChange, recordAudit } from '../audit/record-audit';
import type { Db } from '../database/db';
import { notFound, parseInput } from '../http/api-error';
import { authOf, requireSession } from '../http/require-session';
import { loadMatchRunEvidence } from '../matching/match-run-evidence';
import { planVisitFromMatch } from '../matching/plan-visit';

export function matchRunRoutes(db: Db) {
  return async (app: FastifyInstance): Promise<void> => {
    requireSession(app, db);

    app.post('/api/match-runs', async (request, reply): Promise<PlanVisitResponse> => {
      const plan = parseInput(PlanVisitRequestSchema, request.body);
      const visitId = randomUUID();
      const planned = (await auditedChange(db, auditActorOf(request), 'visit.planned', { type: 'visit', id: visitId }, (tx) =>
        planVisitFromMatch(tx, authOf(request), plan, { visitId, matchRunId: randomUUID() }),
      ))!;
      reply.code(201);
      return planned;
    });

    app.get<{ Params: { id: string } }>('/api/visits/:id/match-run', async (request): Promise<MatchRunEvidence> => {
      const visitId = request.params.id;
      const evidence = UuidSchema.safeParse(visitId).success ? await loadMatchRunEvidence(db, authOf(request).organisationId, visitId) : null;
      if (!evidence) throw notFound('This visit was not planned from a match run in Hearth.');
      await recordAudit(db, auditActorOf(request), 'evidence.viewed', { type: 'visit', id: visitId });
      return evidence;
    });
  };
}
