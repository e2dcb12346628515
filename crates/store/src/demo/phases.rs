//! The demo at each phase of the story: what the edition looked like when the call was open,
//! when it had closed, while the jury shortlisted, and so on. Phases before the nominees are
//! shown with the call moved to around today, so a visitor can write and submit an entry
//! themselves; the times are whole days, so loading twice on one day changes nothing.

use jiff::civil::Date;
use jiff::{Timestamp, ToSpan};
use juryn_domain::{CallWindow, EntryStatus, MilestoneKind, Phase};

use super::sdk2019::{self, stockholm};
use crate::model::{EditionContent, EntryContent};

/// The edition's content and entries at `phase`, seen on `today` (a date in Stockholm).
pub fn at(phase: Phase, today: Date) -> (EditionContent, Vec<EntryContent>) {
    let mut content = sdk2019::edition_content();
    let mut entries = sdk2019::entries();
    let e = &mut content.edition;
    e.phase = phase;
    let day = |offset: i64| today.checked_add(offset.days()).unwrap_or(today);
    match phase {
        Phase::Draft | Phase::CallOpen | Phase::CallClosed | Phase::Shortlisting => {
            let (opens, closes) = match phase {
                Phase::Draft => (7, 60),
                Phase::CallOpen => (-45, 14),
                _ => (-90, -1),
            };
            // The nominees are not chosen yet.
            e.nominees_public_at = None;
            e.nominees.clear();
            move_story(&mut content, &mut entries, (day(opens), day(closes)), today);
            if phase == Phase::Draft {
                entries.clear();
            } else if phase == Phase::CallOpen {
                // Mid-call: most have submitted, some are writing, a few have not begun.
                for (i, entry) in entries.iter_mut().enumerate() {
                    match i % 9 {
                        0 | 1 => {
                            entry.status = EntryStatus::Draft;
                            entry.submitted_at = None;
                            entry.answers.truncate(2);
                        }
                        2 => {
                            entry.status = EntryStatus::Invited;
                            entry.submitted_at = None;
                            entry.answers.clear();
                        }
                        _ => {}
                    }
                }
            }
        }
        Phase::Nominated => {}
        Phase::InDepthReview | Phase::Deliberation => {
            // The real gala (12 November 2019) has passed: the demo's is a week ahead, so a
            // decision made in the demo stays secret until then, as a real one would.
            e.announce_at = Some(stockholm(day(7), 19, 0));
        }
        Phase::Decided => {
            // Decided, not announced: the gala is a week ahead, and the winner secret until then.
            e.winner = Some(sdk2019::winner_2019());
            e.announce_at = Some(stockholm(day(7), 19, 0));
        }
        Phase::Announced | Phase::Archived => {
            e.winner = Some(sdk2019::winner_2019());
        }
    }
    (content, entries)
}

/// Moves a story to a call open from `opens` (09.00) to `closes` (23.59), so that one date never
/// contradicts another: the timeline (a moved milestone's earlier date too, and the programme
/// drawn from its gala) and the announcement move as far as the call's closing day, and the
/// entries' submission times move with them but stay before `today`.
pub(super) fn move_story(
    content: &mut EditionContent,
    entries: &mut [EntryContent],
    (opens, closes): (Date, Date),
    today: Date,
) {
    let e = &mut content.edition;
    let real_close = content
        .timeline
        .iter()
        .find(|m| m.kind == MilestoneKind::CallCloses)
        .map_or(closes, |m| m.span.start());
    let shift: i64 = (closes - real_close).get_days().into();
    e.call = CallWindow {
        opens_at: Some(stockholm(opens, 9, 0)),
        closes_at: Some(stockholm(closes, 23, 59)),
        grace_minutes: 0,
    };
    for m in &mut content.timeline {
        m.span = m.span.shifted(shift);
        if let Some(moved) = &mut m.moved {
            moved.from = moved.from.shifted(shift);
            moved.at = juryn_domain::call::moved(moved.at, shift.days());
        }
    }
    e.announce_at = e.announce_at.map(|t| juryn_domain::call::moved(t, shift.days()));
    let yesterday = today.checked_sub(1.days()).unwrap_or(today);
    let latest = stockholm(yesterday, 17, 0);
    for entry in entries {
        entry.submitted_at = entry
            .submitted_at
            .map(|t| juryn_domain::call::moved(t, shift.days()))
            .map(|t| if t > latest { latest } else { t });
    }
}

/// Today in Stockholm.
pub fn today(now: Timestamp) -> Date {
    now.to_zoned(juryn_domain::call::stockholm()).date()
}

#[cfg(test)]
mod tests {
    use jiff::SignedDuration;
    use jiff::civil::date;

    use super::*;

    #[test]
    fn in_call_open_the_call_takes_entries_today() {
        let today = date(2026, 11, 26);
        let (content, entries) = at(Phase::CallOpen, today);
        let now = stockholm(today, 12, 0);
        assert!(content.edition.call.accepts_changes(now));
        assert!(content.edition.nominees.is_empty());
        assert!(entries.iter().any(|e| e.status == EntryStatus::Draft));
        assert!(entries.iter().any(|e| e.status == EntryStatus::Submitted));
        let later = now.checked_add(SignedDuration::from_hours(24 * 15)).unwrap();
        assert!(!content.edition.call.accepts_changes(later));
    }

    #[test]
    fn decided_keeps_the_winner_secret_and_announced_shows_it() {
        let today = date(2026, 11, 26);
        let now = stockholm(today, 12, 0);
        let (decided, _) = at(Phase::Decided, today);
        assert_eq!(decided.edition.public_winner(now), None);
        let (announced, _) = at(Phase::Announced, today);
        assert_eq!(announced.edition.public_winner(now), Some(sdk2019::winner_2019()));
    }

    #[test]
    fn moved_to_today_every_date_moves_together() {
        let today = date(2026, 11, 26);
        let now = stockholm(today, 12, 0);
        for phase in [Phase::Draft, Phase::CallOpen, Phase::CallClosed, Phase::Shortlisting] {
            let (content, entries) = at(phase, today);
            let on = |kind| content.timeline.iter().find(|m| m.kind == kind).unwrap().span.start();
            let closes =
                content.edition.call.closes_at.unwrap().to_zoned(juryn_domain::call::stockholm()).date();
            assert_eq!(on(MilestoneKind::CallCloses), closes, "{phase}");
            // The story keeps its order and its distances: the gala 228 days after the call closed.
            assert_eq!((on(MilestoneKind::Gala) - closes).get_days(), 228, "{phase}");
            let gala = content.edition.announce_at.unwrap().to_zoned(juryn_domain::call::stockholm()).date();
            assert_eq!(gala, on(MilestoneKind::Gala), "{phase}: the announcement is the timeline's gala");
            assert!(
                entries.iter().filter_map(|e| e.submitted_at).all(|t| t < now),
                "{phase}: submitted in the past"
            );
            assert!(on(MilestoneKind::Shortlist) > closes);
        }
    }

    #[test]
    fn the_same_day_gives_the_same_demo() {
        let today = date(2026, 11, 26);
        assert_eq!(at(Phase::CallOpen, today), at(Phase::CallOpen, today));
    }
}
