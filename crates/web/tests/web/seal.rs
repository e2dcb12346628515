//! The sealed decision in public: the commitment from the sealing, the winner, the sealed text
//! and its nonce only from the announcement; nothing in the pages before it depends on who won.

use jiff::{SignedDuration, Timestamp};
use juryn_domain::seal::{Decision, Method, verify};
use juryn_domain::{MunicipalityCode, Phase, Slug};
use juryn_store::{NewDecision, demo};

use crate::helpers::by;
use crate::helpers::{TestApp, spawn_app_at};

const NOW: &str = "2026-11-26T12:00:00Z";
const API: &str = "/api/v1/awards/digitaliseringskommun/editions/2019";
const EDITION: &str = "/digitaliseringskommun/2019";

fn now() -> Timestamp {
    NOW.parse().unwrap()
}

fn gala() -> Timestamp {
    now().checked_add(SignedDuration::from_hours(24 * 7)).unwrap()
}

#[tokio::test]
async fn decided_shows_the_seal_and_no_winner_until_the_gala_then_the_reveal() {
    let app = spawn_app_at(Some(NOW)).await;
    demo::load_at(&*app.store, Phase::Decided, now()).await.unwrap();
    app.sync().await;
    let json = app.get(API).await.json();
    assert_eq!(json["winner"], serde_json::Value::Null);
    let commitment = json["seal"]["commitment"].as_str().unwrap().to_owned();
    assert!(juryn_domain::seal::is_hex64(&commitment));
    assert_eq!(json["seal"]["json"], serde_json::Value::Null);
    assert_eq!(json["seal"]["nonce"], serde_json::Value::Null);
    let page = app.get(EDITION).await;
    page.assert_has(&commitment).assert_has("Juryns beslut är fattat och förseglat");
    page.assert_lacks("Exempeltext.)</p>")
        .assert_lacks("Lidingö stad har gjort")
        .assert_lacks(r#"id="vinnare""#);
    app.get("/kommuner/0186").await.assert_lacks("innare");

    // At the gala second (19:00 Stockholm a week on), with no restart: the winner and the reveal.
    let announce = app
        .store
        .edition(&Slug::parse("digitaliseringskommun").unwrap(), 2019)
        .await
        .unwrap()
        .unwrap()
        .announce_at
        .unwrap();
    let before = app.at(&announce.checked_sub(SignedDuration::from_secs(1)).unwrap().to_string());
    assert_eq!(before.get(API).await.json()["winner"], serde_json::Value::Null);
    let at = app.at(&announce.to_string());
    let json = at.get(API).await.json();
    assert_eq!(json["winner"]["code"], "0186");
    let (sealed, nonce) = (json["seal"]["json"].as_str().unwrap(), json["seal"]["nonce"].as_str().unwrap());
    assert!(verify(sealed, nonce, &commitment), "the revealed text and nonce match the commitment");
    assert!(sealed.contains(r#""winner":"0186""#) && sealed.contains(r#""method":"schulze""#));
    // The programme names the winner's seminar's presenter from the same second.
    before.get("/digitaliseringskommun/2019/program").await.assert_has("Vinnaren (tillkännages");
    before.get("/digitaliseringskommun/2019/program.ics").await.assert_has("Vinnaren (tillkännages");
    at.get("/digitaliseringskommun/2019/program")
        .await
        .assert_lacks("Vinnaren (tillkännages")
        .assert_has("Vinnarens seminarium");
    at.get("/digitaliseringskommun/2019/program.ics").await.assert_lacks("Vinnaren (tillkännages");
    at.get(EDITION)
        .await
        .assert_has("Sigillet stämmer")
        .assert_has(nonce)
        .assert_has(r#"id="vinnare""#)
        .assert_has("Juryns motivering");
}

/// The demo at deliberation with a gala a week ahead, then a decision for `winner` sealed at a
/// fixed time with a fixed nonce.
async fn decided_for(winner: &str, nonce: u8) -> TestApp {
    let app = spawn_app_at(Some(NOW)).await;
    demo::load_at(&*app.store, Phase::Deliberation, now()).await.unwrap();
    let slug = Slug::parse("digitaliseringskommun").unwrap();
    let mut content = demo::edition_content();
    content.edition.phase = Phase::Deliberation;
    content.edition.winner = None;
    content.edition.announce_at = Some(gala());
    app.store.put_edition(&content, &by("test")).await.unwrap();
    let winner = MunicipalityCode::parse(winner).unwrap();
    let decision = Decision {
        award: slug.clone(),
        ballots_sha256: None,
        citation: "Motivering.".into(),
        method: Method::Consensus,
        winner,
        winner_name: None,
        year: 2019,
    };
    let new = NewDecision {
        method: Method::Consensus,
        winner,
        citation: "Motivering.".into(),
        ballots: None,
        seal: decision.seal([nonce; 32]),
        sealed_at: now(),
    };
    app.store.record_decision(&slug, 2019, &new, &by("chair")).await.unwrap().unwrap();
    app.sync().await;
    app
}

#[tokio::test]
async fn before_the_gala_no_public_byte_depends_on_the_winner() {
    let lidingo = decided_for("0186", 1).await;
    let umea = decided_for("2480", 2).await;
    for path in [
        EDITION,
        API,
        "/kommuner/0186",
        "/kommuner/2480",
        "/digitaliseringskommun",
        "/?lang=en",
        "/digitaliseringskommun/2019/program",
        "/digitaliseringskommun/2019/program.ics",
        "/digitaliseringskommun/2019/nyheter.atom",
        "/digitaliseringskommun/2019/tidsplan.ics",
    ] {
        let (a, b) = (lidingo.get(path).await, umea.get(path).await);
        assert_eq!(a.status, b.status, "{path}");
        // The commitments differ (as they would for two sealings of the same winner, each with
        // its own nonce); masked out, the responses are the same byte for byte.
        let mask = |body: &str| match commitment(body) {
            Some(c) => body.replace(&c, &"x".repeat(64)),
            None => body.to_owned(),
        };
        assert_eq!(a.body.len(), b.body.len(), "{path}: sizes differ");
        assert_eq!(mask(&a.body), mask(&b.body), "{path}: bytes differ");
        for h in ["content-length", "etag", "last-modified", "cache-control"] {
            assert_eq!(a.headers.get(h), b.headers.get(h), "{path}: header {h}");
        }
    }
    // At the gala they differ, as they should.
    let (a, b) = (lidingo.at(&gala().to_string()), umea.at(&gala().to_string()));
    assert_ne!(a.get(API).await.json()["winner"], b.get(API).await.json()["winner"]);
}

/// The 64-hex commitment in a response, if any.
fn commitment(body: &str) -> Option<String> {
    let bytes = body.as_bytes();
    bytes.windows(64).enumerate().find_map(|(i, w)| {
        let s = std::str::from_utf8(w).ok()?;
        (juryn_domain::seal::is_hex64(s) && (i == 0 || !bytes[i - 1].is_ascii_hexdigit()))
            .then(|| s.to_owned())
    })
}

/// Before the gala, nobody outside the jury and the organisers meets the winner anywhere they
/// can go: not as anonymous, nor as a nominee's contact, nor as an expert.
#[tokio::test]
async fn before_the_gala_no_role_outside_the_jury_finds_the_winner() {
    use crate::helpers::person;
    use juryn_domain::{Grant, Role, Scope};
    let app = spawn_app_at(Some(NOW)).await;
    demo::load_at(&*app.store, Phase::Decided, now()).await.unwrap();
    app.sync().await;
    let edition = Scope::Edition(Slug::parse("digitaliseringskommun").unwrap(), 2019);
    let contact = Grant {
        role: Role::EntrantContact,
        scope: edition.clone(),
        municipality: Some(MunicipalityCode::parse("0186").unwrap()),
    };
    let expert = Grant { role: Role::Expert, scope: edition, municipality: None };
    person(&app, "kontakt@lidingo.se", Some("correct horse battery staple"), &[contact]).await;
    person(&app, "expert@example.se", Some("correct horse battery staple"), &[expert]).await;
    let decision =
        app.store.decision(&Slug::parse("digitaliseringskommun").unwrap(), 2019).await.unwrap().unwrap();
    let secrets = [
        decision.citation.as_str(),
        decision.seal.nonce.as_str(),
        "\"winner\":{",
        "id=\"vinnare\"",
        "Juryns motivering",
    ];
    let paths = [
        "/",
        EDITION,
        API,
        "/digitaliseringskommun",
        "/digitaliseringskommun/2019/jury",
        "/kommuner/0186",
        "/kommuner/2480",
        "/kommuner/1080",
        "/portal",
        "/jury/digitaliseringskommun/2019",
        "/jury/digitaliseringskommun/2019/besok",
        "/jury/digitaliseringskommun/2019/mote",
        "/jury/digitaliseringskommun/2019/bidrag/0186",
        "/konto",
        "/finns-inte",
        "/digitaliseringskommun/2019/program",
        "/digitaliseringskommun/2019/program.ics",
        "/digitaliseringskommun/2019/nyheter.atom",
        "/digitaliseringskommun/2019/tidsplan.ics",
    ];
    for who in [None, Some("kontakt@lidingo.se"), Some("expert@example.se")] {
        let mut b = app.browser();
        if let Some(email) = who {
            b.sign_in(email, "correct horse battery staple").await;
        }
        for path in paths {
            let page = b.get(path).await;
            for secret in secrets {
                assert!(!page.body.contains(secret), "{who:?} found {secret:?} at {path}");
            }
            for (name, value) in &page.headers {
                let value = value.to_str().unwrap_or("");
                assert!(secrets.iter().all(|s| !value.contains(s)), "{who:?}: header {name} at {path}");
            }
        }
        // The meeting, with the ballots and the count, is the jury's alone.
        let meeting = b.get("/jury/digitaliseringskommun/2019/mote").await.status;
        assert!(!meeting.is_success(), "{who:?} opened the meeting: {meeting}");
    }
}

#[tokio::test]
async fn the_organiser_adds_changes_in_place_and_removes_programme_events() {
    use crate::helpers::person;
    let app = spawn_app_at(Some(NOW)).await;
    demo::load_at(&*app.store, Phase::Nominated, now()).await.unwrap();
    app.sync().await;
    person(&app, "org@example.se", Some("correct horse battery staple"), &[juryn_domain::Grant::organiser()])
        .await;
    let mut org = app.browser();
    org.sign_in("org@example.se", "correct horse battery staple").await;
    let admin = "/admin/digitaliseringskommun/2019/program";
    let before = app.store.events(&Slug::parse("digitaliseringskommun").unwrap(), 2019).await.unwrap().len();
    let bad = org
        .post(
            admin,
            &[
                ("op", "add"),
                ("kind", "seminar"),
                ("title_sv", " "),
                ("starts", "2019-11-14T13:00"),
                ("ends", "2019-11-14T12:00"),
            ],
        )
        .await;
    assert_eq!(bad.status, axum::http::StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_has("Ge programpunkten en rubrik").assert_has(r#"value="2019-11-14T13:00""#);
    let added = org
        .post(
            admin,
            &[
                ("op", "add"),
                ("kind", "seminar"),
                ("title_sv", "Frukostseminarium"),
                ("starts", "2019-11-14T08:00"),
                ("ends", "2019-11-14T09:00"),
                ("place", "Svenska Mässan"),
                ("municipality", "2480"),
                ("people", "Anna Andersson"),
            ],
        )
        .await;
    assert_eq!(added.status, axum::http::StatusCode::SEE_OTHER);
    let page = app.get("/digitaliseringskommun/2019/program").await;
    page.assert_has("Frukostseminarium").assert_has("Umeå, Anna Andersson");
    let ics = app.get("/digitaliseringskommun/2019/program.ics").await;
    assert!(ics.body.contains("DTSTART:20191114T070000Z"), "{}", ics.body);
    let events = app.store.events(&Slug::parse("digitaliseringskommun").unwrap(), 2019).await.unwrap();
    assert_eq!(events.len(), before + 1);
    let index = events.iter().position(|e| e.title.sv == "Frukostseminarium").unwrap().to_string();
    // Changed in place: the form holds the event as it is; a bad change keeps what was typed.
    let form = org.get(&format!("{admin}?andra={index}")).await;
    form.assert_has(r#"value="Frukostseminarium""#).assert_has(r#"value="2019-11-14T08:00""#);
    form.assert_has(r#"value="2480" checked"#).assert_has("Anna Andersson</textarea>");
    let change = |place: &'static str, ends: &'static str| {
        vec![
            ("op", "save"),
            ("index", index.as_str()),
            ("kind", "seminar"),
            ("title_sv", "Frukostseminarium"),
            ("starts", "2019-11-14T08:00"),
            ("ends", ends),
            ("place", place),
            ("municipality", "2480"),
        ]
    };
    let refused = org.post(admin, &change("Lilla salen", "2019-11-14T07:00")).await;
    assert_eq!(refused.status, axum::http::StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_has(r#"value="Lilla salen""#);
    let saved = org.post(admin, &change("Lilla salen", "2019-11-14T09:30")).await;
    assert_eq!(saved.status, axum::http::StatusCode::SEE_OTHER);
    let events = app.store.events(&Slug::parse("digitaliseringskommun").unwrap(), 2019).await.unwrap();
    assert_eq!(events.len(), before + 1, "changed, not added");
    app.get("/digitaliseringskommun/2019/program")
        .await
        .assert_has("Lilla salen")
        .assert_lacks("Anna Andersson");
    let mut gone = change("x", "2019-11-14T09:30");
    gone[1] = ("index", "99");
    assert_eq!(org.post(admin, &gone).await.status, axum::http::StatusCode::NOT_FOUND);
    let index = events.iter().position(|e| e.title.sv == "Frukostseminarium").unwrap().to_string();
    assert_eq!(
        org.post(admin, &[("op", "delete"), ("index", &index)]).await.status,
        axum::http::StatusCode::SEE_OTHER
    );
    app.get("/digitaliseringskommun/2019/program").await.assert_lacks("Frukostseminarium");
    assert_eq!(
        org.post(admin, &[("op", "delete"), ("index", "99")]).await.status,
        axum::http::StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn the_news_feed_gains_each_item_when_it_becomes_public_and_the_timeline_is_a_calendar() {
    let app = spawn_app_at(Some(NOW)).await;
    demo::load_at(&*app.store, Phase::Decided, now()).await.unwrap();
    app.sync().await;
    let atom = app.get("/digitaliseringskommun/2019/nyheter.atom").await;
    assert_eq!(atom.headers["content-type"], "application/atom+xml; charset=utf-8");
    assert!(atom.body.contains("De nominerade till Sveriges DigitaliseringsKommun 2019"), "{}", atom.body);
    assert!(atom.body.contains("Juryns beslut om Sveriges DigitaliseringsKommun 2019 är förseglat"));
    assert!(!atom.body.contains("vinner"), "no winner before the gala");
    let announce = app
        .store
        .edition(&Slug::parse("digitaliseringskommun").unwrap(), 2019)
        .await
        .unwrap()
        .unwrap()
        .announce_at
        .unwrap();
    let at = app.at(&announce.to_string());
    let after = at.get("/digitaliseringskommun/2019/nyheter.atom").await;
    assert!(after.body.contains("Lidingö vinner Sveriges DigitaliseringsKommun 2019"), "{}", after.body);
    let ics = app.get("/digitaliseringskommun/2019/tidsplan.ics").await;
    assert_eq!(ics.headers["content-type"], "text/calendar; charset=utf-8");
    assert!(
        ics.body.contains("DTSTART;VALUE=DATE:20190801") && ics.body.contains("DTEND;VALUE=DATE:20191001"),
        "{}",
        ics.body
    );
    assert!(ics.body.contains("Fördjupad granskning med platsbesök"));
}
