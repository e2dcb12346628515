//! Text fields of an organiser's form read one by one, each problem said in the reader's
//! language with the field's name ("Namn på svenska får vara högst 200 tecken.").

use juryn_domain::Lang;

use crate::i18n::{t, t_args};

pub(crate) struct TextFields {
    lang: Lang,
    /// What to fix, in the order the fields were read.
    pub errors: Vec<String>,
}

impl TextFields {
    pub fn new(lang: Lang) -> TextFields {
        TextFields { lang, errors: Vec::new() }
    }

    /// The field trimmed; a problem noted if it is required and empty, longer than `max`
    /// characters, or holds control characters (a line break is allowed where `lines`).
    pub fn text(
        &mut self,
        label_key: &str,
        text: &str,
        max: usize,
        (required, lines): (bool, bool),
    ) -> String {
        let (lang, text) = (self.lang, text.trim());
        let label = t(lang, label_key);
        if required && text.is_empty() {
            self.errors.push(t_args(lang, "award-error-required", &[("field", label)]));
        } else if text.chars().count() > max {
            self.errors.push(t_args(lang, "award-error-long", &[("field", label), ("max", max.to_string())]));
        } else if text.chars().any(|c| c.is_control() && !(lines && (c == '\n' || c == '\r'))) {
            self.errors.push(t_args(lang, "award-error-control", &[("field", label)]));
        }
        text.to_owned()
    }
}
