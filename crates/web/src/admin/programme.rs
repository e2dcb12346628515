//! `/admin/{award}/{year}/program`: the organiser's programme — add an event (the gala, a
//! seminar, the winner's seminar, the inspiration day) with its time, place, presenters and
//! description, or take one away. The public page and the iCal feed follow at once.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::event::{Event, EventKind, InvalidEvent, Presenter};
use juryn_domain::{Lang, LocalizedText, MunicipalityCode, Slug, format_time};

use crate::app::AppState;
use crate::auth::{CsrfForm, MaybeViewer};
use crate::error::WebError;
use crate::extract::{EditionKey, LenientQuery};
use crate::find::award_and_edition;
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use crate::respond::{form_page, redirect};
use crate::timefield::{local_value, parse_local};
use juryn_domain::municipality::name_of;

/// The add form as typed.
#[derive(Default, Clone)]
pub struct Typed {
    pub kind: String,
    pub title_sv: String,
    pub title_en: String,
    pub starts: String,
    pub ends: String,
    pub place: String,
    pub municipalities: Vec<String>,
    pub winner: bool,
    pub people: String,
    pub description_sv: String,
    pub description_en: String,
}

impl Typed {
    /// The event's fields as the form shows them, to change it in place.
    fn of(e: &Event) -> Typed {
        let mut t = Typed {
            kind: e.kind.as_str().to_owned(),
            title_sv: e.title.sv.clone(),
            title_en: e.title.en.clone().unwrap_or_default(),
            starts: local_value(Some(e.starts_at)),
            ends: local_value(Some(e.ends_at)),
            place: e.place.clone(),
            description_sv: e.description.sv.clone(),
            description_en: e.description.en.clone().unwrap_or_default(),
            ..Typed::default()
        };
        let mut people = Vec::new();
        for p in &e.presenters {
            match p {
                Presenter::Municipality(c) => t.municipalities.push(c.to_string()),
                Presenter::Winner => t.winner = true,
                Presenter::Person(name) => people.push(name.clone()),
            }
        }
        t.people = people.join("\n");
        t
    }
}

#[derive(Template)]
#[template(path = "admin_programme.html")]
struct ProgrammeAdmin {
    l: Layout,
    csrf: String,
    action: String,
    events: Vec<(usize, String, String)>,
    /// The event being changed in place, if any (its index).
    editing: Option<usize>,
    kinds: Vec<(String, String, bool)>,
    nominees: Vec<(String, String, bool)>,
    typed: Typed,
    errors: Vec<String>,
}

async fn render(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    (slug, year): (&Slug, i16),
    (status, editing, typed, errors): (StatusCode, Option<usize>, Option<Typed>, Vec<String>),
) -> Result<Response, WebError> {
    let (award, edition) = award_and_edition(&*app.store, slug, year).await?;
    let stored = app.store.events(slug, year).await?;
    let typed = match (typed, editing) {
        (Some(typed), _) => typed,
        (None, Some(i)) => Typed::of(stored.get(i).ok_or(WebError::NotFound)?),
        (None, None) => Typed::default(),
    };
    let events = stored
        .iter()
        .enumerate()
        .map(|(i, e)| (i, e.title.get(lang).to_owned(), format_time(e.starts_at, lang)))
        .collect();
    let action = format!("/admin/{slug}/{year}/program");
    let l = super::edition_layout(
        lang,
        (slug, year),
        &award,
        ("programme-title", "programme-crumb"),
        action.clone(),
    );
    let kinds = EventKind::ALL
        .iter()
        .map(|k| {
            (k.as_str().to_owned(), t(lang, &format!("event-kind-{}", k.as_str())), typed.kind == k.as_str())
        })
        .collect();
    let nominees = edition
        .nominees
        .iter()
        .map(|c| (c.to_string(), name_of(*c), typed.municipalities.iter().any(|m| m == c.as_str())))
        .collect();
    form_page(app, headers, status, |csrf| ProgrammeAdmin {
        l,
        csrf,
        action,
        events,
        editing,
        kinds,
        nominees,
        typed,
        errors,
    })
}

/// `?andra=N`: change event N in place.
#[derive(Debug, Default, serde::Deserialize)]
pub struct Mode {
    andra: Option<usize>,
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    LenientQuery(mode): LenientQuery<Mode>,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "program")?;
    render(&app, &headers, lang, (&slug, year), (StatusCode::OK, mode.andra, None, vec![])).await
}

fn read(pairs: &[(String, String)]) -> Typed {
    let mut t = Typed::default();
    for (k, v) in pairs {
        match k.as_str() {
            "kind" => t.kind.clone_from(v),
            "title_sv" => t.title_sv.clone_from(v),
            "title_en" => t.title_en.clone_from(v),
            "starts" => t.starts = v.chars().take(20).collect(),
            "ends" => t.ends = v.chars().take(20).collect(),
            "place" => t.place.clone_from(v),
            "municipality" => t.municipalities.push(v.clone()),
            "winner" => t.winner = v == "on",
            "people" => t.people.clone_from(v),
            "description_sv" => t.description_sv.clone_from(v),
            "description_en" => t.description_en.clone_from(v),
            _ => {}
        }
    }
    t
}

pub async fn change(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "program")?;
    crate::find::refuse_if_archived(&app, (&slug, year)).await?;
    let actor = crate::auth::stamp(viewer.0.as_ref(), app.now());
    let mut events = app.store.events(&slug, year).await?;
    let op = pairs.iter().find(|(k, _)| k == "op").map(|(_, v)| v.as_str()).unwrap_or("");
    let index = pairs.iter().find(|(k, _)| k == "index").and_then(|(_, v)| v.parse::<usize>().ok());
    match op {
        "delete" => {
            let Some(index) = index.filter(|i| *i < events.len()) else {
                return Err(WebError::NotFound);
            };
            events.remove(index);
        }
        "add" | "save" => {
            let typed = read(&pairs);
            let editing = match op {
                "save" => Some(index.filter(|i| *i < events.len()).ok_or(WebError::NotFound)?),
                _ => None,
            };
            let (_, edition) = award_and_edition(&*app.store, &slug, year).await?;
            match event_from(&typed, &edition.nominees, lang) {
                Ok(event) => match editing {
                    Some(i) => events[i] = event,
                    None => events.push(event),
                },
                Err(errors) => {
                    let shown = (StatusCode::UNPROCESSABLE_ENTITY, editing, Some(typed), errors);
                    return render(&app, &headers, lang, (&slug, year), shown).await;
                }
            }
        }
        _ => return Err(WebError::BadRequest),
    }
    events.sort_by_key(|e| e.starts_at);
    app.store.put_events(&slug, year, &events, &actor).await?;
    Ok(redirect(&format!("/admin/{slug}/{year}/program"), vec![]))
}

/// The event the typed fields describe (presenting municipalities among the `nominees`), or
/// what to fix.
fn event_from(typed: &Typed, nominees: &[MunicipalityCode], lang: Lang) -> Result<Event, Vec<String>> {
    let mut errors = Vec::new();
    let kind = EventKind::parse(&typed.kind);
    let (starts, ends) = (parse_local(&typed.starts).flatten(), parse_local(&typed.ends).flatten());
    if kind.is_none() {
        errors.push(t(lang, "event-error-kind"));
    }
    if starts.is_none() || ends.is_none() {
        errors.push(t(lang, "visit-error-time"));
    }
    let mut presenters = Vec::new();
    for m in &typed.municipalities {
        match MunicipalityCode::parse(m).ok().filter(|c| nominees.contains(c)) {
            Some(c) => presenters.push(Presenter::Municipality(c)),
            None => errors.push(t(lang, "visit-error-nominee")),
        }
    }
    if typed.winner {
        presenters.push(Presenter::Winner);
    }
    presenters.extend(
        typed
            .people
            .lines()
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| Presenter::Person(p.to_owned())),
    );
    let opt = |s: &str| Some(s.trim().to_owned()).filter(|s| !s.is_empty());
    let (Some(kind), Some(starts_at), Some(ends_at), true) = (kind, starts, ends, errors.is_empty()) else {
        return Err(errors);
    };
    let event = Event {
        kind,
        title: LocalizedText { sv: typed.title_sv.trim().to_owned(), en: opt(&typed.title_en) },
        starts_at,
        ends_at,
        place: typed.place.trim().to_owned(),
        presenters,
        description: LocalizedText {
            sv: typed.description_sv.trim().to_owned(),
            en: opt(&typed.description_en),
        },
    };
    match event.validate() {
        Ok(()) => Ok(event),
        Err(InvalidEvent::NoTitle) => Err(vec![t(lang, "event-error-title")]),
        Err(InvalidEvent::EndsBeforeStart) => Err(vec![t(lang, "visit-error-order")]),
        Err(InvalidEvent::TooLong) => {
            Err(vec![t_args(lang, "visit-error-long", &[("max", juryn_domain::event::MAX_TEXT.to_string())])])
        }
    }
}
