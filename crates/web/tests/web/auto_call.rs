//! The call opens and closes by itself at its configured times, through the same transitions as
//! the organiser's buttons, once however often it is polled.

use juryn_domain::{CallWindow, Phase, Slug};

use crate::helpers::spawn_app_at;

const DRAFTED: &str = "2026-12-02T10:00:00Z";

fn slug() -> Slug {
    Slug::parse("digitaliseringskommun").unwrap()
}

#[tokio::test]
async fn a_call_opens_at_its_time_and_closes_after_its_grace() {
    let app = spawn_app_at(Some(DRAFTED)).await;
    juryn_store::demo::load_at(&*app.store, Phase::Draft, DRAFTED.parse().unwrap()).await.unwrap();
    let window = CallWindow {
        opens_at: Some("2026-12-09T08:00:00Z".parse().unwrap()),
        closes_at: Some("2027-03-29T21:59:00Z".parse().unwrap()),
        grace_minutes: 10,
    };
    app.store.set_call_window(&slug(), 2019, &window, &app.by("test")).await.unwrap();
    let phase = || async { app.store.edition(&slug(), 2019).await.unwrap().unwrap().phase };

    // Before its time nothing moves.
    assert_eq!(juryn_web::advance_calls(&app.at("2026-12-09T07:59:59Z").state).await.unwrap(), 0);
    assert_eq!(phase().await, Phase::Draft);
    // At its second the call opens, once, however often it is polled.
    let opening = app.at("2026-12-09T08:00:00Z");
    assert_eq!(juryn_web::advance_calls(&opening.state).await.unwrap(), 1);
    assert_eq!(juryn_web::advance_calls(&opening.state).await.unwrap(), 0);
    assert_eq!(phase().await, Phase::CallOpen);
    opening.sync().await;
    opening.get("/digitaliseringskommun/2019").await.assert_has("Enkäten är öppen till");
    // The deadline passes; the grace is still running.
    assert_eq!(juryn_web::advance_calls(&app.at("2027-03-29T22:05:00Z").state).await.unwrap(), 0);
    assert_eq!(phase().await, Phase::CallOpen);
    assert_eq!(juryn_web::advance_calls(&app.at("2027-03-29T22:09:00Z").state).await.unwrap(), 1);
    assert_eq!(phase().await, Phase::CallClosed);
    // The audit log says the system did it, at the ticks' times by the app's clock.
    let events = app.store.audit_events(20).await.unwrap();
    let moves: Vec<String> = events
        .iter()
        .filter(|e| e.action == "edition.phase" && e.actor == "system")
        .map(|e| e.at.to_string())
        .collect();
    assert_eq!(moves, ["2027-03-29T22:09:00Z", "2026-12-09T08:00:00Z"], "{events:?}");
}

#[tokio::test]
async fn a_call_that_is_not_ready_stays_a_draft() {
    let app = spawn_app_at(Some(DRAFTED)).await;
    juryn_store::demo::load_at(&*app.store, Phase::Draft, DRAFTED.parse().unwrap()).await.unwrap();
    // No questions: the button would refuse, and so does the clock.
    app.store.put_questions(&slug(), 2019, &[], &app.by("test")).await.unwrap();
    let window = CallWindow {
        opens_at: Some("2026-12-09T08:00:00Z".parse().unwrap()),
        closes_at: Some("2027-03-29T21:59:00Z".parse().unwrap()),
        grace_minutes: 0,
    };
    app.store.set_call_window(&slug(), 2019, &window, &app.by("test")).await.unwrap();
    assert_eq!(juryn_web::advance_calls(&app.at("2026-12-10T00:00:00Z").state).await.unwrap(), 0);
    assert_eq!(app.store.edition(&slug(), 2019).await.unwrap().unwrap().phase, Phase::Draft);
}

#[tokio::test]
async fn two_presses_of_open_at_once_open_the_call_once() {
    use axum::http::StatusCode;
    use juryn_domain::Grant;

    use crate::helpers::{Pending, join_all, person};
    let app = spawn_app_at(Some(DRAFTED)).await;
    juryn_store::demo::load_at(&*app.store, Phase::Draft, DRAFTED.parse().unwrap()).await.unwrap();
    let window = CallWindow {
        opens_at: None,
        closes_at: Some("2027-03-29T21:59:00Z".parse().unwrap()),
        grace_minutes: 0,
    };
    app.store.set_call_window(&slug(), 2019, &window, &app.by("test")).await.unwrap();
    let password = "correct horse battery staple";
    person(&app, "org@example.se", Some(password), &[Grant::organiser()]).await;
    let (mut a, mut b) = (app.browser(), app.browser());
    a.sign_in("org@example.se", password).await;
    b.sign_in("org@example.se", password).await;
    let uri = "/admin/digitaliseringskommun/2019/utlysning";
    let open = [("op", "open")];
    let presses: Vec<Pending<_>> = vec![Box::pin(a.post(uri, &open)), Box::pin(b.post(uri, &open))];
    let mut statuses: Vec<StatusCode> = join_all(presses).await.into_iter().map(|p| p.status).collect();
    statuses.sort();
    assert_eq!(statuses, [StatusCode::SEE_OTHER, StatusCode::CONFLICT]);
    assert_eq!(app.store.edition(&slug(), 2019).await.unwrap().unwrap().phase, Phase::CallOpen);
    let events = app.store.audit_events(50).await.unwrap();
    assert_eq!(events.iter().filter(|e| e.action == "edition.phase").count(), 1, "opened once");
}
