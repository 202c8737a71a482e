/**
 * The one way server code reaches the database. Two implementations: PGlite (one embedded connection)
 * and node-postgres (a pool). Parameters are always passed separately from the SQL text.
 */
export interface Db {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Several statements with no parameters, e.g. a migration file. */
  exec(sql: string): Promise<void>;
  /**
   * Runs `fn` in one transaction: committed if it resolves, rolled back if it throws.
   * Inside, use only `tx`. Calling `transaction` on `tx` runs in the same transaction (no nesting).
   */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
