//! The booklet: the organiser writes, previews and publishes it at a time; the public gets the
//! PDF (with its SHA-256, cached) and the same content as web pages from that second; a new
//! version leaves the old one in place; bad input is refused with the typed text kept.

use axum::http::StatusCode;
use juryn_domain::{Grant, Phase};
use juryn_store::demo;

use crate::helpers::{Browser, TestApp, person, spawn_app_at, tiny_png};

const ADMIN: &str = "/admin/digitaliseringskommun/2019/skrift";
const PDF: &str = "/digitaliseringskommun/2019/skrift.pdf";
const WEB: &str = "/digitaliseringskommun/2019/skrift";
const PASSWORD: &str = "correct horse battery staple";

fn pdf_text(bytes: &[u8]) -> String {
    juryn_readback::read(bytes).text()
}

async fn organiser(app: &TestApp) -> Browser<'_> {
    person(app, "org@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut org = app.browser();
    org.sign_in("org@example.se", PASSWORD).await;
    org
}

#[tokio::test]
async fn the_booklet_is_published_at_its_second_and_old_versions_stay() {
    let app = spawn_app_at(Some("2019-06-10T00:00:00Z")).await;
    demo::load_at(&*app.store, Phase::Nominated, "2019-06-01T00:00:00Z".parse().unwrap()).await.unwrap();
    app.sync().await;
    for path in
        [PDF, WEB, "/digitaliseringskommun/2019/skrift/0186", "/digitaliseringskommun/2019/skrift/v1.pdf"]
    {
        assert_eq!(app.get(path).await.status, StatusCode::NOT_FOUND, "{path} before publication");
    }
    app.get("/digitaliseringskommun/2019").await.assert_has("Skriften med kommunernas svar publiceras i");

    let mut org = organiser(&app).await;
    org.get(ADMIN)
        .await
        .assert_has("Skriften är inte publicerad.")
        .assert_has("42 bidrag ingår")
        .assert_has("Borås – kommunen har inte samtyckt till publicering");

    // Bad settings are refused whole, with what was typed given back.
    let long = format!("{} MÄRKE", "ord ".repeat(10_000));
    let bad = org.post(ADMIN, &[("title", "  "), ("foreword", &long)]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_has("Skriv en titel.")
        .assert_has("Förordet har 10001 ord; det får ha högst 10000.")
        .assert_has("MÄRKE");
    let bad = org.post(ADMIN, &[("title", "Skrift\u{7}"), ("foreword", "Rad ett\r\n\tRad två")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_has("kontrolltecken").assert_has("Rad ett");
    let bad = org.post(ADMIN, &[("title", &"T".repeat(201)), ("foreword", "")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_has("högst 200 tecken");
    assert!(
        app.store
            .booklet_settings(&juryn_domain::Slug::parse("digitaliseringskommun").unwrap(), 2019)
            .await
            .unwrap()
            .title
            .is_empty()
    );
    let ok = org
        .post(
            ADMIN,
            &[
                ("title", "Kommunernas utveckling i en digital tid"),
                ("foreword", "Ett *förord* med #hash och $pengar."),
            ],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);

    // The preview is the booklet as it would be published now.
    let preview = org.get(&format!("{ADMIN}/forhandsgranskning.pdf")).await;
    assert_eq!(preview.status, StatusCode::OK);
    assert_eq!(preview.headers["content-type"], "application/pdf");
    assert_eq!(preview.headers["cache-control"], "no-store");
    let text = pdf_text(&preview.bytes);
    for w in [
        "Kommunernas utveckling i en digital tid",
        "Innehåll",
        "Förord",
        "#hash och $pengar",
        "Lidingö",
        "Karlstad",
        "Umeå",
    ] {
        assert!(text.contains(w), "the preview lacks {w}");
    }
    assert!(!text.contains("Borås"), "Borås did not consent");

    // Publishing at a time: a bad time is refused, a good one makes version 1.
    let bad = org.post(&format!("{ADMIN}/publicera"), &[("at", "den fjortonde")]).await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    bad.assert_has("den fjortonde");
    let published = org.post(&format!("{ADMIN}/publicera"), &[("at", "2019-06-14T10:00")]).await;
    assert_eq!(published.status, StatusCode::SEE_OTHER);
    let early = app.at("2019-06-14T07:59:59Z");
    assert_eq!(early.get(PDF).await.status, StatusCode::NOT_FOUND, "not a second early");
    assert_eq!(early.get(WEB).await.status, StatusCode::NOT_FOUND);
    const API: &str = "/api/v1/awards/digitaliseringskommun/editions/2019";
    assert!(early.get(API).await.json()["booklet"].is_null());

    let on_time = app.at("2019-06-14T08:00:00Z");
    let pdf = on_time.get(PDF).await;
    assert_eq!(pdf.status, StatusCode::OK);
    assert_eq!(pdf.headers["content-type"], "application/pdf");
    let sha = juryn_domain::seal::sha256_hex(&pdf.bytes);
    assert_eq!(pdf.headers["etag"], format!("\"{sha}\"").as_str());
    assert_eq!(pdf.headers["x-content-sha256"], sha.as_str());
    assert!(pdf.headers["cache-control"].to_str().unwrap().starts_with("public"));
    let api = on_time.get(API).await.json();
    assert_eq!(api["booklet"]["sha256"], sha.as_str(), "the API names the version from its second");
    assert!(
        api["booklet"]["pdf_url"].as_str().unwrap().ends_with("/digitaliseringskommun/2019/skrift/v1.pdf")
    );
    let v1 = on_time.get("/digitaliseringskommun/2019/skrift/v1.pdf").await;
    assert_eq!(v1.bytes, pdf.bytes);
    assert_eq!(v1.headers["cache-control"], "public, max-age=31536000, immutable");
    let again = on_time
        .request(
            axum::http::Request::get(PDF)
                .header("if-none-match", format!("\"{sha}\""))
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(again.status, StatusCode::NOT_MODIFIED);
    assert!(again.bytes.is_empty());
    // A reader fetching it in parts gets the parts, of this version only.
    let part = |range: &str, if_range: Option<&str>| {
        let mut req = axum::http::Request::get(PDF).header("range", range);
        if let Some(tag) = if_range {
            req = req.header("if-range", tag);
        }
        on_time.request(req.body(axum::body::Body::empty()).unwrap())
    };
    assert_eq!(pdf.headers["accept-ranges"], "bytes");
    let first = part("bytes=0-99", None).await;
    assert_eq!(first.status, StatusCode::PARTIAL_CONTENT);
    assert_eq!(first.bytes, pdf.bytes[..100]);
    assert_eq!(first.header("content-range"), format!("bytes 0-99/{}", pdf.bytes.len()));
    let tail = part("bytes=-10", Some(&format!("\"{sha}\""))).await;
    assert_eq!(tail.bytes, pdf.bytes[pdf.bytes.len() - 10..]);
    let other_version = part("bytes=0-99", Some("\"not-this-one\"")).await;
    assert_eq!((other_version.status, other_version.bytes.len()), (StatusCode::OK, pdf.bytes.len()));
    let beyond = part(&format!("bytes={}-", pdf.bytes.len()), None).await;
    assert_eq!(beyond.status, StatusCode::RANGE_NOT_SATISFIABLE);
    assert_eq!(beyond.header("content-range"), format!("bytes */{}", pdf.bytes.len()));

    // The edition page links to it; the web pages hold the same content.
    on_time
        .get("/digitaliseringskommun/2019")
        .await
        .assert_has(r#"href="/digitaliseringskommun/2019/skrift.pdf""#);
    let contents = on_time.get(WEB).await;
    contents
        .assert_has("<h1>Kommunernas utveckling i en digital tid</h1>")
        .assert_has("#hash och $pengar")
        .assert_has(sha.as_str());
    assert_eq!(contents.body.matches(r#"</a> <span class="muted">"#).count(), 42, "one entry per chapter");
    let lidingo = on_time.get("/digitaliseringskommun/2019/skrift/0186").await;
    lidingo.assert_has("<h1>Lidingö</h1>").assert_has("Stockholms län").assert_has("<h2>");
    assert_eq!(on_time.get("/digitaliseringskommun/2019/skrift/1490").await.status, StatusCode::NOT_FOUND);
    assert_eq!(on_time.get("/digitaliseringskommun/2019/skrift/hej").await.status, StatusCode::NOT_FOUND);
    assert_eq!(on_time.get("/digitaliseringskommun/2019/skrift/v2.pdf").await.status, StatusCode::NOT_FOUND);
    on_time
        .get("/digitaliseringskommun/2019/nyheter.atom")
        .await
        .assert_has("Skriften Kommunernas utveckling i en digital tid är publicerad (version 1)");

    // A change makes the published version stale; a new version is published later, and the
    // old one stays where it was.
    drop(org);
    let mut org = on_time.browser();
    org.sign_in("org@example.se", PASSWORD).await;
    let ok = org
        .post(
            ADMIN,
            &[("title", "Kommunernas utveckling i en digital tid"), ("foreword", "Ett nytt förord.")],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER);
    org.get(ADMIN).await.assert_has("har ändrats sedan version 1");
    assert_eq!(
        org.post(&format!("{ADMIN}/publicera"), &[("at", "2019-06-20T10:00")]).await.status,
        StatusCode::SEE_OTHER
    );
    org.get(ADMIN)
        .await
        .assert_has("Version 2 publiceras")
        .assert_lacks("har ändrats sedan")
        .assert_has(r#"">org</td>"#)
        .assert_lacks("user/");
    assert_eq!(on_time.get(PDF).await.bytes, pdf.bytes, "version 2 is not out yet");
    assert_eq!(on_time.get("/digitaliseringskommun/2019/skrift/v2.pdf").await.status, StatusCode::NOT_FOUND);
    let later = app.at("2019-06-20T08:00:00Z");
    let v2 = later.get(PDF).await;
    assert_ne!(v2.bytes, pdf.bytes);
    assert!(pdf_text(&v2.bytes).contains("Ett nytt förord."));
    assert_eq!(
        later.get("/digitaliseringskommun/2019/skrift/v1.pdf").await.bytes,
        pdf.bytes,
        "the old version stays"
    );
    later.get(WEB).await.assert_has("Version 1,").assert_has("Version 2,");
}

#[tokio::test]
async fn covers_are_checked_and_an_empty_booklet_is_not_made() {
    let app = spawn_app_at(Some("2019-06-10T00:00:00Z")).await;
    demo::load_at(&*app.store, Phase::Nominated, "2019-06-01T00:00:00Z".parse().unwrap()).await.unwrap();
    app.sync().await;
    let mut org = organiser(&app).await;
    let cover = format!("{ADMIN}/omslag");

    let text = org.post_multipart(&cover, &[], ("image", b"<svg onload=alert(1)>")).await;
    assert_eq!(text.status, StatusCode::UNPROCESSABLE_ENTITY);
    text.assert_has("Omslagsbilden måste vara en PNG- eller JPEG-bild.");
    let huge = vec![0x89u8; 50 * 1024 * 1024];
    let big = org.post_multipart(&cover, &[], ("image", &huge)).await;
    assert_eq!(big.status, StatusCode::PAYLOAD_TOO_LARGE);
    big.assert_has("Omslagsbilden är för stor: den får vara högst 10 MB.");
    let none = org.post_multipart(&cover, &[], ("image", b"")).await;
    assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
    none.assert_has("Välj en bild");
    let slug = juryn_domain::Slug::parse("digitaliseringskommun").unwrap();
    assert_eq!(app.store.booklet_settings(&slug, 2019).await.unwrap().cover, None, "nothing stored");

    assert_eq!(org.post_multipart(&cover, &[], ("image", &tiny_png())).await.status, StatusCode::SEE_OTHER);
    org.get(ADMIN).await.assert_has("Skriften har en omslagsbild.");
    assert_eq!(app.store.booklet_settings(&slug, 2019).await.unwrap().cover, Some(tiny_png()));
    let preview = org.get(&format!("{ADMIN}/forhandsgranskning.pdf")).await;
    assert_eq!(preview.status, StatusCode::OK);
    assert!(preview.bytes.windows(6).any(|w| w == b"/Image"), "the cover is in the PDF");
    assert_eq!(
        org.post_multipart(&cover, &[("remove", "1")], ("image", b"")).await.status,
        StatusCode::SEE_OTHER
    );
    org.get(ADMIN).await.assert_has("Skriften har ingen omslagsbild.");

    // No municipality consenting: a clear message, no PDF, no version.
    let empty = spawn_app_at(Some("2019-03-01T00:00:00Z")).await;
    demo::load_at(&*empty.store, Phase::CallOpen, "2019-03-01T00:00:00Z".parse().unwrap()).await.unwrap();
    empty.sync().await;
    let mut org = organiser(&empty).await;
    let none = org.get(&format!("{ADMIN}/forhandsgranskning.pdf")).await;
    assert_eq!(none.status, StatusCode::CONFLICT);
    none.assert_has("Ingen kommun har både skickat in sitt bidrag och samtyckt till publicering");
    let refused = org.post(&format!("{ADMIN}/publicera"), &[("at", "2019-06-14T10:00")]).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_has("Ingen kommun har både skickat in");
    assert!(empty.store.booklet_versions(&slug, 2019).await.unwrap().is_empty());
}

#[tokio::test]
async fn the_demo_publishes_its_booklet_once() {
    let app = spawn_app_at(Some("2019-12-01T00:00:00Z")).await;
    demo::load_at(&*app.store, Phase::Nominated, "2019-06-01T00:00:00Z".parse().unwrap()).await.unwrap();
    juryn_web::booklet::demo::load(&*app.store, Phase::Shortlisting).await.unwrap();
    assert!(
        app.store
            .booklet_settings(&juryn_domain::Slug::parse("digitaliseringskommun").unwrap(), 2019)
            .await
            .unwrap()
            .title
            .is_empty(),
        "not before the nominations"
    );
    for _ in 0..2 {
        juryn_web::booklet::demo::load(&*app.store, Phase::Nominated).await.unwrap();
    }
    let slug = juryn_domain::Slug::parse("digitaliseringskommun").unwrap();
    let versions = app.store.booklet_versions(&slug, 2019).await.unwrap();
    assert_eq!(versions.len(), 1, "loading again publishes nothing new");
    assert_eq!(versions[0].publish_at.to_string(), "2019-06-14T08:00:00Z");
    assert!(versions[0].pages > 44, "{} pages", versions[0].pages);
    app.sync().await;
    let text = pdf_text(&app.get(PDF).await.bytes);
    for w in
        ["Kommunernas utveckling i en digital tid", "Karlskrona", "Karlstad", "Lidingö", "Södertälje", "Umeå"]
    {
        assert!(text.contains(w), "the demo's booklet lacks {w}");
    }
}

#[tokio::test]
async fn a_joint_entry_is_one_chapter_under_its_name_with_every_member_on_the_map() {
    let app = spawn_app_at(Some("2019-06-10T00:00:00Z")).await;
    demo::load_at(&*app.store, Phase::Nominated, "2019-06-01T00:00:00Z".parse().unwrap()).await.unwrap();
    let slug = juryn_domain::Slug::parse(demo::AWARD_SLUG).unwrap();
    // Lidingö's entry becomes Lidingö's and Vaxholm's together.
    let members = ["0186", "0187"].map(|c| juryn_domain::MunicipalityCode::parse(c).unwrap()).to_vec();
    let joint = juryn_domain::joint::JointEntry { name: "Lidingö och Vaxholm".into(), members };
    app.store.make_joint(&slug, 2019, &joint, &app.by("org")).await.unwrap().unwrap();
    app.sync().await;
    let mut org = organiser(&app).await;
    assert_eq!(
        org.post(&format!("{ADMIN}/publicera"), &[("at", "2019-06-10T00:00")]).await.status,
        StatusCode::SEE_OTHER
    );
    let contents = app.get(WEB).await;
    contents.assert_has("Lidingö och Vaxholm");
    // Both members are marked on the contents page's map (as participants, not just drawn).
    for name in ["Lidingö", "Vaxholm"] {
        let marked = r#"class="m-part" d="#;
        let at = contents.body.find(&format!("<title>{name}</title>")).expect("drawn");
        let before = &contents.body[..at];
        let path = &before[before.rfind("<path").unwrap()..];
        assert!(path.starts_with(&format!("<path {marked}")), "{name} marked: {path}");
    }
    let text = pdf_text(&app.get(PDF).await.bytes);
    assert!(text.contains("Lidingö och Vaxholm"), "the PDF's chapter is under the entry's name");
}
