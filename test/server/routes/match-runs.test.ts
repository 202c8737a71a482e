import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../../src/domain/api';
import { MATCH_CHANGED_MESSAGE, PlanVisitResponseSchema, type MatchInputs, type PlanVisitRequest } from '../../../src/domain/match-runs';
import type { MatchResult } from '../../../src/domain/matching/result';
import { VisitPackSchema } from '../../../src/domain/visits';
import { countPlanningRows, planRequest, runMatchAsTheApp } from '../../support/server-matching';
import { makeServerWorld, OTHER_ORGANISER, type ServerWorld } from '../../support/server-world';

describe('POST /api/match-runs', () => {
  let world: ServerWorld;
  let cookie: string;
  let inputs: MatchInputs;
  let result: MatchResult;
  let before: Awaited<ReturnType<typeof countPlanningRows>>;
  beforeAll(async () => {
    world = await makeServerWorld();
    cookie = await world.signInOnTablet();
    ({ inputs, result } = await runMatchAsTheApp(world, cookie, world.demo.people.Hilda!));
  });
  beforeEach(async () => {
    before = await countPlanningRows(world.db);
  });
  afterAll(() => world.close());

  const plan = (body: unknown, as: string | null = cookie) =>
    world.app.inject({ method: 'POST', url: '/api/match-runs', headers: as ? { cookie: as } : {}, payload: body as object });
  const ranked = (rank: number) => result.ranked[rank - 1]!;

  /** A refusal: the status, an ApiError whose message matches, and not one row written. */
  async function expectRefused(body: unknown, status: number, message: RegExp | string, as: string | null = cookie) {
    const response = await plan(body, as);
    expect(response.statusCode, response.body).toBe(status);
    const { error } = ApiErrorSchema.parse(response.json());
    if (typeof message === 'string') expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
    expect(await countPlanningRows(world.db)).toEqual(before);
    return error;
  }

  it('the demo run for Hilda has at least five ranked and some excluded, so every rule below can be tried', () => {
    expect(result.ranked.length).toBeGreaterThanOrEqual(5);
    expect(result.excluded.length).toBeGreaterThan(0);
  });

  it('needs a session', async () => {
    const error = await expectRefused(planRequest(inputs, result), 401, /not signed in/i, null);
    expect(error.code).toBe('not-signed-in');
  });

  it("answers 404 for another organisation's person, writing nothing", async () => {
    const other = await world.signIn(OTHER_ORGANISER);
    const error = await expectRefused(planRequest(inputs, result), 404, /personId: there is no such person/, other);
    expect(error.code).toBe('not-found');
  });

  it('refuses a shortlist of 2 or 5, or the same carer twice, naming the field', async () => {
    const ids = result.ranked.map((c) => c.id);
    await expectRefused(planRequest(inputs, result, { shortlist: ids.slice(0, 2) }), 400, /shortlist: must name at least 3 care workers/);
    await expectRefused(planRequest(inputs, result, { shortlist: ids.slice(0, 5) }), 400, /shortlist: must name at most 4 care workers/);
    await expectRefused(planRequest(inputs, result, { shortlist: [ids[0]!, ids[1]!, ids[0]!] }), 400, /shortlist: must not name a care worker twice/);
  });

  it('refuses bad fields with messages that name them', async () => {
    await expectRefused({ ...planRequest(inputs, result), plannedAt: 'tomorrow' }, 400, /plannedAt: must be a date and time/);
    await expectRefused({ ...planRequest(inputs, result), place: '  ' }, 400, /place: must not be empty/);
    await expectRefused({ ...planRequest(inputs, result), organisationId: world.other.organisationId }, 400, /organisationId/);
    const tooShort = planRequest(inputs, result, {
      shortlist: [ranked(2).id, ranked(3).id, ranked(4).id],
      passedOver: [{ carerId: ranked(1).id, reason: ' no ' }],
    });
    await expectRefused(tooShort, 400, /passedOver\.0\.reason: must say why, in at least 3 characters/);
    const tooLong = { ...tooShort, passedOver: [{ carerId: ranked(1).id, reason: 'x'.repeat(501) }] };
    await expectRefused(tooLong, 400, /passedOver\.0\.reason: must be at most 500 characters/);
  });

  it('refuses an excluded carer, giving the reasons they were left out', async () => {
    const excluded = result.excluded[0]!;
    const body = planRequest(inputs, result, { shortlist: [ranked(1).id, ranked(2).id, excluded.id] });
    await expectRefused(body, 400, `${excluded.name} cannot be shortlisted: ${excluded.reasons.join('; ')}.`);
  });

  it('refuses to pass over a higher-ranked carer without a reason, naming them', async () => {
    const body = planRequest(inputs, result, { shortlist: [ranked(2).id, ranked(3).id, ranked(4).id] });
    await expectRefused(body, 400, `Say why ${ranked(1).name} (ranked 1) was passed over.`);
    const skippingTwo = planRequest(inputs, result, {
      shortlist: [ranked(2).id, ranked(4).id, ranked(5).id],
      passedOver: [{ carerId: ranked(1).id, reason: 'Asked not to be placed with new clients this month.' }],
    });
    await expectRefused(skippingTwo, 400, `Say why ${ranked(3).name} (ranked 3) was passed over.`);
  });

  it('refuses a reason for a carer who was not passed over', async () => {
    const body = planRequest(inputs, result, { passedOver: [{ carerId: ranked(5).id, reason: 'Not needed: ranked below.' }] });
    await expectRefused(body, 400, `${ranked(5).name} was not passed over, so there is no reason to give.`);
  });

  it('answers 409 when what the organiser saw differs from the office’s own re-run', async () => {
    const [first, second, ...rest] = result.ranked;
    const swapped = { ...planRequest(inputs, result).seen, ranked: [{ carerId: second!.id, rank: 1 }, { carerId: first!.id, rank: 2 }, ...rest.map((c) => ({ carerId: c.id, rank: c.rank }))] };
    const error = await expectRefused(planRequest(inputs, result, { seen: swapped }), 409, MATCH_CHANGED_MESSAGE);
    expect(error.code).toBe('match-changed');
  });

  it("re-runs on the office's current data: a carer who stopped being free makes the old result stale", async () => {
    const body = planRequest(inputs, result);
    await world.db.query(`update carers set availability = '[]' where id = $1`, [ranked(3).id]);
    try {
      await expectRefused(body, 409, MATCH_CHANGED_MESSAGE);
    } finally {
      const original = inputs.scenario.staff.find((s) => s.id === ranked(3).id)!.availability;
      await world.db.query('update carers set availability = $2::jsonb where id = $1', [ranked(3).id, JSON.stringify(original)]);
    }
  });

  it('plans the visit: the visit, its candidates in shortlist order and the match run, with the pack ready to download', async () => {
    const reason = '  Sam is on leave the week of the visit.  ';
    const body: PlanVisitRequest = planRequest(inputs, result, {
      shortlist: [ranked(2).id, ranked(3).id, ranked(4).id],
      passedOver: [{ carerId: ranked(1).id, reason }],
      place: 'Hilda’s home, Bispham, Blackpool',
    });
    const response = await plan(body);
    expect(response.statusCode, response.body).toBe(201);
    const { visitId, matchRunId } = PlanVisitResponseSchema.parse(response.json());
    expect(await countPlanningRows(world.db)).toEqual({ visits: before.visits + 1, candidates: before.candidates + 3, matchRuns: before.matchRuns + 1 });

    const candidates = await world.db.query<{ carer_id: string }>('select carer_id from visit_candidates where visit_id = $1 order by position', [visitId]);
    expect(candidates.map((c) => c.carer_id)).toEqual(body.shortlist);

    const [run] = await world.db.query<Record<string, unknown>>('select * from match_runs where id = $1', [matchRunId]);
    expect(run).toMatchObject({
      organisation_id: world.demo.organisationId,
      run_by: world.demo.userId,
      person_id: inputs.person.id,
      visit_id: visitId,
      inputs: inputs.scenario,
      result,
      shortlist: body.shortlist,
      passed_over: [{ carerId: ranked(1).id, rank: 1, reason: reason.trim() }],
    });
    expect(Date.now() - new Date(run!.run_at as string).getTime()).toBeLessThan(60_000);

    const pack = await world.app.inject({ method: 'GET', url: `/api/visits/${visitId}/pack`, headers: { cookie } });
    expect(pack.statusCode).toBe(200);
    const parsed = VisitPackSchema.parse(pack.json());
    expect(parsed.candidates.map((c) => c.id)).toEqual(body.shortlist);
    expect(parsed.visit).toMatchObject({ id: visitId, personFirstName: 'Hilda', plannedAt: body.plannedAt, place: body.place });
    // A photo, a film, captions and a voice for each of the two sections, for each of the three.
    expect(parsed.files).toHaveLength(15);
    expect(parsed.candidates.every((c) => c.voices?.appreciated && c.voices.mattersToMe)).toBe(true);
  });
});
