//! The receipt: when an entry becomes submitted (from the portal or the API), the
//! municipality's contacts get a mail saying so, with the answers as they were sent in, queued
//! with the save that submits it.

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

/// The receipt of `entry` as it is about to be saved, for its contacts — when the save submits
/// it (it was not submitted before); nothing otherwise. Queued with the save itself, so a save
/// refused at the deadline sends none.
pub(crate) async fn letters(
    app: &AppState,
    (before, entry): (juryn_domain::EntryStatus, &EntryRecord),
    questions: &[Question],
) -> Result<Vec<juryn_store::OutgoingMail>, juryn_store::StoreError> {
    use juryn_domain::EntryStatus::Submitted;
    if entry.entry.status != Submitted || before == Submitted {
        return Ok(vec![]);
    }
    let contacts = app.store.contacts_of(&entry.award, entry.year, entry.entry.municipality).await?;
    let municipality = juryn_domain::municipality::name_of(entry.entry.municipality);
    let award = app.store.award(&entry.award).await?;
    let link = format!("{}/portal/bidrag/{}", app.base_url, entry.id);
    let mut out = Vec::with_capacity(contacts.len());
    for user in contacts {
        let lang = user.lang;
        let edition = format!(
            "{} {}",
            award.as_ref().map_or_else(|| entry.award.to_string(), |a| a.name.get(lang).to_owned()),
            entry.year
        );
        let when = format_time(entry.entry.submitted_at.unwrap_or_else(|| app.now()), lang);
        let letter = Letter::entry_receipt(
            lang,
            (&user.name, &municipality, &edition),
            &when,
            &answers_text(lang, questions, &entry.entry.answers),
            &link,
        );
        let letter = match &award {
            Some(a) => letter.from_award(a, lang),
            None => letter,
        };
        out.push(letter.to(&user.name, &user.email));
    }
    Ok(out)
}
