-- A past winner may be several municipalities that won together (their codes after the first,
-- space-separated, in order), and carries the jury's citation; both empty for rows made before.
alter table past_winners add column with_codes text not null default '';
alter table past_winners add column citation text not null default '';
