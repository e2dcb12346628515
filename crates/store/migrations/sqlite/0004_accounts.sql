-- Accounts, roles in scopes, sessions, one-time tokens, sign-in throttling, the installation's
-- secret key, and conflicts of interest.

-- the role names of domain::Role; "admin" was the installation organiser's old name
update role_grants set role = 'organiser' where role = 'admin';
-- an entrant contact's municipality
alter table role_grants add column municipality_code text;
alter table role_grants add column created_at bigint not null default 0;
create index role_grants_by_user on role_grants (user_id);

-- erasure keeps the row (audit events point at it) and blanks what identifies the person
alter table users add column erased_at bigint;

-- server-side sessions; the cookie holds a random id, the database only its SHA-256
create table sessions (
    id_hash text primary key,
    user_id bigint not null references users (id) on delete cascade,
    created_at bigint not null,
    expires_at bigint not null
);
create index sessions_by_user on sessions (user_id);

-- one-time links (sign-in, password reset, invitation); stored as SHA-256 of the token
create table tokens (
    hash text primary key,
    purpose text not null,
    user_id bigint references users (id) on delete cascade,
    email text not null,
    name text,
    -- an invitation's grant
    role text,
    award_id bigint references awards (id) on delete cascade,
    edition_id bigint references editions (id) on delete cascade,
    municipality_code text,
    created_at bigint not null,
    expires_at bigint not null,
    used_at bigint
);
create index tokens_by_email on tokens (email);

-- failed sign-ins, counted per account and per address over a window
create table sign_in_failures (
    id integer primary key,
    at bigint not null,
    email text not null,
    ip text not null
);
create index sign_in_failures_by_email on sign_in_failures (email, at);
create index sign_in_failures_by_ip on sign_in_failures (ip, at);

-- random keys made once per installation (e.g. for CSRF tokens), shared by every process
create table secrets (
    name text primary key,
    value text not null
);

-- conflicts of interest (jäv): this person may not judge this municipality in this edition
create table conflicts (
    id integer primary key,
    edition_id bigint not null references editions (id) on delete cascade,
    user_id bigint not null references users (id) on delete cascade,
    municipality_code text not null,
    reason text not null,
    created_at bigint not null,
    unique (edition_id, user_id, municipality_code)
);
