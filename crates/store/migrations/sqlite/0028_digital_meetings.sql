-- A visit may be a digital meeting: its https link (domain::visit::Plan::video), shown only to
-- its participants and the entry's contacts. Null for a visit on site.
alter table visits add column video_url text;
