-- Person mode (issue 4): the office's side of the tablet's full person mode.

-- Show what people appreciate and what matters before the photo and film ("picture on the back"),
-- unless a person's own settings say otherwise. On by default, so no one chooses a friendly-looking face.
alter table organisations
  add column description_first boolean not null default true;

-- The person's person-mode settings (PersonModeSettingsSchema), null until set: the tablet then uses the
-- defaults. Set by the latest PersonModeSettingsChanged received (person_mode_seq is its received_seq),
-- so a slower transaction carrying an older change cannot overwrite a newer one.
alter table people
  add column person_mode jsonb check (person_mode is null or jsonb_typeof(person_mode) = 'object'),
  add column person_mode_seq bigint;

-- A carer's film captions (text/vtt) and their profile read aloud (audio/mp4). Optional: older carers have neither.
alter table carers
  add column captions_sha256 text,
  add column voice_sha256 text,
  add constraint carers_captions_media foreign key (organisation_id, captions_sha256) references media (organisation_id, sha256),
  add constraint carers_voice_media foreign key (organisation_id, voice_sha256) references media (organisation_id, sha256);

-- Finding the withdrawal of an outcome when building a visit's decision.
create index events_withdraws on events (organisation_id, ((payload->>'withdrawsEventId'))) where type = 'OutcomeWithdrawn';

-- Every outcome except 'chosen' asks the office to do something: talk it over, arrange meetings, find
-- other carers. Written in the same transaction as the outcome event it comes from.
create table follow_ups (
  id uuid primary key,
  organisation_id uuid not null references organisations (id),
  visit_id uuid not null,
  event_id uuid not null unique references events (id),
  kind text not null check (kind in ('none-of-these', 'not-sure-yet', 'meet-first')),
  -- For 'meet-first': the carer ids the person would like to meet first, in their order.
  meet_first_carer_ids jsonb not null default '[]' check (jsonb_typeof(meet_first_carer_ids) = 'array'),
  created_at timestamptz not null default now(),
  resolved_at timestamptz,
  -- The organiser who resolved it; null when it closed because the outcome was withdrawn on the tablet.
  resolved_by uuid,
  note text,
  unique (organisation_id, id),
  foreign key (organisation_id, visit_id) references visits (organisation_id, id),
  foreign key (organisation_id, resolved_by) references users (organisation_id, id),
  check (resolved_by is null or resolved_at is not null)
);
create index follow_ups_open on follow_ups (organisation_id, created_at) where resolved_at is null;
