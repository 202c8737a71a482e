import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Dice, mulberry32 } from '../../src/cli/bench/mulberry32';
import { PushResponseSchema, type HearthEvent, type PushResponse } from '../../src/domain/events';
import { makeMeetFirstEvent, makeOutcomeEvent, makePush, makeSettingsEvent, makeWithdrawal } from '../support/server-events';
import { makeServerWorld, type ServerWorld } from '../support/server-world';

/**
 * RELIABILITY F3 (lost-ack-retry): the office commits a push, then the connection is reset before the
 * answer. The tablet sends the same events again (up to 3 retries, each of which may be reset too) and
 * must get the same acknowledgement, with no row added. A real socket (listen), reset by an onSend hook
 * this test adds: the handler, and so the commit, has finished when onSend runs.
 */
const ITERATIONS = 1_000 * Number(process.env.HEARTH_TEST_SCALE ?? 1);
const SEED = Number(process.env.HEARTH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RESET_HEADER = 'x-test-reset-after-commit';
const MAX_RETRIES = 3;

describe('a push whose answer is lost after the commit', () => {
  let world: ServerWorld;
  let url: string;
  let cookie: string;
  beforeAll(async () => {
    world = await makeServerWorld();
    world.app.addHook('onSend', async (request, reply, payload) => {
      if (request.headers[RESET_HEADER] === '1') reply.raw.destroy();
      return payload;
    });
    url = await world.app.listen({ host: '127.0.0.1', port: 0 });
    cookie = await world.signIn();
  });
  afterAll(() => world.close());

  it(`is acknowledged the same on a retry, with no new rows (${ITERATIONS} pushes)`, { timeout: 300_000 }, async () => {
    console.log(`F3 lost-ack retry: seed ${SEED} (replay with HEARTH_SEED=${SEED}), ${ITERATIONS} pushes`);
    const dice = new Dice(mulberry32(SEED));
    const visits = ['Hilda', 'Ruth', 'Peter'].map((name) => world.demo.visits[name]!);
    const candidates = new Map<string, string[]>();
    for (const visitId of visits) {
      const rows = await world.db.query<{ carer_id: string }>('select carer_id from visit_candidates where visit_id = $1 order by position', [visitId]);
      candidates.set(visitId, rows.map((r) => r.carer_id));
    }
    const send = async (events: HearthEvent[], reset: boolean): Promise<PushResponse | null> => {
      try {
        const response = await fetch(`${url}/api/events`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json', ...(reset ? { [RESET_HEADER]: '1' } : {}) },
          body: JSON.stringify(makePush(events)),
        });
        return PushResponseSchema.parse(await response.json());
      } catch {
        return null;
      }
    };

    const failures: string[] = [];
    let retries = 0;
    const ids: string[] = [];
    for (let i = 0; i < ITERATIONS; i++) {
      const visitId = dice.pick(visits);
      const shown = candidates.get(visitId)!;
      const outcome = dice.chance(0.7) ? makeOutcomeEvent(visitId, shown) : makeMeetFirstEvent(visitId, shown, [shown[0]!]);
      const events: HearthEvent[] = [outcome];
      if (dice.chance(0.3)) events.push(makeWithdrawal(outcome));
      if (dice.chance(0.2)) events.unshift(makeSettingsEvent(visitId, (await personOf(world, visitId))!, { highContrast: dice.chance(0.5) }));
      ids.push(...events.map((e) => e.id));

      // The first answer is always lost; each retry's answer is lost now and then.
      if ((await send(events, true)) !== null) failures.push(`push ${i}: the reset did not happen`);
      let answer: PushResponse | null = null;
      for (let attempt = 1; attempt <= MAX_RETRIES && !answer; attempt++) {
        retries += 1;
        answer = await send(events, attempt < MAX_RETRIES && dice.chance(0.2));
      }
      const expected = events.map((e) => ({ id: e.id, status: 'already-stored' }));
      if (JSON.stringify(answer?.results) !== JSON.stringify(expected)) failures.push(`push ${i}: ${JSON.stringify(answer)}`);
    }

    expect(failures.slice(0, 5)).toEqual([]);
    const [stored] = await world.db.query<{ n: number; distinct_ids: number }>(
      'select count(*)::int as n, count(distinct id)::int as distinct_ids from events where id = any($1::uuid[])',
      [ids],
    );
    expect(stored).toEqual({ n: ids.length, distinct_ids: ids.length });
    console.log(`F3: ${ITERATIONS} pushes acknowledged after ${retries} retries in all, ${ids.length} events, each stored once`);
  });
});

const people = new Map<string, string>();
async function personOf(world: ServerWorld, visitId: string): Promise<string | undefined> {
  if (!people.has(visitId)) {
    const [row] = await world.db.query<{ person_id: string }>('select person_id from visits where id = $1', [visitId]);
    people.set(visitId, row!.person_id);
  }
  return people.get(visitId);
}
