//! The jury's rounds on both backends: rounds set up before the jury starts, an earlier round's
//! cut checked inside its write, the last round's selection still the shortlist.

use juryn_domain::round::{CutProblem, Round, RoundsProblem};
use juryn_domain::{LocalizedText, MilestoneKind, MunicipalityCode, Phase, Slug};
use juryn_store::prelude::*;
use juryn_store::{CutRefusal, RoundsRefusal, demo};

use crate::backends::store_suite;
use crate::by;

fn slug() -> Slug {
    Slug::parse(demo::AWARD_SLUG).unwrap()
}

fn round(name: &str, least: u16, most: u16) -> Round {
    Round {
        name: LocalizedText::sv_only(name),
        least,
        most,
        wording: LocalizedText::new("Juryn har nominerat {n} kommuner", "The jury has nominated {n}"),
    }
}

fn two_rounds() -> Vec<Round> {
    vec![round("Nominering", 5, 10), round("Slutnominering", 3, 5)]
}

/// The first six of the demo's participants, with a rationale each.
fn six() -> Vec<(MunicipalityCode, String)> {
    demo::PARTICIPANTS[..6]
        .iter()
        .map(|c| (MunicipalityCode::parse(c).unwrap(), format!("Skäl {c}")))
        .collect()
}

store_suite! {
    async fn an_edition_is_cut_round_by_round_and_each_cut_is_checked(store) {
        demo::load(store).await.unwrap();
        let s = slug();
        crate::force_phase(store, &s, 2019, Phase::Shortlisting).await;
        assert!(store.rounds(&s, 2019).await.unwrap().is_empty(), "one round until set up");
        let bad = vec![round("Nominering", 5, 10), round("Slutnominering", 3, 6)];
        assert_eq!(store.put_rounds(&s, 2019, &bad, &by("org")).await.unwrap(), Err(RoundsRefusal::Invalid(RoundsProblem::Exceeds(2))));
        assert!(store.rounds(&s, 2019).await.unwrap().is_empty(), "nothing written");
        store.put_rounds(&s, 2019, &two_rounds(), &by("org")).await.unwrap().unwrap();
        assert_eq!(store.rounds(&s, 2019).await.unwrap(), two_rounds());
        let edition = store.edition(&s, 2019).await.unwrap().unwrap();
        assert_eq!((edition.shortlist_min, edition.shortlist_max), (3, 5), "the last round's bounds");

        // The first cut: too few, a municipality that sent nothing, the last round: refused.
        let may = Some("2021-05-20T08:00:00Z".parse().unwrap());
        let four = &six()[..4];
        let refused = store.record_cut((&s, 2019, 1), four, may, &by("chair")).await.unwrap();
        assert_eq!(refused, Err(CutRefusal::Invalid(CutProblem::Size { least: 5, most: 10 })));
        let mut outsider = six();
        outsider[5].0 = MunicipalityCode::parse("0115").unwrap(); // Vallentuna sent nothing
        let refused = store.record_cut((&s, 2019, 1), &outsider, may, &by("chair")).await.unwrap();
        assert!(matches!(refused, Err(CutRefusal::Invalid(CutProblem::NotACandidate(_)))), "{refused:?}");
        assert_eq!(store.record_cut((&s, 2019, 2), &six()[..3], may, &by("chair")).await.unwrap(), Err(CutRefusal::NotNow));
        assert!(store.cuts(&s, 2019).await.unwrap().is_empty(), "nothing written");

        store.record_cut((&s, 2019, 1), &six(), may, &by("chair")).await.unwrap().unwrap();
        let cuts = store.cuts(&s, 2019).await.unwrap();
        assert_eq!(cuts.len(), 1);
        assert_eq!((cuts[0].position, cuts[0].selected.clone(), cuts[0].public_at), (1, six(), may));
        assert_eq!(cuts[0].round.name.sv, "Nominering");
        // Once cut, the rounds are history, and the same round is not cut twice.
        assert_eq!(store.put_rounds(&s, 2019, &two_rounds(), &by("org")).await.unwrap(), Err(RoundsRefusal::Started));
        assert_eq!(store.record_cut((&s, 2019, 1), &six(), may, &by("chair")).await.unwrap(), Err(CutRefusal::Invalid(CutProblem::NotCurrent(1))));
        // The last round is the shortlist, as with one round.
        let three = six()[..3].to_vec();
        store.record_shortlist(&s, 2019, &three, &by("chair")).await.unwrap().unwrap();
        assert_eq!(store.shortlist(&s, 2019).await.unwrap(), three);
    }

    async fn the_last_round_chooses_among_the_cut_before_it(store) {
        demo::load(store).await.unwrap();
        let s = slug();
        crate::force_phase(store, &s, 2019, Phase::Shortlisting).await;
        store.put_rounds(&s, 2019, &two_rounds(), &by("org")).await.unwrap().unwrap();
        let early = six()[..3].to_vec();
        // The first round is not cut yet: the shortlist waits for it.
        let refused = store.record_shortlist(&s, 2019, &early, &by("chair")).await.unwrap();
        assert!(refused.is_err(), "{refused:?}");
        store.record_cut((&s, 2019, 1), &six(), None, &by("chair")).await.unwrap().unwrap();
        let mut outside = six()[..3].to_vec();
        outside[2].0 = MunicipalityCode::parse(demo::PARTICIPANTS[7]).unwrap();
        let refused = store.record_shortlist(&s, 2019, &outside, &by("chair")).await.unwrap();
        assert!(refused.is_err(), "{refused:?}");
        assert_eq!(store.edition(&s, 2019).await.unwrap().unwrap().phase, Phase::Shortlisting, "nothing written");
        store.record_shortlist(&s, 2019, &early, &by("chair")).await.unwrap().unwrap();
    }

    async fn the_demo_holds_2021_as_it_ran_with_two_cuts_once(store) {
        let now: jiff::Timestamp = "2026-12-01T12:00:00Z".parse().unwrap();
        demo::load_at(store, Phase::Announced, now).await.unwrap();
        let s = slug();
        let edition = store.edition(&s, 2021).await.unwrap().expect("2021 is there");
        assert_eq!(edition.phase, Phase::Announced);
        assert_eq!(edition.public_winner(now), Some(MunicipalityCode::parse("2281").unwrap()), "Sundsvall");
        let finalists: Vec<String> = edition.public_nominees(now).iter().map(|c| c.to_string()).collect();
        assert_eq!(finalists, ["2281", "0139", "0780"]);
        let cuts = store.cuts(&s, 2021).await.unwrap();
        assert_eq!(cuts.len(), 1);
        assert!(cuts[0].is_public(now) && cuts[0].selected.len() == 6);
        assert!(cuts[0].public_at < edition.nominees_public_at, "the first cut came first");
        let gala = store.timeline(&s, 2021).await.unwrap().into_iter().find(|m| m.kind == MilestoneKind::Gala).unwrap();
        assert_eq!(gala.span.to_string(), "2022-05-02");
        assert!(gala.moved.is_some(), "the gala was moved from November 2021");
        // Loading again changes nothing of 2021.
        demo::load_at(store, Phase::Announced, now).await.unwrap();
        assert_eq!(store.cuts(&s, 2021).await.unwrap(), cuts);
        assert_eq!(store.edition(&s, 2021).await.unwrap().unwrap(), edition);
        // 2023: five nominees, one of them the joint entry of Mora, Orsa and Älvdalen; Värmdö won.
        let e2023 = store.edition(&s, 2023).await.unwrap().expect("2023 is there");
        assert_eq!(e2023.public_winner(now), Some(MunicipalityCode::parse("0120").unwrap()));
        assert_eq!(e2023.public_nominees(now).len(), 5);
        let joint = store.joint_entries(&s, 2023).await.unwrap();
        assert_eq!(joint.len(), 1);
        assert_eq!(joint[0].name, "Mora, Orsa och Älvdalens kommuner");
        assert!(e2023.public_nominees(now).contains(&joint[0].lead()));
        // Before 2019 is over, 2021 is not there yet.
        let (fresh, _dir) = crate::backends::sqlite().await;
        demo::load_at(&*fresh, Phase::Nominated, now).await.unwrap();
        assert!(fresh.edition(&s, 2021).await.unwrap().is_none());
    }

    async fn an_entry_only_for_the_booklet_is_never_assigned_or_selected(store) {
        demo::load(store).await.unwrap();
        let s = slug();
        crate::force_phase(store, &s, 2019, Phase::CallClosed).await;
        let lidingo = MunicipalityCode::parse("0186").unwrap();
        assert!(store.set_booklet_only(&s, 2019, lidingo, true, &by("lidingo")).await.unwrap());
        assert_eq!(store.booklet_only(&s, 2019).await.unwrap(), [lidingo]);
        crate::force_phase(store, &s, 2019, Phase::Shortlisting).await;
        assert!(!store.set_booklet_only(&s, 2019, lidingo, false, &by("lidingo")).await.unwrap(), "the jury has begun");
        store.put_rounds(&s, 2019, &two_rounds(), &by("org")).await.unwrap().unwrap();
        let mut with_lidingo = six();
        with_lidingo[0].0 = lidingo;
        let refused = store.record_cut((&s, 2019, 1), &with_lidingo, None, &by("chair")).await.unwrap();
        assert_eq!(refused, Err(CutRefusal::Invalid(CutProblem::NotACandidate(lidingo))));
    }

    async fn each_round_has_its_own_criteria_assignments_reviews_and_ranking_views(store) {
        demo::load_at(store, Phase::Shortlisting, "2019-06-01T10:00:00Z".parse().unwrap()).await.unwrap();
        let s = slug();
        store.put_rounds(&s, 2019, &two_rounds(), &by("org")).await.unwrap().unwrap();
        let first = store.reviews(&s, 2019).await.unwrap();
        let juror = first.iter().find(|r| r.submitted_at.is_some()).expect("the demo's jury has reviewed");
        let (user, x) = (juror.user_id, juror.municipality);
        // The cut: the reviewed entry and five more.
        let mut cut: Vec<(MunicipalityCode, String)> = vec![(x, "Skäl".into())];
        cut.extend(six().into_iter().filter(|(c, _)| *c != x).take(5));
        let old_criteria = store.criteria_with_ids(&s, 2019).await.unwrap();
        store.record_ranking_view(&s, 2019, user, "2021-05-10T08:00:00Z".parse().unwrap()).await.unwrap();
        assert_eq!(store.ranking_viewers(&s, 2019).await.unwrap(), [user]);

        store.record_cut((&s, 2019, 1), &cut, None, &by("chair")).await.unwrap().unwrap();
        // The second round starts empty: no reviews, no assignments, nobody has seen its ranking;
        // its criteria are the first round's, as new rows the organiser may still change.
        assert!(store.reviews(&s, 2019).await.unwrap().is_empty(), "the first round's reviews are its own");
        assert!(store.assignments(&s, 2019).await.unwrap().is_empty());
        assert!(store.progress_of(&s, 2019, user).await.unwrap().is_empty());
        assert!(store.ranking_viewers(&s, 2019).await.unwrap().is_empty());
        let criteria = store.criteria_with_ids(&s, 2019).await.unwrap();
        let names = |cs: &[(i64, juryn_domain::Criterion)]| cs.iter().map(|(_, c)| c.name.sv.clone()).collect::<Vec<_>>();
        assert_eq!(names(&criteria), names(&old_criteria));
        assert!(criteria.iter().all(|(id, _)| old_criteria.iter().all(|(o, _)| o != id)));

        // Only the cut's entries are reviewed; the juror who saw the first ranking may review.
        let outside = demo::PARTICIPANTS.iter().map(|c| MunicipalityCode::parse(c).unwrap()).find(|c| cut.iter().all(|(k, _)| k != c)).unwrap();
        let refused = store.set_assigned(&s, 2019, user, outside, true, &by("org")).await.unwrap();
        assert_eq!(refused, Err(juryn_store::ReviewRefusal::NotInRound));
        store.replace_assignments(&s, 2019, &[(user, outside)], &by("org")).await.unwrap().unwrap();
        assert!(store.assignments(&s, 2019).await.unwrap().is_empty(), "an entry outside the cut is left out");
        store.set_assigned(&s, 2019, user, x, true, &by("org")).await.unwrap().unwrap();
        let score = |id: i64| juryn_domain::review::Score { criterion: id, score: Some(2), comment: String::new() };
        let stale = juryn_store::ReviewSave { scores: vec![score(old_criteria[0].0)], overall: "Andra".into(), submit: true };
        let refused = store.save_review(&s, 2019, user, x, &stale, &by("juror")).await.unwrap();
        assert_eq!(refused, Err(juryn_store::ReviewRefusal::UnknownCriterion), "the first round's criteria are not this round's");
        let fresh = juryn_store::ReviewSave { scores: criteria.iter().map(|(id, _)| score(*id)).collect(), overall: "Andra".into(), submit: true };
        store.save_review(&s, 2019, user, x, &fresh, &by("juror")).await.unwrap().unwrap();
        let second = store.reviews(&s, 2019).await.unwrap();
        assert_eq!(second.len(), 1);
        assert_eq!((second[0].user_id, second[0].municipality, second[0].overall.as_str()), (user, x, "Andra"));
        assert!(second[0].scores.iter().all(|s| s.score == Some(2)));
        // The criteria of a round with a review are fixed, as in the first round.
        assert!(!store.put_criteria(&s, 2019, &[], &by("org")).await.unwrap());
    }

    async fn the_demo_tells_2021_or_2023_at_a_phase_with_earlier_editions_as_history(store) {
        let now: jiff::Timestamp = "2026-12-01T12:00:00Z".parse().unwrap();
        let s = slug();
        demo::load_edition_at(store, 2021, Phase::CallOpen, now).await.unwrap();
        let e2021 = store.edition(&s, 2021).await.unwrap().expect("2021 is told");
        assert_eq!(e2021.phase, Phase::CallOpen);
        assert!(e2021.call.accepts_changes(now), "its call is open around now, to be tried");
        assert_eq!(store.rounds(&s, 2021).await.unwrap().len(), 2, "its two rounds are set up");
        assert_eq!(store.edition(&s, 2019).await.unwrap().unwrap().phase, Phase::Announced);
        assert!(store.edition(&s, 2023).await.unwrap().is_none(), "later editions are not there yet");
        // The story moves with its call, so that no date contradicts another: the call closes on
        // the timeline's closing day, the postponed gala is still later than first planned, and
        // every entry was submitted before today.
        let timeline = store.timeline(&s, 2021).await.unwrap();
        let on = |kind| timeline.iter().find(|m| m.kind == kind).expect("the milestone");
        let closes = e2021.call.closes_at.unwrap().to_zoned(juryn_domain::call::stockholm()).date();
        assert_eq!(on(MilestoneKind::CallCloses).span.start(), closes);
        let gala = on(MilestoneKind::Gala);
        let first_planned = gala.moved.as_ref().expect("the gala was postponed").from.start();
        assert!(closes < first_planned && first_planned < gala.span.start(), "{gala:?}");
        let announce = e2021.announce_at.unwrap().to_zoned(juryn_domain::call::stockholm()).date();
        assert_eq!(announce, gala.span.start(), "the announcement is the timeline's gala");
        let entries = store.entries(&s, 2021).await.unwrap();
        assert!(entries.iter().filter_map(|e| e.submitted_at).all(|t| t < now));
        // Whole days: loading again later the same day changes nothing.
        let later_today = now.checked_add(jiff::SignedDuration::from_hours(3)).unwrap();
        demo::load_edition_at(store, 2021, Phase::CallOpen, later_today).await.unwrap();
        assert_eq!(store.edition(&s, 2021).await.unwrap().unwrap(), e2021, "loading twice changes nothing");
        assert_eq!(store.timeline(&s, 2021).await.unwrap(), timeline);

        let (fresh, _dir) = crate::backends::sqlite().await;
        demo::load_edition_at(&*fresh, 2021, Phase::Nominated, now).await.unwrap();
        let e2021 = fresh.edition(&s, 2021).await.unwrap().unwrap();
        assert_eq!(e2021.phase, Phase::Nominated);
        assert_eq!(fresh.cuts(&s, 2021).await.unwrap().len(), 1);
        assert_eq!(fresh.shortlist(&s, 2021).await.unwrap().len(), 3);
        assert!(e2021.winner.is_none());
        assert_eq!(fresh.jury_members(&s, 2021).await.unwrap().len(), 7, "2019's jury serves again, to be tried");

        let (later, _dir2) = crate::backends::sqlite().await;
        demo::load_edition_at(&*later, 2023, Phase::CallClosed, now).await.unwrap();
        assert_eq!(later.edition(&s, 2021).await.unwrap().unwrap().phase, Phase::Announced);
        let e2023 = later.edition(&s, 2023).await.unwrap().unwrap();
        assert_eq!(e2023.phase, Phase::CallClosed);
        assert!(!e2023.call.accepts_changes(now));
        assert_eq!(later.joint_entries(&s, 2023).await.unwrap().len(), 1);
        assert!(demo::load_edition_at(&*later, 2020, Phase::CallOpen, now).await.is_err());
    }
}
