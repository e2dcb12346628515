-- Joint entries (domain::joint): an entry of two or more municipalities under one name, kept
-- under its first member's code. The members of a joint entry (the first included) are listed
-- here, each at most once per edition, so no municipality is in two entries.
alter table entries add column display_name text;

create table entry_members (
    edition_id bigint not null references editions (id) on delete cascade,
    municipality_code text not null,
    lead_code text not null,
    position bigint not null,
    primary key (edition_id, municipality_code)
);
