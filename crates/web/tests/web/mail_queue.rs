//! The mail queue through the application and a real SMTP server on loopback that goes down,
//! comes back, refuses, defers, says nothing, or hangs up mid-message: every message arrives
//! once, a request never waits for the mail server, and `/admin/post` shows and retries.

use std::time::Duration;

use axum::http::StatusCode;
use juryn_domain::{Grant, MunicipalityCode, Role, Scope, Slug};
use juryn_store::{MailState, QueuedMail};
use juryn_web::Mailer;
use juryn_web::mail::queue::Schedule;

use crate::helpers::{TestApp, person, spawn_app, spawn_app_at};
use crate::smtp_server::{Behaviour, SmtpServer};

const PASSWORD: &str = "correct horse battery staple";
const FROM: &str = "Utmärkelsen <noreply@example.se>";

fn contact(code: &str) -> Grant {
    Grant {
        role: Role::EntrantContact,
        scope: Scope::Edition(Slug::parse("digitaliseringskommun").unwrap(), 2019),
        municipality: Some(MunicipalityCode::parse(code).unwrap()),
    }
}

/// The demo with mail going to `server` (quick to give up on a silent one).
async fn app_mailing(server: &SmtpServer, now: Option<&str>) -> TestApp {
    let mut app = spawn_app_at(now).await;
    app.state.mailer = Mailer::smtp_with_timeout(&server.url(), FROM, Duration::from_secs(2)).unwrap();
    app
}

/// Asks for a sign-in link for each address (a contact each): one queued message each.
async fn ask_for_links(app: &TestApp, who: &[&str]) {
    for email in who {
        person(app, email, None, &[contact("0186")]).await;
        let mut b = app.browser();
        b.post("/logga-in/lank", &[("email", email)]).await.assert_has("Om adressen finns");
    }
}

async fn queue(app: &TestApp) -> Vec<QueuedMail> {
    let mut all = app.store.mail_queue(None, 100).await.unwrap();
    all.reverse();
    all
}

async fn deliver(app: &TestApp) -> juryn_web::mail::queue::Tally {
    juryn_web::mail::queue::deliver_due(&app.state).await.unwrap()
}

fn recipients(server: &SmtpServer) -> Vec<String> {
    let mut to: Vec<String> = server.received().into_iter().flat_map(|m| m.to).collect();
    to.sort();
    to
}

#[tokio::test]
async fn a_request_queues_its_mail_and_never_waits_for_the_mail_server() {
    let server = SmtpServer::start().await;
    // A server that accepts the connection and never answers would hold a sending request for
    // its whole timeout; the request only queues.
    server.behave(Behaviour::Silent);
    let mut app = spawn_app().await;
    app.state.mailer = Mailer::smtp(&server.url(), FROM).unwrap();
    person(&app, "kontakt@lidingo.se", None, &[contact("0186")]).await;
    let mut b = app.browser();
    let asked = tokio::time::timeout(
        Duration::from_secs(10),
        b.post("/logga-in/lank", &[("email", "kontakt@lidingo.se")]),
    )
    .await
    .expect("the page answers without waiting for the mail server");
    asked.assert_has("Om adressen finns");
    let queued = queue(&app).await;
    assert_eq!(queued.len(), 1);
    assert_eq!((queued[0].state, queued[0].attempts), (MailState::Pending, 0));
    assert_eq!(queued[0].to_email, "kontakt@lidingo.se");
    assert!(queued[0].body.contains("/logga-in/lank/"), "the link is in the queued letter");
    // An unknown address queues nothing: the page says the same.
    b.post("/logga-in/lank", &[("email", "okand@example.se")]).await.assert_has("Om adressen finns");
    assert_eq!(queue(&app).await.len(), 1);
}

#[tokio::test]
async fn with_the_mail_server_down_every_message_waits_and_arrives_once_when_it_is_back() {
    let server = SmtpServer::down().await;
    let app = app_mailing(&server, Some("2019-03-01T10:00:00Z")).await;
    let who = ["a@lidingo.se", "b@lidingo.se", "c@lidingo.se"];
    ask_for_links(&app, &who).await;
    let tally = juryn_web::mail::queue::deliver_due(&app.state).await.unwrap();
    assert_eq!((tally.sent, tally.retrying, tally.failed), (0, 3, 0));
    for m in queue(&app).await {
        assert_eq!((m.state, m.attempts), (MailState::Pending, 1), "{m:?}");
        assert!(
            m.last_error.as_deref().is_some_and(|e| !e.is_empty()),
            "the server's failure is kept: {m:?}"
        );
        assert_eq!(m.next_attempt_at.to_string(), "2019-03-01T10:01:00Z", "one minute's wait first");
    }
    // Not yet due: nothing is tried, even with the server back.
    server.come_up().await;
    let early = juryn_web::mail::queue::deliver_due(&app.state).await.unwrap();
    assert_eq!(early.sent, 0);
    // Down again at the second attempt: the wait doubles.
    server.go_down();
    let second = app.at("2019-03-01T10:01:00Z");
    assert_eq!(juryn_web::mail::queue::deliver_due(&second.state).await.unwrap().retrying, 3);
    assert!(queue(&app).await.iter().all(|m| m.next_attempt_at.to_string() == "2019-03-01T10:03:00Z"));
    server.come_up().await;
    let later = app.at("2019-03-01T10:03:00Z");
    assert_eq!(juryn_web::mail::queue::deliver_due(&later.state).await.unwrap().sent, 3);
    assert_eq!(recipients(&server), ["<a@lidingo.se>", "<b@lidingo.se>", "<c@lidingo.se>"]);
    for m in queue(&app).await {
        assert_eq!((m.state, m.attempts), (MailState::Sent, 3));
        assert_eq!(m.body, "", "a sent letter's body (a sign-in link) is not kept");
        assert_eq!(m.last_error, None);
    }
    // Nothing is sent twice, however often the worker looks.
    let again = app.at("2019-03-05T10:00:00Z");
    assert_eq!(juryn_web::mail::queue::deliver_due(&again.state).await.unwrap().sent, 0);
    assert_eq!(server.received().len(), 3);
}

#[tokio::test]
async fn two_workers_running_for_real_deliver_every_message_once_across_an_outage() {
    let server = SmtpServer::down().await;
    let quick = Schedule {
        first_wait: jiff::SignedDuration::from_secs(1),
        longest_wait: jiff::SignedDuration::from_secs(1),
        max_attempts: 100,
        lease: jiff::SignedDuration::from_secs(30),
        poll: Duration::from_millis(200),
    };
    let mut app = spawn_app().await;
    app.state.mailer = Mailer::smtp_with_timeout(&server.url(), FROM, Duration::from_secs(2)).unwrap();
    app.state = app.state.clone().with_mail_schedule(quick);
    // A second process on the same database, with its own worker.
    let other = app.state.clone().with_mail_schedule(quick);
    let workers = [juryn_web::mail::queue::start(&app.state), juryn_web::mail::queue::start(&other)];
    let who: Vec<String> = (0..8).map(|i| format!("kontakt{i}@lidingo.se")).collect();
    let who: Vec<&str> = who.iter().map(String::as_str).collect();
    ask_for_links(&app, &who).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert!(server.received().is_empty());
    assert!(queue(&app).await.iter().all(|m| m.attempts >= 1 && m.state != MailState::Sent));
    server.come_up().await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while server.received().len() < who.len() && tokio::time::Instant::now() < deadline {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    // A moment more for any second copy to show itself.
    tokio::time::sleep(Duration::from_millis(800)).await;
    let mut expected: Vec<String> = who.iter().map(|w| format!("<{w}>")).collect();
    expected.sort();
    assert_eq!(recipients(&server), expected, "each message exactly once");
    assert!(queue(&app).await.iter().all(|m| m.state == MailState::Sent));
    assert_eq!(app.state.mail_queue.healthy(), Some(true), "the worker shows life");
    for (state, worker) in [&app.state, &other].into_iter().zip(workers) {
        juryn_web::mail::queue::stop(state, worker).await;
    }
}

#[tokio::test]
async fn a_refusal_is_final_a_deferral_and_a_broken_connection_are_tried_again() {
    let server = SmtpServer::start().await;
    let app = app_mailing(&server, Some("2019-03-01T10:00:00Z")).await;
    server.behave(Behaviour::Refuse);
    ask_for_links(&app, &["refused@lidingo.se"]).await;
    assert_eq!(deliver(&app).await.failed, 1);
    server.behave(Behaviour::Defer);
    ask_for_links(&app, &["deferred@lidingo.se"]).await;
    assert_eq!(deliver(&app).await.retrying, 1);
    server.behave(Behaviour::CloseMidMessage);
    ask_for_links(&app, &["cut@lidingo.se"]).await;
    assert_eq!(deliver(&app).await.retrying, 1);
    server.behave(Behaviour::Silent);
    ask_for_links(&app, &["silent@lidingo.se"]).await;
    assert_eq!(deliver(&app).await.retrying, 1, "a server that times out is tried again");

    let q = queue(&app).await;
    let state_of = |email: &str| q.iter().find(|m| m.to_email == email).unwrap().clone();
    let refused = state_of("refused@lidingo.se");
    assert_eq!(refused.state, MailState::Failed);
    assert!(refused.last_error.as_deref().unwrap().contains("recipient does not exist"), "{refused:?}");
    assert!(state_of("deferred@lidingo.se").last_error.unwrap().contains("temporarily unavailable"));
    for email in ["deferred@lidingo.se", "cut@lidingo.se", "silent@lidingo.se"] {
        assert_eq!(state_of(email).state, MailState::Pending, "{email}");
    }
    // Once the server is well, the passing failures go through; the refused one waits for a
    // person to send it again.
    server.behave(Behaviour::Accept);
    let later = app.at("2019-03-01T11:00:00Z");
    assert_eq!(deliver(&later).await.sent, 3);
    assert!(server.received().iter().all(|m| m.to != ["<refused@lidingo.se>"]));
    assert_eq!(queue(&app).await.iter().filter(|m| m.state == MailState::Failed).count(), 1);
}

#[tokio::test]
async fn a_message_that_keeps_failing_is_given_up_after_the_last_attempt() {
    let server = SmtpServer::down().await;
    let app = app_mailing(&server, Some("2019-03-01T10:00:00Z")).await;
    ask_for_links(&app, &["a@lidingo.se"]).await;
    let max = Schedule::default().max_attempts;
    for day in 0..max {
        let at = format!("2019-03-{:02}T10:00:00Z", day + 1);
        juryn_web::mail::queue::deliver_due(&app.at(&at).state).await.unwrap();
    }
    let m = &queue(&app).await[0];
    assert_eq!((m.state, m.attempts), (MailState::Failed, max));
}

#[tokio::test]
async fn the_outgoing_mail_page_shows_the_queue_and_sends_a_failed_message_again() {
    let server = SmtpServer::start().await;
    let app = app_mailing(&server, None).await;
    person(&app, "root@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    server.behave(Behaviour::Refuse);
    ask_for_links(&app, &["lars@lidingo.se"]).await;
    juryn_web::mail::queue::deliver_due(&app.state).await.unwrap();
    let mut root = app.browser();
    root.sign_in("root@example.se", PASSWORD).await;
    let page = root.get("/admin/post").await;
    page.assert_has("Utgående post")
        .assert_has("0 väntar, 0 skickade, 1 misslyckade.")
        .assert_has("lars@lidingo.se")
        .assert_has("Misslyckades")
        .assert_has("recipient does not exist")
        .assert_has("Försök igen nu")
        .assert_lacks("/logga-in/lank/");
    root.get("/admin/post?visa=skickade").await.assert_has("Här finns inga meddelanden.");
    let id = queue(&app).await[0].id;
    server.behave(Behaviour::Accept);
    let retried = root.post(&format!("/admin/post/{id}/igen"), &[]).await;
    assert_eq!(retried.status, StatusCode::SEE_OTHER);
    juryn_web::mail::queue::deliver_due(&app.state).await.unwrap();
    assert_eq!(recipients(&server), ["<lars@lidingo.se>"]);
    root.get("/admin/post?klart=igen")
        .await
        .assert_has("0 väntar, 1 skickade, 0 misslyckade.")
        .assert_has("Skickat");
    // A sent message is not sent again, and an unknown one is not found.
    assert_eq!(root.post(&format!("/admin/post/{id}/igen"), &[]).await.status, StatusCode::NOT_FOUND);
    assert_eq!(root.post("/admin/post/999999/igen", &[]).await.status, StatusCode::NOT_FOUND);
    assert_eq!(root.post("/admin/post/x/igen", &[]).await.status, StatusCode::NOT_FOUND);
    // Retrying is audited.
    let log =
        app.store.audit_log(&juryn_store::AuditFilter { limit: 5, ..Default::default() }).await.unwrap();
    assert!(log.iter().any(|e| e.action == "mail.retry"), "{log:?}");
}

#[tokio::test]
async fn an_awards_organiser_may_not_read_every_awards_mail() {
    let app = spawn_app().await;
    let award = Grant {
        role: Role::Organiser,
        scope: Scope::Award(Slug::parse("digitaliseringskommun").unwrap()),
        municipality: None,
    };
    person(&app, "award@example.se", Some(PASSWORD), &[award]).await;
    let mut b = app.browser();
    b.sign_in("award@example.se", PASSWORD).await;
    assert_eq!(b.get("/admin/post").await.status, StatusCode::FORBIDDEN);
    assert_eq!(b.post("/admin/post/igen", &[]).await.status, StatusCode::FORBIDDEN);
    b.get("/admin").await.assert_lacks("/admin/post");
}

#[tokio::test]
async fn a_write_that_is_refused_queues_nothing() {
    let app = spawn_app_at(Some("2019-03-01T10:00:00Z")).await;
    person(&app, "org@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    person(&app, "lena@vadstena.se", None, &[contact("0584")]).await;
    let mut org = app.browser();
    org.sign_in("org@example.se", PASSWORD).await;
    // The reminder is claimed once per person: the second press queues nothing.
    for _ in 0..2 {
        org.post("/admin/digitaliseringskommun/2019/paminnelser", &[("name", "mars")]).await;
    }
    let to_lena = queue(&app).await.into_iter().filter(|m| m.to_email == "lena@vadstena.se").count();
    assert_eq!(to_lena, 1);
    assert_eq!(app.mails().await.iter().filter(|m| m.contains("lena@vadstena.se")).count(), 1);
}

#[tokio::test]
async fn the_metrics_show_the_queue() {
    let server = SmtpServer::down().await;
    let app = app_mailing(&server, None).await;
    ask_for_links(&app, &["a@lidingo.se", "b@lidingo.se"]).await;
    juryn_web::mail::queue::deliver_due(&app.state).await.unwrap();
    let text = crate::operate::metrics_text(&app).await;
    assert!(text.lines().any(|l| l == "juryn_mail_queue_pending 2"), "{text}");
    assert!(text.lines().any(|l| l == "juryn_mail_queue_failed 0"), "{text}");
    let retries = text
        .lines()
        .find(|l| l.starts_with(r#"juryn_mail_attempts_failed_total{outcome="retry"}"#))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(retries.rsplit(' ').next().unwrap().parse::<f64>().unwrap() >= 2.0, "{retries}");
}
