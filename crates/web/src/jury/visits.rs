//! `/jury/{award}/{year}/besok`: site visits to the nominees. Experts, the chair and organisers
//! plan them (time in the visit window, place, who goes, what to ask — from the questions of
//! earlier visits or new ones); the municipality's contacts are mailed the time and the
//! questions at once. `/besok/{id}`: the visit, and its report written by those who went.
//! `/kalender/besok/{user}/{signature}`: a participant's visits as an iCal feed (UTC times).

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::visit::{Plan, PlanProblem, check_plan, window};
use juryn_domain::{Action, Decision, Lang, MunicipalityCode, Role, Scope, Slug, decide, format_time};
use juryn_store::{StoredVisit, VisitRefusal};

use crate::app::AppState;
use crate::auth::{CsrfForm, MaybeViewer, Viewer, require, require_on_edition, signed};
use crate::cache::PageKey;
use crate::cached_page::signed_in_form;
use crate::error::WebError;
use crate::extract::EditionKey;
use crate::find::award_and_edition;
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use crate::mail::Letter;
use crate::respond::{CSRF_SLOT, redirect, with_csrf};
use crate::timefield::parse_local;
use juryn_domain::municipality::name_of;

/// The purpose a calendar link is signed for.
pub(super) const FEED: &str = "visit-feed";

pub struct VisitRow {
    pub href: String,
    pub name: String,
    pub when: String,
    pub place: String,
    pub people: String,
    pub reported: bool,
}

pub struct Person {
    pub id: i64,
    pub name: String,
    pub role: String,
    pub checked: bool,
}

/// What the plan form holds (as typed, after a refusal).
#[derive(Default, Clone)]
pub struct Typed {
    pub nominee: String,
    pub starts: String,
    pub ends: String,
    pub place: String,
    /// A digital meeting's link; empty for a visit on site.
    pub video: String,
    pub people: Vec<i64>,
    pub shared: Vec<String>,
    pub own: String,
}

#[derive(Template)]
#[template(path = "jury_visits.html")]
struct VisitsPage {
    l: Layout,
    csrf: String,
    action: String,
    visits: Vec<VisitRow>,
    may_plan: bool,
    /// The decision is made (or the edition archived): no more visits are planned.
    planning_closed: bool,
    nominees: Vec<(String, String, bool)>,
    people: Vec<Person>,
    shared: Vec<(String, bool)>,
    typed: Typed,
    window_text: String,
    /// The window as the time fields' bounds (`2019-08-01T00:00`), empty without one.
    window_bounds: (String, String),
    feed: String,
    /// Where the "new link" button posts.
    renew_action: String,
    errors: Vec<String>,
}

pub(super) fn edition_of(viewer: &MaybeViewer, key: EditionKey) -> Result<(Slug, i16), WebError> {
    let here = key.page("/jury", "besok");
    require_on_edition(viewer, key, &here, |award, year| Action::OpenJuryArea { award, year })
}

/// Whether the viewer may see a visit: those who may read the nominee's entry (a conflicted
/// juror may not).
pub(super) fn may_see(v: &Viewer, slug: &Slug, year: i16, nominee: MunicipalityCode) -> bool {
    // A nominee's entry is submitted: the shortlist is made of submitted entries.
    let action =
        Action::ReadEntry { award: slug, year, municipality: nominee, is_nominee: true, submitted: true };
    decide(Some(&v.actor), &action) == Decision::Allow
}

pub(super) fn when(v: &StoredVisit, lang: Lang) -> String {
    juryn_domain::format_span(v.plan.starts_at, v.plan.ends_at, lang)
}

/// The people who may go: the edition's jurors, chair and experts.
async fn candidates(
    app: &AppState,
    (slug, year): (&Slug, i16),
) -> Result<Vec<(i64, String, Role)>, WebError> {
    let edition = Scope::Edition(slug.clone(), year);
    let mut out = Vec::new();
    for p in app.store.people().await? {
        let role = [Role::JuryChair, Role::Juror, Role::Expert]
            .into_iter()
            .find(|r| p.grants.iter().any(|g| g.grant.role == *r && g.grant.scope.covers(&edition)));
        if let Some(role) = role {
            out.push((p.user.id, p.user.name.clone(), role));
        }
    }
    out.sort_by_key(|(_, n, _)| juryn_domain::juror::swedish_key(n));
    Ok(out)
}

/// The person's calendar link, signed with the installation's key over their id and their own
/// calendar secret: revoking a role or asking for a new link renews the secret, and the old link
/// stops working.
pub fn feed_path(key: &[u8], user_id: i64, secret: &str) -> String {
    format!("/kalender/besok/{user_id}/{}", signed::sign(key, FEED, &format!("{user_id}:{secret}")))
}

/// When visits may be made, from the timeline: "Besöken görs mellan … och …", or that the
/// timeline has no window for them.
fn window_text(lang: Lang, timeline: &[juryn_domain::Milestone]) -> String {
    window(timeline).map_or_else(
        || t(lang, "visit-no-window"),
        |w| {
            t_args(
                lang,
                "visit-window",
                &[("from", format_time(w.from, lang)), ("until", format_time(w.until, lang))],
            )
        },
    )
}

/// The planning page. As first shown (nothing typed, no refusal) it is kept per reader (their
/// account, grants and conflicts decide which visits and questions they see) until the next
/// write; a page answering a refused plan is the answer to one request, never kept.
async fn render(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    (v, slug, year): (&Viewer, &Slug, i16),
    (status, typed, errors): (StatusCode, Typed, Vec<String>),
) -> Result<Response, WebError> {
    if status == StatusCode::OK && errors.is_empty() {
        let key = format!("visits|{slug}|{year}|{lang:?}|{}|{:?}", v.user.id, v.actor);
        let render = || html(app, lang, (v, slug, year), (typed, errors));
        return signed_in_form(app, headers, PageKey::JuryArea(key), render).await;
    }
    let (page, _) = html(app, lang, (v, slug, year), (typed, errors)).await?;
    Ok(with_csrf(app, headers, status, &page))
}

/// The page with `CSRF_SLOT` for its token, and until when it may be kept (the phase the page
/// goes by turns at the announcement, by the clock).
async fn html(
    app: &AppState,
    lang: Lang,
    (v, slug, year): (&Viewer, &Slug, i16),
    (typed, errors): (Typed, Vec<String>),
) -> Result<(String, Option<jiff::Timestamp>), WebError> {
    let (award, edition) = award_and_edition(&*app.store, slug, year).await?;
    let valid_until = edition.next_visibility_change(app.now());
    let secret = app.store.calendar_secret(v.user.id, true).await?.ok_or(WebError::Forbidden)?;
    let all = app.store.visits(slug, year).await?;
    let visits = all
        .iter()
        .filter(|x| may_see(v, slug, year, x.plan.nominee))
        .map(|x| VisitRow {
            href: format!("/jury/{slug}/{year}/besok/{}", x.id),
            name: name_of(x.plan.nominee),
            when: when(x, lang),
            place: match (&x.plan.video, x.plan.place.is_empty()) {
                (Some(_), true) => t(lang, "visit-digital"),
                (Some(_), false) => format!("{} ({})", x.plan.place, t(lang, "visit-digital")),
                (None, _) => x.plan.place.clone(),
            },
            people: x.people.iter().map(|(_, n)| n.as_str()).collect::<Vec<_>>().join(", "),
            reported: x.report.is_some(),
        })
        .collect();
    // Questions from visits the reader may see only: one from a visit to a nominee they are
    // conflicted with could say what the jury wonders about it.
    let mut shared: Vec<String> = Vec::new();
    for q in
        all.iter().filter(|x| may_see(v, slug, year, x.plan.nominee)).flat_map(|x| x.plan.questions.iter())
    {
        if !shared.contains(q) {
            shared.push(q.clone());
        }
    }
    let timeline = app.store.timeline(slug, year).await?;
    let window_text = window_text(lang, &timeline);
    let window_bounds = window(&timeline).map_or_else(Default::default, |w| {
        (crate::timefield::local_value(Some(w.from)), crate::timefield::local_value(Some(w.until)))
    });
    let people = candidates(app, (slug, year))
        .await?
        .into_iter()
        .map(|(id, name, role)| Person {
            id,
            name,
            role: t(lang, &format!("role-{}", role.as_str())),
            checked: typed.people.contains(&id),
        })
        .collect();
    let action = format!("/jury/{slug}/{year}/besok");
    let heading = t_args(lang, "visit-title", &[("edition", format!("{} {year}", award.name.get(lang)))]);
    let l = Layout::new(lang, heading, action.clone())
        .crumb(t(lang, "jury-crumb"), format!("/jury/{slug}/{year}"))
        .crumb(t(lang, "visit-crumb"), "");
    let page = VisitsPage {
        l,
        csrf: CSRF_SLOT.to_owned(),
        action,
        visits,
        may_plan: decide(Some(&v.actor), &Action::PlanVisit { award: slug, year }) == Decision::Allow
            && juryn_domain::visit::planning_open(edition.phase),
        planning_closed: !juryn_domain::visit::planning_open(edition.phase),
        nominees: edition
            .nominees
            .iter()
            .map(|c| (c.to_string(), name_of(*c), typed.nominee == c.as_str()))
            .collect(),
        people,
        shared: shared.iter().map(|q| (q.clone(), typed.shared.contains(q))).collect(),
        typed,
        window_text,
        window_bounds,
        feed: format!("{}{}", app.base_url, feed_path(&app.csrf_key, v.user.id, &secret)),
        renew_action: format!("/jury/{slug}/{year}/besok/kalender"),
        errors,
    };
    Ok((page.render()?, valid_until))
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
) -> Result<Response, WebError> {
    let (slug, year) = edition_of(&viewer, key)?;
    let v = viewer.0.as_ref().ok_or(WebError::Forbidden)?;
    render(&app, &headers, lang, (v, &slug, year), (StatusCode::OK, Typed::default(), vec![])).await
}

fn problem_text(lang: Lang, p: &PlanProblem, people: &[(i64, String, Role)]) -> String {
    let who = |id: &i64| {
        people.iter().find(|(u, _, _)| u == id).map_or_else(|| id.to_string(), |(_, n, _)| n.clone())
    };
    match p {
        PlanProblem::NotANominee => t(lang, "visit-error-nominee"),
        PlanProblem::EndsBeforeStart => t(lang, "visit-error-order"),
        PlanProblem::OutsideWindow(w) => t_args(
            lang,
            "visit-error-window",
            &[("from", format_time(w.from, lang)), ("until", format_time(w.until, lang))],
        ),
        PlanProblem::NoWindow => t(lang, "visit-no-window"),
        PlanProblem::NoPlace => t(lang, "visit-error-place"),
        PlanProblem::VideoLink => t(lang, "visit-error-video"),
        PlanProblem::NoParticipants => t(lang, "visit-error-people"),
        PlanProblem::Conflicted(u) => t_args(lang, "visit-error-conflicted", &[("name", who(u))]),
        PlanProblem::Overlap { user, other } => {
            t_args(lang, "visit-error-overlap", &[("name", who(user)), ("other", name_of(*other))])
        }
        PlanProblem::TooManyQuestions => {
            t_args(lang, "visit-error-questions", &[("max", juryn_domain::visit::MAX_QUESTIONS.to_string())])
        }
        PlanProblem::TooLong => {
            t_args(lang, "visit-error-long", &[("max", juryn_domain::visit::MAX_TEXT.to_string())])
        }
    }
}

/// The plan form: `nominee`, `starts`, `ends` (Stockholm wall-clock), `place`, `person` (one
/// per participant), `shared` (questions of earlier visits), `own` (new questions, one a line).
fn read_typed(pairs: &[(String, String)]) -> Typed {
    let mut t = Typed::default();
    for (k, v) in pairs {
        match k.as_str() {
            "nominee" => t.nominee.clone_from(v),
            "starts" => t.starts = v.chars().take(20).collect(),
            "ends" => t.ends = v.chars().take(20).collect(),
            "place" => t.place.clone_from(v),
            "video" => t.video.clone_from(v),
            "person" => t.people.extend(v.parse::<i64>().ok()),
            "shared" => t.shared.push(v.clone()),
            "own" => t.own.clone_from(v),
            _ => {}
        }
    }
    t
}

/// A plan checked against the edition: its nominees, the visit window of its timeline, the
/// jury's conflicts and the visits already booked.
async fn check_against_edition(
    app: &AppState,
    (slug, year, edition): (&Slug, i16, &juryn_domain::Edition),
    plan: &Plan,
) -> Result<Result<(), Vec<PlanProblem>>, WebError> {
    let register: Vec<(i64, MunicipalityCode)> = app
        .store
        .conflict_register(slug, year)
        .await?
        .into_iter()
        .map(|c| (c.user_id, c.municipality))
        .collect();
    let booked: Vec<juryn_domain::visit::Booked> = app
        .store
        .visits(slug, year)
        .await?
        .into_iter()
        .map(|x| juryn_domain::visit::Booked {
            nominee: x.plan.nominee,
            starts_at: x.plan.starts_at,
            ends_at: x.plan.ends_at,
            participants: x.plan.participants,
        })
        .collect();
    let timeline = app.store.timeline(slug, year).await?;
    Ok(check_plan(plan, &edition.nominees, window(&timeline), |u, m| register.contains(&(u, m)), &booked))
}

/// The municipality's contacts are told when the visitors come and what they will ask: the
/// letters, queued with the plan's write (none if it is refused).
async fn letters_to_the_municipality(
    app: &AppState,
    (slug, year, award_row): (&Slug, i16, &juryn_domain::Award),
    plan: &Plan,
) -> Result<Vec<juryn_store::OutgoingMail>, WebError> {
    let edition_name = |l: Lang| format!("{} {year}", award_row.name.get(l));
    let contacts = app.store.contacts_of(slug, year, plan.nominee).await?;
    Ok(contacts
        .into_iter()
        .map(|user| {
            let when = juryn_domain::format_span(plan.starts_at, plan.ends_at, user.lang);
            Letter::visit(user.lang, &user.name, &edition_name(user.lang), plan, &when)
                .from_award(award_row, user.lang)
                .to(&user.name, &user.email)
        })
        .collect())
}

pub async fn plan(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let (slug, year) = edition_of(&viewer, key)?;
    require(&viewer, Action::PlanVisit { award: &slug, year }, "")?;
    crate::find::refuse_if_archived(&app, (&slug, year)).await?;
    let v = viewer.0.as_ref().ok_or(WebError::Forbidden)?;
    let typed = read_typed(&pairs);
    let (award_row, edition) = award_and_edition(&*app.store, &slug, year).await?;
    if !juryn_domain::visit::planning_open(edition.phase) {
        return render(
            &app,
            &headers,
            lang,
            (v, &slug, year),
            (StatusCode::CONFLICT, typed, vec![t(lang, "visit-planning-closed")]),
        )
        .await;
    }
    let people = candidates(&app, (&slug, year)).await?;
    let mut errors = Vec::new();
    let starts = parse_local(&typed.starts).flatten();
    let ends = parse_local(&typed.ends).flatten();
    if starts.is_none() || ends.is_none() {
        errors.push(t(lang, "visit-error-time"));
    }
    let nominee = MunicipalityCode::parse(typed.nominee.trim()).ok();
    if typed.people.iter().any(|p| !people.iter().any(|(u, _, _)| u == p)) {
        errors.push(t(lang, "visit-error-unknown-person"));
    }
    let mut questions: Vec<String> =
        typed.shared.iter().map(|q| q.trim().to_owned()).filter(|q| !q.is_empty()).collect();
    questions.extend(typed.own.lines().map(str::trim).filter(|q| !q.is_empty()).map(str::to_owned));
    let refuse =
        |status, errors| render(&app, &headers, lang, (v, &slug, year), (status, typed.clone(), errors));
    let (Some(starts), Some(ends), true) = (starts, ends, errors.is_empty()) else {
        return refuse(StatusCode::UNPROCESSABLE_ENTITY, errors).await;
    };
    let Some(nominee) = nominee else {
        return refuse(StatusCode::UNPROCESSABLE_ENTITY, vec![t(lang, "visit-error-nominee")]).await;
    };
    let plan = Plan {
        nominee,
        starts_at: starts,
        ends_at: ends,
        place: typed.place.trim().to_owned(),
        video: Some(typed.video.trim().to_owned()).filter(|l| !l.is_empty()),
        participants: typed.people.clone(),
        questions,
    };
    let checked = check_against_edition(&app, (&slug, year, &edition), &plan).await?;
    if let Err(problems) = checked {
        let errors = problems.iter().map(|p| problem_text(lang, p, &people)).collect();
        return refuse(StatusCode::UNPROCESSABLE_ENTITY, errors).await;
    }
    let letters = letters_to_the_municipality(&app, (&slug, year, &award_row), &plan).await?;
    let id = match app.store.plan_visit(&slug, year, &plan, &v.stamp(app.now()).with_mail(letters)).await? {
        Ok(id) => id,
        Err(VisitRefusal::Overlap { user }) => {
            let problem = PlanProblem::Overlap { user, other: nominee };
            return refuse(StatusCode::CONFLICT, vec![problem_text(lang, &problem, &people)]).await;
        }
    };
    Ok(redirect(&format!("/jury/{slug}/{year}/besok/{id}"), vec![]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timefield::local_value;

    #[test]
    fn the_form_reads_people_questions_and_times() {
        let pairs: Vec<(String, String)> = [
            ("nominee", "0186"),
            ("starts", "2019-09-03T10:00"),
            ("person", "3"),
            ("person", "x"),
            ("person", "5"),
            ("shared", "Hur mäter ni?"),
            ("own", "Vad gör ni härnäst?\n\nBudget?"),
        ]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
        let t = read_typed(&pairs);
        assert_eq!(t.people, [3, 5]);
        assert_eq!(t.shared, ["Hur mäter ni?"]);
        assert_eq!(t.own.lines().filter(|l| !l.is_empty()).count(), 2);
        assert_eq!(local_value(parse_local(&t.starts).flatten()), "2019-09-03T10:00");
    }
}
