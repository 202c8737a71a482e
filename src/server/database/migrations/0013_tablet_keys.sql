-- Office-held keys for tablets' encrypted storage (issue 7; src/local-db/data-key.ts). Each tablet
-- encrypts its records with a data key that lives only in its memory; it stores that key wrapped by the
-- organiser's password AND by this row's secret. The tablet never stores the secret: it asks for it
-- after an online sign-in (POST /api/tablet-key, which checks the password again), so a password changed
-- at the office, or another organiser of the same organisation, still opens what waits in its outbox.
--
-- One row per tablet, made on its first request. device_id alone is the key: a tablet id already
-- holding another organisation's key is refused (404) rather than given a second one.
-- Deleting a row makes a lost tablet's records unreadable to anyone who does not know the last
-- password typed on it; revoking the device (0011) is the usual way.
create table tablet_keys (
  device_id uuid primary key,
  organisation_id uuid not null references organisations (id),
  -- 32 random bytes, hex. Not a password hash: it must be given back as it is.
  secret_hex text not null check (secret_hex ~ '^[0-9a-f]{64}$'),
  created_by uuid not null,
  created_at timestamptz not null default now(),
  foreign key (organisation_id, created_by) references users (organisation_id, id)
);

create index tablet_keys_organisation on tablet_keys (organisation_id);
