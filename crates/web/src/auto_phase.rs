//! The call opens and closes by itself at its configured times: each poll, the editions whose
//! time has come are moved through the domain's own transitions (so a call with no questions or
//! a deadline already past stays a draft, as the button would refuse it). The move is a
//! compare-and-set, so several processes polling one database move an edition once.

use juryn_domain::Phase;
use juryn_domain::phase::{self, Readiness};
use juryn_store::Stamp;

use crate::app::AppState;

/// Who the audit log says moved the call.
const ACTOR: &str = "system";

/// Moves every call that is due; returns how many moved.
pub async fn advance_calls(app: &AppState) -> juryn_store::Result<usize> {
    let now = app.now();
    let mut moved = 0;
    for (award, year, current) in app.store.calls_due(now).await? {
        let Some(edition) = app.store.edition(&award, year).await? else { continue };
        let r = Readiness {
            phase: current,
            now,
            questions: app.store.questions(&award, year).await?.len(),
            call_closes_at: edition.call.closes_at,
            grace_minutes: edition.call.grace_minutes,
            ..Default::default()
        };
        let next = match current {
            Phase::Draft => phase::open_call(&r),
            Phase::CallOpen => phase::close_call(&r),
            _ => continue,
        };
        match next {
            Ok(to) => {
                if app.store.advance_phase(&award, year, current, to, &Stamp::new(ACTOR, now)).await? {
                    tracing::info!("the call of {award} {year} moved by itself: {current} -> {to}");
                    crate::metrics::phase_changed();
                    moved += 1;
                }
            }
            // Not ready (no questions, a deadline already past): the organiser sees why when
            // pressing the button; the poll says nothing more than once per change.
            Err(why) => tracing::debug!("the call of {award} {year} is due but not ready: {why:?}"),
        }
    }
    Ok(moved)
}
