//! Prometheus metrics, served on their own address (`--metrics-listen`, off by default) so they
//! never share the public port: requests by route template and status, their latency, the page
//! cache's hits and renders, the database pool, the mail queue, and phase changes. The exposition format is
//! prometheus-client's; the registry is the process's (one server per process).

use std::sync::LazyLock;
use std::time::Instant;

use axum::extract::{MatchedPath, Request, State};
use axum::http::{StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

use crate::app::AppState;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    /// The route's template (`/{award}/{year}`), never the path itself: ids and slugs would make
    /// a series per page.
    route: String,
    method: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: String,
}

fn latency_histogram() -> Histogram {
    // 0.5 ms to about 4 s.
    Histogram::new(exponential_buckets(0.0005, 2.0, 14))
}

struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: Family<RouteLabels, Histogram, fn() -> Histogram>,
    cache_hits: Counter,
    cache_renders: Counter,
    phase_changes: Counter,
    pool_connections: Gauge,
    pool_idle: Gauge,
    mail_sent: Counter,
    mail_failures: Family<MailFailureLabels, Counter>,
    mail_pending: Gauge,
    mail_failed: Gauge,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct MailFailureLabels {
    /// `retry` (tried again later) or `permanent` (given up).
    outcome: String,
}

static METRICS: LazyLock<Metrics> = LazyLock::new(|| {
    let mut registry = Registry::with_prefix("juryn");
    let requests = Family::<RequestLabels, Counter>::default();
    registry.register(
        "http_requests",
        "HTTP requests answered, by route template and status",
        requests.clone(),
    );
    let latency =
        Family::<RouteLabels, Histogram, fn() -> Histogram>::new_with_constructor(latency_histogram);
    registry.register(
        "http_request_duration_seconds",
        "Time to answer a request, by route template",
        latency.clone(),
    );
    let cache_hits = Counter::default();
    registry.register("page_cache_hits", "Pages served from the page cache", cache_hits.clone());
    let cache_renders = Counter::default();
    registry.register(
        "page_cache_misses",
        "Pages rendered because the cache had no current copy",
        cache_renders.clone(),
    );
    let phase_changes = Counter::default();
    registry.register(
        "phase_changes",
        "Editions moved to another phase by this process",
        phase_changes.clone(),
    );
    let pool_connections = Gauge::default();
    registry.register(
        "db_pool_connections",
        "Open database connections in the pool",
        pool_connections.clone(),
    );
    let pool_idle = Gauge::default();
    registry.register("db_pool_idle_connections", "Idle database connections in the pool", pool_idle.clone());
    let mail_sent = Counter::default();
    registry.register("mail_sent", "Messages delivered by this process's mail worker", mail_sent.clone());
    let mail_failures = Family::<MailFailureLabels, Counter>::default();
    registry.register(
        "mail_attempts_failed",
        "Delivery attempts that failed, by what became of the message",
        mail_failures.clone(),
    );
    let mail_pending = Gauge::default();
    registry.register(
        "mail_queue_pending",
        "Messages waiting to be sent (all processes)",
        mail_pending.clone(),
    );
    let mail_failed = Gauge::default();
    registry.register("mail_queue_failed", "Messages given up (all processes)", mail_failed.clone());
    Metrics {
        registry,
        mail_sent,
        mail_failures,
        mail_pending,
        mail_failed,
        requests,
        latency,
        cache_hits,
        cache_renders,
        phase_changes,
        pool_connections,
        pool_idle,
    }
});

/// Counts a page served from the cache.
pub fn cache_hit() {
    METRICS.cache_hits.inc();
}

/// Counts a page rendered for the cache.
pub fn cache_miss() {
    METRICS.cache_renders.inc();
}

/// Counts an edition moved to another phase.
pub fn phase_changed() {
    METRICS.phase_changes.inc();
}

pub fn mail_sent() {
    METRICS.mail_sent.inc();
}

pub fn mail_failed(permanent: bool) {
    let outcome = if permanent { "permanent" } else { "retry" };
    METRICS.mail_failures.get_or_create(&MailFailureLabels { outcome: outcome.to_owned() }).inc();
}

/// Middleware: each request's route template, status and time.
pub async fn track(request: Request, next: Next) -> Response {
    let route = request
        .extensions()
        .get::<MatchedPath>()
        .map_or_else(|| "unmatched".to_owned(), |p| p.as_str().to_owned());
    let method = request.method().as_str().to_owned();
    let started = Instant::now();
    let response = next.run(request).await;
    let status = response.status().as_u16();
    METRICS
        .latency
        .get_or_create(&RouteLabels { route: route.clone() })
        .observe(started.elapsed().as_secs_f64());
    METRICS.requests.get_or_create(&RequestLabels { route, method, status }).inc();
    response
}

/// The text exposition, with the pool read now.
pub async fn exposition(State(app): State<AppState>) -> Response {
    match app.store.health().await {
        Ok(h) => {
            METRICS.pool_connections.set(i64::from(h.connections));
            METRICS.pool_idle.set(i64::try_from(h.idle).unwrap_or(i64::MAX));
        }
        Err(e) => tracing::warn!("reading the pool for the metrics failed: {e}"),
    }
    match app.store.mail_counts().await {
        Ok(c) => {
            METRICS.mail_pending.set(c.pending + c.sending);
            METRICS.mail_failed.set(c.failed);
        }
        Err(e) => tracing::warn!("reading the mail queue for the metrics failed: {e}"),
    }
    let mut text = String::new();
    if let Err(e) = prometheus_client::encoding::text::encode(&mut text, &METRICS.registry) {
        tracing::error!("encoding the metrics failed: {e}");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    }
    ([(header::CONTENT_TYPE, "application/openmetrics-text; version=1.0.0; charset=utf-8")], text)
        .into_response()
}

/// The metrics address's own router: `/metrics` and nothing else.
pub fn router(state: AppState) -> axum::Router {
    axum::Router::new().route("/metrics", axum::routing::get(exposition)).with_state(state)
}

/// Serves `router` on the metrics address until the process ends.
pub async fn serve(listener: tokio::net::TcpListener, state: AppState) {
    if let Err(e) = axum::serve(listener, router(state)).await {
        tracing::error!("the metrics server stopped: {e}");
    }
}
