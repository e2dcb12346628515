//! `/admin/{award}/{year}/halltider`: the timeline editor. Milestones are added (placed by
//! date), corrected, moved up or down among their neighbours, and removed; a date already
//! announced is *moved* instead — the old date stays on the page as "Flyttad från …", the news
//! feed says so, the gala carries the winner's announcement with it, and the people involved
//! may be told by mail (`admin::timeline_notice`).

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::schedule::{self, Contradiction, Gap, MAX_LABEL};
use juryn_domain::{DateSpan, Lang, LocalizedText, Milestone, MilestoneKind, WrittenDateError};
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::{CsrfForm, MaybeViewer};
use crate::edition_words::moved_text;
use crate::error::WebError;
use crate::extract::{EditionKey, LenientQuery};
use crate::find::award_and_edition;
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use crate::respond::{form_page, redirect};

/// A milestone's fields as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Typed {
    #[serde(default)]
    kind: String,
    #[serde(default)]
    text_sv: String,
    #[serde(default)]
    text_en: String,
    #[serde(default)]
    date: String,
}

impl Typed {
    fn of(m: &Milestone) -> Typed {
        Typed {
            kind: m.kind.as_str().to_owned(),
            text_sv: m.label.sv.clone(),
            text_en: m.label.en.clone().unwrap_or_default(),
            date: written(m.span),
        }
    }
}

/// The date as the organiser would write it ("29 april 2021"), or its ISO form where the
/// written form would not read back the same (days across two months).
fn written(span: DateSpan) -> String {
    let text = span.render_inline(Lang::Sv, 0);
    if DateSpan::parse_written(&text) == Ok(span) { text } else { span.to_string() }
}

/// The form posted: an operation, the milestone it is about, and the typed fields.
#[derive(Debug, Clone, Deserialize)]
pub struct Change {
    #[serde(default)]
    op: String,
    #[serde(default)]
    index: Option<usize>,
    #[serde(flatten)]
    typed: Typed,
}

/// `?andra=N` (correct milestone N) or `?flytta=N` (move it).
#[derive(Debug, Default, Deserialize)]
pub struct Mode {
    andra: Option<usize>,
    flytta: Option<usize>,
    /// After the letter about a move: how many it was queued for.
    meddelat: Option<usize>,
}

pub struct Row {
    pub index: usize,
    pub when: String,
    pub kind: String,
    pub text: String,
    pub moved: Option<String>,
    pub last: bool,
}

/// What the form below the list does.
#[derive(Clone, Copy, PartialEq, Eq)]
enum FormMode {
    Add,
    Edit(usize),
    Move(usize),
}

#[derive(Template)]
#[template(path = "admin_timeline.html")]
struct TimelinePage {
    l: Layout,
    csrf: String,
    action: String,
    rows: Vec<Row>,
    gaps: Vec<String>,
    kinds: Vec<(String, String, bool)>,
    /// "add", "save" or "move".
    op: &'static str,
    index: usize,
    heading: String,
    /// For a move: what happens to the date it has, and whether the announcement moves with it.
    moving_from: String,
    moves_announcement: bool,
    typed: Typed,
    errors: Vec<String>,
    notice: Option<String>,
}

struct Shown {
    status: StatusCode,
    notice: Option<String>,
    mode: FormMode,
    typed: Option<Typed>,
    errors: Vec<String>,
}

pub fn kind_name(lang: Lang, kind: MilestoneKind) -> String {
    t(lang, &format!("milestone-kind-{}", kind.as_str()))
}

/// The form below the list: its operation, the milestone it is about, its heading, what a move
/// does to the date, whether the announcement moves with it, and its fields.
type FormShown = (&'static str, usize, String, String, bool, Typed);

fn the_form(
    lang: Lang,
    (timeline, edition): (&[Milestone], &juryn_domain::Edition),
    mode: FormMode,
    typed: Option<Typed>,
    now: jiff::Timestamp,
) -> Result<FormShown, WebError> {
    let current = |i: usize| timeline.get(i).ok_or(WebError::NotFound);
    Ok(match mode {
        FormMode::Add => ("add", 0, t(lang, "timeline-add"), String::new(), false, typed.unwrap_or_default()),
        FormMode::Edit(i) => {
            let m = current(i)?;
            let typed = typed.unwrap_or_else(|| Typed::of(m));
            (
                "save",
                i,
                t_args(lang, "timeline-edit", &[("what", m.label.get(lang).to_owned())]),
                String::new(),
                false,
                typed,
            )
        }
        FormMode::Move(i) => {
            let m = current(i)?;
            let typed = typed.unwrap_or_default();
            let heading = t_args(lang, "timeline-move", &[("what", m.label.get(lang).to_owned())]);
            let moves = schedule::moves_announcement(m.kind) && edition.announce_at.is_some_and(|a| a > now);
            let intro = t_args(lang, "timeline-move-intro", &[("date", m.span.render_inline(lang, 0))]);
            ("move", i, heading, intro, moves, typed)
        }
    })
}

async fn render(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    (slug, year): (&juryn_domain::Slug, i16),
    shown: Shown,
) -> Result<Response, WebError> {
    let (award, edition) = award_and_edition(&*app.store, slug, year).await?;
    let timeline = app.store.timeline(slug, year).await?;
    let action = format!("/admin/{slug}/{year}/halltider");
    let l = super::edition_layout(
        lang,
        (slug, year),
        &award,
        ("timeline-title", "timeline-crumb"),
        action.clone(),
    );
    let rows = timeline
        .iter()
        .enumerate()
        .map(|(index, m)| Row {
            index,
            when: m.span.render(lang, year),
            kind: kind_name(lang, m.kind),
            text: m.label.get(lang).to_owned(),
            moved: moved_text(lang, m),
            last: index + 1 == timeline.len(),
        })
        .collect();
    let gaps = schedule::gaps(&timeline, edition.phase)
        .into_iter()
        .map(|g| match g {
            Gap::VisitWindow => t(lang, "timeline-gap-visits"),
            Gap::Announcement => t(lang, "timeline-gap-gala"),
        })
        .collect();
    let form = the_form(lang, (&timeline, &edition), shown.mode, shown.typed, app.now())?;
    let (op, index, heading, moving_from, moves_announcement, typed) = form;
    let kinds = MilestoneKind::ALL
        .iter()
        .map(|k| (k.as_str().to_owned(), kind_name(lang, *k), typed.kind == k.as_str()))
        .collect();
    form_page(app, headers, shown.status, |csrf| TimelinePage {
        l,
        csrf,
        action,
        rows,
        gaps,
        kinds,
        op,
        index,
        heading,
        moving_from,
        moves_announcement,
        typed,
        errors: shown.errors,
        notice: shown.notice,
    })
}

/// `GET /admin/{award}/{year}/halltider`.
pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    LenientQuery(mode): LenientQuery<Mode>,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "halltider")?;
    let notice = mode.meddelat.map(|n| super::timeline_notice::sent_notice(lang, n));
    let mode = match (mode.andra, mode.flytta) {
        (Some(i), _) => FormMode::Edit(i),
        (_, Some(i)) => FormMode::Move(i),
        _ => FormMode::Add,
    };
    let shown = Shown { status: StatusCode::OK, notice, mode, typed: None, errors: vec![] };
    render(&app, &headers, lang, (&slug, year), shown).await
}

/// A date as the organiser wrote it; without a year, the edition's ("29 april" in 2021).
fn read_date(text: &str, year: i16, lang: Lang) -> Result<DateSpan, String> {
    let text = text.trim();
    let has_year = text.split(|c: char| !c.is_ascii_digit()).any(|n| n.len() == 4);
    let read = |t: &str| DateSpan::read_written(t);
    let result = if has_year || text.is_empty() { read(text) } else { read(&format!("{text} {year}")) };
    result.map_err(|e| match e {
        WrittenDateError::EndBeforeStart(_) => {
            t_args(lang, "timeline-error-backwards", &[("date", text.to_owned())])
        }
        WrittenDateError::Unreadable(_) if text.is_empty() => t(lang, "timeline-error-no-date"),
        WrittenDateError::Unreadable(_) => {
            t_args(lang, "timeline-error-date", &[("date", text.chars().take(40).collect())])
        }
    })
}

/// The milestone the typed fields describe, or what to fix.
fn check(typed: &Typed, year: i16, lang: Lang) -> Result<Milestone, Vec<String>> {
    let mut errors = Vec::new();
    let kind = MilestoneKind::ALL.into_iter().find(|k| k.as_str() == typed.kind);
    if kind.is_none() {
        errors.push(t(lang, "timeline-error-kind"));
    }
    let (sv, en) = (typed.text_sv.trim(), typed.text_en.trim());
    if sv.is_empty() {
        errors.push(t(lang, "timeline-error-text"));
    }
    if sv.chars().count() > MAX_LABEL || en.chars().count() > MAX_LABEL {
        errors.push(t_args(lang, "timeline-error-long", &[("max", MAX_LABEL.to_string())]));
    }
    if [sv, en].iter().any(|s| s.chars().any(char::is_control)) {
        errors.push(t(lang, "timeline-error-control"));
    }
    let span = read_date(&typed.date, year, lang).map_err(|e| errors.push(e)).ok();
    match (kind, span, errors.is_empty()) {
        (Some(kind), Some(span), true) => Ok(Milestone {
            kind,
            label: if en.is_empty() { LocalizedText::sv_only(sv) } else { LocalizedText::new(sv, en) },
            span,
            moved: None,
        }),
        _ => Err(errors),
    }
}

/// `POST /admin/{award}/{year}/halltider`: `op` = add, save, up, down, delete or move.
pub async fn change(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    CsrfForm(form): CsrfForm<Change>,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "halltider")?;
    crate::find::refuse_if_archived(&app, (&slug, year)).await?;
    let actor = crate::auth::stamp(viewer.0.as_ref(), app.now());
    let mut timeline = app.store.timeline(&slug, year).await?;
    let here = format!("/admin/{slug}/{year}/halltider");
    let index = form.index.filter(|i| *i < timeline.len());
    let refuse = |mode, errors| Shown {
        status: StatusCode::UNPROCESSABLE_ENTITY,
        notice: None,
        mode,
        typed: Some(form.typed.clone()),
        errors,
    };
    match (form.op.as_str(), index) {
        ("add", _) => match check(&form.typed, year, lang) {
            Ok(m) => {
                // Placed by date; an equal date goes after the ones already there.
                let at =
                    timeline.iter().position(|o| o.span.start() > m.span.start()).unwrap_or(timeline.len());
                timeline.insert(at, m);
            }
            Err(errors) => {
                return render(&app, &headers, lang, (&slug, year), refuse(FormMode::Add, errors)).await;
            }
        },
        ("save", Some(i)) => match check(&form.typed, year, lang) {
            // A correction: the date as it should always have read, so no "moved" is added.
            Ok(m) => timeline[i] = Milestone { moved: timeline[i].moved, ..m },
            Err(errors) => {
                return render(&app, &headers, lang, (&slug, year), refuse(FormMode::Edit(i), errors)).await;
            }
        },
        ("up", Some(i)) if i > 0 => timeline.swap(i, i - 1),
        ("down", Some(i)) if i + 1 < timeline.len() => timeline.swap(i, i + 1),
        ("up" | "down", Some(_)) => {}
        ("delete", Some(i)) => {
            timeline.remove(i);
        }
        ("move", Some(i)) => {
            let to = match read_date(&form.typed.date, year, lang) {
                Ok(to) if to == timeline[i].span => Err(t(lang, "timeline-error-same")),
                other => other,
            };
            let to = match to {
                Ok(to) => to,
                Err(e) => {
                    return render(&app, &headers, lang, (&slug, year), refuse(FormMode::Move(i), vec![e]))
                        .await;
                }
            };
            return move_milestone(&app, (&slug, year), (timeline, i, to), &actor).await;
        }
        ("save" | "up" | "down" | "delete" | "move", None) => return Err(WebError::NotFound),
        _ => return Err(WebError::BadRequest),
    }
    if let Some(Contradiction::CallClosesBeforeOpens) = schedule::contradiction(&timeline) {
        let mode = match (form.op.as_str(), index) {
            ("save", Some(i)) => FormMode::Edit(i),
            _ => FormMode::Add,
        };
        let errors = vec![t(lang, "timeline-error-call-order")];
        return render(&app, &headers, lang, (&slug, year), refuse(mode, errors)).await;
    }
    app.store.set_timeline(&slug, year, &timeline, &actor).await?;
    Ok(redirect(&here, vec![]))
}

/// Moves milestone `i` to `to` (with the announcement when it is the gala), then offers to tell
/// the people involved.
async fn move_milestone(
    app: &AppState,
    (slug, year): (&juryn_domain::Slug, i16),
    (timeline, i, to): (Vec<Milestone>, usize, DateSpan),
    actor: &juryn_store::Stamp,
) -> Result<Response, WebError> {
    let (_, edition) = award_and_edition(&*app.store, slug, year).await?;
    let moved = schedule::plan_move(timeline, i, to, edition.announce_at, actor.at);
    app.store.reschedule((slug, year), &moved.timeline, moved.announce_at, (actor, &moved.what)).await?;
    Ok(redirect(&format!("/admin/{slug}/{year}/halltider/meddela/{i}"), vec![]))
}
