//! The router with its middleware, and the server loop.

use std::time::Duration;

use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::http::StatusCode;
use tokio::net::TcpListener;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::timeout::TimeoutLayer;

use crate::app::{AppState, MAX_BODY_BYTES};
use crate::error::WebError;
use crate::{lang, middleware};

/// How many generation polls pass between database housekeeping runs (a WAL checkpoint).
const MAINTAIN_EVERY_TICKS: u64 = 4;

/// How many generation polls pass between purges of expired sessions and links.
const PURGE_EVERY_TICKS: u64 = 1200;

/// The whole application.
pub fn router(state: AppState) -> Router {
    let mut router = crate::routes::build(crate::routes::route_table())
        .fallback(not_found)
        .layer(axum::middleware::from_fn_with_state(state.clone(), crate::areas::fill))
        .layer(axum::middleware::from_fn(crate::error::pages))
        .layer(axum::middleware::from_fn(lang::negotiate))
        .layer(axum::middleware::from_fn_with_state(state.clone(), refresh_after_write));
    for header in middleware::security_headers() {
        router = router.layer(header);
    }
    if state.secure_cookies() {
        router = router.layer(middleware::hsts());
    }
    router
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        // Kept pages from their kept compressed forms; the rest compressed as they go out.
        .layer(axum::middleware::from_fn(crate::encoding::negotiate))
        // Level 4: brotli's own default (11) costs tens of milliseconds a page (tower-http#356).
        .layer(CompressionLayer::new().quality(tower_http::CompressionLevel::Precise(4)))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, Duration::from_secs(30)))
        .layer(CatchPanicLayer::new())
        // Outermost, so a panic's 500 and a timeout's 408 are counted as answered. Each route is
        // wrapped on its own, after routing: the route's template is known.
        .layer(axum::middleware::from_fn(crate::metrics::track))
        .with_state(state)
}

/// After a request that may have written (anything but GET and HEAD), reads the data
/// generation at once: the cached pages and rankings of older data are dropped now rather than
/// at the next poll, so whoever wrote sees their own change. Other processes' writes still show
/// within one poll.
async fn refresh_after_write(
    axum::extract::State(app): axum::extract::State<AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let writes = !matches!(*req.method(), axum::http::Method::GET | axum::http::Method::HEAD);
    let response = next.run(req).await;
    if writes {
        match app.cache.refresh(&*app.store).await {
            Ok(true) => data_moved(&app).await,
            Ok(false) => {}
            Err(e) => tracing::warn!("reading the data generation after a write failed: {e}"),
        }
        // A write may have queued mail: the worker looks now rather than at its next poll.
        app.mail_queue.wake();
    }
    response
}

/// What follows a move of the data generation, whoever wrote: the site's name follows the
/// awards, and the rankings that were kept are computed again in the background.
async fn data_moved(state: &AppState) {
    follow_awards(state).await;
    crate::jury::ranking::rewarm(state);
    crate::search_docs::refresh_in_background(state);
}

async fn not_found() -> WebError {
    WebError::NotFound
}

/// Lets the site's name follow the awards (see `site`), after a write.
async fn follow_awards(state: &AppState) {
    match state.store.awards().await {
        Ok(awards) => crate::site::follow_awards(&awards),
        Err(e) => tracing::warn!("reading the awards for the site's name failed: {e}"),
    }
}

/// Serves on a bound listener (tests bind port 0) until Ctrl-C or SIGTERM, then finishes the
/// requests in flight. Every `poll_interval` it looks for writes made by other processes.
pub async fn serve(
    listener: TcpListener,
    state: AppState,
    poll_interval: Duration,
    limits: crate::connections::Limits,
) -> std::io::Result<()> {
    if let Err(e) = state.cache.refresh(&*state.store).await {
        tracing::warn!("reading the data generation failed: {e}");
    }
    follow_awards(&state).await;
    // The index is made (or brought up to date) at the start, off the way of the first request.
    crate::search_docs::refresh_in_background(&state);
    let poller = {
        let state = state.clone();
        tokio::spawn(async move {
            let mut tick = tokio::time::interval(poll_interval);
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            let mut ticks: u64 = 0;
            loop {
                tick.tick().await;
                match state.cache.refresh(&*state.store).await {
                    Ok(true) => data_moved(&state).await,
                    Ok(false) => {}
                    Err(e) => tracing::warn!("reading the data generation failed: {e}"),
                }
                // Calls open and close by themselves at their times (the write bumps the
                // generation, so the pages follow at the next poll).
                if let Err(e) = crate::auto_phase::advance_calls(&state).await {
                    tracing::warn!("opening or closing calls by their times failed: {e}");
                }
                ticks += 1;
                if ticks.is_multiple_of(MAINTAIN_EVERY_TICKS)
                    && let Err(e) = state.store.maintain().await
                {
                    tracing::warn!("database housekeeping failed: {e}");
                }
                // Now and then, forget expired sessions and links, and day-old failed sign-ins.
                if ticks % PURGE_EVERY_TICKS == 1 {
                    let now = state.now();
                    let day_ago = now.checked_sub(jiff::SignedDuration::from_hours(24)).unwrap_or(now);
                    if let Err(e) = state.store.purge_expired(now, day_ago).await {
                        tracing::warn!("purging expired sessions failed: {e}");
                    }
                }
            }
        })
    };
    let mail_worker = crate::mail::queue::start(&state);
    let result = crate::connections::run(listener, router(state.clone()), limits, shutdown_signal()).await;
    poller.abort();
    // The requests are answered; the worker finishes the message in hand, and what is left
    // waits in the queue for the next start.
    crate::mail::queue::stop(&state, mail_worker).await;
    result
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
