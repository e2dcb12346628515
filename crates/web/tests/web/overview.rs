//! The organiser's overview of a call, and reminders that never go twice.

use axum::http::StatusCode;
use juryn_domain::{Grant, MunicipalityCode, Role, Scope, Slug};

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
    app.store.ensure_entry(&slug, 2019, MunicipalityCode::parse("0584").unwrap(), "t").await.unwrap();
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
    sent.assert_has("Påminnelsen skickades till 1 personer; 0 hade redan fått den.");
    assert_eq!(app.mails().len(), 1);
    let mail = app.mails().pop().unwrap();
    assert!(
        mail.contains("Vadstena har ännu inte skickat in") && mail.contains("29 mars 2019 kl. 23.59 (CET)"),
        "{mail}"
    );
    let again = org.post("/admin/digitaliseringskommun/2019/paminnelser", &[("name", "första")]).await;
    again.assert_has("till 0 personer; 1 hade redan fått den.");
    assert_eq!(app.mails().len(), 1, "never twice");
    let bad = org.post("/admin/digitaliseringskommun/2019/paminnelser", &[("name", &"x".repeat(61))]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
}
