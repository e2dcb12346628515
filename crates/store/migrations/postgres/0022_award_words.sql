-- An award's own words on how its winner is chosen (limited Markdown) and what the winner
-- receives, each in Swedish and optionally English; empty for the awards made before.
alter table awards add column how_chosen_sv text not null default '';
alter table awards add column how_chosen_en text;
alter table awards add column prize_sv text not null default '';
alter table awards add column prize_en text;
