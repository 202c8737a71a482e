import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ADMIN, DEMO_ORGANISER } from '../../src/server/seed/demo-data';
import { ApiFailure, createHttpTransport, type Transport } from '../../src/sync/transport';
import { makeServerWorld, type ServerWorld } from '../support/server-world';
import { browserFetch } from '../chaos/sim-tablet';

const TABLET = '0190f5a2-7b3c-7d4e-8f00-00000000f001';

// The tablet's side of revocation, through the real HTTP transport and a real server: whatever it asks next, it is told to wipe.
describe('the HTTP transport on a revoked tablet', () => {
  let world: ServerWorld;
  let url: string;
  beforeAll(async () => {
    world = await makeServerWorld();
    url = await world.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => world.close());

  async function enrolledTablet(deviceId = TABLET): Promise<{ transport: Transport; revoked: () => number }> {
    let calls = 0;
    const transport = createHttpTransport(url, browserFetch(new Map(), () => true, () => new AbortController().signal), {
      onDeviceRevoked: () => (calls += 1),
    });
    await transport.login({ email: DEMO_ORGANISER.email, password: DEMO_ORGANISER.password });
    expect((await transport.enrolDevice({ deviceId, label: 'Safari on iPad' })).status).toBe('enrolled');
    return { transport, revoked: () => calls };
  }

  it('fetches packs once enrolled, and says nothing of a wipe', async () => {
    const { transport, revoked } = await enrolledTablet();
    const [visit] = await transport.listVisits();
    expect((await transport.fetchPack(visit!.id)).person.firstName).toBeTruthy();
    expect(await transport.health()).toBe(true);
    expect(revoked()).toBe(0);
  });

  it('calls onDeviceRevoked on the first answer after the office revokes it, from any request', async () => {
    const { transport, revoked } = await enrolledTablet();
    const admin = await world.signIn(DEMO_ADMIN);
    expect((await world.app.inject({ method: 'POST', url: `/api/devices/${TABLET}/revoke`, headers: { cookie: admin }, payload: {} })).statusCode).toBe(200);

    // The health check is only "is the office there": it stays true, and the next real request is told.
    expect(await transport.health()).toBe(true);
    expect(revoked()).toBe(0);
    const failure = await transport.listVisits().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiFailure);
    expect(failure).toMatchObject({ status: 401, code: 'device-revoked' });
    expect(revoked()).toBe(1);
  });

  it('is told on currentSession and logout too, which otherwise treat 401 as plainly signed out', async () => {
    const second = '0190f5a2-7b3c-7d4e-8f00-00000000f002';
    const { transport, revoked } = await enrolledTablet(second);
    const admin = await world.signIn(DEMO_ADMIN);
    await world.app.inject({ method: 'POST', url: `/api/devices/${second}/revoke`, headers: { cookie: admin }, payload: {} });

    expect(await transport.currentSession()).toBeNull();
    expect(revoked()).toBe(1);

    const third = '0190f5a2-7b3c-7d4e-8f00-00000000f004';
    const other = await enrolledTablet(third);
    await world.app.inject({ method: 'POST', url: `/api/devices/${third}/revoke`, headers: { cookie: admin }, payload: {} });
    await other.transport.logout();
    expect(other.revoked()).toBe(1);
  });

  it('is told when it tries to enrol again under its revoked id', async () => {
    const { transport, revoked } = await enrolledTablet('0190f5a2-7b3c-7d4e-8f00-00000000f003');
    await expect(transport.enrolDevice({ deviceId: TABLET, label: 'Safari on iPad' })).rejects.toMatchObject({ code: 'device-revoked' });
    expect(revoked()).toBe(1);
  });
});
