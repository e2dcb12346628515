//! Bad addresses get the Swedish 404 page (or JSON under /api), never a 500.

use crate::helpers::spawn_app;
use axum::http::StatusCode;

#[tokio::test]
async fn unknown_and_malformed_addresses_are_404_with_a_way_back() {
    let app = spawn_app().await;
    for uri in [
        "/ingen-sadan-utmarkelse",
        "/ingen-sadan-utmarkelse/2019",
        "/digitaliseringskommun/2018",
        "/digitaliseringskommun/abcd",
        "/digitaliseringskommun/20190",
        "/digitaliseringskommun/-201",
        "/digitaliseringskommun/2019/jury/x",
        "/digitaliseringskommun/2018/jury",
        "/Digitaliseringskommun/2019",
        "/kommuner/abc",
        "/kommuner/9999",
        "/kommuner/01860",
        "/kommuner/0000",
        "/kommuner/",
        "/static/nope.css",
        "/%FF%FE",
        "/a/b/c/d/e",
    ] {
        let page = app.get(uri).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{uri}");
        page.assert_has(r#"<html lang="sv">"#)
            .assert_has("Sidan finns inte")
            .assert_has(r#"<a href="/">Till startsidan</a>"#);
    }
}

#[tokio::test]
async fn the_404_page_follows_the_language() {
    let app = spawn_app().await;
    let page = app.get("/kommuner/9999?lang=en").await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    page.assert_has(r#"<html lang="en">"#).assert_has("Page not found");
}

#[tokio::test]
async fn the_api_answers_404_in_json() {
    let app = spawn_app().await;
    for uri in [
        "/api/v1/awards/digitaliseringskommun/editions/2018",
        "/api/v1/awards/nope/editions/2019",
        "/api/v1/awards/digitaliseringskommun/editions/x",
        "/api/v1/nothing",
        "/api/v2/awards",
    ] {
        let page = app.get(uri).await;
        assert_eq!(page.status, StatusCode::NOT_FOUND, "{uri}");
        assert_eq!(page.json()["error"], "not_found", "{uri}");
    }
}

#[tokio::test]
async fn long_and_broken_query_strings_still_get_the_page() {
    let app = spawn_app().await;
    let long = format!("/digitaliseringskommun/2019?q={}", "x".repeat(10_000));
    let broken = "/digitaliseringskommun/2019?%FF%FE=%C3%28&lang=%FF";
    for uri in [long.as_str(), broken, "/kommuner/0186?lang", "/?&&&=&="] {
        let page = app.get(uri).await;
        assert!(
            page.status == StatusCode::OK || page.status == StatusCode::BAD_REQUEST,
            "{uri}: {}",
            page.status
        );
        assert_eq!(page.status, StatusCode::OK, "we answer with the page");
    }
}

#[tokio::test]
async fn methods_other_than_get_are_refused_without_a_500() {
    let app = spawn_app().await;
    let req =
        axum::http::Request::post("/digitaliseringskommun/2019").body(axum::body::Body::from("x")).unwrap();
    let page = app.request(req).await;
    assert_eq!(page.status, StatusCode::METHOD_NOT_ALLOWED);
}

/// Errors raised inside a handler carry no language of their own: the page is rendered by the
/// middleware in the reader's, and what the handler set beside it (cookies) is kept.
#[tokio::test]
async fn errors_from_inside_handlers_follow_the_language() {
    let app = spawn_app().await;
    let mut browser = app.browser();
    browser.get("/?lang=en").await;
    // No CSRF token: refused inside the form extractor.
    let refused = browser.post_raw("/logga-in", "email=a%40b.se&password=x").await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    refused.assert_has(r#"<html lang="en">"#).assert_has("The form has expired");
    // A booklet chapter that does not exist: 404 from inside the handler, in English.
    let missing = browser.get("/digitaliseringskommun/2019/skrift/nope").await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND);
    missing.assert_has("Page not found");
    let sv = app.get("/digitaliseringskommun/2019/skrift/nope").await;
    sv.assert_has(r#"<html lang="sv">"#).assert_has("Sidan finns inte");
}

/// Found by tests/web/fuzz.rs: an organiser posting to an edition that does not exist got the
/// 500 page (the store's "no such edition" was taken for our own failure). It is the 404.
#[tokio::test]
async fn a_post_to_an_edition_that_does_not_exist_is_404() {
    let app = spawn_app().await;
    crate::helpers::person(
        &app,
        "org@example.se",
        Some("ett-langt-losenord"),
        &[juryn_domain::Grant::organiser()],
    )
    .await;
    let mut org = app.browser();
    org.sign_in("org@example.se", "ett-langt-losenord").await;
    let page = org.post("/admin/digitaliseringskommun/2021/uppfoljning/import", &[("csv", "a;b;c")]).await;
    assert_eq!(page.status, StatusCode::NOT_FOUND, "{}", &page.body[..page.body.len().min(300)]);
    page.assert_has("Sidan finns inte");
}
