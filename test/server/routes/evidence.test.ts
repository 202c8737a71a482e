import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../../src/domain/api';
import { ConflictListSchema } from '../../../src/domain/conflicts';
import { VisitEvidenceSchema, type VisitEvidence } from '../../../src/domain/evidence';
import type { HearthEvent, OutcomeRecorded } from '../../../src/domain/events';
import { PlanVisitResponseSchema } from '../../../src/domain/match-runs';
import { DEMO_CARE_WORKER } from '../../../src/server/seed/demo-data';
import { makeOutcomeEvent, makePush, makeWithdrawal } from '../../support/server-events';
import { planRequest, runMatchAsTheApp } from '../../support/server-matching';
import { makeServerWorld, OTHER_ORGANISER, type ServerWorld } from '../../support/server-world';

const TABLET_A = '0190f5a2-7b3c-7d4e-8f00-00000000a00a';
const TABLET_B = '0190f5a2-7b3c-7d4e-8f00-00000000b00b';

/**
 * Peter's visit, planned from a match run with Tom passed over; on the tablet he first asked to meet
 * Aisha first (withdrawn), then chose Aisha; a second tablet sent Dan, and the office kept Aisha; then
 * the office added Tom to the shortlist.
 */
describe('GET /api/visits/:id/evidence', () => {
  let world: ServerWorld;
  let cookie: string;
  let visitId: string;
  let carers: Record<string, string>;
  let meetFirst: OutcomeRecorded;
  let chosen: OutcomeRecorded;
  let other: OutcomeRecorded;
  const passedOverReason = 'Tom asked for fewer late-morning visits this month.';

  const pushFrom = async (deviceId: string, events: HearthEvent[]) => {
    const payload = makePush(events, { deviceId, deviceLabel: deviceId === TABLET_A ? 'Tablet A' : 'Tablet B' });
    const answer = await world.app.inject({ method: 'POST', url: '/api/events', headers: { cookie }, payload });
    expect(answer.statusCode, answer.body).toBe(200);
  };
  const get = (url: string, as: string | null = cookie) => world.app.inject({ method: 'GET', url, headers: as ? { cookie: as } : {} });

  beforeAll(async () => {
    world = await makeServerWorld();
    cookie = await world.signIn();
    carers = world.demo.carers;
    const { inputs, result } = await runMatchAsTheApp(world, cookie, world.demo.people.Peter!);
    expect(result.ranked.slice(0, 4).map((c) => c.name)).toEqual(['Dan', 'Aisha', 'Tom', 'Megan']);
    const plan = planRequest(inputs, result, {
      shortlist: [carers.Dan!, carers.Aisha!, carers.Megan!],
      passedOver: [{ carerId: carers.Tom!, reason: passedOverReason }],
    });
    const planned = await world.app.inject({ method: 'POST', url: '/api/match-runs', headers: { cookie }, payload: plan });
    ({ visitId } = PlanVisitResponseSchema.parse(planned.json()));

    const shown = [carers.Dan!, carers.Aisha!, carers.Megan!];
    meetFirst = makeOutcomeEvent(visitId, shown, {
      deviceId: TABLET_A,
      occurredAt: '2026-11-10T10:40:00.000Z',
      payload: { outcome: 'meet-first', chosenCarerId: null, meetFirstCarerIds: [carers.Aisha!] },
    });
    await pushFrom(TABLET_A, [meetFirst, makeWithdrawal(meetFirst, { deviceId: TABLET_A, occurredAt: '2026-11-10T10:41:00.000Z' })]);
    chosen = makeOutcomeEvent(visitId, shown, {
      deviceId: TABLET_A,
      occurredAt: '2026-11-10T10:44:00.000Z',
      payload: {
        chosenCarerId: carers.Aisha!,
        reactions: [
          { carerId: carers.Dan!, reaction: 'not-sure' },
          { carerId: carers.Aisha!, reaction: 'like' },
          { carerId: carers.Megan!, reaction: 'not-for-me' },
        ],
        presentation: 'description-first',
        language: 'cy',
        howDecided: { indicatedBy: 'person-with-supporter', present: ['Organiser', 'Son'], supportsUsed: ['audio', 'welsh'], durationSeconds: 840 },
      },
    });
    await pushFrom(TABLET_A, [chosen]);
    other = makeOutcomeEvent(visitId, shown, { deviceId: TABLET_B, occurredAt: '2026-11-10T10:50:00.000Z', payload: { chosenCarerId: carers.Dan! } });
    await pushFrom(TABLET_B, [other]);

    const { conflicts } = ConflictListSchema.parse((await get('/api/conflicts?state=open')).json());
    const conflict = conflicts.find((c) => c.visitId === visitId)!;
    const resolved = await world.app.inject({
      method: 'POST',
      url: `/api/conflicts/${conflict.id}/resolve`,
      headers: { cookie },
      payload: { keepEventId: chosen.id, note: 'Rang Peter: he chose Aisha' },
    });
    expect(resolved.statusCode, resolved.body).toBe(200);
    const changed = await world.app.inject({
      method: 'PUT',
      url: `/api/visits/${visitId}/shortlist`,
      headers: { cookie },
      payload: { carerIds: [carers.Aisha!, carers.Dan!, carers.Megan!, carers.Tom!], reason: 'Tom can do Thursdays again' },
    });
    expect(changed.statusCode, changed.body).toBe(200);
  });
  afterAll(() => world.close());

  async function evidenceOf(id: string): Promise<VisitEvidence> {
    const response = await get(`/api/visits/${id}/evidence`);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    return VisitEvidenceSchema.parse(response.json());
  }

  it('names the organisation, the visit and the person, and how the shortlist was made, with who each step left out', async () => {
    const evidence = await evidenceOf(visitId);
    expect(evidence.organisationName).toBe('Hearth Demo Home Care');
    expect(evidence.visit).toMatchObject({ id: visitId, personFirstName: 'Peter', place: 'Peter’s flat, Lytham St Annes' });
    expect(evidence.referredOn).toBeNull();
    const run = evidence.matchRun!;
    expect(run).toMatchObject({ runBy: 'Jo Baker', funnel: { considered: 13, available: 4, goodFit: 3, ranked: 4 } });
    expect(run.leftOut.notAvailable).toHaveLength(9);
    expect(run.leftOut.notAvailable.every((c) => c.reasons.length > 0)).toBe(true);
    expect(run.leftOut.notGoodFit).toHaveLength(1);
    expect(run.shortlist.map((c) => [c.name, c.rank])).toEqual([
      ['Dan', 1],
      ['Aisha', 2],
      ['Megan', 4],
    ]);
    expect(Object.keys(run.why).sort()).toEqual([carers.Dan!, carers.Aisha!, carers.Megan!].sort());
    expect(run.why[carers.Dan!]).toMatch(/as Peter likes/);
    expect(run.passedOver).toEqual([{ carerId: carers.Tom, name: 'Tom', rank: 3, reason: passedOverReason }]);
  });

  it('keeps every outcome with where it stands, how the one that stands was made, and when each reached the office', async () => {
    const { outcomes } = await evidenceOf(visitId);
    expect(outcomes.map((o) => [o.eventId, o.standing, o.outcome, o.deviceLabel])).toEqual([
      [meetFirst.id, 'withdrawn', 'meet-first', 'Tablet A'],
      [chosen.id, 'current', 'chosen', 'Tablet A'],
      [other.id, 'set-aside', 'chosen', 'Tablet B'],
    ]);
    const [withdrawn, current] = outcomes;
    expect(withdrawn).toMatchObject({
      shown: [
        { name: 'Dan', reaction: null },
        { name: 'Aisha', reaction: null },
        { name: 'Megan', reaction: null },
      ],
      meetFirstNames: ['Aisha'], withdrawal: { occurredAt: '2026-11-10T10:41:00.000Z', deviceLabel: 'Tablet A' } });
    expect(current).toMatchObject({
      chosenCarerName: 'Aisha',
      shown: [
        { name: 'Dan', reaction: 'not-sure' },
        { name: 'Aisha', reaction: 'like' },
        { name: 'Megan', reaction: 'not-for-me' },
      ],
      presentation: 'description-first',
      language: 'cy',
      howDecided: { indicatedBy: 'person-with-supporter', present: ['Organiser', 'Son'], supportsUsed: ['audio', 'welsh'], durationSeconds: 840 },
      decidedAt: '2026-11-10T10:44:00.000Z',
      withdrawal: null,
    });
    expect(Date.now() - new Date(current!.receivedAt).getTime()).toBeLessThan(60_000);
  });

  it('shows the conflict and how the office resolved it, the follow-up and how it closed, and the shortlist change', async () => {
    const evidence = await evidenceOf(visitId);
    expect(evidence.conflicts).toEqual([
      expect.objectContaining({
        kind: 'different-outcomes',
        summary: 'Two tablets sent different answers for this visit',
        eventIds: [other.id, chosen.id],
        resolvedByName: 'Jo Baker',
        keptEventId: chosen.id,
        note: 'Rang Peter: he chose Aisha',
      }),
    ]);
    expect(evidence.followUps).toEqual([
      expect.objectContaining({ eventId: meetFirst.id, summary: 'Asked to meet Aisha first', resolvedByName: null, note: expect.stringMatching(/withdrawn/) }),
    ]);
    expect(evidence.shortlistChanges).toEqual([
      expect.objectContaining({ changedBy: 'Jo Baker', from: ['Dan', 'Aisha', 'Megan'], to: ['Aisha', 'Dan', 'Megan', 'Tom'], reason: 'Tom can do Thursdays again' }),
    ]);
    expect(evidence.shortlistNow).toEqual(['Aisha', 'Dan', 'Megan', 'Tom']);
  });

  it('for a visit planned without a match run and not decided yet, says so: no match run, no outcomes', async () => {
    const evidence = await evidenceOf(world.demo.visits.Hilda!);
    expect(evidence).toMatchObject({
      visit: { personFirstName: 'Hilda' },
      referredOn: '2026-10-19',
      matchRun: null,
      outcomes: [],
      conflicts: [],
      followUps: [],
      shortlistChanges: [],
      shortlistNow: ['Sam', 'Bethan', 'Grace', 'Tom'],
    });
  });

  it('needs an organiser: no session is 401, a care worker is 403', async () => {
    expect((await get(`/api/visits/${visitId}/evidence`, null)).statusCode).toBe(401);
    const careWorker = await world.signIn(DEMO_CARE_WORKER);
    const refused = await get(`/api/visits/${visitId}/evidence`, careWorker);
    expect(refused.statusCode).toBe(403);
    expect(ApiErrorSchema.parse(refused.json()).error.code).toBe('not-allowed');
  });

  it("answers 404 for another organisation's visit, exactly as for ids that are not visits", async () => {
    const otherCookie = await world.signIn(OTHER_ORGANISER);
    for (const [id, as] of [
      [visitId, otherCookie],
      [world.other.visits.Hilda!, cookie],
      ['00000000-0000-4000-8000-000000000000', cookie],
      ['not-a-uuid', cookie],
    ] as const) {
      const response = await get(`/api/visits/${id}/evidence`, as);
      expect(response.statusCode, id).toBe(404);
      expect(ApiErrorSchema.parse(response.json()).error).toEqual({ code: 'not-found', message: 'There is no such visit. Refresh the list of visits.' });
    }
  });
});
