//! An award, its editions and their timelines made from nothing on the command line.

use crate::helpers::*;

#[test]
fn an_award_its_edition_and_timeline_are_made_from_nothing_on_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let url = test_database(dir.path(), "juryn");
    let db = ["--database", url.as_str()];
    let with = |args: &[&'static str]| -> Vec<String> {
        args.iter().map(|a| (*a).to_owned()).chain(db.iter().map(|a| (*a).to_owned())).collect()
    };
    let ok = |args: &[&'static str]| {
        let a = with(args);
        run_ok(&a.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let refused = |args: &[&'static str], needle: &str| {
        let a = with(args);
        run_refused(&a.iter().map(String::as_str).collect::<Vec<_>>(), needle);
    };
    assert!(ok(&["award", "list"]).contains("No awards yet"));
    assert!(
        ok(&["award", "add", "--slug", "testpriset", "--name", "Testpriset"])
            .contains("Created the award Testpriset")
    );
    refused(&["award", "add", "--slug", "testpriset", "--name", "Igen"], "already an award");
    refused(&["award", "add", "--slug", "Fel Slug", "--name", "X"], "slug");
    ok(&["edition", "add", "--award", "testpriset", "--year", "2021", "--ordinal", "11"]);
    refused(&["edition", "add", "--award", "testpriset", "--year", "2021"], "already has an edition 2021");
    refused(&["edition", "add", "--award", "testpriset", "--year", "1899"], "outside 1900–2100");
    refused(&["edition", "add", "--award", "nopris", "--year", "2021"], "no award nopris");
    refused(
        &["edition", "add", "--award", "testpriset", "--year", "2023", "--copy-from", "2019"],
        "no edition 2019",
    );
    let t = ["timeline", "add", "--award", "testpriset", "--year", "2021"];
    let add = |kind: &'static str, date: &'static str, text: &'static str| {
        let mut a: Vec<&'static str> = t.to_vec();
        a.extend(["--kind", kind, "--date", date, "--text", text]);
        a
    };
    ok(&add("gala", "november 2021", "Galan"));
    ok(&add("call-closes", "29 april 2021", "Sista dag att anmäla"));
    ok(&add("site-visits", "september–oktober 2021", "Digitala möten"));
    refused(&add("gala", "31 februari 2021", "Omöjlig"), "cannot read the date");
    refused(&add("gala", "maj–april 2021", "Baklänges"), "ends before it starts");
    refused(&add("call-opens", "1 maj 2021", "Öppnar efter stängning"), "close before it opens");
    refused(&add("galan", "2021", "Fel sort"), "unknown kind");
    let long: &'static str = Box::leak("x".repeat(10_000).into_boxed_str());
    refused(&add("other", "2021", long), "longer than 500");
    let list = ok(&["timeline", "list", "--award", "testpriset", "--year", "2021"]);
    let lines: Vec<&str> = list.lines().collect();
    assert_eq!(lines.len(), 3, "{list}");
    // In date order, whatever order they were added in.
    assert!(lines[0].contains("29 april 2021") && lines[0].contains("Sista dag att anmäla"), "{list}");
    assert!(lines[1].contains("September–oktober 2021"), "{list}");
    assert!(lines[2].contains("November 2021") && lines[2].contains("gala"), "{list}");
    assert!(ok(&["award", "list"]).contains("testpriset\tTestpriset\t2021"));

    // The gala postponed: a move, which the list shows, of the one milestone of that kind.
    let mv = ["timeline", "move", "--award", "testpriset", "--year", "2021"];
    let moved = ok(&[&mv[..], &["--kind", "gala", "--date", "2 maj 2022"]].concat());
    assert!(moved.contains("Moved Galan in Testpriset 2021 from November 2021 to 2 maj 2022"), "{moved}");
    assert_eq!(moved.lines().count(), 1);
    refused(&[&mv[..], &["--kind", "gala", "--date", "2 maj 2022"]].concat(), "already on 2 maj 2022");
    refused(&[&mv[..], &["--kind", "booklet", "--date", "juni 2021"]].concat(), "no booklet milestone");
    refused(&[&mv[..], &["--kind", "gala", "--date", "31 februari 2022"]].concat(), "cannot read the date");
    let list = ok(&["timeline", "list", "--award", "testpriset", "--year", "2021"]);
    assert!(list.contains("2 maj 2022\tgala\tGalan\t(moved from November 2021)"), "{list}");
}

#[test]
fn an_edition_copied_from_an_earlier_one_takes_its_questionnaire_not_its_entries() {
    let dir = tempfile::tempdir().unwrap();
    let url = test_database(dir.path(), "juryn");
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let store = juryn_store::open(&url).await.unwrap();
        juryn_store::demo::load_at(&*store, juryn_domain::Phase::Announced, jiff::Timestamp::now())
            .await
            .unwrap();
    });
    let out = run_ok(&[
        "edition",
        "add",
        "--award",
        "digitaliseringskommun",
        "--year",
        "2025",
        "--copy-from",
        "2019",
        "--database",
        &url,
    ]);
    assert!(out.contains("3 questions"), "{out}");
    rt.block_on(async {
        let store = juryn_store::open(&url).await.unwrap();
        let slug = juryn_domain::Slug::parse("digitaliseringskommun").unwrap();
        let (old, new) =
            (store.questions(&slug, 2019).await.unwrap(), store.questions(&slug, 2025).await.unwrap());
        assert_eq!(old, new);
        assert_eq!(store.criteria(&slug, 2019).await.unwrap(), store.criteria(&slug, 2025).await.unwrap());
        assert_eq!(store.jury(&slug, 2025).await.unwrap().len(), 7);
        let e = store.edition(&slug, 2025).await.unwrap().unwrap();
        assert_eq!((e.phase, e.winner, e.nominees.len()), (juryn_domain::Phase::Draft, None, 0));
        assert!(store.entries(&slug, 2025).await.unwrap().is_empty(), "no entries carry over");
        assert!(store.timeline(&slug, 2025).await.unwrap().is_empty());
        // The programme moves by whole years: the 2019 gala on 12 November becomes 2025's.
        let gala = store.events(&slug, 2025).await.unwrap().into_iter().next().expect("the programme");
        let day = gala.starts_at.to_zoned(juryn_domain::call::stockholm()).date();
        assert_eq!(day, jiff::civil::date(2025, 11, 12));
    });
}
