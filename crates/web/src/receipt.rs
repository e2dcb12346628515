//! The receipt: when an entry becomes submitted (from the portal or the API), the
//! municipality's contacts get a mail saying so, with the answers as they were sent in. A mail
//! that cannot be sent is logged, not shown: the submission stands either way.

use juryn_domain::questionnaire::Question;
use juryn_domain::{Lang, format_time};
use juryn_store::EntryRecord;

use crate::app::AppState;
use crate::mail::Letter;

/// The answers as a mail's plain text: each question, then its answer.
fn answers_text(lang: Lang, questions: &[Question], answers: &[String]) -> String {
    let mut out = String::new();
    for (i, q) in questions.iter().enumerate() {
        let a = answers.get(i).map(String::as_str).unwrap_or("");
        out.push_str(&format!("{}. {}\n\n", i + 1, q.prompt.get(lang)));
        let text = crate::answer_view::text(lang, q, a);
        out.push_str(&text);
        out.push_str("\n\n");
    }
    out
}

/// Mails the receipt of `saved` (just submitted) to the municipality's contacts.
pub(crate) async fn send(app: &AppState, saved: &EntryRecord, questions: &[Question]) {
    let contacts = match app.store.contacts_of(&saved.award, saved.year, saved.entry.municipality).await {
        Ok(c) => c,
        Err(e) => {
            tracing::error!("finding the contacts for a receipt failed: {e}");
            return;
        }
    };
    let municipality = juryn_domain::municipality::name_of(saved.entry.municipality);
    let award = app.store.award(&saved.award).await.ok().flatten();
    let link = format!("{}/portal/bidrag/{}", app.base_url, saved.id);
    for user in contacts {
        let lang = user.lang;
        let edition = format!(
            "{} {}",
            award.as_ref().map_or_else(|| saved.award.to_string(), |a| a.name.get(lang).to_owned()),
            saved.year
        );
        let when = format_time(saved.entry.submitted_at.unwrap_or_else(|| app.now()), lang);
        let letter = Letter::entry_receipt(
            lang,
            (&user.name, &municipality, &edition),
            &when,
            &answers_text(lang, questions, &saved.entry.answers),
            &link,
        );
        let letter = match &award {
            Some(a) => letter.from_award(a, lang),
            None => letter,
        };
        if let Err(e) = app.mailer.send(&user.name, &user.email, &letter).await {
            tracing::error!("sending a receipt failed: {e}");
        }
    }
}
