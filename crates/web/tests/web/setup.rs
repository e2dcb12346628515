//! Starting from nothing in the browser: on an empty installation the organiser is led to create
//! an award, creates it, edits it and starts its first edition; every bad input is a message in
//! Swedish with what was typed kept, and nothing written.

use axum::http::StatusCode;
use juryn_domain::{Grant, Role, Scope, Slug};

use crate::helpers::{person, spawn_app, spawn_empty_app};

const PASSWORD: &str = "correct horse battery staple";

fn award_form<'a>(slug: &'a str, name: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![("slug", slug), ("name_sv", name), ("organiser", "Dataföreningen i Sverige")]
}

#[tokio::test]
async fn an_organiser_starts_from_an_empty_installation() {
    let app = spawn_empty_app().await;
    person(&app, "admin@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut org = app.browser();
    org.sign_in("admin@example.se", PASSWORD).await;
    org.get("/admin")
        .await
        .assert_has("Här finns inga utmärkelser än.")
        .assert_has(r#"<a class="button" href="/admin/utmarkelser/ny">Skapa en utmärkelse</a>"#);
    org.get("/admin/utmarkelser/ny").await.assert_has("<h1>Skapa en utmärkelse</h1>");

    // Bad input: each a message, what was typed kept, nothing written.
    let generation = app.store.generation().await.unwrap();
    for (form, says) in [
        (award_form("Fel Slug", "Testpriset"), "Adressen får bara ha små bokstäver"),
        (award_form("admin", "Testpriset"), "Adressen får bara ha små bokstäver"),
        (award_form("testpriset", ""), "Namn på svenska måste fyllas i."),
    ] {
        let page = org.post("/admin/utmarkelser", &form).await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY, "{form:?}");
        page.assert_has(says).assert_has("Dataföreningen i Sverige");
    }
    let long = "x".repeat(10_000);
    let page = org.post("/admin/utmarkelser", &award_form("testpriset", &long)).await;
    assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY);
    page.assert_has("Namn på svenska får vara högst 200 tecken.");
    assert_eq!(app.store.generation().await.unwrap(), generation, "nothing was written");
    assert!(app.store.awards().await.unwrap().is_empty());

    // Made, and a second with the same address refused.
    let made = org.post("/admin/utmarkelser", &award_form("testpriset", "Testpriset")).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER);
    assert_eq!(made.location(), "/admin/utmarkelser/testpriset");
    let again = org.post("/admin/utmarkelser", &award_form("testpriset", "Ett annat pris")).await;
    assert_eq!(again.status, StatusCode::UNPROCESSABLE_ENTITY);
    again.assert_has("Adressen testpriset används redan").assert_has("Ett annat pris");
    assert_eq!(app.store.awards().await.unwrap().len(), 1);
    // A new award's page shows what it has, and no empty criterion box.
    app.get("/testpriset").await.assert_has("Testpriset").assert_lacks(r#"class="criterion""#);

    // Its first edition: bad years refused, then 2021.
    let page = org.get("/admin/utmarkelser/testpriset").await;
    page.assert_has("Starta en ny omgång").assert_has("Inga omgångar än.");
    for (year, says) in [("1899", "mellan 1900 och 2100"), ("tjugo", "mellan 1900 och 2100")] {
        let refused =
            org.post("/admin/utmarkelser/testpriset/omgang", &[("year", year), ("ordinal", "11")]).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
        refused.assert_has(says).assert_has(&format!(r#"value="{year}""#));
    }
    let no_source =
        org.post("/admin/utmarkelser/testpriset/omgang", &[("year", "2021"), ("copy_from", "2019")]).await;
    assert_eq!(no_source.status, StatusCode::UNPROCESSABLE_ENTITY);
    no_source.assert_has("Det finns ingen omgång 2019 att kopiera från.");
    let started =
        org.post("/admin/utmarkelser/testpriset/omgang", &[("year", "2021"), ("ordinal", "11")]).await;
    assert_eq!(started.location(), "/admin/testpriset/2021");
    let taken = org.post("/admin/utmarkelser/testpriset/omgang", &[("year", "2021")]).await;
    assert_eq!(taken.status, StatusCode::UNPROCESSABLE_ENTITY);
    taken.assert_has("Det finns redan en omgång 2021.");
    org.get("/admin/testpriset/2021").await.assert_has("<h1>Testpriset 2021</h1>");
    let slug = Slug::parse("testpriset").unwrap();
    assert_eq!(app.store.edition(&slug, 2021).await.unwrap().unwrap().ordinal, Some(11));
    // The audit log says who made them.
    let log = org.get("/admin/logg").await;
    assert!(log.body.contains("award.create") && log.body.contains("edition.create"), "the log has both");
}

#[tokio::test]
async fn an_awards_organiser_edits_it_and_copies_an_edition_but_makes_no_new_award() {
    let app = spawn_app().await;
    juryn_store::demo::load_at(&*app.store, juryn_domain::Phase::Announced, jiff::Timestamp::now())
        .await
        .unwrap();
    let slug = Slug::parse("digitaliseringskommun").unwrap();
    let grant = Grant { role: Role::Organiser, scope: Scope::Award(slug.clone()), municipality: None };
    person(&app, "award@example.se", Some(PASSWORD), &[grant]).await;
    let mut org = app.browser();
    org.sign_in("award@example.se", PASSWORD).await;
    assert_eq!(org.get("/admin/utmarkelser/ny").await.status, StatusCode::FORBIDDEN);
    let page = org.get("/admin/utmarkelser/digitaliseringskommun").await;
    page.assert_has(r#"value="Sveriges DigitaliseringsKommun""#)
        .assert_has("<code>/digitaliseringskommun</code>");
    // The address stays whatever the form says; the name changes.
    let saved = org
        .post(
            "/admin/utmarkelser/digitaliseringskommun",
            &[
                ("slug", "annat"),
                ("name_sv", "Sveriges DigitaliseringsKommun"),
                ("organiser", "Dataföreningen"),
            ],
        )
        .await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER);
    assert_eq!(app.store.award(&slug).await.unwrap().unwrap().organiser, "Dataföreningen");
    assert!(app.store.award(&Slug::parse("annat").unwrap()).await.unwrap().is_none());
    // 2025, copied from 2019: the questionnaire and criteria come along, never the entries.
    let started = org
        .post("/admin/utmarkelser/digitaliseringskommun/omgang", &[("year", "2025"), ("copy_from", "2019")])
        .await;
    assert_eq!(started.location(), "/admin/digitaliseringskommun/2025");
    assert_eq!(
        app.store.questions(&slug, 2025).await.unwrap(),
        app.store.questions(&slug, 2019).await.unwrap()
    );
    assert!(app.store.entries(&slug, 2025).await.unwrap().is_empty());
    // Another award's page is not theirs.
    assert_eq!(org.get("/admin/utmarkelser/nagot-annat").await.status, StatusCode::FORBIDDEN);
}

#[test]
fn no_award_can_take_an_address_the_site_uses() {
    for (_, path) in juryn_web::route_list() {
        let first = path.trim_start_matches('/').split('/').next().unwrap_or_default();
        if first.starts_with('{') || first.is_empty() {
            continue;
        }
        assert!(Slug::parse(first).is_err(), "an award could take /{first}, which the site uses");
    }
}

#[tokio::test]
async fn the_award_says_how_its_winner_is_chosen_and_what_the_winner_receives() {
    let app = spawn_empty_app().await;
    person(&app, "admin@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut org = app.browser();
    org.sign_in("admin@example.se", PASSWORD).await;
    org.post("/admin/utmarkelser", &award_form("testpriset", "Testpriset")).await;
    org.post("/admin/utmarkelser/testpriset/omgang", &[("year", "2021")]).await;
    let mut form = award_form("testpriset", "Testpriset");
    form.extend([
        ("how_chosen_sv", "Juryn **nominerar tre till fem** kommuner.\n\n<script>alert(1)</script>"),
        ("prize_sv", "Ett diplom och rätten att använda logotypen."),
    ]);
    assert_eq!(org.post("/admin/utmarkelser/testpriset", &form).await.status, StatusCode::SEE_OTHER);
    let page = app.get("/testpriset").await;
    page.assert_has("<h2 id=\"sa-utses\">Så utses vinnaren</h2>")
        .assert_has("<strong>nominerar tre till fem</strong>")
        .assert_lacks("<script>")
        .assert_has("Ett diplom och rätten att använda logotypen.");
    // The edition says nothing of its own, so it shows the award's words.
    app.get("/testpriset/2021").await.assert_has("<strong>nominerar tre till fem</strong>");
    let long = "x".repeat(10_001);
    let mut too_long = award_form("testpriset", "Testpriset");
    too_long.push(("how_chosen_sv", &long));
    let refused = org.post("/admin/utmarkelser/testpriset", &too_long).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused.assert_has("Så utses vinnaren (svenska) får vara högst 10000 tecken.");
}

#[tokio::test]
async fn the_award_logo_is_an_image_checked_before_it_is_stored() {
    let app = spawn_empty_app().await;
    person(&app, "admin@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut org = app.browser();
    org.sign_in("admin@example.se", PASSWORD).await;
    org.post("/admin/utmarkelser", &award_form("testpriset", "Testpriset")).await;
    let upload = "/admin/utmarkelser/testpriset/logotyp";
    let slug = Slug::parse("testpriset").unwrap();
    let text = org.post_multipart(upload, &[], ("image", b"<svg onload=alert(1)>")).await;
    assert_eq!(text.status, StatusCode::UNPROCESSABLE_ENTITY);
    text.assert_has("Filen är ingen PNG- eller JPEG-bild som går att läsa.").assert_has("Testpriset");
    // Right first bytes, broken body: decoded, so refused.
    let broken = org.post_multipart(upload, &[], ("image", b"\x89PNG\r\n\x1a\nnot really")).await;
    assert_eq!(broken.status, StatusCode::UNPROCESSABLE_ENTITY);
    let huge = vec![0x89u8; 50 * 1024 * 1024];
    let big = org.post_multipart(upload, &[], ("image", &huge)).await;
    assert_eq!(big.status, StatusCode::PAYLOAD_TOO_LARGE);
    big.assert_has("Bilden får vara högst 2 MB.");
    let none = org.post_multipart(upload, &[], ("image", b"")).await;
    assert_eq!(none.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(app.store.award_logo(&slug).await.unwrap(), None, "nothing stored");
    assert_eq!(app.get("/testpriset/logotyp").await.status, StatusCode::NOT_FOUND);

    let png = crate::helpers::tiny_png();
    assert_eq!(org.post_multipart(upload, &[], ("image", &png)).await.status, StatusCode::SEE_OTHER);
    let served = app.get("/testpriset/logotyp").await;
    assert_eq!((served.status, served.header("content-type")), (StatusCode::OK, "image/png".to_owned()));
    assert_eq!(served.bytes, png);
    app.get("/testpriset")
        .await
        .assert_has(r#"<img class="award-logo" src="/testpriset/logotyp" alt="Testprisets logotyp">"#);
    // Saving the award's texts keeps the logo; removing it takes it away.
    org.post("/admin/utmarkelser/testpriset", &award_form("testpriset", "Testpriset")).await;
    assert!(app.store.award_logo(&slug).await.unwrap().is_some());
    assert_eq!(org.post(upload, &[("remove", "1")]).await.status, StatusCode::SEE_OTHER);
    assert_eq!(app.get("/testpriset/logotyp").await.status, StatusCode::NOT_FOUND);
    org.get("/admin/logg").await.assert_has("award.logo");
}

#[tokio::test]
async fn an_organiser_of_one_award_is_invited_through_the_form_and_runs_that_award_only() {
    let app = spawn_empty_app().await;
    person(&app, "admin@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut admin = app.browser();
    admin.sign_in("admin@example.se", PASSWORD).await;
    admin.post("/admin/utmarkelser", &award_form("testpriset", "Testpriset")).await;
    admin.post("/admin/utmarkelser", &award_form("annat-pris", "Annat pris")).await;
    let people = admin.get("/admin/personer").await;
    people
        .assert_has(r#"<option value="testpriset">Testpriset – utmärkelsen och alla dess omgångar</option>"#);
    let invite = [
        ("email", "eva@example.se"),
        ("name", "Eva Arrangör"),
        ("role", "organiser"),
        ("scope", "testpriset"),
        ("municipality", ""),
        ("language", "sv"),
    ];
    assert_eq!(
        admin.post("/admin/personer/bjud-in", &invite).await.location(),
        "/admin/personer?klart=inbjuden"
    );
    let link = app.link_in_last_mail("http://juryn.test/inbjudan/").await;
    let mut eva = app.browser();
    let password = "evas långa lösenord";
    eva.post(&link, &[("name", "Eva Arrangör"), ("password", password), ("password_again", password)]).await;
    // Her award: its texts and a new edition. Not the other award, and no new awards.
    let mut form = award_form("testpriset", "Testpriset");
    form.push(("prize_sv", "Ett diplom"));
    assert_eq!(eva.post("/admin/utmarkelser/testpriset", &form).await.status, StatusCode::SEE_OTHER);
    let started = eva.post("/admin/utmarkelser/testpriset/omgang", &[("year", "2021")]).await;
    assert_eq!(started.location(), "/admin/testpriset/2021");
    assert_eq!(eva.get("/admin/testpriset/2021/halltider").await.status, StatusCode::OK);
    assert_eq!(eva.get("/admin/utmarkelser/annat-pris").await.status, StatusCode::FORBIDDEN);
    assert_eq!(eva.get("/admin/utmarkelser/ny").await.status, StatusCode::FORBIDDEN);
    let refused = eva.post("/admin/utmarkelser", &award_form("eget-pris", "Eget pris")).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
}
