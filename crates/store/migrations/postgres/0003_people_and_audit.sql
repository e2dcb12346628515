-- People, their roles, the audit log, and the data generation that page caches watch.

create table users (
    id bigint generated always as identity primary key,
    email text not null unique,
    name text not null,
    lang text not null default 'sv',
    -- argon2id PHC string; null for people who sign in by emailed link only
    password_hash text,
    created_at bigint not null
);

-- a role held in a scope: the whole installation (both ids null), an award, or an edition
create table role_grants (
    id bigint generated always as identity primary key,
    user_id bigint not null references users (id) on delete cascade,
    role text not null,
    award_id bigint references awards (id) on delete cascade,
    edition_id bigint references editions (id) on delete cascade
);

create table audit_events (
    id bigint generated always as identity primary key,
    at bigint not null,
    actor text not null,
    action text not null,
    subject text not null,
    detail text not null
);

-- one row; every write bumps generation in its own transaction, so any process can tell
-- whether what it cached is still current
create table data_generation (
    id bigint primary key check (id = 1),
    generation bigint not null
);
insert into data_generation (id, generation) values (1, 0);
