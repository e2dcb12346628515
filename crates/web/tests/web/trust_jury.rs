//! The blind review and the meeting as a curious juror tries them: peek at the others and then
//! revise, ask for the ranking with nothing to review, read a draft by its address, post the
//! chair's shortlist with reviews left; an expert on an entry page; a juror conflicted with a
//! nominee at the meeting; ballots of jurors revoked or conflicted after voting.

use axum::http::StatusCode;
use jiff::Timestamp;
use juryn_domain::conflict::Ruling;
use juryn_domain::{Grant, MunicipalityCode, Phase, Role, Scope, Slug};
use juryn_store::{ReviewRefusal, demo};

use crate::helpers::by;
use crate::helpers::{Browser, TestApp, person, spawn_app_at};

const PASSWORD: &str = "correct horse battery staple";
const NOW: &str = "2026-11-26T12:00:00Z";
const JURY: &str = "/jury/digitaliseringskommun/2019";

fn slug() -> Slug {
    Slug::parse(demo::AWARD_SLUG).unwrap()
}

fn code(c: &str) -> MunicipalityCode {
    MunicipalityCode::parse(c).unwrap()
}

fn edition_grant(role: Role) -> Grant {
    Grant { role, scope: Scope::Edition(slug(), 2019), municipality: None }
}

async fn at(phase: Phase, now: &str) -> TestApp {
    let app = spawn_app_at(Some(now)).await;
    demo::load_at(&*app.store, phase, now.parse::<Timestamp>().unwrap()).await.unwrap();
    app.sync().await;
    app
}

async fn juror<'a>(app: &'a TestApp, name: &str) -> (Browser<'a>, i64) {
    let email = demo::juror_email(name);
    let id = person(app, &email, Some(PASSWORD), &[]).await;
    let mut b = app.browser();
    assert_eq!(b.sign_in(&email, PASSWORD).await.status, StatusCode::SEE_OTHER, "{name} signs in");
    (b, id)
}

async fn signed_in<'a>(app: &'a TestApp, email: &str, grants: &[Grant]) -> (Browser<'a>, i64) {
    let id = person(app, email, Some(PASSWORD), grants).await;
    let mut b = app.browser();
    assert_eq!(b.sign_in(email, PASSWORD).await.status, StatusCode::SEE_OTHER, "{email} signs in");
    (b, id)
}

/// An entry assigned to the juror that they have not begun.
async fn fresh_entry(app: &TestApp, user: i64) -> MunicipalityCode {
    let reviews = app.store.reviews(&slug(), 2019).await.unwrap();
    app.store
        .assignments_of(&slug(), 2019, user)
        .await
        .unwrap()
        .into_iter()
        .find(|c| !reviews.iter().any(|r| r.user_id == user && r.municipality == *c))
        .expect("one not started")
}

async fn criteria(app: &TestApp) -> Vec<i64> {
    app.store.criteria_with_ids(&slug(), 2019).await.unwrap().into_iter().map(|(id, _)| id).collect()
}

fn scores(ids: &[i64], value: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> =
        ids.iter().map(|id| (format!("score-{id}"), value.to_owned())).collect();
    out.push(("op".into(), "submit".into()));
    out
}

async fn submit(
    b: &mut Browser<'_>,
    c: MunicipalityCode,
    fields: &[(String, String)],
) -> crate::helpers::Page {
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    b.post(&format!("{JURY}/bidrag/{c}/bedomning"), &fields).await
}

#[tokio::test]
async fn a_submitted_review_is_final_and_allowed_changes_are_kept_and_shown_to_the_chair() {
    let app = at(Phase::Shortlisting, NOW).await;
    let (mut sofia, id) = juror(&app, "Sofia Lind").await;
    let c = fresh_entry(&app, id).await;
    let ids = criteria(&app).await;
    // Placeholder scores, submitted to see the others ...
    assert_eq!(submit(&mut sofia, c, &scores(&ids, "1")).await.status, StatusCode::SEE_OTHER);
    let first = app.store.reviews(&slug(), 2019).await.unwrap();
    let first = first.iter().find(|r| r.user_id == id && r.municipality == c).unwrap().clone();
    let page = sofia.get(&format!("{JURY}/bidrag/{c}")).await;
    page.assert_has("kan inte längre ändras").assert_lacks(r#"name="op" value="submit""#);
    // ... then revised with the others' numbers in view: refused, nothing changed.
    let again = submit(&mut sofia, c, &scores(&ids, "5")).await;
    assert_eq!(again.status, StatusCode::CONFLICT);
    again.assert_has("redan inskickad");
    let after = app.store.reviews(&slug(), 2019).await.unwrap();
    let after = after.iter().find(|r| r.user_id == id && r.municipality == c).unwrap();
    assert_eq!((&after.scores, after.submitted_at), (&first.scores, first.submitted_at));

    // Where the organiser allows changes, each is kept and the chair and organisers see it.
    app.store.set_review_changes_allowed(&slug(), 2019, true, &by("test")).await.unwrap();
    app.sync().await;
    assert_eq!(submit(&mut sofia, c, &scores(&ids, "5")).await.status, StatusCode::SEE_OTHER);
    let versions = app.store.review_versions(&slug(), 2019, id, c).await.unwrap();
    assert_eq!(versions.len(), 1);
    assert!(versions[0].scores.iter().all(|s| s.score == Some(1)), "the placeholder is kept");
    let changed = app.store.reviews(&slug(), 2019).await.unwrap();
    let changed = changed.iter().find(|r| r.user_id == id && r.municipality == c).unwrap();
    assert_eq!(changed.submitted_at, first.submitted_at, "the first submission time stays");
    assert!(changed.changed_at.is_some());
    let (mut chair, _) = juror(&app, "Karin Ekholm").await;
    let as_chair = chair.get(&format!("{JURY}/bidrag/{c}")).await;
    if as_chair.status == StatusCode::OK && as_chair.body.contains("Sofia Lind") {
        as_chair.assert_has("Ändrad efter inlämningen").assert_has("Tidigare version");
    }
    let (mut org, _) = signed_in(&app, "org@example.se", &[Grant::organiser()]).await;
    org.get(&format!("{JURY}/bidrag/{c}"))
        .await
        .assert_has("Ändrad efter inlämningen")
        .assert_has("Tidigare version");
    // The audit log says a review was saved, never its scores.
    let log = org.get("/admin/logg").await;
    assert!(!log.body.contains(&format!("{c}: 5")), "no scores in the log");
}

#[tokio::test]
async fn the_shortlist_refusal_shows_nothing_the_page_would_not() {
    let app = at(Phase::Shortlisting, NOW).await;
    // Sofia Lind, with reviews left, made chair: her POST must not carry the ranking.
    let email = demo::juror_email("Sofia Lind");
    let (mut sofia, _) = signed_in(&app, &email, &[edition_grant(Role::JuryChair)]).await;
    let get = sofia.get(&format!("{JURY}/slutnominering")).await;
    assert_eq!(get.status, StatusCode::FORBIDDEN);
    let post =
        sofia.post(&format!("{JURY}/slutnominering"), &[("nominee", "0186"), ("rationale-0186", "x")]).await;
    assert_eq!(post.status, StatusCode::FORBIDDEN);
    for page in [&get, &post] {
        page.assert_has("kvar").assert_lacks("chans till topp").assert_lacks(r#"name="nominee""#);
    }
}

#[tokio::test]
async fn a_juror_with_nothing_to_review_sees_no_ranking_and_whoever_saw_it_gets_no_new_entry() {
    let app = at(Phase::Shortlisting, NOW).await;
    let (mut idle, idle_id) = signed_in(&app, "ledig@example.se", &[edition_grant(Role::Juror)]).await;
    let page = idle.get(&format!("{JURY}/rangordning")).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN, "0 of 0 is not done");
    page.assert_lacks("Lidingö");
    assert!(
        app.store.set_assigned(&slug(), 2019, idle_id, code("0186"), true, &by("t")).await.unwrap().is_ok()
    );

    // Anders Wikström is done: he sees the ranking, and from then on gets nothing new.
    let (mut anders, anders_id) = juror(&app, "Anders Wikström").await;
    assert_eq!(anders.get(&format!("{JURY}/rangordning")).await.status, StatusCode::OK);
    let mine = app.store.assignments_of(&slug(), 2019, anders_id).await.unwrap();
    let conflicts = app.store.conflict_register(&slug(), 2019).await.unwrap();
    let (_, submitted) = {
        let s = app.store.entry_statuses(&slug(), 2019).await.unwrap();
        (
            0,
            s.into_iter()
                .filter(|(_, st)| *st == juryn_domain::EntryStatus::Submitted)
                .map(|(c, _)| c)
                .collect::<Vec<_>>(),
        )
    };
    let new = *submitted
        .iter()
        .find(|c| {
            !mine.contains(c) && !conflicts.iter().any(|k| k.user_id == anders_id && k.municipality == **c)
        })
        .unwrap();
    let refused = app.store.set_assigned(&slug(), 2019, anders_id, new, true, &by("t")).await.unwrap();
    assert_eq!(refused, Err(ReviewRefusal::SawRanking));
    let mut pairs = app.store.assignments(&slug(), 2019).await.unwrap();
    let before = pairs.clone();
    pairs.push((anders_id, new));
    let whole = app.store.replace_assignments(&slug(), 2019, &pairs, &by("t")).await.unwrap();
    assert_eq!(whole, Err(vec![(anders_id, new)]));
    assert_eq!(app.store.assignments(&slug(), 2019).await.unwrap(), before, "nothing changed");
    // The organiser's matrix says why.
    let (mut org, _) = signed_in(&app, "org@example.se", &[Grant::organiser()]).await;
    let fields: Vec<(String, String)> =
        pairs.iter().map(|(u, c)| ("pair".to_owned(), format!("{u}-{c}"))).collect();
    let f: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let page = org.post("/admin/digitaliseringskommun/2019/tilldelning", &f).await;
    assert_eq!(page.status, StatusCode::CONFLICT);
    page.assert_has("har redan sett rangordningen");
    assert_eq!(app.store.assignments(&slug(), 2019).await.unwrap(), before, "nothing changed");
}

#[tokio::test]
async fn an_expert_reads_a_nominee_but_not_the_jurys_reviews_or_discussion() {
    let app = at(Phase::InDepthReview, "2019-09-01T10:00:00Z").await;
    let (mut expert, _) = signed_in(&app, "expert@example.se", &[edition_grant(Role::Expert)]).await;
    let page = expert.get(&format!("{JURY}/bidrag/0186")).await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_has("visas bara för juryn")
        .assert_lacks("Karin Ekholm")
        .assert_lacks("Lidingö ligger högt hos alla tre bedömarna");
    let post = expert.post(&format!("{JURY}/bidrag/0186/diskussion"), &[("body", "Hej")]).await;
    assert_eq!(post.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn jurors_read_submitted_entries_only() {
    let app = at(Phase::Shortlisting, NOW).await;
    // Danderyd starts a draft: the jury cannot open it by its address, nor an expert.
    app.store.ensure_entry(&slug(), 2019, code("0162"), &by("test")).await.unwrap();
    app.sync().await;
    let (mut sofia, _) = juror(&app, "Sofia Lind").await;
    let page = sofia.get(&format!("{JURY}/bidrag/0162")).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    let id = app.store.entry_id(&slug(), 2019, code("0162")).await.unwrap().unwrap();
    assert_eq!(sofia.get(&format!("/portal/bidrag/{id}")).await.status, StatusCode::FORBIDDEN);
    sofia.get(JURY).await.assert_lacks("/bidrag/0162");
    let (mut org, _) = signed_in(&app, "org@example.se", &[Grant::organiser()]).await;
    assert_eq!(org.get(&format!("/portal/bidrag/{id}")).await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_juror_conflicted_with_a_nominee_sees_no_count_and_no_decision_before_the_public() {
    // Decided, the gala a week ahead: Jonas Berg is conflicted with Karlskrona, a nominee.
    let app = at(Phase::Decided, NOW).await;
    let (mut jonas, _) = juror(&app, "Jonas Berg").await;
    let page = jonas.get(&format!("{JURY}/mote")).await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_has("förrän de offentliggörs")
        .assert_lacks(demo::CITATION)
        .assert_lacks("Parvisa jämförelser")
        .assert_lacks("Enligt rösterna:");
    let (mut anders, _) = juror(&app, "Anders Wikström").await;
    anders.get(&format!("{JURY}/mote")).await.assert_has(demo::CITATION);
    // Once public, everyone sees it.
    let later = app.at("2030-01-01T00:00:00Z");
    let (mut jonas_later, _) = signed_in(&later, "jonas2@example.se", &[edition_grant(Role::Juror)]).await;
    let jonas_id = app.store.user_by_email("jonas2@example.se").await.unwrap().unwrap().id;
    let set = Ruling::Set { municipality: code("1080"), reason: "arbetar där".into() };
    app.store.add_ruling(&slug(), 2019, jonas_id, &set, None, &by("t")).await.unwrap();
    later.sync().await;
    jonas_later.get(&format!("{JURY}/mote")).await.assert_has(demo::CITATION);
}

#[tokio::test]
async fn ballots_of_jurors_revoked_or_conflicted_after_voting_are_set_aside_and_named() {
    let at_meeting = "2019-10-10T10:00:00Z";
    let app = at(Phase::Deliberation, at_meeting).await;
    let ballots = app.store.ballots(&slug(), 2019).await.unwrap();
    assert!(ballots.len() >= 3);
    let (mut chair, _) = juror(&app, "Karin Ekholm").await;
    let before = chair.get(&format!("{JURY}/mote")).await;
    before.assert_lacks("Röster som inte räknas");
    // Leila Haddad is found conflicted with Lidingö; Mats Öberg leaves the jury.
    let leila = app.store.user_by_email(&demo::juror_email("Leila Haddad")).await.unwrap().unwrap().id;
    let set = Ruling::Set { municipality: code("0186"), reason: "ny anställning".into() };
    app.store.add_ruling(&slug(), 2019, leila, &set, None, &by("t")).await.unwrap();
    let mats = app.store.user_by_email(&demo::juror_email("Mats Öberg")).await.unwrap().unwrap().id;
    for g in app.store.grants_of(mats).await.unwrap() {
        app.store.revoke(g.id, &by("t")).await.unwrap();
    }
    app.sync().await;
    let page = chair.get(&format!("{JURY}/mote")).await;
    page.assert_has("Röster som inte räknas")
        .assert_has("Leila Haddad har jäv mot Lidingö")
        .assert_has("Mats Öberg sitter inte längre i juryn")
        .assert_has(&format!("{} röster har lämnats", ballots.len() - 2));
}

#[tokio::test]
async fn the_visits_page_shares_no_question_from_a_visit_to_a_nominee_the_reader_is_conflicted_with() {
    let app = at(Phase::InDepthReview, "2019-09-01T10:00:00Z").await;
    // A second visit to Karlskrona, with a question of its own.
    let plan = juryn_domain::visit::Plan {
        nominee: code("1080"),
        starts_at: "2019-09-20T08:00:00Z".parse().unwrap(),
        ends_at: "2019-09-20T12:00:00Z".parse().unwrap(),
        place: "Rådhuset".into(),
        video: None,
        participants: vec![],
        questions: vec!["Hur går det med Karlskronas nya växelsystem?".into()],
    };
    app.store
        .plan_visit(&slug(), 2019, &plan, &juryn_store::Stamp::new("t", Timestamp::now()))
        .await
        .unwrap()
        .unwrap();
    app.sync().await;
    let visits = app.store.visits(&slug(), 2019).await.unwrap();
    let karlskrona =
        visits.iter().rev().find(|v| v.plan.nominee == code("1080")).expect("a visit to Karlskrona");
    let (mut jonas, _) = juror(&app, "Jonas Berg").await;
    let page = jonas.get(&format!("{JURY}/besok")).await;
    assert_eq!(page.status, StatusCode::OK);
    let mut checked = 0;
    for q in &karlskrona.plan.questions {
        let elsewhere = visits.iter().any(|v| v.plan.nominee != code("1080") && v.plan.questions.contains(q));
        if !elsewhere {
            page.assert_lacks(q);
            checked += 1;
        }
    }
    assert!(checked > 0, "the demo's visit to Karlskrona has a question of its own");
}
