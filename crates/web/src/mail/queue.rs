//! The mail worker: delivers what the writes queued (`Stamp::with_mail`), one message at a
//! time, each claimed first so that two workers — two processes on one PostgreSQL — never send
//! it twice. A message that fails for a passing reason (a server down, a 4xx, a timeout, a
//! connection closed mid-message) waits and is tried again, each wait twice the last; one the
//! server refuses for good (5xx) or that has failed `max_attempts` times is marked failed with
//! the server's reply, for the organiser to see and retry on `/admin/post`.
//!
//! A request wakes the worker after a write; it also looks every `poll` for mail that came due
//! or was queued by another process. On shutdown it finishes the message in hand and stops.
//! Delivery is at least once: a process killed after the server accepted a message and before
//! it was marked sent sends it again when its claim runs out.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};
use std::time::Duration;

use jiff::{SignedDuration, Timestamp};
use juryn_store::{MailFailure, QueuedMail};
use tokio::sync::Notify;

use crate::app::AppState;

/// How the worker paces itself.
#[derive(Debug, Clone, Copy)]
pub struct Schedule {
    /// The wait after the first failure; each later one is twice the last, up to `longest_wait`.
    pub first_wait: SignedDuration,
    pub longest_wait: SignedDuration,
    /// Attempts before a message is given up.
    pub max_attempts: i64,
    /// How long a claim holds: longer than an attempt can take (the SMTP timeout is 30 s).
    pub lease: SignedDuration,
    /// How often to look without being woken.
    pub poll: Duration,
}

impl Default for Schedule {
    fn default() -> Self {
        // 1, 2, 4 … minutes, then every 6 hours: twelve attempts over about a day and a half.
        Schedule {
            first_wait: SignedDuration::from_mins(1),
            longest_wait: SignedDuration::from_hours(6),
            max_attempts: 12,
            lease: SignedDuration::from_mins(2),
            poll: Duration::from_secs(5),
        }
    }
}

impl Schedule {
    /// The wait after `attempts` failed attempts.
    pub fn wait_after(&self, attempts: i64) -> SignedDuration {
        let doublings = u32::try_from(attempts.saturating_sub(1).clamp(0, 30)).unwrap_or(30);
        let secs = self.first_wait.as_secs().saturating_mul(1_i64 << doublings);
        SignedDuration::from_secs(secs).min(self.longest_wait)
    }
}

/// The worker's shared state: what wakes it, whether it runs, when it last showed life.
#[derive(Debug, Default)]
pub struct MailQueue {
    wake: Notify,
    stop: AtomicBool,
    /// Unix seconds (the machine's clock) of the last sign of life; 0 when no worker runs here.
    beat: AtomicI64,
    pub schedule: Schedule,
}

/// What one pass delivered.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Tally {
    pub sent: usize,
    pub retrying: usize,
    pub failed: usize,
}

impl MailQueue {
    pub fn new(schedule: Schedule) -> MailQueue {
        MailQueue { schedule, ..MailQueue::default() }
    }

    /// Looks at the queue now (after a write that may have queued mail).
    pub fn wake(&self) {
        self.wake.notify_one();
    }

    fn alive(&self) {
        self.beat.store(Timestamp::now().as_second(), Ordering::Relaxed);
    }

    /// Whether a worker runs in this process and has shown life lately (None when none was
    /// started here: the CLI, a test).
    pub fn healthy(&self) -> Option<bool> {
        let beat = self.beat.load(Ordering::Relaxed);
        if beat == 0 {
            return None;
        }
        // An attempt takes at most the SMTP timeout; between attempts it beats every poll.
        let quiet = Timestamp::now().as_second() - beat;
        let allowed =
            self.schedule.lease.as_secs() + 2 * i64::try_from(self.schedule.poll.as_secs()).unwrap_or(60);
        Some(quiet <= allowed)
    }
}

/// Delivers every message due by the app's clock, one after another; stops early when asked to
/// stop (the message in hand is finished first).
pub async fn deliver_due(app: &AppState) -> juryn_store::Result<Tally> {
    let queue = &app.mail_queue;
    let mut tally = Tally::default();
    while !queue.stop.load(Ordering::Relaxed) {
        queue.alive();
        let Some(mail) = app.store.claim_mail(app.now(), queue.schedule.lease.as_secs()).await? else {
            break;
        };
        match app.mailer.deliver(&mail).await {
            Ok(()) => {
                app.store.mail_sent(mail.id, app.now()).await?;
                crate::metrics::mail_sent();
                tally.sent += 1;
            }
            Err(e) => {
                let failure = failure(&queue.schedule, &mail, app.now(), &e);
                crate::metrics::mail_failed(matches!(failure, MailFailure::Permanent { .. }));
                match &failure {
                    MailFailure::Retry { at, .. } => {
                        tracing::warn!("mail {} to {} not sent, again at {at}: {e}", mail.id, mail.to_email);
                        tally.retrying += 1;
                    }
                    MailFailure::Permanent { .. } => {
                        tracing::error!("mail {} to {} given up: {e}", mail.id, mail.to_email);
                        tally.failed += 1;
                    }
                }
                app.store.mail_not_sent(mail.id, &failure).await?;
            }
        }
    }
    Ok(tally)
}

/// What a failed attempt makes of the message.
fn failure(schedule: &Schedule, mail: &QueuedMail, now: Timestamp, e: &super::MailError) -> MailFailure {
    let error = e.to_string();
    if e.is_permanent() || mail.attempts >= schedule.max_attempts {
        MailFailure::Permanent { error }
    } else {
        let at = now.checked_add(schedule.wait_after(mail.attempts)).unwrap_or(now);
        MailFailure::Retry { error, at }
    }
}

/// Runs the worker until [`stop`] is called.
pub fn start(app: &AppState) -> tokio::task::JoinHandle<()> {
    let app = app.clone();
    app.mail_queue.alive();
    tokio::spawn(async move {
        let queue = Arc::clone(&app.mail_queue);
        while !queue.stop.load(Ordering::Relaxed) {
            if let Err(e) = deliver_due(&app).await {
                tracing::warn!("delivering the mail queue failed: {e}");
            }
            queue.alive();
            tokio::select! {
                () = queue.wake.notified() => {}
                () = tokio::time::sleep(queue.schedule.poll) => {}
            }
        }
    })
}

/// Asks the worker to stop and waits for it to finish the message in hand.
pub async fn stop(app: &AppState, worker: tokio::task::JoinHandle<()>) {
    app.mail_queue.stop.store(true, Ordering::Relaxed);
    app.mail_queue.wake.notify_one();
    if let Err(e) = worker.await {
        tracing::error!("the mail worker ended badly: {e}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_wait_is_twice_the_last_up_to_the_longest() {
        let s = Schedule::default();
        let mins: Vec<i64> = (1..=12).map(|a| s.wait_after(a).as_mins()).collect();
        assert_eq!(mins, [1, 2, 4, 8, 16, 32, 64, 128, 256, 360, 360, 360]);
        assert_eq!(s.wait_after(i64::MAX), s.longest_wait);
    }
}
