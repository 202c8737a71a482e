import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../src/domain/api';
import { LAST_SEEN_REFRESH_SECONDS, SESSION_HOURS, SESSION_IDLE_MINUTES } from '../../src/server/auth/sessions';
import { loadConfig } from '../../src/server/config';
import { createServer } from '../../src/server/create-server';
import { DEMO_ADMIN, DEMO_ORGANISER } from '../../src/server/seed/demo-data';
import { makeOutcomeEvent, makePush } from '../support/server-events';
import { cookieHeader, makeServerWorld, type ServerWorld } from '../support/server-world';

// A5 (session-lifecycle), the server half, and B6(a): a captured cookie replayed after logout or expiry.
describe('session lifecycle', () => {
  let world: ServerWorld;
  beforeAll(async () => {
    world = await makeServerWorld();
  });
  afterAll(() => world.close());

  const get = (cookie: string, url = '/api/session') => world.app.inject({ method: 'GET', url, headers: { cookie } });
  const sessionCount = async (userId: string) =>
    (await world.db.query<{ n: number }>('select count(*)::int as n from sessions where user_id = $1', [userId]))[0]!.n;
  const tokenSha = async (userId: string) =>
    (await world.db.query<{ token_sha256: string }>('select token_sha256 from sessions where user_id = $1 order by created_at desc limit 1', [userId]))[0]!
      .token_sha256;

  it('has a 2-hour inactivity lifetime inside a 12-hour absolute one', () => {
    expect(SESSION_IDLE_MINUTES).toBe(120);
    expect(SESSION_HOURS).toBe(12);
    expect(LAST_SEEN_REFRESH_SECONDS).toBe(60);
  });

  it('ends a session nobody has used for two hours, and keeps one that is used', async () => {
    const cookie = await world.signIn();
    const sha = await tokenSha(world.demo.userId);
    await world.db.query(`update sessions set last_seen_at = now() - interval '119 minutes' where token_sha256 = $1`, [sha]);
    expect((await get(cookie)).statusCode).toBe(200);
    // That use moved last_seen_at on, so the session lives for another two hours.
    const [seen] = await world.db.query<{ ago: number }>(`select extract(epoch from now() - last_seen_at)::float8 as ago from sessions where token_sha256 = $1`, [sha]);
    expect(seen!.ago).toBeLessThan(60);

    await world.db.query(`update sessions set last_seen_at = now() - interval '121 minutes' where token_sha256 = $1`, [sha]);
    const idle = await get(cookie);
    expect(idle.statusCode).toBe(401);
    expect(ApiErrorSchema.parse(idle.json()).error.code).toBe('not-signed-in');
  });

  it('writes last_seen_at at most once a minute', async () => {
    const cookie = await world.signIn();
    const sha = await tokenSha(world.demo.userId);
    await world.db.query(`update sessions set last_seen_at = now() - interval '30 seconds' where token_sha256 = $1`, [sha]);
    const before = await world.db.query(`select last_seen_at from sessions where token_sha256 = $1`, [sha]);
    for (let i = 0; i < 3; i++) expect((await get(cookie)).statusCode).toBe(200);
    expect(await world.db.query(`select last_seen_at from sessions where token_sha256 = $1`, [sha])).toEqual(before);
  });

  it('ends a session twelve hours after sign-in however busy it has been', async () => {
    const cookie = await world.signIn();
    const sha = await tokenSha(world.demo.userId);
    expect((await get(cookie)).statusCode).toBe(200);
    await world.db.query(`update sessions set created_at = now() - interval '12 hours', expires_at = now() - interval '1 second', last_seen_at = now() where token_sha256 = $1`, [sha]);
    expect((await get(cookie)).statusCode).toBe(401);
  });

  it('answers logout with Clear-Site-Data for the cache and cookies, never storage (the outbox lives there)', async () => {
    const cookie = await world.signIn();
    const out = await world.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    expect(out.headers['clear-site-data']).toBe('"cache", "cookies"');
    expect(String(out.headers['clear-site-data'])).not.toContain('storage');
  });

  it('signs the user out everywhere: every session of theirs ends, nobody else’s', async () => {
    const tablet = await world.signIn();
    const laptop = await world.signIn();
    const careWorker = await world.signIn({ email: 'sam@demo.hearth.test', password: 'hearth-demo' });
    expect(await sessionCount(world.demo.userId)).toBeGreaterThanOrEqual(2);

    const everywhere = await world.app.inject({ method: 'DELETE', url: '/api/sessions', headers: { cookie: laptop } });
    expect(everywhere.statusCode).toBe(204);
    expect(everywhere.headers['clear-site-data']).toBe('"cache", "cookies"');
    expect(everywhere.cookies.find((c) => c.name === 'hearth_session')?.value).toBe('');
    expect(await sessionCount(world.demo.userId)).toBe(0);
    expect((await get(tablet)).statusCode).toBe(401);
    expect((await get(laptop)).statusCode).toBe(401);
    expect((await get(careWorker)).statusCode).toBe(200);

    const again = await world.app.inject({ method: 'DELETE', url: '/api/sessions', headers: { cookie: laptop } });
    expect(again.statusCode).toBe(401);
  });

  it('ends a switched-off user’s sessions at once: their very next request is a 401, and they cannot sign in', async () => {
    const organiser = await world.signIn();
    const admin = await world.signIn(DEMO_ADMIN);
    expect((await get(organiser, '/api/visits')).statusCode).toBe(200);

    const off = await world.app.inject({ method: 'PUT', url: `/api/accounts/${world.demo.userId}/status`, headers: { cookie: admin }, payload: { disabled: true } });
    expect(off.statusCode).toBe(200);
    expect(await sessionCount(world.demo.userId)).toBe(0);
    expect((await get(organiser, '/api/visits')).statusCode).toBe(401);
    expect((await get(organiser)).statusCode).toBe(401);

    const login = await world.app.inject({ method: 'POST', url: '/api/session', payload: { email: DEMO_ORGANISER.email, password: DEMO_ORGANISER.password } });
    expect(login.statusCode).toBe(403);
    expect(ApiErrorSchema.parse(login.json()).error.code).toBe('account-disabled');
    expect(login.cookies).toEqual([]);

    // Even a session row that somehow survived is refused while the account is off.
    await world.db.query(`insert into sessions (token_sha256, organisation_id, user_id, expires_at) values ('x', $1, $2, now() + interval '1 hour')`, [
      world.demo.organisationId,
      world.demo.userId,
    ]);
    const back = await world.app.inject({ method: 'PUT', url: `/api/accounts/${world.demo.userId}/status`, headers: { cookie: admin }, payload: { disabled: false } });
    expect(back.statusCode).toBe(200);
    await world.db.query(`delete from sessions where token_sha256 = 'x'`);
    expect((await get(await world.signIn(), '/api/visits')).statusCode).toBe(200);
  });

  it('marks the cookie Secure everywhere but localhost, and always when configured to', async () => {
    const local = await world.app.inject({ method: 'POST', url: '/api/session', payload: { email: DEMO_ORGANISER.email, password: DEMO_ORGANISER.password } });
    expect(local.cookies.find((c) => c.name === 'hearth_session')?.secure).toBeFalsy();
    const remote = await world.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { host: 'hearth.example.org' },
      payload: { email: DEMO_ORGANISER.email, password: DEMO_ORGANISER.password },
    });
    expect(remote.cookies.find((c) => c.name === 'hearth_session')).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict' });
    const remoteOut = await world.app.inject({ method: 'DELETE', url: '/api/session', headers: { host: 'hearth.example.org', cookie: cookieHeader(remote) } });
    expect(remoteOut.cookies.find((c) => c.name === 'hearth_session')).toMatchObject({ value: '', secure: true });

    const config = { ...loadConfig({ DATA_DIR: world.dataDir, HEARTH_COOKIE_SECURE: 'always' }), staticDir: world.dataDir };
    const always = await createServer({ db: world.db, config, mediaDir: world.mediaDir, staticDir: world.dataDir });
    try {
      const behindProxy = await always.inject({ method: 'POST', url: '/api/session', payload: { email: DEMO_ORGANISER.email, password: DEMO_ORGANISER.password } });
      expect(behindProxy.cookies.find((c) => c.name === 'hearth_session')?.secure).toBe(true);
    } finally {
      await always.close();
    }
  });

  describe('replaying a captured request (B6 a)', () => {
    const eventRows = async () => (await world.db.query<{ n: number }>('select count(*)::int as n from events'))[0]!.n;
    const push = (cookie: string, body: object) => world.app.inject({ method: 'POST', url: '/api/events', headers: { cookie }, payload: body });
    const visit = () => world.demo.visits.Hilda!;
    const carers = () => ['Sam', 'Bethan', 'Grace', 'Tom'].map((n) => world.demo.carers[n]!);

    it('is refused with 401 after logout, and writes nothing', async () => {
      const cookie = await world.signIn();
      const captured = makePush([makeOutcomeEvent(visit(), carers())]);
      await world.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } });
      const before = await eventRows();
      const replay = await push(cookie, captured);
      expect(replay.statusCode).toBe(401);
      expect(ApiErrorSchema.parse(replay.json()).error.code).toBe('not-signed-in');
      expect(await eventRows()).toBe(before);
    });

    it('is refused with 401 after the session has expired or gone idle, and writes nothing', async () => {
      for (const expire of [`expires_at = now() - interval '1 second'`, `last_seen_at = now() - interval '3 hours'`]) {
        const cookie = await world.signIn();
        const sha = await tokenSha(world.demo.userId);
        await world.db.query(`update sessions set ${expire} where token_sha256 = $1`, [sha]);
        const before = await eventRows();
        const replay = await push(cookie, makePush([makeOutcomeEvent(visit(), carers())]));
        expect(replay.statusCode, expire).toBe(401);
        expect(await eventRows()).toBe(before);
      }
    });

    it('is refused with 401 after the user signed out everywhere, and writes nothing', async () => {
      const cookie = await world.signIn();
      const other = await world.signIn();
      await world.app.inject({ method: 'DELETE', url: '/api/sessions', headers: { cookie: other } });
      const before = await eventRows();
      expect((await push(cookie, makePush([makeOutcomeEvent(visit(), carers())]))).statusCode).toBe(401);
      expect(await eventRows()).toBe(before);
    });

    it('is taken while the session is live (so the refusals above are about the session)', async () => {
      const cookie = await world.signIn();
      const before = await eventRows();
      const live = await push(cookie, makePush([makeOutcomeEvent(visit(), carers())]));
      expect(live.statusCode, live.body).toBe(200);
      expect(await eventRows()).toBe(before + 1);
    });
  });
});
