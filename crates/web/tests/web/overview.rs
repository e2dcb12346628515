//! The organiser's overview of a call, and reminders that never go twice.

use axum::http::StatusCode;
use juryn_domain::{Grant, MunicipalityCode, Role, Scope, Slug};

use crate::helpers::by;
use crate::helpers::{person, spawn_app_at};

const PASSWORD: &str = "correct horse battery staple";
const DURING_CALL: &str = "2019-03-01T10:00:00Z";

fn contact(code: &str) -> Grant {
    Grant {
        role: Role::EntrantContact,
        scope: Scope::Edition(Slug::parse("digitaliseringskommun").unwrap(), 2019),
        municipality: Some(MunicipalityCode::parse(code).unwrap()),
    }
}

#[tokio::test]
async fn the_overview_counts_filters_and_maps_the_entries() {
    let app = spawn_app_at(Some(DURING_CALL)).await;
    person(&app, "org@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let slug = Slug::parse("digitaliseringskommun").unwrap();
    app.store.ensure_entry(&slug, 2019, MunicipalityCode::parse("0584").unwrap(), &by("t")).await.unwrap();
    let mut org = app.browser();
    org.sign_in("org@example.se", PASSWORD).await;
    let page = org.get("/admin/digitaliseringskommun/2019/bidrag").await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_has("Bidrag per län").assert_has(">Vadstena</a>");
    assert_eq!(page.body.matches(r#"<path class="m-part""#).count(), 44);
    assert_eq!(page.body.matches(r#"<path class="m-inv""#).count(), 1);
    page.assert_has(
        r#"<tfoot><tr><th scope="row">Totalt</th><td>1</td><td>0</td><td>44</td><td>0</td></tr></tfoot>"#,
    );
    let invited = org.get("/admin/digitaliseringskommun/2019/bidrag?status=invited").await;
    invited.assert_has(">Vadstena</a>").assert_lacks(">Lidingö</a>");
    let county =
        org.get("/admin/digitaliseringskommun/2019/bidrag?lan=Norrbottens%20l%C3%A4n&sort=status").await;
    county.assert_has(">Kalix</a>").assert_lacks(">Lidingö</a>");
    assert_eq!(
        org.get("/admin/digitaliseringskommun/2019/bidrag?status=%FF&sort=x").await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_reminder_is_previewed_sent_and_never_sent_twice() {
    let app = spawn_app_at(Some(DURING_CALL)).await;
    person(&app, "org@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    person(&app, "lena@vadstena.se", None, &[contact("0584")]).await;
    person(&app, "lars@lidingo.se", None, &[contact("0186")]).await;
    let mut org = app.browser();
    org.sign_in("org@example.se", PASSWORD).await;
    let preview = org.get("/admin/digitaliseringskommun/2019/paminnelser").await;
    preview
        .assert_has("lena@vadstena.se")
        .assert_lacks("lars@lidingo.se")
        .assert_has("har ännu inte skickat in sitt bidrag");
    preview.assert_has(r#"value="påminnelse-2019-03-01""#);
    let sent = org.post("/admin/digitaliseringskommun/2019/paminnelser", &[("name", "första")]).await;
    sent.assert_has("Påminnelsen skickas till 1 personer; 0 hade redan fått den.");
    assert_eq!(app.mails().await.len(), 1);
    let mail = app.mails().await.pop().unwrap();
    assert!(
        mail.contains("Vadstena har ännu inte skickat in") && mail.contains("29 mars 2019 kl. 23.59 (CET)"),
        "{mail}"
    );
    let again = org.post("/admin/digitaliseringskommun/2019/paminnelser", &[("name", "första")]).await;
    again.assert_has("till 0 personer; 1 hade redan fått den.");
    assert_eq!(app.mails().await.len(), 1, "never twice");
    let bad = org.post("/admin/digitaliseringskommun/2019/paminnelser", &[("name", &"x".repeat(61))]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
}

#[tokio::test]
async fn the_organiser_opens_one_entry_with_its_versions_nominations_and_contacts() {
    let app = spawn_app_at(Some(DURING_CALL)).await;
    person(&app, "org@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    person(&app, "lena@vadstena.se", None, &[contact("0584")]).await;
    let slug = Slug::parse("digitaliseringskommun").unwrap();
    let vadstena = MunicipalityCode::parse("0584").unwrap();
    let first = app.store.ensure_entry(&slug, 2019, vadstena, &by("t")).await.unwrap();
    for (answer, consent) in [("Vi började med e-tjänster.", false), ("Vi började med bygglov.", true)] {
        let version = app.store.entry_record(&slug, 2019, vadstena).await.unwrap().unwrap().version;
        let save = juryn_store::EntrySave {
            expected_version: version,
            status: juryn_domain::EntryStatus::Draft,
            answers: vec![answer.to_owned(), String::new(), String::new()],
            consent,
            submitted_at: None,
        };
        let during_call =
            juryn_store::Stamp::new("lena@vadstena.se", "2019-03-01T10:00:00Z".parse().unwrap());
        app.store.save_entry(&slug, 2019, vadstena, &save, &during_call).await.unwrap();
    }
    let mut org = app.browser();
    org.sign_in("org@example.se", PASSWORD).await;
    // The overview's rows lead here, not to the public page.
    let overview = org.get("/admin/digitaliseringskommun/2019/bidrag").await;
    overview.assert_has(r#"<a href="/admin/digitaliseringskommun/2019/bidrag/0584">Vadstena</a>"#);
    let page = org.get("/admin/digitaliseringskommun/2019/bidrag/0584").await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_has("<h1>Vadstena</h1>").assert_has("Vi började med bygglov.").assert_lacks("e-tjänster");
    page.assert_has("Samtycke till publicering i skriften</dt><dd>Ja").assert_has("lena@vadstena.se");
    page.assert_has("Sparade versioner").assert_has("Påbörjat");
    // An earlier version's answers, said to be earlier.
    let old = org
        .get(&format!("/admin/digitaliseringskommun/2019/bidrag/0584?version={}", first.version + 1))
        .await;
    old.assert_has("Vi började med e-tjänster.").assert_has("Här visas version");
    // An entry of the demo, with its answers; a municipality with neither entry nor nomination,
    // a code that is no municipality, and a version that does not exist: 404.
    org.get("/admin/digitaliseringskommun/2019/bidrag/0186").await.assert_has("<h1>Lidingö</h1>");
    // Nominated only: the page is there, with the nomination and no entry.
    let nomination = juryn_store::NewNomination {
        municipality: MunicipalityCode::parse("0604").unwrap(),
        reason: "De har gjort bygglov digitalt.".into(),
        nominator_name: "Nina Nominerare".into(),
        nominator_email: "nina@example.se".into(),
        nominator: Default::default(),
        answers: Vec::new(),
        token_hash: "0".repeat(64),
        at: "2019-03-01T10:00:00Z".parse().unwrap(),
        expires_at: "2019-03-08T10:00:00Z".parse().unwrap(),
    };
    app.store.put_nomination(&slug, 2019, &nomination).await.unwrap();
    let aneby = org.get("/admin/digitaliseringskommun/2019/bidrag/0604").await;
    aneby.assert_has("Inget bidrag än").assert_has("Nina Nominerare").assert_has("inte bekräftad");
    for missing in ["/bidrag/0617", "/bidrag/9999", "/bidrag/0584?version=99"] {
        let page = org.get(&format!("/admin/digitaliseringskommun/2019{missing}")).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{missing}");
    }
}
