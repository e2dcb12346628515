//! The organisers' pages: people and roles, revoking, the audit log, export and erasure.

use axum::http::StatusCode;
use juryn_domain::{Grant, Role, Scope, Slug};

use crate::helpers::{person, spawn_app};

const PASSWORD: &str = "correct horse battery staple";

fn juror() -> Grant {
    Grant {
        role: Role::Juror,
        scope: Scope::Edition(Slug::parse("digitaliseringskommun").unwrap(), 2019),
        municipality: None,
    }
}

#[tokio::test]
async fn an_organiser_sees_people_revokes_a_role_and_reads_it_in_the_log() {
    let app = spawn_app().await;
    let karin = person(&app, "karin@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let sofia = person(&app, "sofia@example.se", Some(PASSWORD), &[juror()]).await;
    let mut org = app.browser();
    org.sign_in("karin@example.se", PASSWORD).await;
    let people = org.get("/admin/personer").await;
    people.assert_has("sofia@example.se").assert_has("Jurymedlem, Sveriges DigitaliseringsKommun 2019");
    let detail = org.get(&format!("/admin/personer/{sofia}")).await;
    detail.assert_has("Har lösenord");
    let grant = app.store.grants_of(sofia).await.unwrap()[0].id;
    let revoked = org.post(&format!("/admin/behorigheter/{grant}/aterkalla"), &[]).await;
    assert_eq!(revoked.status, StatusCode::SEE_OTHER);
    assert!(app.store.grants_of(sofia).await.unwrap().is_empty());
    assert_eq!(
        org.post(&format!("/admin/behorigheter/{grant}/aterkalla"), &[]).await.status,
        StatusCode::NOT_FOUND
    );

    let log = org.get("/admin/logg?handling=grant.").await;
    log.assert_has("grant.revoke").assert_has(&format!("user/{karin}")).assert_has(&format!("user/{sofia}"));
    log.assert_has("juror digitaliseringskommun/2019");
    let filtered = org.get(&format!("/admin/logg?aktor=user/{karin}&handling=session.")).await;
    filtered.assert_has("session.sign-in").assert_lacks("grant.revoke");
    // Nothing in the application edits or deletes the log: there is no route for it.
    assert!(juryn_web::route_list().iter().all(|(_, p)| !p.starts_with("/admin/logg/")));
    assert_eq!(org.get("/admin/logg?aktor=%FF").await.status, StatusCode::OK);
}

#[tokio::test]
async fn an_award_organiser_cannot_make_installation_organisers() {
    let app = spawn_app().await;
    let award = Grant {
        role: Role::Organiser,
        scope: Scope::Award(Slug::parse("digitaliseringskommun").unwrap()),
        municipality: None,
    };
    person(&app, "award@example.se", Some(PASSWORD), &[award]).await;
    let root = person(&app, "root@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut org = app.browser();
    org.sign_in("award@example.se", PASSWORD).await;
    let page = org.get("/admin/personer").await;
    page.assert_lacks(r#"<option value="*""#).assert_has(r#"<option value="digitaliseringskommun/2019""#);
    let refused = org
        .post(
            "/admin/personer/bjud-in",
            &[("email", "x@example.se"), ("name", "X"), ("role", "organiser"), ("scope", "*")],
        )
        .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let grant = app.store.grants_of(root).await.unwrap()[0].id;
    assert_eq!(
        org.post(&format!("/admin/behorigheter/{grant}/aterkalla"), &[]).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(org.get(&format!("/admin/personer/{root}/export")).await.status, StatusCode::FORBIDDEN);
    assert_eq!(app.store.grants_of(root).await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_person_is_exported_and_erased() {
    let app = spawn_app().await;
    let karin = person(&app, "karin@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let sofia = person(&app, "sofia@example.se", Some(PASSWORD), &[juror()]).await;
    let mut s = app.browser();
    s.sign_in("sofia@example.se", PASSWORD).await;
    let mut org = app.browser();
    org.sign_in("karin@example.se", PASSWORD).await;
    let export = org.get(&format!("/admin/personer/{sofia}/export")).await;
    assert_eq!(export.status, StatusCode::OK);
    assert!(export.headers.get("content-disposition").unwrap().to_str().unwrap().contains("attachment"));
    let json = export.json();
    assert_eq!(json["user"]["email"], "sofia@example.se");
    assert_eq!(json["roles"][0], "juror digitaliseringskommun/2019");
    assert!(json["audit_events"].as_array().unwrap().iter().any(|e| e["action"] == "session.sign-in"));

    // Erasing asks first, on a page of its own; asking changes nothing.
    let asked = org.post(&format!("/admin/personer/{sofia}/radera"), &[]).await;
    assert_eq!(asked.status, StatusCode::OK);
    asked
        .assert_has("Det här kan inte ångras")
        .assert_has("sofia@example.se")
        .assert_has(r#"name="bekraftat" value="ja""#);
    assert!(app.store.user(sofia).await.unwrap().is_some_and(|u| !u.erased));
    let own = org.post(&format!("/admin/personer/{karin}/radera"), &[("bekraftat", "ja")]).await;
    own.assert_has("Du kan inte radera dig själv.");
    let erased = org.post(&format!("/admin/personer/{sofia}/radera"), &[("bekraftat", "ja")]).await;
    assert_eq!(erased.location(), "/admin/personer?klart=raderad");
    org.get("/admin/personer?klart=raderad")
        .await
        .assert_has("Personens uppgifter är raderade.")
        .assert_lacks("sofia@example.se");
    assert_eq!(s.get("/konto").await.status, StatusCode::SEE_OTHER, "her session ended");
    assert_eq!(org.get(&format!("/admin/personer/{sofia}")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(org.get(&format!("/admin/personer/{sofia}/export")).await.status, StatusCode::NOT_FOUND);
    let log = org.get("/admin/logg").await;
    log.assert_has("person.erase").assert_lacks("sofia@example.se");
    assert_eq!(org.get("/admin/personer/999999").await.status, StatusCode::NOT_FOUND);
    assert_eq!(org.get("/admin/personer/abc").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_log_reads_as_sentences_with_names_and_times() {
    let app = spawn_app().await;
    person(&app, "karin@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut org = app.browser();
    org.sign_in("karin@example.se", PASSWORD).await;
    let log = org.get("/admin/logg").await;
    assert_eq!(log.status, StatusCode::OK);
    // "karin" is the test person's name (the part before @).
    log.assert_has("karin loggade in").assert_has(" kl. ");
    let english = org.get("/admin/logg?lang=en").await;
    english.assert_has("karin signed in");
}
