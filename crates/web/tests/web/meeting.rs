//! The second half through the web: deliberation only once every nominee has a visit report;
//! ranked ballots (a conflicted juror refused, a duplicate refused); the citation drafted,
//! approved, and the chair's decision sealed — once.

use axum::http::StatusCode;
use juryn_domain::visit::Report;
use juryn_domain::{Grant, Phase, Slug};
use juryn_store::demo;

use crate::helpers::{Browser, TestApp, person, spawn_app_at};

const PASSWORD: &str = "correct horse battery staple";
const NOW: &str = "2019-10-10T10:00:00Z";
const MEETING: &str = "/jury/digitaliseringskommun/2019/mote";
const ADMIN: &str = "/admin/digitaliseringskommun/2019/beslut";
const EDITION_PAGE: &str = "/digitaliseringskommun/2019";

fn slug() -> Slug {
    Slug::parse(demo::AWARD_SLUG).unwrap()
}

async fn juror<'a>(app: &'a TestApp, name: &str) -> Browser<'a> {
    let email = demo::juror_email(name);
    person(app, &email, Some(PASSWORD), &[]).await;
    let mut b = app.browser();
    assert_eq!(b.sign_in(&email, PASSWORD).await.status, StatusCode::SEE_OTHER);
    b
}

/// A report for every visit the demo has not reported yet.
async fn report_the_rest(app: &TestApp) {
    for v in app.store.visits(&slug(), 2019).await.unwrap().into_iter().filter(|v| v.report.is_none()) {
        let report = Report { answers: vec![], observations: format!("Besök {}", v.id) };
        app.store
            .save_report(
                v.id,
                &report,
                v.plan.participants[0],
                &juryn_store::Stamp::new("t", jiff::Timestamp::now()),
            )
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn the_jury_votes_approves_the_citation_and_the_chair_seals_the_decision_once() {
    let app = spawn_app_at(Some(NOW)).await;
    demo::load_at(&*app.store, Phase::InDepthReview, NOW.parse().unwrap()).await.unwrap();
    app.sync().await;
    person(&app, "org@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut org = app.browser();
    org.sign_in("org@example.se", PASSWORD).await;

    let early = org.post(ADMIN, &[("op", "deliberate")]).await;
    assert_eq!(early.status, StatusCode::CONFLICT);
    early.assert_has("2 nominerade saknar besöksrapport");
    report_the_rest(&app).await;
    assert_eq!(org.post(ADMIN, &[("op", "deliberate")]).await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.store.edition(&slug(), 2019).await.unwrap().unwrap().phase, Phase::Deliberation);
    assert_eq!(
        org.post(ADMIN, &[("op", "announce-at"), ("at", "2019-11-12T19:00")]).await.status,
        StatusCode::SEE_OTHER
    );

    let mut karin = juror(&app, "Karin Ekholm").await;
    karin.get(MEETING).await.assert_has("Engagerade medarbetare").assert_has("Underlaget per nominerad");
    // A ballot naming a municipality twice is refused; Jonas, conflicted with Karlskrona, does not vote.
    let dup = karin.post(MEETING, &[("op", "vote"), ("place-1", "0186"), ("place-2", "0186")]).await;
    assert_eq!(dup.status, StatusCode::UNPROCESSABLE_ENTITY);
    dup.assert_has("Lidingö står på flera platser");
    let stranger = karin.post(MEETING, &[("op", "vote"), ("place-1", "0180"), ("place-2", "0186")]).await;
    assert_eq!(stranger.status, StatusCode::UNPROCESSABLE_ENTITY);
    stranger.assert_has("nämner en kommun som inte är nominerad");
    assert!(app.store.ballots(&slug(), 2019).await.unwrap().is_empty(), "no bad ballot kept");
    let mut jonas = juror(&app, "Jonas Berg").await;
    let no = jonas.post(MEETING, &[("op", "vote"), ("place-1", "2480")]).await;
    assert_eq!(no.status, StatusCode::FORBIDDEN);
    no.assert_has("har jäv");

    let voters =
        ["Karin Ekholm", "Anders Wikström", "Leila Haddad", "Mats Öberg", "Sofia Lind", "Åsa Nordin"];
    let mut browsers = Vec::new();
    for (i, name) in voters.iter().enumerate() {
        let mut b = juror(&app, name).await;
        let first = if i % 3 == 2 { "2480" } else { "0186" };
        let second = if first == "0186" { "2480" } else { "0186" };
        let cast = b
            .post(MEETING, &[("op", "vote"), ("place-1", first), ("place-2", second), ("place-3", "1780")])
            .await;
        assert_eq!(cast.status, StatusCode::SEE_OTHER, "{name}: {}", cast.body);
        // Where the ballot leads says it was kept.
        assert_eq!(cast.location(), format!("{MEETING}?klart=rost"));
        b.get(cast.location()).await.assert_has("Din röst är sparad.");
        browsers.push(b);
    }
    assert_eq!(app.store.ballots(&slug(), 2019).await.unwrap().len(), 6);
    karin.get(MEETING).await.assert_has("Parvisa jämförelser").assert_has("Starkaste vägar");

    // The decision needs a citation every voter has approved.
    karin.post(MEETING, &[("op", "decide")]).await.assert_has("Det finns ingen motivering");
    assert_eq!(
        karin.post(MEETING, &[("op", "draft"), ("citation", "Lidingö visar vägen.")]).await.status,
        StatusCode::SEE_OTHER
    );
    karin.post(MEETING, &[("op", "decide")]).await.assert_has("6 jurymedlemmar har inte godkänt");
    let stale = browsers[1].post(MEETING, &[("op", "approve"), ("version", "0")]).await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    for b in &mut browsers {
        assert_eq!(
            b.post(MEETING, &[("op", "approve"), ("version", "1")]).await.status,
            StatusCode::SEE_OTHER
        );
    }
    // Sealing asks first, naming the winner; asking seals nothing.
    let asked = karin.post(MEETING, &[("op", "decide")]).await;
    assert_eq!(asked.status, StatusCode::OK);
    asked.assert_has("Försegla juryns beslut?").assert_has("Lidingö vinner").assert_has("kan inte ångras");
    assert!(app.store.decision(&slug(), 2019).await.unwrap().is_none());
    let decided = karin.post(MEETING, &[("op", "decide"), ("bekraftat", "ja")]).await;
    assert_eq!(decided.status, StatusCode::SEE_OTHER, "{}", decided.body);
    // Afterwards the page says what happened, with the seal.
    let commitment = app.store.decision(&slug(), 2019).await.unwrap().unwrap().seal.commitment;
    karin.get(decided.location()).await.assert_has("Beslutet är förseglat").assert_has(&commitment);
    let d = app.store.decision(&slug(), 2019).await.unwrap().unwrap();
    assert_eq!(d.winner.to_string(), "0186");
    assert!(d.seal.json.contains("Lidingö visar vägen."));
    assert_eq!(app.store.edition(&slug(), 2019).await.unwrap().unwrap().phase, Phase::Decided);

    // Sealed means final: no second decision, no more ballots, no new method.
    assert_eq!(karin.post(MEETING, &[("op", "decide")]).await.status, StatusCode::CONFLICT);
    let late = browsers[2].post(MEETING, &[("op", "vote"), ("place-1", "2480")]).await;
    assert_eq!(late.status, StatusCode::CONFLICT);
    assert_eq!(
        org.post(ADMIN, &[("op", "method"), ("method", "consensus")]).await.status,
        StatusCode::CONFLICT
    );
    assert_eq!(app.store.decision(&slug(), 2019).await.unwrap().unwrap(), d);

    // No mail has told anyone the winner or the citation.
    assert!(
        app.mails().await.iter().all(|m| !m.contains("Lidingö visar vägen")),
        "a mail carries the citation"
    );
    // The public sees the seal, not the winner, until the gala; the organiser can announce by hand.
    app.sync().await;
    let json = app.get("/api/v1/awards/digitaliseringskommun/editions/2019").await.json();
    assert_eq!(json["winner"], serde_json::Value::Null);
    assert_eq!(json["seal"]["commitment"], d.seal.commitment.as_str());
    // Announcing now asks first; asking shows nothing.
    let asked = org.post(ADMIN, &[("op", "announce-now")]).await;
    assert_eq!(asked.status, StatusCode::OK);
    asked.assert_has("Tillkännage vinnaren nu?").assert_has("kan inte ångras");
    app.sync().await;
    assert_eq!(
        app.get("/api/v1/awards/digitaliseringskommun/editions/2019").await.json()["winner"],
        serde_json::Value::Null
    );
    let announced = org.post(ADMIN, &[("op", "announce-now"), ("bekraftat", "ja")]).await;
    assert_eq!(announced.status, StatusCode::SEE_OTHER);
    org.get(announced.location()).await.assert_has("Vinnaren är tillkännagiven");
    let json = app.get("/api/v1/awards/digitaliseringskommun/editions/2019").await.json();
    assert_eq!(json["winner"]["code"], "0186");
    assert_eq!(
        org.post(ADMIN, &[("op", "announce-at"), ("at", "2019-12-01T19:00")]).await.status,
        StatusCode::CONFLICT
    );

    // Announced: the winner holds the logo, and the organiser archives the edition, read-only.
    app.get("/digitaliseringskommun")
        .await
        .assert_has("Lidingö, vinnare 2019, får använda utmärkelsens logotyp");
    let asked = org.post(ADMIN, &[("op", "archive")]).await;
    asked.assert_has("Arkivera omgången?");
    assert_ne!(app.store.edition(&slug(), 2019).await.unwrap().unwrap().phase, Phase::Archived);
    let archived = org.post(ADMIN, &[("op", "archive"), ("bekraftat", "ja")]).await;
    assert_eq!(archived.status, StatusCode::SEE_OTHER);
    org.get(archived.location()).await.assert_has("Omgången är arkiverad");
    assert_eq!(app.store.edition(&slug(), 2019).await.unwrap().unwrap().phase, Phase::Archived);
    let locked =
        org.post("/admin/digitaliseringskommun/2019/program", &[("op", "delete"), ("index", "0")]).await;
    assert_eq!(locked.status, StatusCode::CONFLICT);
    locked.assert_has("Omgången är arkiverad");
    let visit = org.post("/jury/digitaliseringskommun/2019/besok", &[("nominee", "0186")]).await;
    assert_eq!(visit.status, StatusCode::CONFLICT);
    app.get(EDITION_PAGE).await.assert_has(r#"id="vinnare""#);
}
