//! Irreversible actions ask first. The action's form posts without `bekraftat`; the handler
//! answers with a page of its own that says what will happen and that it cannot be undone, and
//! a form that posts the same fields again with `bekraftat=ja` — or a way back that changes
//! nothing. Works without JavaScript, and a stray click or a replayed form changes nothing.

use askama::Template;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::Lang;

use crate::app::AppState;
use crate::error::WebError;
use crate::i18n::t;
use crate::layout::Layout;
use crate::respond::form_page;

/// The field that says the person has seen the confirmation page and pressed its button.
pub const CONFIRMED: &str = "bekraftat";

/// What the confirmation page says: its heading, what will happen, and the button's words.
pub struct Question {
    pub heading: String,
    pub what: String,
    pub button: String,
}

#[derive(Template)]
#[template(path = "confirm.html")]
struct ConfirmPage {
    l: Layout,
    csrf: String,
    heading: String,
    what: String,
    action: String,
    fields: Vec<(String, String)>,
    button: String,
    back: String,
}

/// Whether the posted fields carry the confirmation.
pub fn confirmed(pairs: &[(String, String)]) -> bool {
    pairs.iter().any(|(k, v)| k == CONFIRMED && v == "ja")
}

/// The confirmation page for posting `fields` (the form as it was sent, without its token) to
/// `action` again; `back` is where "Avbryt" leads.
pub fn ask(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    question: Question,
    (action, back): (&str, &str),
    fields: &[(String, String)],
) -> Result<Response, WebError> {
    let fields: Vec<(String, String)> =
        fields.iter().filter(|(k, _)| k != "csrf" && k != CONFIRMED).cloned().collect();
    let l =
        Layout::new(lang, question.heading.clone(), action.to_owned()).crumb(t(lang, "confirm-crumb"), "");
    form_page(app, headers, StatusCode::OK, |csrf| ConfirmPage {
        l,
        csrf,
        heading: question.heading,
        what: question.what,
        action: action.to_owned(),
        fields,
        button: question.button,
        back: back.to_owned(),
    })
}
