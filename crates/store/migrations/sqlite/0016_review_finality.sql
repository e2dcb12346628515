-- A submitted review is final. Where the organiser allows changes after submission, each
-- change keeps the review as it stood in review_versions, and the review says when it last
-- changed, so the chair and the organisers see that it did.
alter table editions add column review_changes_allowed boolean not null default false;
alter table reviews add column changed_at bigint;

create table review_versions (
    id integer primary key,
    review_id bigint not null references reviews (id) on delete cascade,
    -- the review before the change: its overall comment and its scores as JSON
    -- [[criterion_id, score or null, comment], ...]
    overall_comment text not null,
    scores text not null,
    -- when that version was written (submitted or last changed)
    written_at bigint not null,
    replaced_at bigint not null
);
create index review_versions_by_review on review_versions (review_id);

-- Who has seen the ranking of an edition's round: the ranking carries everyone's scores, so
-- such a person is never assigned a review in that round afterwards.
create table ranking_views (
    edition_id bigint not null references editions (id) on delete cascade,
    user_id bigint not null references users (id) on delete cascade,
    first_seen_at bigint not null,
    primary key (edition_id, user_id)
);
