import type { FastifyInstance } from 'fastify';
import { ChangeShortlistRequestSchema } from '../../domain/conflicts';
import { UuidSchema } from '../../domain/ids';
import type { VisitPack } from '../../domain/visits';
import { auditActorOf, auditedChange, recordAudit } from '../audit/record-audit';
import type { Db } from '../database/db';
import { requireEnrolledDevice } from '../devices/device-check';
import { notFound, parseInput } from '../http/api-error';
import { authOf, requireSession } from '../http/require-session';
import { changeShortlist } from '../visits/change-shortlist';
import { listVisits, loadVisitPack } from '../visits/visit-queries';

export function visitRoutes(db: Db) {
  return async (app: FastifyInstance): Promise<void> => {
    requireSession(app, db);

    // The list names each visit's person.
    app.get('/api/visits', async (request) => {
      const { organisationId } = authOf(request);
      const visits = await listVisits(db, organisationId);
      await recordAudit(db, auditActorOf(request), 'visits.listed', { type: 'organisation', id: organisationId });
      return { visits };
    });

    app.get<{ Params: { id: string } }>('/api/visits/:id/pack', async (request): Promise<VisitPack> => {
      const visitId = request.params.id;
      // A pack is a person's data going onto a tablet: only onto one that can be revoked if it is lost.
      requireEnrolledDevice(request, authOf(request).organisationId);
      const pack = UuidSchema.safeParse(visitId).success ? await loadVisitPack(db, authOf(request).organisationId, visitId) : null;
      if (!pack) throw notFound('There is no such visit. Refresh the list of visits.');
      // Also how the office knows the pack reached a tablet (the missing-outcomes report).
      await recordAudit(db, auditActorOf(request), 'pack.downloaded', { type: 'visit', id: visitId });
      return pack;
    });

    app.put<{ Params: { id: string } }>('/api/visits/:id/shortlist', async (request): Promise<VisitPack> => {
      const { organisationId, userId } = authOf(request);
      const change = parseInput(ChangeShortlistRequestSchema, request.body);
      const visitId = request.params.id;
      const found =
        UuidSchema.safeParse(visitId).success &&
        (await auditedChange(db, auditActorOf(request), 'visit.changed', { type: 'visit', id: visitId }, (tx) =>
          changeShortlist(tx, organisationId, visitId, userId, change),
        ));
      if (!found) throw notFound('There is no such visit. Refresh the list of visits.');
      return (await loadVisitPack(db, organisationId, visitId))!;
    });
  };
}
