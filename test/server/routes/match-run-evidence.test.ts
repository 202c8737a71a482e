import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../../src/domain/api';
import { MatchRunEvidenceSchema, PlanVisitResponseSchema } from '../../../src/domain/match-runs';
import { VisitListSchema } from '../../../src/domain/visits';
import { planRequest, runMatchAsTheApp } from '../../support/server-matching';
import { makeServerWorld, OTHER_ORGANISER, type ServerWorld } from '../../support/server-world';

describe('GET /api/visits/:id/match-run', () => {
  let world: ServerWorld;
  let cookie: string;
  let visitId: string;
  let matchRunId: string;
  const reason = 'Tom asked for fewer early starts this month.';
  beforeAll(async () => {
    world = await makeServerWorld();
    cookie = await world.signInOnTablet();
    const { inputs, result } = await runMatchAsTheApp(world, cookie, world.demo.people.Peter!);
    const [first, second, third, fourth] = result.ranked;
    const body = planRequest(inputs, result, {
      shortlist: [first!.id, second!.id, fourth!.id],
      passedOver: [{ carerId: third!.id, reason }],
    });
    const response = await world.app.inject({ method: 'POST', url: '/api/match-runs', headers: { cookie }, payload: body });
    ({ visitId, matchRunId } = PlanVisitResponseSchema.parse(response.json()));
  });
  afterAll(() => world.close());

  const get = (url: string, as: string | null = cookie) => world.app.inject({ method: 'GET', url, headers: as ? { cookie: as } : {} });

  it('says who ran the match and when, the funnel, the shortlist and why a higher-ranked carer was passed over', async () => {
    const response = await get(`/api/visits/${visitId}/match-run`);
    expect(response.statusCode).toBe(200);
    const evidence = MatchRunEvidenceSchema.parse(response.json());
    expect(evidence).toMatchObject({ matchRunId, visitId, personFirstName: 'Peter', runBy: 'Jo Baker' });
    expect(evidence.funnel).toEqual({ considered: 13, available: 4, goodFit: 3, ranked: 4 });
    expect(evidence.shortlist.map((c) => [c.name, c.rank])).toEqual([
      ['Dan', 1],
      ['Aisha', 2],
      ['Megan', 4],
    ]);
    expect(evidence.passedOver).toEqual([{ carerId: world.demo.carers.Tom, name: 'Tom', rank: 3, reason }]);
    expect(Date.now() - new Date(evidence.runAt).getTime()).toBeLessThan(60_000);
  });

  it('the planned visit is listed with its three candidates', async () => {
    const { visits } = VisitListSchema.parse((await get('/api/visits')).json());
    expect(visits.find((v) => v.id === visitId)).toMatchObject({ personFirstName: 'Peter', candidateCount: 3, decision: null });
  });

  it('answers 404 for a visit planned without a match run, and for ids that are not visits', async () => {
    for (const id of [world.demo.visits.Hilda, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const response = await get(`/api/visits/${id}/match-run`);
      expect(response.statusCode, id).toBe(404);
      expect(ApiErrorSchema.parse(response.json()).error.code).toBe('not-found');
    }
  });

  it('needs a session, and another organisation gets a 404', async () => {
    expect((await get(`/api/visits/${visitId}/match-run`, null)).statusCode).toBe(401);
    const other = await world.signInOnTablet(OTHER_ORGANISER);
    expect((await get(`/api/visits/${visitId}/match-run`, other)).statusCode).toBe(404);
    expect((await get(`/api/visits/${visitId}/pack`, other)).statusCode).toBe(404);
  });
});
