import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HearthEvent, PushRequest } from '../../../src/domain/events';
import type { Db } from '../../../src/server/database/db';
import { storeEvents } from '../../../src/server/events/store-events';
import { HttpError } from '../../../src/server/http/api-error';
import { makeMeetFirstEvent, makeOutcomeEvent, makePush, makeSettingsEvent, makeWithdrawal } from '../../support/server-events';
import { makeServerWorld, type ServerWorld } from '../../support/server-world';

/** storeEvents' own statements, by what they do; applyEvent's (one or two per new event) are not counted. */
const STATEMENTS: [string, RegExp][] = [
  ['facts for the checks', /^select 'visit' as kind/],
  ['device and events', /^with device as \( insert into devices/],
  ['events', /^insert into events/],
  ['ids already stored', /^select id, organisation_id, content_hash from events/],
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
    world = await makeServerWorld();
    org = world.demo.organisationId;
    visit = world.demo.visits.Hilda!;
    carers = ['Sam', 'Bethan', 'Grace', 'Tom'].map((name) => world.demo.carers[name]!);
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
    const many = Array.from({ length: 98 }, () => makeOutcomeEvent(visit, carers));
    const withdrawal = makeWithdrawal(many[0]!);
    expect(await statementsFor([one])).toEqual({ 'facts for the checks': 1, 'device and events': 1 });
    // One already stored, 97 new, a withdrawal of an outcome sent after it in the same push.
    expect(await statementsFor([one, ...many.slice(1), withdrawal, many[0]!])).toEqual({
      'facts for the checks': 1,
      'device and events': 1,
      events: 1,
      'ids already stored': 1,
    });
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
