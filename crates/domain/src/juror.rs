//! A juror's public profile, as the "Se juryns medlemmar" page shows it.

use serde::{Deserialize, Serialize};

use crate::lang::LocalizedText;
use crate::municipality::MunicipalityCode;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Juror {
    pub name: String,
    pub title: LocalizedText,
    pub organisation: String,
    /// Where the juror lives; used later to find conflicts of interest. Never shown publicly.
    pub home_municipality: Option<MunicipalityCode>,
    pub is_chair: bool,
    /// Invented for the demo; the page says so.
    pub is_example: bool,
}

/// Orders a jury for display: the chair first, then by name in Swedish order.
pub fn sort_jury(jury: &mut [Juror]) {
    jury.sort_by(|a, b| {
        b.is_chair.cmp(&a.is_chair).then_with(|| swedish_key(&a.name).cmp(&swedish_key(&b.name)))
    });
}

/// A sort key that puts å, ä, ö after z, as Swedish does.
pub fn swedish_key(s: &str) -> Vec<u32> {
    s.chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'å' => 'z' as u32 + 1,
            'ä' | 'æ' => 'z' as u32 + 2,
            'ö' | 'ø' => 'z' as u32 + 3,
            'é' | 'è' => 'e' as u32,
            'ü' => 'y' as u32,
            c => c as u32,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chair_comes_first_then_swedish_order() {
        let j = |name: &str, chair| Juror {
            name: name.into(),
            title: LocalizedText::default(),
            organisation: String::new(),
            home_municipality: None,
            is_chair: chair,
            is_example: true,
        };
        let mut jury =
            vec![j("Örjan", false), j("Åsa", false), j("Zacharias", false), j("Bo", true), j("Anna", false)];
        sort_jury(&mut jury);
        let names: Vec<&str> = jury.iter().map(|j| j.name.as_str()).collect();
        assert_eq!(names, ["Bo", "Anna", "Zacharias", "Åsa", "Örjan"]);
    }
}
