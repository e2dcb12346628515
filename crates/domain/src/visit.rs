//! Site visits (*platsbesök*): experts and jurors visit each nominee within the edition's visit
//! window, ask the questions planned for the visit, and write a report.
//!
//! [`check_plan`] says what is wrong with a planned visit: not a nominee, the times reversed or
//! outside the window, no place, no one going, a conflicted juror going, someone already at
//! another visit at an overlapping time, empty or too many questions.

use jiff::{Timestamp, ToSpan};
use serde::{Deserialize, Serialize};

use crate::call::stockholm;
use crate::municipality::MunicipalityCode;
use crate::timeline::{Milestone, MilestoneKind};

/// The most questions one visit may plan.
pub const MAX_QUESTIONS: usize = 20;
/// The longest question, place or report text taken, in characters.
pub const MAX_TEXT: usize = 10_000;

/// When visits may take place: from the first day of the timeline's visit milestone (00:00 in
/// Stockholm) to the end of its last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub from: Timestamp,
    pub until: Timestamp,
}

/// The visit window from the timeline, if it has a visit milestone.
/// Whether visits may still be planned in an edition at `phase`: from the nominees until the
/// decision (a late visit while the jury deliberates included); never once the winner is decided.
pub fn planning_open(phase: crate::Phase) -> bool {
    use crate::Phase;
    matches!(phase, Phase::Nominated | Phase::InDepthReview | Phase::Deliberation)
}

pub fn window(timeline: &[Milestone]) -> Option<Window> {
    let m = timeline.iter().find(|m| m.kind == MilestoneKind::SiteVisits)?;
    let from = m.span.start().to_zoned(stockholm()).ok()?.timestamp();
    let until = m.span.end().checked_add(1.day()).ok()?.to_zoned(stockholm()).ok()?.timestamp();
    Some(Window { from, until })
}

/// A visit as planned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    pub nominee: MunicipalityCode,
    pub starts_at: Timestamp,
    pub ends_at: Timestamp,
    /// Where they meet: on site, the address; by video, whatever the organiser adds (may be
    /// empty).
    pub place: String,
    /// A digital meeting's link (https), shown only to its participants and the entry's
    /// contacts; `None` for a visit on site.
    pub video: Option<String>,
    /// The accounts of the experts and jurors going.
    pub participants: Vec<i64>,
    pub questions: Vec<String>,
}

/// The longest video link taken.
pub const MAX_LINK: usize = 500;

/// Whether `link` is an https address with a host, of at most [`MAX_LINK`] characters and no
/// spaces — what a mail, a page and a calendar may carry as a link.
pub fn is_meeting_link(link: &str) -> bool {
    let Some(rest) = link.strip_prefix("https://") else { return false };
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    !host.is_empty()
        && link.chars().count() <= MAX_LINK
        && !link.chars().any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
}

/// Another visit someone is already on, for the overlap check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Booked {
    pub nominee: MunicipalityCode,
    pub starts_at: Timestamp,
    pub ends_at: Timestamp,
    pub participants: Vec<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PlanProblem {
    #[error("the municipality is not a nominee")]
    NotANominee,
    #[error("the visit ends before it starts")]
    EndsBeforeStart,
    #[error("the visit lies outside the visit window")]
    OutsideWindow(Window),
    #[error("the edition has no visit window")]
    NoWindow,
    #[error("the visit has no place")]
    NoPlace,
    #[error("a digital meeting's link must be an https address")]
    VideoLink,
    #[error("no one is going")]
    NoParticipants,
    #[error("participant {0} has a conflict of interest with the municipality")]
    Conflicted(i64),
    #[error("participant {user} is at another visit ({other}) at that time")]
    Overlap { user: i64, other: MunicipalityCode },
    #[error("a visit has at most {MAX_QUESTIONS} questions")]
    TooManyQuestions,
    #[error("a text is longer than {MAX_TEXT} characters")]
    TooLong,
}

/// Checks a plan. `conflicted(user, municipality)` answers from the conflict register; `booked`
/// are the edition's other visits (not this one, when it is being changed).
pub fn check_plan(
    plan: &Plan,
    nominees: &[MunicipalityCode],
    window: Option<Window>,
    conflicted: impl Fn(i64, MunicipalityCode) -> bool,
    booked: &[Booked],
) -> Result<(), Vec<PlanProblem>> {
    let mut problems = Vec::new();
    if !nominees.contains(&plan.nominee) {
        problems.push(PlanProblem::NotANominee);
    }
    if plan.ends_at <= plan.starts_at {
        problems.push(PlanProblem::EndsBeforeStart);
    }
    match window {
        None => problems.push(PlanProblem::NoWindow),
        Some(w) if plan.starts_at < w.from || plan.ends_at > w.until => {
            problems.push(PlanProblem::OutsideWindow(w))
        }
        Some(_) => {}
    }
    match &plan.video {
        None if plan.place.trim().is_empty() => problems.push(PlanProblem::NoPlace),
        Some(link) if !is_meeting_link(link) => problems.push(PlanProblem::VideoLink),
        _ => {}
    }
    if plan.participants.is_empty() {
        problems.push(PlanProblem::NoParticipants);
    }
    for &user in &plan.participants {
        if conflicted(user, plan.nominee) {
            problems.push(PlanProblem::Conflicted(user));
        }
        let clash = booked.iter().find(|b| {
            b.participants.contains(&user) && b.starts_at < plan.ends_at && plan.starts_at < b.ends_at
        });
        if let Some(b) = clash {
            problems.push(PlanProblem::Overlap { user, other: b.nominee });
        }
    }
    if plan.questions.len() > MAX_QUESTIONS {
        problems.push(PlanProblem::TooManyQuestions);
    }
    let long = |s: &str| s.chars().count() > MAX_TEXT;
    if long(&plan.place) || plan.questions.iter().any(|q| long(q)) {
        problems.push(PlanProblem::TooLong);
    }
    if problems.is_empty() { Ok(()) } else { Err(problems) }
}

/// What the participants write after the visit: per planned question a summary of the answer,
/// and their observations.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Report {
    /// (question, summary of the answer), in the plan's order.
    pub answers: Vec<(String, String)>,
    pub observations: String,
}

impl Report {
    /// A report says something: an observation or at least one answer.
    pub fn is_empty(&self) -> bool {
        self.observations.trim().is_empty() && self.answers.iter().all(|(_, a)| a.trim().is_empty())
    }

    pub fn too_long(&self) -> bool {
        self.observations.chars().count() > MAX_TEXT
            || self.answers.iter().any(|(_, a)| a.chars().count() > MAX_TEXT)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::DateSpan;

    fn code(c: &str) -> MunicipalityCode {
        MunicipalityCode::parse(c).unwrap()
    }

    fn at(s: &str) -> Timestamp {
        s.parse().unwrap()
    }

    fn window_2019() -> Window {
        let m = Milestone {
            kind: MilestoneKind::SiteVisits,
            label: crate::LocalizedText::new("Platsbesök", "Site visits"),
            span: DateSpan::MonthRange { from: (2019, 8), to: (2019, 9) },
            moved: None,
        };
        window(&[m]).unwrap()
    }

    fn plan(start: &str, end: &str, people: &[i64]) -> Plan {
        Plan {
            nominee: code("0186"),
            starts_at: at(start),
            ends_at: at(end),
            place: "Stadshuset".into(),
            video: None,
            participants: people.to_vec(),
            questions: vec!["Hur mäter ni effekterna?".into()],
        }
    }

    #[test]
    fn the_window_is_august_to_september_in_stockholm() {
        let w = window_2019();
        assert_eq!(w.from, at("2019-07-31T22:00:00Z"));
        assert_eq!(w.until, at("2019-09-30T22:00:00Z"));
    }

    #[test]
    fn a_sound_plan_passes_and_each_flaw_is_named() {
        let nominees = [code("0186"), code("2480")];
        let none = |_: i64, _: MunicipalityCode| false;
        let ok = plan("2019-09-03T08:00:00Z", "2019-09-03T12:00:00Z", &[1, 2]);
        assert_eq!(check_plan(&ok, &nominees, Some(window_2019()), none, &[]), Ok(()));
        let mut bad = plan("2019-10-03T12:00:00Z", "2019-10-03T08:00:00Z", &[]);
        bad.nominee = code("0180");
        bad.place = " ".into();
        let problems = check_plan(&bad, &nominees, Some(window_2019()), none, &[]).unwrap_err();
        assert!(problems.contains(&PlanProblem::NotANominee));
        assert!(problems.contains(&PlanProblem::EndsBeforeStart));
        assert!(problems.contains(&PlanProblem::OutsideWindow(window_2019())));
        assert!(problems.contains(&PlanProblem::NoPlace));
        assert!(problems.contains(&PlanProblem::NoParticipants));
        assert_eq!(check_plan(&ok, &nominees, None, none, &[]), Err(vec![PlanProblem::NoWindow]));
    }

    #[test]
    fn conflicted_jurors_and_double_bookings_are_refused() {
        let nominees = [code("0186"), code("2480")];
        let p = plan("2019-09-03T08:00:00Z", "2019-09-03T12:00:00Z", &[1, 2]);
        let conflicted = |u: i64, m: MunicipalityCode| u == 2 && m == code("0186");
        assert_eq!(
            check_plan(&p, &nominees, Some(window_2019()), conflicted, &[]),
            Err(vec![PlanProblem::Conflicted(2)])
        );
        let umea = |start: &str, end: &str| Booked {
            nominee: code("2480"),
            starts_at: at(start),
            ends_at: at(end),
            participants: vec![1],
        };
        let none = |_: i64, _: MunicipalityCode| false;
        let overlapping = [umea("2019-09-03T11:00:00Z", "2019-09-03T15:00:00Z")];
        assert_eq!(
            check_plan(&p, &nominees, Some(window_2019()), none, &overlapping),
            Err(vec![PlanProblem::Overlap { user: 1, other: code("2480") }])
        );
        // Back to back is fine.
        let after = [umea("2019-09-03T12:00:00Z", "2019-09-03T15:00:00Z")];
        assert_eq!(check_plan(&p, &nominees, Some(window_2019()), none, &after), Ok(()));
    }

    #[test]
    fn an_empty_report_is_empty() {
        assert!(Report::default().is_empty());
        let r = Report { answers: vec![("F".into(), " ".into())], observations: "Bra besök".into() };
        assert!(!r.is_empty());
    }

    #[test]
    fn a_digital_meeting_needs_an_https_link_and_no_place() {
        let w = window_2019();
        let ok = |p: &Plan| check_plan(p, &[code("0186")], Some(w), |_, _| false, &[]);
        let mut video = plan("2019-09-03T08:00:00Z", "2019-09-03T10:00:00Z", &[1]);
        video.place = String::new();
        video.video = Some("https://meet.example.se/sdk-lidingo".into());
        assert_eq!(ok(&video), Ok(()));
        for bad in [
            "http://meet.example.se/x",
            "https://",
            "https:// meet",
            "meet.example.se",
            "javascript:alert(1)",
        ] {
            video.video = Some(bad.into());
            assert_eq!(ok(&video), Err(vec![PlanProblem::VideoLink]), "{bad}");
        }
        video.video = None;
        assert_eq!(ok(&video), Err(vec![PlanProblem::NoPlace]), "on site, a place is needed");
    }
}
