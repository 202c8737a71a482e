import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../src/server/config';
import { createServer } from '../../src/server/create-server';
import type { Db } from '../../src/server/database/db';
import { DEMO_ORGANISER } from '../../src/server/seed/demo-data';
import { seedDemo, type SeededDemo } from '../../src/server/seed/seed-demo';
import { openTestDb } from './server-db';
import { TEST_DEVICE_ID } from './server-events';
import { writeFakeSeedMedia } from './server-media';

export const OTHER_ORGANISER = { name: 'Alex Other', email: 'organiser@other.hearth.test', password: 'other-password' };
export const OTHER_ADMIN = { name: 'Ola Other', email: 'admin@other.hearth.test', password: 'other-password' };
export const OTHER_MANAGER = { name: 'Max Other', email: 'manager@other.hearth.test', password: 'other-password' };
export const OTHER_CARE_WORKER = { name: 'Sam Other', email: 'sam@other.hearth.test', password: 'other-password', carerFirstName: 'Sam' };

export interface ServerWorld {
  db: Db;
  app: FastifyInstance;
  dataDir: string;
  mediaDir: string;
  seedMediaDir: string;
  /** The demo organisation, as seeded on first start. */
  demo: SeededDemo;
  /** A second organisation with the same kind of records, to prove the first cannot reach them. */
  other: SeededDemo;
  /** Signs in (the demo organiser by default) and returns the Cookie header to send. */
  signIn(login?: { email: string; password: string }): Promise<string>;
  /**
   * Signs in and enrols the tablet (TEST_DEVICE_ID by default) as the app does at an organiser's sign-in,
   * returning the Cookie header with both the session and the device token: what fetching packs needs.
   * Enrolling the same tablet again replaces its token, so each signed-in tablet needs its own id.
   */
  signInOnTablet(login?: { email: string; password: string }, deviceId?: string): Promise<string>;
  close(): Promise<void>;
}

/** A fresh world for one test file: empty database, temp DATA_DIR with fake demo media, two organisations. */
export async function makeServerWorld(options: { staticDir?: string; now?: Date } = {}): Promise<ServerWorld> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'hearth-server-test-'));
  const mediaDir = path.join(dataDir, 'media');
  const seedMediaDir = path.join(dataDir, 'seed-media');
  await writeFakeSeedMedia(seedMediaDir);
  const testDb = await openTestDb();
  const { db } = testDb;
  const now = options.now ?? new Date();
  const demo = await seedDemo(db, { mediaDir, seedMediaDir, now });
  const other = await seedDemo(db, { mediaDir, seedMediaDir, now, organisationName: 'Other Care Ltd', organiser: OTHER_ORGANISER, careWorker: OTHER_CARE_WORKER, admin: OTHER_ADMIN, manager: OTHER_MANAGER });
  const config = loadConfig({ DATA_DIR: dataDir, STATIC_DIR: options.staticDir ?? path.join(dataDir, 'no-build') });
  // Errors only: an unexpected 500 in a test then says why on stderr (expected refusals are not logged).
  const app = await createServer({ db, config, mediaDir, staticDir: options.staticDir, logger: { level: 'error' } });

  return {
    db,
    app,
    dataDir,
    mediaDir,
    seedMediaDir,
    demo,
    other,
    async signIn(login = DEMO_ORGANISER) {
      const response = await app.inject({ method: 'POST', url: '/api/session', payload: { email: login.email, password: login.password } });
      if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
      return cookieHeader(response);
    },
    async signInOnTablet(login = DEMO_ORGANISER, deviceId = TEST_DEVICE_ID) {
      const signedIn = await app.inject({ method: 'POST', url: '/api/session', payload: { email: login.email, password: login.password } });
      if (signedIn.statusCode !== 200) throw new Error(`sign-in failed: ${signedIn.statusCode} ${signedIn.body}`);
      const session = cookieHeader(signedIn);
      const response = await app.inject({
        method: 'POST',
        url: '/api/devices',
        headers: { cookie: session },
        payload: { deviceId, label: 'Safari on iPad (test)' },
      });
      if (response.statusCode !== 200) throw new Error(`enrolment failed: ${response.statusCode} ${response.body}`);
      return `${session}; ${cookieHeader(response)}`;
    },
    async close() {
      await app.close();
      await testDb.dispose();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export function cookieHeader(response: LightMyRequestResponse): string {
  return response.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
}

/** A fresh world with Hilda's visit and the four carers shown for it, as most event tests need. */
export async function makeHildaWorld(): Promise<{ world: ServerWorld; org: string; visit: string; carers: string[] }> {
  const world = await makeServerWorld();
  return {
    world,
    org: world.demo.organisationId,
    visit: world.demo.visits.Hilda!,
    carers: ['Sam', 'Bethan', 'Grace', 'Tom'].map((name) => world.demo.carers[name]!),
  };
}
