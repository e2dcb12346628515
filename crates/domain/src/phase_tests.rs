use jiff::{SignedDuration, Timestamp};

use super::*;

type Step = fn(&Readiness) -> Transition;

fn at(s: &str) -> Timestamp {
    s.parse().unwrap()
}

fn ready(phase: Phase) -> Readiness {
    Readiness {
        phase,
        now: at("2019-03-01T12:00:00Z"),
        questions: 3,
        call_closes_at: Some(at("2019-03-29T22:59:00Z")),
        grace_minutes: 0,
        submitted_entries: 44,
        criteria: 3,
        jurors: 7,
        shortlist_len: 5,
        shortlist_min: 3,
        shortlist_max: 5,
        nominees_without_visit_report: 0,
        decision_recorded: true,
        winner_is_nominee: true,
        announce_at: Some(at("2019-11-12T18:00:00Z")),
    }
}

#[test]
fn the_whole_story_runs_forward() {
    let mut r = ready(Phase::Draft);
    let steps: [(Step, &str); 9] = [
        (open_call, "2019-03-01T12:00:00Z"),
        (close_call, "2019-03-30T00:00:00Z"),
        (start_shortlisting, "2019-04-01T00:00:00Z"),
        (publish_nominees, "2019-05-31T00:00:00Z"),
        (start_in_depth_review, "2019-08-01T00:00:00Z"),
        (start_deliberation, "2019-10-01T00:00:00Z"),
        (record_decision, "2019-10-15T00:00:00Z"),
        (announce, "2019-11-12T18:00:00Z"),
        (archive, "2020-01-01T00:00:00Z"),
    ];
    for (step, now) in steps {
        r.now = at(now);
        let next = step(&r).unwrap();
        assert_eq!(Some(next), r.phase.next());
        r.phase = next;
    }
    assert_eq!(r.phase, Phase::Archived);
}

#[test]
fn every_transition_refuses_every_other_phase() {
    let transitions: [(Step, Phase); 9] = [
        (open_call, Phase::Draft),
        (close_call, Phase::CallOpen),
        (start_shortlisting, Phase::CallClosed),
        (publish_nominees, Phase::Shortlisting),
        (start_in_depth_review, Phase::Nominated),
        (start_deliberation, Phase::InDepthReview),
        (record_decision, Phase::Deliberation),
        (announce, Phase::Decided),
        (archive, Phase::Announced),
    ];
    for (t, from) in transitions {
        for p in Phase::ALL.into_iter().filter(|p| *p != from) {
            let mut r = ready(p);
            r.now = at("2019-12-01T00:00:00Z");
            assert_eq!(t(&r), Err(Refusal::WrongPhase { expected: from, actual: p }));
        }
    }
}

#[test]
fn opening_the_call_needs_questions_and_a_future_deadline() {
    let mut r = ready(Phase::Draft);
    r.questions = 0;
    assert_eq!(open_call(&r), Err(Refusal::NoQuestions));
    let mut r = ready(Phase::Draft);
    r.call_closes_at = None;
    assert_eq!(open_call(&r), Err(Refusal::NoDeadline));
    let mut r = ready(Phase::Draft);
    r.now = at("2019-04-01T00:00:00Z");
    assert_eq!(open_call(&r), Err(Refusal::DeadlineInPast));
}

#[test]
fn closing_waits_for_the_deadline_and_the_grace_period() {
    let mut r = ready(Phase::CallOpen);
    assert_eq!(close_call(&r), Err(Refusal::DeadlineNotPassed));
    r.now = at("2019-03-29T23:00:00Z");
    r.grace_minutes = 30;
    assert_eq!(close_call(&r), Err(Refusal::DeadlineNotPassed));
    r.now = r.now.checked_add(SignedDuration::from_mins(30)).unwrap();
    assert_eq!(close_call(&r), Ok(Phase::CallClosed));
    r.call_closes_at = None;
    assert_eq!(close_call(&r), Err(Refusal::NoDeadline));
}

#[test]
fn shortlisting_needs_entries_criteria_and_jurors() {
    let mut r = ready(Phase::CallClosed);
    r.submitted_entries = 0;
    assert_eq!(start_shortlisting(&r), Err(Refusal::NoSubmittedEntries));
    let mut r = ready(Phase::CallClosed);
    r.criteria = 0;
    assert_eq!(start_shortlisting(&r), Err(Refusal::NoCriteria));
    let mut r = ready(Phase::CallClosed);
    r.jurors = 0;
    assert_eq!(start_shortlisting(&r), Err(Refusal::NoJurors));
}

#[test]
fn the_shortlist_must_be_within_its_bounds() {
    for len in [0, 1, 2, 6, 44] {
        let mut r = ready(Phase::Shortlisting);
        r.shortlist_len = len;
        assert_eq!(publish_nominees(&r), Err(Refusal::ShortlistSize { len, min: 3, max: 5 }));
    }
    for len in 3..=5 {
        let mut r = ready(Phase::Shortlisting);
        r.shortlist_len = len;
        assert_eq!(publish_nominees(&r), Ok(Phase::Nominated));
    }
}

#[test]
fn deliberation_needs_every_visit_report() {
    let mut r = ready(Phase::InDepthReview);
    r.nominees_without_visit_report = 2;
    assert_eq!(start_deliberation(&r), Err(Refusal::MissingVisitReports(2)));
}

#[test]
fn a_decision_names_a_nominee_and_an_announcement_time() {
    let mut r = ready(Phase::Deliberation);
    r.decision_recorded = false;
    assert_eq!(record_decision(&r), Err(Refusal::NoDecision));
    let mut r = ready(Phase::Deliberation);
    r.winner_is_nominee = false;
    assert_eq!(record_decision(&r), Err(Refusal::WinnerNotNominee));
    let mut r = ready(Phase::Deliberation);
    r.announce_at = None;
    assert_eq!(record_decision(&r), Err(Refusal::NoAnnouncementTime));
}

#[test]
fn announcing_waits_for_the_announcement_time() {
    let mut r = ready(Phase::Decided);
    r.now = at("2019-11-12T17:59:59Z");
    assert_eq!(announce(&r), Err(Refusal::BeforeAnnouncement));
    r.announce_at = None;
    assert_eq!(announce(&r), Err(Refusal::NoAnnouncementTime));
}

#[test]
fn a_decided_edition_is_announced_by_the_clock() {
    let t = at("2019-11-12T18:00:00Z");
    let before = at("2019-11-12T17:59:59Z");
    assert_eq!(effective_phase(Phase::Decided, Some(t), before), Phase::Decided);
    assert_eq!(effective_phase(Phase::Decided, Some(t), t), Phase::Announced);
    assert_eq!(effective_phase(Phase::Decided, None, t), Phase::Decided);
    assert_eq!(effective_phase(Phase::Nominated, Some(t), t), Phase::Nominated);
}

#[test]
fn names_round_trip_in_kebab_case() {
    for p in Phase::ALL {
        assert_eq!(Phase::parse(p.as_str()), Some(p));
        assert_eq!(serde_json_like(p), p.as_str());
    }
    assert_eq!(Phase::InDepthReview.as_str(), "in-depth-review");
    assert_eq!(Phase::parse("Nominated"), None);
}

fn serde_json_like(p: Phase) -> String {
    // Display and serde share the names; Display is what the store writes.
    p.to_string()
}
