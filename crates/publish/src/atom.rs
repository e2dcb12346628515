//! An Atom feed (RFC 4287) of an edition's news: the nominees published, the decision sealed,
//! the winner announced. The caller decides what is public; this only writes it down.

use atom_syndication::{Entry, Feed, FixedDateTime, Link, Text};

/// One piece of news; `at` is unix seconds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewsItem {
    /// A stable IRI, so readers see an item once.
    pub id: String,
    pub title: String,
    pub summary: String,
    pub link: String,
    pub at: i64,
}

fn time(secs: i64) -> FixedDateTime {
    chrono::DateTime::from_timestamp(secs, 0).unwrap_or_default().fixed_offset()
}

/// The feed as XML, newest first. `id` and `link` are the feed's own address and the page it
/// belongs to.
pub fn feed(title: &str, id: &str, link: &str, items: &[NewsItem]) -> String {
    let mut items = items.to_vec();
    items.sort_by_key(|i| std::cmp::Reverse(i.at));
    let updated = items.first().map_or(0, |i| i.at);
    let entries: Vec<Entry> = items
        .iter()
        .map(|i| Entry {
            id: i.id.clone(),
            title: Text::plain(i.title.clone()),
            updated: time(i.at),
            published: Some(time(i.at)),
            summary: Some(Text::plain(i.summary.clone())),
            links: vec![Link { href: i.link.clone(), rel: "alternate".into(), ..Link::default() }],
            ..Entry::default()
        })
        .collect();
    let feed = Feed {
        id: id.to_owned(),
        title: Text::plain(title.to_owned()),
        updated: time(updated),
        links: vec![
            Link { href: id.to_owned(), rel: "self".into(), ..Link::default() },
            Link { href: link.to_owned(), rel: "alternate".into(), ..Link::default() },
        ],
        entries,
        ..Feed::default()
    };
    feed.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_newest_first_with_their_times_and_text_escaped() {
        let xml = feed(
            "Sveriges DigitaliseringsKommun 2019",
            "https://juryn.test/digitaliseringskommun/2019/nyheter.atom",
            "https://juryn.test/digitaliseringskommun/2019",
            &[
                NewsItem {
                    id: "urn:juryn:a".into(),
                    title: "De nominerade <5>".into(),
                    summary: "Karlskrona & fyra till".into(),
                    link: "https://juryn.test/digitaliseringskommun/2019".into(),
                    at: 1_559_289_600,
                },
                NewsItem {
                    id: "urn:juryn:b".into(),
                    title: "Vinnaren".into(),
                    summary: "Lidingö".into(),
                    link: "https://juryn.test/digitaliseringskommun/2019".into(),
                    at: 1_573_581_600,
                },
            ],
        );
        assert!(xml.contains("<feed") && xml.contains("http://www.w3.org/2005/Atom"));
        assert!(xml.find("urn:juryn:b").unwrap() < xml.find("urn:juryn:a").unwrap());
        assert!(
            xml.contains("De nominerade &lt;5&gt;") && xml.contains("Karlskrona &amp; fyra till"),
            "{xml}"
        );
        assert!(xml.contains("2019-05-31T08:00:00+00:00"));
    }
}
