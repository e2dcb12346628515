//! Long answers and the organisers' longer texts are *limited Markdown*: paragraphs, lists,
//! emphasis, strong emphasis and links. This is the one place that reads it; the web page, the
//! word count, the booklet and search all use what it reads, so they cannot disagree.
//!
//! Everything else keeps its words and loses its markup: a heading or a quote becomes a
//! paragraph, code is text, nested lists join their outer list, and raw HTML is the text it is
//! (an answer never becomes markup on someone else's page).

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

/// A run of text and how it is set; `link` is the target of a link it is part of.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Span {
    pub text: String,
    pub emph: bool,
    pub strong: bool,
    pub link: Option<String>,
}

/// A paragraph, or a list whose items are paragraphs of spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextBlock {
    Para(Vec<Span>),
    List { ordered: bool, items: Vec<Vec<Span>> },
}

/// A limited-Markdown text, read.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RichText {
    pub blocks: Vec<TextBlock>,
}

impl RichText {
    pub fn read(markdown: &str) -> RichText {
        let mut reader = Reader::default();
        for event in Parser::new_ext(markdown, Options::empty()) {
            reader.event(event);
        }
        reader.finish()
    }

    /// The words a reader sees: markup (`**`, `#`, `- `, link targets) does not count.
    pub fn word_count(&self) -> usize {
        self.paragraphs()
            .map(|spans| {
                let text: String = spans.iter().map(|s| s.text.as_str()).collect();
                text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
            })
            .sum()
    }

    /// The text without its markup, a paragraph or list item per line: for search and mail.
    pub fn plain(&self) -> String {
        self.paragraphs()
            .map(|spans| spans.iter().map(|s| s.text.as_str()).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Every paragraph and every list item, in order.
    fn paragraphs(&self) -> impl Iterator<Item = &Vec<Span>> {
        self.blocks.iter().flat_map(|b| match b {
            TextBlock::Para(spans) => std::slice::from_ref(spans),
            TextBlock::List { items, .. } => items.as_slice(),
        })
    }
}

/// The reader's state between events.
#[derive(Default)]
struct Reader {
    out: Vec<TextBlock>,
    spans: Vec<Span>,
    list: Option<(bool, Vec<Vec<Span>>)>,
    emph: u32,
    strong: u32,
    list_depth: u32,
    link: Option<String>,
}

impl Reader {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(Tag::Emphasis) => self.emph += 1,
            Event::End(TagEnd::Emphasis) => self.emph = self.emph.saturating_sub(1),
            Event::Start(Tag::Strong) => self.strong += 1,
            Event::End(TagEnd::Strong) => self.strong = self.strong.saturating_sub(1),
            Event::Start(Tag::Link { dest_url, .. }) => self.link = Some(dest_url.into_string()),
            Event::End(TagEnd::Link) => self.link = None,
            Event::Start(Tag::List(first)) => {
                self.end_paragraph();
                self.list_depth += 1;
                if self.list.is_none() {
                    self.list = Some((first.is_some(), Vec::new()));
                }
            }
            Event::End(TagEnd::List(_)) => {
                self.list_depth = self.list_depth.saturating_sub(1);
                if self.list_depth == 0 {
                    self.end_list();
                }
            }
            Event::Start(Tag::Item) | Event::End(TagEnd::Item) => self.end_item(),
            Event::End(
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::BlockQuote(_) | TagEnd::CodeBlock,
            ) => {
                if self.list.is_none() {
                    self.end_paragraph();
                } else {
                    self.push(" ", false);
                }
            }
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => self.push(&t, true),
            Event::SoftBreak | Event::HardBreak => self.push(" ", true),
            _ => {}
        }
    }

    /// Adds text to the paragraph, set as the text around it is (`styled`) or plain.
    fn push(&mut self, text: &str, styled: bool) {
        let (emph, strong, link) =
            if styled { (self.emph > 0, self.strong > 0, self.link.clone()) } else { (false, false, None) };
        match self.spans.last_mut() {
            Some(last) if last.emph == emph && last.strong == strong && last.link == link => {
                last.text.push_str(text);
            }
            _ => self.spans.push(Span { text: text.to_owned(), emph, strong, link }),
        }
    }

    /// The spans so far, trimmed at both ends, with empty ones dropped.
    fn take_spans(&mut self) -> Vec<Span> {
        let mut taken = std::mem::take(&mut self.spans);
        if let Some(first) = taken.first_mut() {
            first.text = first.text.trim_start().to_owned();
        }
        if let Some(last) = taken.last_mut() {
            last.text = last.text.trim_end().to_owned();
        }
        taken.retain(|s| !s.text.is_empty());
        taken
    }

    fn end_paragraph(&mut self) {
        if self.list.is_some() {
            return self.end_item();
        }
        let spans = self.take_spans();
        if !spans.is_empty() {
            self.out.push(TextBlock::Para(spans));
        }
    }

    fn end_item(&mut self) {
        if self.list.is_none() {
            return;
        }
        let spans = self.take_spans();
        if let Some((_, items)) = self.list.as_mut()
            && !spans.is_empty()
        {
            items.push(spans);
        }
    }

    fn end_list(&mut self) {
        self.end_item();
        if let Some((ordered, items)) = self.list.take() {
            self.out.push(TextBlock::List { ordered, items });
        }
    }

    fn finish(mut self) -> RichText {
        self.end_list();
        self.end_paragraph();
        RichText { blocks: self.out }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(text: &str) -> Span {
        Span { text: text.to_owned(), ..Span::default() }
    }

    #[test]
    fn paragraphs_lists_emphasis_and_links() {
        let r = RichText::read(
            "Vi är **stolta** och *glada*.\nNy rad.\n\n- e-tjänster\n- öppna data\n\n1. ett\n2. [två](https://a.se)",
        );
        assert_eq!(r.blocks.len(), 3, "{r:?}");
        let TextBlock::Para(spans) = &r.blocks[0] else { panic!("{r:?}") };
        assert_eq!(spans[0], plain("Vi är "));
        assert_eq!(spans[1], Span { text: "stolta".into(), strong: true, ..Span::default() });
        assert_eq!(spans[3], Span { text: "glada".into(), emph: true, ..Span::default() });
        assert_eq!(spans[4], plain(". Ny rad."));
        assert_eq!(
            r.blocks[1],
            TextBlock::List {
                ordered: false,
                items: vec![vec![plain("e-tjänster")], vec![plain("öppna data")]]
            }
        );
        let TextBlock::List { ordered: true, items } = &r.blocks[2] else { panic!("{r:?}") };
        assert_eq!(items[1][0].link.as_deref(), Some("https://a.se"));
        assert_eq!(r.word_count(), 12);
        assert_eq!(r.plain(), "Vi är stolta och glada. Ny rad.\ne-tjänster\nöppna data\nett\ntvå");
    }

    #[test]
    fn other_markup_keeps_its_words() {
        let r = RichText::read("# Rubrik\n\n> citat\n\n<b>fet</b> #set page(width: 1cm) $x$ `kod`");
        let texts: Vec<String> =
            r.paragraphs().map(|s| s.iter().map(|s| s.text.as_str()).collect()).collect();
        assert_eq!(texts, ["Rubrik", "citat", "<b>fet</b> #set page(width: 1cm) $x$ kod"]);
        assert!(RichText::read("").blocks.is_empty());
        assert!(RichText::read("  \n\n ").blocks.is_empty());
    }
}
