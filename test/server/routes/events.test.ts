import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../../src/domain/api';
import { PushResponseSchema } from '../../../src/domain/events';
import { VisitListSchema, VisitPackSchema } from '../../../src/domain/visits';
import { makeOutcomeEvent, makePush, TEST_DEVICE_ID } from '../../support/server-events';
import { makeServerWorld, OTHER_ORGANISER, type ServerWorld } from '../../support/server-world';

describe('POST /api/events', () => {
  let world: ServerWorld;
  let cookie: string;
  /** Hilda's candidates in the order the pack shows them: Sam, Bethan, Grace, Tom. */
  let hildaCarers: string[];
  let hildaVisit: string;
  beforeAll(async () => {
    world = await makeServerWorld();
    cookie = await world.signInOnTablet();
    hildaVisit = world.demo.visits.Hilda!;
    const pack = VisitPackSchema.parse(
      (await world.app.inject({ method: 'GET', url: `/api/visits/${hildaVisit}/pack`, headers: { cookie } })).json(),
    );
    hildaCarers = pack.candidates.map((c) => c.id);
  });
  afterAll(() => world.close());

  const push = (body: unknown, as = cookie) =>
    world.app.inject({ method: 'POST', url: '/api/events', headers: { cookie: as }, payload: body as object });
  const countEvents = async () => (await world.db.query<{ n: number }>('select count(*)::int as n from events'))[0]!.n;

  it('stores an event once, however often it is sent', async () => {
    const event = makeOutcomeEvent(hildaVisit, hildaCarers, { payload: { chosenCarerId: hildaCarers[1]! } });
    const first = await push(makePush([event]));
    expect(first.statusCode).toBe(200);
    expect(first.headers['cache-control']).toBe('no-store');
    expect(PushResponseSchema.parse(first.json())).toEqual({ results: [{ id: event.id, status: 'stored' }] });

    // Keys in another order: the same event, so the same content hash.
    const reordered = { payload: event.payload, occurredAt: event.occurredAt, type: event.type, deviceId: event.deviceId, visitId: event.visitId, id: event.id };
    const second = await push(makePush([reordered as typeof event]));
    expect(second.statusCode).toBe(200);
    expect(PushResponseSchema.parse(second.json())).toEqual({ results: [{ id: event.id, status: 'already-stored' }] });
    expect((await world.db.query('select id from events where id = $1', [event.id])).length).toBe(1);
  });

  it('shows the latest decision in the list of visits, with the carer, device and times', async () => {
    const event = makeOutcomeEvent(hildaVisit, hildaCarers, {
      occurredAt: '2025-03-02T10:52:00+00:00',
      payload: { chosenCarerId: hildaCarers[0]! },
    });
    const answer = await push(makePush([event], { deviceLabel: 'Jo’s iPad' }));
    expect(answer.statusCode).toBe(200);

    const { visits } = VisitListSchema.parse((await world.app.inject({ method: 'GET', url: '/api/visits', headers: { cookie } })).json());
    const hilda = visits.find((v) => v.id === hildaVisit)!;
    expect(hilda.decision).toMatchObject({
      eventId: event.id,
      outcome: 'chosen',
      chosenCarerFirstName: 'Sam',
      decidedAt: '2025-03-02T10:52:00.000Z',
      deviceId: TEST_DEVICE_ID,
      deviceLabel: 'Jo’s iPad',
    });
    expect(Date.now() - Date.parse(hilda.decision!.receivedAt)).toBeLessThan(60_000);
    expect(visits.filter((v) => v.id !== hildaVisit).every((v) => v.decision === null)).toBe(true);
  });

  it('takes the decision received last, whatever time the tablet gave it', async () => {
    const late = makeOutcomeEvent(hildaVisit, hildaCarers, { occurredAt: '2020-01-01T09:00:00Z', payload: { chosenCarerId: hildaCarers[3]! } });
    expect((await push(makePush([late]))).statusCode).toBe(200);
    const { visits } = VisitListSchema.parse((await world.app.inject({ method: 'GET', url: '/api/visits', headers: { cookie } })).json());
    expect(visits.find((v) => v.id === hildaVisit)!.decision).toMatchObject({ eventId: late.id, chosenCarerFirstName: 'Tom' });
  });

  it('records "none of these" with no carer name', async () => {
    const ruthVisit = world.demo.visits.Ruth!;
    const ruthCarers = [world.demo.carers.Priya!, world.demo.carers.Megan!, world.demo.carers.Kwame!];
    const event = makeOutcomeEvent(ruthVisit, ruthCarers, { payload: { outcome: 'none-of-these', chosenCarerId: null } });
    expect((await push(makePush([event]))).statusCode).toBe(200);
    const { visits } = VisitListSchema.parse((await world.app.inject({ method: 'GET', url: '/api/visits', headers: { cookie } })).json());
    expect(visits.find((v) => v.id === ruthVisit)!.decision).toMatchObject({ outcome: 'none-of-these', chosenCarerFirstName: null });
  });

  it('refuses the same id with different content with 409, keeping the first version and nothing else', async () => {
    const original = makeOutcomeEvent(hildaVisit, hildaCarers, { payload: { chosenCarerId: hildaCarers[2]! } });
    await push(makePush([original]));
    const before = await countEvents();

    const fresh = makeOutcomeEvent(hildaVisit, hildaCarers);
    const changed = { ...original, payload: { ...original.payload, chosenCarerId: hildaCarers[3]! } };
    const answer = await push(makePush([fresh, changed]));
    expect(answer.statusCode).toBe(409);
    expect(ApiErrorSchema.parse(answer.json()).error).toMatchObject({ code: 'conflicting-event', ids: [original.id] });

    expect(await countEvents()).toBe(before);
    expect(await world.db.query('select id from events where id = $1', [fresh.id])).toEqual([]);
    const [stored] = await world.db.query<{ payload: { chosenCarerId: string } }>('select payload from events where id = $1', [original.id]);
    expect(stored!.payload.chosenCarerId).toBe(hildaCarers[2]);
  });

  it("treats an id stored by another organisation as a conflict, revealing nothing of it", async () => {
    const otherCookie = await world.signIn(OTHER_ORGANISER);
    const otherVisit = world.other.visits.Hilda!;
    const otherCarers = [world.other.carers.Sam!, world.other.carers.Grace!];
    const theirs = makeOutcomeEvent(otherVisit, otherCarers);
    expect((await push(makePush([theirs]), otherCookie)).statusCode).toBe(200);

    const ours = makeOutcomeEvent(hildaVisit, hildaCarers, { id: theirs.id });
    const answer = await push(makePush([ours]));
    expect(answer.statusCode).toBe(409);
    const body = ApiErrorSchema.parse(answer.json());
    expect(body.error.ids).toEqual([theirs.id]);
    expect(answer.body).not.toContain(otherVisit);
    expect(answer.body).not.toContain(world.other.organisationId);
  });

  it("answers 404 for another organisation's visit, writing nothing (not even the device)", async () => {
    const before = await countEvents();
    const newDevice = '0190f5a2-7b3c-7d4e-8f00-00000000d0ff';
    const good = makeOutcomeEvent(hildaVisit, hildaCarers, { deviceId: newDevice });
    const foreign = makeOutcomeEvent(world.other.visits.Hilda!, [world.other.carers.Sam!], { deviceId: newDevice });
    const answer = await push(makePush([good, foreign], { deviceId: newDevice }));
    expect(answer.statusCode).toBe(404);
    expect(ApiErrorSchema.parse(answer.json()).error).toMatchObject({ code: 'not-found' });
    expect(answer.json().error.message).toMatch(/^events\.1\.visitId/);
    expect(await countEvents()).toBe(before);
    expect(await world.db.query('select id from devices where id = $1', [newDevice])).toEqual([]);
  });

  it('answers 400 for a chosen carer who was not a candidate for the visit', async () => {
    const before = await countEvents();
    const peterCarer = world.demo.carers.Dan!;
    const event = makeOutcomeEvent(hildaVisit, [peterCarer, ...hildaCarers.slice(0, 2)], { payload: { chosenCarerId: peterCarer } });
    const answer = await push(makePush([event]));
    expect(answer.statusCode).toBe(400);
    expect(answer.json().error).toEqual({
      code: 'invalid-request',
      message: 'events.0.payload.chosenCarerId: the chosen carer was not one of those shown.',
    });
    expect(await countEvents()).toBe(before);
  });

  it.each([
    ['a choice with no carer', { payload: { outcome: 'chosen', chosenCarerId: null } }, /events\.0\.payload\.chosenCarerId: a choice must name the chosen carer/],
    ['an unknown field', { extra: 1 }, /events\.0: has a field Hearth does not expect: extra/],
    ['an unknown type', { type: 'SomethingElse' }, /events\.0\.type: must be one of: OutcomeRecorded/],
    ['a bad time', { occurredAt: 'yesterday' }, /events\.0\.occurredAt: must be a date and time/],
    ['a bad id', { id: 'not-a-uuid' }, /events\.0\.id: must be a UUID/],
    ['another device', { deviceId: '0190f5a2-7b3c-7d4e-8f00-00000000dead' }, /events\.0\.deviceId: must match the sending device/],
  ])('answers 400 naming the field for %s, writing nothing', async (_name, change, message) => {
    const before = await countEvents();
    const base = makeOutcomeEvent(hildaVisit, hildaCarers);
    const { payload, ...rest } = change as { payload?: object };
    const event = { ...base, ...rest, payload: { ...base.payload, ...payload } };
    const answer = await push(makePush([event as typeof base]));
    expect(answer.statusCode).toBe(400);
    expect(ApiErrorSchema.parse(answer.json()).error.code).toBe('invalid-request');
    expect(answer.json().error.message).toMatch(message);
    expect(await countEvents()).toBe(before);
  });

  it('answers 400 for an empty push and for unknown keys on the request', async () => {
    expect((await push(makePush([]))).statusCode).toBe(400);
    const extra = await push({ ...makePush([makeOutcomeEvent(hildaVisit, hildaCarers)]), batch: 1 });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().error.message).toContain('batch');
  });

  it('answers 413 with a clear message for a body over 1 MB', async () => {
    const huge = makePush([makeOutcomeEvent(hildaVisit, hildaCarers)], { deviceLabel: 'x'.repeat(1_100_000) });
    const answer = await push(huge);
    expect(answer.statusCode).toBe(413);
    expect(ApiErrorSchema.parse(answer.json()).error.message).toMatch(/1 MB/);
  });
});
