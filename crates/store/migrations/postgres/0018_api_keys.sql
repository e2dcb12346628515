-- API keys apart from sessions: named, hashed, with when they were made and last used, an
-- expiry and a revocation. A key is accepted only as `Authorization: Bearer` on the API, never
-- as a session cookie.
create table api_keys (
    id bigint generated always as identity primary key,
    user_id bigint not null references users (id) on delete cascade,
    name text not null,
    -- SHA-256 of the key; the key itself is shown once when made
    hash text not null unique,
    created_at bigint not null,
    last_used_at bigint,
    expires_at bigint not null,
    revoked_at bigint
);
create index api_keys_by_user on api_keys (user_id);

-- Keys made before this were sessions lasting a year (a sign-in lasts twelve hours): they move
-- here, so they go on working on the API and stop working as sessions.
insert into api_keys (user_id, name, hash, created_at, expires_at)
    select user_id, 'API-nyckel', id_hash, created_at, expires_at from sessions
    where expires_at - created_at > 172800;
delete from sessions where expires_at - created_at > 172800;
