//! The installation's name: what the header, the page titles and the mail say where no award
//! speaks (the start page, sign-in, accounts). Set once when the server starts (`--site-name`, or
//! the one award's name when there is exactly one); "juryn" only if nothing better is known —
//! juryn is the software, and "juryn" is also Swedish for "the jury", so a site should say whose
//! it is.

use std::sync::OnceLock;

use juryn_domain::{Award, Lang};

static NAME: OnceLock<String> = OnceLock::new();

/// The name when none is set.
pub const DEFAULT_NAME: &str = "juryn";

/// Sets the installation's name for this process; the first call wins.
pub fn set_name(name: &str) {
    let name = name.trim();
    if !name.is_empty() {
        let _ = NAME.set(name.to_owned());
    }
}

/// The installation's name.
pub fn name() -> &'static str {
    NAME.get().map_or(DEFAULT_NAME, String::as_str)
}

/// How mail about an award names its sender: the award and who gives it.
pub fn award_sender(award: &Award, lang: Lang) -> String {
    let name = award.name.get(lang);
    let organiser = award.organiser.trim();
    if organiser.is_empty() { name.to_owned() } else { format!("{name} ({organiser})") }
}
