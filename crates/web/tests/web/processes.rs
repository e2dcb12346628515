//! Two processes on one database, as several `juryn serve` behind a load balancer: a session made
//! on one works on the other, and a write made through one is on the other's (cached) pages
//! within a second. Runs on PostgreSQL in CI (JURYN_TEST_BACKEND=postgres) and on SQLite here.

use std::time::{Duration, Instant};

use axum::http::StatusCode;
use juryn_domain::Grant;

use crate::helpers::{person, spawn_empty_app};

const PASSWORD: &str = "correct horse battery staple";
/// `juryn serve`'s own poll interval.
const POLL: Duration = Duration::from_millis(500);

#[tokio::test]
async fn a_session_and_a_write_made_on_one_process_reach_the_other_within_a_second() {
    let a = spawn_empty_app().await;
    let b = a.another_process().await;
    a.serve_in_background(POLL).await;
    b.serve_in_background(POLL).await;
    person(&a, "admin@example.se", Some(PASSWORD), &[Grant::organiser()]).await;

    // B has served its home page (and keeps it) before anything is written.
    let before = b.get("/").await;
    assert_eq!(before.status, StatusCode::OK);
    // (Looked for as the award list's link: the site's name in the header is process-wide, and
    // other tests in this process make awards of that name.)
    before.assert_lacks(r#"href="/testpriset""#);

    let mut on_a = a.browser();
    assert_eq!(on_a.sign_in("admin@example.se", PASSWORD).await.status, StatusCode::SEE_OTHER);
    let mut on_b = b.browser();
    on_b.cookies = on_a.cookies.clone();
    let admin = on_b.get("/admin").await;
    assert_eq!(admin.status, StatusCode::OK, "the session made on A is good on B");

    let made = on_a.post("/admin/utmarkelser", &[("slug", "testpriset"), ("name_sv", "Testpriset")]).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER);
    let written = Instant::now();
    loop {
        if b.get("/").await.body.contains(r#"href="/testpriset""#) {
            break;
        }
        assert!(
            written.elapsed() < Duration::from_secs(1),
            "B's home page did not show A's write within a second"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    // And the other way: a write on B, on A's kept award page.
    a.get("/testpriset").await.assert_lacks("Lidingö");
    let fields = [("op", "add"), ("year", "2019"), ("municipalities", "Lidingö stad"), ("citation", "")];
    let added = on_b.post("/admin/utmarkelser/testpriset/vinnare", &fields).await;
    assert_eq!(added.status, StatusCode::SEE_OTHER, "{}", added.body);
    let written = Instant::now();
    while !a.get("/testpriset").await.body.contains("Lidingö") {
        assert!(written.elapsed() < Duration::from_secs(1), "A did not show B's write within a second");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}
