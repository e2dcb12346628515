//! Writing an entry in the portal: drafts, word limits, submission, conflicts, the deadline, and
//! that no saved answer is ever lost.

use axum::http::StatusCode;
use juryn_domain::{EntryStatus, Grant, MunicipalityCode, Role, Scope, Slug};

use crate::helpers::by;
use crate::helpers::{Browser, TestApp, person, spawn_app_at};

const PASSWORD: &str = "correct horse battery staple";
/// In the 2019 call: it opened 14 January and closed 29 March 23:59 Stockholm (22:59 UTC).
const DURING_CALL: &str = "2019-03-01T10:00:00Z";

fn slug() -> Slug {
    Slug::parse("digitaliseringskommun").unwrap()
}

fn contact(code: &str) -> Grant {
    Grant {
        role: Role::EntrantContact,
        scope: Scope::Edition(slug(), 2019),
        municipality: Some(MunicipalityCode::parse(code).unwrap()),
    }
}

/// Vadstena (not among the demo's 44) with a contact signed in, and the entry's page.
async fn vadstena(app: &TestApp) -> (Browser<'_>, String) {
    person(app, "kontakt@vadstena.se", Some(PASSWORD), &[contact("0584")]).await;
    let mut b = app.browser();
    assert_eq!(b.sign_in("kontakt@vadstena.se", PASSWORD).await.status, StatusCode::SEE_OTHER);
    let portal = b.get("/portal").await;
    let start = portal
        .body
        .find("/portal/bidrag/")
        .unwrap_or_else(|| panic!("a link to the entry: {} {}", portal.status, portal.body));
    let href: String = portal.body[start..].chars().take_while(|c| *c != '"').collect();
    (b, href)
}

async fn stored(app: &TestApp) -> juryn_store::EntryRecord {
    app.store.entry_record(&slug(), 2019, MunicipalityCode::parse("0584").unwrap()).await.unwrap().unwrap()
}

fn words(n: usize) -> String {
    vec!["ord"; n].join(" ")
}

#[tokio::test]
async fn a_contact_writes_saves_and_submits_with_a_word_limit_that_loses_nothing() {
    let app = spawn_app_at(Some(DURING_CALL)).await;
    let (mut b, href) = vadstena(&app).await;
    let page = b.get(&href).await;
    page.assert_has("Vadstena").assert_has("29 mars 2019 kl. 23.59 (CET)").assert_has("Spara utkast");
    assert_eq!(stored(&app).await.entry.status, EntryStatus::Invited);

    // A draft over the limit is saved all the same, and the page says how far over it is.
    let long = words(601);
    let over = b
        .post(&href, &[("version", "1"), ("action", "spara"), ("q0", &long), ("q1", "Effekten"), ("q2", "")])
        .await;
    assert_eq!(over.status, StatusCode::SEE_OTHER);
    b.get(over.location()).await.assert_has("1 ord för mycket").assert_has("word-count over");
    assert_eq!(stored(&app).await.entry.answers[0], long);
    // Submitting it is refused with the count, the text kept, nothing written.
    let refused = b
        .post(
            &href,
            &[("version", "2"), ("action", "skicka-in"), ("q0", &long), ("q1", "Effekten"), ("q2", "Läxa")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused
        .assert_has("Svaret har 601 ord; högst 600 ord får plats.")
        .assert_has(&long)
        .assert_has("Effekten");
    assert_eq!(stored(&app).await.version, 2);

    // A draft may be incomplete.
    let saved = b
        .post(
            &href,
            &[("version", "2"), ("action", "spara"), ("q0", &words(600)), ("q1", "Effekten"), ("q2", "")],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    assert_eq!(b.get(saved.location()).await.status, StatusCode::OK);
    let now = stored(&app).await;
    assert_eq!((now.version, now.entry.status), (3, EntryStatus::Draft));

    // Submitting needs every required answer.
    let missing = b
        .post(
            &href,
            &[
                ("version", "3"),
                ("action", "skicka-in"),
                ("q0", &words(600)),
                ("q1", "Effekten"),
                ("q2", " "),
            ],
        )
        .await;
    assert_eq!(missing.status, StatusCode::UNPROCESSABLE_ENTITY);
    missing.assert_has("Svaret behövs").assert_has("Bidraget är inte inskickat");
    assert_eq!(stored(&app).await.version, 3);

    let done = b
        .post(
            &href,
            &[
                ("version", "3"),
                ("action", "skicka-in"),
                ("q0", &words(600)),
                ("q1", "Effekten"),
                ("q2", "Lärdomar"),
            ],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let now = stored(&app).await;
    assert_eq!((now.version, now.entry.status), (4, EntryStatus::Submitted));
    assert!(now.entry.submitted_at.is_some());
    let page = b.get(&format!("{href}?klart=inskickat")).await;
    page.assert_has("Bidraget är inskickat")
        .assert_has("Spara och skicka in igen")
        .assert_has("Sparade versioner");
}

#[tokio::test]
async fn a_stale_save_shows_both_versions_and_overwrites_nothing() {
    let app = spawn_app_at(Some(DURING_CALL)).await;
    let (mut anna, href) = vadstena(&app).await;
    person(&app, "bo@vadstena.se", Some(PASSWORD), &[contact("0584")]).await;
    let mut bo = app.browser();
    bo.sign_in("bo@vadstena.se", PASSWORD).await;
    anna.post(&href, &[("version", "1"), ("action", "spara"), ("q0", "Annas text"), ("q1", ""), ("q2", "")])
        .await;
    // Bo's form still says version 1.
    let clash = bo
        .post(&href, &[("version", "1"), ("action", "spara"), ("q0", "Bos text"), ("q1", ""), ("q2", "")])
        .await;
    assert_eq!(clash.status, StatusCode::CONFLICT);
    clash.assert_has("Någon annan har sparat bidraget").assert_has("Annas text").assert_has("Bos text");
    clash.assert_has(r#"name="version" value="2""#);
    assert_eq!(stored(&app).await.entry.answers[0], "Annas text");
    // Having seen both, Bo saves on top of version 2 on purpose.
    let ok = bo
        .post(
            &href,
            &[("version", "2"), ("action", "spara"), ("q0", "Annas och Bos text"), ("q1", ""), ("q2", "")],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    let history = app.store.entry_history(stored(&app).await.id).await.unwrap();
    assert_eq!(
        history.iter().map(|v| v.answers[0].as_str()).collect::<Vec<_>>(),
        ["Annas och Bos text", "Annas text"]
    );
}

#[tokio::test]
async fn the_pages_script_autosaves_drafts_as_json_and_never_overwrites() {
    let app = spawn_app_at(Some(DURING_CALL)).await;
    let (mut b, href) = vadstena(&app).await;
    b.get(&href)
        .await
        .assert_has("data-autosave")
        .assert_has(r#"<script src="/static/juryn.js" defer></script>"#);
    let saved = b
        .post(&href, &[("version", "1"), ("action", "autospara"), ("q0", "Utkast"), ("q1", ""), ("q2", "")])
        .await;
    assert_eq!(saved.status, StatusCode::OK);
    let j = saved.json();
    assert_eq!(j["version"], 2);
    assert!(j["message"].as_str().unwrap().starts_with("Sparat kl. "), "{j}");
    let stale = b
        .post(&href, &[("version", "1"), ("action", "autospara"), ("q0", "Gammalt"), ("q1", ""), ("q2", "")])
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert_eq!(stored(&app).await.entry.answers[0], "Utkast");
    let over = b
        .post(
            &href,
            &[("version", "2"), ("action", "autospara"), ("q0", &words(700)), ("q1", ""), ("q2", "")],
        )
        .await;
    assert_eq!(over.status, StatusCode::OK, "a draft over the limit is saved");
    assert_eq!(stored(&app).await.version, 3);
}

#[tokio::test]
async fn a_double_clicked_submit_submits_once() {
    let app = spawn_app_at(Some(DURING_CALL)).await;
    let (mut b, href) = vadstena(&app).await;
    let form = [("version", "1"), ("action", "skicka-in"), ("q0", "Ett"), ("q1", "Två"), ("q2", "Tre")];
    assert_eq!(b.post(&href, &form).await.status, StatusCode::SEE_OTHER);
    assert_eq!(b.post(&href, &form).await.status, StatusCode::SEE_OTHER);
    let now = stored(&app).await;
    assert_eq!((now.version, now.entry.status), (2, EntryStatus::Submitted));
    assert_eq!(app.store.entry_history(now.id).await.unwrap().len(), 1);
}

#[tokio::test]
async fn after_the_deadline_nothing_is_taken_and_nothing_is_lost() {
    let app = spawn_app_at(Some(DURING_CALL)).await;
    let (mut b, href) = vadstena(&app).await;
    b.post(&href, &[("version", "1"), ("action", "spara"), ("q0", "Sparad före"), ("q1", ""), ("q2", "")])
        .await;
    // One second after 23:59 Stockholm on 29 March.
    let late = app.at("2019-03-29T22:59:01Z");
    let mut lb = late.browser();
    lb.sign_in("kontakt@vadstena.se", PASSWORD).await;
    let refused = lb
        .post(
            &href,
            &[("version", "2"), ("action", "skicka-in"), ("q0", "För sent"), ("q1", "x"), ("q2", "y")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    refused.assert_has("Enkäten stängde 29 mars 2019 kl. 23.59 (CET)").assert_has("För sent");
    let now = stored(&app).await;
    assert_eq!(
        (now.version, now.entry.answers[0].as_str(), now.entry.status),
        (2, "Sparad före", EntryStatus::Draft)
    );
    lb.get(&href).await.assert_has("Enkäten är stängd").assert_lacks("Spara utkast");
}

#[tokio::test]
async fn another_municipalitys_contact_cannot_write_here() {
    let app = spawn_app_at(Some(DURING_CALL)).await;
    let (_, href) = vadstena(&app).await;
    person(&app, "kontakt@lidingo.se", Some(PASSWORD), &[contact("0186")]).await;
    let mut other = app.browser();
    other.sign_in("kontakt@lidingo.se", PASSWORD).await;
    assert_eq!(other.get(&href).await.status, StatusCode::FORBIDDEN);
    let post = other.post(&href, &[("version", "1"), ("action", "spara"), ("q0", "Kapat")]).await;
    assert_eq!(post.status, StatusCode::FORBIDDEN);
    assert_eq!(stored(&app).await.version, 1);
}

#[tokio::test]
async fn bad_input_is_refused_clearly_and_keeps_the_saved_answer() {
    let app = spawn_app_at(Some(DURING_CALL)).await;
    let (mut b, href) = vadstena(&app).await;
    b.post(&href, &[("version", "1"), ("action", "spara"), ("q0", "Bra text"), ("q1", ""), ("q2", "")]).await;
    // One megabyte.
    let token = b.csrf().await;
    let big = format!("csrf={token}&version=2&action=spara&q0={}", "a".repeat(1024 * 1024));
    let page = b.post_raw(&href, big).await;
    assert_eq!(page.status, StatusCode::PAYLOAD_TOO_LARGE);
    page.assert_has("För mycket text");
    // Control characters.
    let page = b
        .post(
            &href,
            &[("version", "2"), ("action", "spara"), ("q0", "nul\u{1}tecken"), ("q1", ""), ("q2", "")],
        )
        .await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    page.assert_has("osynliga styrtecken");
    // Bytes that are not UTF-8.
    let raw: Vec<u8> =
        [format!("csrf={token}&version=2&action=spara&q0=").into_bytes(), vec![0xc3, 0x28]].concat();
    assert_eq!(b.post_raw(&href, raw).await.status, StatusCode::BAD_REQUEST);
    let now = stored(&app).await;
    assert_eq!((now.version, now.entry.answers[0].as_str()), (2, "Bra text"));
}

#[tokio::test]
async fn script_in_an_answer_is_shown_as_text() {
    let app = spawn_app_at(Some(DURING_CALL)).await;
    let (mut b, href) = vadstena(&app).await;
    let answer = "<script>alert('x')</script>\n\nDet här är **fet**.";
    b.post(&href, &[("version", "1"), ("action", "skicka-in"), ("q0", answer), ("q1", "a"), ("q2", "b")])
        .await;
    // The form shows it escaped in the textarea; the jury reads it rendered and sanitised.
    b.get(&href).await.assert_lacks("<script>alert").assert_has("&#60;script&#62;alert");
    let juror = Grant { role: Role::Juror, scope: Scope::Edition(slug(), 2019), municipality: None };
    person(&app, "jury@example.se", Some(PASSWORD), &[juror]).await;
    let mut j = app.browser();
    j.sign_in("jury@example.se", PASSWORD).await;
    let page = j.get("/jury/digitaliseringskommun/2019/bidrag/0584").await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_lacks("<script>alert").assert_has("&lt;script&gt;alert").assert_has("<strong>fet</strong>");
}

#[tokio::test]
async fn consent_is_its_own_choice_and_withdrawal_keeps_the_text() {
    let app = spawn_app_at(Some(DURING_CALL)).await;
    let (mut b, href) = vadstena(&app).await;
    b.post(&href, &[("version", "1"), ("action", "skicka-in"), ("q0", "Ett"), ("q1", "Två"), ("q2", "Tre")])
        .await;
    assert!(!stored(&app).await.consent);
    let c = b.post(&format!("{href}/samtycke"), &[("version", "2"), ("consent", "ja")]).await;
    assert_eq!(c.status, StatusCode::SEE_OTHER);
    let now = stored(&app).await;
    assert!(now.consent);
    assert_eq!(now.entry.status, EntryStatus::Submitted, "consent changes nothing else");
    // Withdrawing asks first; asking changes nothing.
    let asked = b.post(&href, &[("version", "3"), ("action", "dra-tillbaka")]).await;
    assert_eq!(asked.status, StatusCode::OK);
    asked.assert_has("Dra tillbaka bidraget?").assert_has("Det här kan inte ångras");
    assert_eq!(stored(&app).await.entry.status, EntryStatus::Submitted);
    let w = b.post(&href, &[("version", "3"), ("action", "dra-tillbaka"), ("bekraftat", "ja")]).await;
    assert_eq!(w.status, StatusCode::SEE_OTHER);
    let now = stored(&app).await;
    assert_eq!(
        (now.entry.status, now.entry.answers.clone()),
        (EntryStatus::Withdrawn, vec!["Ett".to_owned(), "Två".into(), "Tre".into()])
    );
}

#[tokio::test]
async fn saved_versions_are_numbered_from_one_compared_and_restored_and_a_submission_sends_a_receipt() {
    let app = spawn_app_at(Some(DURING_CALL)).await;
    let (mut b, href) = vadstena(&app).await;
    let save = |v: &'static str, q0: &'static str| {
        [("version", v), ("action", "spara"), ("q0", q0), ("q1", "Effekt"), ("q2", "")]
    };
    b.post(&href, &save("1", "Första utkastet")).await;
    b.post(&href, &save("2", "Andra utkastet")).await;
    let page = b.get(&href).await;
    page.assert_has("Version 1</a>").assert_has("Version 2</a>").assert_lacks("Version 3</a>");
    let first = b.get(&format!("{href}/versioner/1")).await;
    assert_eq!(first.status, StatusCode::OK);
    first.assert_has("Första utkastet").assert_has("Andra utkastet").assert_has("Ändrat sedan dess");
    assert_eq!(b.get(&format!("{href}/versioner/3")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(b.get(&format!("{href}/versioner/0")).await.status, StatusCode::NOT_FOUND);
    // A stale restore is refused; a current one saves version 1's text as a new version.
    let stale = b.post(&format!("{href}/versioner/1"), &[("version", "2")]).await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    let restored = b.post(&format!("{href}/versioner/1"), &[("version", "3")]).await;
    assert_eq!(restored.status, StatusCode::SEE_OTHER);
    let now = stored(&app).await;
    assert_eq!((now.version, now.entry.answers[0].as_str()), (4, "Första utkastet"));
    b.get(restored.location()).await.assert_has("Versionen är återställd").assert_has("Version 3</a>");
    // Another municipality's contact cannot open it.
    person(&app, "kontakt@lidingo.se", Some(PASSWORD), &[contact("0186")]).await;
    let mut other = app.browser();
    other.sign_in("kontakt@lidingo.se", PASSWORD).await;
    assert_eq!(other.get(&format!("{href}/versioner/1")).await.status, StatusCode::FORBIDDEN);

    // Submitting mails the contacts a receipt with the answers.
    let before = app.mails().await.len();
    let done = b
        .post(
            &href,
            &[
                ("version", "4"),
                ("action", "skicka-in"),
                ("q0", "Slutligt svar"),
                ("q1", "Effekt"),
                ("q2", "Läxa"),
            ],
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    let mails = app.mails().await;
    assert_eq!(mails.len(), before + 1);
    let receipt = mails.last().unwrap();
    assert!(
        receipt.contains("To: kontakt <kontakt@vadstena.se>") || receipt.contains("kontakt@vadstena.se"),
        "{receipt}"
    );
    assert!(
        receipt.contains("Slutligt svar") && receipt.contains("Läxa") && receipt.contains("skickades in"),
        "{receipt}"
    );
    // Saving the submitted entry again sends no second receipt.
    b.post(
        &href,
        &[("version", "5"), ("action", "spara"), ("q0", "Slutligt svar"), ("q1", "Effekt"), ("q2", "Läxa")],
    )
    .await;
    assert_eq!(app.mails().await.len(), before + 1);
}

#[tokio::test]
async fn every_page_says_the_same_about_a_call_that_has_not_opened_yet() {
    // The organiser has opened the call (phase call-open), but its window starts next week.
    let now = "2026-12-02T10:00:00Z";
    let app = spawn_app_at(Some(now)).await;
    juryn_store::demo::load_at(&*app.store, juryn_domain::Phase::CallOpen, now.parse().unwrap())
        .await
        .unwrap();
    let window = juryn_domain::CallWindow {
        opens_at: Some("2026-12-09T08:00:00Z".parse().unwrap()),
        closes_at: Some("2027-03-29T21:59:00Z".parse().unwrap()),
        grace_minutes: 0,
    };
    app.store.set_call_window(&slug(), 2019, &window, &by("test")).await.unwrap();
    app.sync().await;
    let says = "Enkäten öppnar 9 december 2026 kl. 09.00";
    app.get("/digitaliseringskommun/2019").await.assert_has(says).assert_lacks("Enkäten är öppen");
    person(&app, "org@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut org = app.browser();
    org.sign_in("org@example.se", PASSWORD).await;
    org.get("/admin/digitaliseringskommun/2019/utlysning").await.assert_has(says);
    let (mut b, href) = vadstena(&app).await;
    b.get(&href).await.assert_has(says).assert_has("kan läsas men inte ändras");
}

#[tokio::test]
async fn a_municipality_contributes_only_to_the_booklet_until_the_jury_begins() {
    let app = spawn_app_at(Some(DURING_CALL)).await;
    app.force_phase(&slug(), 2019, juryn_domain::Phase::CallOpen).await;
    let (mut b, href) = vadstena(&app).await;
    b.get(&href).await.assert_has("Bara till skriften").assert_has("Tävlar om utmärkelsen");
    let marked = b.post(&format!("{href}/skriften"), &[("only", "ja")]).await;
    assert_eq!(marked.status, StatusCode::SEE_OTHER);
    let vadstena = MunicipalityCode::parse("0584").unwrap();
    assert_eq!(app.store.booklet_only(&slug(), 2019).await.unwrap(), [vadstena]);
    b.get(&format!("{href}?klart=skriften")).await.assert_has("Ditt val är sparat.");
    // Once the jury has begun, the choice stands.
    app.force_phase(&slug(), 2019, juryn_domain::Phase::Shortlisting).await;
    let late = b.post(&format!("{href}/skriften"), &[("only", "nej")]).await;
    assert_eq!(late.status, StatusCode::CONFLICT);
    assert_eq!(app.store.booklet_only(&slug(), 2019).await.unwrap(), [vadstena]);
}

#[tokio::test]
async fn a_nominated_municipality_completes_its_text_until_its_own_deadline() {
    // After the 2019 call closed (29 March), before the nominees (31 May).
    let app = spawn_app_at(Some("2019-04-05T10:00:00Z")).await;
    app.force_phase(&slug(), 2019, juryn_domain::Phase::CallClosed).await;
    let code = MunicipalityCode::parse("0584").unwrap();
    let nomination = juryn_store::NewNomination {
        municipality: code,
        reason: "Bra e-tjänster.".into(),
        nominator_name: "Nina".into(),
        nominator_email: "nina@example.se".into(),
        nominator: Default::default(),
        answers: Vec::new(),
        token_hash: "1".repeat(64),
        at: "2019-03-20T10:00:00Z".parse().unwrap(),
        expires_at: "2019-04-20T10:00:00Z".parse().unwrap(),
    };
    app.store.put_nomination(&slug(), 2019, &nomination).await.unwrap();
    app.store
        .confirm_nomination(&"1".repeat(64), "2019-03-21T10:00:00Z".parse().unwrap())
        .await
        .unwrap()
        .unwrap();
    person(&app, "org@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut org = app.browser();
    org.sign_in("org@example.se", PASSWORD).await;
    let uri = "/admin/digitaliseringskommun/2019/bidrag/0584/komplettering";
    org.get(uri).await.assert_has("Egen sista dag att komplettera");
    // After the jury's first cut (the nominees of 31 May): refused, what was typed kept.
    let late = org.post(uri, &[("until", "2019-06-10T12:00")]).await;
    assert_eq!(late.status, StatusCode::UNPROCESSABLE_ENTITY);
    late.assert_has("efter juryns första urval").assert_has(r#"value="2019-06-10T12:00""#);
    // Lidingö was not nominated.
    let lidingo = org
        .post("/admin/digitaliseringskommun/2019/bidrag/0186/komplettering", &[("until", "2019-05-12T23:59")])
        .await;
    assert_eq!(lidingo.status, StatusCode::UNPROCESSABLE_ENTITY);
    lidingo.assert_has("ingen bekräftad nominering");
    assert_eq!(org.post(uri, &[("until", "2019-05-12T23:59")]).await.status, StatusCode::SEE_OTHER);

    // The contact sees the deadline and may save until it; the call stays closed for others.
    let (mut b, href) = vadstena(&app).await;
    b.get(&href).await.assert_has("12 maj 2019");
    let record = stored(&app).await;
    let save = juryn_store::EntrySave {
        expected_version: record.version,
        status: EntryStatus::Draft,
        answers: vec!["Vi kompletterar.".into(), String::new(), String::new()],
        consent: false,
        submitted_at: None,
    };
    let before = juryn_store::Stamp::new("t", "2019-05-12T12:00:00Z".parse().unwrap());
    let after = juryn_store::Stamp::new("t", "2019-05-13T12:00:00Z".parse().unwrap());
    assert_eq!(
        app.store.save_entry(&slug(), 2019, code, &save, &after).await.unwrap(),
        juryn_store::SaveOutcome::Closed
    );
    assert!(matches!(
        app.store.save_entry(&slug(), 2019, code, &save, &before).await.unwrap(),
        juryn_store::SaveOutcome::Saved { .. }
    ));
}
