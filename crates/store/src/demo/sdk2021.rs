//! The 2021 edition as it really ran: entries and nominations until 29 April, the externally
//! nominated completing their texts until 12 May, the jury's first cut in May and its second
//! in June, digital meetings in September–October instead of site visits, and the gala moved by
//! the pandemic from November 2021 to 2 May 2022. The finalists (Sundsvall, Upplands-Bro,
//! Växjö) and the winner (Sundsvall) are real; the first cut's other three, every answer, the
//! jury and the citation are invented, marked as example data.

use jiff::civil::date;
use juryn_domain::round::Round;
use juryn_domain::timeline::Moved;
use juryn_domain::{CallWindow, DateSpan, Edition, LocalizedText, Milestone, MilestoneKind, Phase};

use super::sdk2019::{self, PARTICIPANTS, milestone, stockholm};
use crate::model::{EditionContent, EntryContent};

pub const YEAR: i16 = 2021;

/// Sundsvall, Upplands-Bro, Växjö: the finalists, in alphabetical order as announced.
pub const FINALISTS: [&str; 3] = ["2281", "0139", "0780"];
pub const WINNER: &str = "2281";
/// The first cut: the finalists and three more (invented for the demo).
pub const FIRST_CUT: [&str; 6] = ["2281", "0139", "0780", "1283", "1480", "0580"];

pub const CITATION: &str = "Sundsvall har med invånarna i centrum gjort digitaliseringen till en del av hela \
                            kommunens utveckling. (Exempeltext: den verkliga motiveringen finns hos arrangören.)";

pub fn timeline() -> Vec<Milestone> {
    use MilestoneKind::*;
    let mut gala = milestone(
        Gala,
        "2022-05-02",
        "Vinnaren tillkännages på galan (flyttad på grund av pandemin)",
        "The winner is announced at the gala (moved because of the pandemic)",
    );
    gala.moved = Some(Moved {
        from: DateSpan::parse("2021-11").expect("a month"),
        at: stockholm(date(2021, 9, 1), 10, 0),
    });
    vec![
        milestone(
            CallCloses,
            "2021-04-29",
            "Sista dag för bidrag och nomineringar",
            "Last day for entries and nominations",
        ),
        milestone(
            Other,
            "2021-05-12",
            "Sista dag för nominerade kommuner att komplettera sin text",
            "Last day for nominated municipalities to complete their text",
        ),
        milestone(
            Other,
            "2021-05",
            "Juryn nominerar 5–10 kommuner",
            "The jury nominates 5–10 municipalities",
        ),
        milestone(
            Shortlist,
            "2021-06",
            "Juryn slutnominerar 3–5 kommuner",
            "The jury shortlists 3–5 municipalities",
        ),
        milestone(
            Booklet,
            "2021-06",
            "Skriften Kommunernas digitalisering 2021 publiceras",
            "The booklet Kommunernas digitalisering 2021 is published",
        ),
        milestone(
            SiteVisits,
            "2021-09/2021-10",
            "Digitala möten med de slutnominerade",
            "Digital meetings with the finalists",
        ),
        gala,
    ]
}

pub fn rounds() -> Vec<Round> {
    vec![
        Round {
            name: LocalizedText::new("Nominering", "Nomination"),
            least: 5,
            most: 10,
            wording: LocalizedText::new(
                "Juryn har nominerat {n} kommuner.",
                "The jury has nominated {n} municipalities.",
            ),
        },
        Round {
            name: LocalizedText::new("Slutnominering", "Final nomination"),
            least: 3,
            most: 5,
            wording: LocalizedText::new(
                "Juryn har slutnominerat {n} kommuner.",
                "The jury has shortlisted {n} municipalities.",
            ),
        },
    ]
}

/// The edition as it stood when the jury began (its story is replayed from there).
pub fn edition_content() -> EditionContent {
    let base = sdk2019::edition_content();
    EditionContent {
        edition: Edition {
            year: YEAR,
            ordinal: Some(11),
            phase: Phase::Shortlisting,
            selection: LocalizedText::new(
                "Juryn nominerar fem till tio kommuner bland dem som har deltagit. De nominerade \
                 lämnar en självskattning av sin digitala mognad, och juryn slutnominerar sedan tre \
                 till fem. Hösten 2021 hölls digitala möten med de slutnominerade i stället för \
                 platsbesök. Vinnaren tillkännagavs på galan den 2 maj 2022.",
                "The jury nominates five to ten of the participating municipalities. The nominees \
                 submit a self-assessment of their digital maturity, and the jury then shortlists \
                 three to five. In the autumn of 2021 digital meetings with the finalists replaced \
                 site visits. The winner was announced at the gala on 2 May 2022.",
            ),
            nominees_public_at: None,
            announce_at: Some(stockholm(date(2022, 5, 2), 19, 0)),
            nominees: Vec::new(),
            winner: None,
            shortlist_min: 3,
            shortlist_max: 5,
            call: CallWindow {
                opens_at: Some(stockholm(date(2021, 2, 1), 9, 0)),
                closes_at: Some(stockholm(date(2021, 4, 29), 23, 59)),
                grace_minutes: 0,
            },
            ..base.edition
        },
        timeline: timeline(),
        questions: sdk2019::questions_with_maturity(),
        ..base
    }
}

/// Who took part (invented beyond the first cut): the first cut and 30 of 2019's.
pub fn entries() -> Vec<EntryContent> {
    let others = PARTICIPANTS.iter().filter(|c| !FIRST_CUT.contains(c)).take(30);
    sdk2019::submitted(FIRST_CUT.iter().chain(others).copied(), (date(2021, 4, 1), 28))
}
