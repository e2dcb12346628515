-- The call for entries: when it is open, what kind each question is, and entries that are
-- saved with a version number (optimistic concurrency) and keep every saved version.

-- the call opens and closes at these instants (unix seconds); grace_minutes after closing,
-- late saves are still taken
alter table editions add column call_opens_at bigint;
alter table editions add column call_closes_at bigint;
alter table editions add column grace_minutes bigint not null default 0;

-- domain::QuestionKind as JSON ({"kind": "long-text", "word_limit": 600}, …); help text; required
alter table questions add column kind text not null default '{"kind":"long-text","word_limit":null}';
alter table questions add column help_sv text not null default '';
alter table questions add column help_en text;
alter table questions add column required boolean not null default true;

-- every save bumps version; a save that names an older version is refused, never overwrites
alter table entries add column version bigint not null default 1;
alter table entries add column consent boolean not null default false;
alter table entries add column updated_at bigint;

-- every saved version of an entry's answers, kept (visible to its contacts and organisers)
create table entry_versions (
    entry_id bigint not null references entries (id) on delete cascade,
    version bigint not null,
    saved_at bigint not null,
    actor text not null,
    status text not null,
    -- the answers in question order, as a JSON array of strings
    answers text not null,
    primary key (entry_id, version)
);
