import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PushResponseSchema } from '../../../src/domain/events';
import { VisitPackSchema } from '../../../src/domain/visits';
import { loadConfig } from '../../../src/server/config';
import { createServer } from '../../../src/server/create-server';
import { FAULT_HEADER } from '../../../src/server/http/fault-injection';
import { DEMO_ORGANISER } from '../../../src/server/seed/demo-data';
import { seedDemo } from '../../../src/server/seed/seed-demo';
import { openTestDb, type TestDb } from '../../support/server-db';
import { makeOutcomeEvent, makePush, TEST_DEVICE_ID } from '../../support/server-events';
import { writeFakeSeedMedia } from '../../support/server-media';

describe('fault injection (HEARTH_FAULT_INJECTION=1)', () => {
  let testDb: TestDb;
  let dataDir: string;
  /** One server with fault injection on, one built from the default config. */
  let faulty: FastifyInstance;
  let normal: FastifyInstance;
  let url: string;
  let cookie: string;
  let visitId: string;
  let carers: string[];

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'hearth-fault-test-'));
    const mediaDir = path.join(dataDir, 'media');
    const seedMediaDir = path.join(dataDir, 'seed-media');
    await writeFakeSeedMedia(seedMediaDir);
    testDb = await openTestDb();
    const demo = await seedDemo(testDb.db, { mediaDir, seedMediaDir });
    const env = { DATA_DIR: dataDir, STATIC_DIR: path.join(dataDir, 'no-build') };
    faulty = await createServer({ db: testDb.db, config: loadConfig({ ...env, HEARTH_FAULT_INJECTION: '1' }), mediaDir });
    normal = await createServer({ db: testDb.db, config: loadConfig(env), mediaDir });
    // A real socket: "after-commit" destroys the connection, which only a real client can see.
    url = await faulty.listen({ host: '127.0.0.1', port: 0 });

    const login = await faulty.inject({ method: 'POST', url: '/api/session', payload: { email: DEMO_ORGANISER.email, password: DEMO_ORGANISER.password } });
    cookie = login.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    // Packs go only onto an enrolled tablet.
    const enrol = await faulty.inject({ method: 'POST', url: '/api/devices', headers: { cookie }, payload: { deviceId: TEST_DEVICE_ID, label: 'Test tablet' } });
    cookie = [cookie, ...enrol.cookies.map((c) => `${c.name}=${c.value}`)].join('; ');
    visitId = demo.visits.Hilda!;
    const pack = VisitPackSchema.parse((await faulty.inject({ method: 'GET', url: `/api/visits/${visitId}/pack`, headers: { cookie } })).json());
    carers = pack.candidates.map((c) => c.id);
  });
  afterAll(async () => {
    await faulty.close();
    await normal.close();
    await testDb.dispose();
    await rm(dataDir, { recursive: true, force: true });
  });

  const push = (body: unknown, fault?: string) =>
    fetch(`${url}/api/events`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', ...(fault ? { [FAULT_HEADER]: fault } : {}) },
      body: JSON.stringify(body),
    });
  const storedCount = async (id: string) =>
    (await testDb.db.query<{ n: number }>('select count(*)::int as n from events where id = $1', [id]))[0]!.n;

  it('before-commit: answers 500 and stores nothing', async () => {
    const event = makeOutcomeEvent(visitId, carers);
    const response = await push(makePush([event]), 'before-commit');
    expect(response.status).toBe(500);
    expect(await response.json()).toMatchObject({ error: { code: 'internal' } });
    expect(await storedCount(event.id)).toBe(0);

    const retry = await push(makePush([event]));
    expect(PushResponseSchema.parse(await retry.json()).results).toEqual([{ id: event.id, status: 'stored' }]);
  });

  it('after-commit: stores the events, then cuts the connection instead of answering', async () => {
    const event = makeOutcomeEvent(visitId, carers);
    await expect(push(makePush([event]), 'after-commit')).rejects.toThrow();
    expect(await storedCount(event.id)).toBe(1);

    // The tablet's retry is recognised.
    const retry = await push(makePush([event]));
    expect(PushResponseSchema.parse(await retry.json()).results).toEqual([{ id: event.id, status: 'already-stored' }]);
    expect(await storedCount(event.id)).toBe(1);
  });

  it('leaves other requests alone', async () => {
    const event = makeOutcomeEvent(visitId, carers);
    const response = await push(makePush([event]), 'something-else');
    expect(response.status).toBe(200);
    expect(await storedCount(event.id)).toBe(1);
  });

  it('is off unless the flag is set: the header does nothing', async () => {
    const event = makeOutcomeEvent(visitId, carers);
    for (const fault of ['before-commit', 'after-commit']) {
      const response = await normal.inject({
        method: 'POST',
        url: '/api/events',
        headers: { cookie, [FAULT_HEADER]: fault },
        payload: makePush([event]),
      });
      expect(response.statusCode).toBe(200);
    }
    expect(await storedCount(event.id)).toBe(1);
  });
});
