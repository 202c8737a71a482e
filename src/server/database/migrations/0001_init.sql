-- Hearth's first schema. Every table holding records carries organisation_id, and rows that refer
-- to each other must belong to the same organisation (composite foreign keys), so one organisation's
-- records can never point at another's.

create table organisations (
  id uuid primary key,
  name text not null,
  created_at timestamptz not null default now()
);

create table users (
  id uuid primary key,
  organisation_id uuid not null references organisations (id),
  email text not null unique,
  name text not null,
  password_hash text not null,
  role text not null check (role in ('organiser')),
  created_at timestamptz not null default now(),
  unique (organisation_id, id)
);

-- Only a SHA-256 of the session token is stored: a copy of this table does not let anyone sign in.
create table sessions (
  token_sha256 text primary key,
  organisation_id uuid not null,
  user_id uuid not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  foreign key (organisation_id, user_id) references users (organisation_id, id) on delete cascade
);
create index sessions_expires_at on sessions (expires_at);

create table people (
  id uuid primary key,
  organisation_id uuid not null references organisations (id),
  first_name text not null,
  -- The one-page profile without id and firstName (see PersonProfileSchema).
  profile jsonb not null,
  unique (organisation_id, id)
);

-- Content-addressed files. The same bytes may belong to several organisations; each has its own row.
create table media (
  organisation_id uuid not null references organisations (id),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  bytes bigint not null check (bytes >= 0),
  type text not null,
  -- Relative to the media directory.
  path text not null,
  created_at timestamptz not null default now(),
  primary key (organisation_id, sha256)
);

create table carers (
  id uuid primary key,
  organisation_id uuid not null references organisations (id),
  first_name text not null,
  -- The one-page profile without id, firstName, photo and film (see CarerProfileSchema).
  profile jsonb not null,
  photo_sha256 text not null,
  film_sha256 text not null,
  unique (organisation_id, id),
  foreign key (organisation_id, photo_sha256) references media (organisation_id, sha256),
  foreign key (organisation_id, film_sha256) references media (organisation_id, sha256)
);

create table visits (
  id uuid primary key,
  organisation_id uuid not null references organisations (id),
  person_id uuid not null,
  planned_at timestamptz not null,
  place text not null,
  unique (organisation_id, id),
  foreign key (organisation_id, person_id) references people (organisation_id, id)
);
create index visits_planned_at on visits (organisation_id, planned_at);

create table visit_candidates (
  organisation_id uuid not null,
  visit_id uuid not null,
  carer_id uuid not null,
  position int not null check (position >= 0),
  primary key (visit_id, carer_id),
  unique (visit_id, position),
  foreign key (organisation_id, visit_id) references visits (organisation_id, id),
  foreign key (organisation_id, carer_id) references carers (organisation_id, id)
);

-- Tablets. Ids are made on the tablet, so they are only unique within an organisation.
create table devices (
  organisation_id uuid not null references organisations (id),
  id uuid not null,
  label text not null,
  first_seen_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  primary key (organisation_id, id)
);

-- Append-only. The server orders events by receipt (received_seq), not by the tablets' clocks.
create table events (
  id uuid primary key,
  organisation_id uuid not null references organisations (id),
  device_id uuid not null,
  visit_id uuid not null,
  type text not null,
  payload jsonb not null,
  -- SHA-256 of canonicalJson(event): the same id sent again must carry the same content.
  content_hash text not null,
  occurred_at timestamptz not null,
  received_seq bigint generated always as identity,
  received_at timestamptz not null default now(),
  foreign key (organisation_id, device_id) references devices (organisation_id, id),
  foreign key (organisation_id, visit_id) references visits (organisation_id, id)
);
create index events_visit on events (organisation_id, visit_id, type, received_seq);
