//! What an operator watches: `/ready` (the database answers and its migrations are this
//! binary's) beside `/health`, and the Prometheus metrics on their own router (one registry per
//! process: other tests' requests count too, so the figures are lower bounds).

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

use crate::helpers::spawn_app;

#[tokio::test]
async fn ready_when_the_migrations_are_this_binarys_and_not_otherwise() {
    let app = spawn_app().await;
    let ready = app.get("/ready").await;
    assert_eq!(ready.status, StatusCode::OK);
    assert_eq!(ready.body, "ready");
    let health = app.store.health().await.unwrap();
    assert!(health.migrations_current() && health.connections >= 1, "{health:?}");

    // A newer binary has migrated the database: this one still answers, but is not ready.
    let checksum = if app.on_postgres() { "'\\x00'::bytea" } else { "x'00'" };
    app.execute(&format!(
        "insert into _sqlx_migrations (version, description, success, checksum, execution_time) \
         values (99990101000000, 'from a newer binary', true, {checksum}, 0)"
    ))
    .await;
    let stale = app.get("/ready").await;
    assert_eq!(stale.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(stale.body.contains("1 applied that this binary does not know"), "{}", stale.body);
    assert_eq!(app.get("/health").await.status, StatusCode::OK, "the process itself is alive");

    // One of this binary's migrations missing: not ready either.
    app.execute("delete from _sqlx_migrations where version = 99990101000000").await;
    app.execute("update _sqlx_migrations set success = false where version = (select max(version) from _sqlx_migrations)")
        .await;
    let pending = app.get("/ready").await;
    assert_eq!(pending.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(pending.body.contains("1 migrations not applied"), "{}", pending.body);
}

#[tokio::test]
async fn the_metrics_count_requests_by_route_template_and_the_page_cache() {
    let app = spawn_app().await;
    for _ in 0..3 {
        assert_eq!(app.get("/digitaliseringskommun/2019").await.status, StatusCode::OK);
    }
    assert_eq!(app.get("/finns-inte/alls/har").await.status, StatusCode::NOT_FOUND);
    let text = metrics_text(&app).await;
    assert!(text.contains("# TYPE juryn_http_requests counter"), "{text}");
    // The route's template, never the path: one series per route, whatever the ids.
    let line = text
        .lines()
        .filter(|l| l.starts_with("juryn_http_requests_total{") && l.contains(r#"route="/{award}/{year}""#))
        .find(|l| l.contains(r#"status="200""#) && l.contains(r#"method="GET""#))
        .unwrap_or_else(|| panic!("no series for the edition page in {text}"));
    let count: f64 = line.rsplit(' ').next().unwrap().parse().unwrap();
    assert!(count >= 3.0, "{line}");
    assert!(!text.contains("/digitaliseringskommun/2019"), "no path in a label");
    assert!(text.contains(r#"route="unmatched""#), "{text}");
    assert!(text.contains("juryn_http_request_duration_seconds_bucket{"), "{text}");
    assert!(text.contains("juryn_page_cache_hits_total"), "{text}");
    assert!(text.contains("juryn_db_pool_connections"), "{text}");
    assert!(text.contains("juryn_phase_changes_total"), "{text}");
}

/// The metrics as a scraper reads them.
pub async fn metrics_text(app: &crate::helpers::TestApp) -> String {
    let res = juryn_web::metrics::router(app.state.clone())
        .oneshot(Request::get("/metrics").body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    String::from_utf8(res.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap()
}
