use super::*;

fn slug() -> Slug {
    Slug::parse("digitaliseringskommun").unwrap()
}

fn code(c: &str) -> MunicipalityCode {
    MunicipalityCode::parse(c).unwrap()
}

fn edition() -> Scope {
    Scope::Edition(slug(), 2019)
}

fn actor(grants: Vec<Grant>) -> Actor {
    Actor { user_id: 1, grants, conflicts: vec![] }
}

fn with(role: Role) -> Actor {
    actor(vec![Grant { role, scope: edition(), municipality: None }])
}

fn contact(c: &str) -> Actor {
    actor(vec![Grant { role: Role::EntrantContact, scope: edition(), municipality: Some(code(c)) }])
}

fn read(c: &str, nominee: bool) -> Action<'static> {
    // Leak a slug for the 'static borrow; fine in a test.
    let award: &'static Slug = Box::leak(Box::new(slug()));
    Action::ReadEntry { award, year: 2019, municipality: code(c), is_nominee: nominee, submitted: true }
}

fn award() -> &'static Slug {
    Box::leak(Box::new(slug()))
}

#[test]
fn anonymous_visitors_are_sent_to_sign_in() {
    for action in [Action::OpenAccount, Action::OpenAdmin, Action::OpenPortal, read("0186", true)] {
        assert_eq!(decide(None, &action), Decision::SignIn);
    }
}

#[test]
fn a_contact_reads_their_own_entry_only() {
    let karlstad = contact("1780");
    assert_eq!(decide(Some(&karlstad), &read("1780", true)), Decision::Allow);
    assert_eq!(decide(Some(&karlstad), &read("0186", true)), Decision::Forbidden);
    assert_eq!(decide(Some(&karlstad), &Action::OpenPortal), Decision::Allow);
    assert_eq!(decide(Some(&karlstad), &Action::OpenAdmin), Decision::Forbidden);
}

#[test]
fn a_conflicted_juror_never_reads_the_entry() {
    let mut juror = with(Role::Juror);
    assert_eq!(decide(Some(&juror), &read("0186", false)), Decision::Allow);
    juror.conflicts.push((slug(), 2019, code("0186")));
    assert_eq!(decide(Some(&juror), &read("0186", false)), Decision::Forbidden);
    assert_eq!(decide(Some(&juror), &read("1780", false)), Decision::Allow);
    // Not in another year either, where the juror has no role.
    let other: &'static Slug = Box::leak(Box::new(slug()));
    let action = Action::ReadEntry {
        award: other,
        year: 2021,
        municipality: code("1780"),
        is_nominee: false,
        submitted: true,
    };
    assert_eq!(decide(Some(&juror), &action), Decision::Forbidden);
}

#[test]
fn an_expert_reads_nominees_only() {
    let expert = with(Role::Expert);
    assert_eq!(decide(Some(&expert), &read("0186", true)), Decision::Allow);
    assert_eq!(decide(Some(&expert), &read("0584", false)), Decision::Forbidden);
}

#[test]
fn jurors_and_experts_are_not_organisers() {
    for role in [Role::Juror, Role::JuryChair, Role::Expert, Role::Nominator] {
        let a = with(role);
        for action in [
            Action::OpenAdmin,
            Action::ManagePeople,
            Action::ReadAuditLog,
            Action::ManagePersonalData,
            Action::ManageMailQueue,
        ] {
            assert_eq!(decide(Some(&a), &action), Decision::Forbidden, "{role} {action:?}");
        }
    }
}

#[test]
fn an_award_organiser_grants_within_the_award_only() {
    let award_org =
        actor(vec![Grant { role: Role::Organiser, scope: Scope::Award(slug()), municipality: None }]);
    let juror = Grant { role: Role::Juror, scope: edition(), municipality: None };
    assert_eq!(decide(Some(&award_org), &Action::ChangeGrant(&juror)), Decision::Allow);
    assert_eq!(decide(Some(&award_org), &Action::ChangeGrant(&Grant::organiser())), Decision::Forbidden);
    assert_eq!(decide(Some(&award_org), &Action::ManagePersonalData), Decision::Forbidden);
    assert_eq!(decide(Some(&award_org), &Action::ManageMailQueue), Decision::Forbidden);
    let root = actor(vec![Grant::organiser()]);
    assert_eq!(decide(Some(&root), &Action::ChangeGrant(&Grant::organiser())), Decision::Allow);
    assert_eq!(decide(Some(&root), &read("0186", false)), Decision::Allow);
}

#[test]
fn a_person_without_roles_may_only_see_their_account() {
    let nobody = actor(vec![]);
    assert_eq!(decide(Some(&nobody), &Action::OpenAccount), Decision::Allow);
    assert_eq!(decide(Some(&nobody), &Action::OpenPortal), Decision::Forbidden);
    let award: &'static Slug = Box::leak(Box::new(slug()));
    assert_eq!(decide(Some(&nobody), &Action::OpenJuryArea { award, year: 2019 }), Decision::Forbidden);
}

#[test]
fn only_the_municipalitys_contacts_and_organisers_edit_its_entry() {
    let award: &'static Slug = Box::leak(Box::new(slug()));
    let edit = |c: &str| Action::EditEntry { award, year: 2019, municipality: code(c) };
    assert_eq!(decide(Some(&contact("0186")), &edit("0186")), Decision::Allow);
    assert_eq!(decide(Some(&contact("1780")), &edit("0186")), Decision::Forbidden);
    for role in [Role::Juror, Role::JuryChair, Role::Expert] {
        assert_eq!(decide(Some(&with(role)), &edit("0186")), Decision::Forbidden, "{role}");
    }
    assert_eq!(decide(Some(&actor(vec![Grant::organiser()])), &edit("0186")), Decision::Allow);
    assert_eq!(decide(None, &edit("0186")), Decision::SignIn);
}

#[test]
fn only_unconflicted_jurors_review_and_only_the_chair_decides_the_shortlist() {
    let award = slug();
    let review = |c: &str| Action::ReviewEntry { award: &award, year: 2019, municipality: code(c) };
    let mut juror = with(Role::Juror);
    juror.conflicts.push((slug(), 2019, code("0186")));
    assert_eq!(decide(Some(&juror), &review("0180")), Decision::Allow);
    assert_eq!(decide(Some(&juror), &review("0186")), Decision::Forbidden);
    for role in [Role::Expert, Role::Organiser, Role::EntrantContact] {
        assert_eq!(decide(Some(&with(role)), &review("0180")), Decision::Forbidden, "{role:?}");
    }
    let shortlist = Action::DecideShortlist { award: &award, year: 2019 };
    assert_eq!(decide(Some(&with(Role::JuryChair)), &shortlist), Decision::Allow);
    for role in [Role::Juror, Role::Organiser, Role::Expert] {
        assert_eq!(decide(Some(&with(role)), &shortlist), Decision::Forbidden, "{role:?}");
    }
    let done = ReviewProgress { submitted: 4, left: 0 };
    let ranking = Action::ReadRanking { award: &award, year: 2019, progress: done };
    for (role, allowed) in
        [(Role::Juror, true), (Role::JuryChair, true), (Role::Organiser, true), (Role::Expert, false)]
    {
        let want = if allowed { Decision::Allow } else { Decision::Forbidden };
        assert_eq!(decide(Some(&with(role)), &ranking), want, "{role:?}");
    }
    let declare = Action::DeclareConflict { award: &award, year: 2019 };
    assert_eq!(decide(Some(&with(Role::Juror)), &declare), Decision::Allow);
    assert_eq!(decide(Some(&with(Role::Organiser)), &declare), Decision::Forbidden);
    let other_year = Action::ReviewEntry { award: &award, year: 2020, municipality: code("0180") };
    assert_eq!(decide(Some(&juror), &other_year), Decision::Forbidden);
}

#[test]
fn experts_the_chair_and_organisers_plan_visits() {
    let award = slug();
    let plan = Action::PlanVisit { award: &award, year: 2019 };
    for (role, allowed) in [
        (Role::Expert, true),
        (Role::JuryChair, true),
        (Role::Organiser, true),
        (Role::Juror, false),
        (Role::EntrantContact, false),
    ] {
        let want = if allowed { Decision::Allow } else { Decision::Forbidden };
        assert_eq!(decide(Some(&with(role)), &plan), want, "{role:?}");
    }
}

#[test]
fn the_meeting_and_the_reports_have_their_own_people() {
    let award = slug();
    let nominees = [code("0186"), code("2480")];
    let vote = Action::Vote { award: &award, year: 2019, nominees: &nominees };
    let mut juror = with(Role::Juror);
    assert_eq!(decide(Some(&juror), &vote), Decision::Allow);
    juror.conflicts.push((slug(), 2019, code("2480")));
    assert_eq!(decide(Some(&juror), &vote), Decision::Forbidden, "conflicted with a nominee: no vote");
    assert_eq!(decide(Some(&with(Role::Expert)), &vote), Decision::Forbidden);
    let chair = Action::ChairMeeting { award: &award, year: 2019 };
    assert_eq!(decide(Some(&with(Role::JuryChair)), &chair), Decision::Allow);
    assert_eq!(decide(Some(&with(Role::Juror)), &chair), Decision::Forbidden);
    assert_eq!(decide(Some(&with(Role::Organiser)), &chair), Decision::Forbidden);
    let approve = Action::ApproveCitation { award: &award, year: 2019, nominees: &nominees };
    assert_eq!(decide(Some(&with(Role::Juror)), &approve), Decision::Allow);
    assert_eq!(decide(Some(&with(Role::Expert)), &approve), Decision::Forbidden);
    let levels = Action::SeeJurorLevels { award: &award, year: 2019 };
    assert_eq!(decide(Some(&with(Role::Organiser)), &levels), Decision::Allow);
    assert_eq!(decide(Some(&with(Role::JuryChair)), &levels), Decision::Allow);
    assert_eq!(decide(Some(&with(Role::Juror)), &levels), Decision::Forbidden);
    let went = [1, 7];
    let report = Action::ReportVisit { award: &award, year: 2019, participants: &went };
    assert_eq!(decide(Some(&with(Role::Expert)), &report), Decision::Allow, "user 1 went");
    let stayed = [7];
    let report = Action::ReportVisit { award: &award, year: 2019, participants: &stayed };
    assert_eq!(decide(Some(&with(Role::Expert)), &report), Decision::Forbidden);
    assert_eq!(decide(Some(&with(Role::Organiser)), &report), Decision::Allow);
}

#[test]
fn the_jury_reads_submitted_entries_only_and_their_own_contacts_any() {
    let draft = |c: &str| Action::ReadEntry {
        award: award(),
        year: 2019,
        municipality: code(c),
        is_nominee: true,
        submitted: false,
    };
    for role in [Role::Juror, Role::JuryChair, Role::Expert] {
        assert_eq!(decide(Some(&with(role)), &draft("0186")), Decision::Forbidden, "{role}");
    }
    assert_eq!(decide(Some(&contact("0186")), &draft("0186")), Decision::Allow);
    assert_eq!(decide(Some(&with(Role::Organiser)), &draft("0186")), Decision::Allow);
}

#[test]
fn others_reviews_are_seen_after_ones_own_and_never_by_experts_or_the_conflicted() {
    let see = |own_submitted| Action::SeeReviews {
        award: award(),
        year: 2019,
        municipality: code("0186"),
        own_submitted,
    };
    let mut juror = with(Role::Juror);
    assert_eq!(decide(Some(&juror), &see(false)), Decision::Forbidden);
    assert_eq!(decide(Some(&juror), &see(true)), Decision::Allow);
    juror.conflicts.push((slug(), 2019, code("0186")));
    assert_eq!(decide(Some(&juror), &see(true)), Decision::Forbidden);
    assert_eq!(decide(Some(&with(Role::Expert)), &see(true)), Decision::Forbidden);
    assert_eq!(decide(Some(&with(Role::Organiser)), &see(false)), Decision::Allow);
}

#[test]
fn the_ranking_is_for_jurors_done_with_the_round() {
    let ranking = |submitted, left| Action::ReadRanking {
        award: award(),
        year: 2019,
        progress: ReviewProgress { submitted, left },
    };
    for role in [Role::Juror, Role::JuryChair] {
        let a = with(role);
        assert_eq!(decide(Some(&a), &ranking(0, 0)), Decision::Forbidden, "{role} with no assignments");
        assert_eq!(decide(Some(&a), &ranking(3, 1)), Decision::Forbidden, "{role} with one left");
        assert_eq!(decide(Some(&a), &ranking(4, 0)), Decision::Allow, "{role} done");
    }
    assert_eq!(decide(Some(&with(Role::Expert)), &ranking(4, 0)), Decision::Forbidden);
    assert_eq!(decide(Some(&with(Role::Organiser)), &ranking(0, 0)), Decision::Allow);
}

#[test]
fn a_juror_conflicted_with_a_nominee_sees_no_count_and_no_decision_before_the_public() {
    let nominees: &'static [MunicipalityCode] = Box::leak(Box::new([code("0186"), code("1780")]));
    let count = |decided, public| Action::SeeCount { award: award(), year: 2019, nominees, decided, public };
    let decision = Action::SeeDecision { award: award(), year: 2019, nominees };
    let citation = Action::ApproveCitation { award: award(), year: 2019, nominees };
    let mut juror = with(Role::Juror);
    assert_eq!(decide(Some(&juror), &count(false, false)), Decision::Forbidden, "while voting");
    assert_eq!(decide(Some(&juror), &count(true, false)), Decision::Allow);
    assert_eq!(decide(Some(&juror), &decision), Decision::Allow);
    juror.conflicts.push((slug(), 2019, code("1780")));
    assert_eq!(decide(Some(&juror), &count(true, false)), Decision::Forbidden);
    assert_eq!(decide(Some(&juror), &decision), Decision::Forbidden);
    assert_eq!(decide(Some(&juror), &citation), Decision::Forbidden);
    assert_eq!(decide(Some(&juror), &count(true, true)), Decision::Allow, "once public");
    let mut chair = with(Role::JuryChair);
    assert_eq!(decide(Some(&chair), &count(false, false)), Decision::Allow);
    chair.conflicts.push((slug(), 2019, code("0186")));
    assert_eq!(decide(Some(&chair), &count(false, false)), Decision::Forbidden);
    assert_eq!(decide(Some(&with(Role::Expert)), &count(true, false)), Decision::Forbidden);
    assert_eq!(decide(Some(&with(Role::Organiser)), &decision), Decision::Allow);
}

#[test]
fn an_api_key_reads_and_writes_entries_and_nothing_else() {
    assert!(read("0186", false).open_to_api_keys());
    assert!(Action::EditEntry { award: award(), year: 2019, municipality: code("0186") }.open_to_api_keys());
    for a in [Action::OpenAdmin, Action::OpenAccount, Action::OpenJuryArea { award: award(), year: 2019 }] {
        assert!(!a.open_to_api_keys(), "{a:?}");
    }
}

#[test]
fn an_award_organiser_sees_the_people_and_log_of_their_award_only() {
    let other = Slug::parse("annat-pris").unwrap();
    let ours = actor(vec![Grant { role: Role::Organiser, scope: Scope::Award(slug()), municipality: None }]);
    assert_eq!(ours.organised_awards(), Some(vec![slug()]));
    assert_eq!(with(Role::Organiser).organised_awards(), Some(vec![slug()]), "an edition's organiser");
    assert_eq!(actor(vec![Grant::organiser()]).organised_awards(), None, "the installation's: everything");
    let juror_here = [Grant { role: Role::Juror, scope: edition(), municipality: None }];
    let juror_there = [Grant { role: Role::Juror, scope: Scope::Edition(other, 2021), municipality: None }];
    assert_eq!(decide(Some(&ours), &Action::SeePerson { grants: &juror_here }), Decision::Allow);
    assert_eq!(decide(Some(&ours), &Action::SeePerson { grants: &juror_there }), Decision::Forbidden);
    assert_eq!(decide(Some(&ours), &Action::SeePerson { grants: &[] }), Decision::Forbidden);
    assert_eq!(
        decide(Some(&actor(vec![Grant::organiser()])), &Action::SeePerson { grants: &[] }),
        Decision::Allow
    );
}
