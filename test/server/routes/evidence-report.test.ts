import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../../src/domain/api';
import { addDays, ChoiceReportSchema, londonDateOf, type ChoiceReport } from '../../../src/domain/evidence';
import type { HearthEvent } from '../../../src/domain/events';
import { PlanVisitResponseSchema } from '../../../src/domain/match-runs';
import { VisitPackSchema } from '../../../src/domain/visits';
import { DEMO_CARE_WORKER } from '../../../src/server/seed/demo-data';
import { makeOutcomeEvent, makePush, makeWithdrawal } from '../../support/server-events';
import { planRequest, runMatchAsTheApp } from '../../support/server-matching';
import { makeServerWorld, OTHER_ORGANISER, type ServerWorld } from '../../support/server-world';

/**
 * The demo organisation's November (Hilda was referred on 19 October, Peter has no referral date):
 * - Hilda's demo visit (no match run): chose Sam with a supporter on 10 November, 22 days after referral;
 * - Peter's visit from a match run: chose Dan, the top match, by touch on 12 November;
 * - Hilda's visit from a match run: chose the second-ranked carer on 15 November (27 days), how not recorded;
 * - Ruth's demo visit: chose, then it was withdrawn; then asked to meet first on 6 November;
 * - Peter's demo visit: none of these, on 20 October (outside November).
 * The other organisation's Hilda chose on 10 November: never counted for the demo.
 */
describe('GET /api/reports/choice', () => {
  let world: ServerWorld;
  let cookie: string;

  const get = (url: string, as: string | null = cookie) => world.app.inject({ method: 'GET', url, headers: as ? { cookie: as } : {} });
  const push = async (events: HearthEvent[], as = cookie) => {
    const answer = await world.app.inject({ method: 'POST', url: '/api/events', headers: { cookie: as }, payload: makePush(events) });
    expect(answer.statusCode, answer.body).toBe(200);
  };
  const shortlistOf = async (visitId: string, as = cookie) =>
    VisitPackSchema.parse((await get(`/api/visits/${visitId}/pack`, as)).json()).candidates.map((c) => c.id);
  const planFromMatch = async (personId: string) => {
    const { inputs, result } = await runMatchAsTheApp(world, cookie, personId);
    const planned = await world.app.inject({ method: 'POST', url: '/api/match-runs', headers: { cookie }, payload: planRequest(inputs, result) });
    return { visitId: PlanVisitResponseSchema.parse(planned.json()).visitId, ranked: result.ranked.map((c) => c.id) };
  };

  beforeAll(async () => {
    world = await makeServerWorld();
    cookie = await world.signInOnTablet();
    const { visits, people, carers } = world.demo;

    const hilda = await shortlistOf(visits.Hilda!);
    await push([
      makeOutcomeEvent(visits.Hilda!, hilda, {
        occurredAt: '2026-11-10T10:00:00.000Z',
        payload: {
          chosenCarerId: carers.Sam!,
          howDecided: { indicatedBy: 'person-with-supporter', present: ['Organiser'], supportsUsed: [], durationSeconds: 600 },
        },
      }),
    ]);

    const peter = await planFromMatch(people.Peter!);
    await push([
      makeOutcomeEvent(peter.visitId, peter.ranked.slice(0, 3), {
        occurredAt: '2026-11-12T11:30:00.000Z',
        payload: {
          chosenCarerId: peter.ranked[0]!,
          howDecided: { indicatedBy: 'person-by-touch', present: ['Organiser'], supportsUsed: ['audio'], durationSeconds: 300 },
        },
      }),
    ]);

    const hildaAgain = await planFromMatch(people.Hilda!);
    await push([
      makeOutcomeEvent(hildaAgain.visitId, hildaAgain.ranked.slice(0, 3), {
        occurredAt: '2026-11-15T10:00:00.000Z',
        payload: { chosenCarerId: hildaAgain.ranked[1]! },
      }),
    ]);

    const ruth = await shortlistOf(visits.Ruth!);
    const ruthChose = makeOutcomeEvent(visits.Ruth!, ruth, { occurredAt: '2026-11-06T14:10:00.000Z' });
    await push([ruthChose, makeWithdrawal(ruthChose, { occurredAt: '2026-11-06T14:11:00.000Z' })]);
    await push([
      makeOutcomeEvent(visits.Ruth!, ruth, {
        occurredAt: '2026-11-06T14:20:00.000Z',
        payload: { outcome: 'meet-first', chosenCarerId: null, meetFirstCarerIds: [ruth[0]!] },
      }),
    ]);

    await push([
      makeOutcomeEvent(visits.Peter!, await shortlistOf(visits.Peter!), {
        occurredAt: '2026-10-20T11:00:00.000Z',
        payload: { outcome: 'none-of-these', chosenCarerId: null },
      }),
    ]);

    const otherCookie = await world.signInOnTablet(OTHER_ORGANISER);
    const otherHilda = world.other.visits.Hilda!;
    await push([makeOutcomeEvent(otherHilda, await shortlistOf(otherHilda, otherCookie), { occurredAt: '2026-11-10T10:00:00.000Z' })], otherCookie);
  });
  afterAll(() => world.close());

  async function reportFor(query: string): Promise<ChoiceReport> {
    const response = await get(`/api/reports/choice${query}`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    return ChoiceReportSchema.parse(response.json());
  }

  it("counts November's current outcomes: choices and how they were indicated, the top match, and the days from referral", async () => {
    expect(await reportFor('?from=2026-11-01&to=2026-11-30')).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      decided: 4,
      outcomes: { chosen: 3, meetFirst: 1, noneOfThese: 0, notSureYet: 0 },
      chosenHow: { byThemselves: 1, withSupporter: 1, byFamily: 0, notRecorded: 1 },
      topMatch: { picked: 1, otherPicked: 1, withoutMatchRun: 1 },
      referralToChoice: { measured: 2, medianDays: 24.5, shortestDays: 22, longestDays: 27, noReferralDate: 1, referredAfterChoice: 0 },
    });
  });

  it('counts only the days asked for, both ends included', async () => {
    const october = await reportFor('?from=2026-10-01&to=2026-10-31');
    expect(october).toMatchObject({ decided: 1, outcomes: { chosen: 0, noneOfThese: 1 } });
    const oneDay = await reportFor('?from=2026-11-06&to=2026-11-06');
    expect(oneDay).toMatchObject({ decided: 1, outcomes: { meetFirst: 1, chosen: 0 } });
    const empty = await reportFor('?from=2025-01-01&to=2025-03-31');
    expect(empty).toMatchObject({ decided: 0, referralToChoice: { measured: 0, medianDays: null } });
  });

  it('with no dates, covers the 90 days up to today', async () => {
    const today = londonDateOf(new Date().toISOString());
    const report = await reportFor('');
    expect(report).toMatchObject({ from: addDays(today, -89), to: today });
  });

  it('refuses bad dates with a plain message', async () => {
    const cases: [string, string][] = [
      ['?from=2026-11-30&to=2026-11-01', 'The first day must be on or before the last day.'],
      ['?from=2020-01-01&to=2026-11-30', 'The dates can be at most 3 years apart. Choose a shorter range.'],
      ['?from=1%20November&to=2026-11-30', 'from: must be a date such as 2026-03-01.'],
      ['?from=2026-02-30&to=2026-03-30', 'from: is not a real date.'],
      ['?from=2026-11-01&colour=red', 'The date range has a field Hearth does not expect: colour.'],
    ];
    for (const [query, message] of cases) {
      const response = await get(`/api/reports/choice${query}`);
      expect(response.statusCode, query).toBe(400);
      expect(ApiErrorSchema.parse(response.json()).error, query).toEqual({ code: 'invalid-request', message });
    }
  });

  it('needs an organiser: no session is 401, a care worker is 403', async () => {
    expect((await get('/api/reports/choice', null)).statusCode).toBe(401);
    const refused = await get('/api/reports/choice', await world.signIn(DEMO_CARE_WORKER));
    expect(refused.statusCode).toBe(403);
    expect(ApiErrorSchema.parse(refused.json()).error.code).toBe('not-allowed');
  });

  it("counts the other organisation's own visit for it, and none of the demo's", async () => {
    const response = await get('/api/reports/choice?from=2026-11-01&to=2026-11-30', await world.signIn(OTHER_ORGANISER));
    expect(ChoiceReportSchema.parse(response.json())).toMatchObject({ decided: 1, outcomes: { chosen: 1 }, topMatch: { withoutMatchRun: 1 } });
  });
});
