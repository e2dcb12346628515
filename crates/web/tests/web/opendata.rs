//! Open data: only submitted entries whose municipality consented, under the chosen licence,
//! and not a second before the publication time.

use axum::http::StatusCode;
use juryn_domain::{Grant, Phase};
use juryn_store::demo;

use crate::helpers::{person, spawn_app_at};

const JSON: &str = "/digitaliseringskommun/2019/oppna-data/bidrag.json";
const CSV: &str = "/digitaliseringskommun/2019/oppna-data/bidrag.csv";

#[tokio::test]
async fn open_data_hold_the_consenting_entries_from_their_time() {
    let app = spawn_app_at(Some("2019-06-14T07:59:59Z")).await;
    demo::load_at(&*app.store, Phase::Nominated, "2019-06-01T00:00:00Z".parse().unwrap()).await.unwrap();
    app.sync().await;
    assert_eq!(app.get(JSON).await.status, StatusCode::NOT_FOUND, "not a second early");
    const API: &str = "/api/v1/awards/digitaliseringskommun/editions/2019";
    assert!(app.get(API).await.json()["open_data"].is_null());
    let at = app.at("2019-06-14T08:00:00Z");
    assert_eq!(at.get(API).await.json()["open_data"]["licence"], "CC-BY-4.0");
    let json = at.get(JSON).await.json();
    assert_eq!(json["licence"]["id"], "CC-BY-4.0");
    let entries = json["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 42, "44 submitted, two without consent");
    assert!(entries.iter().all(|e| e["code"] != "0380" && e["code"] != "1490"));
    assert_eq!(entries[0]["answers"].as_array().unwrap().len(), 3);
    let csv = at.get(CSV).await;
    assert_eq!(csv.headers["content-type"], "text/csv; charset=utf-8");
    assert_eq!(
        csv.body.lines().next().unwrap().trim_start_matches('\u{feff}').split(',').next(),
        Some("kod")
    );
    assert!(csv.body.contains("0186,Lidingö,Stockholms län"), "{}", &csv.body[..300]);
    assert!(!csv.body.lines().any(|l| l.starts_with("0380,")), "Uppsala did not consent");

    // The organiser sees who is left out and why, and can change licence and time.
    person(&app, "org@example.se", Some("correct horse battery staple"), &[Grant::organiser()]).await;
    let mut org = at.browser();
    org.sign_in("org@example.se", "correct horse battery staple").await;
    let page = org.get("/admin/digitaliseringskommun/2019/oppna-data").await;
    page.assert_has("42 bidrag ingår").assert_has("Uppsala – kommunen har inte samtyckt till publicering");
    let bad =
        org.post("/admin/digitaliseringskommun/2019/oppna-data", &[("licence", "MIT"), ("at", "")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_has("Välj en licens");
    let later = org
        .post(
            "/admin/digitaliseringskommun/2019/oppna-data",
            &[("licence", "CC0-1.0"), ("at", "2019-06-20T10:00")],
        )
        .await;
    assert_eq!(later.status, StatusCode::SEE_OTHER);
    assert_eq!(at.get(JSON).await.status, StatusCode::NOT_FOUND, "moved to later");
    assert_eq!(app.at("2019-06-20T08:00:00Z").get(JSON).await.json()["licence"]["id"], "CC0-1.0");
}
