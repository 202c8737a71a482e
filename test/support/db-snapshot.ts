import type { Db } from '../../src/server/database/db';

/** One table's state: how many rows, and an MD5 of every row (as JSON, sorted), so any change shows. */
export interface TableState {
  rows: number;
  hash: string;
}

export type DbSnapshot = Record<string, TableState>;

export interface SnapshotOptions {
  /** Tables left out entirely (e.g. 'sessions', which signing in writes to). */
  ignoreTables?: readonly string[];
  /** Columns left out of a table's hash, e.g. { sessions: ['last_seen_at'] } for a clock every request moves. */
  ignoreColumns?: Readonly<Record<string, readonly string[]>>;
}

/**
 * Every table in the public schema, counted and hashed row by row, to prove a refused request changed
 * nothing. Rows are hashed as JSON in sorted order, so the hash does not depend on the physical order.
 * Run it on a connection that sees every organisation's rows (the test world's own `db`), or a row-level
 * security policy would make every table look empty and unchanged: check `totalRows` is what you expect.
 */
export async function snapshotDb(db: Db, options: SnapshotOptions = {}): Promise<DbSnapshot> {
  const tables = await db.query<{ name: string }>(
    `select table_name as name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`,
  );
  const kept = tables.map((t) => t.name).filter((name) => !options.ignoreTables?.includes(name));
  if (kept.length === 0) return {};
  // One statement for every table, so a test can snapshot after each of thousands of requests.
  const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;
  const parts = kept.map((name) => {
    const dropped = (options.ignoreColumns?.[name] ?? []).map(literal).join(', ');
    return `select ${literal(name)} as name, count(*)::int as rows,
              md5(coalesce(string_agg(j::text, E'\\n' order by j::text), '')) as hash
         from (select to_jsonb(t) - array[${dropped}]::text[] as j from "${name.replaceAll('"', '""')}" t) s`;
  });
  const rows = await db.query<TableState & { name: string }>(parts.join('\n union all\n'));
  return Object.fromEntries(rows.map(({ name, rows: count, hash }) => [name, { rows: count, hash }]));
}

/** Every row of `table` as JSON (for looking for a value a request should have stored verbatim). */
export async function rowsOf(db: Db, table: string): Promise<unknown[]> {
  const rows = await db.query<{ j: unknown }>(`select to_jsonb(t) as j from "${table.replaceAll('"', '""')}" t`);
  return rows.map((r) => r.j);
}

export function totalRows(snapshot: DbSnapshot): number {
  return Object.values(snapshot).reduce((sum, table) => sum + table.rows, 0);
}

/** The tables whose rows differ, e.g. ['carers: 12 → 13 rows', 'people: rows changed'], empty if none. */
export function changedTables(before: DbSnapshot, after: DbSnapshot): string[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const changes: string[] = [];
  for (const name of names) {
    const a = before[name];
    const b = after[name];
    if (!a || !b) changes.push(`${name}: table ${a ? 'dropped' : 'added'}`);
    else if (a.rows !== b.rows) changes.push(`${name}: ${a.rows} → ${b.rows} rows`);
    else if (a.hash !== b.hash) changes.push(`${name}: rows changed`);
  }
  return changes;
}
