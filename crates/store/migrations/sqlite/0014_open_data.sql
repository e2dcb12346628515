-- The open data of an edition: the published entries under a licence the organiser chooses,
-- public from a time the organiser sets (never before).
alter table editions add column open_data_licence text;
alter table editions add column open_data_public_at bigint;
