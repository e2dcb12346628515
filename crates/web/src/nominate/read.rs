//! A nomination as posted, read: the municipality, the reason, who nominates (a private person,
//! an organisation or a company, with its name), the nominator's name and address, and — where
//! the organiser asks for them — their answers to the questionnaire's questions. Everything to
//! fix is said at once.

use juryn_domain::joint::JointEntry;
use juryn_domain::nomination::{
    MAX_ORGANISATION_CHARS, Nominator, NominatorKind, NominatorProblem, read_nominator,
};
use juryn_domain::questionnaire::{Question, check_answer, clean_text};
use juryn_domain::{Email, Lang, MunicipalityCode, Registry};

use super::{Fields, MAX_NAME_CHARS, MAX_REASON_CHARS, find_municipality};
use crate::i18n::{t, t_args};

/// The posted form's fields, each clipped to what the page will show again.
pub fn fields_of(pairs: &[(String, String)], questions: &[Question]) -> Fields {
    let get = |name: &str| pairs.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str());
    let clip = |s: &str, n: usize| s.chars().take(n).collect::<String>();
    let (answers, _) = crate::question_form::answers_from(questions, pairs);
    Fields {
        municipality: clip(get("municipality"), 80),
        reason: clip(get("reason"), MAX_REASON_CHARS + 100),
        name: clip(get("name"), MAX_NAME_CHARS + 20),
        email: clip(get("email"), 254),
        kind: clip(get("kind"), 20),
        organisation: clip(get("organisation"), MAX_ORGANISATION_CHARS + 20),
        answers,
    }
}

/// What a nomination holds once read.
pub struct Read {
    /// The entry nominated: a municipality's code and name, or a joint entry's lead and name.
    pub municipality: (MunicipalityCode, String),
    pub reason: String,
    pub name: String,
    pub email: Email,
    pub nominator: Nominator,
    /// One per question, or empty when none was answered (or none was asked).
    pub answers: Vec<String>,
}

/// The entry the field names: a joint entry of the edition by its name ("Mora, Orsa och
/// Älvdalens kommuner"), or one municipality; or what to say of it.
fn entry_named(lang: Lang, typed: &str, joint: &[JointEntry]) -> Result<(MunicipalityCode, String), String> {
    let loose = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    if let Some(j) = joint.iter().find(|j| loose(&j.name) == loose(typed)) {
        return Ok((j.lead(), j.name.clone()));
    }
    if let Some(m) = find_municipality(typed) {
        return Ok((m.code, m.name.clone()));
    }
    // Several municipalities that are not one of the edition's joint entries.
    match Registry::sweden().find_all(typed) {
        Ok(codes) if codes.len() > 1 => Err(t(lang, "nominate-error-joint")),
        _ => Err(t(lang, "nominate-error-municipality")),
    }
}

/// The nomination the fields say, or every problem in the reader's language.
pub fn read_nomination(
    lang: Lang,
    form: &Fields,
    (questions, joint): (&[Question], &[JointEntry]),
    open: bool,
) -> Result<Read, Vec<String>> {
    let mut errors = Vec::new();
    if !open {
        errors.push(t(lang, "nominate-closed"));
    }
    let municipality = entry_named(lang, &form.municipality, joint).map_err(|e| errors.push(e)).ok();
    let reason = clean_text(form.reason.trim()).unwrap_or_default();
    if reason.is_empty() {
        errors.push(t(lang, "nominate-error-reason"));
    } else if reason.chars().count() > MAX_REASON_CHARS {
        errors.push(t_args(lang, "nominate-error-reason-long", &[("max", MAX_REASON_CHARS.to_string())]));
    }
    let kind = NominatorKind::parse(&form.kind).unwrap_or_default();
    let nominator = read_nominator(kind, &form.organisation).map_err(|p| match p {
        NominatorProblem::OrganisationMissing => t(lang, "nominate-error-organisation"),
        NominatorProblem::OrganisationTooLong => {
            t_args(lang, "nominate-error-organisation-long", &[("max", MAX_ORGANISATION_CHARS.to_string())])
        }
    });
    let nominator = nominator.map_err(|e| errors.push(e)).ok();
    let name = match crate::names::person_name(lang, &form.name) {
        Ok(n) => n.into_string(),
        Err(e) => {
            errors.push(e);
            String::new()
        }
    };
    let email = Email::parse(&form.email).ok();
    if email.is_none() {
        errors.push(t(lang, "signin-error-email"));
    }
    // A nominator's answers are a draft for the municipality: none is required, each must fit.
    for (q, a) in questions.iter().zip(&form.answers) {
        if let Err(p) = check_answer(q, a, false) {
            errors.push(format!("{}: {}", q.prompt.get(lang), crate::answer_view::problem_text(lang, &p)));
        }
    }
    let answers = if form.answers.iter().any(|a| !a.is_empty()) { form.answers.clone() } else { Vec::new() };
    match (municipality, email, nominator, errors.is_empty()) {
        (Some(municipality), Some(email), Some(nominator), true) => {
            Ok(Read { municipality, reason, name, email, nominator, answers })
        }
        _ => Err(errors),
    }
}
