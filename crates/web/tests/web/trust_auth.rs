//! Sign-in and accounts as an attacker tries them: an open redirect after sign-in, a parallel
//! password-guessing race, a lockout by link requests, API keys used as sessions, invitations
//! that outlive a revocation or skip a password, reset links left valid, an award organiser
//! reading the whole installation, and a calendar link that never dies.

use axum::http::{Method, StatusCode};
use juryn_domain::{Grant, MunicipalityCode, Role, Scope, Slug};

use crate::helpers::by;
use crate::helpers::{person, spawn_app};

const PASSWORD: &str = "correct horse battery staple";

fn edition() -> Scope {
    Scope::Edition(Slug::parse("digitaliseringskommun").unwrap(), 2019)
}

fn contact(code: &str) -> Grant {
    Grant {
        role: Role::EntrantContact,
        scope: edition(),
        municipality: Some(MunicipalityCode::parse(code).unwrap()),
    }
}

#[tokio::test]
async fn sign_in_goes_back_only_to_a_path_on_this_site() {
    let app = spawn_app().await;
    person(&app, "org@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    for (next, expect) in [
        ("/%09/evil.example/x", "/konto"),
        ("/\t/evil.example", "/konto"),
        ("/\\evil.example", "/konto"),
        ("//evil.example", "/konto"),
        ("/admin/personer", "/admin/personer"),
    ] {
        let mut b = app.browser();
        let next = next.replace("%09", "\t");
        let page = b
            .post("/logga-in", &[("email", "org@example.se"), ("password", PASSWORD), ("next", &next)])
            .await;
        assert_eq!(page.status, StatusCode::SEE_OTHER);
        assert_eq!(page.location(), expect, "after sign-in with next={next:?}");
    }
    // The page's own hidden field never carries the bad path either.
    app.browser().get("/logga-in?nasta=/%09/evil.example").await.assert_lacks("evil.example");
}

#[tokio::test]
async fn parallel_wrong_passwords_are_counted_before_they_are_tried() {
    let app = spawn_app().await;
    person(&app, "org@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut browsers: Vec<_> = (0..30).map(|_| app.browser()).collect();
    let mut tokens = Vec::new();
    for b in &mut browsers {
        tokens.push(b.csrf().await);
    }
    let attempts = browsers.iter_mut().zip(&tokens).enumerate().map(|(i, (b, token))| {
        let body = serde_urlencoded::to_string([
            ("csrf", token.as_str()),
            ("email", "org@example.se"),
            ("password", &format!("fel-{i}")),
            ("next", "/konto"),
        ])
        .unwrap();
        b.post_raw("/logga-in", body)
    });
    let pages: Vec<crate::helpers::Page> =
        crate::helpers::join_all(attempts.map(|f| Box::pin(f) as crate::helpers::Pending<_>).collect()).await;
    let tried = pages.iter().filter(|p| p.status != StatusCode::TOO_MANY_REQUESTS).count();
    assert!(tried <= 10, "{tried} of 30 were tried");
    // The right password is refused too while the account is throttled.
    let mut b = app.browser();
    assert_eq!(b.sign_in("org@example.se", PASSWORD).await.status, StatusCode::TOO_MANY_REQUESTS);
}

#[tokio::test]
async fn requests_for_someones_links_never_lock_their_password() {
    let app = spawn_app().await;
    person(&app, "org@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut attacker = app.browser();
    for path in ["/logga-in/lank", "/glomt-losenord"] {
        for _ in 0..12 {
            attacker.post(path, &[("email", "org@example.se")]).await;
        }
    }
    let refused = attacker.post("/logga-in/lank", &[("email", "org@example.se")]).await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS, "links are limited");
    let mut owner = app.browser();
    assert_eq!(owner.sign_in("org@example.se", PASSWORD).await.status, StatusCode::SEE_OTHER);
}

/// Makes a named key on the account page and returns it.
async fn make_key(b: &mut crate::helpers::Browser<'_>, name: &str) -> String {
    let page = b.post("/konto/api-nyckel", &[("name", name)]).await;
    assert_eq!(page.status, StatusCode::OK);
    let start = page.body.find(r#"<code class="key">"#).unwrap() + r#"<code class="key">"#.len();
    page.body[start..start + 43].to_owned()
}

#[tokio::test]
async fn an_api_key_works_only_on_the_api_is_listed_and_can_be_revoked() {
    let app = spawn_app().await;
    person(&app, "org@example.se", Some(PASSWORD), &[Grant::organiser(), contact("0186")]).await;
    let mut b = app.browser();
    b.sign_in("org@example.se", PASSWORD).await;
    let unnamed = b.post("/konto/api-nyckel", &[("name", " ")]).await;
    assert_eq!(unnamed.status, StatusCode::UNPROCESSABLE_ENTITY);
    let key = make_key(&mut b, "Ärendesystemet").await;
    let entry = "/api/v1/awards/digitaliseringskommun/editions/2019/entries/0186";
    let api = |key: Option<String>| {
        let app = &app;
        async move { app.browser().json_request(Method::GET, entry, "", key.as_deref()).await }
    };
    assert_eq!(api(Some(key.clone())).await.status, StatusCode::OK);
    // As a session cookie the key opens nothing: not the account, the admin or a CSRF form.
    for page in ["/konto", "/admin", "/jury/digitaliseringskommun/2019"] {
        let got = app.get_with_cookie(page, &format!("juryn_session={key}")).await;
        assert_eq!(got.status, StatusCode::SEE_OTHER, "{page} with the key as a cookie");
        assert!(got.location().starts_with("/logga-in"));
    }
    // Signing out ends the session, not the key; the key is listed and revoked on /konto.
    let listed = b.get("/konto").await;
    listed.assert_has("Ärendesystemet").assert_has("/aterkalla");
    let id = app
        .store
        .api_keys_of(app.store.user_by_email("org@example.se").await.unwrap().unwrap().id)
        .await
        .unwrap()[0]
        .id;
    assert_eq!(b.post(&format!("/konto/api-nyckel/{id}/aterkalla"), &[]).await.status, StatusCode::SEE_OTHER);
    assert_eq!(api(Some(key)).await.status, StatusCode::UNAUTHORIZED);
    b.get("/konto").await.assert_has("återkallad");
    // Someone else's key id is not found.
    person(&app, "other@example.se", Some(PASSWORD), &[]).await;
    let mut other = app.browser();
    other.sign_in("other@example.se", PASSWORD).await;
    assert_eq!(
        other.post(&format!("/konto/api-nyckel/{id}/aterkalla"), &[]).await.status,
        StatusCode::NOT_FOUND
    );
}

fn juror_grant() -> Grant {
    Grant { role: Role::Juror, scope: edition(), municipality: None }
}

async fn organiser(app: &crate::helpers::TestApp) -> crate::helpers::Browser<'_> {
    person(app, "org@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut b = app.browser();
    b.sign_in("org@example.se", PASSWORD).await;
    b
}

fn invite_form(email: &str) -> [(&str, &str); 6] {
    [
        ("email", email),
        ("name", "Sofia Lind"),
        ("role", "juror"),
        ("scope", "digitaliseringskommun/2019"),
        ("municipality", ""),
        ("language", "sv"),
    ]
}

#[tokio::test]
async fn revoking_a_role_cancels_the_invitations_that_would_grant_it_again() {
    let app = spawn_app().await;
    let mut org = organiser(&app).await;
    org.post("/admin/personer/bjud-in", &invite_form("sofia@example.se")).await;
    let link = app.link_in_last_mail("http://juryn.test/inbjudan/").await;
    // She is given the role another way, then it is revoked.
    let id = person(&app, "sofia@example.se", None, &[juror_grant()]).await;
    let grant = app.store.grants_of(id).await.unwrap()[0].id;
    let revoked = org.post(&format!("/admin/behorigheter/{grant}/aterkalla"), &[]).await;
    assert!(revoked.status.is_redirection(), "{}", revoked.status);
    let mut sofia = app.browser();
    let used = sofia
        .post(
            &link,
            &[
                ("name", "Sofia Lind"),
                ("password", "sofias långa lösen"),
                ("password_again", "sofias långa lösen"),
            ],
        )
        .await;
    assert_eq!(used.status, StatusCode::GONE);
    assert!(app.store.grants_of(id).await.unwrap().is_empty(), "the invitation granted nothing");
}

#[tokio::test]
async fn an_invitation_to_an_account_with_a_password_asks_for_it() {
    let app = spawn_app().await;
    let mut org = organiser(&app).await;
    let id = person(&app, "sofia@example.se", Some(PASSWORD), &[]).await;
    org.post("/admin/personer/bjud-in", &invite_form("sofia@example.se")).await;
    let link = app.link_in_last_mail("http://juryn.test/inbjudan/").await;
    let mut stranger = app.browser();
    stranger.get(&link).await.assert_has(r#"name="current_password""#);
    let without = stranger.post(&link, &[("name", "Sofia Lind")]).await;
    assert_eq!(without.status, StatusCode::UNPROCESSABLE_ENTITY);
    let wrong = stranger.post(&link, &[("name", "Sofia Lind"), ("current_password", "gissning")]).await;
    assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(stranger.get("/konto").await.status, StatusCode::SEE_OTHER, "not signed in");
    assert!(app.store.grants_of(id).await.unwrap().is_empty());
    let right = stranger.post(&link, &[("name", "Sofia Lind"), ("current_password", PASSWORD)]).await;
    assert_eq!(right.status, StatusCode::SEE_OTHER);
    assert_eq!(app.store.grants_of(id).await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_password_reset_ends_every_other_link_of_the_person() {
    let app = spawn_app().await;
    // A municipality's contact who also has a password: both kinds of link reach her.
    person(&app, "lena@lidingo.se", Some(PASSWORD), &[contact("0186")]).await;
    let mut b = app.browser();
    b.post("/logga-in/lank", &[("email", "lena@lidingo.se")]).await;
    let sign_in = app.link_in_last_mail("http://juryn.test/logga-in/lank/").await;
    b.post("/glomt-losenord", &[("email", "lena@lidingo.se")]).await;
    let first_reset = app.link_in_last_mail("http://juryn.test/aterstall/").await;
    b.post("/glomt-losenord", &[("email", "lena@lidingo.se")]).await;
    let second_reset = app.link_in_last_mail("http://juryn.test/aterstall/").await;
    assert_ne!(first_reset, second_reset);
    let new = "ett nytt långt lösenord";
    let done = b.post(&second_reset, &[("password", new), ("password_again", new)]).await;
    assert_eq!(done.status, StatusCode::OK);
    let mut other = app.browser();
    assert_eq!(
        other.post(&first_reset, &[("password", new), ("password_again", new)]).await.status,
        StatusCode::GONE
    );
    assert_eq!(other.post(&sign_in, &[]).await.status, StatusCode::GONE);
    assert_eq!(other.get("/konto").await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn an_award_organiser_reads_the_people_and_log_of_their_award_only() {
    let app = spawn_app().await;
    // A second award, with its own organiser.
    let other = juryn_domain::Award {
        slug: Slug::parse("annat-pris").unwrap(),
        name: juryn_domain::LocalizedText { sv: "Annat pris".into(), en: Some("Another prize".into()) },
        organiser: "Någon annan".into(),
        description: juryn_domain::LocalizedText::default(),
        criterion: juryn_domain::LocalizedText::default(),
        how_chosen: juryn_domain::LocalizedText::default(),
        prize: juryn_domain::LocalizedText::default(),
        logo: None,
    };
    app.store.put_award(&other, &by("test")).await.unwrap();
    let theirs = Grant { role: Role::Organiser, scope: Scope::Award(other.slug.clone()), municipality: None };
    person(&app, "annan@example.se", Some(PASSWORD), &[theirs]).await;
    // A juror of the demo's award, whose role change is logged.
    let sofia = person(&app, "sofia@example.se", None, &[juror_grant()]).await;
    let mut b = app.browser();
    b.sign_in("annan@example.se", PASSWORD).await;
    let log = b.get("/admin/logg").await;
    assert_eq!(log.status, StatusCode::OK);
    log.assert_lacks("digitaliseringskommun/2019").assert_has("annat-pris");
    b.get("/admin/personer").await.assert_lacks("sofia@example.se").assert_has("annan@example.se");
    assert_eq!(b.get(&format!("/admin/personer/{sofia}")).await.status, StatusCode::NOT_FOUND);
    // The installation's organiser sees both.
    let mut org = organiser(&app).await;
    org.get("/admin/logg").await.assert_has("digitaliseringskommun/2019").assert_has("annat-pris");
    org.get("/admin/personer").await.assert_has("sofia@example.se");
}

#[tokio::test]
async fn an_https_site_sends_hsts_host_prefixed_cookies_and_a_fresh_token_per_page() {
    let plain = spawn_app().await;
    assert!(plain.get("/").await.headers.get("strict-transport-security").is_none());
    let app = plain.with_base_url("https://juryn.test");
    person(&app, "org@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let home = app.get("/").await;
    assert_eq!(home.headers["strict-transport-security"], "max-age=31536000; includeSubDomains");
    let mut b = app.browser();
    let signed = b.sign_in("org@example.se", PASSWORD).await;
    assert_eq!(signed.status, StatusCode::SEE_OTHER);
    let set: Vec<&str> =
        signed.headers.get_all("set-cookie").iter().filter_map(|v| v.to_str().ok()).collect();
    assert!(set.iter().any(|c| c.starts_with("__Host-juryn_session=") && c.contains("Secure")), "{set:?}");
    assert!(b.cookies.contains_key("__Host-juryn_csrf"));
    assert_eq!(b.get("/konto").await.status, StatusCode::OK);
    // The same browser gets a different token string on every page (BREACH), each one valid.
    let (t1, t2) = (b.csrf().await, b.csrf().await);
    assert_ne!(t1, t2);
    assert_eq!(b.post("/konto", &[("name", "Org"), ("language", "sv")]).await.status, StatusCode::SEE_OTHER);
}
