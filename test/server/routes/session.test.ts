import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema, SessionInfoSchema } from '../../../src/domain/api';
import { DEMO_ORGANISER } from '../../../src/server/seed/demo-data';
import { cookieHeader, makeServerWorld, type ServerWorld } from '../../support/server-world';

describe('/api/session', () => {
  let world: ServerWorld;
  beforeAll(async () => {
    world = await makeServerWorld();
  });
  afterAll(() => world.close());

  const login = (payload: unknown) => world.app.inject({ method: 'POST', url: '/api/session', payload: payload as object });

  it('signs the demo organiser in and sets a strict, HttpOnly session cookie', async () => {
    const response = await login({ email: DEMO_ORGANISER.email, password: DEMO_ORGANISER.password });
    expect(response.statusCode).toBe(200);
    const info = SessionInfoSchema.parse(response.json());
    expect(info.user).toMatchObject({ name: 'Jo Baker', email: DEMO_ORGANISER.email, role: 'organiser' });
    expect(info.organisation.name).toBe('Hearth Demo Home Care');
    // Read from the answer itself (the schema would fill in 24): the organisation's default, a day after the office has the outcome.
    expect(response.json().organisation.packRetentionHours).toBe(24);

    const cookie = response.cookies.find((c) => c.name === 'hearth_session');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie?.maxAge).toBe(12 * 3600);
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('stores only a hash of the session token', async () => {
    const response = await login({ email: DEMO_ORGANISER.email, password: DEMO_ORGANISER.password });
    const token = response.cookies.find((c) => c.name === 'hearth_session')!.value;
    const rows = await world.db.query<{ token_sha256: string }>('select token_sha256 from sessions');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((r) => r.token_sha256 === token)).toBe(false);
  });

  it('accepts the email in any case and with spaces around it', async () => {
    const response = await login({ email: '  Organiser@Demo.Hearth.Test ', password: DEMO_ORGANISER.password });
    expect(response.statusCode).toBe(200);
  });

  it('answers a wrong password, or an unknown email, with the same 401', async () => {
    for (const payload of [
      { email: DEMO_ORGANISER.email, password: 'not-the-password' },
      { email: 'nobody@demo.hearth.test', password: DEMO_ORGANISER.password },
    ]) {
      const response = await login(payload);
      expect(response.statusCode).toBe(401);
      expect(ApiErrorSchema.parse(response.json()).error).toEqual({
        code: 'wrong-login',
        message: "That email and password don't match. Check them and try again.",
      });
      expect(response.cookies).toEqual([]);
    }
  });

  it('refuses unknown keys and bad fields with a 400 naming them', async () => {
    const extra = await login({ email: DEMO_ORGANISER.email, password: 'x', remember: true });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.code).toBe('invalid-request');
    expect(extra.json().error.message).toBe('The request has a field Hearth does not expect: remember.');

    const bad = await login({ email: 'not an email' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/email: must be an email address; password: is missing/);
  });

  it('refuses a body that is not JSON, or no body at all, with a 400', async () => {
    const notJson = await world.app.inject({
      method: 'POST',
      url: '/api/session',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    });
    expect(notJson.statusCode).toBe(400);
    expect(ApiErrorSchema.parse(notJson.json()).error.code).toBe('invalid-request');

    const empty = await world.app.inject({ method: 'POST', url: '/api/session' });
    expect(empty.statusCode).toBe(400);
    expect(ApiErrorSchema.parse(empty.json()).error.code).toBe('invalid-request');
  });

  it('tells who is signed in, and nobody after signing out', async () => {
    const cookie = await world.signIn();
    const current = await world.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    expect(current.statusCode).toBe(200);
    expect(SessionInfoSchema.parse(current.json()).user.name).toBe('Jo Baker');

    const out = await world.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } });
    expect(out.statusCode).toBe(204);
    const cleared = out.cookies.find((c) => c.name === 'hearth_session');
    expect(cleared?.value).toBe('');

    const after = await world.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('not-signed-in');
    const visits = await world.app.inject({ method: 'GET', url: '/api/visits', headers: { cookie } });
    expect(visits.statusCode).toBe(401);
  });

  it('checks an email and password without signing in: no cookie, and the signed-in session stays', async () => {
    const cookie = await world.signIn();
    const sessionsBefore = await world.db.query('select token_sha256 from sessions');
    const check = (payload: object) =>
      world.app.inject({ method: 'POST', url: '/api/session/check', headers: { cookie }, payload });

    const right = await check({ email: DEMO_ORGANISER.email, password: DEMO_ORGANISER.password });
    expect(right.statusCode).toBe(200);
    expect(SessionInfoSchema.parse(right.json()).organisation.name).toBe('Hearth Demo Home Care');
    expect(right.cookies).toEqual([]);
    expect(right.headers['cache-control']).toBe('no-store');

    const wrong = await check({ email: DEMO_ORGANISER.email, password: 'not-the-password' });
    expect(wrong.statusCode).toBe(401);
    expect(ApiErrorSchema.parse(wrong.json()).error.code).toBe('wrong-login');
    expect(wrong.cookies).toEqual([]);

    expect(await world.db.query('select token_sha256 from sessions')).toEqual(sessionsBefore);
    const current = await world.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    expect(current.statusCode).toBe(200);
  });

  it('refuses an expired session', async () => {
    const response = await login({ email: DEMO_ORGANISER.email, password: DEMO_ORGANISER.password });
    const cookie = cookieHeader(response);
    await world.db.query(`update sessions set expires_at = now() - interval '1 minute'`);
    const after = await world.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    expect(after.statusCode).toBe(401);
  });

  it('answers 401 on every protected route without a session, or with a made-up one', async () => {
    const { demo } = world;
    const routes = [
      { method: 'GET', url: '/api/visits' },
      { method: 'GET', url: `/api/visits/${demo.visits.Hilda}/pack` },
      { method: 'GET', url: `/api/media/${'a'.repeat(64)}` },
      { method: 'POST', url: '/api/events', payload: { anything: true } },
      { method: 'GET', url: '/api/session' },
    ] as const;
    for (const cookie of [undefined, 'hearth_session=made-up-token']) {
      for (const route of routes) {
        const response = await world.app.inject({ ...route, headers: cookie ? { cookie } : {} });
        expect(response.statusCode, `${route.method} ${route.url}`).toBe(401);
        expect(ApiErrorSchema.parse(response.json()).error.code).toBe('not-signed-in');
      }
    }
  });
});
