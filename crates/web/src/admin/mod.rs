//! The organisers' area: people and their roles, invitations, personal data, the audit log.

mod assignments;
mod audit;
mod audit_text;
mod award_logo;
mod awards;
mod booklet;
mod booklet_files;
mod call;
mod call_settings;
mod completion;
mod conflicts;
mod criteria;
mod csv_upload;
mod decision;
mod edition;
mod entry;
mod exports;
mod fields;
mod follow_up;
mod follow_up_import;
mod invite;
mod joint;
mod jury;
mod jury_profiles;
mod nominations;
mod nominees;
mod opendata;
mod past_winners;
mod people;
mod person;
mod post;
mod programme;
mod questionnaire;
mod reminders;
mod rounds;
mod timeline;
mod timeline_notice;

use crate::route::Route;

pub use invite::{InviteError, InviteOutcome, send_invitation};

pub fn routes() -> Vec<Route> {
    installation_routes().into_iter().chain(edition_routes()).collect()
}

/// The installation's and the awards' pages.
fn installation_routes() -> Vec<Route> {
    vec![
        Route::get("/admin", people::dashboard),
        Route::get("/admin/personer", people::page),
        Route::post("/admin/personer/bjud-in", people::invite),
        Route::post("/admin/behorigheter/{grant}/aterkalla", person::revoke),
        Route::get("/admin/personer/{user}", person::page),
        Route::get("/admin/personer/{user}/export", person::export),
        Route::post("/admin/personer/{user}/radera", person::erase),
        Route::get("/admin/logg", audit::page),
        Route::get("/admin/post", post::page),
        Route::post("/admin/post/igen", post::retry_failed),
        Route::post("/admin/post/{id}/igen", post::retry_one),
        Route::get("/admin/utmarkelser/ny", awards::new_page),
        Route::post("/admin/utmarkelser", awards::create),
        Route::get("/admin/utmarkelser/{award}", awards::page),
        Route::post("/admin/utmarkelser/{award}", awards::save),
        Route::post("/admin/utmarkelser/{award}/omgang", awards::new_edition),
        Route {
            method: axum::http::Method::POST,
            path: "/admin/utmarkelser/{award}/logotyp",
            handler: axum::routing::post(award_logo::upload)
                .layer(axum::extract::DefaultBodyLimit::max(award_logo::LOGO_BODY_LIMIT)),
        },
        Route::get("/admin/utmarkelser/{award}/vinnare", past_winners::page),
        Route::post("/admin/utmarkelser/{award}/vinnare", past_winners::change),
        Route {
            method: axum::http::Method::POST,
            path: "/admin/utmarkelser/{award}/vinnare/import",
            handler: axum::routing::post(past_winners::import)
                .layer(axum::extract::DefaultBodyLimit::max(past_winners::IMPORT_BODY_LIMIT)),
        },
    ]
}

/// The pages of one edition.
fn edition_routes() -> Vec<Route> {
    vec![
        Route::get("/admin/{award}/{year}", edition::page),
        Route::get("/admin/{award}/{year}/bidrag", call::page),
        Route::get("/admin/{award}/{year}/bidrag/{code}", entry::page),
        Route::get("/admin/{award}/{year}/gemensamma", joint::page),
        Route::post("/admin/{award}/{year}/gemensamma", joint::save),
        Route::get("/admin/{award}/{year}/uppfoljning", follow_up::page),
        Route::post("/admin/{award}/{year}/uppfoljning", follow_up::save),
        Route {
            method: axum::http::Method::POST,
            path: "/admin/{award}/{year}/uppfoljning/import",
            handler: axum::routing::post(follow_up_import::import)
                .layer(axum::extract::DefaultBodyLimit::max(follow_up_import::IMPORT_BODY_LIMIT)),
        },
        Route::get("/admin/{award}/{year}/bidrag/{code}/komplettering", completion::page),
        Route::post("/admin/{award}/{year}/bidrag/{code}/komplettering", completion::save),
        Route::get("/admin/{award}/{year}/enkat", questionnaire::page),
        Route::get("/admin/{award}/{year}/utlysning", call_settings::page),
        Route::post("/admin/{award}/{year}/utlysning", call_settings::change),
        Route::post("/admin/{award}/{year}/enkat", questionnaire::change),
        Route::get("/admin/{award}/{year}/paminnelser", reminders::page),
        Route::post("/admin/{award}/{year}/paminnelser", reminders::send),
        Route::get("/admin/{award}/{year}/halltider", timeline::page),
        Route::post("/admin/{award}/{year}/halltider", timeline::change),
        Route::get("/admin/{award}/{year}/halltider/meddela/{index}", timeline_notice::page),
        Route::post("/admin/{award}/{year}/halltider/meddela/{index}", timeline_notice::send),
        Route::get("/admin/{award}/{year}/jury", jury::page),
        Route::post("/admin/{award}/{year}/jury", jury::change),
        Route::get("/admin/{award}/{year}/jury/profiler", jury_profiles::page),
        Route::post("/admin/{award}/{year}/jury/profiler", jury_profiles::change),
        Route::get("/admin/{award}/{year}/tilldelning", assignments::page),
        Route::post("/admin/{award}/{year}/tilldelning", assignments::save),
        Route::get("/admin/{award}/{year}/jav", conflicts::page),
        Route::post("/admin/{award}/{year}/jav", conflicts::rule),
        Route::get("/admin/{award}/{year}/jav.csv", conflicts::csv),
        Route::get("/admin/{award}/{year}/kriterier", criteria::page),
        Route::post("/admin/{award}/{year}/kriterier", criteria::save),
        Route::get("/admin/{award}/{year}/omgangar", rounds::page),
        Route::post("/admin/{award}/{year}/omgangar", rounds::save),
        Route::get("/admin/{award}/{year}/nominerade", nominees::page),
        Route::post("/admin/{award}/{year}/nominerade", nominees::publish),
        Route::get("/admin/{award}/{year}/oppna-data", opendata::page),
        Route::post("/admin/{award}/{year}/oppna-data", opendata::change),
        Route::get("/admin/{award}/{year}/skrift", booklet::page),
        Route::post("/admin/{award}/{year}/skrift", booklet::settings),
        Route::post("/admin/{award}/{year}/skrift/publicera", booklet::publish),
        Route {
            method: axum::http::Method::POST,
            path: "/admin/{award}/{year}/skrift/omslag",
            // The cover image may be larger than any other form.
            handler: axum::routing::post(booklet_files::cover)
                .layer(axum::extract::DefaultBodyLimit::max(booklet_files::COVER_BODY_LIMIT)),
        },
        Route::get("/admin/{award}/{year}/skrift/{file}", booklet_files::file),
        Route::get("/admin/{award}/{year}/nomineringar", nominations::page),
        Route::post("/admin/{award}/{year}/nomineringar", nominations::settings),
        Route::get("/admin/{award}/{year}/program", programme::page),
        Route::post("/admin/{award}/{year}/program", programme::change),
        Route::get("/admin/{award}/{year}/beslut", decision::page),
        Route::post("/admin/{award}/{year}/beslut", decision::change),
        Route::get("/admin/{award}/{year}/bedomningar.csv", exports::csv),
        Route::get("/admin/{award}/{year}/bedomningar.xlsx", exports::xlsx),
    ]
}

pub(crate) use edition::edition_layout;

/// Moves an edition to the phase the domain allows, from the phase the request read (compare
/// and set): `None` when it moved, else what to tell the organiser — why the domain refused, or
/// that the edition moved meanwhile (a second press, or the call by its own time).
pub(crate) async fn advance(
    app: &crate::app::AppState,
    lang: juryn_domain::Lang,
    (slug, year, from): (&juryn_domain::Slug, i16, juryn_domain::Phase),
    next: Result<juryn_domain::Phase, juryn_domain::Refusal>,
    actor: &juryn_store::Stamp,
) -> Result<Option<String>, crate::error::WebError> {
    Ok(match next {
        Ok(p) if app.store.advance_phase(slug, year, from, p, actor).await? => {
            crate::metrics::phase_changed();
            None
        }
        Ok(_) => Some(crate::i18n::t(lang, "phase-error-moved")),
        Err(juryn_domain::Refusal::MissingVisitReports(n)) => {
            Some(crate::i18n::t_args(lang, "admin-decision-error-reports", &[("count", n.to_string())]))
        }
        Err(refusal) => Some(crate::edition_words::phase_refusal_text(lang, &refusal)),
    })
}
