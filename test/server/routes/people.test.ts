import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../../src/domain/api';
import { PeopleListSchema } from '../../../src/domain/match-runs';
import { DEMO_VISITS } from '../../../src/server/seed/demo-people';
import { runMatchAsTheApp } from '../../support/server-matching';
import { makeServerWorld, OTHER_ORGANISER, type ServerWorld } from '../../support/server-world';

describe('/api/people', () => {
  let world: ServerWorld;
  let cookie: string;
  beforeAll(async () => {
    world = await makeServerWorld();
    cookie = await world.signIn();
  });
  afterAll(() => world.close());

  /** `as` null: no session at all. */
  const get = (url: string, as: string | null = cookie) => world.app.inject({ method: 'GET', url, headers: as ? { cookie: as } : {} });

  it('needs a session', async () => {
    for (const url of ['/api/people', `/api/people/${world.demo.people.Hilda}/match-inputs`]) {
      const response = await get(url, null);
      expect(response.statusCode, url).toBe(401);
      expect(ApiErrorSchema.parse(response.json()).error.code).toBe('not-signed-in');
    }
  });

  it("lists only the organisation's people, by first name, with age and home", async () => {
    const response = await get('/api/people');
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const { people } = PeopleListSchema.parse(response.json());
    expect(people).toEqual([
      { id: world.demo.people.Hilda, firstName: 'Hilda', age: 94, place: 'Hilda’s home, Bispham, Blackpool' },
      { id: world.demo.people.Peter, firstName: 'Peter', age: 43, place: 'Peter’s flat, Lytham St Annes' },
      { id: world.demo.people.Ruth, firstName: 'Ruth', age: 91, place: 'Ruth’s cottage, near Totnes, Devon' },
    ]);
  });

  it("gives the person and every one of the organisation's carers as the engine's scenario", async () => {
    const { inputs } = await runMatchAsTheApp(world, cookie, world.demo.people.Hilda!);
    expect(inputs.person.firstName).toBe('Hilda');
    expect(inputs.notShowable).toEqual([]);
    const { person, staff } = inputs.scenario;
    expect(person).toMatchObject({
      id: world.demo.people.Hilda,
      name: 'Hilda',
      wants: ['calm', 'gentle', 'patient', 'great listener'],
      needsSkills: ['medication prompt'],
      personalCareBy: null,
    });
    expect(person.visits).toHaveLength(5);
    expect(staff.map((s) => s.id).sort()).toEqual(Object.values(world.demo.carers).sort());
    expect(staff.map((s) => s.name)).toEqual([...staff.map((s) => s.name)].sort());
    const sam = staff.find((s) => s.name === 'Sam')!;
    expect(sam).toMatchObject({ gender: 'man', travelKm: 10, drives: true, qualities: ['calm', 'patient', 'great listener'] });
    expect(sam.availability.length).toBeGreaterThan(0);
  });

  it.each(DEMO_VISITS.map((plan) => [plan.person.firstName, plan] as const))(
    "%s's run shows a real funnel, and the seeded visit's candidates are the top-ranked",
    async (name, plan) => {
      const { result } = await runMatchAsTheApp(world, cookie, world.demo.people[name]!);
      const { funnel } = result;
      expect(funnel.considered).toBe(13);
      expect(funnel.available).toBeLessThan(funnel.considered);
      expect(funnel.goodFit).toBeLessThan(funnel.available);
      expect(result.excluded.length).toBeGreaterThanOrEqual(3);
      expect(result.excluded.every((c) => c.reasons.length > 0)).toBe(true);
      expect(result.ranked.slice(0, plan.candidates.length).map((c) => c.name)).toEqual(plan.candidates);
      expect(result.ranked.slice(0, plan.candidates.length).every((c) => c.personality.fit === 'good')).toBe(true);
    },
  );

  it('the demo has every plain reason for leaving a carer out', async () => {
    const reasons = [];
    for (const name of ['Hilda', 'Ruth', 'Peter']) {
      const { result } = await runMatchAsTheApp(world, cookie, world.demo.people[name]!);
      reasons.push(...result.excluded.flatMap((c) => c.reasons));
    }
    for (const kind of [/not free/, /km away/, /skill.*cooking support|cooking support.*skill/, /speak.*English/, /personal care.*woman/]) {
      expect(reasons.some((r) => kind.test(r)), String(kind)).toBe(true);
    }
  });

  it("answers 404 for another organisation's person and for ids that are not people", async () => {
    for (const id of [world.other.people.Hilda, world.demo.carers.Sam, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const response = await get(`/api/people/${id}/match-inputs`);
      expect(response.statusCode, id).toBe(404);
      expect(ApiErrorSchema.parse(response.json()).error.code).toBe('not-found');
    }
    const other = await world.signIn(OTHER_ORGANISER);
    const { people } = PeopleListSchema.parse((await get('/api/people', other)).json());
    expect(people.map((p) => p.id).sort()).toEqual(Object.values(world.other.people).sort());
  });

  it('leaves out carers whose details are not recorded, and says plainly when the person cannot be matched yet', async () => {
    await world.db.query("update carers set base_lat = null, base_lon = null where id = $1", [world.other.carers.Sam]);
    await world.db.query("update people set visit_times = '[]' where id = $1", [world.other.people.Peter]);
    const other = await world.signIn(OTHER_ORGANISER);

    const { inputs } = await runMatchAsTheApp(world, other, world.other.people.Hilda!);
    expect(inputs.notShowable).toEqual([{ id: world.other.carers.Sam, name: 'Sam', blockers: ['profile'] }]);
    expect(inputs.scenario.staff).toHaveLength(12);

    const response = await get(`/api/people/${world.other.people.Peter}/match-inputs`, other);
    expect(response.statusCode).toBe(409);
    expect(ApiErrorSchema.parse(response.json()).error).toMatchObject({ code: 'missing-details', message: expect.stringMatching(/Peter's visit times/) });
  });
});
