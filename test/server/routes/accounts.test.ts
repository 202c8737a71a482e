import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountListSchema, AccountSchema } from '../../../src/domain/accounts';
import { ApiErrorSchema } from '../../../src/domain/api';
import { setAccountDisabled } from '../../../src/server/auth/accounts';
import { DEMO_ADMIN, DEMO_CARE_WORKER, DEMO_MANAGER, DEMO_ORGANISER } from '../../../src/server/seed/demo-data';
import { makeServerWorld, OTHER_ADMIN, type ServerWorld } from '../../support/server-world';

describe('/api/accounts (an organisation’s admins manage its logins)', () => {
  let world: ServerWorld;
  let admin: string;
  beforeAll(async () => {
    world = await makeServerWorld();
    admin = await world.signIn(DEMO_ADMIN);
  });
  afterAll(() => world.close());

  const as = (cookie: string) => ({
    get: (url: string) => world.app.inject({ method: 'GET', url, headers: { cookie } }),
    post: (url: string, payload: object) => world.app.inject({ method: 'POST', url, headers: { cookie }, payload }),
    put: (url: string, payload: object) => world.app.inject({ method: 'PUT', url, headers: { cookie }, payload }),
  });
  const users = async () => world.db.query<{ email: string; role: string; disabled_at: unknown }>('select email, role, disabled_at from users order by email');
  const signInAnswer = (email: string, password: string) => world.app.inject({ method: 'POST', url: '/api/session', payload: { email, password } });

  it('lists the organisation’s accounts with role and status, and the care workers who have none; nothing of other organisations', async () => {
    const response = await as(admin).get('/api/accounts');
    expect(response.statusCode).toBe(200);
    const list = AccountListSchema.parse(response.json());
    expect(list.accounts.map((a) => [a.email, a.role, a.disabledAt])).toEqual([
      [DEMO_ADMIN.email, 'admin', null],
      [DEMO_ORGANISER.email, 'organiser', null],
      [DEMO_MANAGER.email, 'manager', null],
      [DEMO_CARE_WORKER.email, 'care-worker', null],
    ]);
    expect(list.accounts[3]).toMatchObject({ carerId: world.demo.carers.Sam, carerFirstName: 'Sam' });
    expect(list.carersWithoutAccount.map((c) => c.firstName)).not.toContain('Sam');
    expect(list.carersWithoutAccount.map((c) => c.id)).toContain(world.demo.carers.Tom);
    expect(response.body).not.toMatch(/other\.hearth\.test|scrypt|password/);
    expect(Object.values(world.other.carers).some((id) => response.body.includes(id))).toBe(false);
  });

  it('adds an organiser, a manager, another admin and a care worker tied to their carer record', async () => {
    for (const [email, role] of [
      ['new.organiser@demo.hearth.test', 'organiser'],
      ['new.manager@demo.hearth.test', 'manager'],
      ['second.admin@demo.hearth.test', 'admin'],
    ] as const) {
      const made = await as(admin).post('/api/accounts', { name: 'New Person', email: email.toUpperCase(), role, password: 'first-password-1' });
      expect(made.statusCode, made.body).toBe(201);
      expect(AccountSchema.parse(made.json())).toMatchObject({ email, role, carerId: null, disabledAt: null });
      expect((await signInAnswer(email, 'first-password-1')).json().user.role).toBe(role);
    }
    const tom = await as(admin).post('/api/accounts', { name: 'Tom Reid', email: 'tom@demo.hearth.test', role: 'care-worker', password: 'first-password-1', carerId: world.demo.carers.Tom });
    expect(tom.statusCode, tom.body).toBe(201);
    expect(tom.json()).toMatchObject({ role: 'care-worker', carerId: world.demo.carers.Tom, carerFirstName: 'Tom' });
    const list = AccountListSchema.parse((await as(admin).get('/api/accounts')).json());
    expect(list.carersWithoutAccount.map((c) => c.id)).not.toContain(world.demo.carers.Tom);
  });

  it('refuses fields nobody may set, a wrong role or a missing carer with a 400 naming them, and saves nothing', async () => {
    const base = { name: 'Eve', email: 'eve@demo.hearth.test', role: 'organiser', password: 'first-password-1' };
    const before = await users();
    const cases: [object, RegExp][] = [
      [{ ...base, organisationId: world.other.organisationId }, /field Hearth does not expect: organisationId/],
      [{ ...base, disabledAt: null }, /field Hearth does not expect: disabledAt/],
      [{ ...base, role: 'super-admin' }, /role: must be one of: admin, organiser, manager, care-worker/],
      [{ ...base, role: 'care-worker' }, /carerId: choose which care worker this account is for/],
      [{ ...base, carerId: world.demo.carers.Grace }, /carerId: only a care worker's account belongs to a care worker/],
      [{ ...base, password: 'short' }, /password: must be at least 10 characters/],
      [JSON.parse(`{"name":"Eve","email":"eve@demo.hearth.test","role":"organiser","password":"first-password-1","__proto__":{"role":"admin"}}`), /not valid JSON|does not expect: __proto__/],
    ];
    for (const [payload, message] of cases) {
      const response = await as(admin).post('/api/accounts', payload);
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(ApiErrorSchema.parse(response.json()).error.message).toMatch(message);
    }
    expect(await users()).toEqual(before);
  });

  it('answers another organisation’s carer as not found, and a taken email or carer with 409', async () => {
    const base = { name: 'Eve', email: 'eve@demo.hearth.test', role: 'care-worker', password: 'first-password-1' };
    const foreign = await as(admin).post('/api/accounts', { ...base, carerId: world.other.carers.Grace });
    expect(foreign.statusCode).toBe(404);
    const taken = await as(admin).post('/api/accounts', { ...base, role: 'organiser', email: OTHER_ADMIN.email });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.message).toBe('Someone already signs in with that email address. Use another.');
    const samTwice = await as(admin).post('/api/accounts', { ...base, carerId: world.demo.carers.Sam });
    expect(samTwice.statusCode).toBe(409);
  });

  it('switches an account off and on again; an admin cannot switch themselves off', async () => {
    const manager = world.demo.managerUserId!;
    const off = await as(admin).put(`/api/accounts/${manager}/status`, { disabled: true });
    expect(off.statusCode).toBe(200);
    expect(AccountSchema.parse(off.json()).disabledAt).not.toBeNull();
    expect((await signInAnswer(DEMO_MANAGER.email, DEMO_MANAGER.password)).statusCode).toBe(403);
    const on = await as(admin).put(`/api/accounts/${manager}/status`, { disabled: false });
    expect(on.json().disabledAt).toBeNull();
    expect((await signInAnswer(DEMO_MANAGER.email, DEMO_MANAGER.password)).statusCode).toBe(200);

    const self = await as(admin).put(`/api/accounts/${world.demo.adminUserId}/status`, { disabled: true });
    expect(self.statusCode).toBe(403);
    expect(self.json().error.message).toBe('You cannot switch off your own account. Ask another admin.');
    const extra = await as(admin).put(`/api/accounts/${manager}/status`, { disabled: true, role: 'admin' });
    expect(extra.statusCode).toBe(400);
  });

  it('never leaves an organisation without an admin who can sign in', async () => {
    const other = world.other;
    expect(await setAccountDisabled(world.db, other.organisationId, other.adminUserId!, true)).toBe('last-admin');
    expect((await signInAnswer(OTHER_ADMIN.email, OTHER_ADMIN.password)).statusCode).toBe(200);
  });

  it('sets a new password: the old one and every open session stop working; the new one signs in', async () => {
    const organiserCookie = await world.signIn();
    const reset = await as(admin).put(`/api/accounts/${world.demo.userId}/password`, { password: 'handed-over-1' });
    expect(reset.statusCode).toBe(204);
    expect((await as(organiserCookie).get('/api/session')).statusCode).toBe(401);
    expect((await signInAnswer(DEMO_ORGANISER.email, DEMO_ORGANISER.password)).statusCode).toBe(401);
    expect((await signInAnswer(DEMO_ORGANISER.email, 'handed-over-1')).statusCode).toBe(200);
    // Put back, for the other tests.
    expect((await as(admin).put(`/api/accounts/${world.demo.userId}/password`, { password: DEMO_ORGANISER.password })).statusCode).toBe(204);
  });

  it('does not reset the admin’s own password (that needs the current one), nor a short one', async () => {
    expect((await as(admin).put(`/api/accounts/${world.demo.adminUserId}/password`, { password: 'handed-over-1' })).statusCode).toBe(403);
    expect((await as(admin).put(`/api/accounts/${world.demo.userId}/password`, { password: 'short' })).statusCode).toBe(400);
  });

  it('answers another organisation’s account, or a made-up id, as not found, and changes nothing', async () => {
    const before = await users();
    for (const id of [world.other.userId, world.other.adminUserId!, '0190f5a2-7b3c-7d4e-8f00-0000000000aa', 'not-an-id']) {
      expect((await as(admin).put(`/api/accounts/${id}/status`, { disabled: true })).statusCode).toBe(404);
      expect((await as(admin).put(`/api/accounts/${id}/password`, { password: 'handed-over-1' })).statusCode).toBe(404);
    }
    expect(await users()).toEqual(before);
    expect((await signInAnswer(OTHER_ADMIN.email, OTHER_ADMIN.password)).statusCode).toBe(200);
  });

  it('is for admins only: organisers, managers and care workers get 403', async () => {
    for (const login of [DEMO_ORGANISER, DEMO_MANAGER, DEMO_CARE_WORKER]) {
      const cookie = await world.signIn(login);
      expect((await as(cookie).get('/api/accounts')).statusCode, login.email).toBe(403);
      expect((await as(cookie).put(`/api/accounts/${world.demo.adminUserId}/status`, { disabled: true })).statusCode).toBe(403);
    }
  });
});
