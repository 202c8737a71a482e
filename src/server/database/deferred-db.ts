import type { Db } from './db';

/**
 * A Db that waits for `opening` before each call. It lets the server listen (and answer /api/health)
 * while a fresh PGlite directory is still being created, which takes several seconds on first start.
 */
export function deferredDb(opening: Promise<Db>): Db {
  // Mark the promise as handled here; the caller awaits it and reports the failure.
  opening.catch(() => undefined);
  return {
    query: async (sql, params) => (await opening).query(sql, params),
    exec: async (sql) => (await opening).exec(sql),
    transaction: async (fn) => (await opening).transaction(fn),
    close: async () => (await opening).close(),
  };
}
