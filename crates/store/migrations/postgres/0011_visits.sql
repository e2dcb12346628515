-- Site visits to the nominees: when, where, who goes, what to ask, and the report afterwards.
create table visits (
    id bigint generated always as identity primary key,
    edition_id bigint not null references editions (id) on delete cascade,
    municipality_code text not null,
    starts_at bigint not null,
    ends_at bigint not null,
    place text not null,
    -- the planned questions, a JSON array of strings
    questions text not null,
    -- the report, JSON {"answers": [[question, summary], …], "observations": …}; null until written
    report text,
    report_by bigint references users (id) on delete set null,
    report_at bigint,
    created_at bigint not null
);
create index visits_by_edition on visits (edition_id);

create table visit_participants (
    visit_id bigint not null references visits (id) on delete cascade,
    user_id bigint not null references users (id) on delete cascade,
    primary key (visit_id, user_id)
);
create index visit_participants_by_user on visit_participants (user_id);
