//! The review round on both backends: conflicts, assignments, reviews, discussion, shortlist.

use juryn_domain::conflict::{ConflictSource, Ruling};
use juryn_domain::review::Score;
use juryn_domain::{Grant, Lang, MunicipalityCode, Phase, Role, Scope, Slug};
use juryn_store::prelude::*;
use juryn_store::{NewUser, ReviewRefusal, ReviewSave, ShortlistRefusal, demo};

use crate::backends::store_suite;
use crate::by;

fn slug() -> Slug {
    Slug::parse(demo::AWARD_SLUG).unwrap()
}

fn code(c: &str) -> MunicipalityCode {
    MunicipalityCode::parse(c).unwrap()
}

/// The demo at shortlisting, with one juror account (linked to the profile of Sofia Lind, who
/// lives in Sundbyberg, 0183) who works for Umeå (2480).
async fn round(store: &dyn Store) -> i64 {
    demo::load(store).await.unwrap();
    crate::force_phase(store, &slug(), 2019, Phase::Shortlisting).await;
    let user = NewUser {
        email: "sofia@example.se".into(),
        name: "Sofia Lind".into(),
        lang: Lang::Sv,
        password_hash: None,
    };
    let id = store.put_user(&user, &by("t")).await.unwrap();
    let grant = Grant { role: Role::Juror, scope: Scope::Edition(slug(), 2019), municipality: None };
    store.grant(id, &grant, &by("t")).await.unwrap();
    assert!(store.link_juror(&slug(), 2019, "Sofia Lind", id, Some(code("2480")), &by("t")).await.unwrap());
    id
}

fn save(
    store_criteria: &[(i64, juryn_domain::Criterion)],
    scores: &[Option<u8>],
    submit: bool,
) -> ReviewSave {
    ReviewSave {
        scores: store_criteria
            .iter()
            .zip(scores)
            .map(|((id, _), s)| Score { criterion: *id, score: *s, comment: format!("om {id}") })
            .collect(),
        overall: "Helheten".into(),
        submit,
    }
}

store_suite! {
    async fn the_synthetic_award_loads_twice_with_its_history_jury_and_reviews(store) {
        use juryn_store::demo::synthetic::{self, Scale};
        let scale = Scale { entries: 30, jurors: 5, words: 40 };
        let now: jiff::Timestamp = "2026-12-03T12:00:00Z".parse().unwrap();
        synthetic::load(store, scale, now).await.unwrap();
        synthetic::load(store, scale, now).await.unwrap();
        let slug = Slug::parse(synthetic::AWARD_SLUG).unwrap();
        let editions = store.editions(&slug).await.unwrap();
        assert_eq!(editions.iter().map(|e| (e.year, e.phase)).collect::<Vec<_>>(),
            [(2026, Phase::Shortlisting), (2024, Phase::Announced), (2022, Phase::Announced)]);
        assert_eq!(store.entries(&slug, 2026).await.unwrap().len(), 30);
        assert_eq!(store.jury_members(&slug, 2026).await.unwrap().len(), 5);
        let reviews = store.reviews(&slug, 2026).await.unwrap();
        assert_eq!(reviews.len(), 30 * 3, "three reviewers per entry, loaded once");
        assert!(reviews.iter().all(|r| r.submitted_at.is_some()));
        // What the ranking reads is the same reviews' scores, one row each.
        let scores = store.submitted_scores(&slug, 2026).await.unwrap();
        let expected: Vec<_> = reviews
            .iter()
            .map(|r| (r.user_id, r.juror.clone(), r.municipality, r.scores.iter().map(|s| s.score).collect::<Vec<_>>()))
            .collect();
        let got: Vec<_> = scores.iter().map(|s| (s.user_id, s.juror.clone(), s.municipality, s.scores.clone())).collect();
        assert_eq!(got, expected);
        assert!(!store.conflict_register(&slug, 2026).await.unwrap().is_empty());
        assert_eq!(store.cuts(&slug, 2024).await.unwrap().len(), 1, "history has its first cut");
    }

    async fn home_and_employer_are_conflicts_and_rulings_change_them(store) {
        let id = round(store).await;
        let register = store.conflict_register(&slug(), 2019).await.unwrap();
        let mine: Vec<_> = register.iter().map(|r| (r.municipality.to_string(), r.source.clone())).collect();
        assert_eq!(mine, [("0183".into(), ConflictSource::LivesThere), ("2480".into(), ConflictSource::WorksThere)]);
        let declared = Ruling::Declared { municipality: code("0186"), reason: "Min syster arbetar där".into() };
        store.add_ruling(&slug(), 2019, id, &declared, Some(id), &by("t")).await.unwrap();
        let lifted = Ruling::Lifted { municipality: code("0183"), reason: "Stor kommun, inget beroende".into() };
        store.add_ruling(&slug(), 2019, id, &lifted, None, &by("org")).await.unwrap();
        let codes: Vec<String> =
            store.conflict_register(&slug(), 2019).await.unwrap().iter().map(|r| r.municipality.to_string()).collect();
        assert_eq!(codes, ["0186", "2480"]);
        assert_eq!(store.conflicts_of(id).await.unwrap().len(), 2);
        assert_eq!(store.rulings(&slug(), 2019).await.unwrap().len(), 2);
        let empty = Ruling::Set { municipality: code("0186"), reason: " ".into() };
        assert!(store.add_ruling(&slug(), 2019, id, &empty, None, &by("org")).await.is_err(), "a ruling needs a reason");
    }

    async fn a_review_is_refused_unless_assigned_unconflicted_and_the_round_open(store) {
        let id = round(store).await;
        let criteria = store.criteria_with_ids(&slug(), 2019).await.unwrap();
        assert_eq!(criteria.len(), 3);
        let draft = save(&criteria, &[Some(4), None, None], false);
        let lidingo = code("0186");
        assert_eq!(store.save_review(&slug(), 2019, id, lidingo, &draft, &by("t")).await.unwrap(), Err(ReviewRefusal::NotAssigned));
        assert_eq!(store.set_assigned(&slug(), 2019, id, code("2480"), true, &by("org")).await.unwrap(), Err(ReviewRefusal::Conflicted));
        store.set_assigned(&slug(), 2019, id, lidingo, true, &by("org")).await.unwrap().unwrap();
        store.save_review(&slug(), 2019, id, lidingo, &draft, &by("t")).await.unwrap().unwrap();
        let mut foreign = draft.clone();
        foreign.scores[0].criterion = 999_999;
        assert_eq!(store.save_review(&slug(), 2019, id, lidingo, &foreign, &by("t")).await.unwrap(), Err(ReviewRefusal::UnknownCriterion));
        let reviews = store.reviews(&slug(), 2019).await.unwrap();
        assert_eq!(reviews.len(), 1);
        assert_eq!(reviews[0].scores.iter().map(|s| s.score).collect::<Vec<_>>(), [Some(4), None, None]);
        assert_eq!(reviews[0].submitted_at, None);
        assert!(store.submitted_scores(&slug(), 2019).await.unwrap().is_empty(), "a draft is not ranked");
        // One entry's reviews are the same rows, and another entry's are not among them.
        assert_eq!(store.reviews_of(&slug(), 2019, lidingo).await.unwrap(), reviews);
        assert!(store.reviews_of(&slug(), 2019, code("1780")).await.unwrap().is_empty());
        let entry = store.entry(&slug(), 2019, lidingo).await.unwrap().expect("Lidingö's entry");
        assert_eq!(entry.municipality, lidingo);
        assert_eq!(entry.answers.len(), 3);
        assert!(store.entry(&slug(), 2019, code("0117")).await.unwrap().is_some());
        assert!(store.entry(&slug(), 2019, code("2584")).await.unwrap().is_some());
        assert!(store.entry(&slug(), 2019, code("0115")).await.unwrap().is_none(), "Vallentuna took no part");

        let submitted = save(&criteria, &[Some(4), Some(3), Some(5)], true);
        let at = juryn_store::Stamp::new("t", "2019-04-10T08:30:00Z".parse().unwrap());
        store.save_review(&slug(), 2019, id, lidingo, &submitted, &at).await.unwrap().unwrap();
        let first = store.reviews(&slug(), 2019).await.unwrap()[0].submitted_at;
        let ranked = store.submitted_scores(&slug(), 2019).await.unwrap();
        assert_eq!((ranked.len(), ranked[0].municipality, &ranked[0].scores[..]), (1, lidingo, &[Some(4), Some(3), Some(5)][..]));
        assert_eq!(first, Some(at.at), "submitted at the caller's time");
        // A submitted review is final ...
        let changed = save(&criteria, &[Some(5), Some(3), Some(5)], true);
        assert_eq!(store.save_review(&slug(), 2019, id, lidingo, &changed, &by("t")).await.unwrap(), Err(ReviewRefusal::AlreadySubmitted));
        assert_eq!(store.reviews(&slug(), 2019).await.unwrap()[0].scores[0].score, Some(4));
        assert!(store.review_versions(&slug(), 2019, id, lidingo).await.unwrap().is_empty());
        // ... unless the organiser allows changes: then it stays submitted (at its first time),
        // is marked changed, and the version it replaced is kept.
        store.set_review_changes_allowed(&slug(), 2019, true, &by("org")).await.unwrap();
        assert!(store.review_changes_allowed(&slug(), 2019).await.unwrap());
        store.save_review(&slug(), 2019, id, lidingo, &changed, &by("t")).await.unwrap().unwrap();
        let again = &store.reviews(&slug(), 2019).await.unwrap()[0];
        assert_eq!((again.submitted_at, again.scores[0].score), (first, Some(5)));
        assert!(again.changed_at.is_some());
        let versions = store.review_versions(&slug(), 2019, id, lidingo).await.unwrap();
        assert_eq!(versions.len(), 1);
        assert_eq!(versions[0].scores.iter().map(|s| s.score).collect::<Vec<_>>(), [Some(4), Some(3), Some(5)]);
        // The log says a review changed, not what it says.
        let events = store.audit_events(1000).await.unwrap();
        assert!(events.iter().any(|e| e.action == "review.change"));
        assert!(events.iter().filter(|e| e.action.starts_with("review.")).all(|e| !e.detail.contains(':')), "no scores in the log");
        assert!(!store.put_criteria(&slug(), 2019, &[], &by("org")).await.unwrap(), "criteria are locked once scored");

        // A conflict set later hides the review and removes the assignment.
        let set = Ruling::Set { municipality: lidingo, reason: "Nytt uppdrag".into() };
        store.add_ruling(&slug(), 2019, id, &set, None, &by("org")).await.unwrap();
        assert!(store.reviews(&slug(), 2019).await.unwrap().is_empty());
        assert!(store.submitted_scores(&slug(), 2019).await.unwrap().is_empty(), "nor is a conflicted one");
        assert!(store.assignments(&slug(), 2019).await.unwrap().is_empty());
        assert_eq!(store.save_review(&slug(), 2019, id, lidingo, &draft, &by("t")).await.unwrap(), Err(ReviewRefusal::Conflicted));

        store.set_assigned(&slug(), 2019, id, code("1080"), true, &by("org")).await.unwrap().unwrap();
        crate::force_phase(store, &slug(), 2019, Phase::Nominated).await;
        assert_eq!(store.save_review(&slug(), 2019, id, code("1080"), &draft, &by("t")).await.unwrap(), Err(ReviewRefusal::RoundClosed));
    }

    async fn assignments_replace_and_skip_conflicts(store) {
        let id = round(store).await;
        let pairs = [(id, code("0186")), (id, code("2480")), (id, code("1080"))];
        store.replace_assignments(&slug(), 2019, &pairs, &by("org")).await.unwrap().unwrap();
        assert_eq!(store.assignments(&slug(), 2019).await.unwrap(), [(id, code("0186")), (id, code("1080"))]);
        store.set_assigned(&slug(), 2019, id, code("0186"), false, &by("org")).await.unwrap().unwrap();
        assert_eq!(store.assignments(&slug(), 2019).await.unwrap(), [(id, code("1080"))]);
        let stranger = store.put_user(&NewUser { email: "x@example.se".into(), name: "X".into(), lang: Lang::Sv, password_hash: None }, &by("t")).await.unwrap();
        assert_eq!(store.set_assigned(&slug(), 2019, stranger, code("0186"), true, &by("org")).await.unwrap(), Err(ReviewRefusal::NotOnJury));
        let members = store.jury_members(&slug(), 2019).await.unwrap();
        assert_eq!(members.len(), 1);
        assert_eq!(members[0].profile.as_deref(), Some("Sofia Lind"));
        assert_eq!(members[0].ties.employer, Some(code("2480")));
    }

    async fn the_discussion_keeps_posts_in_order(store) {
        let id = round(store).await;
        let (first, second): (jiff::Timestamp, jiff::Timestamp) =
            ("2019-04-10T08:30:00Z".parse().unwrap(), "2019-04-10T09:00:00Z".parse().unwrap());
        store.post_discussion(&slug(), 2019, code("0186"), id, "Första", &juryn_store::Stamp::new("t", first)).await.unwrap();
        store.post_discussion(&slug(), 2019, code("0186"), id, "Andra", &juryn_store::Stamp::new("t", second)).await.unwrap();
        let posts = store.discussion(&slug(), 2019, code("0186")).await.unwrap();
        assert_eq!((posts[0].posted_at, posts[1].posted_at), (first, second), "posted at the caller's times");
        assert_eq!(posts.iter().map(|p| p.body.as_str()).collect::<Vec<_>>(), ["Första", "Andra"]);
        assert_eq!(posts[0].author.as_deref(), Some("Sofia Lind"));
        assert!(store.discussion(&slug(), 2019, code("2480")).await.unwrap().is_empty());
    }

    async fn of_two_racing_shortlist_decisions_one_wins(store) {
        round(store).await;
        let a: Vec<_> = ["0181", "0186", "1080"].iter().map(|c| (code(c), format!("Skäl {c}"))).collect();
        let b: Vec<_> = ["2480", "1780", "0114"].iter().map(|c| (code(c), "Annat".to_owned())).collect();
        let (s, chair1, chair2) = (slug(), by("chair1"), by("chair2"));
        let (x, y) = tokio::join!(
            store.record_shortlist(&s, 2019, &a, &chair1),
            store.record_shortlist(&s, 2019, &b, &chair2)
        );
        let outcomes = [x.unwrap(), y.unwrap()];
        assert_eq!(outcomes.iter().filter(|o| o.is_ok()).count(), 1);
        assert!(outcomes.contains(&Err(ShortlistRefusal::AlreadyDecided)));
        let kept = store.shortlist(&slug(), 2019).await.unwrap();
        assert!(kept == a || kept == b, "one decision whole, not a mix: {kept:?}");
        let edition = store.edition(&slug(), 2019).await.unwrap().unwrap();
        assert_eq!(edition.phase, Phase::Nominated);
    }

    async fn the_whole_county_policy_widens_automatic_conflicts(store) {
        let id = round(store).await;
        let policy = store.conflict_policy(&slug(), 2019).await.unwrap();
        assert!(!policy.whole_county);
        let before = store.conflict_register(&slug(), 2019).await.unwrap().len();
        let county = juryn_domain::conflict::ConflictPolicy { whole_county: true };
        store.set_review_settings(&slug(), 2019, county, (2, 4), &by("org")).await.unwrap();
        let register = store.conflict_register(&slug(), 2019).await.unwrap();
        assert!(register.len() > before + 20, "Stockholm's and Västerbotten's counties: {}", register.len());
        assert!(register.iter().any(|r| r.user_id == id && r.municipality == code("0186") && r.source == ConflictSource::SameCounty));
        let edition = store.edition(&slug(), 2019).await.unwrap().unwrap();
        assert_eq!((edition.shortlist_min, edition.shortlist_max), (2, 4));
        store.set_review_settings(&slug(), 2019, juryn_domain::conflict::ConflictPolicy::default(), (3, 5), &by("org")).await.unwrap();
        assert_eq!(store.conflict_register(&slug(), 2019).await.unwrap().len(), before);
    }
}
