//! A reader's query, read by us and never by tantivy's query parser: what anyone types is words
//! and quoted phrases, nothing else. `field:x`, `*`, `~2` and `^5` are punctuation like any
//! other; an unbalanced quote runs to the end; stop words and punctuation alone are nothing to
//! search for (and said so, not an error).

use tantivy::Term;
use tantivy::query::{BooleanQuery, Occur, PhrasePrefixQuery, PhraseQuery, Query, RegexQuery, TermQuery};
use tantivy::schema::{Field, IndexRecordOption};

use crate::analyzer;

/// The longest query read, in characters; the rest is ignored (a pasted page is not a query).
pub const MAX_QUERY_CHARS: usize = 500;
/// At most this many words and phrases count; more only slow the search down.
pub const MAX_PARTS: usize = 16;
/// Below this many letters a word matches only itself, not every word it begins.
const MIN_PREFIX_CHARS: usize = 3;

/// The parts of a query: words, each to be found anywhere, and phrases, word for word.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Parsed {
    /// Each word as typed, lowercased (several terms if it had a hyphen: "e-tjänst").
    pub words: Vec<Vec<String>>,
    /// Each quoted phrase's words, lowercased.
    pub phrases: Vec<Vec<String>>,
}

impl Parsed {
    pub fn is_empty(&self) -> bool {
        self.words.is_empty() && self.phrases.is_empty()
    }

    /// Every lowercased word of the query, for highlighting.
    pub fn all_words(&self) -> impl Iterator<Item = &String> {
        self.words.iter().chain(&self.phrases).flatten()
    }
}

/// Reads a query. Never fails: what cannot be searched for is left out.
pub fn parse(text: &str) -> Parsed {
    // Past the limit the text is cut, back to the last space: a piece of a word is not what
    // was meant.
    let text = match text.char_indices().nth(MAX_QUERY_CHARS) {
        Some((at, _)) => {
            let head = &text[..at];
            head.rfind(char::is_whitespace).map_or(head, |space| &head[..space])
        }
        None => text,
    };
    let mut words = analyzer::words();
    let mut parsed = Parsed::default();
    // Odd pieces are inside quotes; a last unbalanced quote runs to the end.
    for (i, piece) in text.split('"').enumerate() {
        if i % 2 == 1 {
            let phrase = analyzer::terms(&mut words, piece);
            if !phrase.is_empty() {
                parsed.phrases.push(phrase);
            }
        } else {
            for word in piece.split_whitespace() {
                let parts = analyzer::terms(&mut words, word);
                if !parts.is_empty() && !parsed.words.contains(&parts) {
                    parsed.words.push(parts);
                }
            }
        }
    }
    drop_stop_words(&mut parsed);
    parsed.words.truncate(MAX_PARTS);
    parsed.phrases.truncate(MAX_PARTS.saturating_sub(parsed.words.len()));
    parsed
}

/// Stop words ("och", "att": tantivy's Swedish list) alone say nothing; inside a phrase they
/// stay.
fn drop_stop_words(parsed: &mut Parsed) {
    let mut stop = analyzer::without_stop_words();
    parsed.words.retain(|parts| !(parts.len() == 1 && analyzer::terms(&mut stop, &parts[0]).is_empty()));
}

/// The fields a query is run against.
#[derive(Debug, Clone, Copy)]
pub struct Fields {
    pub stemmed: Field,
    pub words: Field,
}

/// The query every part of which must match: a word by its stem or as the beginning of a word
/// ("bygglov" in "bygglovsprocessen"), a hyphenated word as its parts in order with the last
/// one begun ("e-tjänst" in "e-tjänsterna"), a phrase by its stems in order.
pub fn build(parsed: &Parsed, fields: Fields) -> Box<dyn Query> {
    let mut stemmer = analyzer::stemmed();
    let mut must: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    for parts in &parsed.words {
        must.push((Occur::Must, word_query(parts, fields, &mut stemmer)));
    }
    for phrase in &parsed.phrases {
        must.push((Occur::Must, phrase_query(phrase, fields.stemmed, &mut stemmer)));
    }
    Box::new(BooleanQuery::new(must))
}

fn stem(stemmer: &mut tantivy::tokenizer::TextAnalyzer, word: &str) -> String {
    analyzer::terms(stemmer, word).into_iter().next().unwrap_or_else(|| word.to_owned())
}

fn word_query(
    parts: &[String],
    fields: Fields,
    stemmer: &mut tantivy::tokenizer::TextAnalyzer,
) -> Box<dyn Query> {
    let mut either: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    if let [word] = parts {
        let stemmed = Term::from_field_text(fields.stemmed, &stem(stemmer, word));
        either.push((Occur::Should, Box::new(TermQuery::new(stemmed, IndexRecordOption::WithFreqs))));
        if word.chars().count() >= MIN_PREFIX_CHARS {
            // The word is letters and digits only (the analyser split everything else away),
            // so it needs no escaping in a pattern.
            if let Ok(begun) = RegexQuery::from_pattern(&format!("{word}.*"), fields.words) {
                either.push((Occur::Should, Box::new(begun)));
            }
        }
    } else {
        let terms: Vec<Term> = parts.iter().map(|p| Term::from_field_text(fields.words, p)).collect();
        either.push((Occur::Should, Box::new(PhrasePrefixQuery::new(terms))));
        either.push((Occur::Should, phrase_query(parts, fields.stemmed, stemmer)));
    }
    Box::new(BooleanQuery::new(either))
}

fn phrase_query(
    words: &[String],
    field: Field,
    stemmer: &mut tantivy::tokenizer::TextAnalyzer,
) -> Box<dyn Query> {
    let terms: Vec<Term> = words.iter().map(|w| Term::from_field_text(field, &stem(stemmer, w))).collect();
    if terms.len() == 1 {
        let term = terms.into_iter().next().expect("one term");
        return Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
    }
    Box::new(PhraseQuery::new(terms))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(list: &[&[&str]]) -> Vec<Vec<String>> {
        list.iter().map(|w| w.iter().map(|s| (*s).to_owned()).collect()).collect()
    }

    #[test]
    fn words_and_phrases_are_read_and_tantivy_syntax_is_punctuation() {
        let p = parse(r#"Bygglov "digital medborgardialog" e-tjänst"#);
        assert_eq!(p.words, words(&[&["bygglov"], &["e", "tjänst"]]));
        assert_eq!(p.phrases, words(&[&["digital", "medborgardialog"]]));
        let p = parse("text:bygglov* ~2 ^5 AND OR (x)");
        assert_eq!(p.words, words(&[&["text", "bygglov"], &["2"], &["5"], &["and"], &["or"], &["x"]]));
        assert!(p.phrases.is_empty());
    }

    #[test]
    fn nothing_to_search_for_is_empty_not_an_error() {
        for q in ["", "   ", "och att det", "!!! ??? ...", "\"", "\"\"", "\u{0}\u{202e}"] {
            assert!(parse(q).is_empty(), "{q:?}");
        }
        let unbalanced = parse("\"öppna data");
        assert_eq!(unbalanced.phrases, words(&[&["öppna", "data"]]));
        let long = parse(&"bygglov ".repeat(2_000));
        assert_eq!(long.words.len(), 1, "the same word once");
        let many = parse(&(0..100).map(|i| format!("ord{i}")).collect::<Vec<_>>().join(" "));
        assert_eq!(many.words.len(), MAX_PARTS);
    }
}
