-- Awards, their editions and everything the public pages of an edition show.
-- Times are unix seconds (UTC) in bigint columns; language variants are *_sv / *_en columns,
-- where *_en may be null (the page then shows the Swedish text).

create table awards (
    id bigint generated always as identity primary key,
    slug text not null unique,
    name_sv text not null,
    name_en text,
    organiser text not null,
    description_sv text not null,
    description_en text,
    criterion_sv text not null,
    criterion_en text
);

create table editions (
    id bigint generated always as identity primary key,
    award_id bigint not null references awards (id) on delete cascade,
    year bigint not null,
    ordinal bigint,
    -- kebab-case name of domain::Phase
    phase text not null,
    selection_sv text not null,
    selection_en text,
    -- the nominees and the winner are shown from these times on, never before
    nominees_public_at bigint,
    announce_at bigint,
    winner_code text,
    shortlist_min bigint not null default 3,
    shortlist_max bigint not null default 5,
    unique (award_id, year)
);

-- the timeline (hålltider); span is the storage form of domain::DateSpan
create table milestones (
    edition_id bigint not null references editions (id) on delete cascade,
    position bigint not null,
    kind text not null,
    label_sv text not null,
    label_en text,
    span text not null,
    primary key (edition_id, position)
);

create table nominees (
    edition_id bigint not null references editions (id) on delete cascade,
    position bigint not null,
    municipality_code text not null,
    primary key (edition_id, municipality_code)
);

create table jurors (
    id bigint generated always as identity primary key,
    edition_id bigint not null references editions (id) on delete cascade,
    position bigint not null,
    name text not null,
    title_sv text not null,
    title_en text,
    organisation text not null,
    home_code text,
    is_chair boolean not null,
    is_example boolean not null,
    unique (edition_id, name)
);

create table criteria (
    id bigint generated always as identity primary key,
    edition_id bigint not null references editions (id) on delete cascade,
    position bigint not null,
    name_sv text not null,
    name_en text,
    description_sv text not null,
    description_en text,
    scale_min bigint not null,
    scale_max bigint not null,
    weight bigint not null,
    unique (edition_id, position)
);

-- winners from before the award ran in juryn
create table past_winners (
    award_id bigint not null references awards (id) on delete cascade,
    year bigint not null,
    municipality_code text not null,
    primary key (award_id, year)
);
