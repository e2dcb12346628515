-- The mail queue: a message is written in the same transaction as the change that causes it
-- (with its audit event), and a worker sends it afterwards, claiming it first so that two
-- workers never send one message. 'pending' waits for next_attempt_at; 'sending' is claimed
-- until claimed_until (a worker that died lets it go then); 'sent' keeps who, what and when
-- but not the body (sign-in links are secrets); 'failed' is given up, with the server's reply.
create table mail_queue (
    id bigint generated always as identity primary key,
    mail_key text not null unique,
    to_name text not null,
    to_email text not null,
    subject text not null,
    body text not null,
    sender text,
    created_at bigint not null,
    state text not null default 'pending',
    attempts bigint not null default 0,
    next_attempt_at bigint not null,
    claimed_until bigint,
    last_error text,
    sent_at bigint
);
create index mail_queue_due on mail_queue (state, next_attempt_at);
