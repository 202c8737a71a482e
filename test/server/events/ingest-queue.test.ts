import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/server/database/db';
import { createIngestQueue } from '../../../src/server/events/ingest-queue';
import { HttpError } from '../../../src/server/http/api-error';
import { makeOutcomeEvent, makePush } from '../../support/server-events';
import { makeHildaWorld, type ServerWorld } from '../../support/server-world';

/** A Db that counts transactions and can fail the next one that stores more than one push. */
function watchedDb(db: Db) {
  const watch = { transactions: 0, failNextBatch: false };
  const wrapped: Db = {
    query: (sql, params) => db.query(sql, params),
    exec: (sql) => db.exec(sql),
    transaction: (fn) => {
      watch.transactions += 1;
      return db.transaction(async (tx) => {
        const failing = watch.failNextBatch;
        const devicesOf: Db = {
          ...tx,
          query: async (sql, params) => {
            if (failing && /^\s*insert into devices/.test(sql) && (JSON.parse(String(params?.[0])) as unknown[]).length > 1) {
              watch.failNextBatch = false;
              throw new Error('the database went away');
            }
            return tx.query(sql, params);
          },
        };
        return fn(devicesOf);
      });
    },
    close: () => db.close(),
  };
  return { db: wrapped, watch };
}

describe('the ingest queue', () => {
  let world: ServerWorld;
  let org: string;
  let visit: string;
  let carers: string[];
  beforeAll(async () => {
    ({ world, org, visit, carers } = await makeHildaWorld());
  });
  afterAll(() => world.close());

  const tabletPush = (n: number) => {
    const deviceId = `0190f5a2-7b3c-7d4e-8f00-${String(n).padStart(12, '0')}`;
    return makePush([makeOutcomeEvent(visit, carers, { deviceId })], { deviceId });
  };

  it('stores pushes that arrive together in a few transactions, answering each only after its commit', async () => {
    const { db, watch } = watchedDb(world.db);
    const queue = createIngestQueue(db);
    const pushes = Array.from({ length: 30 }, (_, n) => tabletPush(n));
    const answers = await Promise.all(pushes.map((push) => queue.store(org, push)));
    expect(answers.map((a) => a.results[0]!.status)).toEqual(pushes.map(() => 'stored'));
    // The first goes at once; the 29 that arrived meanwhile wait and go together.
    expect(watch.transactions).toBeLessThanOrEqual(3);
    const stored = await world.db.query('select id from events where id = any($1::uuid[])', [pushes.map((p) => p.events[0]!.id)]);
    expect(stored).toHaveLength(30);
  });

  it('refuses only the push that does not fit', async () => {
    const queue = createIngestQueue(world.db);
    const good = tabletPush(100);
    const bad = makePush([makeOutcomeEvent(visit, carers, { payload: { chosenCarerId: world.demo.carers.Dan! } })]);
    const [first, second] = await Promise.allSettled([queue.store(org, good), queue.store(org, bad)]);
    expect(first).toMatchObject({ status: 'fulfilled', value: { results: [{ status: 'stored' }] } });
    expect(second.status).toBe('rejected');
    expect((second as PromiseRejectedResult).reason).toBeInstanceOf(HttpError);
  });

  it('stores each push of a batch that failed as a whole on its own, so all are stored once', async () => {
    const { db, watch } = watchedDb(world.db);
    const queue = createIngestQueue(db);
    const pushes = Array.from({ length: 10 }, (_, n) => tabletPush(200 + n));
    watch.failNextBatch = true;
    const answers = await Promise.all(pushes.map((push) => queue.store(org, push)));
    expect(watch.failNextBatch).toBe(false); // it did fail once
    expect(answers.map((a) => a.results[0]!.status)).toEqual(pushes.map(() => 'stored'));
    const stored = await world.db.query('select id from events where id = any($1::uuid[])', [pushes.map((p) => p.events[0]!.id)]);
    expect(stored).toHaveLength(10);
  });
});
