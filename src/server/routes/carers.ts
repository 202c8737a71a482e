import type { FastifyInstance, FastifyRequest } from 'fastify';
import {
  ConsentRequestSchema,
  NewCarerRequestSchema,
  SaveCarerProfileRequestSchema,
  type CarerProfileView,
} from '../../domain/carer-profile-form';
import { CaptionsRequestSchema, parseCaptionLines, type CaptionsRequest } from '../../domain/captions';
import { NewCareWorkerAccountSchema } from '../../domain/api';
import { UuidSchema } from '../../domain/ids';
import { auditActorOf, auditedChange, recordAudit } from '../audit/record-audit';
import { loadCaptionLines, saveCaptions } from '../carers/carer-captions';
import { addCareWorkerAccount } from '../carers/carer-accounts';
import { addCarer, listCarers, loadCarerProfile, saveCarerProfile, setConsent } from '../carers/carer-profiles';
import type { Db } from '../database/db';
import { HttpError, notAllowed, notFound, parseInput } from '../http/api-error';
import { authOf, requireSession } from '../http/require-session';

const NO_SUCH_CARER = 'There is no such care worker. Choose them again from the list.';

/**
 * The carer a request may reach: an organiser, any of their organisation's; a care worker, only their own.
 * Anyone else's id answers exactly as an id that does not exist.
 */
function reachableCarerId(request: FastifyRequest<{ Params: { id: string } }>): string {
  const auth = authOf(request);
  const carerId = request.params.id;
  if (!UuidSchema.safeParse(carerId).success) throw notFound(NO_SUCH_CARER);
  if (auth.role === 'care-worker' && auth.carerId !== carerId) throw notFound(NO_SUCH_CARER);
  return carerId;
}

/** Care workers' one-page profiles: organisers list, add and edit them; a care worker edits and agrees to show their own. */
export function carerRoutes(db: Db, mediaDir: string) {
  return async (app: FastifyInstance): Promise<void> => {
    requireSession(app, db, ['organiser', 'care-worker']);

    app.get('/api/carers', async (request) => {
      if (authOf(request).role !== 'organiser') throw notAllowed('Only an organiser can see every care worker. Your own profile is under “My profile”.');
      const carers = await listCarers(db, authOf(request).organisationId);
      await recordAudit(db, auditActorOf(request), 'carers.listed', { type: 'organisation', id: authOf(request).organisationId });
      return { carers };
    });

    app.post('/api/carers', async (request, reply) => {
      const auth = authOf(request);
      if (auth.role !== 'organiser') throw notAllowed('Only an organiser can add a care worker.');
      const { firstName } = parseInput(NewCarerRequestSchema, request.body, 'the new care worker');
      const view = await auditedChange(db, auditActorOf(request), 'carer.changed', (added: CarerProfileView) => ({ type: 'carer', id: added.id }), async (tx) =>
        loadCarerProfile(tx, auth.organisationId, await addCarer(tx, auth.organisationId, firstName)),
      );
      return reply.code(201).send(view);
    });

    app.get<{ Params: { id: string } }>('/api/carers/:id/profile', async (request): Promise<CarerProfileView> => {
      const carerId = reachableCarerId(request);
      const view = await loadCarerProfile(db, authOf(request).organisationId, carerId);
      if (!view) throw notFound(NO_SUCH_CARER);
      await recordAudit(db, auditActorOf(request), 'carer.viewed', { type: 'carer', id: carerId });
      return view;
    });

    app.put<{ Params: { id: string } }>('/api/carers/:id/profile', async (request): Promise<CarerProfileView> => {
      const carerId = reachableCarerId(request);
      const { profile, basedOnUpdatedAt } = parseInput(SaveCarerProfileRequestSchema, request.body, 'the profile');
      const view = await auditedChange(db, auditActorOf(request), 'carer.changed', { type: 'carer', id: carerId }, (tx) =>
        saveCarerProfile(tx, authOf(request).organisationId, carerId, profile, basedOnUpdatedAt),
      );
      if (!view) throw notFound(NO_SUCH_CARER);
      return view;
    });

    app.get<{ Params: { id: string } }>('/api/carers/:id/captions', async (request): Promise<CaptionsRequest> => {
      const carerId = reachableCarerId(request);
      const text = await loadCaptionLines(db, mediaDir, authOf(request).organisationId, carerId);
      if (text === null) throw notFound(NO_SUCH_CARER);
      // The film's words, as text: a read of the film as much as playing it is.
      await recordAudit(db, auditActorOf(request), 'media.viewed', { type: 'carer', id: carerId });
      return { text };
    });

    app.put<{ Params: { id: string } }>('/api/carers/:id/captions', async (request): Promise<CaptionsRequest> => {
      const carerId = reachableCarerId(request);
      const { text } = parseInput(CaptionsRequestSchema, request.body, 'the captions');
      const parsed = parseCaptionLines(text);
      if ('problems' in parsed) throw new HttpError(400, 'invalid-request', `The captions are not saved. ${parsed.problems.slice(0, 3).join(' ')}`);
      const auth = authOf(request);
      const saved = await auditedChange(db, auditActorOf(request), 'carer.changed', { type: 'carer', id: carerId }, (tx) =>
        saveCaptions(tx, mediaDir, auth.organisationId, carerId, parsed.cues),
      );
      if (!saved) throw notFound(NO_SUCH_CARER);
      return { text: (await loadCaptionLines(db, mediaDir, auth.organisationId, carerId)) ?? '' };
    });

    app.post<{ Params: { id: string } }>('/api/carers/:id/account', async (request, reply) => {
      const auth = authOf(request);
      if (auth.role !== 'organiser') throw notAllowed('Only an organiser can give a care worker an account.');
      const carerId = reachableCarerId(request);
      const account = parseInput(NewCareWorkerAccountSchema, request.body, 'the account');
      // Recorded after, not in its transaction: the password is hashed first, and that must not hold the database.
      const made = await addCareWorkerAccount(db, auth.organisationId, carerId, account);
      if (made === 'made') await recordAudit(db, auditActorOf(request), 'account.changed', { type: 'carer', id: carerId });
      if (made === 'no-such-carer') throw notFound(NO_SUCH_CARER);
      if (made === 'has-account') throw new HttpError(409, 'invalid-request', 'This care worker already has an account.');
      if (made === 'email-taken') throw new HttpError(409, 'invalid-request', 'Someone already signs in with that email address. Use another.');
      return reply.code(201).send(await loadCarerProfile(db, auth.organisationId, carerId));
    });

    app.put<{ Params: { id: string } }>('/api/carers/:id/consent', async (request): Promise<CarerProfileView> => {
      const auth = authOf(request);
      const carerId = reachableCarerId(request);
      // Agreeing is the care worker's own say-so: nobody can give or take it for them.
      if (auth.role !== 'care-worker') throw notAllowed('Only the care worker can agree to their profile being shown, or withdraw that.');
      const { agreed } = parseInput(ConsentRequestSchema, request.body, 'the agreement');
      const view = await auditedChange(db, auditActorOf(request), 'carer.changed', { type: 'carer', id: carerId }, (tx) =>
        setConsent(tx, auth.organisationId, carerId, auth.userId, agreed),
      );
      if (!view) throw notFound(NO_SUCH_CARER);
      return view;
    });
  };
}
