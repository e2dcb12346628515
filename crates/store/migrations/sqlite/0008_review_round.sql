-- Conflicts as the rulings they come from, assignments, reviews with a score and a comment per
-- criterion, the jury's discussion per entry, and the chair's rationale per nominee.

-- A jury profile belongs to an account once linked; where the juror works is, like where they
-- live, an automatic conflict.
alter table jurors add column user_id bigint references users (id) on delete set null;
alter table jurors add column employer_code text;

-- Automatic conflicts also cover the rest of the home and employer counties.
alter table editions add column conflict_whole_county boolean not null default false;

alter table nominees add column rationale text not null default '';

-- Declared by the juror, set or lifted by an organiser; in the order they were made. The
-- effective conflicts (domain::conflict) are kept in `conflicts`, rewritten with each ruling.
create table conflict_rulings (
    id integer primary key,
    edition_id bigint not null references editions (id) on delete cascade,
    user_id bigint not null references users (id) on delete cascade,
    municipality_code text not null,
    -- declared | set | lifted
    kind text not null,
    reason text not null,
    made_by bigint references users (id) on delete set null,
    made_at bigint not null
);
create index conflict_rulings_by_user on conflict_rulings (edition_id, user_id);

create table assignments (
    edition_id bigint not null references editions (id) on delete cascade,
    user_id bigint not null references users (id) on delete cascade,
    municipality_code text not null,
    primary key (edition_id, user_id, municipality_code)
);

-- One review per juror and entry: a draft until submitted_at is set.
create table reviews (
    id integer primary key,
    edition_id bigint not null references editions (id) on delete cascade,
    user_id bigint not null references users (id) on delete cascade,
    municipality_code text not null,
    overall_comment text not null,
    updated_at bigint not null,
    submitted_at bigint,
    unique (edition_id, user_id, municipality_code)
);

create table review_scores (
    review_id bigint not null references reviews (id) on delete cascade,
    criterion_id bigint not null references criteria (id) on delete cascade,
    score bigint,
    comment text not null,
    primary key (review_id, criterion_id)
);

create table discussion_posts (
    id integer primary key,
    edition_id bigint not null references editions (id) on delete cascade,
    municipality_code text not null,
    user_id bigint references users (id) on delete set null,
    body text not null,
    posted_at bigint not null
);
create index discussion_posts_by_entry on discussion_posts (edition_id, municipality_code);
