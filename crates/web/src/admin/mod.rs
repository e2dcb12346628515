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
mod conflicts;
mod criteria;
mod decision;
mod edition;
mod entry;
mod exports;
mod fields;
mod invite;
mod jury;
mod jury_profiles;
mod nominees;
mod opendata;
mod past_winners;
mod people;
mod person;
mod programme;
mod questionnaire;
mod reminders;
mod timeline;
mod timeline_notice;

use std::collections::BTreeMap;

use juryn_domain::{Grant, Lang, LocalizedText, Registry, Scope, Slug};
use juryn_store::Store;

use crate::i18n::{t, t_args};
use crate::routes::Route;

pub use invite::{InviteError, InviteOutcome, send_invitation};

pub fn routes() -> Vec<Route> {
    vec![
        Route::get("/admin", people::dashboard),
        Route::get("/admin/personer", people::page),
        Route::post("/admin/personer/bjud-in", people::invite),
        Route::post("/admin/behorigheter/{grant}/aterkalla", person::revoke),
        Route::get("/admin/personer/{user}", person::page),
        Route::get("/admin/personer/{user}/export", person::export),
        Route::post("/admin/personer/{user}/radera", person::erase),
        Route::get("/admin/logg", audit::page),
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
        Route::get("/admin/{award}/{year}", edition::page),
        Route::get("/admin/{award}/{year}/bidrag", call::page),
        Route::get("/admin/{award}/{year}/bidrag/{code}", entry::page),
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
        Route::get("/admin/{award}/{year}/program", programme::page),
        Route::post("/admin/{award}/{year}/program", programme::change),
        Route::get("/admin/{award}/{year}/beslut", decision::page),
        Route::post("/admin/{award}/{year}/beslut", decision::change),
        Route::get("/admin/{award}/{year}/bedomningar.csv", exports::csv),
        Route::get("/admin/{award}/{year}/bedomningar.xlsx", exports::xlsx),
    ]
}

/// The edition an organiser's page at `/admin/{award}/{year}/{page}` is about, once the rules
/// allow the viewer to organise it: sign in first, then 403.
pub(crate) fn organised_edition(
    viewer: &crate::auth::MaybeViewer,
    key: crate::extract::EditionKey,
    page: &str,
) -> Result<(Slug, i16), crate::error::WebError> {
    let here = key.page("/admin", page);
    crate::auth::require_on_edition(viewer, key, &here, |award, year| juryn_domain::Action::OrganiseEdition {
        award,
        year,
    })
}

pub(crate) use edition::edition_layout;

/// An archived edition is read-only: every write to it is refused with a page that says so.
pub(crate) async fn refuse_if_archived(
    app: &crate::app::AppState,
    (slug, year): (&Slug, i16),
) -> Result<(), crate::error::WebError> {
    let edition = app.store.edition(slug, year).await?;
    if edition.is_some_and(|e| e.phase == juryn_domain::Phase::Archived) {
        return Err(crate::error::WebError::Archived);
    }
    Ok(())
}

/// Why the domain refused a phase transition, in the organiser's language.
pub(crate) fn phase_refusal_text(lang: Lang, r: &juryn_domain::Refusal) -> String {
    use juryn_domain::Refusal;
    match r {
        Refusal::WrongPhase { actual, .. } => {
            t_args(lang, "call-error-phase", &[("phase", crate::public::phase_text(lang, *actual))])
        }
        Refusal::NoQuestions => t(lang, "call-error-no-questions"),
        Refusal::NoDeadline => t(lang, "call-error-no-deadline"),
        Refusal::DeadlineInPast => t(lang, "call-error-deadline-past"),
        Refusal::DeadlineNotPassed => t(lang, "call-error-deadline-not-passed"),
        Refusal::NoSubmittedEntries => t(lang, "phase-error-no-submitted"),
        Refusal::NoCriteria => t(lang, "phase-error-no-criteria"),
        Refusal::NoJurors => t(lang, "phase-error-no-jurors"),
        other => other.to_string(),
    }
}

/// The awards' names by slug, to write scopes as readers know them.
pub type AwardNames = BTreeMap<Slug, LocalizedText>;

pub async fn award_names(store: &dyn Store) -> juryn_store::Result<AwardNames> {
    Ok(store.awards().await?.into_iter().map(|a| (a.slug, a.name)).collect())
}

/// A role as a reader says it: "Jurymedlem, Sveriges DigitaliseringsKommun 2019",
/// "Kontaktperson för Lidingö, Sveriges DigitaliseringsKommun 2019". Without names, the award's
/// slug stands in.
pub fn grant_text(lang: Lang, g: &Grant, names: Option<&AwardNames>) -> String {
    let role = t(lang, &format!("role-{}", g.role.as_str()));
    let name =
        |a: &Slug| names.and_then(|n| n.get(a)).map_or_else(|| a.to_string(), |n| n.get(lang).to_owned());
    let scope = match &g.scope {
        Scope::Installation => t(lang, "scope-installation"),
        Scope::Award(a) => name(a),
        Scope::Edition(a, y) => format!("{} {y}", name(a)),
    };
    match g.municipality.and_then(|c| Registry::sweden().get(c)) {
        Some(m) => t_args(
            lang,
            "grant-with-municipality",
            &[("role", role), ("municipality", m.name.clone()), ("scope", scope)],
        ),
        None => format!("{role}, {scope}"),
    }
}

/// The same, for the middle of a sentence: "… bjuder in dig som jurymedlem, …".
pub fn grant_phrase(lang: Lang, g: &Grant, names: Option<&AwardNames>) -> String {
    let text = grant_text(lang, g, names);
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => text,
    }
}

/// Where a role is used: the page to link from the account page.
pub fn grant_home(g: &Grant) -> Option<String> {
    use juryn_domain::Role;
    match (&g.role, &g.scope) {
        (Role::Organiser, _) => Some("/admin".into()),
        (Role::EntrantContact, _) => Some("/portal".into()),
        (Role::Juror | Role::JuryChair | Role::Expert, Scope::Edition(a, y)) => {
            Some(format!("/jury/{a}/{y}"))
        }
        _ => None,
    }
}
