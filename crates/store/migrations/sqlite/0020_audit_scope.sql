-- Each audit event names the award it is about (if any), so an award's organisers read the
-- events of their awards only; the installation's organisers read them all.
alter table audit_events add column award_slug text;
create index audit_events_by_award on audit_events (award_slug, id);
update audit_events set award_slug = (
    select a.slug from awards a
    where audit_events.subject = a.slug or audit_events.subject like a.slug || '/%'
       or audit_events.detail like a.slug || '/%' or audit_events.detail like '% ' || a.slug || '/%'
       or audit_events.detail like '% ' || a.slug
    order by length(a.slug) desc limit 1
);

-- The log says that a review was saved, never its scores: the scores written before this
-- ("digitaliseringskommun/2019 0186: 4 3 5") are cut from the events.
update audit_events set detail = substr(detail, 1, instr(detail, ':') - 1)
    where action in ('review.save', 'review.submit') and instr(detail, ':') > 0;
