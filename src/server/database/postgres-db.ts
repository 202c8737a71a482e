import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Db } from './db';
import { beginSql, currentOrganisation } from './organisation-context';

// Each distinct SQL text runs as a named prepared statement, so PostgreSQL parses and plans it once per
// connection rather than on every call. After "cached plan must not change result type" (a table it
// reads changed shape) the text gets a new name, so it is prepared again instead of failing for ever.
const STALE_PLAN = '0A000';
const generations = new Map<string, number>();
function prepared(sql: string, params: readonly unknown[]): pg.QueryConfig {
  const generation = generations.get(sql) ?? 0;
  const name = `h${createHash('sha1').update(sql).digest('hex').slice(0, 20)}_${generation}`;
  return { name, text: sql, values: [...params] };
}
async function run<T>(client: pg.Pool | pg.PoolClient, sql: string, params: readonly unknown[]): Promise<T[]> {
  try {
    return (await client.query(prepared(sql, params))).rows as T[];
  } catch (error) {
    if ((error as { code?: string }).code === STALE_PLAN) generations.set(sql, (generations.get(sql) ?? 0) + 1);
    throw error;
  }
}

/** Opens a node-postgres pool on DATABASE_URL and checks that it answers. */
export async function openPostgresDb(connectionString: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle client losing its connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  await pool.query('select 1');
  const db: Db = {
    // An organisation's request runs each query as a transaction of its own, as the app role (three
    // round trips: BEGIN with the switch, the query, COMMIT); the owner's go straight to the pool.
    query: <T>(sql: string, params: readonly unknown[] = []) =>
      currentOrganisation() === null ? run<T>(pool, sql, params) : db.transaction((tx) => tx.query<T>(sql, params)),
    exec: async (sql) => {
      if (currentOrganisation() === null) await pool.query(sql);
      else await db.transaction((tx) => tx.exec(sql));
    },
    async transaction(fn) {
      // Read before waiting for a connection: the request's organisation, or none for the owner.
      const begin = beginSql(currentOrganisation());
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        // Simple protocol (no parameters), so BEGIN and the switch to the app role are one round trip.
        await client.query(begin);
        const result = await fn(wrapClient(client));
        await client.query('commit');
        return result;
      } catch (error) {
        // A connection that cannot even roll back is thrown away rather than returned to the pool.
        await client.query('rollback').catch((rollbackError: Error) => (broken = rollbackError));
        throw error;
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
  return db;
}

function wrapClient(client: pg.PoolClient): Db {
  const db: Db = {
    query: <T>(sql: string, params: readonly unknown[] = []) => run<T>(client, sql, params),
    exec: async (sql) => void (await client.query(sql)),
    transaction: (fn) => fn(db),
    close: () => Promise.reject(new Error('Close the database, not a transaction.')),
  };
  return db;
}
