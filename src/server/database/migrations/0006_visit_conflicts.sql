-- Conflicts are shown, never silently resolved (issue 5). Both records stay in events; a conflict
-- flags the visit for a person in the office to decide, and the decision is kept here.

-- The office changed a visit's shortlist: who, when, from what to what, and why. A tablet that was
-- offline may still send an answer about the carers it was showing, so these stay valid carers for
-- that visit's events.
create table shortlist_changes (
  id uuid primary key,
  organisation_id uuid not null references organisations (id),
  visit_id uuid not null,
  changed_by uuid not null,
  changed_at timestamptz not null default now(),
  from_carer_ids jsonb not null check (jsonb_typeof(from_carer_ids) = 'array'),
  to_carer_ids jsonb not null check (jsonb_typeof(to_carer_ids) = 'array'),
  reason text not null,
  foreign key (organisation_id, visit_id) references visits (organisation_id, id),
  foreign key (organisation_id, changed_by) references users (organisation_id, id)
);
create index shortlist_changes_visit on shortlist_changes (organisation_id, visit_id);

-- 'different-outcomes': two tablets recorded different answers for one visit (event_id came second,
--   other_event_id is the answer it disagrees with). Resolving names the answer that stands.
-- 'shortlist-changed': the answer was made on a shortlist the office has since changed.
-- Written in the same transaction as the event that raised it; closed by itself when a tablet
-- withdraws one of the answers (resolved_by null, note says so).
create table visit_conflicts (
  id uuid primary key,
  organisation_id uuid not null references organisations (id),
  visit_id uuid not null,
  kind text not null check (kind in ('different-outcomes', 'shortlist-changed')),
  event_id uuid not null references events (id),
  other_event_id uuid references events (id),
  created_at timestamptz not null default now(),
  resolved_at timestamptz,
  resolved_by uuid,
  kept_event_id uuid references events (id),
  note text,
  unique (organisation_id, id),
  unique (event_id, kind),
  foreign key (organisation_id, visit_id) references visits (organisation_id, id),
  foreign key (organisation_id, resolved_by) references users (organisation_id, id),
  check ((kind = 'different-outcomes') = (other_event_id is not null)),
  check (resolved_by is null or resolved_at is not null),
  check (kept_event_id is null or kept_event_id in (event_id, other_event_id))
);
create index visit_conflicts_open on visit_conflicts (organisation_id, created_at) where resolved_at is null;
create index visit_conflicts_visit on visit_conflicts (organisation_id, visit_id);

-- How long a visit's pack stays on a tablet after the office has acknowledged its outcome (issue 5):
-- long enough for the organiser to look back at the visit, short enough that a lost tablet holds little.
alter table organisations
  add column pack_retention_hours int not null default 24 check (pack_retention_hours between 1 and 2160);
