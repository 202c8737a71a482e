-- Every event and follow-up row is also tied to its organisation through its composite foreign keys
-- (organisation_id, device_id) → devices and (organisation_id, visit_id) → visits, whose rows reference
-- organisations themselves. The single-column keys to organisations add nothing but one more check per
-- row on the busiest insert path (the tablets' pushes), so they go.
alter table events drop constraint events_organisation_id_fkey;
alter table follow_ups drop constraint follow_ups_organisation_id_fkey;
