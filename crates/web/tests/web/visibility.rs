//! Nothing is public before its time: the nominees before their publication, the winner before
//! the announcement. Pages, the API and the page cache alike.

use crate::helpers::by;
use crate::helpers::{spawn_app, spawn_app_at};
use juryn_domain::Phase;
use juryn_store::demo;

const EDITION: &str = "/digitaliseringskommun/2019";
const API: &str = "/api/v1/awards/digitaliseringskommun/editions/2019";

#[tokio::test]
async fn before_31_may_the_nominees_are_not_shown_anywhere() {
    let app = spawn_app_at(Some("2019-05-31T07:59:59Z")).await;
    let page = app.get(EDITION).await;
    page.assert_has("Juryn presenterar de nominerade den 31 maj.").assert_lacks("slutnominerat");
    assert_eq!(page.body.matches(r#"<path class="m-nom""#).count(), 0);
    let json = app.get(API).await.json();
    assert_eq!(json["nominees"], serde_json::json!([]));
    let lidingo = app.get("/kommuner/0186").await;
    lidingo.assert_lacks("Nominerad");
    // One second later they are, though the page was cached a moment ago.
    let later = app.at("2019-05-31T08:00:00Z");
    later.get(EDITION).await.assert_has("Juryn har slutnominerat fem kommuner:");
    assert_eq!(later.get(API).await.json()["nominees"].as_array().unwrap().len(), 5);
    later.get("/kommuner/0186").await.assert_has("Nominerad");
}

/// Records the demo's decision (Lidingö) as the chair would.
async fn decide(app: &crate::helpers::TestApp) {
    let mut content = demo::edition_content();
    content.edition.phase = Phase::Decided;
    content.edition.winner = Some(demo::winner_2019());
    app.store.put_edition(&content, &by("chair")).await.unwrap();
    app.sync().await;
}

#[tokio::test]
async fn the_winner_stays_secret_until_the_announcement_second() {
    let before = spawn_app_at(Some("2019-11-12T17:59:59Z")).await;
    // Cache the pages as the public saw them before the decision was recorded.
    before.get(EDITION).await;
    before.get("/digitaliseringskommun").await;
    decide(&before).await;
    for uri in [EDITION, "/digitaliseringskommun", "/kommuner/0186", "/", "/digitaliseringskommun/2019/jury"]
    {
        let page = before.get(uri).await;
        page.assert_lacks(r#"id="vinnare""#)
            .assert_lacks(">Vinnare</td>")
            .assert_lacks(r#"class="m-win""#)
            .assert_lacks("Sveriges DigitaliseringsKommun 2019</li>");
    }
    let json = before.get(API).await.json();
    assert_eq!(json["winner"], serde_json::Value::Null);
    assert_eq!(json["phase"], "decided");
    let award = before.get("/digitaliseringskommun").await;
    award.assert_lacks(r#"<span class="year">2019</span>"#);

    let after = before.at("2019-11-12T18:00:00Z");
    let page = after.get(EDITION).await;
    page.assert_has(r#"<h2 id="vinnare">Vinnare</h2>"#)
        .assert_has(r#"<p class="big"><a href="/kommuner/0186">Lidingö</a></p>"#)
        .assert_has(r#"<path class="m-win""#);
    let json = after.get(API).await.json();
    assert_eq!(json["winner"], serde_json::json!({"code": "0186", "name": "Lidingö"}));
    assert_eq!(json["phase"], "announced");
    after
        .get("/digitaliseringskommun")
        .await
        .assert_has(r#"<span class="year">2019</span> <a href="/kommuner/0186">Lidingö</a>"#);
    after
        .get("/kommuner/0186")
        .await
        .assert_has(r#"<td data-label="Resultat">Vinnare</td>"#)
        .assert_has("Sveriges DigitaliseringsKommun 2019</li>");
}

#[tokio::test]
async fn a_winner_in_a_draft_decision_is_never_shown() {
    let app = spawn_app().await;
    let mut content = demo::edition_content();
    content.edition.phase = Phase::Deliberation;
    content.edition.winner = Some(demo::winner_2019());
    app.store.put_edition(&content, &by("chair")).await.unwrap();
    app.sync().await;
    app.get(EDITION).await.assert_lacks(r#"id="vinnare""#);
    assert_eq!(app.get(API).await.json()["winner"], serde_json::Value::Null);
}

#[tokio::test]
async fn a_write_shows_after_the_next_generation_poll() {
    let app = spawn_app().await;
    app.get(EDITION).await.assert_has("Karlskrona");
    let mut content = demo::edition_content();
    content.edition.nominees.retain(|c| c.as_str() != "1080");
    app.store.put_edition(&content, &by("organiser")).await.unwrap();
    // Until this process polls, it may serve the page it has …
    app.get(EDITION).await.assert_has(r#"href="/kommuner/1080">Karlskrona</a></li>"#);
    // … and after, never again.
    app.sync().await;
    let page = app.get(EDITION).await;
    page.assert_has("Juryn har slutnominerat fyra kommuner:");
    assert_eq!(page.body.matches(r#"<path class="m-nom""#).count(), 4);
}
