-- Enrolled tablets (issue 7). A tablet's row was first made by its first push (0001); an organiser or
-- admin signed in on it now enrols it, and can revoke it when it is lost or stolen. Only a SHA-256 of
-- the device token is stored: a copy of this table does not let anyone pass as a tablet.
alter table devices
  add column enrolled_by uuid,
  add column enrolled_at timestamptz,
  add column token_sha256 text,
  -- The session that enrolled it (the tablet re-enrols at each organiser sign-in): revoking ends it.
  add column session_sha256 text,
  add column revoked_at timestamptz,
  add column revoked_by uuid,
  add foreign key (organisation_id, enrolled_by) references users (organisation_id, id),
  add foreign key (organisation_id, revoked_by) references users (organisation_id, id);

-- A revoked tablet's token hash is kept, so its next request is recognised and told to wipe itself;
-- revoking is for good (enrolment never clears revoked_at).
create unique index devices_token on devices (token_sha256);
