//! The review round through the web: a juror's list and scoring (others' reviews only after
//! one's own), conflicts, bad input refused with a clear message and nothing written, the
//! ranking, the chair's shortlist within its bounds and against a racing decision, and the
//! organiser's publication at a chosen second.

use axum::http::StatusCode;
use jiff::Timestamp;
use juryn_domain::{Grant, MunicipalityCode, Phase, Role, Scope, Slug};
use juryn_store::demo;

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

/// The demo in the middle of shortlisting, "now" fixed.
async fn round() -> TestApp {
    let app = spawn_app_at(Some(NOW)).await;
    demo::load_at(&*app.store, Phase::Shortlisting, NOW.parse::<Timestamp>().unwrap()).await.unwrap();
    app.sync().await;
    app
}

/// A demo juror, signed in (the demo's accounts have no password; the test gives one).
async fn juror<'a>(app: &'a TestApp, name: &str) -> (Browser<'a>, i64) {
    let email = demo::juror_email(name);
    let id = person(app, &email, Some(PASSWORD), &[]).await;
    let mut b = app.browser();
    assert_eq!(b.sign_in(&email, PASSWORD).await.status, StatusCode::SEE_OTHER, "{name} signs in");
    (b, id)
}

async fn organiser(app: &TestApp) -> Browser<'_> {
    person(app, "org@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut b = app.browser();
    b.sign_in("org@example.se", PASSWORD).await;
    b
}

/// An entry assigned to the juror that they have not begun, and one they have submitted.
async fn entries_of(app: &TestApp, user: i64) -> (MunicipalityCode, MunicipalityCode) {
    let assigned: Vec<MunicipalityCode> = app
        .store
        .assignments(&slug(), 2019)
        .await
        .unwrap()
        .into_iter()
        .filter(|(u, _)| *u == user)
        .map(|(_, c)| c)
        .collect();
    let reviews = app.store.reviews(&slug(), 2019).await.unwrap();
    let mine = |c: MunicipalityCode| reviews.iter().find(|r| r.user_id == user && r.municipality == c);
    let fresh = *assigned.iter().find(|c| mine(**c).is_none()).expect("one not started");
    let done = *assigned
        .iter()
        .find(|c| mine(**c).is_some_and(|r| r.submitted_at.is_some()))
        .expect("one submitted");
    (fresh, done)
}

async fn criteria(app: &TestApp) -> Vec<i64> {
    app.store.criteria_with_ids(&slug(), 2019).await.unwrap().into_iter().map(|(id, _)| id).collect()
}

#[tokio::test]
async fn a_juror_sees_progress_scores_and_sees_the_others_only_after_submitting() {
    let app = round().await;
    let (mut sofia, id) = juror(&app, "Sofia Lind").await;
    let list = sofia.get(JURY).await;
    list.assert_has("Ej påbörjad")
        .assert_has("Utkast")
        .assert_has("Inskickad")
        .assert_has("Du har skickat in");
    let (fresh, _) = entries_of(&app, id).await;
    let page_uri = format!("{JURY}/bidrag/{fresh}");
    let others: Vec<String> = app
        .store
        .reviews(&slug(), 2019)
        .await
        .unwrap()
        .into_iter()
        .filter(|r| r.municipality == fresh && r.submitted_at.is_some())
        .map(|r| r.juror)
        .collect();
    assert!(!others.is_empty(), "someone else has reviewed {fresh}");
    let before = sofia.get(&page_uri).await;
    before.assert_has("visas när du har skickat in din egen").assert_has("Kommunens svar");
    for name in &others {
        before.assert_lacks(name);
    }

    let ids = criteria(&app).await;
    let (a, b, c) = (format!("score-{}", ids[0]), format!("score-{}", ids[1]), format!("score-{}", ids[2]));
    let action = format!("{page_uri}/bedomning");
    let comment = format!("comment-{}", ids[0]);
    let draft = sofia
        .post(&action, &[(&a, "3"), (&comment, "Tydligt"), ("overall", "Lovande"), ("op", "save")])
        .await;
    assert_eq!(draft.status, StatusCode::SEE_OTHER, "{}", draft.body);
    sofia
        .get(&page_uri)
        .await
        .assert_has("Utkast, sparat")
        .assert_has(">Tydligt</textarea>")
        .assert_has("Lovande")
        .assert_has(">Tydligt</textarea>");

    // Submitting with a criterion left out: refused, what was typed is kept.
    let missing =
        sofia.post(&action, &[(&a, "4"), (&b, "2"), ("overall", "Lovande, men"), ("op", "submit")]).await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    missing.assert_has("Ge Kommunen som helhet ett betyg").assert_has("Lovande, men");
    missing.assert_has(&format!(r#"name="{a}" value="4" checked"#));

    let done = sofia.post(&action, &[(&a, "4"), (&b, "2"), (&c, "5"), ("op", "submit")]).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let after = sofia.get(&page_uri).await;
    after.assert_has("Inskickad").assert_lacks("visas när du har skickat in din egen");
    for name in &others {
        after.assert_has(name);
    }
    let stored = app.store.reviews(&slug(), 2019).await.unwrap();
    let mine = stored.iter().find(|r| r.user_id == id && r.municipality == fresh).unwrap();
    assert_eq!(mine.scores.iter().map(|s| s.score).collect::<Vec<_>>(), [Some(4), Some(2), Some(5)]);

    // The discussion opens with one's own submission.
    let post = sofia.post(&format!("{page_uri}/diskussion"), &[("body", "Stark på demokrati.")]).await;
    assert_eq!(post.status, StatusCode::SEE_OTHER);
    sofia.get(&page_uri).await.assert_has("Stark på demokrati.");
    let empty = sofia.post(&format!("{page_uri}/diskussion"), &[("body", "  ")]).await;
    assert_eq!(empty.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn bad_scores_are_refused_with_a_clear_message_and_nothing_is_written() {
    let app = round().await;
    let (mut sofia, id) = juror(&app, "Sofia Lind").await;
    let (fresh, _) = entries_of(&app, id).await;
    let action = format!("{JURY}/bidrag/{fresh}/bedomning");
    let ids = criteria(&app).await;
    let a = format!("score-{}", ids[0]);
    let written = || async {
        app.store
            .reviews(&slug(), 2019)
            .await
            .unwrap()
            .into_iter()
            .any(|r| r.user_id == id && r.municipality == fresh)
    };

    let off = sofia.post(&action, &[(&a, "6"), ("op", "save")]).await;
    assert_eq!(off.status, StatusCode::UNPROCESSABLE_ENTITY);
    off.assert_has("måste vara mellan 1 och 5");
    let word = sofia.post(&action, &[(&a, "tre"), ("op", "save")]).await;
    assert_eq!(word.status, StatusCode::UNPROCESSABLE_ENTITY);
    word.assert_has("måste vara ett heltal");

    // A criterion of another edition.
    let mut other = demo::edition_content();
    other.edition.year = 2020;
    app.store.put_edition(&other, &by("test")).await.unwrap();
    let foreign = app.store.criteria_with_ids(&slug(), 2020).await.unwrap()[0].0;
    let key = format!("score-{foreign}");
    let wrong = sofia.post(&action, &[(&key, "3"), ("op", "save")]).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    wrong.assert_has("hör till den här omgången");
    assert!(!written().await, "nothing half-written");

    // Not assigned: an entry of someone else's.
    let assigned = app.store.assignments(&slug(), 2019).await.unwrap();
    let unassigned = assigned.iter().map(|(_, c)| *c).find(|c| !assigned.contains(&(id, *c))).unwrap();
    let not_mine =
        sofia.post(&format!("{JURY}/bidrag/{unassigned}/bedomning"), &[(&a, "3"), ("op", "save")]).await;
    assert_eq!(not_mine.status, StatusCode::FORBIDDEN);
    not_mine.assert_has("inte tilldelats");

    // Conflicted: Anders Wikström lives in Östersund; the entry is not even readable.
    let (mut anders, _) = juror(&app, "Anders Wikström").await;
    let conflicted =
        anders.post(&format!("{JURY}/bidrag/2380/bedomning"), &[(&a, "3"), ("op", "save")]).await;
    assert_eq!(conflicted.status, StatusCode::FORBIDDEN);
    assert_eq!(anders.get(&format!("{JURY}/bidrag/2380")).await.status, StatusCode::FORBIDDEN);

    // After the round has closed.
    app.force_phase(&slug(), 2019, Phase::Nominated).await;
    let late = sofia.post(&action, &[(&a, "3"), ("op", "save")]).await;
    assert_eq!(late.status, StatusCode::CONFLICT);
    late.assert_has("Bedömningsomgången är stängd");
    assert!(!written().await, "nothing written after the round");
}

#[tokio::test]
async fn a_declared_conflict_hides_the_entry_and_joins_the_register() {
    let app = round().await;
    let (mut sofia, id) = juror(&app, "Sofia Lind").await;
    let (fresh, done) = entries_of(&app, id).await;
    let no_reason = sofia.post(&format!("{JURY}/jav"), &[("kommun", fresh.as_str()), ("reason", " ")]).await;
    assert_eq!(no_reason.status, StatusCode::UNPROCESSABLE_ENTITY);
    no_reason.assert_has("Skriv skälet").assert_has(&format!(r#"value="{fresh}" selected"#));
    let declared = sofia
        .post(&format!("{JURY}/jav"), &[("kommun", done.as_str()), ("reason", "Min bror är kommunchef")])
        .await;
    assert_eq!(declared.status, StatusCode::SEE_OTHER);
    sofia
        .get(JURY)
        .await
        .assert_lacks(&format!(r#"href="{JURY}/bidrag/{done}""#))
        .assert_has("Min bror är kommunchef");
    assert_eq!(sofia.get(&format!("{JURY}/bidrag/{done}")).await.status, StatusCode::FORBIDDEN);
    // Her review of it no longer counts anywhere, and others do not see it.
    assert!(
        !app.store
            .reviews(&slug(), 2019)
            .await
            .unwrap()
            .iter()
            .any(|r| r.user_id == id && r.municipality == done)
    );

    let mut org = organiser(&app).await;
    let csv = org.get("/admin/digitaliseringskommun/2019/jav.csv").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(csv.headers["content-type"], "text/csv; charset=utf-8");
    assert!(csv.body.contains("Min bror är kommunchef"), "{}", csv.body);
    assert!(csv.body.contains("Jonas Berg") && csv.body.contains("Karlskrona"));
    assert!(csv.body.contains("Anders Wikström") && csv.body.contains("bor i kommunen"));

    // The organiser lifts it with a reason; a lift without one is refused.
    let id_s = id.to_string();
    let bare = org
        .post(
            "/admin/digitaliseringskommun/2019/jav",
            &[("user", &id_s), ("kommun", done.as_str()), ("kind", "lifted")],
        )
        .await;
    assert_eq!(bare.status, StatusCode::UNPROCESSABLE_ENTITY);
    let lifted = org
        .post(
            "/admin/digitaliseringskommun/2019/jav",
            &[
                ("user", &id_s),
                ("kommun", done.as_str()),
                ("kind", "lifted"),
                ("reason", "Brodern har slutat"),
            ],
        )
        .await;
    assert_eq!(lifted.status, StatusCode::SEE_OTHER);
    assert_eq!(sofia.get(&format!("{JURY}/bidrag/{done}")).await.status, StatusCode::OK);
}

#[tokio::test]
async fn the_ranking_leaves_out_what_a_reader_is_conflicted_with() {
    let app = round().await;
    let (mut karin, _) = juror(&app, "Karin Ekholm").await;
    let page = karin.get(&format!("{JURY}/rangordning")).await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_has(r#"<svg class="chart""#).assert_has("Östersund").assert_has("Leila Haddad");
    let (mut anders, _) = juror(&app, "Anders Wikström").await;
    let his = anders.get(&format!("{JURY}/rangordning")).await;
    his.assert_lacks("Östersund").assert_has("Bidrag där du har jäv ingår inte");
    his.assert_lacks("Jurymedlemmarnas nivå");
}

#[tokio::test]
async fn after_a_write_the_kept_rankings_are_computed_again_before_anyone_asks() {
    let app = round().await;
    let (mut karin, id) = juror(&app, "Karin Ekholm").await;
    assert_eq!(karin.get(&format!("{JURY}/rangordning")).await.status, StatusCode::OK);
    let kept = app.state.rankings.keys();
    assert!(!kept.is_empty(), "the view keeps its ranking");
    // A write that changes no score (a discussion post): the generation moves all the same.
    let reviews = app.store.reviews(&slug(), 2019).await.unwrap();
    let submitted =
        reviews.iter().find(|r| r.user_id == id && r.submitted_at.is_some()).unwrap().municipality;
    let post = karin
        .post(&format!("{JURY}/bidrag/{submitted}/diskussion"), &[("body", "Starkt på styrning.")])
        .await;
    assert_eq!(post.status, StatusCode::SEE_OTHER);
    let generation = app.state.cache.generation();
    let ready = || kept.iter().all(|k| app.state.rankings.get(k, generation).is_some());
    for _ in 0..200 {
        if ready() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    assert!(ready(), "the ranking of generation {generation} is there with no one having asked for it");
}

fn nominees(list: &[&str]) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for c in list {
        out.push(("nominee".to_owned(), (*c).to_owned()));
        out.push((format!("rationale-{c}"), format!("Skäl för {c}")));
    }
    out
}

fn fields(v: &[(String, String)]) -> Vec<(&str, &str)> {
    v.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect()
}

#[tokio::test]
async fn the_shortlist_keeps_its_bounds_survives_a_race_and_appears_at_its_second() {
    let app = round().await;
    let (mut karin, _) = juror(&app, "Karin Ekholm").await;
    let (mut karin_again, _) = juror(&app, "Karin Ekholm").await;
    let uri = format!("{JURY}/slutnominering");
    let two = nominees(&["0186", "2480"]);
    let short = karin.post(&uri, &fields(&two)).await;
    assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY);
    short.assert_has("ska ha 3–5 nominerade; du valde 2").assert_has("Skäl för 2480");
    let six = nominees(&["0186", "2480", "1080", "1780", "0181", "0180"]);
    let long = karin.post(&uri, &fields(&six)).await;
    assert_eq!(long.status, StatusCode::UNPROCESSABLE_ENTITY);
    long.assert_has("du valde 6");
    let mut silent = nominees(&["0186", "2480", "1080"]);
    silent.retain(|(k, _)| k != "rationale-1080");
    karin.post(&uri, &fields(&silent)).await.assert_has("Skriv en motivering för Karlskrona");
    let not_an_entry = nominees(&["0186", "2480", "0115"]);
    karin.post(&uri, &fields(&not_an_entry)).await.assert_has("finns inte bland de inskickade");
    assert_eq!(app.store.edition(&slug(), 2019).await.unwrap().unwrap().phase, Phase::Shortlisting);

    // Two decisions at once: one is kept whole, the other refused.
    let five = nominees(&["1080", "1780", "0186", "0181", "2480"]);
    let other = nominees(&["1080", "1780", "0186"]);
    let (mut five, mut other) = (fields(&five), fields(&other));
    // Recording asks first, naming the nominees; asking records nothing.
    let asked = karin.post(&uri, &five).await;
    assert_eq!(asked.status, StatusCode::OK);
    asked.assert_has("Registrera slutnomineringen?").assert_has("kan inte ångras");
    assert_eq!(app.store.edition(&slug(), 2019).await.unwrap().unwrap().phase, Phase::Shortlisting);
    five.push(("bekraftat", "ja"));
    other.push(("bekraftat", "ja"));
    let (a, b) = tokio::join!(karin.post(&uri, &five), karin_again.post(&uri, &other));
    let statuses = [a.status, b.status];
    assert!(
        statuses.contains(&StatusCode::SEE_OTHER) && statuses.contains(&StatusCode::CONFLICT),
        "{statuses:?}"
    );
    let kept = app.store.shortlist(&slug(), 2019).await.unwrap();
    assert!(kept.len() == 5 || kept.len() == 3);

    // Not public until the organiser's chosen second.
    let contact = Grant {
        role: Role::EntrantContact,
        scope: Scope::Edition(slug(), 2019),
        municipality: Some(code("0186")),
    };
    person(&app, "lidingo@example.se", None, &[contact]).await;
    app.sync().await;
    assert_eq!(
        app.get("/api/v1/awards/digitaliseringskommun/editions/2019").await.json()["nominees"],
        serde_json::json!([])
    );
    let mut org = organiser(&app).await;
    let early = org.post("/admin/digitaliseringskommun/2019/nominerade", &[("at", "inte en tid")]).await;
    assert_eq!(early.status, StatusCode::UNPROCESSABLE_ENTITY);
    // 14:00 in Stockholm on 26 November is 13:00 UTC.
    // Publishing asks first, with the names and the time; asking publishes and mails nothing.
    let mails_before = app.mails().await.len();
    let asked = org.post("/admin/digitaliseringskommun/2019/nominerade", &[("at", "2026-11-26T14:00")]).await;
    assert_eq!(asked.status, StatusCode::OK);
    asked.assert_has("Publicera de nominerade?").assert_has("26 november 2026 kl. 14.00");
    assert_eq!(app.mails().await.len(), mails_before);
    let set = org
        .post(
            "/admin/digitaliseringskommun/2019/nominerade",
            &[("at", "2026-11-26T14:00"), ("bekraftat", "ja")],
        )
        .await;
    assert_eq!(set.status, StatusCode::SEE_OTHER, "{}", set.body);
    let mail = app
        .mails()
        .await
        .into_iter()
        .find(|m| m.contains("lidingo@example.se"))
        .expect("the contact is told");
    assert!(mail.contains("har nominerat Lidingö") && mail.contains("26 november 2026 kl. 14.00"), "{mail}");
    app.sync().await;
    let api = "/api/v1/awards/digitaliseringskommun/editions/2019";
    let before = app.at("2026-11-26T12:59:59Z");
    assert_eq!(before.get(api).await.json()["nominees"], serde_json::json!([]));
    before.get("/digitaliseringskommun/2019").await.assert_lacks("slutnominerat");
    let at = app.at("2026-11-26T13:00:00Z");
    assert_eq!(at.get(api).await.json()["nominees"].as_array().unwrap().len(), kept.len());
    at.get("/digitaliseringskommun/2019").await.assert_has("slutnominerat");
}

#[tokio::test]
async fn organisers_export_the_scores_as_csv_and_xlsx() {
    let app = round().await;
    let mut org = organiser(&app).await;
    let csv = org.get("/admin/digitaliseringskommun/2019/bedomningar.csv").await;
    assert_eq!(csv.status, StatusCode::OK);
    assert!(
        csv.headers["content-disposition"]
            .to_str()
            .unwrap()
            .contains("bedomningar-digitaliseringskommun-2019.csv")
    );
    assert_eq!(csv.headers["cache-control"], "no-store");
    let header = csv.body.lines().next().unwrap();
    // In Swedish, as a Swedish spreadsheet reads it: semicolons, and a decimal comma.
    assert!(header.contains("Kommunkod;Kommun;"), "{header}");
    assert!(
        csv.body.lines().skip(1).any(|l| l.split(';').any(|f| f.contains(',')
            && f.parse::<f64>().is_err()
            && f.replace(',', ".").parse::<f64>().is_ok())),
        "a decimal comma"
    );
    assert!(
        header.contains("Kommunkod")
            && header.contains("Verksamhetsutveckling")
            && header.contains("Demokrati")
    );
    let reviews = app.store.reviews(&slug(), 2019).await.unwrap();
    assert_eq!(csv.body.lines().count(), reviews.len() + 1);
    assert!(csv.body.contains("Leila Haddad") && csv.body.contains("Utkast"));
    let by_juror = org.get("/admin/digitaliseringskommun/2019/bedomningar.csv?ordning=jurymedlem").await;
    let second = by_juror.body.lines().nth(1).unwrap();
    assert!(second.contains("Anders Wikström"), "sorted by juror: {second}");
    let xlsx = org.get("/admin/digitaliseringskommun/2019/bedomningar.xlsx").await;
    assert_eq!(xlsx.status, StatusCode::OK);
    assert!(xlsx.headers["content-type"].to_str().unwrap().contains("spreadsheetml"));
}

#[tokio::test]
async fn organisers_adjust_assignments_and_criteria_within_the_rules() {
    let app = round().await;
    let mut org = organiser(&app).await;
    let members = app.store.jury_members(&slug(), 2019).await.unwrap();
    let anders = members.iter().find(|m| m.name == "Anders Wikström").unwrap().user_id;
    let leila = members.iter().find(|m| m.name == "Leila Haddad").unwrap().user_id;
    let matrix = "/admin/digitaliseringskommun/2019/tilldelning";
    org.get(matrix).await.assert_has("jäv").assert_has(&format!(r#"value="{leila}-0186""#));
    let before = app.store.assignments(&slug(), 2019).await.unwrap();
    let bad = format!("{anders}-2380");
    let refused = org.post(matrix, &[("pair", &bad), ("pair", &format!("{leila}-0186"))]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_has("har jäv mot Östersund");
    assert_eq!(app.store.assignments(&slug(), 2019).await.unwrap(), before, "nothing changed");
    let ok =
        org.post(matrix, &[("pair", &format!("{leila}-0186")), ("pair", &format!("{anders}-0186"))]).await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    assert_eq!(app.store.assignments(&slug(), 2019).await.unwrap().len(), 2);

    // Automatic assignment: 3 per entry, balanced.
    let auto = org
        .post(
            "/admin/digitaliseringskommun/2019/jury",
            &[("op", "assign"), ("mode", "k"), ("per_entry", "3")],
        )
        .await;
    assert_eq!(auto.status, StatusCode::SEE_OTHER);
    let pairs = app.store.assignments(&slug(), 2019).await.unwrap();
    assert_eq!(pairs.len(), 44 * 3);
    let loads: Vec<usize> =
        members.iter().map(|m| pairs.iter().filter(|(u, _)| *u == m.user_id).count()).collect();
    assert!(loads.iter().max().unwrap() - loads.iter().min().unwrap() <= 1, "{loads:?}");
    assert!(!pairs.contains(&(anders, code("2380"))));
    let zero = org
        .post(
            "/admin/digitaliseringskommun/2019/jury",
            &[("op", "assign"), ("mode", "k"), ("per_entry", "noll")],
        )
        .await;
    assert_eq!(zero.status, StatusCode::UNPROCESSABLE_ENTITY);

    // Criteria are locked once scored.
    let locked = org
        .post(
            "/admin/digitaliseringskommun/2019/kriterier",
            &[("name_sv-0", "Nytt"), ("min-0", "1"), ("max-0", "5"), ("weight-0", "1")],
        )
        .await;
    assert_eq!(locked.status, StatusCode::CONFLICT);
    locked.assert_has("Kriterierna kan inte ändras");
    let scale = org
        .post(
            "/admin/digitaliseringskommun/2019/kriterier",
            &[("name_sv-0", "Nytt"), ("min-0", "5"), ("max-0", "1"), ("weight-0", "1")],
        )
        .await;
    assert_eq!(scale.status, StatusCode::UNPROCESSABLE_ENTITY);
    scale.assert_has("Kriterium 1: skalan");
}

#[tokio::test]
async fn the_organiser_sets_the_bounds_and_the_county_rule_until_the_shortlist() {
    let app = round().await;
    let mut org = organiser(&app).await;
    let jury = "/admin/digitaliseringskommun/2019/jury";
    let settings = |min: &'static str, max: &'static str, county: bool| {
        let mut f = vec![("op", "settings"), ("shortlist_min", min), ("shortlist_max", max)];
        if county {
            f.push(("whole_county", "on"));
        }
        f
    };
    for (min, max) in [("0", "5"), ("4", "3"), ("3", "21"), ("tre", "5")] {
        let bad = org.post(jury, &settings(min, max, false)).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{min}–{max}");
        bad.assert_has("Antalet nominerade ska vara heltal").assert_has(&format!(r#"value="{max}""#));
    }
    let before = app.store.conflict_register(&slug(), 2019).await.unwrap().len();
    assert_eq!(org.post(jury, &settings("2", "4", true)).await.status, StatusCode::SEE_OTHER);
    assert!(app.store.conflict_register(&slug(), 2019).await.unwrap().len() > before);
    org.get(jury).await.assert_has(r#"name="whole_county" value="on" checked"#);

    // The chair now chooses 2–4; five is one too many. She lives in Solna, so the county rule
    // keeps her from Stockholm county's entries.
    let (mut karin, _) = juror(&app, "Karin Ekholm").await;
    let lidingo =
        karin.post(&format!("{JURY}/slutnominering"), &fields(&nominees(&["0186", "1080", "1780"]))).await;
    lidingo.assert_has("Du har jäv mot Lidingö");
    let five = nominees(&["1080", "1780", "2480", "1280", "0380"]);
    let refused = karin.post(&format!("{JURY}/slutnominering"), &fields(&five)).await;
    refused.assert_has("ska ha 2–4 nominerade; du valde 5");
    let four = nominees(&["1080", "1780", "2480", "1280"]);
    let mut four_fields = fields(&four);
    four_fields.push(("bekraftat", "ja"));
    let recorded = karin.post(&format!("{JURY}/slutnominering"), &four_fields).await;
    assert_eq!(recorded.status, StatusCode::SEE_OTHER);
    let late = org.post(jury, &settings("3", "5", false)).await;
    assert_eq!(late.status, StatusCode::CONFLICT);
    late.assert_has("inställningarna kan inte ändras");
}

#[tokio::test]
async fn a_juror_sees_the_ranking_only_once_all_their_reviews_are_in() {
    let app = round().await;
    let (mut sofia, id) = juror(&app, "Sofia Lind").await;
    let left = {
        let assigned = app.store.assignments_of(&slug(), 2019, id).await.unwrap();
        let done = app.store.progress_of(&slug(), 2019, id).await.unwrap();
        assigned.iter().filter(|c| !done.contains(&(**c, true))).count()
    };
    assert!(left > 0);
    let page = sofia.get(&format!("{JURY}/rangordning")).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    page.assert_has(&format!("Du har {left} kvar")).assert_lacks("Justerat betyg").assert_lacks("Karlskrona");
    // The same for the shortlist form, were she the chair.
    let chair = Grant { role: Role::JuryChair, scope: Scope::Edition(slug(), 2019), municipality: None };
    app.store.grant(id, &chair, &by("test")).await.unwrap();
    sofia.get(&format!("{JURY}/slutnominering")).await.assert_has(&format!("Du har {left} kvar"));
    let post =
        sofia.post(&format!("{JURY}/slutnominering"), &fields(&nominees(&["1080", "1780", "2480"]))).await;
    assert_eq!(post.status, StatusCode::FORBIDDEN);
    post.assert_has(&format!("Du har {left} kvar")).assert_lacks("Justerat betyg");
    // Submitting the rest opens it.
    let ids = criteria(&app).await;
    for c in app.store.assignments_of(&slug(), 2019, id).await.unwrap() {
        let done = app.store.progress_of(&slug(), 2019, id).await.unwrap().contains(&(c, true));
        if !done {
            let f: Vec<(String, String)> = ids
                .iter()
                .map(|k| (format!("score-{k}"), "3".to_owned()))
                .chain([("op".to_owned(), "submit".to_owned())])
                .collect();
            let page = sofia.post(&format!("{JURY}/bidrag/{c}/bedomning"), &fields(&f)).await;
            assert_eq!(page.status, StatusCode::SEE_OTHER);
        }
    }
    sofia.get(&format!("{JURY}/rangordning")).await.assert_has("Justerat betyg");
}
