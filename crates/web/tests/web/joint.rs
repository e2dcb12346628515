//! The demo's 2021 and 2023 as the public meets them: two published cuts in 2021, and in 2023 a
//! joint entry of three municipalities among the nominees, on every member's page.

use jiff::Timestamp;
use juryn_domain::Phase;
use juryn_store::demo;

use crate::helpers::spawn_app_at;

const NOW: &str = "2026-12-01T12:00:00Z";

#[tokio::test]
async fn the_later_editions_show_their_cuts_and_the_joint_entry() {
    let app = spawn_app_at(Some(NOW)).await;
    demo::load_at(&*app.store, Phase::Announced, NOW.parse::<Timestamp>().unwrap()).await.unwrap();
    app.sync().await;
    let api = "/api/v1/awards/digitaliseringskommun/editions";
    let e2021 = app.get(&format!("{api}/2021")).await.json();
    assert_eq!(e2021["winner"]["code"], "2281");
    let rounds: Vec<usize> =
        e2021["rounds"].as_array().unwrap().iter().map(|r| r["selected"].as_array().unwrap().len()).collect();
    assert_eq!(rounds, [6, 3]);
    app.get("/digitaliseringskommun/2021")
        .await
        .assert_has("Juryn har nominerat sex kommuner.")
        .assert_has("2 maj 2022");

    let e2023 = app.get(&format!("{api}/2023")).await.json();
    assert_eq!(e2023["winner"]["code"], "0120");
    let joint =
        e2023["nominees"].as_array().unwrap().iter().find(|n| n.get("members").is_some()).unwrap().clone();
    assert_eq!(joint["name"], "Mora, Orsa och Älvdalens kommuner");
    assert_eq!(joint["code"], "2062", "its first member's code, for readers that know one per entry");
    let members: Vec<&str> =
        joint["members"].as_array().unwrap().iter().map(|m| m["code"].as_str().unwrap()).collect();
    assert_eq!(members, ["2062", "2034", "2039"]);
    let page = app.get("/digitaliseringskommun/2023").await;
    page.assert_has("Mora, Orsa och Älvdalens kommuner").assert_has("Juryn har slutnominerat fem bidrag:");
    // Every member's page lists the joint entry as nominated.
    for member in ["2062", "2034", "2039"] {
        let page = app.get(&format!("/kommuner/{member}")).await;
        page.assert_has("Mora, Orsa och Älvdalens kommuner").assert_has("Nominerad");
    }
    let award = app.get("/digitaliseringskommun").await;
    for winner in ["Lidingö", "Sundsvall", "Värmdö"] {
        award.assert_has(winner);
    }
}

#[tokio::test]
async fn the_organiser_makes_a_joint_entry_and_is_told_what_is_wrong_with_a_bad_one() {
    let during_call = "2019-03-01T10:00:00Z";
    let app = spawn_app_at(Some(during_call)).await;
    crate::helpers::person(
        &app,
        "org@example.se",
        Some("correct horse battery staple"),
        &[juryn_domain::Grant::organiser()],
    )
    .await;
    let mut org = app.browser();
    org.sign_in("org@example.se", "correct horse battery staple").await;
    let uri = "/admin/digitaliseringskommun/2019/gemensamma";
    org.get(uri).await.assert_has("Utgåvan har inga gemensamma bidrag");
    for (name, members, says) in [
        ("Mora", "", "minst två kommuner"),
        ("Mora och Lidingö", "", "Lidingö finns redan i ett annat bidrag"),
        ("Atlantis och Mora", "", "”Atlantis” är ingen kommun"),
        ("", "Mora, Orsa", "Ge bidraget ett namn"),
    ] {
        let refused = org.post(uri, &[("name", name), ("members", members)]).await;
        assert_eq!(refused.status, axum::http::StatusCode::UNPROCESSABLE_ENTITY, "{name} {members}");
        refused.assert_has(says);
    }
    let slug = juryn_domain::Slug::parse(demo::AWARD_SLUG).unwrap();
    assert!(app.store.joint_entries(&slug, 2019).await.unwrap().is_empty(), "nothing written");
    let made = org.post(uri, &[("name", "Mora, Orsa och Älvdalens kommuner"), ("members", "")]).await;
    assert_eq!(made.status, axum::http::StatusCode::SEE_OTHER);
    let joint = app.store.joint_entries(&slug, 2019).await.unwrap();
    assert_eq!(joint[0].members.iter().map(|c| c.to_string()).collect::<Vec<_>>(), ["2062", "2034", "2039"]);
    org.get(uri).await.assert_has("Mora, Orsa och Älvdalens kommuner").assert_has("Älvdalen (2039)");
}
