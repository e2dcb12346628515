//! The questionnaire builder and the call's times: editable until the call opens, never after.

use axum::http::StatusCode;
use jiff::Timestamp;
use juryn_domain::questionnaire::QuestionKind;
use juryn_domain::{Grant, Phase, Slug};

use crate::helpers::{Browser, TestApp, person, spawn_app};

const PASSWORD: &str = "correct horse battery staple";
const BUILDER: &str = "/admin/digitaliseringskommun/2019/enkat";
const SETTINGS: &str = "/admin/digitaliseringskommun/2019/utlysning";

fn slug() -> Slug {
    Slug::parse("digitaliseringskommun").unwrap()
}

/// The demo before its call opened, with an organiser signed in.
async fn draft(app: &TestApp) -> Browser<'_> {
    juryn_store::demo::load_at(&*app.store, Phase::Draft, Timestamp::now()).await.unwrap();
    app.sync().await;
    person(app, "org@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut b = app.browser();
    b.sign_in("org@example.se", PASSWORD).await;
    b
}

#[tokio::test]
async fn an_organiser_builds_the_questionnaire_until_the_call_opens() {
    let app = spawn_app().await;
    let mut org = draft(&app).await;
    org.get(BUILDER)
        .await
        .assert_has("Frågorna kan ändras tills enkäten öppnas")
        .assert_has("Vilka lärdomar har ni dragit?");
    let added = org
        .post(
            BUILDER,
            &[
                ("op", "add"),
                ("kind", "maturity"),
                ("prompt_sv", "Hur mogen är kommunen?"),
                ("indicators", "E-tjänster\n\nÖppna data\n"),
                ("required", "ja"),
            ],
        )
        .await;
    assert_eq!(added.status, StatusCode::SEE_OTHER);
    let qs = app.store.questions(&slug(), 2019).await.unwrap();
    assert_eq!(qs.len(), 4);
    let QuestionKind::Maturity { indicators } = &qs[3].kind else { panic!("{:?}", qs[3].kind) };
    assert_eq!(indicators.iter().map(|i| i.sv.as_str()).collect::<Vec<_>>(), ["E-tjänster", "Öppna data"]);
    org.post(BUILDER, &[("op", "up"), ("index", "3")]).await;
    assert_eq!(app.store.questions(&slug(), 2019).await.unwrap()[2].prompt.sv, "Hur mogen är kommunen?");
    org.post(
        BUILDER,
        &[
            ("op", "update"),
            ("index", "0"),
            ("kind", "long-text"),
            ("prompt_sv", "Vad är ni stolta över?"),
            ("word_limit", "300"),
            ("required", "ja"),
        ],
    )
    .await;
    let first = &app.store.questions(&slug(), 2019).await.unwrap()[0];
    assert_eq!(
        (first.prompt.sv.as_str(), &first.kind),
        ("Vad är ni stolta över?", &QuestionKind::LongText { word_limit: Some(300) })
    );
    org.post(BUILDER, &[("op", "delete"), ("index", "3")]).await;
    assert_eq!(app.store.questions(&slug(), 2019).await.unwrap().len(), 3);

    let bad = org
        .post(BUILDER, &[("op", "add"), ("kind", "number"), ("prompt_sv", ""), ("min", "10"), ("max", "1")])
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_has("Skriv frågan").assert_has("den lägsta högst den högsta").assert_has(r#"value="10""#);
    let bad = org
        .post(BUILDER, &[("op", "add"), ("kind", "maturity"), ("prompt_sv", "Mognad"), ("indicators", "  ")])
        .await;
    bad.assert_has("1–30 indikatorer");
    let bad = org
        .post(BUILDER, &[("op", "add"), ("kind", "long-text"), ("prompt_sv", "X"), ("word_limit", "många")])
        .await;
    bad.assert_has("Högsta antal ord ska vara ett heltal");
    assert_eq!(app.store.questions(&slug(), 2019).await.unwrap().len(), 3, "nothing half-written");

    // Opening the call locks the questionnaire.
    let opened = org.post(SETTINGS, &[("op", "open")]).await;
    assert_eq!(opened.status, StatusCode::SEE_OTHER);
    assert_eq!(app.store.edition(&slug(), 2019).await.unwrap().unwrap().phase, Phase::CallOpen);
    org.get(BUILDER).await.assert_has("Enkäten är öppnad").assert_lacks(r#"value="add""#);
    let refused = org.post(BUILDER, &[("op", "delete"), ("index", "0")]).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    assert_eq!(app.store.questions(&slug(), 2019).await.unwrap().len(), 3);
    let log = app
        .store
        .audit_log(&juryn_store::AuditFilter {
            action: Some("edition.phase".into()),
            limit: 5,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(log[0].detail, "draft -> call-open");
}

#[tokio::test]
async fn the_questionnaire_locks_when_the_opening_time_passes_even_unopened() {
    let app = spawn_app().await;
    let mut org = draft(&app).await;
    // The opening time is a week ahead in the draft demo; a week and a day later it has passed.
    let later = app.at(&(Timestamp::now() + jiff::SignedDuration::from_hours(24 * 8)).to_string());
    let mut late = later.browser();
    late.sign_in("org@example.se", PASSWORD).await;
    late.get(BUILDER).await.assert_has("Enkäten är öppnad");
    assert_eq!(late.post(BUILDER, &[("op", "delete"), ("index", "0")]).await.status, StatusCode::CONFLICT);
    org.get(BUILDER).await.assert_has("Frågorna kan ändras");
}

#[tokio::test]
async fn the_call_times_are_stockholm_time_and_the_phases_follow_the_rules() {
    let app = spawn_app().await;
    let mut org = draft(&app).await;
    let saved = org
        .post(
            SETTINGS,
            &[
                ("op", "times"),
                ("opens", "2031-01-14T09:00"),
                ("closes", "2031-03-29T23:59"),
                ("grace", "15"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    let call = app.store.edition(&slug(), 2019).await.unwrap().unwrap().call;
    assert_eq!(call.opens_at.unwrap().to_string(), "2031-01-14T08:00:00Z");
    assert_eq!(call.closes_at.unwrap().to_string(), "2031-03-29T22:59:00Z");
    assert_eq!(call.grace_minutes, 15);
    org.get(SETTINGS)
        .await
        .assert_has("29 mars 2031 kl. 23.59 (CET)")
        .assert_has(r#"value="2031-03-29T23:59""#);

    let bad = org
        .post(
            SETTINGS,
            &[("op", "times"), ("opens", "2031-04-01T00:00"), ("closes", "2031-03-29T23:59"), ("grace", "x")],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_has("måste öppna före")
        .assert_has("Marginalen ska vara")
        .assert_has(r#"value="2031-04-01T00:00""#);
    let bad = org.post(SETTINGS, &[("op", "times"), ("closes", "29/3")]).await;
    bad.assert_has("Skriv datum och tid");
    assert_eq!(app.store.edition(&slug(), 2019).await.unwrap().unwrap().call, call, "nothing half-written");

    assert_eq!(org.post(SETTINGS, &[("op", "close")]).await.status, StatusCode::CONFLICT, "not open yet");
    org.post(SETTINGS, &[("op", "open")]).await;
    let early = org.post(SETTINGS, &[("op", "close")]).await;
    assert_eq!(early.status, StatusCode::CONFLICT);
    early.assert_has("har inte passerat än");
}
