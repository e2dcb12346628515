//! A synthetic award at the size of a real year, loaded beside the demo (`juryn demo
//! --synthetic 290x15`) so that anyone can reproduce the load figures: *Syntetiska priset*, three
//! editions of N municipalities' entries with three long answers each (1,500 words by default);
//! the two earlier editions replayed as history (a first cut, the nominees, a sealed decision,
//! announced), the latest at shortlisting with J jurors, their automatic and declared conflicts,
//! three reviewers per entry, every review submitted and a discussion on a few entries.
//!
//! Everything is generated from fixed seeds: loading twice on one day changes nothing.

use jiff::civil::{Date, date};
use jiff::{Span, Timestamp};
use juryn_domain::conflict::Ruling;
use juryn_domain::questionnaire::Question;
use juryn_domain::ranking::SplitMix64;
use juryn_domain::review::Score;
use juryn_domain::round::Round;
use juryn_domain::{
    Award, CallWindow, Edition, EntryStatus, Juror, LocalizedText, MilestoneKind, MunicipalityCode, Phase,
    Registry, Slug,
};

use super::history::{Story, tell};
use super::sdk2019::{milestone, stockholm};
use super::stamp;
use crate::model::{EditionContent, EntryContent};
use crate::{Result, ReviewSave, Store, StoreError};

/// The synthetic award's address.
pub const AWARD_SLUG: &str = "syntetiskt";

/// How big the synthetic award is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    /// Entries per edition (at most the 290 municipalities).
    pub entries: usize,
    /// Jurors of the latest edition.
    pub jurors: usize,
    /// Words per answer, roughly.
    pub words: usize,
}

impl Scale {
    /// Reads `290x15` (entries × jurors) or `290x15x1500` (and words per answer).
    pub fn parse(s: &str) -> std::result::Result<Scale, String> {
        let parts: Vec<&str> = s.split(['x', '×']).collect();
        let number = |p: &str| p.trim().parse::<usize>().map_err(|_| format!("{p:?} is not a number"));
        let (entries, jurors, words) = match parts.as_slice() {
            [e, j] => (number(e)?, number(j)?, 1_500),
            [e, j, w] => (number(e)?, number(j)?, number(w)?),
            _ => return Err(format!("{s:?}: write ENTRIESxJURORS, e.g. 290x15")),
        };
        let most = Registry::sweden().len();
        if !(REVIEWERS..=most).contains(&entries) {
            return Err(format!("entries must be between {REVIEWERS} and {most}, not {entries}"));
        }
        if !(REVIEWERS + 1..=200).contains(&jurors) {
            return Err(format!("jurors must be between {} and 200, not {jurors}", REVIEWERS + 1));
        }
        if !(10..=10_000).contains(&words) {
            return Err(format!("words per answer must be between 10 and 10000, not {words}"));
        }
        Ok(Scale { entries, jurors, words })
    }
}

/// Reviewers per entry.
const REVIEWERS: usize = 3;

fn slug() -> Slug {
    Slug::parse(AWARD_SLUG).expect("synthetic slug")
}

/// The municipalities taking part: `n` spread evenly over the register, so every county has some.
pub fn participants(n: usize) -> Vec<MunicipalityCode> {
    let all: Vec<MunicipalityCode> = Registry::sweden().all().map(|m| m.code).collect();
    (0..n).map(|i| all[i * all.len() / n]).collect()
}

/// Loads (or brings up to date) the synthetic award at `scale`; `now` places the latest edition.
pub async fn load(store: &dyn Store, scale: Scale, now: Timestamp) -> Result<()> {
    let by = stamp(now);
    store.put_award(&award(), &by).await?;
    let today = super::phases::today(now);
    let latest = today.year();
    for (k, year) in [latest - 4, latest - 2].into_iter().enumerate() {
        tell(store, history(scale, year, k), (Phase::Announced, now)).await?;
    }
    current(store, scale, (latest, today), now).await
}

fn award() -> Award {
    Award {
        slug: slug(),
        name: LocalizedText::new("Syntetiska priset", "The Synthetic Award"),
        organiser: "Exempelorganisationen".into(),
        description: LocalizedText::new(
            "Ett påhittat pris i full skala för att mäta juryn: alla svar, jurymedlemmar och \
             bedömningar är genererade exempeldata.",
            "An invented award at full scale for measuring juryn: every answer, juror and review \
             is generated example data.",
        ),
        criterion: LocalizedText::new(
            "Den kommun som bäst har använt digitaliseringen (exempeltext).",
            "The municipality that has made best use of digitalisation (example text).",
        ),
        how_chosen: LocalizedText::new(
            "Juryn gallrar i två omgångar och utser en vinnare (exempeltext).",
            "The jury cuts in two rounds and chooses a winner (example text).",
        ),
        prize: LocalizedText::new("Ett diplom (exempeltext).", "A diploma (example text)."),
        logo: None,
    }
}

fn questions(words: usize) -> Vec<Question> {
    // Room for the generated answers, whose length is approximate.
    let limit = Some(u32::try_from(words * 2).unwrap_or(u32::MAX));
    let q = |sv: &str, en: &str| Question::long_text(LocalizedText::new(sv, en), limit);
    vec![
        q(
            "Vilket utvecklingsarbete inom digitalisering är ni mest stolta över?",
            "Which development work in digitalisation are you most proud of?",
        ),
        q("Vilken effekt har arbetet haft?", "What effect has the work had?"),
        q("Vilka lärdomar har ni dragit?", "What lessons have you learned?"),
    ]
}

/// 2021's two rounds (nomination, then the final nomination), the first sized to the call.
fn rounds(entries: usize) -> Vec<Round> {
    let mut rounds = super::sdk2021::rounds();
    rounds[0].most =
        u16::try_from((entries / 10).clamp(6, usize::from(juryn_domain::award::MAX_SHORTLIST))).unwrap_or(6);
    rounds
}

/// An edition of `year` with its call, announcement and timeline; `phase` as it starts.
fn content(
    scale: Scale,
    year: i16,
    (opens, closes, gala): (Date, Date, Date),
    jury: Vec<Juror>,
) -> EditionContent {
    let span = |d: Date| d.to_string();
    let timeline = vec![
        milestone(MilestoneKind::CallCloses, &span(closes), "Sista dag för bidrag", "Last day for entries"),
        milestone(
            MilestoneKind::Shortlist,
            &span(closes.saturating_add(Span::new().days(45))),
            "Nominering",
            "Nominees",
        ),
        milestone(MilestoneKind::Gala, &span(gala), "Gala", "Gala"),
    ];
    EditionContent {
        edition: Edition {
            award: slug(),
            year,
            ordinal: None,
            phase: Phase::Shortlisting,
            selection: LocalizedText::new(
                "Juryn nominerar i två omgångar och utser vinnaren vid ett möte (exempeltext).",
                "The jury nominates in two rounds and chooses the winner in a meeting (example text).",
            ),
            nominees_public_at: None,
            announce_at: Some(stockholm(gala, 19, 0)),
            nominees: Vec::new(),
            winner: None,
            shortlist_min: 3,
            shortlist_max: 5,
            call: CallWindow {
                opens_at: Some(stockholm(opens, 9, 0)),
                closes_at: Some(stockholm(closes, 23, 59)),
                grace_minutes: 0,
            },
        },
        timeline,
        jury,
        criteria: super::sdk2019::criteria(),
        questions: questions(scale.words),
        carried: crate::Carryover::default(),
    }
}

fn entries(scale: Scale, year: i16, first: Date) -> Vec<EntryContent> {
    participants(scale.entries)
        .into_iter()
        .enumerate()
        .map(|(i, code)| {
            let day = first.saturating_add(Span::new().days(i as i64 % 30));
            EntryContent {
                municipality: code,
                status: EntryStatus::Submitted,
                submitted_at: Some(stockholm(day, 8 + (i % 9) as i8, (i * 7 % 60) as i8)),
                answers: answers(code, year, scale.words),
                is_example: true,
            }
        })
        .collect()
}

/// An earlier edition as history: a first cut of the best by a fixed order, three nominees,
/// the first of them the winner.
fn history(scale: Scale, year: i16, k: usize) -> Story {
    let y = year;
    let content = content(
        scale,
        y,
        (date(y, 1, 15), date(y, 3, 31), date(y, 11, 20)),
        vec![juror(0, &participants(scale.entries), k)],
    );
    let codes = participants(scale.entries);
    let name = |i: usize| static_code(codes[(i * 7 + k * 3) % codes.len()]);
    let cut_size = usize::from(rounds(scale.entries)[0].least.max(6));
    let cut: Vec<&'static str> = (0..cut_size).map(name).collect();
    let nominees: Vec<&'static str> = cut[..3].to_vec();
    Story {
        content,
        entries: entries(scale, y, date(y, 2, 1)),
        started: stockholm(date(y, 4, 2), 9, 0),
        rounds: rounds(scale.entries),
        joint: Vec::new(),
        cuts: vec![(cut, stockholm(date(y, 5, 2), 10, 0))],
        shortlist: (nominees.clone(), stockholm(date(y, 6, 1), 10, 0)),
        review: (stockholm(date(y, 9, 1), 9, 0), stockholm(date(y, 10, 20), 15, 0)),
        decision: (nominees[0], "Vinnaren har gjort digitaliseringen till hela kommunens sak (exempeltext)."),
        gala: stockholm(date(y, 11, 20), 19, 0),
    }
}

/// The code as the register holds it, for a story's lists.
fn static_code(code: MunicipalityCode) -> &'static str {
    Registry::sweden().get(code).map_or("0114", |m| m.code.as_str())
}

const FIRST: [&str; 15] = [
    "Alva", "Bertil", "Cecilia", "David", "Elin", "Fredrik", "Greta", "Henrik", "Ingrid", "Johan", "Klara",
    "Lennart", "Maja", "Nils", "Olivia",
];
const LAST: [&str; 13] = [
    "Andersson",
    "Bergström",
    "Carlsson",
    "Dahl",
    "Ek",
    "Falk",
    "Gustafsson",
    "Holm",
    "Isaksson",
    "Jansson",
    "Karlsson",
    "Lund",
    "Mattsson",
];

/// The `j`th synthetic juror (the first the chair), living in one of the entries' municipalities
/// so that the automatic conflicts are real.
fn juror(j: usize, codes: &[MunicipalityCode], salt: usize) -> Juror {
    Juror {
        name: format!("{} {}", FIRST[(j + salt) % FIRST.len()], LAST[(j * 5 + salt) % LAST.len()]),
        title: LocalizedText::new("Jurymedlem (exempel)", "Juror (example)"),
        organisation: "Exempelorganisationen".into(),
        home_municipality: Some(codes[(j * 37 + 11) % codes.len()]),
        is_chair: j == 0,
        is_example: true,
    }
}

/// The synthetic juror's address: `juror01.syntetiskt@example.invalid`.
pub fn juror_email(j: usize) -> String {
    format!("juror{:02}.{AWARD_SLUG}@example.invalid", j + 1)
}

/// The latest edition at shortlisting: entries, rounds, the jury's accounts and conflicts, three
/// reviewers per entry, every review submitted, a few discussions.
async fn current(store: &dyn Store, scale: Scale, (year, today): (i16, Date), now: Timestamp) -> Result<()> {
    let slug = slug();
    let by = stamp(now);
    let codes = participants(scale.entries);
    let jury: Vec<Juror> = (0..scale.jurors).map(|j| juror(j, &codes, 0)).collect();
    let day = |d: i64| today.saturating_add(Span::new().days(d));
    let mut content = content(scale, year, (day(-90), day(-30), day(180)), jury.clone());
    // Moved on by hand since it was loaded: left as it is.
    if store.edition(&slug, year).await?.is_some_and(|e| e.phase != Phase::Shortlisting) {
        return Ok(());
    }
    juryn_domain::juror::sort_jury(&mut content.jury);
    store.put_edition(&content, &by).await?;
    for entry in entries(scale, year, day(-60)) {
        store.put_entry(&slug, year, &entry, &by).await?;
    }
    if store.rounds(&slug, year).await?.is_empty() {
        store
            .put_rounds(&slug, year, &rounds(scale.entries), &by)
            .await?
            .map_err(|r| refused("rounds", r))?;
    }
    let mut ids = Vec::new();
    for (j, juror) in jury.iter().enumerate() {
        ids.push(super::jury::account(store, (&slug, year), juror, &juror_email(j), &by).await?);
    }
    // One declared conflict besides the automatic ones (each juror's home).
    if let Some(&second) = ids.get(1)
        && !store.rulings(&slug, year).await?.iter().any(|r| r.user_id == second)
    {
        let ruling = Ruling::Declared {
            municipality: codes[codes.len() / 2],
            reason: "Tidigare anställd i kommunen (exempeltext).".into(),
        };
        store.add_ruling(&slug, year, second, &ruling, Some(second), &by).await?;
    }
    reviews(store, (&slug, year), (&ids, &codes), now).await
}

async fn reviews(
    store: &dyn Store,
    (slug, year): (&Slug, i16),
    (ids, codes): (&[i64], &[MunicipalityCode]),
    now: Timestamp,
) -> Result<()> {
    let by = stamp(now);
    let conflicts: Vec<(i64, MunicipalityCode)> =
        store.conflict_register(slug, year).await?.into_iter().map(|c| (c.user_id, c.municipality)).collect();
    let assignment = juryn_domain::assignment::k_reviewers(codes.len(), ids.len(), REVIEWERS, |e, j| {
        conflicts.contains(&(ids[j], codes[e]))
    });
    let pairs: Vec<(i64, MunicipalityCode)> =
        assignment.pairs.iter().map(|&(e, j)| (ids[j], codes[e])).collect();
    let done = store.reviews(slug, year).await?;
    if done.is_empty() {
        store
            .replace_assignments(slug, year, &pairs, &by)
            .await?
            .map_err(|refused| StoreError::Invalid(format!("{} pairs for ranking viewers", refused.len())))?;
    }
    let criteria = store.criteria_with_ids(slug, year).await?;
    let assigned = store.assignments(slug, year).await?;
    for (user, code) in assigned {
        let (e, j) = (
            codes.iter().position(|c| *c == code).unwrap_or(0),
            ids.iter().position(|i| *i == user).unwrap_or(0),
        );
        let values: Vec<u8> = (0..criteria.len()).map(|c| score(e, j, c)).collect();
        let scores = criteria
            .iter()
            .zip(&values)
            .map(|((id, _), v)| Score { criterion: *id, score: Some(*v), comment: comment(e, j) })
            .collect();
        let save = ReviewSave {
            scores,
            overall: "Ett genomtänkt arbete som borde spridas (exempeltext).".into(),
            submit: true,
        };
        match store.save_review(slug, year, user, code, &save, &by).await? {
            Ok(()) | Err(crate::ReviewRefusal::AlreadySubmitted) => {}
            Err(r) => return Err(refused("review", r)),
        }
    }
    for (k, code) in codes.iter().step_by(29).enumerate() {
        if store.discussion(slug, year, *code).await?.is_empty() {
            let author = ids[k % ids.len()];
            let post =
                "Starkt på effekterna, svagare på lärdomarna. Ska vi fråga efter siffror? (Exempeltext.)";
            store.post_discussion(slug, year, *code, author, post, &by).await?;
        }
    }
    Ok(())
}

fn refused(what: &str, why: impl std::fmt::Debug) -> StoreError {
    StoreError::Invalid(format!("synthetic {what} refused: {why:?}"))
}

/// A score on 1–5: the entry's quality, the juror's leniency, a little noise.
fn score(entry: usize, juror: usize, criterion: usize) -> u8 {
    let mut rng = SplitMix64::new(entry as u64 * 1_000_003 + juror as u64 * 7_919 + criterion as u64);
    let quality = 1.5 + 3.0 * ((entry * 61) % 97) as f64 / 96.0;
    let leniency = (juror % 5) as f64 * 0.3 - 0.6;
    let noise = (rng.below(9) as f64 - 4.0) / 8.0;
    (quality + leniency + noise).round().clamp(1.0, 5.0) as u8
}

fn comment(entry: usize, juror: usize) -> String {
    const COMMENTS: [&str; 4] = [
        "Tydlig effekt för invånarna.",
        "Bra beskrivet men svårt att se vad som är nytt.",
        "Imponerande samarbete med grannkommunerna.",
        "",
    ];
    COMMENTS[(entry + juror) % COMMENTS.len()].to_owned()
}

/// One of `pool`, by `rng`.
fn pick<'a>(rng: &mut SplitMix64, pool: &[&'a str]) -> &'a str {
    pool[rng.below(pool.len())]
}

/// What the work was about; the compound forms are deliberate (search must find "bygglov" in
/// "bygglovsprocessen", "e-tjänst" in "e-tjänsterna", "AI" in "AI-stöd").
const SUBJECTS: [&str; 16] = [
    "bygglovsprocessen",
    "e-tjänsterna för försörjningsstöd",
    "ett AI-stöd i kundtjänsten",
    "digital trygghetstillsyn i hemtjänsten",
    "öppna data om skolor och trafik",
    "bredbandsutbyggnaden på landsbygden",
    "skolans digitala lärmiljöer",
    "välfärdsteknik i äldreomsorgen",
    "robotiserad processautomation inom ekonomi",
    "en chattbot för bygglov och tillstånd",
    "digital medborgardialog",
    "informationssäkerhet och dataskydd",
    "sensorer i kommunens fastigheter",
    "e-arkivet och den digitala diariet",
    "ett gemensamt kontaktcenter",
    "digitala möten med invånarna",
];

const OPENINGS: [&str; 8] = [
    "Vi har arbetat med {s} sedan flera år.",
    "Arbetet med {s} började som ett litet försök i en förvaltning.",
    "Under året har {s} blivit en del av hela kommunens arbete.",
    "Tillsammans med grannkommunerna har vi utvecklat {s}.",
    "Invånarnas behov har styrt hur vi byggt {s}.",
    "Politiken gav tydliga mål för {s}.",
    "Medarbetarna själva föreslog att vi skulle satsa på {s}.",
    "Vi upphandlade {s} i samarbete med regionen.",
];

const MIDDLES: [&str; 12] = [
    "Handläggningstiden har i genomsnitt halverats och fler ärenden kommer in digitalt.",
    "Medarbetarna lägger mindre tid på administration och mer tid på mötet med invånaren.",
    "Vi följer upp resultaten varje månad i kommunstyrelsen.",
    "Företagarna uppger att kontakten med kommunen har blivit enklare.",
    "Energiförbrukningen i de berörda lokalerna har minskat med femton procent.",
    "Fler unga har deltagit i dialogen än i något tidigare samråd.",
    "Brukarna beskriver en tryggare vardag och personalen kan prioritera rätt besök.",
    "Vi har utbildat digitala coacher på varje förvaltning.",
    "Informationssäkerheten fanns med från början i varje beslut.",
    "Små försök som utvärderas snabbt har lärt oss mer än stora planer.",
    "Vi delar koden och erfarenheterna med andra kommuner.",
    "Ledningens uthålliga stöd var avgörande när arbetet mötte motgångar.",
];

/// Each edition's own words, so the editions differ in what they talk about.
fn of_the_year(year: i16) -> &'static [&'static str] {
    match year.rem_euclid(6) {
        0 => &[
            "Distansarbetet under pandemin tvingade fram nya arbetssätt.",
            "Digitala möten ersatte fysiska samråd under pandemin.",
        ],
        2 => &[
            "Generativ AI prövas nu försiktigt i handläggningen.",
            "Vi har tagit fram riktlinjer för AI-stöd i förvaltningen.",
        ],
        _ => &[
            "Cybersäkerheten har fått högre prioritet efter angreppen mot andra kommuner.",
            "Vi har infört tvåfaktorsinloggning för alla medarbetare.",
        ],
    }
}

/// Three invented answers of about `words` words each for `code` in `year`.
pub fn answers(code: MunicipalityCode, year: i16, words: usize) -> Vec<String> {
    let name = Registry::sweden().name(code);
    (0..3u64)
        .map(|q| {
            let seed = u64::from(code.as_str().parse::<u16>().unwrap_or(0)) * 1_000 + q * 100 + year as u64;
            let mut rng = SplitMix64::new(seed);
            let subject = pick(&mut rng, &SUBJECTS);
            let mut text = format!("{name} är mest stolt över {subject}. ");
            let (mut count, mut in_paragraph) = (text.split_whitespace().count(), 1);
            while count < words {
                let sentence = match rng.below(4) {
                    0 => pick(&mut rng, &OPENINGS).replace("{s}", pick(&mut rng, &SUBJECTS)),
                    1 => pick(&mut rng, of_the_year(year)).to_owned(),
                    _ => pick(&mut rng, &MIDDLES).to_owned(),
                };
                count += sentence.split_whitespace().count();
                text.push_str(&sentence);
                in_paragraph += 1;
                text.push_str(if in_paragraph % 7 == 0 { "\n\n" } else { " " });
            }
            text.trim_end().to_owned()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scale_is_read_and_bounded() {
        assert_eq!(Scale::parse("290x15"), Ok(Scale { entries: 290, jurors: 15, words: 1_500 }));
        assert_eq!(Scale::parse("44x7x200"), Ok(Scale { entries: 44, jurors: 7, words: 200 }));
        assert!(Scale::parse("291x15").is_err());
        assert!(Scale::parse("290x3").is_err());
        assert!(Scale::parse("290").is_err());
        assert!(Scale::parse("ax15").is_err());
    }

    #[test]
    fn answers_are_long_fixed_and_differ() {
        let a = MunicipalityCode::parse("0186").unwrap();
        let b = MunicipalityCode::parse("1780").unwrap();
        let text = answers(a, 2024, 1_500);
        assert_eq!(text, answers(a, 2024, 1_500));
        assert_ne!(text, answers(b, 2024, 1_500));
        assert_ne!(text, answers(a, 2022, 1_500));
        for t in &text {
            let n = t.split_whitespace().count();
            assert!((1_500..1_600).contains(&n), "{n} words");
        }
    }

    #[test]
    fn participants_spread_over_the_counties() {
        let counties = |n: usize| {
            let p = participants(n);
            assert_eq!(p.len(), n);
            p.iter().map(|c| c.county_code().to_owned()).collect::<std::collections::BTreeSet<_>>().len()
        };
        assert_eq!(counties(290), 21);
        assert!(counties(44) >= 19, "{}", counties(44));
    }
}
