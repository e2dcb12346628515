//! Finding one's way: the header offers the areas a person has, each area has a start page, an
//! edition's organiser pages are all listed, and the trail above a page starts from its area.

use juryn_domain::{Grant, MunicipalityCode, Role, Scope, Slug};

use crate::helpers::{person, spawn_app};

const PASSWORD: &str = "correct horse battery staple";
const AREAS: [&str; 3] = [r#"<a href="/portal">"#, r#"<a href="/jury">"#, r#"<a href="/admin">"#];

fn in_2019(role: Role, municipality: Option<&str>) -> Grant {
    Grant {
        role,
        scope: Scope::Edition(Slug::parse("digitaliseringskommun").unwrap(), 2019),
        municipality: municipality.map(|m| MunicipalityCode::parse(m).unwrap()),
    }
}

/// The header alone, so that a link in the page's body does not count.
fn header(body: &str) -> &str {
    let start = body.find("<header").expect("a header");
    let end = body[start..].find("</header>").expect("the header ends") + start;
    &body[start..end]
}

#[tokio::test]
async fn the_header_offers_each_person_their_areas_and_a_cached_page_keeps_no_ones() {
    let app = spawn_app().await;
    person(&app, "org@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    person(&app, "juror@example.se", Some(PASSWORD), &[in_2019(Role::Juror, None)]).await;
    person(&app, "both@example.se", Some(PASSWORD), &[in_2019(Role::Expert, None), Grant::organiser()]).await;
    person(&app, "kontakt@lidingo.se", None, &[in_2019(Role::EntrantContact, Some("0186"))]).await;
    let anonymous = app.get("/digitaliseringskommun/2019").await;
    for area in AREAS {
        assert!(!header(&anonymous.body).contains(area), "no areas for the public: {area}");
    }
    for (email, has) in [
        ("org@example.se", [false, false, true]),
        ("juror@example.se", [false, true, false]),
        ("both@example.se", [false, true, true]),
    ] {
        let mut b = app.browser();
        b.sign_in(email, PASSWORD).await;
        // A cached public page and a signed-in page alike.
        for path in ["/digitaliseringskommun/2019", "/konto"] {
            let page = b.get(path).await;
            for (area, expected) in AREAS.iter().zip(has) {
                assert_eq!(header(&page.body).contains(area), expected, "{email} on {path}: {area}");
            }
            assert!(page.header("cache-control").contains("private"), "{email}'s page is their own");
        }
    }
    // The contact signs in by link; the portal is their one area.
    let mut contact = app.browser();
    contact.post("/logga-in/lank", &[("email", "kontakt@lidingo.se")]).await;
    let link = app.link_in_last_mail("/logga-in/lank/").await;
    contact.get(&link).await;
    contact.post(&link, &[]).await;
    let page = contact.get("/digitaliseringskommun/2019").await;
    assert!(header(&page.body).contains(AREAS[0]) && !header(&page.body).contains(AREAS[2]));
    // The public's copy of the cached page was never personalised.
    let again = app.get("/digitaliseringskommun/2019").await;
    assert_eq!(again.body, anonymous.body);
    assert!(!again.header("cache-control").contains("private"));
}

#[tokio::test]
async fn the_jury_area_starts_with_the_persons_own_roles() {
    let app = spawn_app().await;
    person(&app, "juror@example.se", Some(PASSWORD), &[in_2019(Role::Juror, None)]).await;
    person(&app, "org@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut juror = app.browser();
    juror.sign_in("juror@example.se", PASSWORD).await;
    juror.get("/jury").await.assert_has("Juryns sidor").assert_has(
        r#"<a href="/jury/digitaliseringskommun/2019">Jurymedlem, Sveriges DigitaliseringsKommun 2019</a>"#,
    );
    let mut org = app.browser();
    org.sign_in("org@example.se", PASSWORD).await;
    org.get("/jury").await.assert_has("Du har inget uppdrag i någon jury just nu.");
    assert_eq!(app.browser().get("/jury").await.location(), "/logga-in?nasta=/jury");
}

#[tokio::test]
async fn every_organiser_page_of_an_edition_is_listed_and_the_trail_starts_at_the_area() {
    let app = spawn_app().await;
    person(&app, "org@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut org = app.browser();
    org.sign_in("org@example.se", PASSWORD).await;
    let base = "/admin/digitaliseringskommun/2019";
    let pages = [
        "bidrag",
        "nomineringar",
        "paminnelser",
        "enkat",
        "utlysning",
        "jury",
        "kriterier",
        "jav",
        "tilldelning",
        "nominerade",
        "beslut",
        "program",
        "skrift",
        "oppna-data",
    ];
    let home = org.get("/admin").await;
    let edition = org.get(base).await;
    edition.assert_has("<h1>Sveriges DigitaliseringsKommun 2019</h1>");
    for page in pages {
        let href = format!(r#"<a href="{base}/{page}">"#);
        home.assert_has(&href);
        edition.assert_has(&href);
        // Each page's trail: the organiser's area, the edition, the page.
        let shown = org.get(&format!("{base}/{page}")).await;
        let trail = shown
            .body
            .split(r#"<nav class="crumbs"#)
            .nth(1)
            .expect("a trail")
            .split("</nav>")
            .next()
            .unwrap();
        assert!(trail.contains(r#"<a href="/admin">Arrangörens sidor</a>"#), "{page}: {trail}");
        assert!(
            trail.contains(&format!(r#"<a href="{base}">Sveriges DigitaliseringsKommun 2019</a>"#)),
            "{page}: {trail}"
        );
        assert!(!trail.contains("Personer och roller"), "{page}: {trail}");
    }
}

#[tokio::test]
async fn every_municipality_is_listed_by_county_and_the_site_has_an_icon() {
    let app = spawn_app().await;
    let list = app.get("/kommuner").await;
    assert_eq!(list.body.matches(r#"<li><a href="/kommuner/"#).count(), 290);
    list.assert_has("<h2 id=\"lan-1\">Stockholms län</h2>")
        .assert_has(r#"<a href="/kommuner/0186">Lidingö</a>"#);
    // Every page's header leads there.
    app.get("/").await.assert_has(r#"<a href="/kommuner">Kommuner</a>"#).assert_has(r#"rel="icon""#);
    let icon = app.get("/favicon.svg").await;
    assert_eq!(icon.header("content-type"), "image/svg+xml");
    assert!(icon.body.starts_with("<svg"));
}
