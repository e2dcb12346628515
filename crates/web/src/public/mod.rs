//! The public site: what anyone may read, in Swedish or English, cached per page.

mod award;
mod booklet;
mod edition;
mod feeds;
mod home;
mod jury;
mod municipalities;
mod municipality;
pub mod opendata;
mod programme;
mod pulse;
mod search;

use jiff::Timestamp;
use juryn_domain::{Edition, MunicipalityCode, PastWinner};

use crate::route::Route;

pub fn routes() -> Vec<Route> {
    vec![
        Route::get("/", home::page),
        Route::get("/sok", search::page),
        Route::get("/kommuner", municipalities::page),
        Route::get("/kommuner/{code}", municipality::page),
        Route::get("/{award}", award::page),
        Route::get("/{award}/logotyp", award::logo),
        Route::get("/{award}/pulsen", pulse::award_page),
        Route::get("/{award}/pulsen/{file}", pulse::award_csv),
        Route::get("/{award}/{year}", edition::page),
        Route::get("/{award}/{year}/jury", jury::page),
        Route::get("/{award}/{year}/program", programme::page),
        Route::get("/{award}/{year}/program.ics", programme::feed),
        Route::get("/{award}/{year}/tidsplan.ics", feeds::timeline),
        Route::get("/{award}/{year}/nyheter.atom", feeds::news),
        Route::get("/{award}/{year}/oppna-data/bidrag.json", opendata::json),
        Route::get("/{award}/{year}/oppna-data/bidrag.csv", opendata::csv),
        Route::get("/{award}/{year}/skrift.pdf", booklet::pdf),
        Route::get("/{award}/{year}/skrift", booklet::contents),
        Route::get("/{award}/{year}/pulsen", pulse::edition_page),
        Route::get("/{award}/{year}/pulsen/{file}", pulse::edition_csv),
        Route::get("/{award}/{year}/skrift/{item}", booklet::item),
    ]
}

/// A link to a municipality's page.
#[derive(Debug, Clone)]
pub struct MunLink {
    pub name: String,
    pub href: String,
}

impl MunLink {
    pub fn new(code: MunicipalityCode) -> MunLink {
        let name = juryn_domain::municipality::name_of(code);
        MunLink { name, href: format!("/kommuner/{code}") }
    }

    /// The entry kept under `code`: a joint entry by its name (linked to its first member).
    pub fn entry(code: MunicipalityCode, joint: &[juryn_domain::joint::JointEntry]) -> MunLink {
        match joint.iter().find(|j| j.lead() == code) {
            Some(j) => MunLink { name: j.name.clone(), href: format!("/kommuner/{code}") },
            None => MunLink::new(code),
        }
    }
}

#[derive(Debug, Clone)]
pub struct WinnerRow {
    pub year: i16,
    /// The winner, or those that won together, in order.
    pub municipalities: Vec<MunLink>,
    pub citation: String,
}

pub(crate) fn winner_rows(winners: &[PastWinner]) -> Vec<WinnerRow> {
    winners
        .iter()
        .map(|w| WinnerRow {
            year: w.year,
            municipalities: w.municipalities().map(MunLink::new).collect(),
            citation: w.citation.clone(),
        })
        .collect()
}

/// Splits organiser text into paragraphs at blank lines.
pub(crate) fn paragraphs(text: &str) -> Vec<String> {
    text.split("\n\n").map(str::trim).filter(|p| !p.is_empty()).map(str::to_owned).collect()
}

/// The earliest of the editions' next visibility changes: a page that shows several editions
/// must be re-rendered at the first.
pub(crate) fn next_change(editions: &[Edition], now: Timestamp) -> Option<Timestamp> {
    editions.iter().filter_map(|e| e.next_visibility_change(now)).min()
}
