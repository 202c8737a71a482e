-- Wrong passwords typed on an enrolled tablet are counted apart from everyone else's (issue 7). Before,
-- anyone who knew an organiser's email could type 5 wrong passwords from anywhere and keep that
-- organiser from signing in, even on the tablet they carry into people's homes. Now an attempt that
-- comes with a valid device cookie is counted against (account, that tablet): a stranger elsewhere
-- pauses only the account's shared count, and the tablet's own count still stops guessing on a stolen
-- tablet at the same rate. Hashed like the other keys (no tablet id in the clear); null for attempts
-- from anywhere else. An admin's password reset and a right password still clear every count of the account.
alter table login_attempts add column device_key text;
create index login_attempts_account_device on login_attempts (account_key, device_key, attempted_at);
