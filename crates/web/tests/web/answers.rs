//! A maturity self-assessment is read once and shown with the scale's words wherever a person
//! reads it — the organiser's entry page, the jury's entry page, the meeting, the booklet — and
//! never as its stored form ("helt,delvis,inte-alls").

use juryn_domain::questionnaire::{Question, QuestionKind};
use juryn_domain::{Grant, LocalizedText, MunicipalityCode, Phase, Slug};
use juryn_store::demo;

use crate::helpers::by;
use crate::helpers::{TestApp, person, spawn_app_at};

const PASSWORD: &str = "correct horse battery staple";
const NOW: &str = "2019-10-10T10:00:00Z";
const STORED: &str = "helt,delvis,inte-alls";

/// The demo in deliberation, its questionnaire with a self-assessment added, which Lidingö (a
/// nominee) has answered.
async fn with_an_assessment() -> TestApp {
    let app = spawn_app_at(Some(NOW)).await;
    demo::load_at(&*app.store, Phase::Deliberation, NOW.parse().unwrap()).await.unwrap();
    let slug = Slug::parse(demo::AWARD_SLUG).unwrap();
    let mut questions = app.store.questions(&slug, 2019).await.unwrap();
    let indicators = ["E-tjänster", "Öppna data", "AI-stöd"].map(LocalizedText::sv_only).to_vec();
    questions.push(Question {
        prompt: LocalizedText::sv_only("Hur mogen är kommunen?"),
        help: LocalizedText::default(),
        kind: QuestionKind::Maturity { indicators },
        required: false,
    });
    app.store.put_questions(&slug, 2019, &questions, &by("test")).await.unwrap();
    let lidingo = MunicipalityCode::parse("0186").unwrap();
    let mut entry = app
        .store
        .entries(&slug, 2019)
        .await
        .unwrap()
        .into_iter()
        .find(|e| e.municipality == lidingo)
        .unwrap();
    entry.answers.resize(3, String::new());
    entry.answers.push(STORED.to_owned());
    app.store.put_entry(&slug, 2019, &entry, &by("test")).await.unwrap();
    app.sync().await;
    app
}

fn assert_in_words(body: &str, place: &str) {
    assert!(!body.contains(STORED), "{place} shows the stored form");
    for row in
        ["<th scope=\"row\">E-tjänster</th><td>Helt</td>", "<th scope=\"row\">AI-stöd</th><td>Inte alls</td>"]
    {
        assert!(body.contains(row), "{place} lacks {row}");
    }
}

#[tokio::test]
async fn a_self_assessment_is_shown_with_the_scales_words_everywhere() {
    let app = with_an_assessment().await;
    person(&app, "org@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut org = app.browser();
    org.sign_in("org@example.se", PASSWORD).await;
    let page = org.get("/admin/digitaliseringskommun/2019/bidrag/0186").await;
    assert_in_words(&page.body, "the organiser's entry page");

    let chair = demo::juror_email("Karin Ekholm");
    person(&app, &chair, Some(PASSWORD), &[]).await;
    let mut karin = app.browser();
    karin.sign_in(&chair, PASSWORD).await;
    let meeting = karin.get("/jury/digitaliseringskommun/2019/mote").await;
    assert!(meeting.body.contains("<caption>Hur mogen är kommunen?</caption>"));
    assert_in_words(&meeting.body, "the meeting");
    let entry = karin.get("/jury/digitaliseringskommun/2019/bidrag/0186").await;
    assert_in_words(&entry.body, "the jury's entry page");

    // The booklet as typeset now: the table's words, not the stored form.
    let pdf = org.get("/admin/digitaliseringskommun/2019/skrift/forhandsgranskning.pdf").await;
    let text = juryn_readback::read(&pdf.bytes).text();
    assert!(text.contains("Öppna data") && text.contains("Delvis") && text.contains("Inte alls"), "{text}");
    assert!(!text.contains(STORED));
}

#[tokio::test]
async fn open_data_give_a_self_assessment_as_an_object_and_as_a_column_per_indicator() {
    let app = with_an_assessment().await;
    let slug = Slug::parse(demo::AWARD_SLUG).unwrap();
    let at: jiff::Timestamp = "2019-10-01T00:00:00Z".parse().unwrap();
    app.store
        .set_open_data(&slug, 2019, juryn_domain::opendata::Licence::CcBy4, at, &by("test"))
        .await
        .unwrap();
    app.sync().await;
    let json = app.get("/digitaliseringskommun/2019/oppna-data/bidrag.json").await.json();
    let lidingo = json["entries"].as_array().unwrap().iter().find(|e| e["code"] == "0186").unwrap().clone();
    let assessment = &lidingo["answers"][3];
    assert_eq!(assessment["question"], "Hur mogen är kommunen?");
    assert_eq!(
        assessment["answer"],
        serde_json::json!({"E-tjänster": "helt", "Öppna data": "delvis", "AI-stöd": "inte-alls"})
    );
    // Text answers stay text.
    assert!(lidingo["answers"][0]["answer"].is_string());
    let csv = app.get("/digitaliseringskommun/2019/oppna-data/bidrag.csv").await.body;
    let header = csv.lines().next().unwrap();
    assert!(header.ends_with("Hur mogen är kommunen?: E-tjänster,Hur mogen är kommunen?: Öppna data,Hur mogen är kommunen?: AI-stöd"), "{header}");
    // Lidingö's record (its answers span lines) ends with the three words; no other has them.
    assert_eq!(csv.matches(",Helt,Delvis,Inte alls\n").count(), 1, "{csv}");
    assert!(!csv.contains(STORED));
}
