-- The questionnaire and the entries that answer it (a first cut: long-text questions only).

create table questions (
    id bigint generated always as identity primary key,
    edition_id bigint not null references editions (id) on delete cascade,
    position bigint not null,
    prompt_sv text not null,
    prompt_en text,
    word_limit bigint,
    unique (edition_id, position)
);

create table entries (
    id bigint generated always as identity primary key,
    edition_id bigint not null references editions (id) on delete cascade,
    municipality_code text not null,
    -- kebab-case name of domain::EntryStatus
    status text not null,
    submitted_at bigint,
    -- invented for the demo; pages mark the answers "Exempeltext"
    is_example boolean not null,
    unique (edition_id, municipality_code)
);

create table answers (
    entry_id bigint not null references entries (id) on delete cascade,
    question_id bigint not null references questions (id) on delete cascade,
    body text not null,
    primary key (entry_id, question_id)
);

create index entries_by_municipality on entries (municipality_code);
