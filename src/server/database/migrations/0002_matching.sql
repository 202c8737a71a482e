-- Matching: the facts the engine needs about carers and people, and match_runs, the evidence of every
-- match an organiser turned into a home visit. Existing rows get empty lists and no location, gender
-- or visit times: they are left out of matching until their details are recorded.

alter table carers
  add column gender text check (gender in ('woman', 'man', 'non-binary')),
  -- Weekly windows when the carer can work: [{ "day": "mon", "start": "07:00", "end": "12:00" }] (TimeWindowSchema).
  add column availability jsonb not null default '[]' check (jsonb_typeof(availability) = 'array'),
  add column base_lat double precision check (base_lat between -90 and 90),
  add column base_lon double precision check (base_lon between -180 and 180),
  -- How far from their base the carer travels, in km; null means the engine's default for drivers or walkers.
  add column travel_km double precision check (travel_km > 0),
  add column drives boolean,
  add column skills jsonb not null default '[]' check (jsonb_typeof(skills) = 'array'),
  add column languages jsonb not null default '[]' check (jsonb_typeof(languages) = 'array'),
  add constraint carers_base_complete check ((base_lat is null) = (base_lon is null));

-- What the person gets on with, does not get on with, and their interests stay in profile jsonb
-- (getsOnWith, doesNotGetOnWith, interests): matching reads them from there.
alter table people
  -- Where a home visit to them happens, e.g. "Hilda’s home, Bispham, Blackpool".
  add column home_place text,
  -- Every weekly visit time they need covered (TimeWindowSchema).
  add column visit_times jsonb not null default '[]' check (jsonb_typeof(visit_times) = 'array'),
  add column home_lat double precision check (home_lat between -90 and 90),
  add column home_lon double precision check (home_lon between -180 and 180),
  add column needs_skills jsonb not null default '[]' check (jsonb_typeof(needs_skills) = 'array'),
  -- Languages the person needs; any one of them will do.
  add column languages jsonb not null default '[]' check (jsonb_typeof(languages) = 'array'),
  -- Who they want personal care from; null when they have no preference.
  add column personal_care_by text check (personal_care_by in ('woman', 'man')),
  add constraint people_home_complete check ((home_lat is null) = (home_lon is null));

-- Append-only evidence. Written in the same transaction as the visit it planned.
create table match_runs (
  id uuid primary key,
  organisation_id uuid not null references organisations (id),
  run_by uuid not null,
  run_at timestamptz not null default now(),
  person_id uuid not null,
  -- The Scenario the office's engine ran on (ScenarioSchema), exactly as it was.
  inputs jsonb not null,
  -- The MatchResult: every step, each carer's rank, reasons and "why".
  result jsonb not null,
  -- Shortlisted carer ids, in the order the person will see them.
  shortlist jsonb not null check (jsonb_typeof(shortlist) = 'array' and jsonb_array_length(shortlist) between 1 and 4),
  -- Higher-ranked carers who were not shortlisted: [{ "carerId", "rank", "reason" }].
  passed_over jsonb not null default '[]' check (jsonb_typeof(passed_over) = 'array'),
  visit_id uuid not null unique,
  unique (organisation_id, id),
  foreign key (organisation_id, run_by) references users (organisation_id, id),
  foreign key (organisation_id, person_id) references people (organisation_id, id),
  foreign key (organisation_id, visit_id) references visits (organisation_id, id)
);
create index match_runs_person on match_runs (organisation_id, person_id, run_at);
