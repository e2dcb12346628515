//! The edition JSON at /api/v1/awards/{award}/editions/{year}.

use crate::helpers::spawn_app;
use axum::http::StatusCode;

#[tokio::test]
async fn the_edition_json_has_phase_nominees_winner_timeline_and_past_winners() {
    let app = spawn_app().await;
    let page = app.get("/api/v1/awards/digitaliseringskommun/editions/2019").await;
    assert_eq!(page.status, StatusCode::OK);
    assert_eq!(page.headers.get("content-type").unwrap(), "application/json");
    let j = page.json();
    assert_eq!(j["award"], "digitaliseringskommun");
    assert_eq!(j["year"], 2019);
    assert_eq!(j["ordinal"], 10);
    assert_eq!(j["phase"], "nominated");
    assert_eq!(j["winner"], serde_json::Value::Null);
    assert_eq!(j["participants"], 44);
    assert_eq!(j["jury_url"], "http://juryn.test/digitaliseringskommun/2019/jury");
    let nominees: Vec<(&str, &str)> = j["nominees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| (n["code"].as_str().unwrap(), n["name"].as_str().unwrap()))
        .collect();
    assert_eq!(
        nominees,
        [
            ("1080", "Karlskrona"),
            ("1780", "Karlstad"),
            ("0186", "Lidingö"),
            ("0181", "Södertälje"),
            ("2480", "Umeå")
        ]
    );
    let timeline = j["timeline"].as_array().unwrap();
    assert_eq!(timeline.len(), 8);
    let visits = timeline.iter().find(|m| m["kind"] == "site-visits").unwrap();
    assert_eq!(visits["span"], "2019-08/2019-09");
    assert_eq!(visits["precision"], "months");
    assert_eq!(visits["start"], "2019-08-01");
    assert_eq!(visits["end"], "2019-09-30");
    assert_eq!(visits["text"], "Augusti–september");
    let winners = j["past_winners"].as_array().unwrap();
    assert_eq!(winners.len(), 9);
    assert_eq!(winners[0], serde_json::json!({"year": 2017, "code": "0180", "name": "Stockholm"}));
    assert_eq!(winners[8], serde_json::json!({"year": 2001, "code": "2514", "name": "Kalix"}));
}
