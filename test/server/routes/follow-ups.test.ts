import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HearthEvent } from '../../../src/domain/events';
import { VisitPackSchema } from '../../../src/domain/visits';
import { FollowUpListSchema, FollowUpSchema, RESOLVED_FOLLOW_UPS_LIMIT } from '../../../src/domain/follow-ups';
import { makeMeetFirstEvent, makeOutcomeEvent, makePush, makeWithdrawal } from '../../support/server-events';
import { makeServerWorld, OTHER_ORGANISER, type ServerWorld } from '../../support/server-world';

describe('/api/follow-ups', () => {
  let world: ServerWorld;
  let cookie: string;
  let otherCookie: string;
  /** Sam, Bethan, Grace, Tom. */
  let hildaCarers: string[];
  let hildaVisit: string;
  beforeAll(async () => {
    world = await makeServerWorld();
    cookie = await world.signInOnTablet();
    otherCookie = await world.signInOnTablet(OTHER_ORGANISER);
    hildaVisit = world.demo.visits.Hilda!;
    const pack = VisitPackSchema.parse(
      (await world.app.inject({ method: 'GET', url: `/api/visits/${hildaVisit}/pack`, headers: { cookie } })).json(),
    );
    hildaCarers = pack.candidates.map((c) => c.id);
  });
  afterAll(() => world.close());

  const push = async (events: HearthEvent[], as = cookie) => {
    const answer = await world.app.inject({ method: 'POST', url: '/api/events', headers: { cookie: as }, payload: makePush(events) });
    expect(answer.statusCode, answer.body).toBe(200);
  };
  const openFollowUps = async (as = cookie) => {
    const response = await world.app.inject({ method: 'GET', url: '/api/follow-ups', headers: { cookie: as } });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    return FollowUpListSchema.parse(response.json()).followUps;
  };
  const resolve = (id: string, as = cookie) => world.app.inject({ method: 'POST', url: `/api/follow-ups/${id}/resolve`, headers: { cookie: as } });
  const resolveWith = (id: string, payload: unknown, as = cookie) =>
    world.app.inject({ method: 'POST', url: `/api/follow-ups/${id}/resolve`, headers: { cookie: as }, payload: payload as object });
  const listFollowUps = (query: string, as = cookie) => world.app.inject({ method: 'GET', url: `/api/follow-ups${query}`, headers: { cookie: as } });
  const resolvedFollowUps = async () => {
    const response = await listFollowUps('?state=resolved');
    expect(response.statusCode, response.body).toBe(200);
    return FollowUpListSchema.parse(response.json()).followUps;
  };
  const openOne = async (visit = hildaVisit, carers = hildaCarers) => {
    const event = makeOutcomeEvent(visit, carers, { payload: { outcome: 'not-sure-yet', chosenCarerId: null } });
    await push([event]);
    return (await followUpOf(event.id))!;
  };
  const followUpOf = async (eventId: string) => (await openFollowUps()).find((f) => f.eventId === eventId);

  it('opens a follow-up for each outcome except a choice, saying in plain words what the person asked', async () => {
    const [sam, , grace] = hildaCarers;
    const chosen = makeOutcomeEvent(hildaVisit, hildaCarers);
    const meetFirst = makeMeetFirstEvent(hildaVisit, hildaCarers, [sam!, grace!]);
    const notSure = makeOutcomeEvent(hildaVisit, hildaCarers, { payload: { outcome: 'not-sure-yet', chosenCarerId: null } });
    const noneOfThese = makeOutcomeEvent(world.demo.visits.Ruth!, [world.demo.carers.Rosie!], {
      payload: { outcome: 'none-of-these', chosenCarerId: null },
    });
    await push([chosen, meetFirst, notSure, noneOfThese]);

    const followUps = await openFollowUps();
    expect(followUps.map((f) => [f.personFirstName, f.kind, f.summary])).toEqual([
      ['Hilda', 'meet-first', 'Asked to meet Sam and Grace first'],
      ['Hilda', 'not-sure-yet', 'Not sure yet'],
      ['Ruth', 'none-of-these', 'None of these'],
    ]);
    expect(followUps.map((f) => f.eventId)).toEqual([meetFirst.id, notSure.id, noneOfThese.id]);
    expect(followUps[0]).toMatchObject({ visitId: hildaVisit, meetFirstCarerIds: [sam, grace], resolvedAt: null, resolvedByName: null, note: null });
    expect(Date.now() - Date.parse(followUps[0]!.createdAt)).toBeLessThan(60_000);
    expect(followUps[0]!.decidedAt).toBe(meetFirst.occurredAt);
    expect(await world.db.query('select id from follow_ups where event_id = $1', [chosen.id])).toEqual([]);
  });

  it('opens only one follow-up however often the outcome is sent', async () => {
    const notSure = makeOutcomeEvent(world.demo.visits.Peter!, [world.demo.carers.Dan!], { payload: { outcome: 'not-sure-yet', chosenCarerId: null } });
    await push([notSure]);
    await push([notSure]);
    expect(await world.db.query('select id from follow_ups where event_id = $1', [notSure.id])).toHaveLength(1);
  });

  it('names three carers to meet first with commas', async () => {
    const meetFirst = makeMeetFirstEvent(hildaVisit, hildaCarers, [hildaCarers[3]!, hildaCarers[1]!, hildaCarers[0]!]);
    await push([meetFirst]);
    expect((await followUpOf(meetFirst.id))?.summary).toBe('Asked to meet Tom, Bethan and Sam first');
  });

  it('closes the follow-up of a withdrawn outcome, noting it was withdrawn on the tablet', async () => {
    const meetFirst = makeMeetFirstEvent(hildaVisit, hildaCarers, [hildaCarers[2]!]);
    await push([meetFirst]);
    expect(await followUpOf(meetFirst.id)).toBeDefined();
    await push([makeWithdrawal(meetFirst)]);
    expect(await followUpOf(meetFirst.id)).toBeUndefined();
    const [row] = await world.db.query<{ resolved_at: Date | null; resolved_by: string | null; note: string }>(
      'select resolved_at, resolved_by, note from follow_ups where event_id = $1',
      [meetFirst.id],
    );
    expect(row).toMatchObject({ resolved_by: null, note: 'withdrawn on the tablet' });
    expect(row!.resolved_at).not.toBeNull();

    // Withdrawn in the same push as it was sent: opened and closed together.
    const unsure = makeOutcomeEvent(hildaVisit, hildaCarers, { payload: { outcome: 'not-sure-yet', chosenCarerId: null } });
    await push([unsure, makeWithdrawal(unsure)]);
    expect(await followUpOf(unsure.id)).toBeUndefined();
    expect(await world.db.query('select note from follow_ups where event_id = $1', [unsure.id])).toEqual([{ note: 'withdrawn on the tablet' }]);
  });

  it('resolves a follow-up, recording who and when; resolving again keeps the first', async () => {
    const none = makeOutcomeEvent(hildaVisit, hildaCarers, { payload: { outcome: 'none-of-these', chosenCarerId: null } });
    await push([none]);
    const open = (await followUpOf(none.id))!;

    const answer = await resolve(open.id);
    expect(answer.statusCode).toBe(200);
    const { followUp } = { followUp: FollowUpSchema.parse(answer.json().followUp) };
    expect(followUp).toMatchObject({ id: open.id, resolvedByName: 'Jo Baker', note: null });
    expect(Date.now() - Date.parse(followUp.resolvedAt!)).toBeLessThan(60_000);
    const [row] = await world.db.query<{ resolved_by: string }>('select resolved_by from follow_ups where id = $1', [open.id]);
    expect(row!.resolved_by).toBe(world.demo.userId);
    expect(await followUpOf(none.id)).toBeUndefined();

    const again = await resolve(open.id);
    expect(again.statusCode).toBe(200);
    expect(again.json().followUp.resolvedAt).toBe(followUp.resolvedAt);

    // A later withdrawal does not overwrite the office's resolution.
    await push([makeWithdrawal(none)]);
    expect(await world.db.query('select resolved_by, note from follow_ups where id = $1', [open.id])).toEqual([
      { resolved_by: world.demo.userId, note: null },
    ]);
  });

  it("keeps each organisation's follow-ups to itself: 404 for another's, and for ids that are not follow-ups", async () => {
    const theirs = makeOutcomeEvent(world.other.visits.Hilda!, [world.other.carers.Sam!], { payload: { outcome: 'not-sure-yet', chosenCarerId: null } });
    await push([theirs], otherCookie);
    const [their] = await openFollowUps(otherCookie);
    expect(their).toMatchObject({ eventId: theirs.id, personFirstName: 'Hilda' });
    expect((await openFollowUps()).map((f) => f.id)).not.toContain(their!.id);

    for (const id of [their!.id, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const answer = await resolve(id);
      expect(answer.statusCode, id).toBe(404);
      expect(answer.json().error.code).toBe('not-found');
    }
    expect((await openFollowUps(otherCookie)).map((f) => f.id)).toEqual([their!.id]);
  });

  it("stores the organiser's note of what the office did, trimmed; a blank note is no note", async () => {
    const open = await openOne();
    const answer = await resolveWith(open.id, { note: '  Booked Sam to visit on Tuesday \n' });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(FollowUpSchema.parse(answer.json().followUp)).toMatchObject({ id: open.id, note: 'Booked Sam to visit on Tuesday', resolvedByName: 'Jo Baker' });
    expect(await world.db.query('select note from follow_ups where id = $1', [open.id])).toEqual([{ note: 'Booked Sam to visit on Tuesday' }]);

    const blank = await openOne();
    expect((await resolveWith(blank.id, { note: '   ' })).json().followUp.note).toBeNull();
    const empty = await openOne();
    expect((await resolveWith(empty.id, {})).json().followUp.note).toBeNull();
  });

  it('keeps the first resolution and its note when resolved again with another note', async () => {
    const open = await openOne();
    const first = (await resolveWith(open.id, { note: 'Rang her daughter' })).json().followUp;
    const again = await resolveWith(open.id, { note: 'Something else' }, otherCookie);
    expect(again.statusCode).toBe(404); // another organisation cannot resolve it at all
    const second = await resolveWith(open.id, { note: 'Something else' });
    expect(second.statusCode).toBe(200);
    expect(second.json().followUp).toMatchObject({ note: 'Rang her daughter', resolvedAt: first.resolvedAt, resolvedByName: 'Jo Baker' });
  });

  it('refuses a body it does not expect with a 400 in plain words, changing nothing', async () => {
    const open = await openOne();
    const cases: [unknown, string][] = [
      [{ note: 'x'.repeat(501) }, 'note: must have at most 500 characters.'],
      [{ note: 42 }, 'note: must be a string.'],
      [{ note: 'Done', resolvedBy: 'someone else' }, 'The request has a field Hearth does not expect: resolvedBy.'],
      [['Done'], 'The request must be an object.'],
    ];
    for (const [payload, message] of cases) {
      const answer = await resolveWith(open.id, payload);
      expect(answer.statusCode, JSON.stringify(payload)).toBe(400);
      expect(answer.json().error).toEqual({ code: 'invalid-request', message });
    }
    expect(await followUpOf(open.eventId)).toMatchObject({ resolvedAt: null, note: null });

    // 500 characters after trimming is fine.
    expect((await resolveWith(open.id, { note: ` ${'x'.repeat(500)} ` })).json().followUp.note).toHaveLength(500);
  });

  it('lists resolved follow-ups newest first with who resolved them and the note; open by default; a bad state is a 400', async () => {
    const older = await openOne();
    const newer = await openOne(world.demo.visits.Ruth!, [world.demo.carers.Rosie!]);
    await resolveWith(older.id, { note: 'Talked it over' });
    await resolveWith(newer.id, { note: 'Finding other carers' });

    const resolved = await resolvedFollowUps();
    expect(resolved.slice(0, 2).map((f) => [f.id, f.personFirstName, f.resolvedByName, f.note])).toEqual([
      [newer.id, 'Ruth', 'Jo Baker', 'Finding other carers'],
      [older.id, 'Hilda', 'Jo Baker', 'Talked it over'],
    ]);
    expect(resolved.every((f) => f.resolvedAt !== null)).toBe(true);
    const times = resolved.map((f) => Date.parse(f.resolvedAt!));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const open = FollowUpListSchema.parse((await listFollowUps('?state=open')).json()).followUps;
    expect(open.map((f) => f.id)).toEqual((await openFollowUps()).map((f) => f.id));
    expect(open.every((f) => f.resolvedAt === null)).toBe(true);

    for (const [query, message] of [
      ['?state=closed', 'state: must be one of: open, resolved.'],
      ['?state=open&state=resolved', 'state: must be one of: open, resolved.'],
      ['?status=open', 'The request has a field Hearth does not expect: status.'],
    ]) {
      const answer = await listFollowUps(query!);
      expect(answer.statusCode, query).toBe(400);
      expect(answer.json().error, query).toEqual({ code: 'invalid-request', message });
    }
  });

  it('keeps resolved follow-ups to their organisation and lists at most the limit', async () => {
    const theirs = makeOutcomeEvent(world.other.visits.Ruth!, [world.other.carers.Rosie!], { payload: { outcome: 'none-of-these', chosenCarerId: null } });
    await push([theirs], otherCookie);
    const [their] = await openFollowUps(otherCookie);
    await resolveWith(their!.id, { note: 'Their note' }, otherCookie);
    expect((await resolvedFollowUps()).map((f) => f.id)).not.toContain(their!.id);

    const events = Array.from({ length: RESOLVED_FOLLOW_UPS_LIMIT + 1 }, () =>
      makeOutcomeEvent(hildaVisit, hildaCarers, { payload: { outcome: 'not-sure-yet', chosenCarerId: null } }),
    );
    await push(events);
    for (const f of await openFollowUps()) await resolve(f.id);
    expect(await resolvedFollowUps()).toHaveLength(RESOLVED_FOLLOW_UPS_LIMIT);
  });

  it('needs a session', async () => {
    expect((await world.app.inject({ method: 'GET', url: '/api/follow-ups' })).statusCode).toBe(401);
    expect((await world.app.inject({ method: 'POST', url: `/api/follow-ups/${world.demo.userId}/resolve` })).statusCode).toBe(401);
  });
});
