import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TabletKeyResponseSchema } from '../../../src/domain/tablet-key';
import { DEMO_CARE_WORKER, DEMO_ORGANISER } from '../../../src/server/seed/demo-data';
import { makeServerWorld, OTHER_ORGANISER, type ServerWorld } from '../../support/server-world';

const TABLET = '0190aaaa-0000-4000-8000-00000000f001';
const OTHER_TABLET = '0190aaaa-0000-4000-8000-00000000f002';

describe('/api/tablet-key (the office-held key that also opens a tablet’s encrypted records)', () => {
  let world: ServerWorld;
  let organiser: string;
  let other: string;
  beforeAll(async () => {
    world = await makeServerWorld();
    organiser = await world.signIn(DEMO_ORGANISER);
    other = await world.signIn(OTHER_ORGANISER);
  });
  afterAll(() => world.close());

  const ask = (cookie: string | null, payload: object) =>
    world.app.inject({ method: 'POST', url: '/api/tablet-key', headers: cookie ? { cookie } : {}, payload });

  it('makes a random 32-byte key on the first request and gives the same one after', async () => {
    const first = await ask(organiser, { deviceId: TABLET, password: DEMO_ORGANISER.password });
    expect(first.statusCode).toBe(200);
    const { keyHex } = TabletKeyResponseSchema.parse(first.json());
    expect(first.headers['cache-control']).toMatch(/no-store/);
    const again = TabletKeyResponseSchema.parse((await ask(organiser, { deviceId: TABLET, password: DEMO_ORGANISER.password })).json());
    expect(again.keyHex).toBe(keyHex);
    const another = TabletKeyResponseSchema.parse((await ask(organiser, { deviceId: OTHER_TABLET, password: DEMO_ORGANISER.password })).json());
    expect(another.keyHex).not.toBe(keyHex);
  });

  it('needs the password again, not just the session cookie', async () => {
    const wrong = await ask(organiser, { deviceId: TABLET, password: 'not the password' });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.body).not.toMatch(/[0-9a-f]{64}/);
    expect((await ask(null, { deviceId: TABLET, password: DEMO_ORGANISER.password })).statusCode).toBe(401);
  });

  it("answers 404 for a tablet holding another organisation's key, and hands out nothing", async () => {
    const response = await ask(other, { deviceId: TABLET, password: OTHER_ORGANISER.password });
    expect(response.statusCode).toBe(404);
    expect(response.body).not.toMatch(/[0-9a-f]{64}/);
    const rows = await world.db.query<{ n: number }>('select count(*)::int as n from tablet_keys where device_id = $1', [TABLET]);
    expect(rows[0]!.n).toBe(1);
  });

  it('refuses unknown keys and care workers', async () => {
    const extra = await ask(organiser, { deviceId: TABLET, password: DEMO_ORGANISER.password, organisationId: world.other.organisationId });
    expect(extra.statusCode).toBe(400);
    const careWorker = await world.signIn(DEMO_CARE_WORKER);
    expect((await ask(careWorker, { deviceId: TABLET, password: DEMO_CARE_WORKER.password })).statusCode).toBe(403);
  });
});
