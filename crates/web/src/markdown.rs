//! Answers are limited Markdown (`juryn_domain::text`): paragraphs, lists, emphasis and links,
//! written here as HTML. Raw HTML in an answer is shown as the text it is, and the result is
//! sanitised again with ammonia, so nothing an entrant writes can become markup on someone
//! else's page.

use std::collections::HashSet;
use std::sync::LazyLock;

use juryn_domain::text::Span;
use juryn_domain::{RichText, TextBlock};

use crate::layout::escape;

static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::empty();
    b.add_tags(["p", "ul", "ol", "li", "em", "strong", "a"])
        .add_tag_attributes("a", ["href"])
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .link_rel(Some("nofollow noopener"));
    b
});

/// The text as safe HTML, read by `juryn_domain::text` as the booklet and the word count read it.
pub fn render(markdown: &str) -> String {
    let mut out = String::new();
    for block in &RichText::read(markdown).blocks {
        match block {
            TextBlock::Para(spans) => {
                out.push_str("<p>");
                push_spans(&mut out, spans);
                out.push_str("</p>\n");
            }
            TextBlock::List { ordered, items } => {
                let tag = if *ordered { "ol" } else { "ul" };
                out.push_str(&format!("<{tag}>\n"));
                for item in items {
                    out.push_str("<li>");
                    push_spans(&mut out, item);
                    out.push_str("</li>\n");
                }
                out.push_str(&format!("</{tag}>\n"));
            }
        }
    }
    // Belt and braces: whatever the above wrote, only the limited tags and safe links stay.
    CLEANER.clean(&out).to_string()
}

/// Spans as HTML; consecutive spans of one link share its `<a>`, and a link to anything but
/// http(s) or mail keeps only its words.
fn push_spans(out: &mut String, spans: &[Span]) {
    let mut open: Option<&str> = None;
    for span in spans {
        let link = span.link.as_deref().filter(|l| {
            let l = l.to_ascii_lowercase();
            l.starts_with("https://") || l.starts_with("http://") || l.starts_with("mailto:")
        });
        if open != link {
            if open.is_some() {
                out.push_str("</a>");
            }
            if let Some(href) = link {
                out.push_str(&format!("<a href=\"{}\">", escape(href)));
            }
            open = link;
        }
        let mut text = escape(&span.text);
        if span.emph {
            text = format!("<em>{text}</em>");
        }
        if span.strong {
            text = format!("<strong>{text}</strong>");
        }
        out.push_str(&text);
    }
    if open.is_some() {
        out.push_str("</a>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limited_syntax_renders() {
        let html =
            render("Vi är **stolta**.\n\n- e-tjänster\n- *öppna data*\n\n[Läs mer](https://lidingo.se)");
        assert!(html.contains("<strong>stolta</strong>"));
        assert!(html.contains("<li><em>öppna data</em></li>"));
        assert!(
            html.contains(r#"<a href="https://lidingo.se" rel="nofollow noopener">Läs mer</a>"#),
            "{html}"
        );
    }

    #[test]
    fn html_and_scripts_are_shown_as_text() {
        let html = render("<script>alert(1)</script> och <b onclick=x>fet</b>");
        assert!(!html.contains("<script"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{html}");
        assert!(!html.contains("<b"));
        let html = render("[klick](javascript:alert(1))");
        assert!(!html.contains("javascript:"), "{html}");
    }

    /// One reading: the words a reader sees on the page are the words the form counts.
    #[test]
    fn the_page_shows_the_words_that_are_counted() {
        for text in [
            "# Rubrik\n\n> citat med **fet** text\n\n- ett\n  - inne\n- två\n\n`kod` och [länk](https://a.se)",
            "Vi **digitaliserade**bygglov. <b>rå</b> html\n\n1. a\n2. b",
            "e-tjänst 24/7 — klart!",
        ] {
            let html = render(text);
            let visible = ammonia::Builder::empty().clean(&html).to_string();
            let visible = visible.replace("&lt;", "<").replace("&gt;", ">");
            let words = visible.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
            assert_eq!(words, juryn_domain::word_count(text), "{text} → {html}");
        }
    }
}
