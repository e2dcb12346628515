//! Search as its readers try it: the public finds published text from its second and nothing
//! else; a juror finds a submission at once and never a conflicted entry; every hit, for any
//! reader at any moment, is a page that reader may open; hostile queries get a page or a 400.

use axum::http::StatusCode;
use jiff::Timestamp;
use juryn_domain::{EntryStatus, Grant, MunicipalityCode, Phase, Role, Scope, Slug};
use juryn_store::{EntrySave, demo};

use crate::helpers::{Browser, Page, TestApp, by, person, spawn_app_at};

const PASSWORD: &str = "correct horse battery staple";
/// The booklet and the open data of 2019 are public from 14 June 2019, 10:00 in Stockholm.
const BEFORE: &str = "2019-06-14T07:59:59Z";
const PUBLISHED: &str = "2019-06-14T08:00:00Z";
const NOW: &str = "2026-11-26T12:00:00Z";

fn slug() -> Slug {
    Slug::parse(demo::AWARD_SLUG).unwrap()
}

fn code(c: &str) -> MunicipalityCode {
    MunicipalityCode::parse(c).unwrap()
}

/// 2019 nominated, its booklet and open data published at `PUBLISHED`; the clock at `now`.
async fn published_at(now: &str) -> TestApp {
    let app = spawn_app_at(Some(now)).await;
    demo::load_at(&*app.store, Phase::Nominated, "2019-06-01T00:00:00Z".parse().unwrap()).await.unwrap();
    juryn_web::booklet::demo::load(&*app.store, Phase::Nominated).await.unwrap();
    app.sync().await;
    app
}

async fn shortlisting() -> TestApp {
    let app = spawn_app_at(Some(NOW)).await;
    demo::load_at(&*app.store, Phase::Shortlisting, NOW.parse::<Timestamp>().unwrap()).await.unwrap();
    app.sync().await;
    app
}

async fn juror<'a>(app: &'a TestApp, name: &str) -> Browser<'a> {
    let email = demo::juror_email(name);
    person(app, &email, Some(PASSWORD), &[]).await;
    let mut b = app.browser();
    assert_eq!(b.sign_in(&email, PASSWORD).await.status, StatusCode::SEE_OTHER, "{name} signs in");
    b
}

async fn signed_in<'a>(app: &'a TestApp, email: &str, grants: &[Grant]) -> Browser<'a> {
    if app.store.user_by_email(email).await.unwrap().is_none() {
        person(app, email, Some(PASSWORD), grants).await;
    }
    let mut b = app.browser();
    assert_eq!(b.sign_in(email, PASSWORD).await.status, StatusCode::SEE_OTHER, "{email} signs in");
    b
}

/// The links of the entries a search page found, in order.
fn found(page: &Page) -> Vec<String> {
    assert_eq!(page.status, StatusCode::OK, "{}", &page.body[..page.body.len().min(400)]);
    page.body
        .split("<h3><a href=\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap_or_default().replace("&#x2f;", "/").replace("&#47;", "/"))
        .collect()
}

fn q(text: &str) -> String {
    format!(
        "/sok?q={}",
        text.replace(' ', "+").replace('ö', "%C3%B6").replace('å', "%C3%A5").replace('ä', "%C3%A4")
    )
}

/// Saves an entry's answers as its municipality would, submitted or not, while the call was
/// open (the shortlisting demo's call closed the day before `NOW`; 2019's in March).
async fn save(app: &TestApp, c: &str, status: EntryStatus, first_answer: &str) {
    let when: Timestamp = if app.state.now() > "2020-01-01T00:00:00Z".parse().unwrap() {
        "2026-11-16T12:00:00Z".parse().unwrap()
    } else {
        "2019-03-10T12:00:00Z".parse().unwrap()
    };
    app.store.ensure_entry(&slug(), 2019, code(c), &by("test")).await.unwrap();
    let record = app.store.entry_record(&slug(), 2019, code(c)).await.unwrap().unwrap();
    let save = EntrySave {
        expected_version: record.version,
        status,
        answers: vec![first_answer.to_owned(), "Effekten.".to_owned(), "Lärdomen.".to_owned()],
        consent: true,
        submitted_at: (status == EntryStatus::Submitted).then_some(when),
    };
    let outcome = app
        .store
        .save_entry(&slug(), 2019, code(c), &save, &juryn_store::Stamp::new("test", when))
        .await
        .unwrap();
    assert!(matches!(outcome, juryn_store::SaveOutcome::Saved { .. }), "{outcome:?}");
    app.sync().await;
}

#[tokio::test]
async fn the_public_finds_published_text_from_its_second_and_nothing_else() {
    let app = published_at(BEFORE).await;
    assert!(found(&app.get(&q("Lidingö")).await).is_empty(), "not a second early");
    let api = app.get("/api/v1/search?q=Liding%C3%B6").await.json();
    assert_eq!(api["count"], 0);
    let at = app.at(PUBLISHED);
    let hits = found(&at.get(&q("Lidingö")).await);
    assert_eq!(
        hits,
        ["/digitaliseringskommun/2019/skrift/0186"],
        "the booklet's chapter, as the pages show it"
    );
    let api = at.get("/api/v1/search?q=Liding%C3%B6").await.json();
    assert_eq!(api["results"][0]["code"], "0186");
    assert_eq!(api["results"][0]["jury"], false);
    // Uppsala did not consent: its answers are in no public result, by name or by word.
    assert!(found(&at.get(&q("Uppsala")).await).is_empty());
    // A draft is nobody's to find.
    save(&app, "0162", EntryStatus::Draft, "Vi bygger kvantdatorer i källaren.").await;
    assert!(found(&at.get(&q("kvantdatorer")).await).is_empty());
    // Compounds and stems, as the issue names them.
    let page = at.get(&q("bygglov")).await;
    assert_eq!(page.status, StatusCode::OK);
    let page = at.get(&q("e-tjänst")).await;
    assert!(!found(&page).is_empty(), "e-tjänst finds e-tjänsteplattform");
    page.assert_has("<mark>");
    // A phrase in quotes.
    let phrase = found(&at.get("/sok?q=%22digital+coach%22").await);
    let loose = found(&at.get("/sok?q=coach+digital").await);
    assert!(!phrase.is_empty() && phrase.len() <= loose.len());
    // Filters narrow; sorting by year answers.
    let stockholm = found(&at.get("/sok?q=kommunen&lan=01").await);
    let all = found(&at.get("/sok?q=kommunen").await);
    assert!(!stockholm.is_empty() && stockholm.len() < all.len());
    assert!(found(&at.get("/sok?q=kommunen&ar=2019&fraga=2&typ=kommun&ordning=ar").await).len() <= all.len());
    // Ten to a page, every entry once over the pages; the count says how many in all.
    let first = at.get("/sok?q=kommunen").await;
    first.assert_has("42 bidrag med ”kommunen”").assert_has("Sida 1 av 5").assert_has("rel=\"next\"");
    let mut seen = std::collections::BTreeSet::new();
    for page in 1..=5 {
        let hits = found(&at.get(&format!("/sok?q=kommunen&sida={page}")).await);
        assert!(hits.len() <= 10);
        seen.extend(hits);
    }
    assert_eq!(seen.len(), 42, "each entry on one page");
    assert_eq!(at.get("/sok?q=kommunen&sida=99").await.status, StatusCode::BAD_REQUEST);
    let api = at.get("/api/v1/search?q=kommunen&sida=2").await.json();
    assert_eq!(
        (api["count"].as_u64(), api["page"].as_u64(), api["pages"].as_u64()),
        (Some(42), Some(2), Some(5))
    );
}

#[tokio::test]
async fn a_juror_finds_a_submission_at_once_and_never_a_conflicted_entry() {
    let app = shortlisting().await;
    // Jonas Berg is conflicted with Karlskrona (1080); Anders Wikström is not.
    let mut jonas = juror(&app, "Jonas Berg").await;
    let mut anders = juror(&app, "Anders Wikström").await;
    let karlskrona = "/jury/digitaliseringskommun/2019/bidrag/1080";
    let by_anders = found(&anders.get(&q("Karlskrona")).await);
    assert!(by_anders.contains(&karlskrona.to_owned()), "{by_anders:?}");
    anders.get(&q("Karlskrona")).await.assert_has("Juryns underlag");
    assert!(!found(&jonas.get(&q("Karlskrona")).await).contains(&karlskrona.to_owned()));
    assert!(found(&app.get(&q("Karlskrona")).await).is_empty(), "nothing is public yet");

    // Danderyd submits: the jury finds it at once; the public never.
    save(&app, "0162", EntryStatus::Submitted, "Vi bygger kvantdatorer i källaren.").await;
    assert_eq!(
        found(&anders.get(&q("kvantdatorer")).await),
        ["/jury/digitaliseringskommun/2019/bidrag/0162"]
    );
    assert!(found(&app.get(&q("kvantdatorer")).await).is_empty());
    // Changed while submitted (same status, same length or not): the old words go, the new come.
    save(&app, "0162", EntryStatus::Submitted, "Vi bygger fusionsreaktor i källaren.").await;
    assert!(found(&anders.get(&q("kvantdatorer")).await).is_empty());
    assert_eq!(found(&anders.get(&q("fusionsreaktor")).await).len(), 1);
    // Withdrawn, it is gone from the jury's search too.
    save(&app, "0162", EntryStatus::Withdrawn, "Vi bygger kvantdatorer i källaren.").await;
    assert!(found(&anders.get(&q("kvantdatorer")).await).is_empty());
    // A conflict declared now holds at once.
    let anders_id = app.store.user_by_email(&demo::juror_email("Anders Wikström")).await.unwrap().unwrap().id;
    let set =
        juryn_domain::conflict::Ruling::Set { municipality: code("1080"), reason: "arbetar där".into() };
    app.store.add_ruling(&slug(), 2019, anders_id, &set, None, &by("t")).await.unwrap();
    app.sync().await;
    let mut anders = juror(&app, "Anders Wikström").await;
    assert!(!found(&anders.get(&q("Karlskrona")).await).contains(&karlskrona.to_owned()));
}

/// For readers of every kind, before and after the publication, and words drawn from the
/// answers: every hit is a page that reader may open.
#[tokio::test]
async fn every_hit_is_a_page_its_reader_may_open() {
    let app = published_at(BEFORE).await;
    save(&app, "0162", EntryStatus::Draft, "Ett utkast om bredband och e-tjänster.").await;
    let edition = Scope::Edition(slug(), 2019);
    let grant = |role, municipality: Option<&str>| Grant {
        role,
        scope: edition.clone(),
        municipality: municipality.map(code),
    };
    // Words from the answers, picked by a seeded generator so the test is the same every run.
    let words: Vec<String> = demo::entries()
        .iter()
        .flat_map(|e| {
            e.answers.iter().flat_map(|a| a.split_whitespace().map(str::to_owned).collect::<Vec<_>>())
        })
        .filter(|w| w.chars().count() > 4)
        .collect();
    let mut seed: u64 = 0x5eed;
    let mut next = move || {
        seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize
    };
    for moment in [BEFORE, PUBLISHED] {
        let at = app.at(moment);
        let mut readers: Vec<(&str, Browser<'_>)> = vec![
            ("the public", at.browser()),
            ("Jonas Berg, conflicted", juror(&at, "Jonas Berg").await),
            ("Anders Wikström", juror(&at, "Anders Wikström").await),
            ("an organiser", signed_in(&at, "org@example.se", &[Grant::organiser()]).await),
            ("an expert", signed_in(&at, "expert@example.se", &[grant(Role::Expert, None)]).await),
            (
                "Lidingö's contact",
                signed_in(&at, "lidingo@example.se", &[grant(Role::EntrantContact, Some("0186"))]).await,
            ),
        ];
        let mut opened = 0;
        for (who, reader) in &mut readers {
            for _ in 0..6 {
                let word =
                    words[next() % words.len()].trim_matches(|c: char| !c.is_alphanumeric()).to_owned();
                let page = reader.get(&format!("/sok?q={}", percent(&word))).await;
                for href in found(&page) {
                    let opens = reader.get(&href).await;
                    assert_eq!(
                        opens.status,
                        StatusCode::OK,
                        "{who} at {moment} found {href} for '{word}' but may not open it"
                    );
                    opened += 1;
                }
            }
        }
        if moment == PUBLISHED {
            assert!(opened > 10, "the readers found something to open ({opened})");
        }
    }
}

fn percent(s: &str) -> String {
    s.bytes()
        .map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") })
        .collect()
}

#[tokio::test]
async fn hostile_queries_get_a_page_or_a_400_never_a_500() {
    let app = published_at(PUBLISHED).await;
    let long = "x".repeat(10_000);
    for query in [
        long.as_str(),
        "%22unbalanced",
        "field%3Ax",
        "*",
        "a~2%5E5",
        ".%2C%3B",
        "och+att+det+som",
        "title%3A%22a%22+AND+%28b+OR+c%29",
        "%00%01",
    ] {
        for path in ["/sok?q=", "/api/v1/search?q="] {
            let page = app.get(&format!("{path}{query}")).await;
            assert_eq!(page.status, StatusCode::OK, "{path}{}", &query[..query.len().min(30)]);
        }
    }
    app.get("/sok?q=och+att+det").await.assert_has("0 bidrag");
    // Not UTF-8: named, in the page's language.
    let bad = app.get("/sok?q=%FF%FE").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    bad.assert_has("går inte att läsa som text");
    assert_eq!(app.get("/api/v1/search?q=%FF%FE").await.status, StatusCode::BAD_REQUEST);
    // An unknown filter value: the page names it and keeps what was typed.
    let bad = app.get("/sok?q=bredband&ar=1999").await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    bad.assert_has("”1999” är inget giltigt värde").assert_has("value=\"bredband\"");
    let en = app.get("/sok?q=bredband&lan=99&lang=en").await;
    assert_eq!(en.status, StatusCode::BAD_REQUEST);
    en.assert_has("is not a valid value");
    let api = app.get("/api/v1/search?q=bredband&typ=kommunalt").await;
    assert_eq!(api.status, StatusCode::BAD_REQUEST);
    assert_eq!(api.json()["error"], "bad_query");
    // Markup in a query is text.
    app.get("/sok?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E").await.assert_lacks("<script>alert");
}

#[tokio::test]
async fn the_pulse_is_public_from_the_booklet_and_the_organisers_see_it_before() {
    let app = published_at(BEFORE).await;
    const PULSE: &str = "/digitaliseringskommun/2019/pulsen";
    assert_eq!(app.get(PULSE).await.status, StatusCode::NOT_FOUND, "not a second early");
    assert_eq!(app.get(&format!("{PULSE}/deltagande.csv")).await.status, StatusCode::NOT_FOUND);
    let mut org = signed_in(&app, "org@example.se", &[Grant::organiser()]).await;
    org.get(PULSE).await.assert_has("Du ser pulsen som arrangör").assert_has("42 bidrag");
    let at = app.at(PUBLISHED);
    let page = at.get(PULSE).await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_has("42 bidrag från 42 av Sveriges 290 kommuner")
        .assert_has("Stockholms län")
        .assert_has("<svg")
        .assert_has("/sok?q=")
        .assert_lacks("Du ser pulsen som arrangör");
    let csv = at.get(&format!("{PULSE}/deltagande.csv")).await;
    assert_eq!(csv.status, StatusCode::OK);
    assert_eq!(csv.body.lines().count(), 22, "a header and 21 counties");
    assert!(csv.body.contains("01,Stockholms län,"), "{}", csv.body);
    let terms = at.get(&format!("{PULSE}/termer.csv")).await;
    assert!(terms.body.lines().count() > 1, "{}", terms.body);
    at.get(&format!("{PULSE}?lang=en")).await.assert_has("The pulse 2019");
    assert_eq!(at.get(&format!("{PULSE}/nothing.csv")).await.status, StatusCode::NOT_FOUND);
    let award = at.get("/digitaliseringskommun/pulsen").await;
    assert_eq!(award.status, StatusCode::OK);
    award.assert_has("/digitaliseringskommun/2019/pulsen");
    assert_eq!(at.get("/no-such-award/pulsen").await.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_later_editions_show_their_maturity_and_their_own_words() {
    let now = "2026-11-26T12:00:00Z";
    let app = spawn_app_at(Some(now)).await;
    demo::load_at(&*app.store, Phase::Announced, now.parse().unwrap()).await.unwrap();
    juryn_web::booklet::demo::load(&*app.store, Phase::Announced).await.unwrap();
    app.sync().await;
    let page = app.get("/digitaliseringskommun/2021/pulsen").await;
    assert_eq!(page.status, StatusCode::OK);
    page.assert_has("Informationssäkerhet")
        .assert_has("Jämfört med svaren 2019, 2023")
        .assert_has("q=pandemin");
    let maturity = app.get("/digitaliseringskommun/2021/pulsen/mognad.csv").await;
    assert!(maturity.body.contains("Informationssäkerhet,alla,"), "{}", maturity.body);
    let trend = app.get("/digitaliseringskommun/pulsen/utveckling.csv").await;
    for year in ["2019,deltagande", "2021,Informationssäkerhet", "2023,Öppna data"] {
        assert!(trend.body.contains(year), "{year} in {}", trend.body);
    }
    // The term links to its search, which finds it in that year.
    let hits = found(&app.get("/sok?q=pandemin&pris=digitaliseringskommun&ar=2021&fraga=1").await);
    assert!(!hits.is_empty() && hits.iter().all(|h| h.contains("/2021/skrift/")), "{hits:?}");
}
