//! An answer's limited Markdown as the booklet's blocks: paragraphs and lists of spans, each
//! span plain text with its emphasis. Everything else (headings, quotes, code, raw HTML, links)
//! keeps its words and loses its markup, as on the web page.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
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

/// The blocks of a limited-Markdown text.
pub fn blocks(markdown: &str) -> Vec<Block> {
    let mut out = Vec::new();
    let mut spans: Vec<Span> = Vec::new();
    let mut list: Option<(bool, Vec<Vec<Span>>)> = None;
    let (mut emph, mut strong) = (0u32, 0u32);
    let mut depth_in_list = 0u32;
    for event in Parser::new_ext(markdown, Options::empty()) {
        match event {
            Event::Start(Tag::Emphasis) => emph += 1,
            Event::End(TagEnd::Emphasis) => emph = emph.saturating_sub(1),
            Event::Start(Tag::Strong) => strong += 1,
            Event::End(TagEnd::Strong) => strong = strong.saturating_sub(1),
            Event::Start(Tag::List(first)) => {
                flush_para(&mut out, &mut spans, list.as_mut());
                depth_in_list += 1;
                if list.is_none() {
                    list = Some((first.is_some(), Vec::new()));
                }
            }
            Event::End(TagEnd::List(_)) => {
                depth_in_list = depth_in_list.saturating_sub(1);
                if depth_in_list == 0 {
                    flush_item(&mut spans, list.as_mut());
                    if let Some((ordered, items)) = list.take() {
                        out.push(Block::List { ordered, items });
                    }
                }
            }
            Event::Start(Tag::Item) => flush_item(&mut spans, list.as_mut()),
            Event::End(TagEnd::Item) => flush_item(&mut spans, list.as_mut()),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::BlockQuote(_) | TagEnd::CodeBlock,
            ) => {
                if list.is_none() {
                    flush_para(&mut out, &mut spans, None);
                } else {
                    push_text(&mut spans, " ", (false, false));
                }
            }
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                push_text(&mut spans, &t, (emph > 0, strong > 0));
            }
            Event::SoftBreak | Event::HardBreak => push_text(&mut spans, " ", (emph > 0, strong > 0)),
            _ => {}
        }
    }
    flush_item(&mut spans, list.as_mut());
    if let Some((ordered, items)) = list.take() {
        out.push(Block::List { ordered, items });
    }
    flush_para(&mut out, &mut spans, None);
    out
}

fn push_text(spans: &mut Vec<Span>, text: &str, (emph, strong): (bool, bool)) {
    let text = breakable(text);
    match spans.last_mut() {
        Some(last) if last.emph == emph && last.strong == strong => last.text.push_str(&text),
        _ => spans.push(Span { text, emph, strong }),
    }
}

fn trimmed(spans: &mut Vec<Span>) -> Vec<Span> {
    let mut taken: Vec<Span> = std::mem::take(spans);
    if let Some(first) = taken.first_mut() {
        first.text = first.text.trim_start().to_owned();
    }
    if let Some(last) = taken.last_mut() {
        last.text = last.text.trim_end().to_owned();
    }
    taken.retain(|s| !s.text.is_empty());
    taken
}

fn flush_para(out: &mut Vec<Block>, spans: &mut Vec<Span>, list: Option<&mut (bool, Vec<Vec<Span>>)>) {
    if let Some(list) = list {
        flush_item(spans, Some(list));
        return;
    }
    let spans = trimmed(spans);
    if !spans.is_empty() {
        out.push(Block::Para { spans });
    }
}

fn flush_item(spans: &mut Vec<Span>, list: Option<&mut (bool, Vec<Vec<Span>>)>) {
    let Some((_, items)) = list else { return };
    let spans = trimmed(spans);
    if !spans.is_empty() {
        items.push(spans);
    }
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
