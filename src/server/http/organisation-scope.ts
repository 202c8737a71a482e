import type { FastifyInstance } from 'fastify';
import { withOrganisation } from '../database/organisation-context';

/**
 * Runs the rest of every signed-in request (its preHandler hooks, the handler, the answer) in its
 * organisation's context, so each of its queries runs as the database's app role with row-level
 * security for that organisation (migration 0014). Installed on the root before any route: root
 * preHandler hooks run after every onRequest hook, so requireSession has set request.auth by then.
 * The onRequest hooks themselves, which find the session by its token, run as the owner.
 *
 * preHandler rather than onRequest: a context entered before the body is read would not reach the
 * handler, which Fastify calls from the body stream's events.
 */
export function installOrganisationScope(app: FastifyInstance): void {
  app.addHook('preHandler', (request, _reply, done) => {
    const organisationId = request.auth?.organisationId;
    if (organisationId === undefined) done();
    else withOrganisation(organisationId, () => done());
  });
}
