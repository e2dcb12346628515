//! The content of the demo award and edition.

use jiff::Timestamp;
use jiff::civil::{Date, date};
use jiff::tz::TimeZone;
use juryn_domain::{
    Award, CallWindow, Criterion, DateSpan, Edition, EntryStatus, Juror, LocalizedText, Milestone,
    MilestoneKind, MunicipalityCode, PastWinner, Phase, Slug,
};

use super::answers;
use juryn_domain::questionnaire::Question;

use crate::model::{EditionContent, EntryContent};

pub const AWARD_SLUG: &str = "digitaliseringskommun";
pub const YEAR: i16 = 2019;

pub(crate) fn code(c: &str) -> MunicipalityCode {
    MunicipalityCode::parse(c).expect("demo codes are valid")
}

fn slug() -> Slug {
    Slug::parse(AWARD_SLUG).expect("demo slug is valid")
}

/// A wall-clock time in Stockholm as an instant.
pub(crate) fn stockholm(d: Date, hour: i8, minute: i8) -> Timestamp {
    d.at(hour, minute, 0, 0)
        .to_zoned(TimeZone::get("Europe/Stockholm").expect("the bundled tz database has Stockholm"))
        .expect("demo times exist in Stockholm")
        .timestamp()
}

pub fn award() -> Award {
    Award {
        slug: slug(),
        name: LocalizedText::new("Sveriges DigitaliseringsKommun", "Sweden's Digitalisation Municipality"),
        organiser: "Dataföreningen i Sverige".into(),
        description: LocalizedText::new(
            "Sveriges DigitaliseringsKommun delas ut vartannat år sedan 2001 (fram till 2017 som \
             Sveriges IT-kommun). Alla Sveriges kommuner inbjuds att berätta om sitt utvecklingsarbete \
             i en enkät; svaren publiceras i skriften Kommunernas utveckling i en digital tid. En jury \
             slutnominerar tre till fem kommuner, gör platsbesök hos dem och utser en vinnare som \
             tillkännages på en gala.",
            "Sweden's Digitalisation Municipality has been awarded every second year since 2001 \
             (until 2017 as Sweden's IT Municipality). Every Swedish municipality is invited to \
             describe its development work in a questionnaire; the answers are published in the \
             booklet Kommunernas utveckling i en digital tid. A jury shortlists three to five \
             municipalities, visits them, and chooses a winner who is announced at a gala.",
        ),
        criterion: LocalizedText::new(
            "Den kommun som på bästa sätt har tagit tillvara digitaliseringens möjligheter för att \
             utveckla verksamheten, demokratin och kommunen som helhet.",
            "The municipality that has best used the possibilities of digitalisation to develop \
             its operations, democracy and the municipality as a whole.",
        ),
        how_chosen: LocalizedText::new(
            "Juryn läser alla kommuners svar och **nominerar tre till fem kommuner**. Jurymedlemmar \
             och experter besöker de nominerade, och juryn utser vinnaren vid ett jurymöte. Beslutet \
             förseglas och tillkännages på galan.",
            "The jury reads every municipality's answers and **nominates three to five**. Jurors \
             and experts visit the nominees, and the jury chooses the winner in a meeting. The \
             decision is sealed and announced at the gala.",
        ),
        prize: LocalizedText::new(
            "Ett diplom, och rätten att kalla sig Sveriges DigitaliseringsKommun och använda \
             utmärkelsens logotyp tills nästa vinnare utses.",
            "A diploma, and the right to call itself Sweden's Digitalisation Municipality and use \
             the award's logo until the next winner is chosen.",
        ),
        logo: None,
    }
}

pub fn nominees() -> Vec<MunicipalityCode> {
    // Karlskrona, Karlstad, Lidingö, Södertälje, Umeå: in alphabetical order, as announced.
    ["1080", "1780", "0186", "0181", "2480"].map(code).to_vec()
}

pub fn edition() -> Edition {
    Edition {
        award: slug(),
        year: YEAR,
        ordinal: Some(10),
        phase: Phase::Nominated,
        selection: LocalizedText::new(
            "Juryn slutnominerar tre till fem kommuner bland dem som har svarat på enkäten. Under \
             hösten besöker organisatörens experter tillsammans med hela eller delar av juryn de \
             nominerade kommunerna och ställer fördjupande frågor. Därefter utser juryn vinnaren \
             utifrån svaren och platsbesöken, med hänsyn till kommunens förutsättningar. \
             Vinnaren tillkännages på galan på GöteborgsOperan.",
            "The jury shortlists three to five of the municipalities that answered the \
             questionnaire. In the autumn the organiser's experts, with all or part of the jury, \
             visit the nominees and ask further questions. Then the jury chooses the winner from \
             the answers and the site visits, given each municipality's preconditions. The winner \
             is announced at the gala at GöteborgsOperan.",
        ),
        nominees_public_at: Some(stockholm(date(2019, 5, 31), 10, 0)),
        announce_at: Some(stockholm(date(2019, 11, 12), 19, 0)),
        nominees: nominees(),
        // Not decided yet: the demo shows the edition as it stood on 31 May 2019.
        winner: None,
        shortlist_min: 3,
        shortlist_max: 5,
        call: CallWindow {
            opens_at: Some(stockholm(date(2019, 1, 14), 9, 0)),
            closes_at: Some(stockholm(date(2019, 3, 29), 23, 59)),
            grace_minutes: 0,
        },
    }
}

pub(crate) fn milestone(kind: MilestoneKind, span: &str, sv: &str, en: &str) -> Milestone {
    Milestone {
        kind,
        label: LocalizedText::new(sv, en),
        span: DateSpan::parse(span).expect("demo spans are valid"),
        moved: None,
    }
}

pub fn timeline() -> Vec<Milestone> {
    use MilestoneKind::*;
    vec![
        milestone(
            CallCloses,
            "2019-03-29",
            "Sista dag att svara på enkäten",
            "Last day to answer the questionnaire",
        ),
        milestone(
            Shortlist,
            "2019-05-31",
            "Juryn slutnominerar 3–5 kommuner",
            "The jury shortlists 3–5 municipalities",
        ),
        milestone(
            Booklet,
            "2019-06",
            "Skriften Kommunernas utveckling i en digital tid publiceras",
            "The booklet Kommunernas utveckling i en digital tid is published",
        ),
        milestone(
            SiteVisits,
            "2019-08/2019-09",
            "Fördjupad granskning med platsbesök hos de nominerade",
            "In-depth review with site visits to the nominees",
        ),
        milestone(Decision, "2019-10", "Juryn utser vinnaren", "The jury chooses the winner"),
        milestone(
            Gala,
            "2019-11-12",
            "Vinnaren tillkännages på galan på GöteborgsOperan",
            "The winner is announced at the gala at GöteborgsOperan",
        ),
        milestone(
            Seminars,
            "2019-11-12/2019-11-14",
            "De nominerade berättar om sitt arbete på Kvalitetsmässan",
            "The nominees present their work at Kvalitetsmässan",
        ),
        milestone(Other, "2020", "Inspirationsdag med vinnaren", "Inspiration day with the winner"),
    ]
}

fn juror(name: &str, title: (&str, &str), organisation: &str, home: &str, chair: bool) -> Juror {
    Juror {
        name: name.into(),
        title: LocalizedText::new(title.0, title.1),
        organisation: organisation.into(),
        home_municipality: Some(code(home)),
        is_chair: chair,
        is_example: true,
    }
}

/// Seven invented jurors. The real jury's names are not part of the demo.
pub fn jury() -> Vec<Juror> {
    vec![
        juror(
            "Karin Ekholm",
            ("Ordförande, förbundsstyrelsen", "Chair of the board"),
            "Dataföreningen i Sverige",
            "0184",
            true,
        ),
        juror(
            "Anders Wikström",
            ("Digitaliseringsstrateg", "Digitalisation strategist"),
            "Region Jämtland Härjedalen",
            "2380",
            false,
        ),
        juror(
            "Leila Haddad",
            ("Professor i informatik", "Professor of informatics"),
            "Linnéuniversitetet",
            "0765",
            false,
        ),
        juror(
            "Mats Öberg",
            ("Kommundirektör (pensionerad)", "Municipal chief executive (retired)"),
            "",
            "1491",
            false,
        ),
        juror(
            "Sofia Lind",
            ("Verksamhetsutvecklare", "Business developer"),
            "Sveriges Kommuner och Regioner",
            "0183",
            false,
        ),
        juror("Jonas Berg", ("Journalist", "Journalist"), "Tidningen Kommunal Digital", "1282", false),
        juror(
            "Åsa Nordin",
            ("Förvaltningschef, IT", "Head of IT"),
            "Luleå tekniska universitet",
            "2581",
            false,
        ),
    ]
}

pub fn criteria() -> Vec<Criterion> {
    let c = |sv: &str, en: &str, dsv: &str, den: &str| Criterion {
        name: LocalizedText::new(sv, en),
        description: LocalizedText::new(dsv, den),
        scale_min: 1,
        scale_max: 5,
        weight: 1,
        labels: [
            ("Svagt", "Weak"),
            ("Godtagbart", "Fair"),
            ("Bra", "Good"),
            ("Mycket bra", "Very good"),
            ("Utmärkt", "Excellent"),
        ]
        .map(|(sv, en)| LocalizedText::new(sv, en))
        .to_vec(),
    };
    vec![
        c(
            "Verksamhetsutveckling",
            "Development of operations",
            "Hur digitaliseringen har förändrat och förbättrat kommunens verksamheter.",
            "How digitalisation has changed and improved the municipality's services.",
        ),
        c(
            "Demokrati",
            "Democracy",
            "Hur digitaliseringen har stärkt invånarnas insyn och delaktighet.",
            "How digitalisation has strengthened residents' insight and participation.",
        ),
        c(
            "Kommunen som helhet",
            "The municipality as a whole",
            "Hur digitaliseringen har utvecklat kommunen som plats att leva, bo och verka i.",
            "How digitalisation has developed the municipality as a place to live and work.",
        ),
    ]
}

pub fn questions() -> Vec<Question> {
    let q = |sv: &str, en: &str| Question::long_text(LocalizedText::new(sv, en), Some(600));
    vec![
        q(
            "Vilket utvecklingsarbete inom digitalisering är ni mest stolta över?",
            "Which development work in digitalisation are you most proud of?",
        ),
        q("Vilken effekt har arbetet haft?", "What effect has the work had?"),
        q("Vilka lärdomar har ni dragit?", "What lessons have you learned?"),
    ]
}

/// The later editions' questions: 2019's three and a self-assessment of digital maturity.
pub fn questions_with_maturity() -> Vec<Question> {
    let indicators =
        answers::MATURITY_INDICATORS.iter().map(|(sv, en)| LocalizedText::new(*sv, *en)).collect();
    let mut all = questions();
    all.push(Question {
        prompt: LocalizedText::new(
            "Hur långt har kommunen kommit? Skatta er digitala mognad.",
            "How far has the municipality come? Assess your digital maturity.",
        ),
        help: LocalizedText::new(
            "Svara helt, delvis eller inte alls för varje område.",
            "Answer fully, partly or not at all for each area.",
        ),
        kind: juryn_domain::questionnaire::QuestionKind::Maturity { indicators },
        required: false,
    });
    all
}

pub fn edition_content() -> EditionContent {
    EditionContent {
        edition: edition(),
        timeline: timeline(),
        jury: {
            // Shown in this order: the chair first, then by name.
            let mut jury = jury();
            juryn_domain::juror::sort_jury(&mut jury);
            jury
        },
        criteria: criteria(),
        questions: questions(),
        carried: crate::Carryover::default(),
    }
}

/// The 44 municipalities that answered in 2019 (the five nominees among them). Which others
/// answered is invented for the demo.
pub const PARTICIPANTS: [&str; 44] = [
    "0114", "0117", "0120", "0127", "0160", "0180", "0181", "0182", "0186", "0380", "0382", "0480", "0580",
    "0581", "0680", "0764", "0780", "0880", "0980", "1080", "1082", "1280", "1281", "1283", "1290", "1380",
    "1382", "1401", "1480", "1490", "1780", "1880", "1980", "2080", "2180", "2280", "2380", "2480", "2482",
    "2514", "2580", "2584", "1441", "0330",
];

pub fn entries() -> Vec<EntryContent> {
    submitted(PARTICIPANTS.iter().copied(), (date(2019, 3, 8), 21))
}

/// Submitted entries with invented answers, sent in over `days` days from `first`, in a fixed
/// order.
pub(crate) fn submitted<'a>(
    codes: impl Iterator<Item = &'a str>,
    (first, days): (Date, i64),
) -> Vec<EntryContent> {
    let year = first.year();
    codes
        .enumerate()
        .map(|(i, c)| {
            let code = code(c);
            let day = first.checked_add(jiff::Span::new().days(i as i64 % days)).unwrap_or(first);
            EntryContent {
                municipality: code,
                status: EntryStatus::Submitted,
                submitted_at: Some(stockholm(day, 9 + (i % 8) as i8, (i * 7 % 60) as i8)),
                answers: if year == YEAR {
                    answers::invented(code)
                } else {
                    let mut all = answers::invented_in(code, year);
                    all.push(answers::maturity(code, year));
                    all
                },
                is_example: true,
            }
        })
        .collect()
}

pub fn past_winners() -> Vec<PastWinner> {
    [
        (2001, "2514"), // Kalix
        (2003, "0182"), // Nacka
        (2005, "1280"), // Malmö
        (2007, "2480"), // Umeå
        (2009, "1382"), // Falkenberg
        (2011, "0114"), // Upplands Väsby
        (2013, "1780"), // Karlstad
        (2015, "1283"), // Helsingborg
        (2017, "0180"), // Stockholm
    ]
    .into_iter()
    .map(|(year, c)| PastWinner::single(year, code(c)))
    .collect()
}

/// The winner of 2019, for tests and for advancing the demo past the gala.
pub fn winner_2019() -> MunicipalityCode {
    code("0186")
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use juryn_domain::Registry;

    use super::*;

    #[test]
    fn every_demo_municipality_exists_and_participants_are_44_distinct() {
        let r = Registry::sweden();
        let set: BTreeSet<&str> = PARTICIPANTS.iter().copied().collect();
        assert_eq!(set.len(), 44);
        for c in PARTICIPANTS.iter().chain(["0184", "2380", "0780", "1490", "0180", "1281", "2580"].iter()) {
            assert!(r.lookup(c).is_some(), "{c}");
        }
        for n in nominees() {
            assert!(set.contains(n.as_str()), "nominee {n} answered the questionnaire");
        }
    }

    #[test]
    fn the_jury_has_seven_members_and_one_chair() {
        let jury = jury();
        assert_eq!(jury.len(), 7);
        assert_eq!(jury.iter().filter(|j| j.is_chair).count(), 1);
        assert!(jury.iter().all(|j| j.is_example));
    }

    #[test]
    fn times_are_stockholm_wall_clock() {
        let e = edition();
        assert_eq!(e.nominees_public_at.unwrap().to_string(), "2019-05-31T08:00:00Z");
        assert_eq!(e.announce_at.unwrap().to_string(), "2019-11-12T18:00:00Z");
    }
}
