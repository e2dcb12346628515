//! The passage of an answer shown with a hit: about `WIDTH` characters around the first match,
//! cut at word boundaries, with each word the query matched marked. A word matches when it
//! begins with a query word (the compounds: "bygglov" in "bygglovsprocessen") or has the same
//! Swedish stem.

use tantivy::tokenizer::TokenStream;

use crate::analyzer;
use crate::query::Parsed;

/// About how many characters a snippet shows.
const WIDTH: usize = 240;

/// The passage as pieces: (text, matched?).
pub fn around(text: &str, parsed: &Parsed) -> Vec<(String, bool)> {
    let mut stemmer = analyzer::stemmed();
    let wanted: Vec<(String, String)> = parsed
        .all_words()
        .map(|w| (w.clone(), analyzer::terms(&mut stemmer, w).into_iter().next().unwrap_or_default()))
        .collect();
    // Each word of the text with its byte span, and whether it matches.
    let mut words = analyzer::words();
    let mut stream = words.token_stream(text);
    let mut spans: Vec<(usize, usize, bool)> = Vec::new();
    let mut first_hit: Option<usize> = None;
    while stream.advance() {
        let t = stream.token();
        // A Swedish stem is the word's beginning, so only a word that begins with a wanted stem
        // is stemmed to compare (a 1,500-word answer is not stemmed whole).
        let hit = wanted.iter().any(|(word, s)| {
            (word.chars().count() >= 3 && t.text.starts_with(word.as_str()))
                || *word == t.text
                || (!s.is_empty()
                    && t.text.starts_with(s.as_str())
                    && analyzer::terms(&mut stemmer, &t.text).first() == Some(s))
        });
        spans.push((t.offset_from, t.offset_to, hit));
        if hit && first_hit.is_none() {
            first_hit = Some(t.offset_from);
        }
        // The passage ends within WIDTH characters (at most 4 bytes each) of the first match:
        // the rest of a long answer need not be read.
        if first_hit.is_some_and(|at| t.offset_to > at + 4 * WIDTH) {
            break;
        }
    }
    let first = spans.iter().position(|s| s.2).unwrap_or(0);
    // Start a few words before the first match, end when the width is used.
    let start_word = first.saturating_sub(6);
    let start = if start_word == 0 { 0 } else { spans[start_word].0 };
    let mut end = text.len();
    for s in &spans[start_word..] {
        if text[start..s.1].chars().count() > WIDTH {
            end = s.0;
            break;
        }
    }
    let mut pieces: Vec<(String, bool)> = Vec::new();
    if start > 0 {
        pieces.push(("… ".to_owned(), false));
    }
    let mut at = start;
    for &(from, to, hit) in spans.iter().filter(|s| s.0 >= start && s.1 <= end) {
        if hit {
            if from > at {
                pieces.push((text[at..from].to_owned(), false));
            }
            pieces.push((text[from..to].to_owned(), true));
            at = to;
        }
    }
    if end > at {
        pieces.push((text[at..end].trim_end().to_owned(), false));
    }
    if end < text.len() {
        pieces.push((" …".to_owned(), false));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::query::parse;

    #[test]
    fn the_passage_marks_compounds_and_stems_and_cuts_long_text() {
        let text = "Vi har gjort om bygglovsprocessen. E-tjänsterna används mer.";
        let pieces = around(text, &parse("bygglov e-tjänst"));
        let marked: Vec<&str> = pieces.iter().filter(|p| p.1).map(|p| p.0.as_str()).collect();
        assert_eq!(marked, ["bygglovsprocessen", "E", "tjänsterna"]);
        assert_eq!(pieces.iter().map(|p| p.0.as_str()).collect::<String>(), text);
        let long = format!("{} bygglov {}", "ord ".repeat(200), "ord ".repeat(200));
        let pieces = around(&long, &parse("bygglov"));
        let shown: String = pieces.iter().map(|p| p.0.as_str()).collect();
        assert!(shown.starts_with("… ") && shown.ends_with(" …") && shown.chars().count() < 300, "{shown}");
        assert!(pieces.iter().any(|p| p.1 && p.0 == "bygglov"));
    }
}
