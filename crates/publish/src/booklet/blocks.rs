//! An answer's limited Markdown as the booklet's blocks: paragraphs and lists of spans, each
//! span plain text with its emphasis, read by `juryn_domain::text` (as the web page and the
//! word count read it). Links keep their words and lose their targets on paper.

use juryn_domain::{RichText, TextBlock};
use serde::{Deserialize, Serialize};

/// A run of text and how it is set.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Span {
    pub text: String,
    #[serde(default, skip_serializing_if = "is_false")]
    pub emph: bool,
    #[serde(default, skip_serializing_if = "is_false")]
    pub strong: bool,
}

fn is_false(b: &bool) -> bool {
    !b
}

/// A paragraph, a list whose items are paragraphs of spans, or a two-column table with a header
/// row (a maturity self-assessment: each indicator and the scale's word for its answer).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Block {
    Para { spans: Vec<Span> },
    List { ordered: bool, items: Vec<Vec<Span>> },
    Table { head: [String; 2], rows: Vec<[String; 2]> },
}

/// Words longer than this get invisible break opportunities, so a 300-letter "word" wraps
/// instead of running off the page. Swedish compounds stay far below it.
const LONGEST_UNBROKEN: usize = 40;

/// The blocks of a limited-Markdown text, as `juryn_domain::text` reads it. Links keep their
/// words; long words get their break opportunities.
pub fn blocks(markdown: &str) -> Vec<Block> {
    let spans = |spans: &[juryn_domain::text::Span]| -> Vec<Span> {
        spans.iter().map(|s| Span { text: breakable(&s.text), emph: s.emph, strong: s.strong }).fold(
            Vec::new(),
            |mut out: Vec<Span>, s| {
                // Spans apart only by a link are one run here.
                match out.last_mut() {
                    Some(last) if last.emph == s.emph && last.strong == s.strong => {
                        last.text.push_str(&s.text)
                    }
                    _ => out.push(s),
                }
                out
            },
        )
    };
    RichText::read(markdown)
        .blocks
        .iter()
        .map(|b| match b {
            TextBlock::Para(p) => Block::Para { spans: spans(p) },
            TextBlock::List { ordered, items } => {
                Block::List { ordered: *ordered, items: items.iter().map(|i| spans(i)).collect() }
            }
        })
        .collect()
}

/// `text` with a zero-width space after every [`LONGEST_UNBROKEN`] letters of a longer word.
fn breakable(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut run = 0;
    for c in text.chars() {
        if c.is_whitespace() {
            run = 0;
        } else {
            run += 1;
            if run > LONGEST_UNBROKEN {
                out.push('\u{200B}');
                run = 1;
            }
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> Span {
        Span { text: text.to_owned(), emph: false, strong: false }
    }

    #[test]
    fn paragraphs_lists_and_emphasis() {
        let b =
            blocks("Vi är **stolta** och *glada*.\nNy rad.\n\n- e-tjänster\n- öppna data\n\n1. ett\n2. två");
        assert_eq!(b.len(), 3, "{b:?}");
        let Block::Para { spans } = &b[0] else { panic!("{b:?}") };
        assert_eq!(spans[0], plain("Vi är "));
        assert_eq!(spans[1], Span { text: "stolta".into(), emph: false, strong: true });
        assert_eq!(spans[3], Span { text: "glada".into(), emph: true, strong: false });
        assert_eq!(spans[4], plain(". Ny rad."));
        assert_eq!(
            b[1],
            Block::List {
                ordered: false, items: vec![vec![plain("e-tjänster")], vec![plain("öppna data")]]
            }
        );
        assert!(matches!(&b[2], Block::List { ordered: true, items } if items.len() == 2));
    }

    #[test]
    fn markup_of_other_languages_stays_text() {
        let b = blocks("<b>fet</b> #set page(width: 1cm) $x$ [a](b) `kod`");
        let Block::Para { spans } = &b[0] else { panic!() };
        let text: String = spans.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(text, "<b>fet</b> #set page(width: 1cm) $x$ a kod");
    }

    #[test]
    fn nothing_gives_no_blocks_and_long_words_can_break() {
        assert!(blocks("").is_empty());
        assert!(blocks("  \n\n ").is_empty());
        let word = "a".repeat(100);
        let Block::Para { spans } = &blocks(&word)[0] else { panic!() };
        assert_eq!(spans[0].text.matches('\u{200B}').count(), 2);
        assert_eq!(spans[0].text.replace('\u{200B}', ""), word);
        assert_eq!(breakable("kommunstyrelseförvaltningen"), "kommunstyrelseförvaltningen");
    }
}
