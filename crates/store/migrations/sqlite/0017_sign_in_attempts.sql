-- Requests for emailed links (sign-in, reset) are counted apart from wrong passwords, so asking
-- for links to someone's address never locks that person's password sign-in.
alter table sign_in_failures add column kind text not null default 'password';
create index sign_in_failures_by_kind on sign_in_failures (kind, email, at);

-- One row per throttled key (an email or an address). Each attempt's transaction locks its
-- keys' rows before counting, so parallel attempts for one account are counted one after
-- another, never all against the same count.
create table throttle_keys (
    key text primary key
);
