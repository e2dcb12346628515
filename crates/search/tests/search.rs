//! The index as a reader meets it: Swedish words, compounds and phrases found; filters and
//! scopes kept; bad queries find nothing and never fail.

use juryn_search::{AnswerDoc, Filters, Order, SearchIndex};
use proptest::prelude::*;

fn answer(scope: &str, year: u16, code: &str, question: u16, text: &str) -> AnswerDoc {
    AnswerDoc {
        scope: scope.to_owned(),
        award: "digitaliseringskommun".to_owned(),
        year,
        code: code.to_owned(),
        entry_name: format!("Kommun {code}"),
        county: code[..2].to_owned(),
        question,
        question_text: format!("Fråga {question}"),
        kind: "kommun".to_owned(),
        text: text.to_owned(),
        visible_from: 0,
        visible_until: i64::MAX,
        href: String::new(),
    }
}

/// 2024-01-01, after everything the demo index publishes.
const NOW: i64 = 1_704_067_200;

fn public() -> Filters {
    Filters { scopes: vec!["public".to_owned()], now: NOW, ..Filters::default() }
}

fn demo() -> SearchIndex {
    let index = SearchIndex::in_memory().unwrap();
    index
        .rebuild([
            answer(
                "public",
                2019,
                "0186",
                1,
                "Vi har digitaliserat hela bygglovsprocessen med en ny e-tjänst.",
            ),
            answer("public", 2019, "0186", 2, "Effekten: handläggningstiden halverades."),
            answer("public", 2021, "2480", 1, "E-tjänsterna för skolval används av nio av tio föräldrar."),
            answer(
                "public",
                2021,
                "1780",
                3,
                "Vi testade AI-stöd i kontaktcentret och lärde oss mycket om öppna data.",
            ),
            answer(
                "public",
                2023,
                "0581",
                1,
                "Digital medborgardialog om parker, och öppna data om trafiken.",
            ),
            answer(
                "jury:digitaliseringskommun/2023",
                2023,
                "0180",
                1,
                "Hemligt bygglov som ännu inte är publicerat.",
            ),
        ])
        .unwrap();
    index
}

fn codes(hits: &[juryn_search::EntryHit]) -> Vec<String> {
    let mut out: Vec<String> = hits.iter().map(|h| format!("{}/{}", h.year, h.code)).collect();
    out.sort();
    out
}

#[test]
fn compounds_stems_and_hyphens_are_found() {
    let index = demo();
    let found = |q: &str| codes(&index.search(q, &public(), Order::Relevance, 50).unwrap());
    assert_eq!(found("bygglov"), ["2019/0186"], "bygglov in bygglovsprocessen");
    assert_eq!(found("e-tjänst"), ["2019/0186", "2021/2480"], "e-tjänst in e-tjänsterna");
    assert_eq!(found("AI"), ["2021/1780"], "AI in AI-stöd");
    assert_eq!(found("digital"), ["2019/0186", "2023/0581"], "digital in digitaliserat");
    assert_eq!(found("\"öppna data\""), ["2021/1780", "2023/0581"]);
    assert_eq!(found("\"data öppna\""), Vec::<String>::new(), "a phrase is in order");
    assert_eq!(found("öppna trafiken"), ["2023/0581"], "every word must match");
}

#[test]
fn a_hit_groups_an_entrys_answers_and_marks_the_words() {
    let index = demo();
    let hits = index.search("bygglov handläggningstiden", &public(), Order::Relevance, 10).unwrap();
    assert!(hits.is_empty(), "both words in one answer, not across two");
    let hits = index.search("data", &public(), Order::Year, 10).unwrap();
    assert_eq!(hits.iter().map(|h| h.year).collect::<Vec<_>>(), [2023, 2021], "newest first");
    let hit = &index.search("bygglov", &public(), Order::Relevance, 10).unwrap()[0];
    assert_eq!((hit.code.as_str(), hit.entry_name.as_str(), hit.answers.len()), ("0186", "Kommun 0186", 1));
    let marked: Vec<&str> = hit.answers[0].snippet.iter().filter(|p| p.1).map(|p| p.0.as_str()).collect();
    assert_eq!(marked, ["bygglovsprocessen"]);
}

#[test]
fn filters_and_scopes_limit_what_is_found() {
    let index = demo();
    let with = |f: Filters| codes(&index.search("öppna", &f, Order::Relevance, 50).unwrap());
    assert_eq!(with(Filters { years: vec![2023], ..public() }), ["2023/0581"]);
    assert_eq!(with(Filters { counties: vec!["17".to_owned()], ..public() }), ["2021/1780"]);
    assert_eq!(with(Filters { questions: vec![2], ..public() }), Vec::<String>::new());
    assert_eq!(with(Filters { kinds: vec!["gemensamt".to_owned()], ..public() }), Vec::<String>::new());
    // The jury's text is not public; its own circle finds it; nobody with no scope finds anything.
    let jury = Filters {
        scopes: vec!["jury:digitaliseringskommun/2023".to_owned()],
        now: NOW,
        ..Filters::default()
    };
    assert_eq!(codes(&index.search("bygglov", &public(), Order::Relevance, 50).unwrap()), ["2019/0186"]);
    assert_eq!(codes(&index.search("hemligt", &jury, Order::Relevance, 50).unwrap()), ["2023/0180"]);
    assert!(index.search("hemligt", &Filters::default(), Order::Relevance, 50).unwrap().is_empty());
}

#[test]
fn text_published_at_a_set_time_is_found_from_that_second() {
    let index = demo();
    let at = NOW + 3_600;
    let scheduled =
        AnswerDoc { visible_from: at, ..answer("public", 2025, "0380", 1, "Solceller på skolorna.") };
    index.replace_entry("public", ("digitaliseringskommun", 2025, "0380"), &[scheduled]).unwrap();
    let found = |now: i64| {
        index.search("solceller", &Filters { now, ..public() }, Order::Relevance, 10).unwrap().len()
    };
    assert_eq!((found(at - 1), found(at), found(at + 1)), (0, 1, 1));
}

#[test]
fn a_booklet_version_is_found_until_the_next_one_takes_over() {
    let index = demo();
    let next = NOW + 3_600;
    let key = ("digitaliseringskommun", 2025, "0380");
    let first =
        AnswerDoc { visible_until: next, ..answer("public", 2025, "0380", 1, "Solceller på skolorna.") };
    let second =
        AnswerDoc { visible_from: next, ..answer("public", 2025, "0380", 1, "Solceller och vindkraft.") };
    index.replace_entry("public", key, &[first, second]).unwrap();
    let found = |q: &str, now: i64| {
        index.search(q, &Filters { now, ..public() }, Order::Relevance, 10).unwrap().len()
    };
    assert_eq!((found("skolorna", next - 1), found("skolorna", next)), (1, 0));
    assert_eq!((found("vindkraft", next - 1), found("vindkraft", next)), (0, 1));
    assert_eq!(found("solceller", next), 1, "one entry, never both versions");
}

#[test]
fn an_entry_is_found_by_its_name_and_an_excluded_one_not_at_all() {
    let index = demo();
    let hits = index.search("Kommun 0186", &public(), Order::Relevance, 10).unwrap();
    assert_eq!(codes(&hits), ["2019/0186"]);
    let exclude = vec![("public".to_owned(), "digitaliseringskommun".to_owned(), 2019, "0186".to_owned())];
    assert!(
        index
            .search("Kommun 0186", &Filters { exclude, ..public() }, Order::Relevance, 10)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn an_entry_in_two_circles_is_found_once_and_counted_once() {
    let index = SearchIndex::in_memory().unwrap();
    // The jury's text matches better, so its circle is the one shown.
    let both = |scope: &str, q: u16| {
        let text = if scope == "public" {
            "Solceller på taket, och mycket annat om kommunens arbete under året som gått."
        } else {
            "Solceller, solceller på taket."
        };
        answer(scope, 2019, "0186", q, text)
    };
    index
        .rebuild([
            both("public", 1),
            both("jury:digitaliseringskommun/2019", 1),
            both("jury:digitaliseringskommun/2019", 2),
            both("jury:digitaliseringskommun/2019", 3),
            answer("public", 2019, "0180", 1, "Solceller i skolan."),
        ])
        .unwrap();
    let reader = Filters {
        scopes: vec!["public".to_owned(), "jury:digitaliseringskommun/2019".to_owned()],
        ..public()
    };
    let found = index.find("solceller", &reader, Order::Relevance, 0..1).unwrap();
    assert_eq!(found.entries, 2, "two entries matched, each once");
    assert_eq!(found.hits.len(), 1, "the limit");
    let second = index.find("solceller", &reader, Order::Relevance, 1..2).unwrap();
    assert_eq!(second.hits.len(), 1, "the second page");
    assert_ne!(second.hits[0].code, found.hits[0].code);
    let all = index.find("solceller", &reader, Order::Relevance, 0..10).unwrap();
    let lidingo = all.hits.iter().find(|h| h.code == "0186").unwrap();
    assert_eq!(all.hits.len(), 2);
    assert_eq!(lidingo.scope, "jury:digitaliseringskommun/2019");
    assert_eq!(lidingo.answers.len(), juryn_search::PASSAGES_PER_ENTRY);
    assert_eq!(lidingo.also.len(), 3 - juryn_search::PASSAGES_PER_ENTRY, "the rest named by question");
}

#[test]
fn an_entry_is_replaced_and_taken_out_at_once() {
    let index = demo();
    let key = ("digitaliseringskommun", 2019, "0186");
    index
        .replace_entry("public", key, &[answer("public", 2019, "0186", 1, "Nu handlar det om skolskjuts.")])
        .unwrap();
    assert!(index.search("bygglov", &public(), Order::Relevance, 10).unwrap().is_empty());
    assert_eq!(index.search("skolskjuts", &public(), Order::Relevance, 10).unwrap().len(), 1);
    index.replace_entry("public", key, &[]).unwrap();
    assert!(index.search("skolskjuts", &public(), Order::Relevance, 10).unwrap().is_empty(), "erased");
    assert_eq!(index.answers(), 4);
}

#[test]
fn an_index_on_disk_is_there_after_a_reopen() {
    let dir = tempfile::tempdir().unwrap();
    {
        let index = SearchIndex::open_in(dir.path()).unwrap();
        index.rebuild([answer("public", 2019, "0186", 1, "bygglov")]).unwrap();
    }
    let again = SearchIndex::open_in(dir.path()).unwrap();
    assert_eq!(again.search("bygglov", &public(), Order::Relevance, 10).unwrap().len(), 1);
}

#[test]
fn bad_queries_find_nothing_and_never_fail() {
    let index = demo();
    let long = "bygglov ".repeat(2_000);
    for q in
        ["", "och att", "!!!", "\"", "text:bygglov", "*", "bygglov~2", "bygglov^5", "(", "AND OR NOT", &long]
    {
        index.search(q, &public(), Order::Relevance, 10).unwrap_or_else(|e| panic!("{q:?}: {e}"));
    }
    assert_eq!(
        codes(&index.search("text:bygglov", &public(), Order::Relevance, 10).unwrap()),
        Vec::<String>::new()
    );
    assert_eq!(codes(&index.search(&long, &public(), Order::Relevance, 10).unwrap()), ["2019/0186"]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    /// Whatever is typed, a search answers, and never with text outside the reader's scopes.
    #[test]
    fn any_query_answers_and_keeps_to_its_scope(q in "\\PC{0,60}") {
        let index = demo();
        let hits = index.search(&q, &public(), Order::Relevance, 50).unwrap();
        prop_assert!(hits.iter().all(|h| h.code != "0180"), "the jury's text in a public search: {q:?}");
    }
}
