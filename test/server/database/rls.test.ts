import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/server/database/db';
import { APP_ROLE, asOwner, withOrganisation } from '../../../src/server/database/organisation-context';
import { requireSession } from '../../../src/server/http/require-session';
import { VisitPackSchema } from '../../../src/domain/visits';
import { makeOutcomeEvent, makePush } from '../../support/server-events';
import { makeServerWorld, OTHER_ORGANISER, type ServerWorld } from '../../support/server-world';

// RELIABILITY A2 (rls-backstop): PostgreSQL row-level security as the second line of tenant isolation.
// Runs on PGlite, and on PostgreSQL when DATABASE_URL is set (scripts/with-temp-postgres.sh).

/** Tables every organisation shares on purpose, so they have no organisation_id (migration 0014 says why). */
const SHARED_TABLES = ['login_attempts', 'organisations', 'schema_migrations'];
const NOBODY = '00000000-0000-4000-8000-000000000000';

type Setting = { kind: 'organisation'; id: string } | { kind: 'unset' } | { kind: 'empty' };

/**
 * Raw SQL as the app role, set up by hand rather than by the Db's own switching: `fn` runs in a
 * transaction that did SET LOCAL ROLE hearth_app and set (or not) hearth.organisation_id. Rolled back.
 */
async function asAppRole<T>(db: Db, setting: Setting, fn: (tx: Db) => Promise<T>): Promise<T> {
  const rolledBack = new Error('rolled back on purpose');
  let result: T | undefined;
  await asOwner(() =>
    db.transaction(async (tx) => {
      await tx.query(`set local role ${APP_ROLE}`);
      if (setting.kind !== 'unset') {
        await tx.query(`select set_config('hearth.organisation_id', $1, true)`, [setting.kind === 'organisation' ? setting.id : '']);
      }
      result = await fn(tx);
      throw rolledBack;
    }),
  ).catch((error: unknown) => {
    if (error !== rolledBack) throw error;
  });
  return result as T;
}

const quoted = (table: string) => `"${table.replace(/"/g, '""')}"`;

const OWN_ORGANISATION = /^\(organisation_id = \(NULLIF\(current_setting\('hearth\.organisation_id'::text, true\), ''::text\)\)::uuid\)$/;

/** What is wrong with row-level security on the tables that have an organisation_id: one line each. */
async function tenantCatalogProblems(db: Db): Promise<string[]> {
  const rows = await db.query<{ table_name: string; relrowsecurity: boolean; relforcerowsecurity: boolean; column_type: string; policies: Policy[] }>(
    `select c.relname as table_name, c.relrowsecurity, c.relforcerowsecurity, format_type(a.atttypid, a.atttypmod) as column_type,
            coalesce((select jsonb_agg(jsonb_build_object(
                      'name', p.polname, 'command', p.polcmd, 'permissive', p.polpermissive,
                      'roles', (select jsonb_agg(coalesce(r.rolname, 'public')) from unnest(p.polroles) as pr(oid) left join pg_roles r on r.oid = pr.oid),
                      'using', pg_get_expr(p.polqual, p.polrelid), 'check', pg_get_expr(p.polwithcheck, p.polrelid)))
               from pg_policy p where p.polrelid = c.oid), '[]'::jsonb) as policies
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attname = 'organisation_id' and not a.attisdropped
      where n.nspname = current_schema() and c.relkind in ('r', 'p')
      order by 1`,
  );
  const problems: string[] = [];
  for (const row of rows) {
    const table = row.table_name;
    if (!row.relrowsecurity) problems.push(`${table}: row-level security is not enabled`);
    if (!row.relforcerowsecurity) problems.push(`${table}: row-level security is not forced`);
    if (row.column_type !== 'uuid') problems.push(`${table}: organisation_id is ${row.column_type}, not uuid`);
    // Exactly one policy, for the app role, for every command: a second permissive one (USING true) would open the table.
    const [policy, ...others] = row.policies;
    const isOurs =
      policy !== undefined &&
      others.length === 0 &&
      policy.name === 'own_organisation' &&
      policy.command === '*' &&
      policy.permissive &&
      JSON.stringify(policy.roles) === JSON.stringify([APP_ROLE]) &&
      OWN_ORGANISATION.test(policy.using ?? '') &&
      OWN_ORGANISATION.test(policy.check ?? '');
    if (!isOurs) problems.push(`${table}: policies ${JSON.stringify(row.policies)} are not the one own_organisation policy`);
  }
  return problems;
}

interface Policy {
  name: string;
  command: string;
  permissive: boolean;
  roles: string[];
  using: string | null;
  check: string | null;
}

describe('row-level security (A2)', () => {
  let world: ServerWorld;
  let db: Db;
  let orgA: string;
  let orgB: string;
  let tenantTables: string[];
  /** As the owner: rows per tenant table and organisation. */
  let ownerCounts: Map<string, { a: number; b: number }>;

  beforeAll(async () => {
    world = await makeServerWorld();
    db = world.db;
    orgA = world.demo.organisationId;
    orgB = world.other.organisationId;
    installProbe(world.app, db);
    // Records in the tables the seed leaves empty: sessions, devices, events, follow-ups, audit entries.
    for (const [login, visitId, deviceId] of [
      [undefined, world.demo.visits.Hilda!, '0190f5a2-7b3c-7d4e-8f00-00000000a001'],
      [OTHER_ORGANISER, world.other.visits.Hilda!, '0190f5a2-7b3c-7d4e-8f00-00000000b001'],
    ] as const) {
      const cookie = await world.signInOnTablet(login, deviceId);
      const packed = await world.app.inject({ method: 'GET', url: `/api/visits/${visitId}/pack`, headers: { cookie } });
      const candidates = VisitPackSchema.parse(packed.json()).candidates.map((c) => c.id);
      const event = makeOutcomeEvent(visitId, candidates, { deviceId });
      const pushed = await world.app.inject({ method: 'POST', url: '/api/events', headers: { cookie }, payload: makePush([event], { deviceId }) });
      expect(pushed.statusCode, pushed.body).toBe(200);
    }

    tenantTables = (
      await db.query<{ table_name: string }>(
        `select c.relname as table_name
           from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where n.nspname = current_schema() and c.relkind in ('r', 'p')
            and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'organisation_id' and not a.attisdropped)
          order by 1`,
      )
    ).map((r) => r.table_name);
    ownerCounts = new Map();
    for (const table of tenantTables) {
      const [row] = await db.query<{ a: number; b: number }>(
        `select count(*) filter (where organisation_id = $1)::int as a, count(*) filter (where organisation_id = $2)::int as b from ${quoted(table)}`,
        [orgA, orgB],
      );
      ownerCounts.set(table, row!);
    }
  });
  afterAll(() => world.close());

  it('runs as a role that is not a superuser and has no BYPASSRLS, with no login and owning nothing', async () => {
    const [viaSwitch] = await withOrganisation(orgA, () =>
      db.query<{ current_user: string; rolsuper: boolean; rolbypassrls: boolean; rolcanlogin: boolean; rolcreaterole: boolean; rolcreatedb: boolean }>(
        `select current_user, rolsuper, rolbypassrls, rolcanlogin, rolcreaterole, rolcreatedb from pg_roles where rolname = current_user`,
      ),
    );
    expect(viaSwitch).toEqual({ current_user: APP_ROLE, rolsuper: false, rolbypassrls: false, rolcanlogin: false, rolcreaterole: false, rolcreatedb: false });
    const [byHand] = await asAppRole(db, { kind: 'unset' }, (tx) =>
      tx.query<{ current_user: string; rolsuper: boolean; rolbypassrls: boolean }>(`select current_user, rolsuper, rolbypassrls from pg_roles where rolname = current_user`),
    );
    expect(byHand).toEqual({ current_user: APP_ROLE, rolsuper: false, rolbypassrls: false });
    // Owning a table would let it turn row-level security off (or run as the owner of a view or function).
    const [owned] = await db.query<{ n: number }>(
      `select (select count(*) from pg_class where relowner = r.oid) + (select count(*) from pg_proc where proowner = r.oid)
            + (select count(*) from pg_namespace where nspowner = r.oid) as n
         from pg_roles r where rolname = $1`,
      [APP_ROLE],
    );
    expect(Number(owned!.n)).toBe(0);
  });

  it('covers every table with an organisation_id: row-level security enabled and forced, one policy for the app role', async () => {
    expect(tenantTables.length).toBeGreaterThanOrEqual(15);
    expect(await tenantCatalogProblems(db)).toEqual([]);
  });

  it('would catch a new tenant table left unprotected, until the migration helper is run for it', async () => {
    const rolledBack = new Error('rolled back on purpose');
    let found: { before: string[]; after: string[] } | undefined;
    await db
      .transaction(async (tx) => {
        await tx.exec('create table scratch_records (organisation_id uuid not null, note text)');
        const before = await tenantCatalogProblems(tx);
        await tx.query('select hearth_protect_tenant_tables()');
        found = { before, after: await tenantCatalogProblems(tx) };
        throw rolledBack;
      })
      .catch((error: unknown) => {
        if (error !== rolledBack) throw error;
      });
    expect(found).toEqual({
      before: ['scratch_records: row-level security is not enabled', 'scratch_records: row-level security is not forced', 'scratch_records: policies [] are not the one own_organisation policy'],
      after: [],
    });
  });

  it('leaves only the documented shared tables without an organisation_id, and gives the app role nothing there but its own organisation', async () => {
    const all = (
      await db.query<{ relname: string }>(
        `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace where n.nspname = current_schema() and c.relkind in ('r', 'p') order by 1`,
      )
    ).map((r) => r.relname);
    expect(all.filter((t) => !tenantTables.includes(t))).toEqual(SHARED_TABLES);
    const privileges = await db.query<{ table_name: string; privilege: string }>(
      `select c.relname as table_name, p.privilege
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
         cross join unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) as p(privilege)
        where n.nspname = current_schema() and c.relname = any($1::text[]) and has_table_privilege($2, c.oid, p.privilege)
        order by 1, 2`,
      [SHARED_TABLES, APP_ROLE],
    );
    expect(privileges).toEqual([{ table_name: 'organisations', privilege: 'SELECT' }]);
    // No TRUNCATE or TRIGGER anywhere: TRUNCATE ignores row-level security.
    const [dangerous] = await db.query<{ n: number }>(
      `select count(*)::int as n from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema() and c.relkind in ('r', 'p')
          and (has_table_privilege($1, c.oid, 'TRUNCATE') or has_table_privilege($1, c.oid, 'TRIGGER') or has_table_privilege($1, c.oid, 'REFERENCES'))`,
      [APP_ROLE],
    );
    expect(dangerous!.n).toBe(0);
    // Append-only records stay append-only for the app role.
    for (const table of ['events', 'audit_events']) {
      const [row] = await db.query<{ update: boolean; delete: boolean }>(
        `select has_table_privilege($1, $2::regclass, 'UPDATE') as update, has_table_privilege($1, $2::regclass, 'DELETE') as delete`,
        [APP_ROLE, table],
      );
      expect(row, table).toEqual({ update: false, delete: false });
    }
  });

  it("with organisation A's context returns A's rows and not one of B's, in every tenant table", async () => {
    const seen = await asAppRole(db, { kind: 'organisation', id: orgA }, async (tx) => {
      const counts = new Map<string, { a: number; b: number; all: number }>();
      for (const table of tenantTables) {
        const [row] = await tx.query<{ a: number; b: number; all: number }>(
          `select count(*) filter (where organisation_id = $1)::int as a, count(*) filter (where organisation_id = $2)::int as b, count(*)::int as "all" from ${quoted(table)}`,
          [orgA, orgB],
        );
        counts.set(table, row!);
      }
      const organisations = await tx.query<{ id: string }>('select id from organisations');
      return { counts, organisations: organisations.map((o) => o.id) };
    });
    for (const table of tenantTables) {
      const owner = ownerCounts.get(table)!;
      expect({ table, ...seen.counts.get(table) }).toEqual({ table, a: owner.a, b: 0, all: owner.a });
    }
    expect(seen.organisations).toEqual([orgA]);
    // The check means something only where B has rows: most tables do after the seed and a push each.
    const withB = tenantTables.filter((t) => ownerCounts.get(t)!.b > 0);
    for (const table of ['users', 'sessions', 'people', 'carers', 'media', 'visits', 'visit_candidates', 'devices', 'events', 'audit_events']) {
      expect(withB, table).toContain(table);
    }
  });

  it('returns no rows at all with no organisation set, with an empty one, or with one that has no records', async () => {
    for (const setting of [{ kind: 'unset' }, { kind: 'empty' }, { kind: 'organisation', id: NOBODY }] as const) {
      const totals = await asAppRole(db, setting, async (tx) => {
        const found: Record<string, number> = {};
        for (const table of [...tenantTables, 'organisations']) {
          found[table] = (await tx.query<{ n: number }>(`select count(*)::int as n from ${quoted(table)}`))[0]!.n;
        }
        return found;
      });
      expect(totals, setting.kind).toEqual(Object.fromEntries([...tenantTables, 'organisations'].map((t) => [t, 0])));
    }
  });

  it("refuses to write into organisation B: inserts and moves are stopped by WITH CHECK, B's rows cannot be reached", async () => {
    const personB = world.other.people.Hilda!;
    const attempt = (setting: Setting, sql: string, params: unknown[] = []) =>
      asAppRole(db, setting, (tx) => tx.query(sql, params)).then(
        (rows) => ({ ok: true as const, rows: rows.length }),
        (error: { code?: string; message?: string }) => ({ ok: false as const, code: error.code, message: error.message ?? '' }),
      );
    const asA: Setting = { kind: 'organisation', id: orgA };

    const insert = await attempt(asA, `insert into people (id, organisation_id, first_name) values (gen_random_uuid(), $1, 'Intruder') returning id`, [orgB]);
    expect(insert).toMatchObject({ ok: false, code: '42501', message: expect.stringMatching(/row-level security/) });
    for (const setting of [{ kind: 'unset' }, { kind: 'empty' }] as const) {
      const orphan = await attempt(setting, `insert into people (id, organisation_id, first_name) values (gen_random_uuid(), $1, 'Intruder')`, [orgA]);
      expect(orphan, setting.kind).toMatchObject({ ok: false, code: '42501' });
    }
    expect(await attempt(asA, `update people set first_name = 'Changed' where id = $1 returning id`, [personB])).toEqual({ ok: true, rows: 0 });
    expect(await attempt(asA, `delete from people where organisation_id = $1 returning id`, [orgB])).toEqual({ ok: true, rows: 0 });

    // Moving one of A's own rows into B, in every tenant table that has one.
    for (const table of tenantTables.filter((t) => ownerCounts.get(t)!.a > 0)) {
      const moved = await attempt(asA, `update ${quoted(table)} set organisation_id = $1 where ctid = (select ctid from ${quoted(table)} limit 1) returning 1`, [orgB]);
      const appendOnly = table === 'events' || table === 'audit_events';
      expect({ table, ...moved }, table).toMatchObject({
        table,
        ok: false,
        code: '42501',
        message: appendOnly ? expect.stringMatching(/permission denied/) : expect.stringMatching(/row-level security/),
      });
    }

    const [after] = await db.query<{ first_name: string }>('select first_name from people where id = $1', [personB]);
    expect(after!.first_name).toBe('Hilda');
    for (const table of tenantTables) {
      const [row] = await db.query<{ b: number }>(`select count(*)::int as b from ${quoted(table)} where organisation_id = $1`, [orgB]);
      expect({ table, b: row!.b }).toEqual({ table, b: ownerCounts.get(table)!.b });
    }
  });

  it('has no view, materialised view or SECURITY DEFINER function that would run as a role that skips row-level security', async () => {
    // A view runs with its owner's rights unless security_invoker is set, and the owner here skips
    // row-level security; a materialised view has none at all. None exists now: a new one must say.
    const views = await db.query<{ relname: string; relkind: string; invoker: boolean }>(
      `select c.relname, c.relkind, coalesce('security_invoker=true' = any(c.reloptions) or 'security_invoker=on' = any(c.reloptions), false) as invoker
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = current_schema() and c.relkind in ('v', 'm')`,
    );
    expect(views.filter((v) => v.relkind === 'm' || !v.invoker)).toEqual([]);
    const definers = await db.query<{ proname: string; owner: string }>(
      `select p.proname, pg_get_userbyid(p.proowner) as owner from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = current_schema() and p.prosecdef`,
    );
    expect(definers).toEqual([]);
    // The migrations' own helper runs as whoever calls it, and only the owner may.
    const [helper] = await db.query<{ app_may_run: boolean; definer: boolean }>(
      `select has_function_privilege($1, 'hearth_protect_tenant_tables()', 'EXECUTE') as app_may_run, prosecdef as definer
         from pg_proc where proname = 'hearth_protect_tenant_tables'`,
      [APP_ROLE],
    );
    expect(helper).toEqual({ app_may_run: false, definer: false });
  });

  it('runs an ordinary signed-in request as the app role with its own organisation, and the sign-in look-ups as the owner', async () => {
    const cookieA = await world.signIn();
    const probe = await world.app.inject({ method: 'GET', url: '/api/test-rls-probe', headers: { cookie: cookieA } });
    expect(probe.statusCode, probe.body).toBe(200);
    expect(probe.json()).toEqual({
      // A plain query, and a transaction.
      query: { who: APP_ROLE, organisation: orgA, organisations: [orgA] },
      transaction: { who: APP_ROLE, organisation: orgA, organisations: [orgA] },
      // Later in the same request, after other awaits, still the same.
      later: { who: APP_ROLE, organisation: orgA, organisations: [orgA] },
    });
    const signedOut = await world.app.inject({ method: 'GET', url: '/api/test-rls-probe' });
    expect(signedOut.statusCode).toBe(401);
    // A route without a session (like sign-in, which finds the account by email) runs as the owner.
    const open = await world.app.inject({ method: 'GET', url: '/api/test-rls-probe-open', headers: { cookie: cookieA } });
    expect(open.json()).toEqual({ who: expect.not.stringMatching(APP_ROLE), organisation: null, skipsRowSecurity: true });
  });

  it("runs a real route's writes as the app role (a trigger records who wrote)", async () => {
    await db.exec(`
      create table rls_probe_log (who text, organisation text);
      grant insert on rls_probe_log to ${APP_ROLE};
      create function rls_probe_note() returns trigger language plpgsql as $$
      begin
        insert into rls_probe_log values (current_user, current_setting('hearth.organisation_id', true));
        return null;
      end $$;
      create trigger rls_probe after insert on people for each statement execute function rls_probe_note();`);
    try {
      const cookieB = await world.signIn(OTHER_ORGANISER);
      const added = await world.app.inject({ method: 'POST', url: '/api/people', headers: { cookie: cookieB }, payload: { firstName: 'Probe' } });
      expect(added.statusCode, added.body).toBe(201);
      expect(await db.query('select who, organisation from rls_probe_log')).toEqual([{ who: APP_ROLE, organisation: orgB }]);
    } finally {
      await db.exec('drop trigger rls_probe on people; drop function rls_probe_note(); drop table rls_probe_log;');
    }
  });

  it("leaves the connection as it was after an organisation's query or transaction fails", async () => {
    const whoSql = `select current_user as who, coalesce(current_setting('hearth.organisation_id', true), '') as organisation`;
    await expect(withOrganisation(orgA, () => db.query('select 1 / 0'))).rejects.toThrow(/division by zero/);
    await expect(
      withOrganisation(orgA, () =>
        db.transaction(async (tx) => {
          await tx.query('select 1');
          await tx.query('select 1 / 0');
        }),
      ),
    ).rejects.toThrow(/division by zero/);
    const [owner] = await db.query<{ who: string; organisation: string }>(whoSql);
    expect(owner!.who).not.toBe(APP_ROLE);
    expect(owner!.organisation).toBe('');
    expect(await withOrganisation(orgB, () => db.query(whoSql))).toEqual([{ who: APP_ROLE, organisation: orgB }]);
    // Inside a request, asOwner steps out of it (what the ingest queue does for its batches).
    const [stepped] = await withOrganisation(orgB, () => asOwner(() => db.query<{ who: string }>(whoSql)));
    expect(stepped!.who).toBe(owner!.who);
  });

  it('refuses an organisation id that is not a UUID rather than putting it into SQL', () => {
    expect(() => withOrganisation(`${orgA}'; reset role; --`, () => 1)).toThrow(/not a UUID/);
  });
});

/** A test-only route behind the session, registered like every other, reporting whom its queries ran as. */
function installProbe(app: FastifyInstance, db: Db): void {
  const whoSql = `select current_user as who, current_setting('hearth.organisation_id', true) as organisation,
                         (select coalesce(jsonb_agg(id), '[]'::jsonb) from organisations) as organisations`;
  app.get('/api/test-rls-probe-open', async () => {
    const [row] = await db.query(
      `select current_user as who, nullif(current_setting('hearth.organisation_id', true), '') as organisation,
              (rolsuper or rolbypassrls) as "skipsRowSecurity" from pg_roles where rolname = current_user`,
    );
    return row;
  });
  void app.register(async (scoped) => {
    requireSession(scoped, db);
    scoped.get('/api/test-rls-probe', async () => {
      const [query] = await db.query(whoSql);
      const [transaction] = await db.transaction((tx) => tx.query(whoSql));
      await new Promise((resolve) => setTimeout(resolve, 5));
      const [later] = await db.query(whoSql);
      return { query, transaction, later };
    });
  });
}
