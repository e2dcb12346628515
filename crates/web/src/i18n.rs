//! The translation catalogues (`locales/sv/main.ftl`, `locales/en/main.ftl`), compiled in.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid, static_loader};
use juryn_domain::Lang;

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "sv",
        // Unicode isolation marks around arguments confuse screen readers and copy-paste in
        // left-to-right pages; we have no right-to-left interface language.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

static SV: LanguageIdentifier = langid!("sv");
static EN: LanguageIdentifier = langid!("en");

fn id(lang: Lang) -> &'static LanguageIdentifier {
    match lang {
        Lang::Sv => &SV,
        Lang::En => &EN,
    }
}

/// The message `key` in `lang`. A missing key shows as the key itself (and a test makes sure
/// none is missing).
pub fn t(lang: Lang, key: &str) -> String {
    LOCALES.try_lookup(id(lang), key).unwrap_or_else(|| key.to_owned())
}

/// The message `key` in `lang` with named arguments.
pub fn t_args(lang: Lang, key: &str, args: &[(&'static str, String)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue<'_>> =
        args.iter().map(|(k, v)| (Cow::Borrowed(*k), FluentValue::from(v.clone()))).collect();
    LOCALES.try_lookup_with_args(id(lang), key, &args).unwrap_or_else(|| key.to_owned())
}

/// Keys that Rust code builds at run time (`format!("phase-{}", …)`), for the completeness
/// test, which finds the literal ones in the source by itself.
pub const KEYS_USED_IN_CODE: &[&str] = &[
    "error-not-found-title",
    "error-not-found-text",
    "error-bad-request-title",
    "error-bad-request-text",
    "error-internal-title",
    "error-internal-text",
    "error-unreadable-title",
    "error-unreadable-text",
    "error-forbidden-title",
    "error-forbidden-text",
    "error-archived-title",
    "error-archived-text",
    "error-csrf-title",
    "error-csrf-text",
    "error-too-large-title",
    "error-too-large-text",
    "error-unavailable-title",
    "error-unavailable-text",
    "error-storage-full-title",
    "error-storage-full-text",
    "api-unavailable",
    "api-storage-full",
    "api-bad-request",
    "api-archived",
    "api-too-large",
    "api-not-found",
    "api-internal",
    "api-forbidden",
    "phase-draft",
    "phase-call-open",
    "phase-call-closed",
    "phase-shortlisting",
    "phase-nominated",
    "phase-in-depth-review",
    "phase-deliberation",
    "phase-decided",
    "phase-announced",
    "phase-archived",
    "status-invited",
    "status-draft",
    "status-submitted",
    "status-withdrawn",
    "review-progress-not-started",
    "admin-ruling-declared",
    "event-kind-gala",
    "event-kind-seminar",
    "event-kind-winner-seminar",
    "event-kind-inspiration-day",
    "event-kind-other",
    "milestone-kind-other",
    "milestone-kind-call-opens",
    "milestone-kind-call-closes",
    "milestone-kind-booklet",
    "milestone-kind-shortlist",
    "milestone-kind-site-visits",
    "milestone-kind-decision",
    "milestone-kind-gala",
    "milestone-kind-seminars",
    "admin-ruling-set",
    "admin-ruling-lifted",
    "review-progress-draft",
    "review-progress-submitted",
    "role-organiser",
    "role-jury-chair",
    "role-juror",
    "role-expert",
    "role-entrant-contact",
    "role-nominator",
    "link-unknown-title",
    "link-unknown-text",
    "link-expired-title",
    "link-expired-text",
    "link-used-title",
    "link-used-text",
    "mail-sign-in-subject",
    "mail-sign-in-body",
    "mail-reset-subject",
    "mail-reset-body",
    "mail-invitation-subject",
    "mail-invitation-body",
    "mail-selected-subject",
    "mail-selected-body",
    "mail-registration-confirm-subject",
    "mail-registration-confirm-body",
    "mail-registration-notice-subject",
    "mail-registration-notice-body",
    "nominator-kind-privatperson",
    "nominator-kind-organisation",
    "nominator-kind-foretag",
    "mail-nomination-confirm-subject",
    "mail-nomination-confirm-body",
    "mail-nomination-notice-subject",
    "mail-nomination-notice-body",
    "mail-reminder-subject",
    "mail-nominated-subject",
    "mail-visit-subject",
    "mail-rescheduled-subject",
    "mail-rescheduled-body",
    "mail-visit-body",
    "mail-digital-meeting-subject",
    "mail-digital-meeting-body",
    "mail-nominated-body",
    "mail-reminder-body",
    "mail-entry-receipt-subject",
    "confirm-archive-title",
    "confirm-archive-text",
    "confirm-archive-button",
    "confirm-announce-title",
    "confirm-announce-text",
    "confirm-announce-button",
    "mail-entry-receipt-body",
    "edition-booklet-pending-undated",
    "kind-long-text",
    "kind-maturity",
    "kind-number",
    "kind-yes-no",
    "level-helt",
    "level-delvis",
    "level-inte-alls",
    "edition-nominees-pending-undated",
];

/// Every key in the catalogue of `lang`, read from the `.ftl` source.
pub fn catalogue_keys(lang: Lang) -> Vec<String> {
    let source = match lang {
        Lang::Sv => include_str!("../locales/sv/main.ftl"),
        Lang::En => include_str!("../locales/en/main.ftl"),
    };
    source
        .lines()
        .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
        .filter_map(|l| l.split_once(" =").map(|(k, _)| k.trim().to_owned()))
        .collect()
}

/// A number with one decimal, with the reader's decimal sign ("0,3" in Swedish).
pub(crate) fn decimal(x: f64, lang: Lang) -> String {
    let s = format!("{x:.1}");
    if lang == Lang::Sv { s.replace('.', ",") } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn swedish_is_the_default_and_english_is_there() {
        assert_eq!(t(Lang::Sv, "site-name"), "juryn");
        assert_eq!(t(Lang::Sv, "nav-awards"), "Utmärkelser");
        assert_eq!(t(Lang::En, "nav-awards"), "Awards");
    }

    #[test]
    fn arguments_are_filled_in_without_isolation_marks() {
        let s = t_args(Lang::Sv, "edition-participants-count", &[("count", "44".into())]);
        assert_eq!(s, "44 kommuner har svarat på enkäten.");
    }

    #[test]
    fn both_catalogues_have_the_same_keys() {
        let mut sv = catalogue_keys(Lang::Sv);
        let mut en = catalogue_keys(Lang::En);
        sv.sort();
        en.sort();
        assert_eq!(sv, en);
        assert!(sv.len() > 40);
    }
}
