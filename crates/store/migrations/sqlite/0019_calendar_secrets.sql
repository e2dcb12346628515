-- A person's calendar link (their visits as iCal, fetched without a session) is signed with a
-- secret of their own: revoking any of their roles, or asking for a new link, clears it, and a
-- new one is made when they next open the page, so an old link stops working.
alter table users add column calendar_secret text;
