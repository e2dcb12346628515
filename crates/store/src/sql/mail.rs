//! The mail queue's SQL. Messages are inserted by `audit` (sql/mod.rs) from the write's
//! `Stamp`; here they are claimed, marked and listed.

/// A queued message's columns, in `mail_row`'s order.
pub(crate) const MAIL_COLUMNS: &str = "id, to_name, to_email, subject, body, sender, created_at, state, attempts, \
     next_attempt_at, last_error, sent_at";

pub(crate) type MailRow =
    (i64, String, String, String, String, Option<String>, i64, String, i64, i64, Option<String>, Option<i64>);

pub(crate) fn mail_row(r: MailRow) -> crate::Result<crate::QueuedMail> {
    let (id, to_name, to_email, subject, body, sender, created, state, attempts, next, last_error, sent) = r;
    Ok(crate::QueuedMail {
        id,
        to_name,
        to_email,
        subject,
        body,
        sender,
        created_at: crate::rows::time(created)?,
        state: crate::MailState::parse(&state)
            .ok_or_else(|| crate::StoreError::Corrupt(format!("mail state {state}")))?,
        attempts,
        next_attempt_at: crate::rows::time(next)?,
        last_error,
        sent_at: sent.map(crate::rows::time).transpose()?,
    })
}

macro_rules! impl_mail {
    ($store:ident) => {
        impl $store {
            /// Queues the write's mail inside its transaction; a message already queued by an
            /// earlier audit of the same write is not queued again.
            async fn queue_mail(tx: &mut Tx, actor: &Stamp) -> Result<()> {
                for m in &actor.mail {
                    sqlx::query(
                        "insert into mail_queue (mail_key, to_name, to_email, subject, body, sender, created_at, \
                         next_attempt_at) values ($1, $2, $3, $4, $5, $6, $7, $7) on conflict (mail_key) do nothing",
                    )
                    .bind(&m.key)
                    .bind(&m.to_name)
                    .bind(&m.to_email)
                    .bind(&m.subject)
                    .bind(&m.body)
                    .bind(&m.sender)
                    .bind(secs(actor.at))
                    .execute(&mut **tx)
                    .await?;
                }
                Ok(())
            }
        }

        #[async_trait]
        impl crate::MailStore for $store {
            async fn claim_mail(&self, now: Timestamp, lease_secs: i64) -> Result<Option<crate::QueuedMail>> {
                let now_s = secs(now);
                // A candidate, then a compare-and-set on the same conditions: of two workers that
                // pick the same message, one updates it and the other looks again.
                for _ in 0..8 {
                    let candidate: Option<i64> = sqlx::query_scalar(
                        "select id from mail_queue where (state = 'pending' and next_attempt_at <= $1) \
                         or (state = 'sending' and claimed_until < $1) order by next_attempt_at, id limit 1",
                    )
                    .bind(now_s)
                    .fetch_optional(&self.pool)
                    .await?;
                    let Some(id) = candidate else { return Ok(None) };
                    let sql = format!(
                        "update mail_queue set state = 'sending', claimed_until = $1, attempts = attempts + 1 \
                         where id = $2 and ((state = 'pending' and next_attempt_at <= $3) \
                         or (state = 'sending' and claimed_until < $3)) returning {}",
                        crate::sql::mail::MAIL_COLUMNS
                    );
                    let claimed: Option<crate::sql::mail::MailRow> = sqlx::query_as(&sql)
                        .bind(now_s.saturating_add(lease_secs))
                        .bind(id)
                        .bind(now_s)
                        .fetch_optional(&self.pool)
                        .await?;
                    if let Some(row) = claimed {
                        return crate::sql::mail::mail_row(row).map(Some);
                    }
                }
                Ok(None)
            }

            async fn mail_sent(&self, id: i64, now: Timestamp) -> Result<()> {
                sqlx::query(
                    "update mail_queue set state = 'sent', sent_at = $1, body = '', claimed_until = null, \
                     last_error = null where id = $2",
                )
                .bind(secs(now))
                .bind(id)
                .execute(&self.pool)
                .await?;
                Ok(())
            }

            async fn mail_not_sent(&self, id: i64, failure: &crate::MailFailure) -> Result<()> {
                let (state, error, at) = match failure {
                    crate::MailFailure::Retry { error, at } => ("pending", error, Some(secs(*at))),
                    crate::MailFailure::Permanent { error } => ("failed", error, None),
                };
                sqlx::query(
                    "update mail_queue set state = $1, last_error = $2, claimed_until = null, \
                     next_attempt_at = coalesce($3, next_attempt_at) where id = $4 and state = 'sending'",
                )
                .bind(state)
                .bind(error)
                .bind(at)
                .bind(id)
                .execute(&self.pool)
                .await?;
                Ok(())
            }

            async fn mail_queue(&self, state: Option<crate::MailState>, limit: i64) -> Result<Vec<crate::QueuedMail>> {
                let sql = format!(
                    "select {} from mail_queue where $1 is null or state = $1 order by id desc limit $2",
                    crate::sql::mail::MAIL_COLUMNS
                );
                let rows: Vec<crate::sql::mail::MailRow> = sqlx::query_as(&sql)
                    .bind(state.map(crate::MailState::as_str))
                    .bind(limit)
                    .fetch_all(&self.pool)
                    .await?;
                rows.into_iter().map(crate::sql::mail::mail_row).collect()
            }

            async fn mail_counts(&self) -> Result<crate::MailCounts> {
                let rows: Vec<(String, i64)> =
                    sqlx::query_as("select state, count(*) from mail_queue group by state").fetch_all(&self.pool).await?;
                let mut counts = crate::MailCounts::default();
                for (state, n) in rows {
                    match crate::MailState::parse(&state) {
                        Some(crate::MailState::Pending) => counts.pending = n,
                        Some(crate::MailState::Sending) => counts.sending = n,
                        Some(crate::MailState::Sent) => counts.sent = n,
                        Some(crate::MailState::Failed) => counts.failed = n,
                        None => return Err(StoreError::Corrupt(format!("mail state {state}"))),
                    }
                }
                Ok(counts)
            }

            async fn retry_mail(&self, id: Option<i64>, actor: &Stamp) -> Result<u64> {
                let (_writer, mut tx) = self.begin_write().await?;
                let moved = sqlx::query(
                    "update mail_queue set state = 'pending', next_attempt_at = $1 \
                     where ($2 is null and state = 'failed') or (id = $2 and state in ('failed', 'pending'))",
                )
                .bind(secs(actor.at))
                .bind(id)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if moved > 0 {
                    let subject = id.map_or_else(|| "mail/failed".to_owned(), |i| format!("mail/{i}"));
                    Self::audit(&mut tx, actor, "mail.retry", &subject, format!("{moved}")).await?;
                }
                tx.commit().await?;
                Ok(moved)
            }
        }
    };
}

pub(crate) use impl_mail;
