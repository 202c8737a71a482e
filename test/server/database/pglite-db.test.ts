import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/server/database/db';
import { openPgliteDb } from '../../../src/server/database/pglite-db';

// PGlite's own behaviour through Hearth's wrapper (prepared statements, BEGIN sent with the first
// statement, turns on the event loop), whatever DATABASE_URL says: the rest of the suite runs on either.
describe('the PGlite database', () => {
  let db: Db;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'hearth-pglite-test-'));
    db = await openPgliteDb(path.join(dir, 'pglite'));
    await db.exec('create table notes (id int primary key, body text, tags jsonb, at timestamptz, big bigint)');
  });
  afterAll(async () => {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  });

  const count = async () => (await db.query<{ n: number }>('select count(*)::int as n from notes'))[0]!.n;

  it('commits synchronously, so an acknowledged commit is in the files before the answer', async () => {
    expect(await db.query('show synchronous_commit')).toEqual([{ synchronous_commit: 'on' }]);
  });

  it('passes values and reads rows as PGlite does: jsonb, dates, bigint as a number, arrays, null', async () => {
    const at = new Date('2025-03-01T10:45:00.000Z');
    await db.query('insert into notes (id, body, tags, at, big) values ($1, $2, $3::jsonb, $4, $5)', [1, 'first', JSON.stringify({ a: [1] }), at, 2 ** 40]);
    await db.query('insert into notes (id, body, tags) values ($1, $2, $3)', [2, null, { b: true }]);
    const rows = await db.query('select id, body, tags, at, big from notes where id = any($1::int[]) order by id', [[1, 2]]);
    expect(rows).toEqual([
      { id: 1, body: 'first', tags: { a: [1] }, at, big: 2 ** 40 },
      { id: 2, body: null, tags: { b: true }, at: null, big: null },
    ]);
    // The same text again, now prepared, with other values.
    expect(await db.query('select id from notes where id = any($1::int[]) order by id', [[2]])).toEqual([{ id: 2 }]);
    expect(await db.query('insert into notes (id) values ($1)', [3])).toEqual([]);
    await db.query('delete from notes');
  });

  it('prepares a statement again once the table it reads changes shape', async () => {
    await db.exec('create table shapes (a int)');
    await db.query('insert into shapes values (1)');
    expect(await db.query('select * from shapes')).toEqual([{ a: 1 }]);
    await db.exec('alter table shapes add column b int default 2');
    expect(await db.query('select * from shapes')).toEqual([{ a: 1, b: 2 }]);
  });

  it('keeps nothing of a transaction that throws, and the next one starts clean', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query('insert into notes (id) values (10)');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await count()).toBe(0);
  });

  it('rolls back when the first statement (which carries BEGIN) fails, leaving no transaction open', async () => {
    await expect(db.transaction((tx) => tx.query('insert into nowhere values (1)'))).rejects.toThrow(/nowhere/);
    await db.query('insert into notes (id) values (11)');
    // Were a transaction still open, this rollback would take the row above with it.
    await expect(
      db.transaction(async (tx) => {
        await tx.query('insert into notes (id) values (12)');
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    expect(await db.query('select id from notes')).toEqual([{ id: 11 }]);
    await db.query('delete from notes');
  });

  it('refuses to commit a transaction whose failed statement was caught, and says so', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query('insert into notes (id) values (20)');
        await tx.query('insert into notes (id) values (20)').catch(() => undefined);
      }),
    ).rejects.toMatchObject({ code: '25P02' });
    expect(await count()).toBe(0);
  });

  it('answers a transaction that sends nothing without touching the database', async () => {
    expect(await db.transaction(async () => 'nothing to do')).toBe('nothing to do');
    expect(await count()).toBe(0);
  });

  it('fails loudly when the database is used inside a transaction instead of tx, or tx after it ended', async () => {
    let kept: Db | undefined;
    await expect(
      db.transaction(async (tx) => {
        kept = tx;
        await db.query('select 1');
      }),
    ).rejects.toThrow(/use the tx argument/);
    await expect(kept!.query('select 1')).rejects.toThrow(/transaction has ended/);
  });

  it('lets the event loop turn between queued transactions, so new requests are not starved', async () => {
    const finished: number[] = [];
    let timerFiredAfter = -1;
    const work = Array.from({ length: 20 }, (_, i) =>
      db.transaction(async (tx) => {
        for (let q = 0; q < 5; q++) await tx.query('select $1::int as i', [i]);
        finished.push(i);
      }),
    );
    setImmediate(() => (timerFiredAfter = finished.length));
    await Promise.all(work);
    expect(finished).toEqual([...Array(20).keys()]);
    expect(timerFiredAfter).toBeGreaterThanOrEqual(0);
    expect(timerFiredAfter).toBeLessThan(20);
  });

  it('keeps what was committed when it is opened again', async () => {
    await db.transaction((tx) => tx.query('insert into notes (id, body) values (30, $1)', ['kept']));
    await db.close();
    db = await openPgliteDb(path.join(dir, 'pglite'));
    expect(await db.query('select id, body from notes')).toEqual([{ id: 30, body: 'kept' }]);
  });
});
