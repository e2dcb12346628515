//! The 2023 edition as it really ran: five nominees announced on 10 May 2023, one of them the
//! joint entry of Mora, Orsa and Älvdalen, with Nacka, Staffanstorp, Värmdö and Östersund; the
//! winner, Värmdö, announced on 21 November 2023. Every answer, the jury and the citation are
//! invented, marked as example data.

use jiff::civil::date;
use juryn_domain::joint::JointEntry;
use juryn_domain::{CallWindow, Edition, LocalizedText, MilestoneKind, Phase};

use super::sdk2019::{self, PARTICIPANTS, code, milestone, stockholm};
use crate::model::{EditionContent, EntryContent};

pub const YEAR: i16 = 2023;

/// The nominees as announced: the joint entry (kept under Mora), Nacka, Staffanstorp, Värmdö,
/// Östersund.
pub const NOMINEES: [&str; 5] = ["2062", "0182", "1230", "0120", "2380"];
pub const WINNER: &str = "0120";
/// Mora, Orsa, Älvdalen.
pub const JOINT: [&str; 3] = ["2062", "2034", "2039"];

pub const CITATION: &str = "Värmdö visar hur en kommun med tydligt ledarskap och samverkan gör digitaliseringen \
                            till en del av vardagen. (Exempeltext: den verkliga motiveringen finns hos arrangören.)";

pub fn joint() -> JointEntry {
    JointEntry { name: "Mora, Orsa och Älvdalens kommuner".into(), members: JOINT.map(code).into() }
}

pub fn edition_content() -> EditionContent {
    use MilestoneKind::*;
    let base = sdk2019::edition_content();
    EditionContent {
        edition: Edition {
            year: YEAR,
            ordinal: Some(12),
            phase: Phase::Shortlisting,
            selection: LocalizedText::new(
                "Juryn nominerar tre till fem bidrag bland dem som har deltagit; ett bidrag kan \
                 komma från flera kommuner tillsammans. Under hösten fördjupar sig juryn i de \
                 nominerade och utser sedan vinnaren, som tillkännages på galan.",
                "The jury nominates three to five of the entries; an entry may come from several \
                 municipalities together. In the autumn the jury looks closer at the nominees and \
                 then chooses the winner, announced at the gala.",
            ),
            nominees_public_at: None,
            announce_at: Some(stockholm(date(2023, 11, 21), 19, 0)),
            nominees: Vec::new(),
            winner: None,
            shortlist_min: 3,
            shortlist_max: 5,
            call: CallWindow {
                opens_at: None,
                closes_at: Some(stockholm(date(2023, 3, 31), 23, 59)),
                grace_minutes: 0,
            },
            ..base.edition
        },
        timeline: vec![
            milestone(
                Shortlist,
                "2023-05-10",
                "Juryn nominerar fem bidrag",
                "The jury nominates five entries",
            ),
            milestone(
                Gala,
                "2023-11-21",
                "Vinnaren tillkännages på galan",
                "The winner is announced at the gala",
            ),
        ],
        questions: sdk2019::questions_with_maturity(),
        ..base
    }
}

/// Who took part (invented beyond the nominees): the nominees and 24 of 2019's.
pub fn entries() -> Vec<EntryContent> {
    let others = PARTICIPANTS.iter().filter(|c| !NOMINEES.contains(c) && !JOINT.contains(c)).take(24);
    sdk2019::submitted(NOMINEES.iter().chain(others).copied(), (date(2023, 3, 1), 30))
}
