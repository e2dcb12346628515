-- The follow-up for those through a cut (domain::follow_up): a second questionnaire with its own
-- deadline, answered in the portal by the cut's selection or imported by the organiser from an
-- external tool's CSV. One per edition; its questions as JSON (a list of domain::Question).
create table follow_ups (
    edition_id bigint primary key references editions (id) on delete cascade,
    after_round bigint not null,
    closes_at bigint not null,
    questions text not null
);

-- A municipality's answers to the follow-up, one stored answer per question (JSON list), and
-- where they came from: `portal` (its contacts) or `import` (the organiser's CSV).
create table follow_up_answers (
    edition_id bigint not null references editions (id) on delete cascade,
    municipality_code text not null,
    answers text not null,
    source text not null,
    saved_at bigint not null,
    primary key (edition_id, municipality_code)
);
