//! How Swedish text becomes index terms, and a query's words the same terms.
//!
//! Two analyses of every answer, side by side:
//! - `STEMMED`: words split at anything that is not a letter or digit, lowercased and stemmed
//!   by Snowball's Swedish stemmer ("e-tjänsterna" → "e", "tjänst"). Its terms carry positions,
//!   so quoted phrases match as phrases.
//! - `WORDS`: the same words unstemmed. Swedish glues words into compounds ("bygglovsprocessen")
//!   and Snowball's Swedish stemmer is light, so a query word also matches every indexed word
//!   it begins: "bygglov" finds "bygglovsprocessen", "digital" finds "digitaliseringen".

use tantivy::tokenizer::{
    Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer, StopWordFilter, TextAnalyzer,
    TokenStream,
};

/// The stemmed analysis's name in the index's tokenizer manager.
pub const STEMMED: &str = "sv_stemmed";
/// The unstemmed analysis's name.
pub const WORDS: &str = "sv_words";

/// Longer "words" are not words (a pasted link, a hash): left out of the index.
const LONGEST_WORD_BYTES: usize = 60;

pub fn stemmed() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(LONGEST_WORD_BYTES))
        .filter(LowerCaser)
        .filter(Stemmer::new(Language::Swedish))
        .build()
}

pub fn words() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(LONGEST_WORD_BYTES))
        .filter(LowerCaser)
        .build()
}

/// Words as `words` makes them, less Swedish stop words: what a query's loose words keep.
pub fn without_stop_words() -> TextAnalyzer {
    let builder = TextAnalyzer::builder(SimpleTokenizer::default()).filter(LowerCaser);
    match StopWordFilter::new(Language::Swedish) {
        Some(stop) => builder.filter(stop).build(),
        None => builder.build(),
    }
}

/// The terms `analyzer` makes of `text`, in order.
pub fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

/// Registers both analyses with an index.
pub fn register(index: &tantivy::Index) {
    index.tokenizers().register(STEMMED, stemmed());
    index.tokenizers().register(WORDS, words());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_at_hyphens_and_stem_in_swedish() {
        assert_eq!(terms(&mut stemmed(), "E-tjänsterna"), ["e", "tjänst"]);
        assert_eq!(terms(&mut stemmed(), "AI-stöd"), ["ai", "stöd"]);
        assert_eq!(terms(&mut words(), "Bygglovsprocessen, nu!"), ["bygglovsprocessen", "nu"]);
        assert!(terms(&mut words(), &"x".repeat(100)).is_empty(), "a 100-letter word is not a word");
    }
}
