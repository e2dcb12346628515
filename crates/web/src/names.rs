//! A person's name from a form, checked by `juryn_domain::name`, and what to say when it is
//! refused.

use juryn_domain::Lang;
use juryn_domain::name::{MAX_NAME_CHARS, NameProblem, PersonName};

use crate::i18n::{t, t_args};

/// The typed name, or the message that says what to fix, in the reader's language.
pub fn person_name(lang: Lang, typed: &str) -> Result<PersonName, String> {
    PersonName::parse(typed).map_err(|p| match p {
        NameProblem::Empty => t(lang, "invitation-error-name"),
        NameProblem::TooLong => t_args(lang, "error-name-long", &[("max", MAX_NAME_CHARS.to_string())]),
        NameProblem::ControlCharacters => t(lang, "error-control-characters"),
    })
}

/// Who nominated, as the jury and the organisers read it: "Eva Ek" for a private person,
/// "Eva Ek, Exempel AB (företag)" for a company or an organisation.
pub fn nominator_text(lang: Lang, name: &str, n: &juryn_domain::nomination::Nominator) -> String {
    use juryn_domain::nomination::NominatorKind;
    match n.kind {
        NominatorKind::Person => t_args(lang, "nominator-person", &[("name", name.to_owned())]),
        kind => t_args(
            lang,
            "nominator-organisation",
            &[
                ("name", name.to_owned()),
                ("organisation", n.organisation.clone()),
                ("kind", t(lang, &format!("nominator-kind-{}", kind.as_str()))),
            ],
        ),
    }
}
