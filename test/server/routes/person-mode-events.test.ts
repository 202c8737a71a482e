import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../../src/domain/api';
import { PushResponseSchema, type HearthEvent } from '../../../src/domain/events';
import { VisitListSchema, VisitPackSchema } from '../../../src/domain/visits';
import { makeMeetFirstEvent, makeOutcomeEvent, makePush, makeSettingsEvent, makeWithdrawal } from '../../support/server-events';
import { makeServerWorld, OTHER_ORGANISER, type ServerWorld } from '../../support/server-world';

describe('POST /api/events: the full person mode', () => {
  let world: ServerWorld;
  let cookie: string;
  /** Candidates in the order each pack shows them. */
  const carersOf: Record<string, string[]> = {};
  beforeAll(async () => {
    world = await makeServerWorld();
    cookie = await world.signInOnTablet();
    for (const name of ['Hilda', 'Ruth', 'Peter']) {
      const pack = VisitPackSchema.parse(
        (await world.app.inject({ method: 'GET', url: `/api/visits/${world.demo.visits[name]}/pack`, headers: { cookie } })).json(),
      );
      carersOf[name] = pack.candidates.map((c) => c.id);
    }
  });
  afterAll(() => world.close());

  const visitOf = (name: string) => world.demo.visits[name]!;
  const push = (events: HearthEvent[], as = cookie) =>
    world.app.inject({ method: 'POST', url: '/api/events', headers: { cookie: as }, payload: makePush(events) });
  const counts = async () =>
    (
      await world.db.query<{ events: number; follow_ups: number }>(
        'select (select count(*)::int from events) as events, (select count(*)::int from follow_ups) as follow_ups',
      )
    )[0]!;
  const decisionOf = async (name: string) => {
    const { visits } = VisitListSchema.parse((await world.app.inject({ method: 'GET', url: '/api/visits', headers: { cookie } })).json());
    return visits.find((v) => v.id === visitOf(name))!.decision;
  };
  const packOf = async (name: string) =>
    VisitPackSchema.parse((await world.app.inject({ method: 'GET', url: `/api/visits/${visitOf(name)}/pack`, headers: { cookie } })).json());
  const expectRefused = async (events: HearthEvent[], status: number, message: RegExp) => {
    const before = await counts();
    const answer = await push(events);
    expect(answer.statusCode).toBe(status);
    expect(ApiErrorSchema.parse(answer.json()).error.message).toMatch(message);
    expect(await counts()).toEqual(before);
  };

  describe('OutcomeRecorded', () => {
    it('accepts an outcome with everything the person mode records, and a resend is already stored', async () => {
      const [sam, bethan, grace, tom] = carersOf.Hilda!;
      const event = makeOutcomeEvent(visitOf('Hilda'), carersOf.Hilda!, {
        payload: {
          outcome: 'chosen',
          chosenCarerId: grace!,
          reactions: [
            { carerId: sam!, reaction: 'like' },
            { carerId: bethan!, reaction: 'not-sure' },
            { carerId: grace!, reaction: 'like' },
            { carerId: tom!, reaction: 'not-for-me' },
          ],
          presentation: 'description-first',
          language: 'en',
          howDecided: { indicatedBy: 'person-by-touch', present: ['organiser', 'nephew'], supportsUsed: ['audio', 'captions'], durationSeconds: 420 },
        },
      });
      expect(PushResponseSchema.parse((await push([event])).json()).results).toEqual([{ id: event.id, status: 'stored' }]);
      expect(PushResponseSchema.parse((await push([event])).json()).results).toEqual([{ id: event.id, status: 'already-stored' }]);
      const [stored] = await world.db.query<{ payload: object }>('select payload from events where id = $1', [event.id]);
      expect(stored!.payload).toEqual(event.payload);
      expect(await decisionOf('Hilda')).toMatchObject({ eventId: event.id, outcome: 'chosen', chosenCarerFirstName: 'Grace' });
    });

    it('still accepts an outcome recorded before the person mode (no new fields), and its resend is already stored', async () => {
      const event = makeOutcomeEvent(visitOf('Hilda'), carersOf.Hilda!.slice(0, 3), { payload: { chosenCarerId: carersOf.Hilda![1]! } });
      expect(Object.keys(event.payload).sort()).toEqual(['chosenCarerId', 'orderShown', 'outcome']);
      expect(PushResponseSchema.parse((await push([event])).json()).results).toEqual([{ id: event.id, status: 'stored' }]);
      expect(PushResponseSchema.parse((await push([event])).json()).results).toEqual([{ id: event.id, status: 'already-stored' }]);
      expect(await decisionOf('Hilda')).toMatchObject({ eventId: event.id, chosenCarerFirstName: 'Bethan' });
    });

    it('shows "meet first" and "not sure yet" as the decision, with no carer named', async () => {
      const meet = makeMeetFirstEvent(visitOf('Peter'), carersOf.Peter!, carersOf.Peter!.slice(0, 2));
      expect((await push([meet])).statusCode).toBe(200);
      expect(await decisionOf('Peter')).toMatchObject({ eventId: meet.id, outcome: 'meet-first', chosenCarerFirstName: null });
      const unsure = makeOutcomeEvent(visitOf('Peter'), carersOf.Peter!, { payload: { outcome: 'not-sure-yet', chosenCarerId: null } });
      expect((await push([unsure])).statusCode).toBe(200);
      expect(await decisionOf('Peter')).toMatchObject({ eventId: unsure.id, outcome: 'not-sure-yet', chosenCarerFirstName: null });
    });

    it('answers 400 for a carer to meet first who was not a candidate, writing nothing (not even a follow-up)', async () => {
      const dan = world.demo.carers.Dan!;
      const shown = [dan, ...carersOf.Hilda!.slice(0, 2)];
      await expectRefused(
        [makeOutcomeEvent(visitOf('Hilda'), carersOf.Hilda!), makeMeetFirstEvent(visitOf('Hilda'), shown, [carersOf.Hilda![0]!, dan])],
        400,
        /^events\.1\.payload\.meetFirstCarerIds: a carer to meet first was not one of those shown\.$/,
      );
    });

    it('answers 400 for a reaction to a carer who was not a candidate, writing nothing', async () => {
      const dan = world.demo.carers.Dan!;
      const event = makeOutcomeEvent(visitOf('Hilda'), [dan, carersOf.Hilda![0]!], {
        payload: { chosenCarerId: carersOf.Hilda![0]!, reactions: [{ carerId: dan, reaction: 'like' }] },
      });
      await expectRefused([event], 400, /^events\.0\.payload\.reactions: a carer reacted to was not one of those shown\.$/);
    });
  });

  describe('OutcomeWithdrawn', () => {
    it('takes back an outcome sent in the same push, in either order, leaving the one before it as the decision', async () => {
      const [sam, bethan] = carersOf.Hilda!;
      const kept = makeOutcomeEvent(visitOf('Hilda'), carersOf.Hilda!, { payload: { chosenCarerId: sam! } });
      expect((await push([kept])).statusCode).toBe(200);

      const undone = makeOutcomeEvent(visitOf('Hilda'), carersOf.Hilda!, { payload: { chosenCarerId: bethan! } });
      const withdrawal = makeWithdrawal(undone);
      const answer = await push([undone, withdrawal]);
      expect(answer.statusCode).toBe(200);
      expect(PushResponseSchema.parse(answer.json()).results).toEqual([
        { id: undone.id, status: 'stored' },
        { id: withdrawal.id, status: 'stored' },
      ]);
      expect(await decisionOf('Hilda')).toMatchObject({ eventId: kept.id, chosenCarerFirstName: 'Sam' });

      // The withdrawal first: still answered in the order sent.
      const undoneAgain = makeOutcomeEvent(visitOf('Hilda'), carersOf.Hilda!, { payload: { chosenCarerId: bethan! } });
      const withdrawalFirst = makeWithdrawal(undoneAgain);
      const reversed = await push([withdrawalFirst, undoneAgain]);
      expect(PushResponseSchema.parse(reversed.json()).results).toEqual([
        { id: withdrawalFirst.id, status: 'stored' },
        { id: undoneAgain.id, status: 'stored' },
      ]);
      expect(await decisionOf('Hilda')).toMatchObject({ eventId: kept.id });

      // Sent again (the outbox retried): already stored, the decision unchanged.
      expect(PushResponseSchema.parse((await push([undone, withdrawal])).json()).results.map((r) => r.status)).toEqual([
        'already-stored',
        'already-stored',
      ]);
      expect(await decisionOf('Hilda')).toMatchObject({ eventId: kept.id });
    });

    it('leaves no decision once every outcome of the visit is withdrawn, and a later outcome becomes the decision', async () => {
      const ruth = visitOf('Ruth');
      const first = makeOutcomeEvent(ruth, carersOf.Ruth!, { payload: { outcome: 'none-of-these', chosenCarerId: null } });
      expect((await push([first])).statusCode).toBe(200);
      expect(await decisionOf('Ruth')).toMatchObject({ eventId: first.id, outcome: 'none-of-these' });
      expect((await push([makeWithdrawal(first)])).statusCode).toBe(200);
      expect(await decisionOf('Ruth')).toBeNull();

      const second = makeOutcomeEvent(ruth, carersOf.Ruth!, { payload: { chosenCarerId: carersOf.Ruth![2]! } });
      expect((await push([second])).statusCode).toBe(200);
      expect(await decisionOf('Ruth')).toMatchObject({ eventId: second.id, outcome: 'chosen' });
    });

    it('answers 404 for a withdrawal of an outcome the office does not have, or another organisation has, writing nothing', async () => {
      const unknown = makeWithdrawal({ id: '0190f5a2-7b3c-7d4e-8f00-0000000000aa', visitId: visitOf('Hilda') });
      await expectRefused([unknown], 404, /^events\.0\.payload\.withdrawsEventId: the office has no such outcome\.$/);

      const otherCookie = await world.signIn(OTHER_ORGANISER);
      const theirs = makeOutcomeEvent(world.other.visits.Hilda!, [world.other.carers.Sam!]);
      expect((await push([theirs], otherCookie)).statusCode).toBe(200);
      await expectRefused([makeWithdrawal({ id: theirs.id, visitId: visitOf('Hilda') })], 404, /withdrawsEventId: the office has no such outcome/);
    });

    it('answers 400 for a withdrawal of an outcome of another visit, or of an event that is not an outcome', async () => {
      const hildas = makeOutcomeEvent(visitOf('Hilda'), carersOf.Hilda!);
      const settings = makeSettingsEvent(visitOf('Peter'), world.demo.people.Peter!, { selection: 'dwell' });
      expect((await push([hildas, settings])).statusCode).toBe(200);
      const decision = await decisionOf('Hilda');

      await expectRefused([makeWithdrawal(hildas, { visitId: visitOf('Ruth') })], 400, /^events\.0\.payload\.withdrawsEventId: only an outcome of the same visit/);
      await expectRefused([makeWithdrawal(settings)], 400, /withdrawsEventId: only an outcome of the same visit can be withdrawn/);
      // In the same push too.
      const fresh = makeOutcomeEvent(visitOf('Hilda'), carersOf.Hilda!);
      await expectRefused([fresh, makeWithdrawal(fresh, { visitId: visitOf('Ruth') })], 400, /^events\.1\.payload\.withdrawsEventId/);
      expect(await decisionOf('Hilda')).toEqual(decision);
    });

    it('refuses a withdrawal resent with different content with 409, keeping the first', async () => {
      const a = makeOutcomeEvent(visitOf('Hilda'), carersOf.Hilda!);
      const b = makeOutcomeEvent(visitOf('Hilda'), carersOf.Hilda!);
      const withdrawal = makeWithdrawal(a);
      expect((await push([a, b, withdrawal])).statusCode).toBe(200);
      const answer = await push([{ ...withdrawal, payload: { withdrawsEventId: b.id } }]);
      expect(answer.statusCode).toBe(409);
      expect(ApiErrorSchema.parse(answer.json()).error).toMatchObject({ code: 'conflicting-event', ids: [withdrawal.id] });
      expect(await decisionOf('Hilda')).toMatchObject({ eventId: b.id });
    });
  });

  describe('PersonModeSettingsChanged', () => {
    it("keeps the person's settings for the next pack; the latest received wins and a resend changes nothing", async () => {
      const peter = world.demo.people.Peter!;
      const scan = makeSettingsEvent(visitOf('Peter'), peter, { selection: 'scan', scanIntervalMs: 4_000, highContrast: true, descriptionFirst: false });
      expect(PushResponseSchema.parse((await push([scan])).json()).results).toEqual([{ id: scan.id, status: 'stored' }]);
      expect((await packOf('Peter')).personMode).toEqual({ ...scan.payload.settings, descriptionFirst: false });

      const welsh = makeSettingsEvent(visitOf('Peter'), peter, { language: 'cy', textSize: 'largest' });
      expect((await push([welsh])).statusCode).toBe(200);
      // The older change arriving again (a retry) is already stored and does not undo the newer one.
      expect(PushResponseSchema.parse((await push([scan])).json()).results).toEqual([{ id: scan.id, status: 'already-stored' }]);
      expect((await packOf('Peter')).personMode).toEqual({ ...welsh.payload.settings, descriptionFirst: true });

      // Two in one push: the later one wins.
      const larger = makeSettingsEvent(visitOf('Peter'), peter, { textSize: 'larger' });
      const large = makeSettingsEvent(visitOf('Peter'), peter, { textSize: 'large', reducedMotion: true });
      expect((await push([larger, large])).statusCode).toBe(200);
      expect((await packOf('Peter')).personMode).toMatchObject({ textSize: 'large', reducedMotion: true, language: 'en' });
      // Other people's settings are untouched.
      expect((await packOf('Hilda')).personMode).toMatchObject({ textSize: 'large', selection: 'press' });
    });

    it("answers 404 for a person the organisation does not have, writing nothing", async () => {
      await expectRefused(
        [makeSettingsEvent(visitOf('Peter'), world.other.people.Peter!)],
        404,
        /^events\.0\.payload\.personId: the office has no such person\.$/,
      );
      await expectRefused([makeSettingsEvent(visitOf('Peter'), '0190f5a2-7b3c-7d4e-8f00-0000000000bb')], 404, /personId: the office has no such person/);
    });

    it("answers 400 when the visit is not the person's, writing nothing", async () => {
      const before = (await packOf('Hilda')).personMode;
      await expectRefused(
        [makeSettingsEvent(visitOf('Ruth'), world.demo.people.Hilda!, { textSize: 'large' })],
        400,
        /^events\.0\.visitId: the visit is not this person's\.$/,
      );
      expect((await packOf('Hilda')).personMode).toEqual(before);
    });
  });
});
