//! What every page's frame needs: language, title, the language switch, the way back.

use juryn_domain::Lang;

use crate::i18n;

/// The frame around a page (`templates/base.html`).
#[derive(Debug, Clone)]
pub struct Layout {
    pub lang: Lang,
    pub title: String,
    /// The path of this page, for the language switch.
    pub path: String,
    /// The trail above the heading: (label, href), the current page last without a link.
    pub crumbs: Vec<(String, String)>,
    /// What just happened (after an irreversible action), shown above the page.
    pub notice: Option<String>,
    /// Whose site this is, top left: the award on its pages, else the installation's name.
    pub brand: String,
    pub brand_href: String,
}

impl Layout {
    pub fn new(lang: Lang, title: impl Into<String>, path: impl Into<String>) -> Layout {
        Layout {
            lang,
            title: title.into(),
            path: path.into(),
            crumbs: Vec::new(),
            notice: None,
            brand: crate::site::name(),
            brand_href: "/".to_owned(),
        }
    }

    /// A page of this award: the header names the award and leads to its page.
    pub fn for_award(mut self, award: &juryn_domain::Award) -> Layout {
        self.brand = award.name.get(self.lang).to_owned();
        self.brand_href = format!("/{}", award.slug);
        self
    }

    /// Says above the page what just happened.
    pub fn with_notice(mut self, notice: Option<String>) -> Layout {
        self.notice = notice;
        self
    }

    pub fn crumb(mut self, label: impl Into<String>, href: impl Into<String>) -> Layout {
        self.crumbs.push((label.into(), href.into()));
        self
    }

    /// A message of the catalogue in this page's language.
    pub fn t(&self, key: &str) -> String {
        i18n::t(self.lang, key)
    }

    pub fn lang_tag(&self) -> &'static str {
        self.lang.tag()
    }

    /// The other language: its tag, its name in itself, and the link to this page in it.
    pub fn switch_tag(&self) -> &'static str {
        match self.lang {
            Lang::Sv => "en",
            Lang::En => "sv",
        }
    }

    pub fn switch_label(&self) -> &'static str {
        match self.lang {
            Lang::Sv => "English",
            Lang::En => "Svenska",
        }
    }

    pub fn switch_href(&self) -> String {
        format!("{}?lang={}", self.path, self.switch_tag())
    }
}

impl Layout {
    pub fn css_href(&self) -> &'static str {
        crate::static_files::css_href()
    }
}

/// Escapes text for HTML that is written by hand rather than by a template.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}
