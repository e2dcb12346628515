//! The organisers' area: people and their roles, invitations, personal data, the audit log.

mod audit;
mod invite;
mod people;
mod person;

use juryn_domain::{Grant, Lang, Registry, Scope};

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
    ]
}

/// A role as a reader says it: "Jurymedlem, Sveriges DigitaliseringsKommun 2019",
/// "Kontaktperson för Lidingö, digitaliseringskommun 2019".
pub fn grant_text(lang: Lang, g: &Grant) -> String {
    let role = t(lang, &format!("role-{}", g.role.as_str()));
    let scope = match &g.scope {
        Scope::Installation => t(lang, "scope-installation"),
        Scope::Award(a) => a.to_string(),
        Scope::Edition(a, y) => format!("{a} {y}"),
    };
    match g.municipality.and_then(|c| Registry::sweden().get(c)) {
        Some(m) => t_args(lang, "grant-with-municipality", &[("role", role), ("municipality", m.name.clone()), ("scope", scope)]),
        None => format!("{role}, {scope}"),
    }
}

/// Where a role is used: the page to link from the account page.
pub fn grant_home(g: &Grant) -> Option<String> {
    use juryn_domain::Role;
    match (&g.role, &g.scope) {
        (Role::Organiser, _) => Some("/admin".into()),
        (Role::EntrantContact, _) => Some("/portal".into()),
        (Role::Juror | Role::JuryChair | Role::Expert, Scope::Edition(a, y)) => Some(format!("/jury/{a}/{y}")),
        _ => None,
    }
}
