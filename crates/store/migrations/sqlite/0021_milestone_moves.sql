-- A milestone moved after it was announced keeps the date it had, shown as "Flyttad från …",
-- and when it moved (the news feed's entry). Both stay null for a milestone never moved.
alter table milestones add column moved_from text;
alter table milestones add column moved_at bigint;
