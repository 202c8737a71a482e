import type { FastifyInstance } from 'fastify';
import { UuidSchema } from '../../domain/ids';
import type { MatchInputs } from '../../domain/match-runs';
import { NewPersonRequestSchema, SavePersonModeRequestSchema, SavePersonProfileRequestSchema, type PersonProfileView } from '../../domain/person-profile-form';
import { auditActorOf, auditedChange, recordAudit } from '../audit/record-audit';
import type { Db } from '../database/db';
import { notFound, parseInput } from '../http/api-error';
import { authOf, requireSession } from '../http/require-session';
import { listPeopleForMatching, loadMatchInputs } from '../matching/match-inputs';
import { addPerson, listPeopleProfiles, loadPersonProfile, savePersonModeSettings, savePersonProfile } from '../people/person-profiles';

const NO_SUCH_PERSON = 'There is no such person. Choose them again from the list.';

export function peopleRoutes(db: Db) {
  return async (app: FastifyInstance): Promise<void> => {
    requireSession(app, db);

    app.get('/api/people', async (request) => {
      const people = await listPeopleForMatching(db, authOf(request).organisationId);
      await recordAudit(db, auditActorOf(request), 'people.listed', { type: 'organisation', id: authOf(request).organisationId });
      return { people };
    });

    // One-page profiles, written with the person at the first assessment.
    app.get('/api/people/profiles', async (request) => {
      const people = await listPeopleProfiles(db, authOf(request).organisationId);
      await recordAudit(db, auditActorOf(request), 'people.listed', { type: 'organisation', id: authOf(request).organisationId });
      return { people };
    });

    app.post('/api/people', async (request, reply) => {
      const auth = authOf(request);
      const { firstName } = parseInput(NewPersonRequestSchema, request.body, 'the new person');
      const view = await auditedChange(db, auditActorOf(request), 'person.changed', (added: PersonProfileView) => ({ type: 'person', id: added.id }), async (tx) =>
        loadPersonProfile(tx, auth.organisationId, await addPerson(tx, auth.organisationId, firstName)),
      );
      return reply.code(201).send(view);
    });

    app.get<{ Params: { id: string } }>('/api/people/:id/profile', async (request): Promise<PersonProfileView> => {
      const view = UuidSchema.safeParse(request.params.id).success ? await loadPersonProfile(db, authOf(request).organisationId, request.params.id) : null;
      if (!view) throw notFound(NO_SUCH_PERSON);
      await recordAudit(db, auditActorOf(request), 'person.viewed', { type: 'person', id: view.id });
      return view;
    });

    app.put<{ Params: { id: string } }>('/api/people/:id/person-mode', async (request): Promise<PersonProfileView> => {
      if (!UuidSchema.safeParse(request.params.id).success) throw notFound(NO_SUCH_PERSON);
      const { settings } = parseInput(SavePersonModeRequestSchema, request.body, 'the person-mode settings');
      const organisationId = authOf(request).organisationId;
      const personId = request.params.id;
      const view = await auditedChange(db, auditActorOf(request), 'person.changed', { type: 'person', id: personId }, async (tx) =>
        (await savePersonModeSettings(tx, organisationId, personId, settings)) ? loadPersonProfile(tx, organisationId, personId) : null,
      );
      if (!view) throw notFound(NO_SUCH_PERSON);
      return view;
    });

    app.put<{ Params: { id: string } }>('/api/people/:id/profile', async (request): Promise<PersonProfileView> => {
      if (!UuidSchema.safeParse(request.params.id).success) throw notFound(NO_SUCH_PERSON);
      const { profile, basedOnUpdatedAt } = parseInput(SavePersonProfileRequestSchema, request.body, 'the profile');
      const personId = request.params.id;
      const view = await auditedChange(db, auditActorOf(request), 'person.changed', { type: 'person', id: personId }, (tx) =>
        savePersonProfile(tx, authOf(request).organisationId, personId, profile, basedOnUpdatedAt),
      );
      if (!view) throw notFound(NO_SUCH_PERSON);
      return view;
    });

    // The engine runs in the app (so an organiser sees the result at once) and again in the office.
    app.get<{ Params: { id: string } }>('/api/people/:id/match-inputs', async (request): Promise<MatchInputs> => {
      const personId = request.params.id;
      const inputs = UuidSchema.safeParse(personId).success ? await loadMatchInputs(db, authOf(request).organisationId, personId) : null;
      if (!inputs) throw notFound(NO_SUCH_PERSON);
      await recordAudit(db, auditActorOf(request), 'person.viewed', { type: 'person', id: personId });
      return inputs;
    });
  };
}
