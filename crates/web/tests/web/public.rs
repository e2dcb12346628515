//! The public site of the demo, as a reader meets it.

use crate::helpers::spawn_app;
use axum::http::StatusCode;

const EDITION: &str = "/digitaliseringskommun/2019";

#[tokio::test]
async fn the_edition_page_shows_what_the_2019_announcement_showed() {
    let app = spawn_app().await;
    let page = app.get(EDITION).await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_has(r#"<html lang="sv">"#)
        .assert_has("<h1>Sveriges DigitaliseringsKommun 2019</h1>")
        .assert_has("Utmärkelsen delas ut för tionde gången.")
        .assert_has("Juryn har slutnominerat fem kommuner:");
    for (code, name) in [
        ("1080", "Karlskrona"),
        ("1780", "Karlstad"),
        ("0186", "Lidingö"),
        ("0181", "Södertälje"),
        ("2480", "Umeå"),
    ] {
        page.assert_has(&format!(r#"<li><a href="/kommuner/{code}">{name}</a></li>"#));
    }
    page.assert_has(r#"<a class="more" href="/digitaliseringskommun/2019/jury">Se juryns medlemmar</a>"#)
        .assert_has("Så utses vinnaren")
        .assert_has("platsbesöken")
        .assert_has("galan på GöteborgsOperan");
    // The timeline, each milestone in its own precision.
    for when in
        ["29 mars", "31 maj", "Juni", "Augusti–september", "Oktober", "12 november", "12–14 november", "2020"]
    {
        page.assert_has(&format!(">{when}<"));
    }
    page.assert_has(r#"<time datetime="2019-05-31">31 maj</time>"#)
        .assert_has("Skriften med kommunernas svar publiceras i juni.")
        .assert_has("44 kommuner har svarat på enkäten.")
        .assert_has("Exempeltext");
    // The earlier winners, all nine; no winner for 2019 yet.
    for name in [
        "Kalix",
        "Nacka",
        "Malmö",
        "Umeå",
        "Falkenberg",
        "Upplands Väsby",
        "Karlstad",
        "Helsingborg",
        "Stockholm",
    ] {
        page.assert_has(&format!(">{name}</a></li>"));
    }
    page.assert_lacks(r#"id="vinnare""#).assert_lacks("<script");
}

#[tokio::test]
async fn the_map_marks_participants_and_nominees_with_a_text_alternative() {
    let app = spawn_app().await;
    let page = app.get(EDITION).await;
    // The text alternative is beside the map; the map itself, whose shapes are links for the
    // pointer, is hidden from assistive technology.
    page.assert_has(r#"<p class="visually-hidden" id="karta-t">Karta över deltagande kommuner. "#)
        .assert_has(r#"aria-hidden="true" focusable="false""#)
        .assert_has("de nominerade är framhävda: Karlskrona, Karlstad, Lidingö, Södertälje och Umeå.")
        .assert_has("Källa: SCB");
    assert_eq!(page.body.matches("<path ").count(), 290);
    assert_eq!(page.body.matches(r#"<path class="m-nom""#).count(), 5);
    assert_eq!(page.body.matches(r#"<path class="m-part""#).count(), 44 - 5);
}

#[tokio::test]
async fn the_jury_page_lists_the_members_with_the_chair_first() {
    let app = spawn_app().await;
    let page = app.get("/digitaliseringskommun/2019/jury").await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_has("<h1>Juryn för Sveriges DigitaliseringsKommun 2019</h1>")
        .assert_has("Karin Ekholm <span class=\"chair\">(ordförande)</span>")
        .assert_has("exempeldata");
    assert_eq!(page.body.matches("<h2>").count(), 7);
    let chair = page.body.find("Karin Ekholm").unwrap();
    assert!(page.body.find("Anders Wikström").unwrap() > chair);
    // Where jurors live is for conflict checks, never for the public.
    page.assert_lacks("0184");
}

#[tokio::test]
async fn the_award_page_has_the_criterion_editions_and_past_winners() {
    let app = spawn_app().await;
    let page = app.get("/digitaliseringskommun").await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_has("Vem kan vinna?")
        .assert_has("tagit tillvara digitaliseringens möjligheter")
        .assert_has(r#"<a href="/digitaliseringskommun/2019">Sveriges DigitaliseringsKommun 2019</a> – De nominerade är utsedda"#)
        .assert_has(r#"<span class="year">2001</span> <a href="/kommuner/2514">Kalix</a>"#)
        .assert_has(r#"<span class="year">2017</span> <a href="/kommuner/0180">Stockholm</a>"#);
    let home = app.get("/").await;
    home.assert_has(r#"<a href="/digitaliseringskommun">Sveriges DigitaliseringsKommun</a>"#);
}

#[tokio::test]
async fn a_municipality_page_shows_its_county_map_and_participation() {
    let app = spawn_app().await;
    let page = app.get("/kommuner/0186").await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_has("<h1>Lidingö</h1>")
        .assert_has("<dd>Stockholms län</dd>")
        .assert_has("<dd>0186</dd>")
        .assert_has(r#"<path class="m-cur""#)
        .assert_has("Lidingö markerad på en karta över Stockholms län.")
        .assert_has(r#"<a href="/digitaliseringskommun/2019">Sveriges DigitaliseringsKommun 2019</a>"#)
        .assert_has(
            r#"<td data-label="Bidrag">Svarade på enkäten</td><td data-label="Resultat">Nominerad</td>"#,
        );
    let kalix = app.get("/kommuner/2514").await;
    kalix.assert_has("Sveriges DigitaliseringsKommun 2001");
    let other = app.get("/kommuner/0584").await;
    assert_eq!(other.status, StatusCode::OK);
    other.assert_has("Kommunen har inte deltagit");
}

#[tokio::test]
async fn english_on_request_and_remembered() {
    let app = spawn_app().await;
    let page = app.get(&format!("{EDITION}?lang=en")).await;
    page.assert_has(r#"<html lang="en">"#)
        .assert_has("The nominees")
        .assert_has("Timeline")
        .assert_has(">August–September<")
        .assert_has("See the members of the jury")
        .assert_has(r#"href="/digitaliseringskommun/2019?lang=sv""#);
    let cookie = page.headers.get("set-cookie").unwrap().to_str().unwrap();
    assert!(cookie.starts_with("lang=en;") && cookie.contains("SameSite=Lax"), "{cookie}");
    let again = app.get_with_cookie("/digitaliseringskommun/2019/jury", "lang=en").await;
    again.assert_has(r#"<html lang="en">"#).assert_has("(chair)");
    let back = app.get_with_cookie(&format!("{EDITION}?lang=sv"), "lang=en").await;
    back.assert_has(r#"<html lang="sv">"#);
}

#[tokio::test]
async fn an_unknown_language_is_swedish() {
    let app = spawn_app().await;
    let page = app.get(&format!("{EDITION}?lang=xx")).await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_has(r#"<html lang="sv">"#);
    assert!(page.headers.get("set-cookie").is_none());
}

#[tokio::test]
async fn responses_carry_the_security_headers() {
    let app = spawn_app().await;
    for uri in [EDITION, "/nope/nope/nope/nope"] {
        let page = app.get(uri).await;
        let csp = page.headers.get("content-security-policy").unwrap().to_str().unwrap();
        assert!(csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"), "{csp}");
        assert!(
            csp.contains("script-src 'self'") && !csp.contains("unsafe"),
            "only the site's own script file"
        );
        assert_eq!(page.headers.get("x-content-type-options").unwrap(), "nosniff");
        assert!(page.headers.get("referrer-policy").is_some());
    }
}

#[tokio::test]
async fn the_stylesheet_is_served_and_cached_for_long() {
    let app = spawn_app().await;
    let page = app.get(EDITION).await;
    let start = page.body.find("/static/juryn.css?v=").unwrap();
    let href = &page.body[start..start + page.body[start..].find('"').unwrap()];
    let css = app.get(href).await;
    assert_eq!(css.status, StatusCode::OK);
    assert!(css.headers.get("cache-control").unwrap().to_str().unwrap().contains("immutable"));
    css.assert_has(".map path");
}

#[tokio::test]
async fn swedish_text_on_an_english_page_says_it_is_swedish() {
    let app = crate::helpers::spawn_app_at(Some("2026-12-02T10:00:00Z")).await;
    let now = "2026-12-02T10:00:00Z".parse().unwrap();
    juryn_store::demo::load_at(&*app.store, juryn_domain::Phase::Announced, now).await.unwrap();
    app.sync().await;
    let page = app.get("/digitaliseringskommun/2019?lang=en").await;
    page.assert_has(r#"<html lang="en""#).assert_has(r#"class="citation" lang="sv""#);
}
