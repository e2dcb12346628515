//! The follow-up for those through a cut, as its users meet it: the organiser sets up a
//! self-assessment after the first of two rounds; Lidingö, selected, answers it in the portal
//! until its deadline; the organiser imports another's result from a CSV as Excel writes it
//! (and is told row by row what is wrong with a bad one); the chair reads both as tables.

use axum::http::StatusCode;
use jiff::Timestamp;
use juryn_domain::round::Round;
use juryn_domain::{Grant, LocalizedText, MunicipalityCode, Phase, Role, Scope, Slug};
use juryn_store::demo;

use crate::helpers::{TestApp, person, spawn_app_at};

const PASSWORD: &str = "correct horse battery staple";
const NOW: &str = "2026-11-26T12:00:00Z";
const SETUP: &str = "/admin/digitaliseringskommun/2019/uppfoljning";

fn code(c: &str) -> MunicipalityCode {
    MunicipalityCode::parse(c).unwrap()
}

/// The demo at shortlisting with two rounds, the first one cut to six (Lidingö among them).
async fn after_the_first_cut() -> (TestApp, Slug) {
    let app = spawn_app_at(Some(NOW)).await;
    demo::load_at(&*app.store, Phase::Shortlisting, NOW.parse::<Timestamp>().unwrap()).await.unwrap();
    let slug = Slug::parse(demo::AWARD_SLUG).unwrap();
    let rounds = [("Nominering", 5, 10), ("Slutnominering", 3, 5)].map(|(name, least, most)| Round {
        name: LocalizedText::sv_only(name),
        least,
        most,
        wording: LocalizedText::sv_only("Juryn har nominerat {n} kommuner"),
    });
    app.store.put_rounds(&slug, 2019, &rounds, &app.by("org")).await.unwrap().unwrap();
    app.sync().await;
    (app, slug)
}

async fn cut(app: &TestApp, slug: &Slug) {
    let six: Vec<(MunicipalityCode, String)> =
        ["0186", "2480", "1080", "1780", "0181", "0180"].iter().map(|c| (code(c), String::new())).collect();
    app.store.record_cut((slug, 2019, 1), &six, None, &app.by("chair")).await.unwrap().unwrap();
    app.sync().await;
}

#[tokio::test]
async fn the_selected_answer_the_follow_up_and_the_jury_reads_it_as_a_table() {
    let (app, slug) = after_the_first_cut().await;
    person(&app, "org@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut org = app.browser();
    org.sign_in("org@example.se", PASSWORD).await;

    // Set-up: a deadline that is no time is refused with what was typed kept.
    let page = org.get(SETUP).await;
    page.assert_has("Nominering").assert_has(r#"name="indicators""#);
    let mut form = vec![
        ("after_round", "1"),
        ("closes", "i juni"),
        ("prompt_sv", "Digital mognad (DiMiOS)"),
        ("indicators", "Strategi | Strategy\nLedning\nKompetens"),
        ("comment_sv", "Kommentar till självskattningen"),
    ];
    let bad = org.post(SETUP, &form).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_has("Ange sista dag att svara").assert_has("Strategi | Strategy");
    assert!(app.store.follow_up(&slug, 2019).await.unwrap().is_none(), "nothing written");
    form[1] = ("closes", "2026-12-20T23:59");
    assert_eq!(org.post(SETUP, &form).await.status, StatusCode::SEE_OTHER);
    let f = app.store.follow_up(&slug, 2019).await.unwrap().expect("set up");
    assert_eq!(f.questions.len(), 2);
    cut(&app, &slug).await;

    // Lidingö's contact: a link on the entry, the form, a half answer refused and kept.
    let contact = Grant {
        role: Role::EntrantContact,
        scope: Scope::Edition(slug.clone(), 2019),
        municipality: Some(code("0186")),
    };
    person(&app, "it@lidingo.se", Some(PASSWORD), &[contact]).await;
    let mut lidingo = app.browser();
    lidingo.sign_in("it@lidingo.se", PASSWORD).await;
    let id = app.store.entry_record(&slug, 2019, code("0186")).await.unwrap().unwrap().id;
    let entry = lidingo.get(&format!("/portal/bidrag/{id}")).await;
    entry.assert_has("svara på uppföljningen senast");
    let uri = format!("/portal/bidrag/{id}/uppfoljning");
    lidingo.get(&uri).await.assert_has("Digital mognad (DiMiOS)").assert_has(r#"name="q0-2""#);
    let half = lidingo.post(&uri, &[("q0-0", "helt"), ("q1", "Vi mätte i mars")]).await;
    assert_eq!(half.status, StatusCode::UNPROCESSABLE_ENTITY);
    half.assert_has("Ledning").assert_has("Vi mätte i mars");
    let whole = [("q0-0", "helt"), ("q0-1", "delvis"), ("q0-2", "inte-alls"), ("q1", "Vi mätte i mars")];
    assert_eq!(lidingo.post(&uri, &whole).await.status, StatusCode::SEE_OTHER);
    // A municipality that was not selected has no follow-up page.
    let kalix = app.store.entry_record(&slug, 2019, code("2514")).await.unwrap().unwrap().id;
    assert_eq!(org.get(&format!("/portal/bidrag/{kalix}/uppfoljning")).await.status, StatusCode::NOT_FOUND);

    // The organiser imports Umeå's result as Excel writes it: a byte-order mark, semicolons.
    let excel = "\u{feff}Kommun;Indikator;Nivå\r\n2480;Strategi;Helt\r\nUmeå kommun;2;Inte alls\r\n";
    let import = format!("{SETUP}/import");
    let done = org.post_multipart(&import, &[], ("file", excel.as_bytes())).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    org.get(SETUP)
        .await
        .assert_has("Besvarad i portalen")
        .assert_has("Inläst från fil")
        .assert_has("Inte besvarad ännu");

    // A bad file: each row's problem named, nothing written.
    let bad = "kommun,indikator,nivå\n0180,Strategi,helt\n9999,Strategi,helt\n2514,Strategi,helt\n0181,Budget,helt\n0181,Ledning,4\n";
    let refused = org.post_multipart(&import, &[], ("file", bad.as_bytes())).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused
        .assert_has("Rad 3: ”9999” är ingen kommun")
        .assert_has("Rad 4: Kalix valdes inte ut")
        .assert_has("Rad 5: ”Budget” är ingen av uppföljningens indikatorer")
        .assert_has("Rad 6: ”4” är ingen nivå");
    let answered: Vec<MunicipalityCode> =
        app.store.follow_up_answers(&slug, 2019).await.unwrap().iter().map(|a| a.municipality).collect();
    assert_eq!(answered.len(), 2, "Stockholm's good row was not taken either: {answered:?}");
    let huge = vec![b'a'; 10 * 1024 * 1024];
    let big = org.post_multipart(&import, &[], ("file", &huge)).await;
    assert_eq!(big.status, StatusCode::PAYLOAD_TOO_LARGE);

    // The chair reads both as tables of the scale's words, never the stored values.
    let email = demo::juror_email("Karin Ekholm");
    person(&app, &email, Some(PASSWORD), &[]).await;
    let mut chair = app.browser();
    chair.sign_in(&email, PASSWORD).await;
    let read = chair.get("/jury/digitaliseringskommun/2019/bidrag/0186").await;
    read.assert_has("Uppföljning").assert_has("<th scope=\"row\">Strategi</th><td>Helt</td>");
    read.assert_has("Inte alls").assert_has("Vi mätte i mars").assert_lacks("helt,delvis");
    let umea = chair.get("/jury/digitaliseringskommun/2019/bidrag/2480").await;
    umea.assert_has("Inläst av arrangören").assert_has("<th scope=\"row\">Ledning</th><td>Inte alls</td>");

    // After the deadline the portal takes nothing, and says so.
    let closed =
        juryn_domain::follow_up::FollowUp { closes_at: "2026-11-01T00:00:00Z".parse().unwrap(), ..f };
    app.store.put_follow_up(&slug, 2019, &closed, &app.by("org")).await.unwrap().unwrap();
    let late = lidingo.post(&uri, &whole).await;
    assert_eq!(late.status, StatusCode::CONFLICT);
    late.assert_has("Sista dagen för uppföljningen har passerat");
}

#[tokio::test]
async fn the_meeting_shows_a_nominees_follow_up_as_a_table() {
    let (app, slug) = after_the_first_cut().await;
    let f = juryn_domain::follow_up::FollowUp {
        after_round: 1,
        closes_at: "2026-12-20T22:00:00Z".parse().unwrap(),
        questions: vec![juryn_domain::questionnaire::Question {
            prompt: LocalizedText::sv_only("Digital mognad"),
            help: LocalizedText::default(),
            kind: juryn_domain::questionnaire::QuestionKind::Maturity {
                indicators: vec![LocalizedText::sv_only("Strategi"), LocalizedText::sv_only("Ledning")],
            },
            required: true,
        }],
    };
    app.store.put_follow_up(&slug, 2019, &f, &app.by("org")).await.unwrap().unwrap();
    cut(&app, &slug).await;
    let answers = [(code("0186"), vec!["delvis,helt".to_owned()])];
    let source = juryn_store::FollowUpSource::Import;
    app.store.save_follow_up((&slug, 2019), &answers, source, &app.by("org")).await.unwrap().unwrap();
    let three: Vec<(MunicipalityCode, String)> =
        ["0186", "2480", "1080"].iter().map(|c| (code(c), "Skäl".to_owned())).collect();
    app.store.record_shortlist(&slug, 2019, &three, &app.by("chair")).await.unwrap().unwrap();
    app.force_phase(&slug, 2019, Phase::Deliberation).await;
    app.sync().await;
    let email = demo::juror_email("Karin Ekholm");
    person(&app, &email, Some(PASSWORD), &[]).await;
    let mut chair = app.browser();
    chair.sign_in(&email, PASSWORD).await;
    let meeting = chair.get("/jury/digitaliseringskommun/2019/mote").await;
    assert_eq!(meeting.status, StatusCode::OK);
    meeting
        .assert_has("<caption>Uppföljning: Digital mognad</caption>")
        .assert_has("<th scope=\"row\">Strategi</th><td>Delvis</td>")
        .assert_lacks("delvis,helt");
}
