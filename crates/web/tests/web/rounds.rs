//! Two rounds of the jury through the chair's page: the first round cuts the entries to five to
//! ten, the second chooses the nominees among those only.

use axum::http::StatusCode;
use jiff::Timestamp;
use juryn_domain::round::Round;
use juryn_domain::{LocalizedText, Phase, Slug};
use juryn_store::demo;

use crate::helpers::{TestApp, person, spawn_app_at};

const PASSWORD: &str = "correct horse battery staple";
const NOW: &str = "2026-11-26T12:00:00Z";
const URI: &str = "/jury/digitaliseringskommun/2019/slutnominering";

fn choice(list: &[&str]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for c in list {
        out.push(("nominee".to_owned(), (*c).to_owned()));
        out.push((format!("rationale-{c}"), format!("Skäl för {c}")));
    }
    out.push(("bekraftat".to_owned(), "ja".to_owned()));
    out
}

fn fields(v: &[(String, String)]) -> Vec<(&str, &str)> {
    v.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

/// The demo at shortlisting, set up for two rounds: five to ten, then three to five.
async fn two_rounds() -> (TestApp, Slug) {
    let app = spawn_app_at(Some(NOW)).await;
    demo::load_at(&*app.store, Phase::Shortlisting, NOW.parse::<Timestamp>().unwrap()).await.unwrap();
    let slug = Slug::parse(demo::AWARD_SLUG).unwrap();
    let rounds = [("Nominering", 5, 10), ("Slutnominering", 3, 5)].map(|(name, least, most)| Round {
        name: LocalizedText::new(name, name),
        least,
        most,
        wording: LocalizedText::new("Juryn har nominerat {n} kommuner", "The jury has nominated {n}"),
    });
    app.store.put_rounds(&slug, 2019, &rounds, &app.by("org")).await.unwrap().unwrap();
    (app, slug)
}

#[tokio::test]
async fn the_chair_cuts_to_six_and_then_chooses_three_among_them() {
    let (app, slug) = two_rounds().await;
    app.sync().await;
    let email = demo::juror_email("Karin Ekholm");
    person(&app, &email, Some(PASSWORD), &[]).await;
    let mut chair = app.browser();
    chair.sign_in(&email, PASSWORD).await;

    let first = chair.get(URI).await;
    first.assert_has("<h1>Nominering</h1>").assert_has("mellan 5 och 10");
    let four = chair.post(URI, &fields(&choice(&["0186", "2480", "1080", "1780"]))).await;
    assert_eq!(four.status, StatusCode::UNPROCESSABLE_ENTITY);
    four.assert_has("Urvalet ska ha 5–10 kommuner; du valde 4.").assert_has("Skäl för 2480");
    first.assert_has(">Registrera urvalet</button>").assert_lacks("Registrera slutnomineringen");
    let list = "/jury/digitaliseringskommun/2019";
    chair.get(list).await.assert_has("Omgång 1 av 2: Nominering. Juryn väljer 5–10 kommuner");
    let six = ["0186", "2480", "1080", "1780", "0181", "0180"];
    let recorded = chair.post(URI, &fields(&choice(&six))).await;
    assert_eq!(recorded.status, StatusCode::SEE_OTHER);
    // Back to the list, which says it and names the next round.
    assert_eq!(recorded.header("location"), format!("{list}?klart=urval"));
    chair
        .get(&format!("{list}?klart=urval"))
        .await
        .assert_has("Urvalet är registrerat.")
        .assert_has("Omgång 2 av 2: Slutnominering");
    chair.get(list).await.assert_lacks("Urvalet är registrerat.");
    // Kept in alphabetical order, as it will be published: not in the order ticked or ranked.
    let cut: Vec<String> =
        app.store.cuts(&slug, 2019).await.unwrap()[0].codes().iter().map(ToString::to_string).collect();
    assert_eq!(cut, ["1080", "1780", "0186", "0180", "0181", "2480"], "Karlskrona … Umeå");

    // The last round is reviewed afresh: the chair sees its page once their reviews in it are in.
    let gated = chair.get(URI).await;
    gated.assert_has("inga bedömningar i den här omgången");
    review_in_this_round(&app, &slug, &email, &six[..2]).await;

    // The last round: the six only, and the edition is still shortlisting until it is recorded.
    let second = chair.get(URI).await;
    second.assert_has("<h2>Nominering</h2>").assert_has("mellan 3 och 5");
    assert!(!second.body.contains(r#"value="2514""#), "Kalix was not in the cut");
    let outside = chair.post(URI, &fields(&choice(&["0186", "2480", "2514"]))).await;
    assert_eq!(outside.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.store.edition(&slug, 2019).await.unwrap().unwrap().phase, Phase::Shortlisting);
    assert_eq!(
        chair.post(URI, &fields(&choice(&["0186", "2480", "1080"]))).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(app.store.edition(&slug, 2019).await.unwrap().unwrap().phase, Phase::Nominated);
    assert_eq!(app.store.shortlist(&slug, 2019).await.unwrap().len(), 3);
}

#[tokio::test]
async fn each_published_cut_is_on_the_edition_page_and_in_the_json_in_order() {
    let (app, slug) = two_rounds().await;
    let seven: Vec<_> = ["0186", "2480", "1080", "1780", "0181", "0180", "0114"]
        .map(|c| (juryn_domain::MunicipalityCode::parse(c).unwrap(), String::new()))
        .into();
    app.store.record_cut((&slug, 2019, 1), &seven, None, &app.by("chair")).await.unwrap().unwrap();
    let json = "/api/v1/awards/digitaliseringskommun/editions/2019";
    app.sync().await;
    assert_eq!(app.get(json).await.json()["rounds"], serde_json::json!([]), "not public until scheduled");
    // Public from a second in the future: not before it, and then at once (the caches know).
    let at: Timestamp = "2026-11-27T08:00:00Z".parse().unwrap();
    assert!(
        !app.store.schedule_cut((&slug, 2019, 2), at, &app.by("org")).await.unwrap(),
        "round 2 has no cut"
    );
    assert!(app.store.schedule_cut((&slug, 2019, 1), at, &app.by("org")).await.unwrap());
    app.sync().await;
    app.get("/digitaliseringskommun/2019").await.assert_lacks("Juryn har nominerat sju kommuner");
    let feed = "/digitaliseringskommun/2019/nyheter.atom";
    app.get(feed).await.assert_lacks("Juryn har nominerat sju kommuner");
    let later = app.at("2026-11-27T08:00:01Z");
    later.get("/digitaliseringskommun/2019").await.assert_has("Juryn har nominerat sju kommuner");
    later.get(feed).await.assert_has("Nominering: Juryn har nominerat sju kommuner").assert_has("#urval-1");
    let body = later.get(json).await.json();
    assert_eq!(body["rounds"].as_array().unwrap().len(), 1);
    assert_eq!(body["rounds"][0]["name"], "Nominering");
    assert_eq!(body["rounds"][0]["selected"].as_array().unwrap().len(), 7);
    assert_eq!(body["nominees"], serde_json::json!([]), "the last cut is not made yet");
}

#[tokio::test]
async fn the_organiser_sets_up_the_rounds_and_publishes_a_cut() {
    let app = spawn_app_at(Some(NOW)).await;
    demo::load_at(&*app.store, Phase::Shortlisting, NOW.parse::<Timestamp>().unwrap()).await.unwrap();
    let slug = Slug::parse(demo::AWARD_SLUG).unwrap();
    person(&app, "org@example.se", Some(PASSWORD), &[juryn_domain::Grant::organiser()]).await;
    let mut org = app.browser();
    org.sign_in("org@example.se", PASSWORD).await;
    let uri = "/admin/digitaliseringskommun/2019/omgangar";
    org.get(uri).await.assert_has("Juryns omgångar").assert_has("Spara omgångarna");
    let form = |most_second: &'static str| {
        vec![
            ("op", "save"),
            ("name_sv-0", "Nominering"),
            ("least-0", "5"),
            ("most-0", "10"),
            ("wording_sv-0", "Juryn har nominerat {n} kommuner."),
            ("name_sv-1", "Slutnominering"),
            ("least-1", "3"),
            ("most-1", most_second),
            ("wording_sv-1", "Juryn har slutnominerat {n} kommuner."),
        ]
    };
    // The second round may not select more than the first leaves.
    let bad = org.post(uri, &form("6")).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_has("Omgång 2 kan inte välja fler än omgång 1 lämnar").assert_has(r#"value="Slutnominering""#);
    assert!(app.store.rounds(&slug, 2019).await.unwrap().is_empty(), "nothing written");
    let words = org
        .post(uri, &[("op", "save"), ("name_sv-0", "Nominering"), ("least-0", "fem"), ("most-0", "10")])
        .await;
    assert_eq!(words.status, StatusCode::UNPROCESSABLE_ENTITY);
    words.assert_has("som heltal i omgång 1").assert_has(r#"value="fem""#);
    assert_eq!(org.post(uri, &form("5")).await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.store.rounds(&slug, 2019).await.unwrap().len(), 2);

    // The chair's first cut, then its publication at a second the organiser chooses.
    let six: Vec<_> = ["0186", "2480", "1080", "1780", "0181", "0180"]
        .map(|c| (juryn_domain::MunicipalityCode::parse(c).unwrap(), String::new()))
        .into();
    app.store.record_cut((&slug, 2019, 1), &six, None, &app.by("chair")).await.unwrap().unwrap();
    // Lidingö's contact will be told, with the follow-up that is for this cut.
    let contact = juryn_domain::Grant {
        role: juryn_domain::Role::EntrantContact,
        scope: juryn_domain::Scope::Edition(slug.clone(), 2019),
        municipality: Some(six[0].0),
    };
    person(&app, "it@lidingo.se", Some(PASSWORD), &[contact]).await;
    let follow_up = juryn_domain::follow_up::FollowUp {
        after_round: 1,
        closes_at: "2026-12-20T22:00:00Z".parse().unwrap(),
        questions: vec![juryn_domain::questionnaire::Question::long_text(
            LocalizedText::sv_only("Mognad"),
            None,
        )],
    };
    app.store.put_follow_up(&slug, 2019, &follow_up, &app.by("org")).await.unwrap().unwrap();
    let page = org.get(uri).await;
    page.assert_has("Publicera urvalet").assert_has("omgångarna kan inte ändras längre");
    let published = org.post(uri, &[("op", "publish"), ("round", "1"), ("at", "2026-11-27T09:00")]).await;
    assert_eq!(published.status, StatusCode::SEE_OTHER);
    let cut = &app.store.cuts(&slug, 2019).await.unwrap()[0];
    assert_eq!(cut.public_at, Some("2026-11-27T08:00:00Z".parse().unwrap()), "Stockholm time");
    let told: Vec<String> = app.mails().await.into_iter().filter(|m| m.contains("it@lidingo.se>")).collect();
    assert_eq!(told.len(), 1, "{told:?}");
    assert!(
        told[0].contains("har valt ut Lidingö i omgången Nominering") && told[0].contains("/uppfoljning"),
        "{}",
        told[0]
    );
    // Publishing again at another second tells no one twice.
    org.post(uri, &[("op", "publish"), ("round", "1"), ("at", "2026-11-27T10:00")]).await;
    assert_eq!(app.mails().await.iter().filter(|m| m.contains("it@lidingo.se>")).count(), 1);
    let late = org.post(uri, &[("op", "save"), ("name_sv-0", "X"), ("least-0", "1"), ("most-0", "1")]).await;
    assert_eq!(late.status, StatusCode::CONFLICT);
}

#[tokio::test]
async fn the_second_round_is_assigned_reviewed_and_ranked_afresh_among_the_cut() {
    let (app, slug) = two_rounds().await;
    app.sync().await;
    let email = demo::juror_email("Karin Ekholm");
    let chair_id = person(&app, &email, Some(PASSWORD), &[]).await;
    let mut chair = app.browser();
    chair.sign_in(&email, PASSWORD).await;
    let six = ["0186", "2480", "1080", "1780", "0181", "0180"];
    assert_eq!(chair.post(URI, &fields(&choice(&six))).await.status, StatusCode::SEE_OTHER);

    // The organiser's matrix lists the six only, and what is posted outside them is refused.
    let org = "org@example.se";
    person(&app, org, Some(PASSWORD), &[juryn_domain::Grant::organiser()]).await;
    let mut organiser = app.browser();
    organiser.sign_in(org, PASSWORD).await;
    let matrix = "/admin/digitaliseringskommun/2019/tilldelning";
    let page = organiser.get(matrix).await;
    page.assert_has("Lidingö").assert_lacks("Kalix");
    let outside = organiser.post(matrix, &[("pair", &format!("{chair_id}-2514"))]).await;
    assert_eq!(outside.status, StatusCode::UNPROCESSABLE_ENTITY);
    let pair = format!("{chair_id}-0186");
    assert_eq!(organiser.post(matrix, &[("pair", &pair)]).await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.store.assignments(&slug, 2019).await.unwrap(), [(chair_id, code("0186"))]);

    // The chair reviews Lidingö again, on a fresh form, and the ranking is of this round only.
    let jury = "/jury/digitaliseringskommun/2019";
    let form = chair.get(&format!("{jury}/bidrag/0186")).await;
    assert_eq!(form.status, StatusCode::OK);
    form.assert_lacks("Andra omgången");
    let ids: Vec<i64> =
        app.store.criteria_with_ids(&slug, 2019).await.unwrap().into_iter().map(|(id, _)| id).collect();
    let mut review: Vec<(String, String)> =
        ids.iter().map(|id| (format!("score-{id}"), "5".to_owned())).collect();
    review.push(("overall".into(), "Andra omgången".into()));
    review.push(("op".into(), "submit".into()));
    let sent = chair.post(&format!("{jury}/bidrag/0186/bedomning"), &fields(&review)).await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let reviews = app.store.reviews(&slug, 2019).await.unwrap();
    assert_eq!(reviews.len(), 1, "the first round's reviews stay with the first round");
    assert_eq!(reviews[0].overall, "Andra omgången");
    let ranking = chair.get(&format!("{jury}/rangordning")).await;
    assert_eq!(ranking.status, StatusCode::OK);
    ranking.assert_has("Lidingö").assert_lacks("Kalix");
}

fn code(c: &str) -> juryn_domain::MunicipalityCode {
    juryn_domain::MunicipalityCode::parse(c).unwrap()
}

/// Assigns the juror the entries in the round being decided and submits a review of each.
async fn review_in_this_round(app: &TestApp, slug: &Slug, email: &str, codes: &[&str]) {
    let user = app.store.user_by_email(email).await.unwrap().expect("the juror").id;
    let criteria = app.store.criteria_with_ids(slug, 2019).await.unwrap();
    for c in codes {
        app.store.set_assigned(slug, 2019, user, code(c), true, &app.by("org")).await.unwrap().unwrap();
        let scores = criteria
            .iter()
            .map(|(id, _)| juryn_domain::review::Score {
                criterion: *id,
                score: Some(4),
                comment: String::new(),
            })
            .collect();
        let save = juryn_store::ReviewSave { scores, overall: String::new(), submit: true };
        app.store.save_review(slug, 2019, user, code(c), &save, &app.by("juror")).await.unwrap().unwrap();
    }
    app.sync().await;
}
