//! The words of a text counted by their stem, for telling what characterises one set of texts
//! against another (the pulse's "what stands out"): stop words, numbers and words of fewer
//! than three letters left out; each stem shown as the form of it written most often.

use std::collections::HashMap;

use tantivy::tokenizer::{Language, Stemmer, TextAnalyzer, TokenStream};

use crate::analyzer;

/// A stem's count in a text and the forms it was written in.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counted {
    pub count: u32,
    /// Each form written, with how often.
    pub forms: Vec<(String, u32)>,
}

impl Counted {
    /// The form written most often (the first of those tied).
    pub fn shown(&self) -> &str {
        let mut best: Option<&(String, u32)> = None;
        for f in &self.forms {
            if best.is_none_or(|b| f.1 > b.1) {
                best = Some(f);
            }
        }
        best.map_or("", |f| f.0.as_str())
    }

    pub fn add(&mut self, other: &Counted) {
        self.count += other.count;
        for (form, n) in &other.forms {
            match self.forms.iter_mut().find(|f| f.0 == *form) {
                Some(f) => f.1 += n,
                None => self.forms.push((form.clone(), *n)),
            }
        }
    }
}

/// Counts `text`'s words by stem.
pub fn count(text: &str) -> HashMap<String, Counted> {
    let mut words: TextAnalyzer = analyzer::without_stop_words();
    let mut stem = TextAnalyzer::builder(tantivy::tokenizer::RawTokenizer::default())
        .filter(Stemmer::new(Language::Swedish))
        .build();
    let mut out: HashMap<String, Counted> = HashMap::new();
    let mut stream = words.token_stream(text);
    while stream.advance() {
        let word = &stream.token().text;
        if word.chars().count() < 3 || word.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let key = analyzer::terms(&mut stem, word).pop().unwrap_or_else(|| word.clone());
        let counted = out.entry(key).or_default();
        counted.count += 1;
        match counted.forms.iter_mut().find(|f| f.0 == *word) {
            Some(f) => f.1 += 1,
            None => counted.forms.push((word.clone(), 1)),
        }
    }
    out
}

/// The stems most characteristic of `these` against `others` (Dunning's log-likelihood, for
/// stems relatively more frequent in `these`), at most `limit`, each used at least `min_count`
/// times: (stem, its counts in these, its count in the others, the score).
pub fn characteristic<'a>(
    these: &'a HashMap<String, Counted>,
    others: &HashMap<String, Counted>,
    min_count: u32,
    limit: usize,
) -> Vec<(&'a str, &'a Counted, u32, f64)> {
    let total = |m: &HashMap<String, Counted>| f64::from(m.values().map(|c| c.count).sum::<u32>().max(1));
    let (n1, n2) = (total(these), total(others));
    let mut scored: Vec<(&str, &Counted, u32, f64)> = these
        .iter()
        .filter(|(_, c)| c.count >= min_count)
        .filter_map(|(stem, c)| {
            let a = f64::from(c.count);
            let b_count = others.get(stem).map_or(0, |o| o.count);
            let b = f64::from(b_count);
            if a / n1 <= b / n2 {
                return None;
            }
            let e1 = n1 * (a + b) / (n1 + n2);
            let e2 = n2 * (a + b) / (n1 + n2);
            let part = |o: f64, e: f64| if o > 0.0 { o * (o / e).ln() } else { 0.0 };
            Some((stem.as_str(), c, b_count, 2.0 * (part(a, e1) + part(b, e2))))
        })
        .collect();
    scored.sort_by(|x, y| y.3.total_cmp(&x.3).then_with(|| x.0.cmp(y.0)));
    scored.truncate(limit);
    scored
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_counted_by_stem_and_the_new_ones_stand_out() {
        let counted = count("Pandemin gjorde distansarbete till vardag. Under pandemin: 2021, och AI.");
        assert_eq!(counted["pandemin"].count, 2);
        assert!(!counted.contains_key("och"), "a stop word");
        assert!(!counted.contains_key("ai"), "too short");
        assert!(counted.keys().all(|k| !k.contains("2021")), "a number");
        let later = count("pandemin pandemin pandemin distansarbete kommunen kommunen");
        let earlier = count("kommunen kommunen kommunen kommunen bygglov bygglov");
        let top = characteristic(&later, &earlier, 1, 2);
        assert_eq!(top[0].0, "pandemin");
        assert!(top.iter().all(|t| t.0 != "kommun"), "as common before is not characteristic");
    }
}
