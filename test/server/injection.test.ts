import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../src/domain/api';
import { DEMO_ADMIN, DEMO_CARE_WORKER } from '../../src/server/seed/demo-data';
import { changedTables, rowsOf, snapshotDb, totalRows, type DbSnapshot } from '../support/db-snapshot';
import { jsonRoutes, QUERY_ROUTES, type Caller, type JsonCase, type JsonRoute } from '../support/json-routes';
import { makeServerWorld, type ServerWorld } from '../support/server-world';

/**
 * B4 injection: SQL-meta and PostgreSQL-specific text in every string field of every JSON-body route,
 * and in every query parameter. Queries are parameterised, so each is either refused by the schema
 * (and changes nothing) or stored exactly as typed: an apostrophe in a name is a name.
 */
const PAYLOADS = [
  "'; drop table carers; --",
  "' or '1'='1",
  "O'Brien",
  '" or ""="',
  '$$; drop table people; $$',
  '$tag$ select 1 $tag$',
  '\\x00',
  "E'\\x27' || 'x'",
  "'); select pg_sleep(5); --",
  '1; select pg_sleep(5)',
  "x'::text || current_user || '",
  '/* comment */ select 1',
  '-- a comment',
  "admin'--",
  "%' or 1=1 --",
  '_%_\\%',
  "\\'; copy carers to '/tmp/hearth-x'; --",
  "'||(select string_agg(email, ',') from users)||'",
  "U&'\\0041'",
  'Robert"); DROP TABLE students;--',
] as const;

/** A request slower than this would mean a pg_sleep ran. */
const SLOW_MS = 4_000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Paths of the string fields, the first item of each list standing for the rest. */
function stringPaths(value: Json, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.length > 0 ? stringPaths(value[0]!, [...path, 0]) : [];
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]));
  return [];
}

function withValue(body: Json, path: (string | number)[], value: string): Json {
  const copy = structuredClone(body);
  let parent = copy as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  parent[path.at(-1)!] = value;
  return copy;
}

function containsText(value: unknown, text: string): boolean {
  if (typeof value === 'string') return value.includes(text);
  if (Array.isArray(value)) return value.some((item) => containsText(item, text));
  if (value !== null && typeof value === 'object') return Object.values(value).some((item) => containsText(item, text));
  return false;
}

describe('B4 injection: SQL in every string field is refused or stored verbatim', () => {
  let world: ServerWorld;
  let cookies: Record<Exclude<Caller, 'signed-out'>, string>;
  let routes: JsonRoute[];
  beforeAll(async () => {
    world = await makeServerWorld();
    cookies = { admin: await world.signIn(DEMO_ADMIN), organiser: await world.signInOnTablet(), 'care-worker': await world.signIn(DEMO_CARE_WORKER) };
    routes = jsonRoutes(world, cookies);
  }, 60_000);
  afterAll(() => world.close());

  const snapshot = () => snapshotDb(world.db, { ignoreColumns: { sessions: ['last_seen_at'], devices: ['last_seen_at'] } });

  it(`puts ${PAYLOADS.length} payloads in every string field: 0 5xx, no pg_sleep, nothing changed by a refusal, and what is stored is verbatim`, async () => {
    const problems: string[] = [];
    const byStatus: Record<string, number> = {};
    let cases = 0;
    let stored = 0;
    let slowest = 0;
    for (const route of routes) {
      const cookie = route.as === 'signed-out' ? undefined : cookies[route.as];
      let valid: JsonCase = await route.make();
      let last: DbSnapshot = await snapshot();
      for (const path of stringPaths(valid.body as Json)) {
        for (const payload of PAYLOADS) {
          const body = withValue(valid.body as Json, path, payload);
          const started = performance.now();
          const response = await world.app.inject({ method: route.method, url: valid.url, headers: cookie ? { cookie } : {}, payload: body as object });
          const ms = performance.now() - started;
          slowest = Math.max(slowest, ms);
          cases++;
          byStatus[response.statusCode] = (byStatus[response.statusCode] ?? 0) + 1;
          const where = `${route.method} ${route.pattern} ${path.join('.')} = ${JSON.stringify(payload)} → ${response.statusCode}`;
          if (response.statusCode >= 500) problems.push(`${where}: ${response.body.slice(0, 200)}`);
          if (ms > SLOW_MS) problems.push(`${where}: took ${Math.round(ms)} ms`);
          const now = await snapshot();
          const changes = changedTables(last, now);
          const changed = Object.keys(now).filter((t) => JSON.stringify(now[t]) !== JSON.stringify(last[t]));
          if (response.statusCode >= 400) {
            if (!ApiErrorSchema.safeParse(JSON.parse(response.body || 'null')).success) problems.push(`${where}: not an ApiError: ${response.body.slice(0, 200)}`);
            const unexpected = changed.filter((t) => !(route.refusalWrites ?? []).includes(t));
            if (unexpected.length > 0) problems.push(`${where}: a refusal changed ${changes.join(', ')}`);
          } else {
            const unexpected = changed.filter((t) => ![...route.writes, 'audit_events'].includes(t));
            if (unexpected.length > 0) problems.push(`${where}: changed tables it should not: ${changes.join(', ')}`);
            const written = changed.filter((t) => t !== 'audit_events');
            if (written.length > 0) {
              stored++;
              const found = (await Promise.all(written.map((t) => rowsOf(world.db, t)))).some((rows) => containsText(rows, payload));
              if (!found) problems.push(`${where}: stored, but not verbatim (looked in ${written.join(', ')})`);
            }
            // Versions and ids move on after a write: the next request starts from the record as it is now.
            valid = await route.make();
            last = await snapshot();
            continue;
          }
          last = now;
        }
      }
    }

    for (const { pattern, valid } of QUERY_ROUTES) {
      const before = await snapshot();
      for (const key of Object.keys(valid)) {
        for (const payload of PAYLOADS) {
          const query = new URLSearchParams({ ...valid, [key]: payload }).toString();
          const response = await world.app.inject({ method: 'GET', url: `${pattern}?${query}`, headers: { cookie: cookies.organiser } });
          cases++;
          byStatus[response.statusCode] = (byStatus[response.statusCode] ?? 0) + 1;
          if (response.statusCode >= 500 || response.statusCode === 200) problems.push(`GET ${pattern}?${query} → ${response.statusCode}: ${response.body.slice(0, 160)}`);
        }
      }
      const changes = changedTables(before, await snapshot());
      if (changes.length > 0) problems.push(`GET ${pattern}: refused queries changed ${changes.join(', ')}`);
    }

    const after = await snapshot();
    expect(totalRows(after)).toBeGreaterThan(50);
    console.log(JSON.stringify({ cases, payloads: PAYLOADS.length, fiveHundreds: Object.entries(byStatus).filter(([s]) => Number(s) >= 500).length, storedVerbatim: stored, anomalies: problems.length, slowestMs: Math.round(slowest), byStatus }));
    expect(problems).toEqual([]);
    expect(stored).toBeGreaterThan(0);
  }, 300_000);

  it("stores a name with an apostrophe exactly as typed, and the tables it was aimed at are all still there", async () => {
    const added = await world.app.inject({ method: 'POST', url: '/api/people', headers: { cookie: cookies.organiser }, payload: { firstName: "Siân O'Brien'; drop table people; --" } });
    expect(added.statusCode).toBe(201);
    const [row] = await world.db.query<{ first_name: string }>('select first_name from people where id = $1', [(added.json() as { id: string }).id]);
    expect(row!.first_name).toBe("Siân O'Brien'; drop table people; --");
    const tables = await world.db.query<{ name: string }>("select table_name as name from information_schema.tables where table_schema = 'public'");
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['people', 'carers', 'users', 'events', 'visits']));
  });
});
