-- Films, photos and voice recordings arrive by resumable upload (tus) and are made ready by the office:
-- films and voices transcoded by ffmpeg one at a time, photos resized and stripped of metadata.
-- One row per finished upload says where that work has got to, so the tablet can show progress and the
-- plain reason when it fails. Uploads refused at once (wrong kind of file, too long) get no row.
create table media_jobs (
  id uuid primary key,
  organisation_id uuid not null references organisations (id),
  carer_id uuid not null,
  kind text not null check (kind in ('film', 'photo', 'voice-appreciated', 'voice-matters')),
  -- The tus upload it came from, so a tablet that lost the last answer can still find its job.
  upload_id text not null,
  state text not null check (state in ('queued', 'processing', 'done', 'failed')),
  progress real not null default 0 check (progress >= 0 and progress <= 1),
  error_code text,
  error_message text,
  created_by uuid not null,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  -- When done: the stored MP4, JPEG or M4A, and a film's poster frame.
  result_sha256 text,
  poster_sha256 text,
  foreign key (organisation_id, carer_id) references carers (organisation_id, id),
  foreign key (organisation_id, created_by) references users (organisation_id, id),
  foreign key (organisation_id, result_sha256) references media (organisation_id, sha256),
  foreign key (organisation_id, poster_sha256) references media (organisation_id, sha256),
  check ((state in ('done', 'failed')) = (finished_at is not null)),
  check ((state = 'failed') = (error_code is not null and error_message is not null)),
  check (state <> 'done' or result_sha256 is not null)
);
create index media_jobs_upload on media_jobs (organisation_id, upload_id);
create index media_jobs_unfinished on media_jobs (created_at) where state in ('queued', 'processing');
