-- Office tools (issue 6): care workers sign in to write their own one-page profile, agree before it can
-- be shown to anyone, and record their film; organisers edit every profile in their organisation.

-- A care worker's account belongs to exactly one carer of the same organisation, and a carer has at most
-- one account. Organisers have none. (Issue 7 adds admins and managers.)
alter table users drop constraint users_role_check;
alter table users
  add constraint users_role_check check (role in ('organiser', 'care-worker')),
  add column carer_id uuid,
  add constraint users_carer foreign key (organisation_id, carer_id) references carers (organisation_id, id),
  add constraint users_care_worker_is_a_carer check ((role = 'care-worker') = (carer_id is not null));
create unique index users_one_account_per_carer on users (carer_id) where carer_id is not null;

-- A carer added by the office, or imported from the rota, has no photo or film until they make them,
-- and cannot be shown to a person until they have both and have agreed (consent_given_at not null).
alter table carers
  alter column photo_sha256 drop not null,
  alter column film_sha256 drop not null,
  -- The film's poster frame (image/jpeg), made with the transcode.
  add column poster_sha256 text,
  add constraint carers_poster_media foreign key (organisation_id, poster_sha256) references media (organisation_id, sha256),
  -- Where they start from, in words ("Bispham, Blackpool"); base_lat/base_lon are its point for matching.
  add column base_area text,
  -- The rostering system's id for this care worker, so a second import updates rather than doubles them.
  add column external_ref text,
  add constraint carers_external_ref unique (organisation_id, external_ref),
  add column consent_given_at timestamptz,
  add column updated_at timestamptz not null default now();

-- Every carer already here was entered by the office with the carer's agreement, before the app asked for it.
update carers set consent_given_at = now();

-- Who agreed or withdrew, and when: evidence that nobody's profile was shown without their say-so.
create table carer_consent_changes (
  id uuid primary key,
  organisation_id uuid not null,
  carer_id uuid not null,
  agreed boolean not null,
  changed_by uuid not null,
  changed_at timestamptz not null default now(),
  foreign key (organisation_id, carer_id) references carers (organisation_id, id),
  foreign key (organisation_id, changed_by) references users (organisation_id, id)
);
create index carer_consent_changes_carer on carer_consent_changes (organisation_id, carer_id, changed_at);

-- When the person was referred to the organisation: the evidence page counts the days from referral to choice.
alter table people
  add column referred_on date,
  add column updated_at timestamptz not null default now();
