import { AsyncLocalStorage } from 'node:async_hooks';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db } from './db';

// PGlite is a single connection: two instances on one data directory would corrupt it, and even in
// memory a second instance doubles the start-up cost. One per process, enforced here.
let openInstance: PGlite | null = null;

/** Opens PGlite at `dataDir` (a directory, or 'memory://'). Only one may be open per process. */
export async function openPgliteDb(dataDir: string): Promise<Db> {
  if (openInstance) throw new Error('A PGlite database is already open in this process: close it first.');
  const pg = await PGlite.create(dataDir);
  openInstance = pg;
  return wrapPglite(pg);
}

function wrapPglite(pg: PGlite): Db {
  // One connection means a plain query must not slip in between the statements of a transaction,
  // so every query and every transaction takes its turn here.
  let tail: Promise<unknown> = Promise.resolve();
  const inTransaction = new AsyncLocalStorage<true>();
  function inTurn<T>(fn: () => Promise<T>): Promise<T> {
    if (inTransaction.getStore()) {
      // Waiting for our own turn would hang for ever; fail loudly instead.
      return Promise.reject(new Error('db was used inside db.transaction(): use the tx argument instead.'));
    }
    const result = tail.then(fn);
    tail = result.catch(() => undefined);
    return result;
  }

  return {
    query: <T>(sql: string, params: readonly unknown[] = []) =>
      inTurn(async () => (await pg.query<T>(sql, [...params])).rows),
    exec: (sql) => inTurn(async () => void (await pg.exec(sql))),
    transaction: (fn) => inTurn(() => inTransaction.run(true, () => pg.transaction((tx) => fn(wrapTransaction(tx))))),
    async close() {
      await inTurn(async () => {
        if (!pg.closed) await pg.close();
      });
      if (openInstance === pg) openInstance = null;
    },
  };
}

function wrapTransaction(tx: Transaction): Db {
  const db: Db = {
    query: async <T>(sql: string, params: readonly unknown[] = []) => (await tx.query<T>(sql, [...params])).rows,
    exec: async (sql) => void (await tx.exec(sql)),
    transaction: (fn) => fn(db),
    close: () => Promise.reject(new Error('Close the database, not a transaction.')),
  };
  return db;
}
