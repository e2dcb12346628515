-- The edition's programme: the gala, seminars, the inspiration day. Presenters as JSON
-- (municipalities, people, or "the winner", named only once announced).
create table events (
    edition_id bigint not null references editions (id) on delete cascade,
    position bigint not null,
    kind text not null,
    title_sv text not null,
    title_en text,
    starts_at bigint not null,
    ends_at bigint not null,
    place text not null,
    presenters text not null,
    description_sv text not null,
    description_en text,
    primary key (edition_id, position)
);
