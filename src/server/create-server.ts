import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { Config } from './config';
import type { Db } from './database/db';
import { installDeviceCheck } from './devices/device-check';
import { BODY_LIMIT_BYTES, installErrorHandler } from './http/error-handler';
import { installFaultInjection } from './http/fault-injection';
import { installOrganisationScope } from './http/organisation-scope';
import { installNoApiPages } from './http/no-api-pages';
import { installSecurityHeaders } from './http/security-headers';
import { frameworkErrors } from './http/framework-errors';
import { installStorableTextCheck } from './http/storable-text';
import { lazyMediaTools, type MediaTools } from './media/media-tools';
import { accountRoutes } from './routes/accounts';
import { auditRoutes } from './routes/audit';
import { carerRoutes } from './routes/carers';
import { conflictRoutes } from './routes/conflicts';
import { deviceRoutes } from './routes/devices';
import { evidenceRoutes } from './routes/evidence';
import { eventRoutes } from './routes/events';
import { exportRoutes } from './routes/exports';
import { followUpRoutes } from './routes/follow-ups';
import { healthRoutes } from './routes/health';
import { importRoutes } from './routes/imports';
import { matchRunRoutes } from './routes/match-runs';
import { mediaRoutes } from './routes/media';
import { mediaJobRoutes } from './routes/media-jobs';
import { missingOutcomeRoutes } from './routes/missing-outcomes';
import { peopleRoutes } from './routes/people';
import { sessionRoutes } from './routes/session';
import { tabletKeyRoutes } from './routes/tablet-key';
import { uploadRoutes } from './routes/uploads';
import { registerStaticApp } from './routes/static-app';
import { visitRoutes } from './routes/visits';

export interface RouteEntry {
  method: string;
  url: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route the app has, method by method. */
    routeTable: readonly RouteEntry[];
  }
}

export interface ServerDeps {
  db: Db;
  config: Config;
  /** Where media files live, named by their SHA-256 (normally DATA_DIR/media). */
  mediaDir: string;
  /** tus uploads in progress and transcode work files; defaults to `uploads` next to mediaDir. */
  uploadsDir?: string;
  /** ffmpeg and ffprobe as detected at start (null: not on this machine); detected on first use when absent. */
  mediaTools?: MediaTools;
  /** The PWA build; defaults to config.staticDir. */
  staticDir?: string;
  logger?: FastifyServerOptions['logger'];
}

/** Builds the app from its dependencies without listening, so tests can call app.inject(). */
export async function createServer(deps: ServerDeps): Promise<FastifyInstance> {
  // trustProxy: only the configured proxies may say who the client is (the per-address sign-in limit reads request.ip).
  const app = Fastify({ logger: deps.logger ?? false, bodyLimit: BODY_LIMIT_BYTES, frameworkErrors, trustProxy: deps.config.trustProxy });
  installErrorHandler(app);
  // Test-only (HEARTH_FAULT_INJECTION=1, refused in production): before the routes, so its hooks reach them all.
  if (deps.config.faultInjection) installFaultInjection(app);
  app.decorateRequest('auth', null);
  // Before every route: a signed-in request's queries run as the app role, under row-level security.
  installOrganisationScope(app);
  await app.register(fastifyCookie);

  installSecurityHeaders(app);
  // Before every route: the API answers the app, never a page typed into the address bar (person mode's way out).
  installNoApiPages(app);
  // Before every route reads its input: a NUL or a lone UTF-16 half would fail or be altered in the database.
  installStorableTextCheck(app);
  // Before every route: a revoked tablet's request is answered with the wipe instruction and nothing else.
  installDeviceCheck(app, deps.db);
  // Every route, as registered: the headers and access tests walk this list, so a new route cannot be missed.
  const routeTable: RouteEntry[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routeTable.push({ method, url: route.url });
  });
  app.decorate('routeTable', routeTable);

  await app.register(healthRoutes);
  await app.register(sessionRoutes(deps.db, deps.config));
  await app.register(tabletKeyRoutes(deps.db));
  await app.register(accountRoutes(deps.db));
  await app.register(deviceRoutes(deps.db));
  await app.register(visitRoutes(deps.db));
  await app.register(mediaRoutes(deps.db, deps.mediaDir));
  const uploadsDir = deps.uploadsDir ?? path.join(deps.mediaDir, '..', 'uploads');
  const tools = deps.mediaTools !== undefined ? async () => deps.mediaTools ?? null : lazyMediaTools(deps.config);
  await app.register(uploadRoutes({ db: deps.db, mediaDir: deps.mediaDir, uploadsDir, tools }));
  await app.register(mediaJobRoutes(deps.db));
  await app.register(eventRoutes(deps.db));
  await app.register(followUpRoutes(deps.db));
  await app.register(conflictRoutes(deps.db));
  await app.register(peopleRoutes(deps.db));
  await app.register(carerRoutes(deps.db, deps.mediaDir));
  await app.register(matchRunRoutes(deps.db));
  await app.register(importRoutes(deps.db));
  await app.register(exportRoutes(deps.db));
  await app.register(evidenceRoutes(deps.db));
  await app.register(auditRoutes(deps.db));
  await app.register(missingOutcomeRoutes(deps.db));
  await registerStaticApp(app, deps.staticDir ?? deps.config.staticDir);
  return app;
}
