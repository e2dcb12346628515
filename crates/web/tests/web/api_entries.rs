//! The entry API for a municipality's own systems: keys, the same rules as the portal.

use axum::http::{Method, StatusCode};
use juryn_domain::{Grant, MunicipalityCode, Role, Scope, Slug};

use crate::helpers::by;
use crate::helpers::{TestApp, person, spawn_app, spawn_app_at};

const PASSWORD: &str = "correct horse battery staple";
const DURING_CALL: &str = "2019-03-01T10:00:00Z";
const ENTRY: &str = "/api/v1/awards/digitaliseringskommun/editions/2019/entries/0584";

fn contact(code: &str) -> Grant {
    Grant {
        role: Role::EntrantContact,
        scope: Scope::Edition(Slug::parse("digitaliseringskommun").unwrap(), 2019),
        municipality: Some(MunicipalityCode::parse(code).unwrap()),
    }
}

/// Signs in as a new contact of `code` and makes an API key on the account page.
async fn key_for(app: &TestApp, email: &str, code: &str) -> String {
    person(app, email, Some(PASSWORD), &[contact(code)]).await;
    let mut b = app.browser();
    b.sign_in(email, PASSWORD).await;
    let page = b.post("/konto/api-nyckel", &[("name", "Ärendesystemet")]).await;
    page.assert_has("Din nya nyckel visas bara nu");
    let start = page.body.find(r#"<code class="key">"#).unwrap() + r#"<code class="key">"#.len();
    page.body[start..start + 43].to_owned()
}

async fn call(
    app: &TestApp,
    method: Method,
    uri: &str,
    body: &str,
    key: Option<&str>,
) -> crate::helpers::Page {
    app.browser().json_request(method, uri, body, key).await
}

#[tokio::test]
async fn a_contacts_key_reads_saves_and_submits_the_entry() {
    let app = spawn_app_at(Some(DURING_CALL)).await;
    let key = key_for(&app, "kontakt@vadstena.se", "0584").await;
    assert_eq!(call(&app, Method::GET, ENTRY, "", None).await.status, StatusCode::UNAUTHORIZED);
    assert_eq!(call(&app, Method::GET, ENTRY, "", Some("not-a-key")).await.status, StatusCode::UNAUTHORIZED);

    let saved = call(
        &app,
        Method::PUT,
        ENTRY,
        r#"{"version": 1, "answers": ["Ett **bra** svar", "", ""]}"#,
        Some(&key),
    )
    .await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    let j = saved.json();
    assert_eq!((j["version"].as_i64(), j["status"].as_str()), (Some(2), Some("draft")));
    let got = call(&app, Method::GET, ENTRY, "", Some(&key)).await.json();
    assert_eq!(got["answers"][0], "Ett **bra** svar");

    let stale =
        call(&app, Method::PUT, ENTRY, r#"{"version": 1, "answers": ["Skriver över?"]}"#, Some(&key)).await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert_eq!(stale.json()["current"]["answers"][0], "Ett **bra** svar");

    let submit = call(&app, Method::POST, &format!("{ENTRY}/submit"), r#"{"version": 2}"#, Some(&key)).await;
    assert_eq!(submit.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(submit.json()["problems"][0]["question"], 1);

    // A draft over the word limit is kept; submitting it is refused with the count.
    let over = "ord ".repeat(601);
    let body = serde_json::json!({"version": 2, "answers": [over, "b", "c"]}).to_string();
    let kept = call(&app, Method::PUT, ENTRY, &body, Some(&key)).await;
    assert_eq!(kept.status, StatusCode::OK, "{}", kept.body);
    let too_long =
        call(&app, Method::POST, &format!("{ENTRY}/submit"), r#"{"version": 3}"#, Some(&key)).await;
    assert_eq!(too_long.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(too_long.json()["problems"][0]["message"].as_str().unwrap().contains("601 words"));

    call(
        &app,
        Method::PUT,
        ENTRY,
        r#"{"version": 3, "answers": ["a", "b", "c"], "consent": true}"#,
        Some(&key),
    )
    .await;
    let done = call(&app, Method::POST, &format!("{ENTRY}/submit"), r#"{"version": 4}"#, Some(&key)).await;
    assert_eq!(done.status, StatusCode::OK, "{}", done.body);
    let j = done.json();
    assert_eq!((j["status"].as_str(), j["consent"].as_bool()), (Some("submitted"), Some(true)));
}

#[tokio::test]
async fn the_api_refuses_others_bad_bodies_and_late_saves() {
    let app = spawn_app_at(Some(DURING_CALL)).await;
    let lidingo = key_for(&app, "kontakt@lidingo.se", "0186").await;
    assert_eq!(call(&app, Method::GET, ENTRY, "", Some(&lidingo)).await.status, StatusCode::FORBIDDEN);
    let put = call(&app, Method::PUT, ENTRY, r#"{"version": 1, "answers": ["kapat"]}"#, Some(&lidingo)).await;
    assert_eq!(put.status, StatusCode::FORBIDDEN);

    let key = key_for(&app, "kontakt@vadstena.se", "0584").await;
    assert_eq!(call(&app, Method::PUT, ENTRY, "{not json", Some(&key)).await.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        call(&app, Method::PUT, ENTRY, r#"{"answers": []}"#, Some(&key)).await.status,
        StatusCode::UNPROCESSABLE_ENTITY
    );
    let huge = serde_json::json!({"version": 1, "answers": ["a".repeat(1024 * 1024)]}).to_string();
    let big = call(&app, Method::PUT, ENTRY, &huge, Some(&key)).await;
    assert_eq!(big.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(big.json()["error"], "too_large");
    let control =
        call(&app, Method::PUT, ENTRY, r#"{"version": 1, "answers": ["a\u0007b"]}"#, Some(&key)).await;
    assert_eq!(control.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        call(
            &app,
            Method::GET,
            "/api/v1/awards/digitaliseringskommun/editions/2019/entries/9999",
            "",
            Some(&key)
        )
        .await
        .status,
        StatusCode::NOT_FOUND
    );

    let late = app.at("2019-03-29T22:59:01Z");
    let refused =
        call(&late, Method::PUT, ENTRY, r#"{"version": 1, "answers": ["för sent"]}"#, Some(&key)).await;
    assert_eq!(refused.status, StatusCode::CONFLICT, "one second after the deadline");
    assert_eq!(refused.json()["error"], "closed");
    let kept = call(&app, Method::GET, ENTRY, "", Some(&key)).await.json();
    assert_eq!(kept["version"], 1, "nothing was written");
}

#[tokio::test]
async fn the_questionnaire_and_the_description_are_public() {
    let app = spawn_app().await;
    let q =
        call(&app, Method::GET, "/api/v1/awards/digitaliseringskommun/editions/2019/questionnaire", "", None)
            .await;
    assert_eq!(q.status, StatusCode::OK);
    let j = q.json();
    assert_eq!(j["questions"].as_array().unwrap().len(), 3);
    assert_eq!(j["questions"][0]["type"]["kind"], "long-text");
    assert_eq!(j["questions"][0]["type"]["word_limit"], 600);
    assert_eq!(j["call"]["open"], false);
    let doc = call(&app, Method::GET, "/api/openapi.json", "", None).await.json();
    assert_eq!(doc["openapi"], "3.1.0");
    assert!(doc["paths"].as_object().unwrap().len() >= 5);
}

#[tokio::test]
async fn a_self_assessment_goes_through_the_api_as_an_object() {
    use juryn_domain::questionnaire::{Question, QuestionKind};
    let app = spawn_app_at(Some(DURING_CALL)).await;
    let slug = Slug::parse("digitaliseringskommun").unwrap();
    let mut questions = app.store.questions(&slug, 2019).await.unwrap();
    let indicators = ["E-tjänster", "Öppna data"].map(juryn_domain::LocalizedText::sv_only).to_vec();
    questions.push(Question {
        prompt: juryn_domain::LocalizedText::sv_only("Hur mogen är kommunen?"),
        help: juryn_domain::LocalizedText::default(),
        kind: QuestionKind::Maturity { indicators },
        required: false,
    });
    app.store.put_questions(&slug, 2019, &questions, &by("test")).await.unwrap();
    let key = key_for(&app, "kontakt@vadstena.se", "0584").await;
    let body = r#"{"version": 1, "answers": ["Text", "", "", {"E-tjänster": "helt", "Öppna data": null}]}"#;
    let saved = call(&app, Method::PUT, ENTRY, body, Some(&key)).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
    let got = call(&app, Method::GET, ENTRY, "", Some(&key)).await.json();
    assert_eq!(got["answers"][3], serde_json::json!({"E-tjänster": "helt", "Öppna data": null}));
    assert_eq!(got["answers"][0], "Text");
    let stored = app.store.entry_record(&slug, 2019, MunicipalityCode::parse("0584").unwrap()).await.unwrap();
    assert_eq!(stored.unwrap().entry.answers[3], "helt,");
    // An indicator the questionnaire does not have, or a level it does not know: 422, unsaved.
    for bad in [r#"{"Molnet": "helt"}"#, r#"{"E-tjänster": "nästan"}"#, "42"] {
        let body = format!(r#"{{"version": 2, "answers": ["Text", "", "", {bad}]}}"#);
        let refused = call(&app, Method::PUT, ENTRY, &body, Some(&key)).await;
        assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{bad}");
        assert_eq!(refused.json()["problems"][0]["question"], 3);
    }
}
