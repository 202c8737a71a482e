-- Accounts of an organisation: admins (accounts and devices), organisers (the office), managers
-- (reports, read only) and care workers (their own profile). An admin switches an account off rather
-- than deleting it, so what that person did stays attributed to them.
alter table users drop constraint users_role_check;
alter table users
  add constraint users_role_check check (role in ('admin', 'organiser', 'manager', 'care-worker')),
  add column disabled_at timestamptz;

-- Sessions end after 2 hours without use as well as 12 hours after sign-in. last_seen_at is
-- refreshed at most once a minute, so a busy tablet does not write on every request.
alter table sessions add column last_seen_at timestamptz not null default now();
-- "Sign out everywhere" and switching an account off delete every session of one user.
create index sessions_user on sessions (organisation_id, user_id);

-- Failed sign-ins, password checks and password changes, counted per account and per address to
-- slow down guessing. In the database, so the count holds across restarts and several server
-- processes. Keys are SHA-256 hashes: the table holds no email or IP address in the clear, and no
-- organisation id (it is read before anyone is known).
create table login_attempts (
  id bigint generated always as identity primary key,
  account_key text not null,
  address_key text not null,
  attempted_at timestamptz not null default now()
);
create index login_attempts_account on login_attempts (account_key, attempted_at);
create index login_attempts_address on login_attempts (address_key, attempted_at);
create index login_attempts_attempted_at on login_attempts (attempted_at);
