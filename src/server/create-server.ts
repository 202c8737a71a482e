import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Config } from './config';
import type { Db } from './database/db';
import { BODY_LIMIT_BYTES, installErrorHandler } from './http/error-handler';
import { installFaultInjection } from './http/fault-injection';
import { conflictRoutes } from './routes/conflicts';
import { eventRoutes } from './routes/events';
import { followUpRoutes } from './routes/follow-ups';
import { healthRoutes } from './routes/health';
import { matchRunRoutes } from './routes/match-runs';
import { mediaRoutes } from './routes/media';
import { peopleRoutes } from './routes/people';
import { sessionRoutes } from './routes/session';
import { registerStaticApp } from './routes/static-app';
import { visitRoutes } from './routes/visits';

export interface ServerDeps {
  db: Db;
  config: Config;
  /** Where media files live, named by their SHA-256 (normally DATA_DIR/media). */
  mediaDir: string;
  /** The PWA build; defaults to config.staticDir. */
  staticDir?: string;
  logger?: FastifyServerOptions['logger'];
}

/** Builds the app from its dependencies without listening, so tests can call app.inject(). */
export async function createServer(deps: ServerDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: deps.logger ?? false, bodyLimit: BODY_LIMIT_BYTES });
  installErrorHandler(app);
  // Test-only (HEARTH_FAULT_INJECTION=1, refused in production): before the routes, so its hooks reach them all.
  if (deps.config.faultInjection) installFaultInjection(app);
  app.decorateRequest('auth', null);
  await app.register(fastifyCookie);

  // Answers from the API are about one person at one moment: never let a cache keep them.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  await app.register(healthRoutes);
  await app.register(sessionRoutes(deps.db));
  await app.register(visitRoutes(deps.db));
  await app.register(mediaRoutes(deps.db, deps.mediaDir));
  await app.register(eventRoutes(deps.db));
  await app.register(followUpRoutes(deps.db));
  await app.register(conflictRoutes(deps.db));
  await app.register(peopleRoutes(deps.db));
  await app.register(matchRunRoutes(deps.db));
  await registerStaticApp(app, deps.staticDir ?? deps.config.staticDir);
  return app;
}
