import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HearthEvent, PushRequest } from '../../../src/domain/events';
import type { Db } from '../../../src/server/database/db';
import { storeEvents, storePushes } from '../../../src/server/events/store-events';
import { HttpError } from '../../../src/server/http/api-error';
import { makeMeetFirstEvent, makeOutcomeEvent, makePush, makeSettingsEvent, makeWithdrawal } from '../../support/server-events';
import { makeHildaWorld, type ServerWorld } from '../../support/server-world';

/** The statements of storing a batch, by what they do. */
const STATEMENTS: [string, RegExp][] = [
  ['facts for the checks', /^select 'visit' as kind/],
  ['ids already stored', /^select id, organisation_id, content_hash from events/],
  ['devices', /^insert into devices/],
  ['events', /^insert into events/],
  ['follow-ups opened', /^insert into follow_ups/],
  ['follow-ups closed', /^update follow_ups/],
  ['conflicts closed', /^update visit_conflicts/],
  ['settings', /^update people/],
  ['other answers', /^select n\.id::text as new_id/],
  ['conflicts raised', /^insert into visit_conflicts/],
  ['audit entries', /^insert into audit_events/],
];

/** A Db that counts storeEvents' statements run through it. */
function countingDb(db: Db, counts: Record<string, number>): Db {
  const wrap = (inner: Db): Db => ({
    query: (sql, params) => {
      const name = STATEMENTS.find(([, pattern]) => pattern.test(sql.trim().replace(/\s+/g, ' ')))?.[0];
      if (name) counts[name] = (counts[name] ?? 0) + 1;
      return inner.query(sql, params);
    },
    exec: (sql) => inner.exec(sql),
    transaction: (fn) => inner.transaction((tx) => fn(wrap(tx))),
    close: () => inner.close(),
  });
  return wrap(db);
}

describe('storeEvents', () => {
  let world: ServerWorld;
  let org: string;
  let visit: string;
  let carers: string[];
  beforeAll(async () => {
    ({ world, org, visit, carers } = await makeHildaWorld());
  });
  afterAll(() => world.close());

  const store = (events: HearthEvent[], overrides: Partial<PushRequest> = {}) => storeEvents(world.db, org, makePush(events, overrides));
  const rowsOf = (ids: string[]) =>
    world.db.query<{ id: string; received_seq: string | number }>('select id, received_seq from events where id = any($1::uuid[])', [ids]);
  const followUpsOf = async (id: string) =>
    (await world.db.query<{ n: number }>('select count(*)::int as n from follow_ups where event_id = $1', [id]))[0]!.n;

  it('stores an id sent twice in one push once, answering for each, with one follow-up', async () => {
    const event = makeMeetFirstEvent(visit, carers, [carers[1]!]);
    expect(await store([event, event])).toEqual({
      results: [
        { id: event.id, status: 'stored' },
        { id: event.id, status: 'already-stored' },
      ],
    });
    expect(await rowsOf([event.id])).toHaveLength(1);
    expect(await followUpsOf(event.id)).toBe(1);
  });

  it('refuses an id sent twice in one push with different content, keeping nothing of the push', async () => {
    const event = makeOutcomeEvent(visit, carers);
    const changed = { ...event, payload: { ...event.payload, chosenCarerId: carers[2]! } };
    const other = makeOutcomeEvent(visit, carers);
    await expect(store([other, event, changed])).rejects.toMatchObject({ statusCode: 409, ids: [event.id] });
    expect(await rowsOf([event.id, other.id])).toEqual([]);
  });

  it('answers in the order of the request, storing what is new and recognising what was stored before', async () => {
    const before = makeOutcomeEvent(visit, carers);
    await store([before]);
    const settings = makeSettingsEvent(visit, world.demo.people.Hilda!, { textSize: 'largest' });
    const later = makeOutcomeEvent(visit, carers, { payload: { outcome: 'not-sure-yet', chosenCarerId: null } });
    expect((await store([settings, before, later])).results).toEqual([
      { id: settings.id, status: 'stored' },
      { id: before.id, status: 'already-stored' },
      { id: later.id, status: 'stored' },
    ]);
    expect(await followUpsOf(later.id)).toBe(1);
  });

  it('numbers the receipt in request order, withdrawals after the other events of the push', async () => {
    const first = makeOutcomeEvent(visit, carers);
    const undo = makeWithdrawal(first);
    const second = makeOutcomeEvent(visit, carers);
    const third = makeOutcomeEvent(visit, carers);
    await store([first, undo, second, third]);
    const seq = new Map((await rowsOf([first.id, undo.id, second.id, third.id])).map((r) => [r.id, Number(r.received_seq)]));
    expect(seq.get(first.id)).toBeLessThan(seq.get(second.id)!);
    expect(seq.get(second.id)).toBeLessThan(seq.get(third.id)!);
    expect(seq.get(third.id)).toBeLessThan(seq.get(undo.id)!);
  });

  it('checks and stores a push of 100 events in the same few statements as a push of one', async () => {
    const statementsFor = async (events: HearthEvent[]) => {
      const counts: Record<string, number> = {};
      await storeEvents(countingDb(world.db, counts), org, makePush(events));
      return counts;
    };
    const one = makeOutcomeEvent(visit, carers);
    const many = Array.from({ length: 97 }, () => makeOutcomeEvent(visit, carers, { payload: { outcome: 'not-sure-yet', chosenCarerId: null } }));
    const withdrawal = makeWithdrawal(many[0]!);
    const settings = makeSettingsEvent(visit, world.demo.people.Hilda!, { textSize: 'larger' });
    const once = { 'facts for the checks': 1, 'ids already stored': 1, devices: 1, events: 1, 'other answers': 1 };
    expect(await statementsFor([one])).toEqual(once);
    // One already stored, 97 new, a withdrawal of an outcome sent after it in the same push, a settings change.
    expect(await statementsFor([one, ...many.slice(1), withdrawal, many[0]!, settings])).toEqual({
      ...once,
      'follow-ups opened': 1,
      'follow-ups closed': 1,
      'conflicts closed': 1,
      settings: 1,
    });
  });

  it('stores several pushes in one transaction as if one after another, refusing only the one that does not fit', async () => {
    const first = makeOutcomeEvent(visit, carers, { payload: { outcome: 'not-sure-yet', chosenCarerId: null } });
    const refused = makeOutcomeEvent(visit, carers, { payload: { chosenCarerId: world.demo.carers.Dan! } });
    const changed = { ...first, payload: { ...first.payload, outcome: 'none-of-these' as const } };
    const undo = makeWithdrawal(first);
    const outcomes = await storePushes(world.db, [
      { organisationId: org, request: makePush([first]) },
      { organisationId: org, request: makePush([makeOutcomeEvent(visit, carers), refused]) },
      // A retry of the first push in the same batch, then one with the same id and other details.
      { organisationId: org, request: makePush([first]) },
      { organisationId: org, request: makePush([changed]) },
      // A withdrawal may name an outcome the same organisation sent earlier in the batch.
      { organisationId: org, request: makePush([undo]) },
      // Another organisation cannot see this one's visit.
      { organisationId: world.other.organisationId, request: makePush([makeOutcomeEvent(visit, carers)]) },
    ]);
    expect(outcomes[0]).toEqual({ results: [{ id: first.id, status: 'stored' }] });
    expect(outcomes[1]).toMatchObject({ statusCode: 400, message: 'events.1.payload.chosenCarerId: the chosen carer was not one of those shown.' });
    expect(outcomes[2]).toEqual({ results: [{ id: first.id, status: 'already-stored' }] });
    expect(outcomes[3]).toMatchObject({ statusCode: 409, ids: [first.id] });
    expect(outcomes[4]).toEqual({ results: [{ id: undo.id, status: 'stored' }] });
    expect(outcomes[5]).toMatchObject({ statusCode: 404 });
    expect(await rowsOf([first.id, undo.id])).toHaveLength(2);
    expect(await rowsOf([refused.id])).toEqual([]);
    // The follow-up was opened and closed by the withdrawal, once.
    const followUps = await world.db.query<{ resolved_at: unknown }>('select resolved_at from follow_ups where event_id = $1', [first.id]);
    expect(followUps).toHaveLength(1);
    expect(followUps[0]!.resolved_at).not.toBeNull();
  });

  it('raises a conflict between two tablets in one batch once, against the answer received first', async () => {
    const fresh = world.demo.visits.Ruth!;
    const arthurs = await world.db.query<{ carer_id: string }>('select carer_id from visit_candidates where visit_id = $1 order by position', [fresh]);
    const shown = arthurs.map((c) => c.carer_id);
    const a = makeOutcomeEvent(fresh, shown, { deviceId: '0190f5a2-7b3c-7d4e-8f00-00000000d001' });
    const b = makeOutcomeEvent(fresh, shown, {
      deviceId: '0190f5a2-7b3c-7d4e-8f00-00000000d002',
      payload: { outcome: 'none-of-these', chosenCarerId: null },
    });
    await storePushes(world.db, [
      { organisationId: org, request: makePush([a], { deviceId: a.deviceId }) },
      { organisationId: org, request: makePush([b], { deviceId: b.deviceId }) },
    ]);
    const conflicts = await world.db.query<{ event_id: string; other_event_id: string }>(
      `select event_id, other_event_id from visit_conflicts where visit_id = $1 and kind = 'different-outcomes'`,
      [fresh],
    );
    expect(conflicts).toEqual([{ event_id: b.id, other_event_id: a.id }]);
  });

  it('stores each event once when a retry races the first send, and applies it once', async () => {
    const events = [makeMeetFirstEvent(visit, carers, [carers[0]!]), makeOutcomeEvent(visit, carers)];
    const answers = await Promise.all([store(events), store(events), store(events)]);
    const statuses = events.map((_, i) => answers.map((a) => a.results[i]!.status).sort());
    expect(statuses).toEqual([
      ['already-stored', 'already-stored', 'stored'],
      ['already-stored', 'already-stored', 'stored'],
    ]);
    expect(await rowsOf(events.map((e) => e.id))).toHaveLength(2);
    expect(await followUpsOf(events[0]!.id)).toBe(1);
  });

  it('enters who pushed, per sender and visit with new events, in one statement for the whole batch; resends and refusals none', async () => {
    const peter = world.demo.visits.Peter!;
    const peterCarers = (await world.db.query<{ carer_id: string }>('select carer_id from visit_candidates where visit_id = $1 order by position', [peter])).map((c) => c.carer_id);
    const pushedBy = { organisationId: org, userId: world.demo.userId, role: 'organiser', deviceId: '0190f5a2-7b3c-7d4e-8f00-00000000d001' };
    const old = makeOutcomeEvent(visit, carers);
    await storeEvents(world.db, org, makePush([old]));
    const before = (await world.db.query<{ n: number }>('select count(*)::int as n from audit_events'))[0]!.n;
    const counts: Record<string, number> = {};
    const outcomes = await storePushes(countingDb(world.db, counts), [
      // Two new events for Hilda's visit, one for Peter's.
      { organisationId: org, request: makePush([makeOutcomeEvent(visit, carers), makeOutcomeEvent(visit, carers), makeOutcomeEvent(peter, peterCarers)]), pushedBy },
      // A resend only: nothing new to enter.
      { organisationId: org, request: makePush([old]), pushedBy },
      // Refused (a carer not shown): nothing.
      { organisationId: org, request: makePush([makeOutcomeEvent(world.demo.visits.Ruth!, carers, { payload: { chosenCarerId: world.demo.carers.Dan! } })]), pushedBy },
      // Without a sender (not from a route): nothing.
      { organisationId: org, request: makePush([makeOutcomeEvent(peter, peterCarers)]) },
    ]);
    expect(outcomes[2]).toBeInstanceOf(HttpError);
    expect(counts['audit entries']).toBe(1);
    const written = await world.db.query<{ action: string; subject_id: string; actor_user_id: string; device_id: string }>(
      'select action, subject_id, actor_user_id, device_id from audit_events order by at, id offset $1',
      [before],
    );
    expect(written.map((r) => [r.action, r.subject_id, r.actor_user_id, r.device_id]).sort()).toEqual(
      [
        ['visit.synced', visit, pushedBy.userId, pushedBy.deviceId],
        ['visit.synced', peter, pushedBy.userId, pushedBy.deviceId],
      ].sort(),
    );
  });

  it('refuses a push with one event that does not fit, naming the first in the order they are stored', async () => {
    const good = makeOutcomeEvent(visit, carers);
    const unknownOutcome = makeWithdrawal({ id: '0190f5a2-7b3c-7d4e-8f00-0000000000aa', visitId: visit });
    const notShown = makeOutcomeEvent(visit, carers, { payload: { chosenCarerId: world.demo.carers.Dan! } });
    // The withdrawal comes first in the request but is checked after the other events.
    const refusal = await store([unknownOutcome, good, notShown]).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(HttpError);
    expect(refusal).toMatchObject({ statusCode: 400, message: 'events.2.payload.chosenCarerId: the chosen carer was not one of those shown.' });
    expect(await rowsOf([good.id])).toEqual([]);
  });
});
