//! A role as people read it: "Jurymedlem, Sveriges DigitaliseringsKommun 2019", in a
//! sentence, and the page where it is used.

use std::collections::BTreeMap;

use juryn_domain::{Grant, Lang, LocalizedText, Registry, Scope, Slug};
use juryn_store::Store;

use crate::i18n::{t, t_args};

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
