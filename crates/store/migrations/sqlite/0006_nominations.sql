-- Nominations by anyone: a municipality named with a reason, counted once confirmed by email.

create table nominations (
    id integer primary key,
    edition_id bigint not null references editions (id) on delete cascade,
    municipality_code text not null,
    reason text not null,
    nominator_name text not null,
    nominator_email text not null,
    -- SHA-256 of the confirmation link's token
    token_hash text not null unique,
    created_at bigint not null,
    expires_at bigint not null,
    confirmed_at bigint
);
create index nominations_by_edition on nominations (edition_id, municipality_code);
