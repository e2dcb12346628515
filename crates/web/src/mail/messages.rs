//! The letters juryn sends, in the recipient's language.

use juryn_domain::Lang;

use crate::i18n::t_args;

/// A subject and a plain-text body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    pub subject: String,
    pub body: String,
    /// The sender's name as the recipient sees it: the award and its organiser for mail about
    /// an award (`site::award_sender`); without one, the configured sender or the site's name.
    pub sender: Option<String>,
}

impl Letter {
    /// The letter addressed, for a write to queue (`Stamp::with_mail`).
    pub fn to(self, name: &str, email: &str) -> juryn_store::OutgoingMail {
        juryn_store::OutgoingMail::new(name, email, self.subject, self.body, self.sender)
    }

    /// The letter as sent on behalf of `award`.
    pub fn from_award(mut self, award: &juryn_domain::Award, lang: Lang) -> Letter {
        self.sender = Some(crate::site::award_sender(award, lang));
        self
    }

    fn from_catalogue(lang: Lang, key: &str, args: &[(&'static str, String)]) -> Letter {
        Letter {
            subject: t_args(lang, &format!("mail-{key}-subject"), args),
            body: t_args(lang, &format!("mail-{key}-body"), args),
            sender: None,
        }
    }

    /// A one-time sign-in link.
    pub fn sign_in(lang: Lang, name: &str, link: &str) -> Letter {
        let args = [("name", name.to_owned()), ("link", link.to_owned()), ("site", crate::site::name())];
        Letter::from_catalogue(lang, "sign-in", &args)
    }

    /// A password reset link.
    pub fn reset(lang: Lang, name: &str, link: &str) -> Letter {
        let args = [("name", name.to_owned()), ("link", link.to_owned()), ("site", crate::site::name())];
        Letter::from_catalogue(lang, "reset", &args)
    }

    /// To a nominator: confirm the nomination.
    pub fn nomination_confirm(lang: Lang, municipality: &str, edition: &str, link: &str) -> Letter {
        let args = [
            ("edition", edition.to_owned()),
            ("municipality", municipality.to_owned()),
            ("link", link.to_owned()),
        ];
        Letter::from_catalogue(lang, "nomination-confirm", &args)
    }

    /// To one who registered a municipality: confirm the registration.
    pub fn registration_confirm(lang: Lang, municipality: &str, edition: &str, link: &str) -> Letter {
        let args = [
            ("edition", edition.to_owned()),
            ("municipality", municipality.to_owned()),
            ("link", link.to_owned()),
        ];
        Letter::from_catalogue(lang, "registration-confirm", &args)
    }

    /// To the organisers and the municipality's other contacts: someone registered it.
    pub fn registration_notice(
        lang: Lang,
        (name, who, email): (&str, &str, &str),
        (municipality, edition): (&str, &str),
        link: &str,
    ) -> Letter {
        let args = [
            ("name", name.to_owned()),
            ("who", who.to_owned()),
            ("email", email.to_owned()),
            ("municipality", municipality.to_owned()),
            ("edition", edition.to_owned()),
            ("link", link.to_owned()),
        ];
        Letter::from_catalogue(lang, "registration-notice", &args)
    }

    /// To a municipality's contacts (or the organisers): the municipality has been nominated.
    pub fn nomination_notice(
        lang: Lang,
        name: &str,
        municipality: &str,
        edition: &str,
        reason: &str,
        link: &str,
    ) -> Letter {
        let args = [
            ("name", name.to_owned()),
            ("municipality", municipality.to_owned()),
            ("edition", edition.to_owned()),
            ("reason", reason.to_owned()),
            ("link", link.to_owned()),
        ];
        Letter::from_catalogue(lang, "nomination-notice", &args)
    }

    /// To a municipality's contacts: the entry is submitted, with its answers.
    pub fn entry_receipt(
        lang: Lang,
        (name, municipality, edition): (&str, &str, &str),
        when: &str,
        answers: &str,
        link: &str,
    ) -> Letter {
        let args = [
            ("name", name.to_owned()),
            ("municipality", municipality.to_owned()),
            ("edition", edition.to_owned()),
            ("when", when.to_owned()),
            ("answers", answers.to_owned()),
            ("link", link.to_owned()),
        ];
        Letter::from_catalogue(lang, "entry-receipt", &args)
    }

    /// To a contact whose entry is not submitted.
    pub fn reminder(
        lang: Lang,
        (name, municipality, edition): (&str, &str, &str),
        deadline: &str,
        link: &str,
    ) -> Letter {
        let args = [
            ("name", name.to_owned()),
            ("edition", edition.to_owned()),
            ("municipality", municipality.to_owned()),
            ("deadline", deadline.to_owned()),
            ("link", link.to_owned()),
        ];
        Letter::from_catalogue(lang, "reminder", &args)
    }

    /// To a nominee's contacts: the municipality is on the shortlist, public from `public_at`.
    pub fn nominated(lang: Lang, name: &str, municipality: &str, edition: &str, public_at: &str) -> Letter {
        let args = [
            ("name", name.to_owned()),
            ("municipality", municipality.to_owned()),
            ("edition", edition.to_owned()),
            ("time", public_at.to_owned()),
        ];
        Letter::from_catalogue(lang, "nominated", &args)
    }

    /// To a nominee's contacts: the visitors come at this time, to this place, with these
    /// questions — or, for a digital meeting, meet them at this link.
    pub fn visit(
        lang: Lang,
        name: &str,
        edition: &str,
        plan: &juryn_domain::visit::Plan,
        time: &str,
    ) -> Letter {
        let questions = plan.questions.iter().map(|q| format!("– {q}")).collect::<Vec<_>>().join("\n");
        let mut args = vec![
            ("name", name.to_owned()),
            ("edition", edition.to_owned()),
            ("time", time.to_owned()),
            ("questions", questions),
        ];
        match &plan.video {
            Some(link) => {
                args.push(("link", link.clone()));
                Letter::from_catalogue(lang, "digital-meeting", &args)
            }
            None => {
                args.push(("place", plan.place.clone()));
                Letter::from_catalogue(lang, "visit", &args)
            }
        }
    }

    /// To a selected municipality's contacts: it went on in a round (`name`, `municipality`,
    /// `edition`, `round`, `time`, and `follow_up`: what to answer by when, or nothing).
    pub fn selected(lang: Lang, args: &[(&'static str, String)]) -> Letter {
        Letter::from_catalogue(lang, "selected", args)
    }

    /// An invitation to a role.
    pub fn invitation(lang: Lang, name: &str, role: &str, inviter: &str, link: &str) -> Letter {
        Letter::from_catalogue(
            lang,
            "invitation",
            &[
                ("name", name.to_owned()),
                ("role", role.to_owned()),
                ("inviter", inviter.to_owned()),
                ("link", link.to_owned()),
            ],
        )
    }

    /// To the people involved: a date on the timeline has moved (`name`, `edition`, `what`,
    /// `from`, `to`, `link`).
    pub fn rescheduled(lang: Lang, args: &[(&'static str, String)]) -> Letter {
        Letter::from_catalogue(lang, "rescheduled", args)
    }
}
