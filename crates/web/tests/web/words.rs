//! Words people read: no internal codes where a person reads — question kinds, who published a
//! booklet, licences, the award's name in the portal, and the sealed decision in words beside its
//! JSON.

use juryn_domain::{Grant, MunicipalityCode, Phase, Role, Scope, Slug};

use crate::helpers::by;
use crate::helpers::{person, spawn_app};

const PASSWORD: &str = "correct horse battery staple";

/// The demo as of the gala, with its booklet.
async fn announced(app: &crate::helpers::TestApp) {
    juryn_store::demo::load_at(&*app.store, Phase::Announced, jiff::Timestamp::now())
        .await
        .expect("the demo");
    juryn_web::booklet::demo::load(&*app.store, Phase::Announced).await.expect("the demo's booklet");
    app.sync().await;
}

#[tokio::test]
async fn organiser_pages_say_kinds_people_and_licences_in_words() {
    let app = spawn_app().await;
    announced(&app).await;
    person(&app, "org@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut org = app.browser();
    org.sign_in("org@example.se", PASSWORD).await;
    // The demo's questionnaire is closed to changes, so each question is listed with its kind.
    org.get("/admin/digitaliseringskommun/2019/enkat")
        .await
        .assert_has("(fritext)")
        .assert_lacks("(long-text)");
    org.get("/admin/digitaliseringskommun/2019/skrift")
        .await
        .assert_has("Demon (exempeldata)")
        .assert_lacks(">demo</td>");
    org.get("/admin/digitaliseringskommun/2019/oppna-data")
        .await
        .assert_has("Creative Commons Erkännande 4.0")
        .assert_has("Creative Commons Zero 1.0");
}

#[tokio::test]
async fn the_portal_names_the_award_and_the_entrys_state() {
    let app = spawn_app().await;
    let grant = Grant {
        role: Role::EntrantContact,
        scope: Scope::Edition(Slug::parse("digitaliseringskommun").unwrap(), 2019),
        municipality: Some(MunicipalityCode::parse("0186").unwrap()),
    };
    person(&app, "kontakt@lidingo.se", None, &[grant]).await;
    let mut contact = app.browser();
    contact.post("/logga-in/lank", &[("email", "kontakt@lidingo.se")]).await;
    let link = app.link_in_last_mail("/logga-in/lank/").await;
    contact.get(&link).await;
    contact.post(&link, &[]).await;
    contact
        .get("/portal")
        .await
        .assert_has("Lidingö, Sveriges DigitaliseringsKommun 2019 – Svarade på enkäten")
        .assert_lacks("digitaliseringskommun 2019");
    // The consent names this edition's booklet by its own title.
    let slug = Slug::parse("digitaliseringskommun").unwrap();
    app.store
        .set_booklet_settings(&slug, 2019, ("Digitala kommuner 2019", ""), None, &by("test"))
        .await
        .unwrap();
    let id =
        app.store.entry_id(&slug, 2019, MunicipalityCode::parse("0186").unwrap()).await.unwrap().unwrap();
    contact
        .get(&format!("/portal/bidrag/{id}"))
        .await
        .assert_has("Svaren publiceras i skriften Digitala kommuner 2019 bara om kommunen samtycker.");
}

#[tokio::test]
async fn the_sealed_decision_is_shown_in_words_beside_its_json() {
    let app = spawn_app().await;
    announced(&app).await;
    app.get("/digitaliseringskommun/2019")
        .await
        .assert_has("<dt>Vinnare</dt><dd>Lidingö</dd>")
        .assert_has("<dt>Utmärkelse och år</dt><dd>Sveriges DigitaliseringsKommun 2019</dd>")
        .assert_has("<dt>Hur juryn beslutade</dt><dd>Rangordnade röster, räknade med Schulzemetoden</dd>")
        .assert_has("Precis som det förseglades (JSON):");
}
