-- Reminders sent to contacts whose entry is not submitted: one row per (edition, reminder,
-- person), claimed before the mail goes, so no one gets the same reminder twice.

create table reminders_sent (
    edition_id bigint not null references editions (id) on delete cascade,
    reminder text not null,
    user_id bigint not null references users (id) on delete cascade,
    sent_at bigint not null,
    primary key (edition_id, reminder, user_id)
);
