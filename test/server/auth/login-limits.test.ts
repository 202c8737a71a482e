import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../../src/domain/api';
import { LOGIN_LIMITS } from '../../../src/server/auth/login-limits';
import { loadConfig } from '../../../src/server/config';
import { createServer } from '../../../src/server/create-server';
import { DEMO_CARE_WORKER, DEMO_MANAGER } from '../../../src/server/seed/demo-data';
import { makeServerWorld, OTHER_ADMIN, OTHER_MANAGER, OTHER_ORGANISER, type ServerWorld } from '../../support/server-world';

describe('rate limits on passwords (per account and per address)', () => {
  let world: ServerWorld;
  beforeAll(async () => {
    world = await makeServerWorld();
  });
  afterAll(() => world.close());

  let address = 0;
  /** Every test its own client address, so counts do not leak between tests. */
  const newAddress = () => `198.51.100.${++address}`;
  const login = (payload: { email: string; password: string }, remoteAddress: string, url = '/api/session') =>
    world.app.inject({ method: 'POST', url, payload: { email: payload.email, password: payload.password }, remoteAddress });

  it('allows 5 wrong passwords per account in 15 minutes, then answers 429 with Retry-After and a sentence, even for the right one', async () => {
    expect(LOGIN_LIMITS).toEqual({ windowMinutes: 15, perAccount: 5, perAddress: 30 });
    const from = newAddress();
    for (let i = 0; i < 5; i++) expect((await login({ email: OTHER_MANAGER.email, password: `wrong-${i}` }, from)).statusCode).toBe(401);
    const refused = await login(OTHER_MANAGER, from);
    expect(refused.statusCode).toBe(429);
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    const error = ApiErrorSchema.parse(refused.json()).error;
    expect(error.code).toBe('too-many-attempts');
    expect(error.message).toBe(
      'There have been too many wrong passwords, so signing in is paused for safety. Try again in 15 minutes. ' +
        'If you have forgotten your password, ask an admin in your organisation to set a new one.',
    );
    expect(refused.cookies).toEqual([]);

    // The pause is for that account: from the same address, another account signs in.
    expect((await login(OTHER_ORGANISER, from)).statusCode).toBe(200);
    // And from any address: the account is what is being guessed.
    expect((await login(OTHER_MANAGER, newAddress())).statusCode).toBe(429);

    // Knocking while paused does not make the pause longer; once the failures are 15 minutes old, it ends.
    await world.db.query(`update login_attempts set attempted_at = attempted_at - interval '15 minutes 1 second'`);
    expect((await login(OTHER_MANAGER, from)).statusCode).toBe(200);
  });

  it('counts an unknown email like a real one, so the limit does not tell who has an account', async () => {
    const from = newAddress();
    const ghost = { email: 'nobody-here@demo.hearth.test', password: 'guess' };
    for (let i = 0; i < 5; i++) expect((await login(ghost, from)).statusCode).toBe(401);
    expect((await login(ghost, from)).statusCode).toBe(429);
  });

  it('forgets an account’s failures when it signs in', async () => {
    const from = newAddress();
    for (let i = 0; i < 4; i++) expect((await login({ email: OTHER_ADMIN.email, password: 'nope' }, from)).statusCode).toBe(401);
    expect((await login(OTHER_ADMIN, from)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login({ email: OTHER_ADMIN.email, password: 'nope' }, from)).statusCode).toBe(401);
    expect((await login(OTHER_ADMIN, from)).statusCode).toBe(200);
  });

  it('allows 30 wrong passwords per address across accounts, then 429 from that address only', async () => {
    const from = newAddress();
    for (let i = 0; i < 30; i++) expect((await login({ email: `spray-${i}@demo.hearth.test`, password: 'password1' }, from)).statusCode).toBe(401);
    const refused = await login(DEMO_MANAGER, from);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await login(DEMO_MANAGER, newAddress())).statusCode).toBe(200);
  });

  it('counts wrong passwords on an enrolled tablet apart: a stranger who knows the email cannot lock the organiser out of their tablet', async () => {
    const signedIn = await world.signInOnTablet(OTHER_ORGANISER, '0b9a5c3e-4d21-4f6a-9e77-5a1d2c3b4e5f');
    const onTablet = signedIn.split('; ').find((c) => c.startsWith('hearth_device='))!;
    const fromTablet = (password: string) =>
      world.app.inject({ method: 'POST', url: '/api/session', payload: { email: OTHER_ORGANISER.email, password }, headers: { cookie: onTablet }, remoteAddress: newAddress() });

    const stranger = newAddress();
    for (let i = 0; i < 5; i++) expect((await login({ email: OTHER_ORGANISER.email, password: `guess-${i}` }, stranger)).statusCode).toBe(401);
    expect((await login(OTHER_ORGANISER, newAddress())).statusCode).toBe(429); // anywhere else: paused
    expect((await fromTablet('a typo')).statusCode).toBe(401); // the tablet's own count: 1 of 5
    expect((await fromTablet(OTHER_ORGANISER.password)).statusCode).toBe(200);

    // Guessing on the tablet itself is stopped the same way, and does not pause the account elsewhere.
    for (let i = 0; i < 5; i++) expect((await fromTablet(`guess-${i}`)).statusCode).toBe(401);
    expect((await fromTablet(OTHER_ORGANISER.password)).statusCode).toBe(429);
    expect((await login(OTHER_ORGANISER, newAddress())).statusCode).toBe(200);
    expect(JSON.stringify(await world.db.query('select * from login_attempts'))).not.toContain('0b9a5c3e');
  });

  it('behind a trusted proxy counts each forwarded client on its own, and believes no one else’s X-Forwarded-For', async () => {
    const proxy = '10.9.0.1';
    const config = { ...loadConfig({ DATA_DIR: world.dataDir, HEARTH_TRUST_PROXY: proxy }), staticDir: world.dataDir };
    const proxied = await createServer({ db: world.db, config, mediaDir: world.mediaDir, staticDir: world.dataDir });
    try {
      const via = (forwardedFor: string, remoteAddress: string, i: number) =>
        proxied.inject({
          method: 'POST',
          url: '/api/session',
          payload: { email: `proxied-${forwardedFor}-${i}@demo.hearth.test`, password: 'password1' },
          headers: { 'x-forwarded-for': forwardedFor },
          remoteAddress,
        });
      const sprayer = newAddress();
      for (let i = 0; i < 30; i++) expect((await via(sprayer, proxy, i)).statusCode).toBe(401);
      expect((await via(sprayer, proxy, 30)).statusCode).toBe(429);
      // Another client behind the same proxy is not paused with it.
      expect((await via(newAddress(), proxy, 0)).statusCode).toBe(401);
      // A client that is not the proxy cannot name a fresh address for each guess: its own is counted.
      const direct = newAddress();
      for (let i = 0; i < 30; i++) expect((await via(`203.0.113.${i}`, direct, i)).statusCode).toBe(401);
      expect((await via('203.0.113.99', direct, 99)).statusCode).toBe(429);
    } finally {
      await proxied.close();
    }
  });

  it('limits the tablet’s passphrase check the same way, sharing the account’s count with sign-in', async () => {
    const from = newAddress();
    const who = { email: 'checked@demo.hearth.test', password: 'x' };
    for (let i = 0; i < 3; i++) expect((await login(who, from, '/api/session/check')).statusCode).toBe(401);
    for (let i = 0; i < 2; i++) expect((await login(who, from)).statusCode).toBe(401);
    const refused = await login(who, from, '/api/session/check');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
  });

  it('limits wrong current passwords when changing a password, so a stolen session cannot guess at speed', async () => {
    const from = newAddress();
    const signIn = await login(DEMO_CARE_WORKER, from);
    const cookie = `hearth_session=${signIn.cookies.find((c) => c.name === 'hearth_session')!.value}`;
    const change = (currentPassword: string) =>
      world.app.inject({ method: 'PUT', url: '/api/session/password', headers: { cookie }, payload: { currentPassword, newPassword: 'a-new-password-1' }, remoteAddress: from });
    for (let i = 0; i < 5; i++) expect((await change(`wrong-${i}`)).statusCode).toBe(400);
    const refused = await change(DEMO_CARE_WORKER.password);
    expect(refused.statusCode).toBe(429);
    expect(ApiErrorSchema.parse(refused.json()).error.code).toBe('too-many-attempts');
    // Nothing was changed: the old password still works once the pause is over.
    await world.db.query(`update login_attempts set attempted_at = attempted_at - interval '16 minutes'`);
    expect((await login(DEMO_CARE_WORKER, from)).statusCode).toBe(200);
  });

  it('lets no more than the limit through when many wrong passwords arrive at once', async () => {
    const from = newAddress();
    const who = { email: 'parallel@demo.hearth.test', password: 'guess' };
    const answers = await Promise.all(Array.from({ length: 12 }, () => login(who, from)));
    const codes = answers.map((a) => a.statusCode).sort();
    expect(codes.filter((c) => c === 401).length).toBeLessThanOrEqual(LOGIN_LIMITS.perAccount);
    expect(codes.filter((c) => c === 429).length).toBeGreaterThanOrEqual(12 - LOGIN_LIMITS.perAccount);
  });

  it('keeps counting across a restart (the count is in the database), and stores no email or address in the clear', async () => {
    const from = newAddress();
    const who = { email: 'restart@demo.hearth.test', password: 'guess' };
    for (let i = 0; i < 5; i++) expect((await login(who, from)).statusCode).toBe(401);
    const config = { ...loadConfig({ DATA_DIR: world.dataDir }), staticDir: world.dataDir };
    const restarted = await createServer({ db: world.db, config, mediaDir: world.mediaDir, staticDir: world.dataDir });
    try {
      expect((await restarted.inject({ method: 'POST', url: '/api/session', payload: who, remoteAddress: from })).statusCode).toBe(429);
    } finally {
      await restarted.close();
    }
    const dump = JSON.stringify(await world.db.query('select * from login_attempts'));
    expect(dump).not.toContain('restart@');
    expect(dump).not.toContain(from);
  });
});
