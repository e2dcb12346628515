//! `GET /api/openapi.json`: the OpenAPI 3.1 description of the JSON API. Written out here, and
//! kept honest by a test that every API route of the route table is described.

use axum::Json;
use axum::response::{IntoResponse, Response};
use serde_json::{Value, json};

fn param(name: &str, description: &str) -> Value {
    json!({"name": name, "in": "path", "required": true, "schema": {"type": "string"}, "description": description})
}

fn edition_params() -> Vec<Value> {
    vec![
        param("award", "The award's slug, e.g. digitaliseringskommun"),
        param("year", "The edition's year, e.g. 2019"),
    ]
}

fn entry_params() -> Vec<Value> {
    let mut p = edition_params();
    p.push(param("code", "The municipality's four-digit code, e.g. 0186"));
    p
}

fn error(description: &str) -> Value {
    json!({"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}})
}

fn entry_ok(description: &str) -> Value {
    json!({"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Entry"}}}})
}

/// The description as JSON.
/// The schemes and schemas the paths refer to.
fn components() -> Value {
    json!({
        "securitySchemes": {"apiKey": {"type": "http", "scheme": "bearer", "description": "An API key made on the account page"}},
        "schemas": {
            "Error": {"type": "object", "required": ["error"], "properties": {
                "error": {"type": "string"}, "message": {"type": "string"},
                "problems": {"type": "array", "items": {"type": "object", "properties": {"question": {"type": "integer"}, "message": {"type": "string"}}}},
                "current": {"$ref": "#/components/schemas/Entry"}
            }},
            "Entry": {"type": "object", "properties": {
                "municipality": {"type": "object", "properties": {"code": {"type": "string"}, "name": {"type": "string"}}},
                "status": {"type": "string", "enum": ["invited", "draft", "submitted", "withdrawn"]},
                "version": {"type": "integer"},
                "consent": {"type": "boolean"},
                "submitted_at": {"type": ["string", "null"], "format": "date-time"},
                "answers": {"type": "array", "items": {"$ref": "#/components/schemas/Answer"}, "description": "In question order"}
            }},
            "Answer": {"description": "Long text: a string (limited Markdown; empty when unanswered). Number: an integer. Yes/no: a boolean. Maturity self-assessment: an object from indicator (its Swedish name) to level, \"helt\", \"delvis\", \"inte-alls\" or null. A string in the stored form is accepted for every kind.",
                "oneOf": [{"type": "string"}, {"type": "integer"}, {"type": "boolean"}, {"type": "null"},
                          {"type": "object", "additionalProperties": {"type": ["string", "null"], "enum": ["helt", "delvis", "inte-alls", null]}}]},
            "EntrySave": {"type": "object", "required": ["version", "answers"], "properties": {
                "version": {"type": "integer", "description": "The version the answers were written from"},
                "answers": {"type": "array", "items": {"$ref": "#/components/schemas/Answer"}, "description": "In question order; long text is limited Markdown"},
                "consent": {"type": "boolean", "description": "Consent to publication in the booklet"}
            }}
        }
    })
}

pub fn document() -> Value {
    let secured = json!([{"apiKey": []}]);
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "juryn API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Public content of awards and editions, and municipalities' entries for their own systems. \
                Entry endpoints need an API key (Authorization: Bearer KEY) of a person with the right role; \
                they follow the same rules as the pages: the deadline, optimistic versions, word limits."
        },
        "paths": {
            "/api/openapi.json": {"get": {"summary": "This description", "responses": {"200": {"description": "OpenAPI 3.1"}}}},
            "/api/v1/search": {"get": {
                "summary": "Search what municipalities wrote, in Swedish (stems and compounds; quoted phrases). Without a key: the published text (the booklets' chapters, the open data) as of now; with one, also the submitted entries its holder may read as a juror or organiser, never a conflicted one. At most 50 entries, each with its matching answers and a passage (`passage_html` marks the matches with <mark>).",
                "parameters": [
                    {"name": "q", "in": "query", "required": true, "schema": {"type": "string"}, "description": "Words and \"quoted phrases\"; cut at 500 characters"},
                    {"name": "pris", "in": "query", "schema": {"type": "string"}, "description": "An award's slug"},
                    {"name": "ar", "in": "query", "schema": {"type": "integer"}, "description": "An edition's year; may repeat"},
                    {"name": "lan", "in": "query", "schema": {"type": "string"}, "description": "A county's two-digit code; may repeat"},
                    {"name": "fraga", "in": "query", "schema": {"type": "integer"}, "description": "A question's number; may repeat"},
                    {"name": "typ", "in": "query", "schema": {"type": "string", "enum": ["kommun", "samverkan"]}},
                    {"name": "ordning", "in": "query", "schema": {"type": "string", "enum": ["relevans", "ar"]}}
                ],
                "responses": {"200": {"description": "{query, count, limit, results: [{award, award_name, year, code, name, county, kind, href, jury, answers: [{question, question_text, passage, passage_html}]}]}"},
                              "400": error("A filter value that names nothing, or a value that is not UTF-8")}
            }},
            "/api/v1/awards/{award}/editions/{year}": {"get": {
                "summary": "An edition's public content: phase, nominees, winner (once announced), the seal of the decision (its commitment once sealed; the sealed JSON and nonce once announced), the booklet's newest public version and the open data (links, once public), timeline, past winners",
                "parameters": edition_params(),
                "responses": {"200": {"description": "The edition"}, "404": error("No such award or edition")}
            }},
            "/api/v1/awards/{award}/editions/{year}/questionnaire": {"get": {
                "summary": "The questionnaire and whether the call is open",
                "parameters": edition_params(),
                "responses": {"200": {"description": "The questions in order"}, "404": error("No such edition")}
            }},
            "/api/v1/awards/{award}/editions/{year}/entries/{code}": {
                "get": {
                    "summary": "A municipality's entry",
                    "security": secured,
                    "parameters": entry_params(),
                    "responses": {"200": entry_ok("The entry"), "401": error("No API key"), "403": error("Not allowed"), "404": error("No such entry")}
                },
                "put": {
                    "summary": "Save answers (a draft; a submitted entry stays submitted and must stay complete)",
                    "security": secured,
                    "parameters": entry_params(),
                    "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/EntrySave"}}}},
                    "responses": {
                        "200": entry_ok("Saved: the entry at its new version"),
                        "401": error("No API key"), "403": error("Not allowed"),
                        "409": error("Saved by someone else since `version` (the body holds `current`), or the call is closed"),
                        "413": error("Too large"), "422": error("Answers that break the questionnaire's rules (`problems`)")
                    }
                }
            },
            "/api/v1/awards/{award}/editions/{year}/entries/{code}/submit": {"post": {
                "summary": "Submit the entry as saved",
                "security": secured,
                "parameters": entry_params(),
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"type": "object", "required": ["version"], "properties": {"version": {"type": "integer"}}}}}},
                "responses": {
                    "200": entry_ok("Submitted"), "401": error("No API key"), "403": error("Not allowed"),
                    "409": error("A newer version exists, or the call is closed"), "422": error("Required answers are missing")
                }
            }}
        },
        "components": components()
    })
}

pub async fn spec() -> Response {
    Json(document()).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_api_route_is_described_and_nothing_else() {
        let doc = document();
        let paths = doc["paths"].as_object().unwrap();
        let api: Vec<_> = crate::api::routes()
            .into_iter()
            .map(|r| (r.method, r.path))
            .filter(|(_, p)| p.starts_with("/api/") && !p.contains('*'))
            .collect();
        assert!(api.len() >= 6);
        for (method, path) in &api {
            let m = method.as_str().to_lowercase();
            assert!(
                paths.get(*path).and_then(|p| p.get(&m)).is_some(),
                "{method} {path} is not in openapi.json"
            );
        }
        let described: usize = paths.values().map(|p| p.as_object().unwrap().len()).sum();
        assert_eq!(described, api.len(), "openapi.json describes a route that does not exist");
    }
}
