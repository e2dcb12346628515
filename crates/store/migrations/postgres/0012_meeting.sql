-- The jury meeting: how the edition decides, the jurors' ranked ballots, and the citation the
-- chair drafts and the jurors approve (an approval counts for the version it was given to).
alter table editions add column decision_method text not null default 'schulze';
alter table editions add column citation_draft text not null default '';
alter table editions add column citation_version bigint not null default 0;

create table ballots (
    edition_id bigint not null references editions (id) on delete cascade,
    user_id bigint not null references users (id) on delete cascade,
    -- municipality codes, best first, as a JSON array
    ranking text not null,
    cast_at bigint not null,
    primary key (edition_id, user_id)
);

create table citation_approvals (
    edition_id bigint not null references editions (id) on delete cascade,
    user_id bigint not null references users (id) on delete cascade,
    version bigint not null,
    primary key (edition_id, user_id)
);
