//! The installation's name: what the header, the page titles and the mail say where no award
//! speaks (the start page, sign-in, accounts). Configured (`--site-name`), or else the one
//! award's name when the installation has exactly one — followed as awards are made, so a new
//! installation names itself after its first award without a restart; "juryn" only if nothing
//! better is known — juryn is the software, and "juryn" is also Swedish for "the jury", so a site
//! should say whose it is.

use std::sync::{OnceLock, RwLock};

use juryn_domain::{Award, Lang};

static CONFIGURED: OnceLock<String> = OnceLock::new();
static FROM_AWARDS: RwLock<Option<String>> = RwLock::new(None);

/// The name when none is set.
pub const DEFAULT_NAME: &str = "juryn";

/// Sets the installation's name for this process; the first call wins over everything else.
pub fn set_name(name: &str) {
    let name = name.trim();
    if !name.is_empty() {
        let _ = CONFIGURED.set(name.to_owned());
    }
}

/// Follows the awards: with exactly one, its Swedish name names the site (unless configured).
pub fn follow_awards(awards: &[Award]) {
    let name = match awards {
        [one] => Some(one.name.sv.trim().to_owned()).filter(|n| !n.is_empty()),
        _ => None,
    };
    if let Ok(mut current) = FROM_AWARDS.write() {
        *current = name;
    }
}

/// The installation's name.
pub fn name() -> String {
    if let Some(name) = CONFIGURED.get() {
        return name.clone();
    }
    FROM_AWARDS.read().ok().and_then(|n| n.clone()).unwrap_or_else(|| DEFAULT_NAME.to_owned())
}

/// How mail about an award names its sender: the award and who gives it.
pub fn award_sender(award: &Award, lang: Lang) -> String {
    let name = award.name.get(lang);
    let organiser = award.organiser.trim();
    if organiser.is_empty() { name.to_owned() } else { format!("{name} ({organiser})") }
}
