-- Row-level security: the second line of tenant isolation (issue 7; RELIABILITY A2, test/server/database/rls.test.ts).
-- The first line is the code: every query of a signed-in request filters by the session's organisation.
-- This is the backstop for a query that forgets to: a signed-in request's queries run as hearth_app
-- (SET LOCAL ROLE, see src/server/database/organisation-context.ts), with hearth.organisation_id set for
-- that transaction, and hearth_app sees and writes only rows whose organisation_id is that setting.
-- Unset or '' matches nothing: a query that somehow runs without an organisation gets no rows.
--
-- Why a role of its own: PostgreSQL silently skips row-level security for superusers and BYPASSRLS
-- roles (PGlite's only user is a superuser, and so is initdb's first role), and for a table's owner
-- unless FORCE is set. hearth_app is none of these.
--
-- The role that connects and runs migrations (the schema owner) keeps seeing everything: it must be a
-- superuser or have BYPASSRLS (FORCE applies the policies to the owner too, and none is written for
-- it). It is used, on purpose, only where work is cross-organisation by design:
--   - migrations, the demo seed, start-up clean-up (failAbandonedJobs) and the command line tools;
--   - finding the session (and device) a request's token belongs to, before its organisation is known
--     (requireSession's onRequest hook), and the session routes (sign in by email, check, sign out);
--   - storing tablets' pushes (events/ingest-queue.ts): one transaction holds several organisations'
--     pushes, and an event id already taken by another organisation must be seen to be refused (409).
-- A production owner without BYPASSRLS: as a superuser, `alter role <owner> bypassrls;`.
-- hearth_app must be grantable to the owner (a superuser owner can always SET ROLE to it).

do $$
declare
  me pg_roles%rowtype;
begin
  select * into me from pg_roles where rolname = current_user;
  if not (me.rolsuper or me.rolbypassrls) then
    raise exception 'The role % runs Hearth''s migrations and its cross-organisation look-ups (sign-in, storing pushes), so it needs BYPASSRLS. As a superuser run: alter role % bypassrls;', current_user, current_user;
  end if;

  if not exists (select 1 from pg_roles where rolname = 'hearth_app') then
    begin
      create role hearth_app nologin nosuperuser nobypassrls nocreaterole nocreatedb noinherit;
    exception when duplicate_object or unique_violation then
      -- Roles belong to the whole server: another database on it (another test run) made it just now.
      null;
    end;
  end if;
  -- Made by someone else with more power than it needs: take it away, as these policies rely on it.
  if exists (select 1 from pg_roles where rolname = 'hearth_app' and (rolsuper or rolbypassrls or rolcanlogin or rolcreaterole or rolcreatedb)) then
    alter role hearth_app nologin nosuperuser nobypassrls nocreaterole nocreatedb;
  end if;
  if not me.rolsuper and not pg_has_role(current_user, 'hearth_app', 'member') then
    execute format('grant hearth_app to %I', current_user);
  end if;
end $$;

-- Puts every table with an organisation_id under row-level security for hearth_app, and grants it the
-- DML it needs there and nothing elsewhere. Safe to run again: a migration that adds a tenant table
-- ends with `select hearth_protect_tenant_tables();` (the catalog test fails until it does).
create or replace function hearth_protect_tenant_tables() returns void
language plpgsql
as $fn$
declare
  t record;
  own_organisation constant text := $$nullif(current_setting('hearth.organisation_id', true), '')::uuid$$;
begin
  execute format('grant usage on schema %I to hearth_app', current_schema());
  for t in
    select c.oid::regclass as name, c.relname, a.atttypid
      from pg_class c
      join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attname = 'organisation_id' and not a.attisdropped
     where n.nspname = current_schema() and c.relkind in ('r', 'p')
  loop
    if t.atttypid <> 'uuid'::regtype then
      raise exception 'Table % has an organisation_id that is not a uuid: the row-level security policy compares uuids.', t.name;
    end if;
    execute format('alter table %s enable row level security', t.name);
    execute format('alter table %s force row level security', t.name);
    execute format('drop policy if exists own_organisation on %s', t.name);
    execute format('create policy own_organisation on %s for all to hearth_app using (organisation_id = %s) with check (organisation_id = %s)',
      t.name, own_organisation, own_organisation);
    -- Append-only records: the app role may add to them and read them, never change or delete them.
    execute format('grant %s on %s to hearth_app',
      case when t.relname in ('events', 'audit_events') then 'select, insert' else 'select, insert, update, delete' end, t.name);
  end loop;

  -- Sequences behind those tables' columns (identity columns need none; a serial default does).
  for t in
    select distinct s.oid::regclass as name
      from pg_class s
      join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass
      join pg_attribute a on a.attrelid = d.refobjid and a.attname = 'organisation_id' and not a.attisdropped
      join pg_namespace n on n.oid = s.relnamespace
     where s.relkind = 'S' and n.nspname = current_schema()
  loop
    execute format('grant usage on sequence %s to hearth_app', t.name);
  end loop;

  -- The organisations table is keyed by id: a request reads its own organisation (name, settings) only.
  alter table organisations enable row level security;
  alter table organisations force row level security;
  drop policy if exists own_organisation on organisations;
  execute format('create policy own_organisation on organisations for select to hearth_app using (id = %s)', own_organisation);
  grant select on organisations to hearth_app;
end
$fn$;

-- Only the owner (migrations) runs it.
revoke all on function hearth_protect_tenant_tables() from public;
select hearth_protect_tenant_tables();
