-- The booklet: what the organiser writes for it, and every version published, kept whole (the
-- PDF, its SHA-256, and the content the HTML booklet is drawn from). Versions are never changed.
create table booklet_settings (
    edition_id bigint primary key references editions (id) on delete cascade,
    title text not null,
    foreword text not null,
    cover bytea
);
create table booklet_versions (
    edition_id bigint not null references editions (id) on delete cascade,
    version bigint not null,
    sha256 text not null,
    source_sha256 text not null,
    pages bigint not null,
    pdf bytea not null,
    data text not null,
    publish_at bigint not null,
    created_at bigint not null,
    created_by text not null,
    primary key (edition_id, version)
);
