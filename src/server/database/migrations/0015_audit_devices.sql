-- The audit log also records tablets (issue 7): one set up, one removed, and the key a tablet's storage is
-- locked with being handed to it. Those entries are about a device (devices.id), so the subject types
-- allowed grow by 'device'. 0012's check is replaced rather than edited: migrations are append-only.
-- The check keeps its name (PostgreSQL's default for a column check), so a later change finds it the same way.
alter table audit_events drop constraint audit_events_subject_type_check;
alter table audit_events
  add constraint audit_events_subject_type_check
  check (subject_type in ('person', 'carer', 'visit', 'organisation', 'account', 'device'));
