//! Signing in and out: passwords, throttling, sessions, cookies, CSRF, bad input.

use axum::http::StatusCode;
use juryn_domain::{Grant, Role, Scope, Slug};

use crate::helpers::by;
use crate::helpers::{person, spawn_app, spawn_app_at};

const PASSWORD: &str = "correct horse battery staple";

fn edition() -> Scope {
    Scope::Edition(Slug::parse("digitaliseringskommun").unwrap(), 2019)
}

fn juror() -> Grant {
    Grant { role: Role::Juror, scope: edition(), municipality: None }
}

#[tokio::test]
async fn an_organiser_signs_in_and_out_for_real() {
    let app = spawn_app().await;
    person(&app, "karin@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut b = app.browser();
    let before = b.get("/konto").await;
    assert_eq!(before.status, StatusCode::SEE_OTHER);
    assert_eq!(before.location(), "/logga-in?nasta=/konto");

    let page = b
        .post(
            "/logga-in",
            &[("email", "Karin@Example.se"), ("password", PASSWORD), ("next", "/admin/personer")],
        )
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert_eq!(page.location(), "/admin/personer");
    let cookie = page
        .headers
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("juryn_session="))
        .unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && !cookie.contains("Secure"),
        "{cookie}"
    );
    let session = b.cookies["juryn_session"].clone();
    b.get("/admin/personer").await.assert_has("karin@example.se");

    let out = b.post("/logga-ut", &[]).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert!(!b.cookies.contains_key("juryn_session"));
    // The old session id is dead on the server, not just forgotten by the browser.
    let mut thief = app.browser();
    thief.cookies.insert("juryn_session".into(), session);
    assert_eq!(thief.get("/admin/personer").await.status, StatusCode::SEE_OTHER);
    let log = app
        .store
        .audit_log(&juryn_store::AuditFilter {
            action: Some("session.".into()),
            limit: 10,
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(
        log.iter().map(|e| e.action.as_str()).collect::<Vec<_>>(),
        ["session.sign-out", "session.sign-in"]
    );
}

#[tokio::test]
async fn signing_in_rotates_the_session_and_the_csrf_cookie() {
    let app = spawn_app().await;
    person(&app, "karin@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut b = app.browser();
    b.sign_in("karin@example.se", PASSWORD).await;
    let (first, csrf_first) = (b.cookies["juryn_session"].clone(), b.cookies["juryn_csrf"].clone());
    b.sign_in("karin@example.se", PASSWORD).await;
    assert_ne!(b.cookies["juryn_session"], first);
    assert_ne!(b.cookies["juryn_csrf"], csrf_first);
    let mut old = app.browser();
    old.cookies.insert("juryn_session".into(), first);
    assert_eq!(old.get("/konto").await.status, StatusCode::SEE_OTHER, "the replaced session ended");
}

#[tokio::test]
async fn cookies_are_secure_on_an_https_site() {
    let mut app = spawn_app().await;
    app.state.base_url = "https://juryn.test".into();
    person(&app, "karin@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut b = app.browser();
    let page = b.sign_in("karin@example.se", PASSWORD).await;
    for c in page.headers.get_all("set-cookie") {
        assert!(c.to_str().unwrap().contains("; Secure"), "{c:?}");
    }
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_email_get_the_same_answer() {
    let app = spawn_app().await;
    person(&app, "karin@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut b = app.browser();
    let wrong = b.sign_in("karin@example.se", "fel lösenord här").await;
    let unknown = b.sign_in("nobody@example.se", "fel lösenord här").await;
    for page in [&wrong, &unknown] {
        assert_eq!(page.status, StatusCode::UNAUTHORIZED);
        page.assert_has("Fel e-postadress eller lösenord.");
    }
    wrong.assert_has(r#"value="karin@example.se""#);
    unknown.assert_has(r#"value="nobody@example.se""#);
    assert!(!b.cookies.contains_key("juryn_session"));
}

#[tokio::test]
async fn ten_failures_lock_the_account_for_a_while_whatever_the_password() {
    let app = spawn_app().await;
    person(&app, "karin@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut b = app.browser();
    for _ in 0..10 {
        assert_eq!(b.sign_in("karin@example.se", "fel lösenord här").await.status, StatusCode::UNAUTHORIZED);
    }
    let locked = b.sign_in("karin@example.se", PASSWORD).await;
    assert_eq!(locked.status, StatusCode::TOO_MANY_REQUESTS);
    locked.assert_has("För många misslyckade försök");
    // The same for an address nobody has: the answer tells nothing about accounts.
    let app2 = spawn_app().await;
    let mut c = app2.browser();
    for _ in 0..10 {
        c.sign_in("nobody@example.se", "fel lösenord här").await;
    }
    assert_eq!(
        c.sign_in("nobody@example.se", "fel lösenord här").await.status,
        StatusCode::TOO_MANY_REQUESTS
    );
    // Fifteen minutes later the account opens again.
    let later = app.at(&(jiff::Timestamp::now() + jiff::SignedDuration::from_mins(16)).to_string());
    let mut d = later.browser();
    assert_eq!(d.sign_in("karin@example.se", PASSWORD).await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn bad_input_gets_a_clear_message_and_keeps_what_was_typed() {
    let app = spawn_app().await;
    let mut b = app.browser();
    let page = b.sign_in("inte-en-adress", PASSWORD).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    page.assert_has("Skriv en giltig e-postadress").assert_has(r#"value="inte-en-adress""#);
    let long = "x".repeat(1025);
    let page = b.sign_in("karin@example.se", &long).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    page.assert_has("Lösenordet är för långt");
    let page = b.sign_in("karin@example.se", "").await;
    page.assert_has("Skriv ditt lösenord.");
    let en = b.get("/logga-in?lang=en").await;
    en.assert_has("Sign in");
    let page = b.sign_in("inte-en-adress", PASSWORD).await;
    page.assert_has("Enter a valid email address");
}

#[tokio::test]
async fn forms_without_the_right_csrf_token_are_refused() {
    let app = spawn_app().await;
    person(&app, "karin@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut b = app.browser();
    b.csrf().await;
    let body = format!("email=karin%40example.se&password={}", PASSWORD.replace(' ', "+"));
    let none = b.post_raw("/logga-in", body.clone()).await;
    assert_eq!(none.status, StatusCode::FORBIDDEN);
    none.assert_has("Formuläret har gått ut");
    // Another browser's token does not fit this browser's cookie.
    let mut other = app.browser();
    let theirs = other.csrf().await;
    let stolen = b.post_raw("/logga-in", format!("csrf={theirs}&{body}")).await;
    assert_eq!(stolen.status, StatusCode::FORBIDDEN);
    // A browser with no cookie at all.
    let mut bare = app.browser();
    assert_eq!(
        bare.post_raw("/logga-in", format!("csrf={theirs}&{body}")).await.status,
        StatusCode::FORBIDDEN
    );
    // The right token from another site.
    let mine = b.csrf().await;
    let req = axum::http::Request::post("/logga-in")
        .header("cookie", format!("juryn_csrf={}", b.cookies["juryn_csrf"]))
        .header("origin", "https://evil.example")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(axum::body::Body::from(format!("csrf={mine}&{body}")))
        .unwrap();
    assert_eq!(app.request(req).await.status, StatusCode::FORBIDDEN);
    assert!(!b.cookies.contains_key("juryn_session"));
}

#[tokio::test]
async fn over_long_bodies_get_413_and_unreadable_forms_400() {
    let app = spawn_app().await;
    let mut b = app.browser();
    let token = b.csrf().await;
    let big = format!("csrf={token}&email={}", "a".repeat(600 * 1024));
    let page = b.post_raw("/logga-in", big).await;
    assert_eq!(page.status, StatusCode::PAYLOAD_TOO_LARGE);
    page.assert_has("För mycket text");
    let page = b.post_raw("/logga-in", format!("csrf={token}&email=%FF%FE")).await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    page.assert_has("Formuläret gick inte att läsa");
    let raw: Vec<u8> = [format!("csrf={token}&email=").into_bytes(), vec![0xff, 0xfe]].concat();
    assert_eq!(b.post_raw("/logga-in", raw).await.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_revoked_role_stops_working_at_the_next_request() {
    let app = spawn_app().await;
    let id = person(&app, "sofia@example.se", Some(PASSWORD), &[juror()]).await;
    let mut b = app.browser();
    b.sign_in("sofia@example.se", PASSWORD).await;
    assert_eq!(b.get("/jury/digitaliseringskommun/2019").await.status, StatusCode::OK);
    let grant = app.store.grants_of(id).await.unwrap()[0].id;
    app.store.revoke(grant, &by("organiser")).await.unwrap();
    assert_eq!(b.get("/jury/digitaliseringskommun/2019").await.status, StatusCode::FORBIDDEN);
    assert_eq!(b.get("/konto").await.status, StatusCode::OK, "still signed in, just without the role");
}

#[tokio::test]
async fn the_account_page_changes_name_and_language_and_refuses_bad_input() {
    let app = spawn_app().await;
    person(&app, "sofia@example.se", Some(PASSWORD), &[juror()]).await;
    let mut b = app.browser();
    b.sign_in("sofia@example.se", PASSWORD).await;
    b.get("/konto").await.assert_has("Jurymedlem, Sveriges DigitaliseringsKommun 2019");
    let long = "Å".repeat(201);
    let page = b.post("/konto", &[("name", &long), ("language", "sv")]).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    page.assert_has("högst 200 tecken").assert_has(&long);
    let page = b.post("/konto", &[("name", "Sofia"), ("language", "fi")]).await;
    page.assert_has("Välj svenska eller engelska.");
    let page = b.post("/konto", &[("name", "Sofia Lind"), ("language", "en")]).await;
    assert_eq!(page.location(), "/konto?sparat=1");
    let user = app.store.user_by_email("sofia@example.se").await.unwrap().unwrap();
    assert_eq!((user.name.as_str(), user.lang), ("Sofia Lind", juryn_domain::Lang::En));
}

#[tokio::test]
async fn what_a_request_writes_carries_the_apps_time() {
    // An app on its own clock (the demo's story, a test): the session it starts and the audit
    // log's events are stamped with that clock, not the database's.
    let app = spawn_app_at(Some("2019-03-01T10:00:00Z")).await;
    person(&app, "karin@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    app.browser().sign_in("karin@example.se", PASSWORD).await;
    // The three newest: the person made, their role, their sign-in (the demo's load is older).
    let events = app.store.audit_events(3).await.unwrap();
    let times: Vec<(String, String)> = events.iter().map(|e| (e.action.clone(), e.at.to_string())).collect();
    assert!(times.iter().all(|(_, at)| at == "2019-03-01T10:00:00Z"), "{times:?}");
    assert!(times.iter().any(|(action, _)| action == "session.sign-in"), "{times:?}");
}
