import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from './config';
import { createServer } from './create-server';
import type { Db } from './database/db';
import { deferredDb } from './database/deferred-db';
import { migrate } from './database/migrate';
import { openDb } from './database/open-db';
import { failAbandonedJobs } from './media/media-job-queries';
import { detectMediaTools, FFMPEG_INSTALL_HINT } from './media/media-tools';
import { DEMO_ADMIN, DEMO_CARE_WORKER, DEMO_MANAGER, DEMO_ORGANISER } from './seed/demo-data';
import { seedDemoIfEmpty } from './seed/seed-demo';

// The only place Hearth listens. Everything else is built by createServer from injected parts.
const running: { db?: Db; app?: FastifyInstance; stopping?: boolean } = {};

async function stop(reason: string, exitCode: number): Promise<never> {
  if (!running.stopping) {
    running.stopping = true;
    if (reason) console.log(`Hearth is stopping (${reason}).`);
    await running.app?.close().catch(() => undefined);
    await running.db?.close().catch(() => undefined);
  }
  process.exit(exitCode);
}

async function main(): Promise<void> {
  process.once('SIGINT', () => void stop('SIGINT', 0));
  process.once('SIGTERM', () => void stop('SIGTERM', 0));

  const config = loadConfig();
  const mediaDir = path.join(config.dataDir, 'media');
  await mkdir(mediaDir, { recursive: true });

  // Listen first: creating a fresh PGlite directory takes seconds, and the tablet's health check
  // should not fail meanwhile. Requests that need data wait until the database is ready.
  const ready = prepareDb(config, mediaDir);
  const mediaTools = await detectMediaTools(config);
  if (!mediaTools) console.warn(`ffmpeg or ffprobe was not found: films and voice recordings will be refused (photos still work). ${FFMPEG_INSTALL_HINT}`);
  const app = (running.app = await createServer({ db: deferredDb(ready), config, mediaDir, mediaTools, logger: { level: config.logLevel } }));
  await app.listen({ port: config.port, host: config.host });
  await ready;

  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`Hearth is running at http://localhost:${port}`);
  console.log(`Demo organiser login: ${DEMO_ORGANISER.email} / ${DEMO_ORGANISER.password}`);
  // Every demo login has the same password; the README's table says what each role is for.
  console.log(`Other demo logins (same password): ${DEMO_ADMIN.email} (admin), ${DEMO_MANAGER.email} (manager), ${DEMO_CARE_WORKER.email} (care worker)`);
  console.log(config.databaseUrl ? 'Data: PostgreSQL (DATABASE_URL)' : `Data: ${config.dataDir}`);
}

async function prepareDb(config: Config, mediaDir: string): Promise<Db> {
  const db = (running.db = await openDb(config));
  await migrate(db);
  // A process that died mid-transcode left its jobs unfinished; nobody will finish them now.
  await failAbandonedJobs(db);
  if (await seedDemoIfEmpty(db, { mediaDir, seedMediaDir: config.seedMediaDir })) console.log('Seeded the demo organisation.');
  return db;
}

main().catch(async (error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  await stop('', 1);
});
