-- Who viewed or changed a person's data, and who exported it (issue 7). One row per request that
-- succeeded; a refused or failed request writes none. Rows hold ids only, never names or health text:
-- the audit log page looks names up when it is read, so the log itself is no second copy of anyone's
-- records, and a person's entries stop naming them once their record is gone.
--
-- Append-only: Hearth never updates or deletes a row. An organisation prunes entries older than its
-- retention period with a job of its own, run as the database owner rather than the app's role, e.g.
--   delete from audit_events where organisation_id = $1 and at < now() - interval '6 years';
-- (not built: the retention period is each organisation's decision, and the app's role is not given it).
--
-- The pack downloads recorded here ('pack.downloaded', subject a visit) are also how the office knows a
-- visit's pack reached a tablet: the missing-outcomes report reads them.
create table audit_events (
  organisation_id uuid not null references organisations (id),
  id uuid not null,
  at timestamptz not null default now(),
  -- No foreign key to users: an entry must outlive the account that made it.
  actor_user_id uuid not null,
  actor_role text not null,
  -- The enrolled tablet the request came from, when the server knows it (null: a browser at the office).
  device_id uuid,
  -- 'person.viewed', 'pack.downloaded', …: the list is AuditActionSchema in src/domain/audit.ts.
  action text not null check (action ~ '^[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*$'),
  subject_type text not null check (subject_type in ('person', 'carer', 'visit', 'organisation', 'account')),
  subject_id uuid not null,
  primary key (organisation_id, id)
);
-- The audit page reads newest first, often for one person or one action.
create index audit_events_at on audit_events (organisation_id, at desc);
create index audit_events_subject on audit_events (organisation_id, subject_type, subject_id, at desc);
create index audit_events_action on audit_events (organisation_id, action, at desc);
