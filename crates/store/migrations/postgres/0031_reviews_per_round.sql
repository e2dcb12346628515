-- Each jury round has its own criteria, assignments, reviews and ranking views (domain::round:
-- "its reviews are its own"): a later round reviews the earlier round's selection afresh, so a
-- juror may review the same entry once in each round. `round` is the round's position (1 for
-- the first, and for every edition without rounds set up).
alter table criteria add column round bigint not null default 1;
alter table criteria drop constraint criteria_edition_id_position_key;
alter table criteria add constraint criteria_edition_id_round_position_key unique (edition_id, round, position);

alter table assignments add column round bigint not null default 1;
alter table assignments drop constraint assignments_pkey;
alter table assignments add primary key (edition_id, round, user_id, municipality_code);

alter table reviews add column round bigint not null default 1;
alter table reviews drop constraint reviews_edition_id_user_id_municipality_code_key;
alter table reviews add constraint reviews_edition_id_round_user_id_municipality_code_key
    unique (edition_id, round, user_id, municipality_code);

alter table ranking_views add column round bigint not null default 1;
alter table ranking_views drop constraint ranking_views_pkey;
alter table ranking_views add primary key (edition_id, round, user_id);
