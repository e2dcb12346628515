//! The timeline editor: milestones added as people write dates, corrected, reordered and
//! removed; every bad input a message with what was typed kept and nothing written; and a
//! reschedule — the gala postponed — that keeps the old date in view, tells the feed, offers a
//! letter to the people involved, carries the announcement with it and leaves the seal valid.

use axum::http::StatusCode;
use jiff::{SignedDuration, Timestamp};
use juryn_domain::{Grant, Phase, Slug};
use juryn_store::demo;

use crate::helpers::{TestApp, new_edition_2021, person, spawn_app_at, spawn_empty_app};

const PASSWORD: &str = "correct horse battery staple";
const EDITOR: &str = "/admin/testpriset/2021/halltider";

fn slug() -> Slug {
    Slug::parse("testpriset").unwrap()
}

fn milestone<'a>(kind: &'a str, date: &'a str, text: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![("op", "add"), ("kind", kind), ("date", date), ("text_sv", text)]
}

async fn texts(app: &TestApp) -> Vec<String> {
    app.store
        .timeline(&slug(), 2021)
        .await
        .unwrap()
        .iter()
        .map(|m| format!("{} {}", m.span, m.label.sv))
        .collect()
}

#[tokio::test]
async fn the_real_2021_timeline_is_written_as_people_write_dates() {
    let app = spawn_empty_app().await;
    let mut org = new_edition_2021(&app).await;
    let page = org.get(EDITOR).await;
    page.assert_has("<h1>Hålltider, Testpriset 2021</h1>").assert_has("Inga hålltider än.");
    for (kind, date, text) in [
        ("call-closes", "29 april", "Sista dag för bidrag och nomineringar"),
        ("other", "12 maj", "Sista dag att komplettera för nominerade kommuner"),
        ("gala", "november 2021", "Gala"),
        ("shortlist", "maj", "Juryn nominerar 5–10 kommuner"),
        ("shortlist", "juni", "Juryn slutnominerar 3–5 kommuner"),
        ("site-visits", "september–oktober", "Digitala möten med de slutnominerade"),
    ] {
        let added = org.post(EDITOR, &milestone(kind, date, text)).await;
        assert_eq!(added.status, StatusCode::SEE_OTHER, "{date}");
    }
    // Placed by date as they came, the gala last although added third.
    assert_eq!(
        texts(&app).await,
        [
            "2021-04-29 Sista dag för bidrag och nomineringar",
            "2021-05 Juryn nominerar 5–10 kommuner",
            "2021-05-12 Sista dag att komplettera för nominerade kommuner",
            "2021-06 Juryn slutnominerar 3–5 kommuner",
            "2021-09/2021-10 Digitala möten med de slutnominerade",
            "2021-11 Gala",
        ]
    );
    // "maj" starts before "12 maj": the organiser moves it below.
    org.post(EDITOR, &[("op", "down"), ("index", "1")]).await;
    assert!(texts(&app).await[2].ends_with("Juryn nominerar 5–10 kommuner"));
    let public = app.get("/testpriset/2021").await;
    public.assert_has("29 april").assert_has("September–oktober").assert_has("Digitala möten");
    // A correction is no move: the text and date change, nothing says "Flyttad".
    let form = org.get(&format!("{EDITOR}?andra=0")).await;
    form.assert_has(r#"value="29 april 2021""#).assert_has("Sista dag för bidrag och nomineringar");
    let fixed = org
        .post(
            EDITOR,
            &[
                ("op", "save"),
                ("index", "0"),
                ("kind", "call-closes"),
                ("date", "30 april 2021"),
                ("text_sv", "Sista dag"),
            ],
        )
        .await;
    assert_eq!(fixed.status, StatusCode::SEE_OTHER);
    assert_eq!(texts(&app).await[0], "2021-04-30 Sista dag");
    app.get("/testpriset/2021").await.assert_lacks("Flyttad");
    org.post(EDITOR, &[("op", "delete"), ("index", "0")]).await;
    assert_eq!(texts(&app).await.len(), 5);
    // The log says who changed it.
    org.get("/admin/logg").await.assert_has("timeline.put");
}

#[tokio::test]
async fn bad_dates_and_texts_are_refused_with_what_was_typed_kept() {
    let app = spawn_empty_app().await;
    let mut org = new_edition_2021(&app).await;
    org.post(EDITOR, &milestone("call-opens", "1 mars 2021", "Utlysningen öppnar")).await;
    let generation = app.store.generation().await.unwrap();
    let long = "x".repeat(10_000);
    for (form, says, kept) in [
        (
            milestone("gala", "31 februari 2021", "Gala"),
            "”31 februari 2021” går inte att läsa som ett datum",
            "31 februari 2021",
        ),
        (
            milestone("shortlist", "maj–april 2021", "Nominering"),
            "”maj–april 2021” slutar före det börjar",
            "maj–april 2021",
        ),
        (
            milestone("shortlist", "2021-10/2021-09", "Nominering"),
            "slutar före det börjar",
            "2021-10/2021-09",
        ),
        (milestone("gala", "", "Gala"), "Skriv ett datum.", "Gala"),
        (milestone("", "maj 2021", "Nominering"), "Välj vilket slag av hålltid det är.", "maj 2021"),
        (milestone("gala", "november 2021", ""), "Skriv vad som händer, på svenska.", "november 2021"),
        (milestone("gala", "november 2021", &long), "Texten får vara högst 500 tecken.", "november 2021"),
        (
            milestone("call-closes", "1 februari 2021", "Sista dag"),
            "Utlysningen kan inte stänga före den öppnar.",
            "Sista dag",
        ),
    ] {
        let page = org.post(EDITOR, &form).await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY, "{says}");
        page.assert_has(says).assert_has(&format!(r#"value="{kept}""#));
    }
    assert_eq!(app.store.generation().await.unwrap(), generation, "nothing was written");
    // A milestone that is not there: 404, for a correction and a move alike.
    assert_eq!(org.get(&format!("{EDITOR}?andra=7")).await.status, StatusCode::NOT_FOUND);
    let gone = org.post(EDITOR, &[("op", "move"), ("index", "7"), ("date", "maj 2022")]).await;
    assert_eq!(gone.status, StatusCode::NOT_FOUND);
    assert_eq!(org.post(EDITOR, &[("op", "nonsense"), ("index", "0")]).await.status, StatusCode::BAD_REQUEST);
    // English readers are answered in English.
    let page = org.post(&format!("{EDITOR}?lang=en"), &milestone("gala", "31 februari 2021", "Gala")).await;
    page.assert_has("cannot be read as a date");
}

const NOW: &str = "2026-11-26T12:00:00Z";
const DEMO: &str = "/admin/digitaliseringskommun/2019/halltider";

fn demo_slug() -> Slug {
    Slug::parse("digitaliseringskommun").unwrap()
}

#[tokio::test]
async fn the_gala_postponed_keeps_its_old_date_moves_the_announcement_and_the_seal_holds() {
    let app = spawn_app_at(Some(NOW)).await;
    demo::load_at(&*app.store, Phase::Decided, NOW.parse().unwrap()).await.unwrap();
    app.sync().await;
    person(&app, "org@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut org = app.browser();
    org.sign_in("org@example.se", PASSWORD).await;
    let before = app.store.edition(&demo_slug(), 2019).await.unwrap().unwrap();
    let (old_announce, commitment) = (
        before.announce_at.unwrap(),
        app.store.decision(&demo_slug(), 2019).await.unwrap().unwrap().seal.commitment,
    );
    let timeline = app.store.timeline(&demo_slug(), 2019).await.unwrap();
    let gala = timeline.iter().position(|m| m.kind == juryn_domain::MilestoneKind::Gala).unwrap();

    let form = org.get(&format!("{DEMO}?flytta={gala}")).await;
    form.assert_has("Tillkännagivandet av vinnaren flyttas med galan.");
    let same = org.post(DEMO, &[("op", "move"), ("index", &gala.to_string()), ("date", "2019-11-12")]).await;
    assert_eq!(same.status, StatusCode::UNPROCESSABLE_ENTITY);
    same.assert_has("Det nya datumet är detsamma som det gamla.");
    let moved =
        org.post(DEMO, &[("op", "move"), ("index", &gala.to_string()), ("date", "10 december 2026")]).await;
    assert_eq!(moved.status, StatusCode::SEE_OTHER);
    let notice = format!("{DEMO}/meddela/{gala}");
    assert_eq!(moved.location(), notice);

    // The public page keeps the old date; the feed and the JSON say it moved.
    let page = app.get("/digitaliseringskommun/2019").await;
    page.assert_has("10 december 2026").assert_has("Flyttad från 12 november 2019");
    let feed = app.get("/digitaliseringskommun/2019/nyheter.atom").await;
    feed.assert_has("flyttas till 10 december 2026")
        .assert_has("från 12 november 2019 till 10 december 2026");
    let json = app.get("/api/v1/awards/digitaliseringskommun/editions/2019").await.json();
    let item = json["timeline"].as_array().unwrap().iter().find(|m| m["kind"] == "gala").unwrap().clone();
    assert_eq!(
        (item["span"].as_str(), item["moved_from"].as_str()),
        (Some("2026-12-10"), Some("2019-11-12"))
    );

    // The announcement moved with the gala, to the same clock time; the seal is the same and
    // the winner stays hidden at the old time.
    let after = app.store.edition(&demo_slug(), 2019).await.unwrap().unwrap().announce_at.unwrap();
    assert_eq!(after, old_announce.checked_add(SignedDuration::from_hours(24 * 7)).unwrap());
    let api = "/api/v1/awards/digitaliseringskommun/editions/2019";
    assert_eq!(app.at(&old_announce.to_string()).get(api).await.json()["winner"], serde_json::Value::Null);
    let revealed = app.at(&after.to_string()).get(api).await.json();
    assert_eq!(revealed["seal"]["commitment"], commitment.as_str());
    let (json, nonce) =
        (revealed["seal"]["json"].as_str().unwrap(), revealed["seal"]["nonce"].as_str().unwrap());
    assert!(juryn_domain::seal::verify(json, nonce, &commitment), "the sealed decision is still valid");
    assert!(revealed["winner"]["code"].is_string());

    // The letter, previewed and then sent once to each person involved.
    let preview = org.get(&notice).await;
    preview.assert_has("Nytt datum i Sveriges DigitaliseringsKommun 2019: Vinnaren tillkännages");
    preview.assert_has("Nytt datum: 10 december 2026").assert_has("Tidigare: 12 november 2019");
    let mails = app.mails().await.len();
    let sent = org.post(&notice, &[]).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER);
    let count = app.mails().await.len() - mails;
    assert!(count > 0, "the jury of the demo was told");
    assert!(sent.location().contains(&format!("meddelat={count}")));
    assert!(app.mails().await.last().unwrap().contains("10 december 2026"));
    org.post(&notice, &[]).await;
    assert_eq!(app.mails().await.len() - mails, count, "no one is told twice");
    org.get("/admin/logg").await.assert_has("timeline.move");

    // Moving it again remembers the date just left.
    let timeline = app.store.timeline(&demo_slug(), 2019).await.unwrap();
    assert_eq!(timeline[gala].moved.unwrap().from.to_string(), "2019-11-12");
    let at: Timestamp = NOW.parse().unwrap();
    assert!(timeline[gala].moved.unwrap().at >= at);
}

#[tokio::test]
async fn an_archived_timeline_is_read_only_and_others_are_refused() {
    let app = spawn_app_at(Some(NOW)).await;
    person(&app, "org@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut org = app.browser();
    org.sign_in("org@example.se", PASSWORD).await;
    app.force_phase(&demo_slug(), 2019, Phase::Archived).await;
    let refused = org.post(DEMO, &milestone("other", "maj 2019", "Något")).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    let mut nobody = app.browser();
    assert_eq!(
        nobody.post(DEMO, &milestone("other", "maj 2019", "Något")).await.location(),
        "/logga-in?nasta=/admin/digitaliseringskommun/2019/halltider"
    );
}
