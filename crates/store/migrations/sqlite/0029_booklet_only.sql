-- An entry "bara till skriften": a municipality that contributes its text to the booklet without
-- competing. It is never assigned, reviewed, ranked or selected; it is published like any other
-- (with consent).
alter table entries add column booklet_only boolean not null default false;
