//! Answers are limited Markdown: paragraphs, lists, emphasis and links. Raw HTML in an answer is
//! shown as the text it is, and the result is sanitised again with ammonia, so nothing an
//! entrant writes can become markup on someone else's page.

use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{Event, Options, Parser, html};

static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::empty();
    b.add_tags(["p", "ul", "ol", "li", "em", "strong", "a", "br", "blockquote", "code"])
        .add_tag_attributes("a", ["href"])
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .link_rel(Some("nofollow noopener"));
    b
});

/// The answer as safe HTML.
pub fn render(markdown: &str) -> String {
    let parser = Parser::new_ext(markdown, Options::empty()).map(|event| match event {
        // Raw HTML becomes text: `<script>` is shown, not run.
        Event::Html(t) | Event::InlineHtml(t) => Event::Text(t),
        // Headings and images are not part of the limited syntax; their text stays.
        other => other,
    });
    let mut out = String::new();
    html::push_html(&mut out, parser);
    CLEANER.clean(&out).to_string()
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
}
