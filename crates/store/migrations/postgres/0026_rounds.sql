-- The jury's rounds (domain::round). An edition without rows here has one round made of its
-- shortlist bounds; with rows, they are its rounds in order, the last one's selection is the
-- edition's nominees (and its bounds the edition's shortlist bounds, kept equal by the store),
-- and each earlier round's recorded selection (a cut) is in round_selections.
create table review_rounds (
    edition_id bigint not null references editions (id) on delete cascade,
    position bigint not null,
    name_sv text not null,
    name_en text,
    least bigint not null,
    most bigint not null,
    -- how the public is told of the cut, {n} for the number selected
    wording_sv text not null,
    wording_en text,
    -- an earlier round's cut is public from this time (the last round's is nominees_public_at)
    public_at bigint,
    primary key (edition_id, position)
);

create table round_selections (
    edition_id bigint not null references editions (id) on delete cascade,
    round bigint not null,
    position bigint not null,
    municipality_code text not null,
    rationale text not null,
    primary key (edition_id, round, municipality_code)
);
