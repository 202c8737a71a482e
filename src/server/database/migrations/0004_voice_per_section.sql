-- One recording per section of a carer's card (CarerProfile.voices), so each Listen button in person mode
-- plays only its own section: 'What people appreciate about me' and 'What matters to me'.
-- Both optional: a carer may have recorded one section, both or neither.
alter table carers
  add column voice_appreciated_sha256 text,
  add column voice_matters_sha256 text,
  add constraint carers_voice_appreciated_media foreign key (organisation_id, voice_appreciated_sha256) references media (organisation_id, sha256),
  add constraint carers_voice_matters_media foreign key (organisation_id, voice_matters_sha256) references media (organisation_id, sha256);

-- The old single recording read the whole profile, so it fits neither section: it is dropped rather than
-- copied, and the tablet uses its own speech synthesis until the carer records each section. The media rows
-- themselves stay.
alter table carers
  drop constraint carers_voice_media,
  drop column voice_sha256;
