//! The award's past winners kept by its organisers: one at a time or from a CSV file, joint
//! winners and citations included, shown on the award's page and in the edition JSON; every bad
//! row a message, and an import is all rows or none.

use axum::http::StatusCode;
use juryn_domain::{Grant, Slug};

use crate::helpers::{Browser, TestApp, person, spawn_empty_app};

const PASSWORD: &str = "correct horse battery staple";
const PAGE: &str = "/admin/utmarkelser/testpriset/vinnare";

async fn new_award(app: &TestApp) -> Browser<'_> {
    person(app, "admin@example.se", Some(PASSWORD), &[Grant::organiser()]).await;
    let mut org = app.browser();
    org.sign_in("admin@example.se", PASSWORD).await;
    org.post("/admin/utmarkelser", &[("slug", "testpriset"), ("name_sv", "Testpriset")]).await;
    org
}

fn winner<'a>(year: &'a str, municipalities: &'a str, citation: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![("op", "add"), ("year", year), ("municipalities", municipalities), ("citation", citation)]
}

async fn years(app: &TestApp) -> Vec<(i16, usize, String)> {
    let mut w: Vec<_> = app
        .store
        .past_winners(&Slug::parse("testpriset").unwrap())
        .await
        .unwrap()
        .into_iter()
        .map(|w| (w.year, 1 + w.with.len(), w.citation))
        .collect();
    w.sort();
    w
}

#[tokio::test]
async fn past_winners_are_added_changed_and_removed_joint_wins_included() {
    let app = spawn_empty_app().await;
    let mut org = new_award(&app).await;
    org.get("/admin/utmarkelser/testpriset")
        .await
        .assert_has(r#"href="/admin/utmarkelser/testpriset/vinnare""#);
    org.get(PAGE).await.assert_has("<h1>Tidigare vinnare, Testpriset</h1>");
    let added = org.post(PAGE, &winner("2019", "Lidingö stad", "För modet att tänka om.")).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER);
    org.post(PAGE, &winner("2017", "Mora, Orsa och Älvdalens kommuner", "")).await;
    assert_eq!(years(&app).await, [(2017, 3, String::new()), (2019, 1, "För modet att tänka om.".into())]);
    let public = app.get("/testpriset").await;
    public
        .assert_has(r#"<a href="/kommuner/2062">Mora</a>, <a href="/kommuner/2034">Orsa</a> och <a href="/kommuner/2039">Älvdalen</a>"#)
        .assert_has("För modet att tänka om.");
    // A later edition's JSON lists them, the joint win as such.
    org.post("/admin/utmarkelser/testpriset/omgang", &[("year", "2021")]).await;
    let json = app.get("/api/v1/awards/testpriset/editions/2021").await.json();
    let joint = json["past_winners"].as_array().unwrap().iter().find(|w| w["year"] == 2017).unwrap().clone();
    assert_eq!(joint["name"], "Mora");
    assert_eq!(joint["together_with"][1]["name"], "Älvdalen");
    // Changed in place (the year too), then removed.
    let form = org.get(&format!("{PAGE}?andra=2019")).await;
    form.assert_has(r#"value="Lidingö""#).assert_has("För modet att tänka om.</textarea>");
    let changed = org
        .post(
            PAGE,
            &[
                ("op", "save"),
                ("was", "2019"),
                ("year", "2018"),
                ("municipalities", "0186"),
                ("citation", "Ny"),
            ],
        )
        .await;
    assert_eq!(changed.status, StatusCode::SEE_OTHER);
    assert_eq!(years(&app).await, [(2017, 3, String::new()), (2018, 1, "Ny".into())]);
    org.post(PAGE, &[("op", "delete"), ("was", "2017")]).await;
    assert_eq!(years(&app).await, [(2018, 1, "Ny".into())]);
    org.get("/admin/logg").await.assert_has("archive.put");
}

#[tokio::test]
async fn bad_winners_are_refused_with_what_was_typed_kept() {
    let app = spawn_empty_app().await;
    let mut org = new_award(&app).await;
    org.post(PAGE, &winner("2019", "Lidingö", "")).await;
    let generation = app.store.generation().await.unwrap();
    let long = "x".repeat(10_000);
    for (form, says, kept) in [
        (winner("1899", "Umeå", ""), "mellan 1900 och 2100", "Umeå"),
        (
            winner("2017", "Umeå och Atlantis", ""),
            "”Atlantis” är ingen kommun vi känner till",
            "Umeå och Atlantis",
        ),
        (winner("2017", "", "Motivering"), "Skriv vilken kommun som vann.", "2017"),
        (winner("2019", "Umeå", ""), "Det finns redan en vinnare 2019.", "Umeå"),
        (winner("2017", "Umeå", &long), "Motiveringen får vara högst 2000 tecken.", "Umeå"),
    ] {
        let page = org.post(PAGE, &form).await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY, "{says}");
        page.assert_has(says).assert_has(&format!(r#"value="{kept}""#));
    }
    assert_eq!(app.store.generation().await.unwrap(), generation, "nothing was written");
    assert_eq!(org.get(&format!("{PAGE}?andra=1999")).await.status, StatusCode::NOT_FOUND);
    assert_eq!(org.post(PAGE, &[("op", "delete"), ("was", "1999")]).await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_csv_file_of_winners_is_imported_whole_or_not_at_all() {
    let app = spawn_empty_app().await;
    let mut org = new_award(&app).await;
    org.post(PAGE, &winner("2019", "Lidingö", "Gammal motivering")).await;
    let import = format!("{PAGE}/import");
    let csv = "\u{feff}År;Kommun;Motivering\n2019;Lidingö stad;Ny motivering\n2017;Mora, Orsa och Älvdalens kommuner;\n\n2015;2380;\"Östersund; för helheten\"\n";
    let done = org.post_multipart(&import, &[], ("file", csv.as_bytes())).await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    assert_eq!(
        years(&app).await,
        [
            (2015, 1, "Östersund; för helheten".into()),
            (2017, 3, String::new()),
            (2019, 1, "Ny motivering".into())
        ]
    );
    // One bad row: none is imported, and every problem is named by its row.
    let generation = app.store.generation().await.unwrap();
    let bad = "2013,Umeå\n2011,Atlantis\n1800,Nacka\n2013,Luleå\n";
    let refused = org.post_multipart(&import, &[], ("file", bad.as_bytes())).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    refused
        .assert_has("Rad 2: ”Atlantis” är ingen kommun vi känner till")
        .assert_has("Rad 3: Året ska vara ett tal mellan 1900 och 2100.")
        .assert_has("Rad 4: året 2013 står två gånger");
    let not_text = org.post_multipart(&import, &[], ("file", &[0xff, 0xfe, 0x00, 0x41])).await;
    assert_eq!(not_text.status, StatusCode::UNPROCESSABLE_ENTITY);
    not_text.assert_has("Filen gick inte att läsa som CSV i UTF-8.");
    // Pasted rows work as a file does; an oversize file is 413.
    let pasted = org.post(&import, &[("text", "2013;Umeå;Pionjären")]).await;
    assert_eq!(pasted.status, StatusCode::SEE_OTHER);
    let huge = "2013;Umeå;x\n".repeat(200_000);
    let too_large = org.post_multipart(&import, &[], ("file", huge.as_bytes())).await;
    assert_eq!(too_large.status, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(app.store.generation().await.unwrap(), generation + 1, "only the pasted row was written");
}
