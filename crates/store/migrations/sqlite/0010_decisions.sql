-- The jury's decision, sealed: the canonical JSON and its nonce stay secret until the
-- announcement; the commitment (SHA-256 of json ‖ nonce) is public from sealed_at. One per
-- edition, never changed once written.
create table decisions (
    id integer primary key,
    edition_id bigint not null unique references editions (id) on delete cascade,
    -- consensus | schulze
    method text not null,
    winner_code text not null,
    citation text not null,
    -- for a Schulze count: the ballots as JSON (arrays of municipality codes, best first)
    ballots text,
    sealed_json text not null,
    nonce text not null,
    commitment text not null,
    sealed_at bigint not null
);
