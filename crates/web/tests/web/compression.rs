//! Compression as a browser negotiates it: a kept page (public pages, the edition JSON, the feeds) answered
//! from its kept brotli or gzip form, the same bytes each time; a page changed for a signed-in
//! reader compressed as it goes out; and every form decodes to what an uncompressed request gets.

use std::io::Read;

use axum::body::Body;
use axum::http::{Request, StatusCode};

use crate::helpers::{Page, TestApp, person, spawn_app};

async fn get(app: &TestApp, uri: &str, accept: &str, cookie: Option<&str>) -> Page {
    let mut req = Request::get(uri).header("accept-encoding", accept);
    if let Some(c) = cookie {
        req = req.header("cookie", c);
    }
    app.request(req.body(Body::empty()).unwrap()).await
}

fn decoded(page: &Page) -> Vec<u8> {
    let mut out = Vec::new();
    match page.header("content-encoding").as_str() {
        "br" => brotli::Decompressor::new(&page.bytes[..], 4096).read_to_end(&mut out).unwrap(),
        "gzip" => flate2::read::GzDecoder::new(&page.bytes[..]).read_to_end(&mut out).unwrap(),
        other => panic!("not compressed: {other:?}"),
    };
    out
}

#[tokio::test]
async fn kept_pages_are_served_in_their_kept_brotli_and_gzip_forms() {
    let app = spawn_app().await;
    for uri in [
        "/digitaliseringskommun/2019",
        "/api/v1/awards/digitaliseringskommun/editions/2019",
        "/digitaliseringskommun/2019/tidsplan.ics",
        "/digitaliseringskommun/2019/program.ics",
        "/digitaliseringskommun/2019/nyheter.atom",
    ] {
        let plain = get(&app, uri, "identity", None).await;
        assert_eq!(plain.status, StatusCode::OK);
        assert_eq!(plain.header("content-encoding"), "");
        let vary: Vec<String> =
            plain.headers.get_all("vary").iter().map(|v| v.to_str().unwrap().to_lowercase()).collect();
        assert!(vary.iter().any(|v| v.contains("accept-encoding")), "{uri}: Vary {vary:?}");
        let br = get(&app, uri, "gzip, deflate, br", None).await;
        assert_eq!(br.header("content-encoding"), "br", "{uri}: brotli preferred");
        assert_eq!(decoded(&br), plain.bytes, "{uri}: brotli decodes to the page");
        // (A feed of a few hundred bytes gains little; the size is checked where it is more.)
        assert!(
            plain.bytes.len() < 1024 || br.bytes.len() * 2 < plain.bytes.len(),
            "{uri}: compressed {} of {}",
            br.bytes.len(),
            plain.bytes.len()
        );
        let again = get(&app, uri, "br", None).await;
        assert_eq!(again.bytes, br.bytes, "{uri}: the kept form, byte for byte");
        let gz = get(&app, uri, "gzip", None).await;
        assert_eq!(gz.header("content-encoding"), "gzip");
        assert_eq!(decoded(&gz), plain.bytes, "{uri}: gzip decodes to the page");
        let refused = get(&app, uri, "br;q=0, gzip;q=0", None).await;
        assert_eq!(refused.bytes, plain.bytes, "{uri}: q=0 refuses both");
    }
}

#[tokio::test]
async fn a_page_changed_for_a_signed_in_reader_is_compressed_as_it_goes_out() {
    let app = spawn_app().await;
    person(&app, "org@example.se", Some("ett-langt-losenord"), &[juryn_domain::Grant::organiser()]).await;
    let mut browser = app.browser();
    browser.sign_in("org@example.se", "ett-langt-losenord").await;
    let cookie: String = browser.cookies.iter().map(|(k, v)| format!("{k}={v}; ")).collect();
    let plain = get(&app, "/digitaliseringskommun/2019", "identity", Some(&cookie)).await;
    assert!(plain.body.contains(r#"href="/admin""#), "the header offers the organiser's area");
    let br = get(&app, "/digitaliseringskommun/2019", "br", Some(&cookie)).await;
    assert_eq!(br.header("content-encoding"), "br");
    assert_eq!(decoded(&br), plain.bytes, "the reader's own page, not the kept one");
}
