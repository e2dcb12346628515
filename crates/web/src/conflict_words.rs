//! Why a conflict of interest holds, as the register and the juror's list say it.

use juryn_domain::Lang;
use juryn_domain::conflict::ConflictSource;

use crate::i18n::{t, t_args};

/// Why a conflict holds, as the register and the juror's list say it.
pub fn source_text(lang: Lang, source: &ConflictSource) -> String {
    match source {
        ConflictSource::LivesThere => t(lang, "conflict-lives-there"),
        ConflictSource::WorksThere => t(lang, "conflict-works-there"),
        ConflictSource::SameCounty => t(lang, "conflict-same-county"),
        ConflictSource::DeclaredByJuror { reason } => {
            t_args(lang, "conflict-declared", &[("reason", reason.clone())])
        }
        ConflictSource::SetByOrganiser { reason } => {
            t_args(lang, "conflict-set", &[("reason", reason.clone())])
        }
    }
}
