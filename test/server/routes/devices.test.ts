import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../../src/domain/api';
import { DeviceListSchema, DeviceViewSchema } from '../../../src/domain/devices';
import { VisitPackSchema } from '../../../src/domain/visits';
import { DEMO_ADMIN, DEMO_CARE_WORKER } from '../../../src/server/seed/demo-data';
import { makeOutcomeEvent, makePush } from '../../support/server-events';
import { makeServerWorld, OTHER_ORGANISER, type ServerWorld } from '../../support/server-world';

const TABLET = '0190f5a2-7b3c-7d4e-8f00-00000000e001';
const LOST_TABLET = '0190f5a2-7b3c-7d4e-8f00-00000000e002';

describe('devices: enrolment, the list and revocation', () => {
  let world: ServerWorld;
  let office: string;
  beforeAll(async () => {
    world = await makeServerWorld();
    office = await world.signIn(DEMO_ADMIN);
  });
  afterAll(() => world.close());

  const inject = (method: 'GET' | 'POST', url: string, cookie: string, payload?: object) =>
    world.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  const packOf = (cookie: string) => inject('GET', `/api/visits/${world.demo.visits.Hilda}/pack`, cookie);
  const revoke = (id: string, cookie = office) => inject('POST', `/api/devices/${id}/revoke`, cookie, {});

  it('enrols a tablet for an organiser: the token is an HttpOnly cookie, only its SHA-256 is stored', async () => {
    const session = await world.signIn();
    const answer = await inject('POST', '/api/devices', session, { deviceId: TABLET, label: 'Safari on iPad' });
    expect(answer.statusCode).toBe(200);
    expect(DeviceViewSchema.parse(answer.json())).toMatchObject({ id: TABLET, status: 'enrolled', enrolledBy: 'Jo Baker', revokedAt: null });
    const cookie = answer.cookies.find((c) => c.name === 'hearth_device')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    expect(answer.body).not.toContain(cookie.value);
    const rows = await world.db.query<{ token_sha256: string }>('select token_sha256 from devices where id = $1', [TABLET]);
    expect(rows[0]!.token_sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(cookie.value);
  });

  it('gives visit packs only to an enrolled tablet', async () => {
    const session = await world.signIn();
    const refused = await packOf(session);
    expect(refused.statusCode).toBe(403);
    expect(ApiErrorSchema.parse(refused.json()).error.code).toBe('device-not-enrolled');

    const onTablet = await world.signInOnTablet(undefined, TABLET);
    const pack = await packOf(onTablet);
    expect(pack.statusCode).toBe(200);
    expect(VisitPackSchema.parse(pack.json()).person.firstName).toBe('Hilda');
  });

  it('refuses enrolment to care workers and to anyone signed out', async () => {
    const careWorker = await world.signIn(DEMO_CARE_WORKER);
    expect((await inject('POST', '/api/devices', careWorker, { deviceId: LOST_TABLET, label: 'x' })).statusCode).toBe(403);
    expect((await inject('POST', '/api/devices', '', { deviceId: LOST_TABLET, label: 'x' })).statusCode).toBe(401);
    expect((await inject('GET', '/api/devices', careWorker)).statusCode).toBe(403);
    expect((await world.db.query('select 1 from devices where id = $1', [LOST_TABLET])).length).toBe(0);
  });

  it('rejects unknown fields in an enrolment', async () => {
    const session = await world.signIn();
    const answer = await inject('POST', '/api/devices', session, { deviceId: LOST_TABLET, label: 'x', organisationId: world.other.organisationId });
    expect(answer.statusCode).toBe(400);
  });

  it('lists the organisation’s tablets with who enrolled them, for admins and organisers', async () => {
    for (const cookie of [office, await world.signIn()]) {
      const answer = await inject('GET', '/api/devices', cookie);
      expect(answer.statusCode).toBe(200);
      const { devices } = DeviceListSchema.parse(answer.json());
      expect(devices.find((d) => d.id === TABLET)).toMatchObject({ label: 'Safari on iPad (test)', status: 'enrolled', enrolledBy: 'Jo Baker' });
    }
  });

  describe('a lost tablet, revoked', () => {
    let thief: string;
    const hilda = () => world.demo.visits.Hilda!;
    beforeAll(async () => {
      thief = await world.signInOnTablet(undefined, LOST_TABLET);
      expect((await packOf(thief)).statusCode).toBe(200);
      const answer = await revoke(LOST_TABLET);
      expect(answer.statusCode).toBe(200);
      expect(DeviceViewSchema.parse(answer.json())).toMatchObject({ status: 'revoked', revokedBy: DEMO_ADMIN.name });
    });

    it('answers its next request, on any route, with 401, the wipe instruction and Clear-Site-Data', async () => {
      for (const url of [`/api/visits/${hilda()}/pack`, '/api/visits', '/api/session', '/api/people/profiles']) {
        const answer = await inject('GET', url, thief);
        expect(answer.statusCode, url).toBe(401);
        expect(answer.headers['clear-site-data']).toBe('"cache", "cookies", "storage"');
        const body = ApiErrorSchema.parse(answer.json());
        expect(body).toMatchObject({ error: { code: 'device-revoked' }, wipe: true });
        expect(answer.body).not.toContain('Hilda');
      }
    });

    it('does not store what it pushes, with its device cookie or without it', async () => {
      const before = (await world.db.query('select id from events')).length;
      const event = makeOutcomeEvent(hilda(), [world.demo.carers.Sam!], { deviceId: LOST_TABLET });
      const withToken = await inject('POST', '/api/events', thief, makePush([event], { deviceId: LOST_TABLET }));
      expect(withToken.statusCode).toBe(401);
      expect(withToken.json()).toMatchObject({ error: { code: 'device-revoked' }, wipe: true });

      // Replayed from a fresh session without the device cookie: still refused, by the tablet's id.
      const replay = await inject('POST', '/api/events', await world.signIn(), makePush([event], { deviceId: LOST_TABLET }));
      expect(replay.statusCode).toBe(401);
      expect(replay.json()).toMatchObject({ error: { code: 'device-revoked' }, wipe: true });
      expect((await world.db.query('select id from events')).length).toBe(before);
    });

    it('ends the session the tablet was signed in with', async () => {
      const sessionOnly = thief.split('; ').filter((c) => c.startsWith('hearth_session=')).join('; ');
      expect((await inject('GET', '/api/session', sessionOnly)).statusCode).toBe(401);
    });

    it('can never be enrolled again', async () => {
      const answer = await inject('POST', '/api/devices', await world.signIn(), { deviceId: LOST_TABLET, label: 'Safari on iPad' });
      expect(answer.statusCode).toBe(401);
      expect(answer.json()).toMatchObject({ error: { code: 'device-revoked' }, wipe: true });
      const { devices } = DeviceListSchema.parse((await inject('GET', '/api/devices', office)).json());
      expect(devices.find((d) => d.id === LOST_TABLET)?.status).toBe('revoked');
    });

    it('stays revoked when revoked again', async () => {
      const again = await revoke(LOST_TABLET);
      expect(again.statusCode).toBe(200);
      expect(DeviceViewSchema.parse(again.json()).status).toBe('revoked');
    });
  });

  it('a re-enrolment replaces the token: the old one fetches no packs', async () => {
    const first = await world.signInOnTablet(undefined, TABLET);
    await world.signInOnTablet(undefined, TABLET);
    expect((await packOf(first)).statusCode).toBe(403);
  });

  it('answers 404 for another organisation’s tablet, and changes nothing', async () => {
    const theirs = '0190f5a2-7b3c-7d4e-8f00-00000000e0ff';
    await world.signInOnTablet(OTHER_ORGANISER, theirs);
    for (const id of [theirs, 'not-a-uuid', '0190f5a2-7b3c-7d4e-8f00-000000000000']) {
      const answer = await revoke(id);
      expect(answer.statusCode, id).toBe(404);
    }
    const rows = await world.db.query<{ revoked_at: string | null }>('select revoked_at from devices where id = $1', [theirs]);
    expect(rows[0]!.revoked_at).toBeNull();
    const { devices } = DeviceListSchema.parse((await inject('GET', '/api/devices', office)).json());
    expect(devices.map((d) => d.id)).not.toContain(theirs);
  });

  it('gives no packs to a tablet of another organisation signed in here', async () => {
    const theirs = await world.signInOnTablet(OTHER_ORGANISER, '0190f5a2-7b3c-7d4e-8f00-00000000e0fe');
    const mixed = `${await world.signIn()}; ${theirs.split('; ').find((c) => c.startsWith('hearth_device='))}`;
    expect((await packOf(mixed)).statusCode).toBe(403);
  });
});
