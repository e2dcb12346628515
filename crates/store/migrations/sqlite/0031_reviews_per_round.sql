-- Each jury round has its own criteria, assignments, reviews and ranking views (domain::round:
-- "its reviews are its own"): a later round reviews the earlier round's selection afresh, so a
-- juror may review the same entry once in each round. `round` is the round's position (1 for
-- the first, and for every edition without rounds set up).
--
-- SQLite cannot change a table's unique key in place, so the four tables are rebuilt: copy into
-- a new table, drop the old, rename the new. sqlx runs every SQLite migration inside a
-- transaction, where foreign keys cannot be switched off, so dropping `criteria` and `reviews`
-- deletes their children (`review_scores`, `review_versions`) by cascade: those are kept aside
-- first and put back once the new parents, with the same ids, are in place.
create table review_scores_kept as select * from review_scores;
create table review_versions_kept as select * from review_versions;

create table criteria_new (
    id integer primary key,
    edition_id bigint not null references editions (id) on delete cascade,
    round bigint not null default 1,
    position bigint not null,
    name_sv text not null,
    name_en text,
    description_sv text not null,
    description_en text,
    scale_min bigint not null,
    scale_max bigint not null,
    weight bigint not null,
    scale_labels text not null default '[]',
    unique (edition_id, round, position)
);
insert into criteria_new (id, edition_id, round, position, name_sv, name_en, description_sv, description_en,
    scale_min, scale_max, weight, scale_labels)
select id, edition_id, 1, position, name_sv, name_en, description_sv, description_en,
    scale_min, scale_max, weight, scale_labels from criteria;
drop table criteria;
alter table criteria_new rename to criteria;

create table assignments_new (
    edition_id bigint not null references editions (id) on delete cascade,
    round bigint not null default 1,
    user_id bigint not null references users (id) on delete cascade,
    municipality_code text not null,
    primary key (edition_id, round, user_id, municipality_code)
);
insert into assignments_new (edition_id, round, user_id, municipality_code)
select edition_id, 1, user_id, municipality_code from assignments;
drop table assignments;
alter table assignments_new rename to assignments;

create table reviews_new (
    id integer primary key,
    edition_id bigint not null references editions (id) on delete cascade,
    round bigint not null default 1,
    user_id bigint not null references users (id) on delete cascade,
    municipality_code text not null,
    overall_comment text not null,
    updated_at bigint not null,
    submitted_at bigint,
    changed_at bigint,
    unique (edition_id, round, user_id, municipality_code)
);
insert into reviews_new (id, edition_id, round, user_id, municipality_code, overall_comment, updated_at,
    submitted_at, changed_at)
select id, edition_id, 1, user_id, municipality_code, overall_comment, updated_at, submitted_at, changed_at
from reviews;
drop table reviews;
alter table reviews_new rename to reviews;

create table ranking_views_new (
    edition_id bigint not null references editions (id) on delete cascade,
    round bigint not null default 1,
    user_id bigint not null references users (id) on delete cascade,
    first_seen_at bigint not null,
    primary key (edition_id, round, user_id)
);
insert into ranking_views_new (edition_id, round, user_id, first_seen_at)
select edition_id, 1, user_id, first_seen_at from ranking_views;
drop table ranking_views;
alter table ranking_views_new rename to ranking_views;

insert into review_scores select * from review_scores_kept;
insert into review_versions select * from review_versions_kept;
drop table review_scores_kept;
drop table review_versions_kept;
