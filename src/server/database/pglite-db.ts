import { AsyncLocalStorage } from 'node:async_hooks';
import { parse, PGlite, protocol, TransactionAbortedError } from '@electric-sql/pglite';
import type { Db } from './db';
import { beginSql, currentOrganisation } from './organisation-context';
import { concat, isStalePlan, PreparedStatements, type Send } from './pglite-statements';

// PGlite is a single connection: two instances on one data directory would corrupt it, and even in
// memory a second instance doubles the start-up cost. One per process, enforced here.
let openInstance: PGlite | null = null;

/**
 * Commit-then-acknowledge rests on this: COMMIT returns only once its WAL has been written to the
 * data directory (PGlite's NodeFS writes straight through to the files, so a SIGKILL of the process
 * cannot lose it). PGlite's defaults already say so; set here so no postgresql.conf can turn it off.
 * PGlite also runs with fsync off and NodeFS has no fsync: a power cut of the machine may lose the
 * last commits. Use PostgreSQL (DATABASE_URL) where that matters.
 */
const START_PARAMS = [...PGlite.defaultStartParams, '-c', 'synchronous_commit=on'];

/** Opens PGlite at `dataDir` (a directory, or 'memory://'). Only one may be open per process. */
export async function openPgliteDb(dataDir: string): Promise<Db> {
  if (openInstance) throw new Error('A PGlite database is already open in this process: close it first.');
  const pg = await PGlite.create(dataDir, { startParams: START_PARAMS });
  openInstance = pg;
  return wrapPglite(pg);
}

const { serialize } = protocol;
const turnOfEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

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
    // PGlite runs synchronously inside promise callbacks, so a queue of transactions would run back to
    // back without the event loop ever turning: new connections wait unaccepted (seconds under load) and
    // /api/health goes unanswered. Each turn therefore starts from the event loop.
    const result = tail.then(turnOfEventLoop).then(fn);
    tail = result.catch(() => undefined);
    return result;
  }

  // pg.query() parses, plans and describes every statement again, in six calls into the WASM Postgres.
  // Each distinct SQL text is prepared once instead, then runs in one call (bind, execute, sync):
  // several times faster for the server's short queries. Values are serialized by PGlite's own
  // serializers for the parameter types Postgres reported, and rows parsed by its parsers, as query() does.
  const statements = new PreparedStatements(serialize);
  const send: Send = (message) => pg.execProtocolStream(message, { syncToFs: false });
  // `around`: a BEGIN … COMMIT to run it in, in the same call (a plain query of an organisation's request).
  async function run<T>(sql: string, params: readonly unknown[], sendVia = send, around?: { begin: string }): Promise<T[]> {
    const statement = await statements.get(sql, sendVia);
    const values = params.map((value, i) => {
      if (value === null || value === undefined) return null;
      const serializer = pg.serializers[statement.paramTypes[i]!];
      return serializer ? serializer(value) : String(value);
    });
    const bound = [serialize.bind({ statement: statement.name, values }), serialize.execute({}), serialize.sync()];
    const messages = await statements.execute(
      sql,
      statement,
      concat(around ? [serialize.query(around.begin), ...bound, serialize.query('commit')] : bound),
      sendVia,
    );
    const results = parse.parseResults(messages, pg.parsers);
    // A failed statement has thrown above, and the COMMIT behind it became a ROLLBACK.
    if (around && results.pop()?.command !== 'COMMIT') throw new TransactionAbortedError();
    // The last result: a transaction's BEGIN may have travelled in front of it.
    return (results.at(-1)?.rows ?? []) as T[];
  }
  const simple = (sql: string, sendVia = send) => sendVia(serialize.query(sql));

  const db: Db = {
    query: <T>(sql: string, params: readonly unknown[] = []) => {
      // An organisation's query is a transaction of its own, as the app role (BEGIN, the query and
      // COMMIT in one call); the owner's is a plain statement.
      const organisationId = currentOrganisation();
      const around = organisationId === null ? undefined : { begin: beginSql(organisationId) };
      return inTurn(async () => {
        // Outside a transaction nothing is lost by preparing a stale statement again (inside one, the
        // error has already aborted it, and the COMMIT sent with it rolled it back).
        const rows = await run<T>(sql, params, send, around).catch((error: unknown) => {
          if (isStalePlan(error)) return run<T>(sql, params, send, around);
          throw error;
        });
        await pg.syncToFs();
        return rows;
      });
    },
    exec: (sql) => {
      if (currentOrganisation() !== null) return db.transaction((tx) => tx.exec(sql));
      return inTurn(async () => {
        await simple(sql);
        await pg.syncToFs();
      });
    },
    transaction: (fn) => {
      const begin = beginSql(currentOrganisation());
      return inTurn(() =>
        inTransaction.run(true, async () => {
          // BEGIN (for an organisation's request, with the switch to the app role: beginSql) goes in front
          // of the transaction's first message rather than on its own: one call fewer into the WASM
          // Postgres for every transaction. A transaction that sends nothing never begins.
          let begun = false;
          let open = true;
          const sendInTransaction: Send = (message) => {
            if (!begun) {
              begun = true;
              message = concat([serialize.query(begin), message]);
            }
            return send(message);
          };
          const tx = wrapTransaction(() => open, {
            run: (sql, params) => run(sql, params, sendInTransaction),
            exec: (sql) => simple(sql, sendInTransaction),
          });
          try {
            const result = await fn(tx);
            // Closed before COMMIT: a COMMIT that fails has already ended the transaction.
            open = false;
            if (begun) {
              const [committed] = parse.parseResults(await simple('commit'), pg.parsers);
              if (committed?.command === 'ROLLBACK') throw new TransactionAbortedError();
              await pg.syncToFs();
            }
            return result;
          } catch (error) {
            if (open) {
              open = false;
              if (begun) await simple('rollback');
            }
            throw error;
          }
        }),
      );
    },
    async close() {
      await inTurn(async () => {
        if (!pg.closed) await pg.close();
      });
      if (openInstance === pg) openInstance = null;
    },
  };
  return db;
}

function wrapTransaction(
  isOpen: () => boolean,
  via: { run: <T>(sql: string, params: readonly unknown[]) => Promise<T[]>; exec: (sql: string) => Promise<unknown> },
): Db {
  const checkOpen = () => {
    if (!isOpen()) throw new Error('This transaction has ended: use the database, not the old tx.');
  };
  const tx: Db = {
    query: async <T>(sql: string, params: readonly unknown[] = []) => {
      checkOpen();
      return via.run<T>(sql, params);
    },
    exec: async (sql) => {
      checkOpen();
      await via.exec(sql);
    },
    transaction: (fn) => fn(tx),
    close: () => Promise.reject(new Error('Close the database, not a transaction.')),
  };
  return tx;
}
