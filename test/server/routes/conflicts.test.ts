import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictListSchema, ResolveConflictResponseSchema, type Conflict } from '../../../src/domain/conflicts';
import type { HearthEvent } from '../../../src/domain/events';
import { VisitListSchema, VisitPackSchema } from '../../../src/domain/visits';
import { makeOutcomeEvent, makePush, makeWithdrawal } from '../../support/server-events';
import { makeServerWorld, OTHER_ORGANISER, type ServerWorld } from '../../support/server-world';

const TABLET_A = '0190f5a2-7b3c-7d4e-8f00-00000000a00a';
const TABLET_B = '0190f5a2-7b3c-7d4e-8f00-00000000b00b';

describe('conflicts between tablets, and with the office', () => {
  let world: ServerWorld;
  let cookie: string;
  let otherCookie: string;
  beforeAll(async () => {
    world = await makeServerWorld();
    cookie = await world.signInOnTablet();
    otherCookie = await world.signInOnTablet(OTHER_ORGANISER);
  });
  afterAll(() => world.close());

  const get = (url: string, as = cookie) => world.app.inject({ method: 'GET', url, headers: { cookie: as } });
  const carersOf = async (visitId: string) => VisitPackSchema.parse((await get(`/api/visits/${visitId}/pack`)).json()).candidates.map((c) => c.id);
  const pushFrom = async (deviceId: string, events: HearthEvent[]) => {
    const answer = await world.app.inject({
      method: 'POST',
      url: '/api/events',
      headers: { cookie },
      payload: makePush(events.map((e) => ({ ...e, deviceId })) as HearthEvent[], { deviceId, deviceLabel: deviceId === TABLET_A ? 'Tablet A' : 'Tablet B' }),
    });
    expect(answer.statusCode, answer.body).toBe(200);
    return events.map((e) => ({ ...e, deviceId }));
  };
  const conflicts = async (state = 'open', as = cookie): Promise<Conflict[]> => {
    const response = await get(`/api/conflicts?state=${state}`, as);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    return ConflictListSchema.parse(response.json()).conflicts;
  };
  const resolve = (id: string, payload: object, as = cookie) =>
    world.app.inject({ method: 'POST', url: `/api/conflicts/${id}/resolve`, headers: { cookie: as }, payload });
  const visitSummary = async (visitId: string) => VisitListSchema.parse((await get('/api/visits')).json()).visits.find((v) => v.id === visitId)!;

  it('keeps both when two tablets record different answers, flags the visit, and the office decides which stands', async () => {
    const visit = world.demo.visits.Hilda!;
    const carers = await carersOf(visit);
    const [onA] = await pushFrom(TABLET_A, [makeOutcomeEvent(visit, carers, { payload: { chosenCarerId: carers[0]! } })]);
    const [onB] = await pushFrom(TABLET_B, [makeOutcomeEvent(visit, carers, { payload: { chosenCarerId: carers[1]! } })]);

    const [conflict, ...more] = (await conflicts()).filter((c) => c.visitId === visit);
    expect(more).toEqual([]);
    expect(conflict).toMatchObject({
      kind: 'different-outcomes',
      personFirstName: 'Hilda',
      summary: 'Two tablets sent different answers for this visit',
      resolvedAt: null,
      keptEventId: null,
    });
    expect(conflict!.answers.map((a) => [a.eventId, a.deviceLabel, a.chosenCarerFirstName])).toEqual([
      [onB!.id, 'Tablet B', 'Bethan'],
      [onA!.id, 'Tablet A', 'Sam'],
    ]);
    expect(conflict!.answers[0]!.shownFirstNames).toEqual(['Sam', 'Bethan', 'Grace', 'Tom']);
    expect(await world.db.query('select id from events where id = $1 or id = $2', [onA!.id, onB!.id])).toHaveLength(2);
    expect((await visitSummary(visit)).openConflicts).toBe(1);

    // Deciding needs the answer that stands and a note; a wrong one changes nothing.
    expect((await resolve(conflict!.id, { note: 'Asked Hilda again' })).statusCode).toBe(400);
    expect((await resolve(conflict!.id, { keepEventId: onB!.id })).statusCode).toBe(400);
    expect((await resolve(conflict!.id, { keepEventId: carers[0]!, note: 'x' })).statusCode).toBe(400);
    expect((await resolve(conflict!.id, { keepEventId: onA!.id, note: 'x', organisationId: 'x' })).statusCode).toBe(400);
    expect((await conflicts()).map((c) => c.id)).toContain(conflict!.id);

    const answer = await resolve(conflict!.id, { keepEventId: onA!.id, note: 'Hilda said Sam again when I rang' });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(ResolveConflictResponseSchema.parse(answer.json()).conflict).toMatchObject({
      keptEventId: onA!.id,
      resolvedByName: expect.any(String),
      note: 'Hilda said Sam again when I rang',
    });
    expect((await conflicts()).map((c) => c.id)).not.toContain(conflict!.id);
    expect((await conflicts('resolved')).map((c) => c.id)).toContain(conflict!.id);
    // The decision is the answer the office kept, though Tablet B's came later.
    const summary = await visitSummary(visit);
    expect(summary.openConflicts).toBe(0);
    expect(summary.decision).toMatchObject({ eventId: onA!.id, chosenCarerFirstName: 'Sam' });

    // Resolving again keeps the first resolution.
    await resolve(conflict!.id, { keepEventId: onB!.id, note: 'changed my mind' });
    expect((await conflicts('resolved')).find((c) => c.id === conflict!.id)?.keptEventId).toBe(onA!.id);
  });

  it('raises nothing when two tablets agree, or one tablet records again after undo', async () => {
    const visit = world.demo.visits.Peter!;
    const carers = await carersOf(visit);
    const [first] = await pushFrom(TABLET_A, [makeOutcomeEvent(visit, carers)]);
    await pushFrom(TABLET_B, [makeOutcomeEvent(visit, carers)]);
    // Tablet A: undo and choose someone else, in one push (withdrawals are stored last).
    await pushFrom(TABLET_A, [makeWithdrawal(first!), makeOutcomeEvent(visit, carers, { payload: { chosenCarerId: carers[0]! } })]);
    expect((await conflicts()).filter((c) => c.visitId === visit)).toEqual([]);
  });

  it('closes by itself, saying so, when a tablet withdraws one of the answers', async () => {
    const visit = world.demo.visits.Ruth!;
    const carers = await carersOf(visit);
    const [onA] = await pushFrom(TABLET_A, [makeOutcomeEvent(visit, carers)]);
    await pushFrom(TABLET_B, [makeOutcomeEvent(visit, carers, { payload: { outcome: 'none-of-these', chosenCarerId: null } })]);
    const open = (await conflicts()).find((c) => c.visitId === visit)!;
    await pushFrom(TABLET_A, [makeWithdrawal(onA!)]);
    const closed = (await conflicts('resolved')).find((c) => c.id === open.id);
    expect(closed).toMatchObject({ resolvedByName: null, note: 'closed on the tablet: one of the answers was withdrawn' });
  });

  it('stores an answer made from a shortlist the office has since changed, and flags it', async () => {
    const visit = world.demo.visits.Peter!;
    const oldShortlist = await carersOf(visit);
    const change = await world.app.inject({
      method: 'PUT',
      url: `/api/visits/${visit}/shortlist`,
      headers: { cookie },
      payload: { carerIds: [oldShortlist[1]!, oldShortlist[0]!], reason: 'Tom is on leave in March' },
    });
    expect(change.statusCode, change.body).toBe(200);
    expect(VisitPackSchema.parse(change.json()).candidates.map((c) => c.id)).toEqual([oldShortlist[1], oldShortlist[0]]);
    expect(await world.db.query('select reason from shortlist_changes where visit_id = $1', [visit])).toEqual([{ reason: 'Tom is on leave in March' }]);

    // A tablet that was away still shows the old three, and the person chose Tom.
    const [offline] = await pushFrom(TABLET_B, [makeOutcomeEvent(visit, oldShortlist, { payload: { chosenCarerId: oldShortlist[2]! } })]);
    const flagged = (await conflicts()).find((c) => c.kind === 'shortlist-changed' && c.answers[0]!.eventId === offline!.id)!;
    expect(flagged.summary).toBe('The answer was made from a shortlist the office has since changed');
    expect(flagged.shortlistFirstNames).toHaveLength(2);
    expect(flagged.answers[0]!.shownFirstNames).toHaveLength(3);
    expect((await resolve(flagged.id, { keepEventId: offline!.id, note: 'x' })).statusCode).toBe(400);
    expect((await resolve(flagged.id, { note: 'Rang Peter: he will meet Dan and Aisha instead' })).statusCode).toBe(200);
  });

  it('refuses a shortlist change the office cannot make, changing nothing', async () => {
    const visit = world.demo.visits.Ruth!;
    const before = await carersOf(visit);
    const put = (payload: object, as = cookie, id = visit) =>
      world.app.inject({ method: 'PUT', url: `/api/visits/${id}/shortlist`, headers: { cookie: as }, payload });
    expect((await put({ carerIds: [], reason: 'x' })).statusCode).toBe(400);
    expect((await put({ carerIds: before, reason: '' })).statusCode).toBe(400);
    expect((await put({ carerIds: [before[0], before[0]], reason: 'x' })).statusCode).toBe(400);
    expect((await put({ carerIds: ['0190f5a2-7b3c-7d4e-8f00-0000000000ff'], reason: 'x' })).json()).toMatchObject({ error: { code: 'invalid-request' } });
    expect((await put({ carerIds: before, reason: 'x', organisationId: 'x' })).statusCode).toBe(400);
    expect((await put({ carerIds: before, reason: 'x' }, otherCookie)).statusCode).toBe(404);
    expect((await put({ carerIds: before, reason: 'x' }, cookie, 'not-a-uuid')).statusCode).toBe(404);
    expect(await carersOf(visit)).toEqual(before);
  });

  it("shows another organisation none of this organisation's conflicts, and cannot resolve them", async () => {
    const mine = await conflicts('resolved');
    expect(mine.length).toBeGreaterThan(0);
    expect(await conflicts('open', otherCookie)).toEqual([]);
    expect(await conflicts('resolved', otherCookie)).toEqual([]);
    expect((await resolve(mine[0]!.id, { note: 'x' }, otherCookie)).statusCode).toBe(404);
    expect((await get('/api/conflicts?state=everything')).statusCode).toBe(400);
  });
});
