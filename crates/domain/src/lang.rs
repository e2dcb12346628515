//! The interface languages and text that an organiser writes in more than one of them.

use serde::{Deserialize, Serialize};

/// An interface language. Swedish is the default; English is the only other one so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Sv,
    En,
}

impl Lang {
    /// Parses a language tag such as `sv`, `en` or `en-GB`; anything else is `None`.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next()?.trim().to_ascii_lowercase();
        match primary.as_str() {
            "sv" => Some(Lang::Sv),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }
}

/// Text written by an organiser: always in Swedish, optionally also in English.
/// Asking for English where none was written gives the Swedish text.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct LocalizedText {
    pub sv: String,
    pub en: Option<String>,
}

impl LocalizedText {
    pub fn new(sv: impl Into<String>, en: impl Into<String>) -> Self {
        Self { sv: sv.into(), en: Some(en.into()) }
    }

    pub fn sv_only(sv: impl Into<String>) -> Self {
        Self { sv: sv.into(), en: None }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match (lang, &self.en) {
            (Lang::En, Some(en)) if !en.is_empty() => en,
            _ => &self.sv,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_parse_to_the_two_languages_only() {
        assert_eq!(Lang::from_tag("sv"), Some(Lang::Sv));
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("EN"), Some(Lang::En));
        assert_eq!(Lang::from_tag("xx"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn english_falls_back_to_swedish() {
        let t = LocalizedText::sv_only("Hålltider");
        assert_eq!(t.get(Lang::En), "Hålltider");
        let t = LocalizedText::new("Hålltider", "Timeline");
        assert_eq!(t.get(Lang::En), "Timeline");
        assert_eq!(t.get(Lang::Sv), "Hålltider");
    }
}
