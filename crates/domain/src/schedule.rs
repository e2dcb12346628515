//! Changing an edition's timeline: what the organiser is told while editing it, and a
//! reschedule — a date moved after it was announced, which keeps its old date in view and may
//! carry the winner's announcement with it.

use jiff::Timestamp;

use crate::call::stockholm;
use crate::phase::Phase;
use crate::timeline::{DateSpan, Milestone, MilestoneKind, Moved};

/// The longest milestone text (each language).
pub const MAX_LABEL: usize = 500;

/// A milestone the process needs that the timeline lacks, once a later step depends on it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// No `site-visits` milestone: visits cannot be planned without their window.
    VisitWindow,
    /// No `gala` milestone: nothing tells the public when the winner is announced.
    Announcement,
}

/// A timeline that contradicts itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contradiction {
    /// The call closes before it opens.
    CallClosesBeforeOpens,
}

fn has(timeline: &[Milestone], kind: MilestoneKind) -> bool {
    timeline.iter().any(|m| m.kind == kind)
}

/// The milestones missing for the steps ahead: the visit window once a cut or a decision is on
/// the timeline (or the jury has nominated), the gala once the decision is on it (or the jury
/// deliberates).
pub fn gaps(timeline: &[Milestone], phase: Phase) -> Vec<Gap> {
    use MilestoneKind::{Decision, Gala, Shortlist, SiteVisits};
    let mut gaps = Vec::new();
    let visits_ahead = has(timeline, Shortlist) || has(timeline, Decision) || has(timeline, Gala);
    if !has(timeline, SiteVisits) && (visits_ahead || crate::visit::planning_open(phase)) {
        gaps.push(Gap::VisitWindow);
    }
    if !has(timeline, Gala) && (has(timeline, Decision) || phase >= Phase::Deliberation) {
        gaps.push(Gap::Announcement);
    }
    gaps
}

/// What makes the timeline contradict itself, if anything.
pub fn contradiction(timeline: &[Milestone]) -> Option<Contradiction> {
    let first = |kind| timeline.iter().find(|m| m.kind == kind).map(|m| m.span);
    match (first(MilestoneKind::CallOpens), first(MilestoneKind::CallCloses)) {
        (Some(opens), Some(closes)) if closes.end() < opens.start() => {
            Some(Contradiction::CallClosesBeforeOpens)
        }
        _ => None,
    }
}

/// Whether moving a milestone of this kind moves the announcement of the winner.
pub fn moves_announcement(kind: MilestoneKind) -> bool {
    kind == MilestoneKind::Gala
}

/// The milestone moved to `to` at `now`, remembering the date it had: "Flyttad från …". Moving
/// it again remembers the date just left, as a reader of the page saw it last.
pub fn reschedule(m: &Milestone, to: DateSpan, now: Timestamp) -> Milestone {
    Milestone { span: to, moved: Some(Moved { from: m.span, at: now }), ..m.clone() }
}

/// A move planned: the timeline with the milestone moved, the announcement's new time when the
/// move carries it, and the move in a line for the audit log ("gala 2021-11 → 2022-05-02").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rescheduled {
    pub timeline: Vec<Milestone>,
    pub announce_at: Option<Timestamp>,
    pub what: String,
}

/// Moves milestone `i` of `timeline` to `to` at `now`, carrying the edition's announcement
/// (`announce_at`) along when the milestone is the gala. The web and the command line both move
/// dates through this.
pub fn plan_move(
    mut timeline: Vec<Milestone>,
    i: usize,
    to: DateSpan,
    announce_at: Option<Timestamp>,
    now: Timestamp,
) -> Rescheduled {
    let (kind, from) = (timeline[i].kind, timeline[i].span);
    let announce_at =
        announce_at.filter(|_| moves_announcement(kind)).map(|at| moved_announcement(at, from, to));
    timeline[i] = reschedule(&timeline[i], to, now);
    Rescheduled { timeline, announce_at, what: format!("{} {from} → {to}", kind.as_str()) }
}

/// The announcement time once the gala moves from `from` to `to`: on the new day at the same
/// clock time when the new date is a day; otherwise moved by as many days as the span's start.
pub fn moved_announcement(announce_at: Timestamp, from: DateSpan, to: DateSpan) -> Timestamp {
    let zoned = announce_at.to_zoned(stockholm());
    let day = match to {
        DateSpan::Day(d) => d,
        _ => {
            let days = from.start().until(to.start()).map(|s| s.get_days()).unwrap_or(0);
            zoned.date().checked_add(jiff::Span::new().days(days)).unwrap_or(zoned.date())
        }
    };
    day.to_datetime(zoned.time()).to_zoned(stockholm()).map_or(announce_at, |z| z.timestamp())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::LocalizedText;

    fn m(kind: MilestoneKind, span: &str) -> Milestone {
        Milestone {
            kind,
            label: LocalizedText::sv_only("x"),
            span: DateSpan::parse(span).unwrap(),
            moved: None,
        }
    }

    #[test]
    fn a_cut_on_the_timeline_needs_the_visit_window_and_a_decision_needs_the_gala() {
        use MilestoneKind::*;
        assert_eq!(gaps(&[m(CallOpens, "2021-03")], Phase::Draft), vec![]);
        assert_eq!(gaps(&[m(Shortlist, "2021-06")], Phase::Draft), vec![Gap::VisitWindow]);
        assert_eq!(
            gaps(&[m(Shortlist, "2021-06"), m(Decision, "2021-10")], Phase::Draft),
            vec![Gap::VisitWindow, Gap::Announcement]
        );
        assert_eq!(
            gaps(&[m(SiteVisits, "2021-09/2021-10"), m(Gala, "2021-11")], Phase::Deliberation),
            vec![]
        );
        assert_eq!(gaps(&[], Phase::Nominated), vec![Gap::VisitWindow]);
        assert_eq!(gaps(&[m(SiteVisits, "2021-09")], Phase::Deliberation), vec![Gap::Announcement]);
    }

    #[test]
    fn a_call_that_closes_before_it_opens_contradicts_itself() {
        use MilestoneKind::*;
        let t = [m(CallOpens, "2021-04-29"), m(CallCloses, "2021-03-01")];
        assert_eq!(contradiction(&t), Some(Contradiction::CallClosesBeforeOpens));
        let t = [m(CallOpens, "2021-03"), m(CallCloses, "2021-03-31")];
        assert_eq!(contradiction(&t), None);
    }

    #[test]
    fn a_reschedule_keeps_the_date_it_left() {
        let now = Timestamp::from_second(1_630_000_000).unwrap();
        let gala = m(MilestoneKind::Gala, "2021-11-10");
        let moved = reschedule(&gala, DateSpan::parse("2022-05-02").unwrap(), now);
        assert_eq!(moved.span.to_string(), "2022-05-02");
        assert_eq!(moved.moved, Some(Moved { from: gala.span, at: now }));
        assert_eq!(moved.label, gala.label);
    }

    #[test]
    fn the_announcement_follows_the_gala_at_the_same_clock_time() {
        let at: Timestamp = "2021-11-10T17:30:00Z".parse().unwrap(); // 18.30 in Stockholm (CET)
        let (from, day) = (DateSpan::parse("2021-11").unwrap(), DateSpan::parse("2022-05-02").unwrap());
        // 18.30 on 2 May is 16.30 UTC (CEST).
        assert_eq!(moved_announcement(at, from, day).to_string(), "2022-05-02T16:30:00Z");
        // A month moved to a month: as many days as the starts are apart.
        let to = DateSpan::parse("2022-05").unwrap();
        assert_eq!(moved_announcement(at, from, to).to_string(), "2022-05-10T16:30:00Z");
    }
}
