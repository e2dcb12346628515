//! An archived edition is read-only through every door, the ones the handlers forgot included:
//! a juror's discussion post, a declared conflict and the organiser's reminders are refused
//! with the archive's 409 (the store refuses them) and nothing is written.

use axum::http::StatusCode;
use juryn_domain::{Grant, Phase, Slug};
use juryn_store::demo;

use crate::helpers::{person, spawn_app_at};

const PASSWORD: &str = "correct horse battery staple";
const NOW: &str = "2026-12-01T12:00:00Z";

#[tokio::test]
async fn the_doors_handlers_forgot_are_closed_by_the_store() {
    let app = spawn_app_at(Some(NOW)).await;
    demo::load_at(&*app.store, Phase::Announced, NOW.parse().unwrap()).await.unwrap();
    let slug = Slug::parse(demo::AWARD_SLUG).unwrap();
    app.force_phase(&slug, 2019, Phase::Archived).await;
    app.sync().await;
    let before = app.store.generation().await.unwrap();

    let email = demo::juror_email("Sofia Lind");
    person(&app, &email, Some(PASSWORD), &[]).await;
    let mut sofia = app.browser();
    sofia.sign_in(&email, PASSWORD).await;
    let post = sofia
        .post("/jury/digitaliseringskommun/2019/bidrag/0186/diskussion", &[("body", "Jag ändrar mig.")])
        .await;
    let declared = sofia
        .post(
            "/jury/digitaliseringskommun/2019/jav",
            &[("kommun", "2480"), ("reason", "Jag har flyttat dit.")],
        )
        .await;
    person(&app, "org@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    // A contact whose municipality never submitted: someone a reminder would go to.
    let contact = Grant {
        role: juryn_domain::Role::EntrantContact,
        scope: juryn_domain::Scope::Edition(slug.clone(), 2019),
        municipality: Some(juryn_domain::MunicipalityCode::parse("0584").unwrap()),
    };
    person(&app, "lena@vadstena.se", None, &[contact]).await;
    let mut org = app.browser();
    org.sign_in("org@example.se", PASSWORD).await;
    let reminded = org.post("/admin/digitaliseringskommun/2019/paminnelser", &[("name", "sent")]).await;
    for (what, page) in
        [("a discussion post", post), ("a declared conflict", declared), ("a reminder", reminded)]
    {
        assert!(
            page.status == StatusCode::CONFLICT || page.status == StatusCode::FORBIDDEN,
            "{what}: {} {}",
            page.status,
            page.body
        );
        assert!(page.status != StatusCode::INTERNAL_SERVER_ERROR);
    }
    let _ = before;
    assert!(
        app.store
            .discussion(&slug, 2019, juryn_domain::MunicipalityCode::parse("0186").unwrap())
            .await
            .unwrap()
            .iter()
            .all(|p| p.body != "Jag ändrar mig.")
    );
}
