//! `/admin/{award}/{year}/jury/profiler`: the jury as the public sees it on
//! `/{award}/{year}/jury` — each profile's name, title, organisation, whether they chair, and
//! the order — with what the public never sees: where the juror lives and works (the automatic
//! conflicts) and the account the profile belongs to.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::{Juror, Lang, LocalizedText, MunicipalityCode, Slug};
use juryn_store::{JurorProfile, ProfileSaved};
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::{CsrfForm, MaybeViewer};
use crate::error::WebError;
use crate::extract::{EditionKey, LenientQuery};
use crate::find::award_and_edition;
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use crate::respond::{form_page, redirect};
use juryn_domain::municipality::name_of;

const MAX_FIELD: usize = 200;

/// A profile's fields as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Typed {
    #[serde(default)]
    name: String,
    #[serde(default)]
    title_sv: String,
    #[serde(default)]
    title_en: String,
    #[serde(default)]
    organisation: String,
    #[serde(default)]
    home: String,
    #[serde(default)]
    employer: String,
    #[serde(default)]
    chair: String,
    #[serde(default)]
    account: String,
}

impl Typed {
    fn of(p: &JurorProfile) -> Typed {
        let j = &p.juror;
        Typed {
            name: j.name.clone(),
            title_sv: j.title.sv.clone(),
            title_en: j.title.en.clone().unwrap_or_default(),
            organisation: j.organisation.clone(),
            home: j.home_municipality.map(name_of).unwrap_or_default(),
            employer: p.employer.map(name_of).unwrap_or_default(),
            chair: if j.is_chair { "on".into() } else { String::new() },
            account: p.user_id.map(|u| u.to_string()).unwrap_or_default(),
        }
    }
}

#[derive(Debug, Clone, Deserialize)]
pub struct Change {
    #[serde(default)]
    op: String,
    #[serde(default)]
    id: Option<i64>,
    #[serde(flatten)]
    typed: Typed,
}

#[derive(Debug, Default, Deserialize)]
pub struct Mode {
    andra: Option<i64>,
}

pub struct Row {
    pub id: i64,
    pub name: String,
    pub title: String,
    pub chair: bool,
    pub account: String,
    pub first: bool,
    pub last: bool,
}

#[derive(Template)]
#[template(path = "admin_jury_profiles.html")]
struct ProfilesPage {
    l: Layout,
    csrf: String,
    action: String,
    public_href: String,
    rows: Vec<Row>,
    /// (user id, "name (email)", selected)
    accounts: Vec<(String, String, bool)>,
    editing: Option<i64>,
    heading: String,
    typed: Typed,
    errors: Vec<String>,
}

async fn render(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    (slug, year): (&Slug, i16),
    (status, editing, typed, errors): (StatusCode, Option<i64>, Option<Typed>, Vec<String>),
) -> Result<Response, WebError> {
    let (award, _) = award_and_edition(&*app.store, slug, year).await?;
    let profiles = app.store.jury_profiles(slug, year).await?;
    let members = app.store.jury_members(slug, year).await?;
    let account_name = |id: Option<i64>| {
        id.and_then(|id| members.iter().find(|m| m.user_id == id)).map(|m| m.name.clone()).unwrap_or_default()
    };
    let rows = profiles
        .iter()
        .enumerate()
        .map(|(i, p)| Row {
            id: p.id,
            name: p.juror.name.clone(),
            title: p.juror.title.get(lang).to_owned(),
            chair: p.juror.is_chair,
            account: account_name(p.user_id),
            first: i == 0,
            last: i + 1 == profiles.len(),
        })
        .collect();
    let (heading, typed) = match editing {
        Some(id) => {
            let p = profiles.iter().find(|p| p.id == id).ok_or(WebError::NotFound)?;
            let heading = t_args(lang, "jury-profiles-edit", &[("name", p.juror.name.clone())]);
            (heading, typed.unwrap_or_else(|| Typed::of(p)))
        }
        None => (t(lang, "jury-profiles-add"), typed.unwrap_or_default()),
    };
    let accounts = members
        .iter()
        .map(|m| {
            (
                m.user_id.to_string(),
                format!("{} ({})", m.name, m.email),
                typed.account == m.user_id.to_string(),
            )
        })
        .collect();
    let action = format!("/admin/{slug}/{year}/jury/profiler");
    let l = super::edition_layout(
        lang,
        (slug, year),
        &award,
        ("jury-profiles-title", "jury-profiles-crumb"),
        action.clone(),
    );
    form_page(app, headers, status, |csrf| ProfilesPage {
        l,
        csrf,
        action,
        public_href: format!("/{slug}/{year}/jury"),
        rows,
        accounts,
        editing,
        heading,
        typed,
        errors,
    })
}

/// `GET /admin/{award}/{year}/jury/profiler` (`?andra=ID` to edit one).
pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    LenientQuery(mode): LenientQuery<Mode>,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "jury/profiler")?;
    render(&app, &headers, lang, (&slug, year), (StatusCode::OK, mode.andra, None, vec![])).await
}

/// The profile the typed fields describe, or what to fix.
fn check(
    typed: &Typed,
    members: &[juryn_store::JuryMember],
    lang: Lang,
) -> Result<JurorProfile, Vec<String>> {
    let mut fields = super::fields::TextFields::new(lang);
    let mut field =
        |key: &str, text: &str, required: bool| fields.text(key, text, MAX_FIELD, (required, false));
    let name = field("jury-profiles-name", &typed.name, true);
    let title_sv = field("jury-profiles-title-sv", &typed.title_sv, false);
    let title_en = field("jury-profiles-title-en", &typed.title_en, false);
    let organisation = field("jury-profiles-organisation", &typed.organisation, false);
    let mut errors = fields.errors;
    let mut place = |key: &str, text: &str| -> Option<MunicipalityCode> {
        if text.trim().is_empty() {
            return None;
        }
        let found = super::jury::municipality_from_text(text);
        if found.is_none() {
            errors.push(t_args(lang, key, &[("text", text.trim().chars().take(60).collect())]));
        }
        found
    };
    let home = place("jury-profiles-error-home", &typed.home);
    let employer = place("jury-profiles-error-employer", &typed.employer);
    let user_id = match typed.account.trim() {
        "" => None,
        a => match a.parse::<i64>().ok().filter(|id| members.iter().any(|m| m.user_id == *id)) {
            Some(id) => Some(id),
            None => {
                errors.push(t(lang, "jury-profiles-error-account"));
                None
            }
        },
    };
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(JurorProfile {
        id: 0,
        juror: Juror {
            name,
            title: if title_en.is_empty() {
                LocalizedText::sv_only(title_sv)
            } else {
                LocalizedText::new(title_sv, title_en)
            },
            organisation,
            home_municipality: home,
            is_chair: typed.chair == "on",
            is_example: false,
        },
        employer,
        user_id,
    })
}

/// `POST /admin/{award}/{year}/jury/profiler`: `op` = add, save, up, down or delete.
pub async fn change(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    CsrfForm(form): CsrfForm<Change>,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "jury/profiler")?;
    crate::find::refuse_if_archived(&app, (&slug, year)).await?;
    let actor = crate::auth::stamp(viewer.0.as_ref(), app.now());
    let edition = (&slug, year);
    let here = format!("/admin/{slug}/{year}/jury/profiler");
    let refuse =
        |editing, errors| (StatusCode::UNPROCESSABLE_ENTITY, editing, Some(form.typed.clone()), errors);
    let found = match (form.op.as_str(), form.id) {
        ("add", _) | ("save", Some(_)) => {
            let editing = form.id.filter(|_| form.op == "save");
            let members = app.store.jury_members(&slug, year).await?;
            let profile = match check(&form.typed, &members, lang) {
                Ok(p) => p,
                Err(errors) => return render(&app, &headers, lang, edition, refuse(editing, errors)).await,
            };
            match app.store.save_juror_profile(edition, editing, &profile, &actor).await? {
                ProfileSaved::Saved(_) => true,
                ProfileSaved::NoSuchProfile => false,
                ProfileSaved::NameTaken => {
                    let e = t_args(lang, "jury-profiles-error-taken", &[("name", profile.juror.name)]);
                    return render(&app, &headers, lang, edition, refuse(editing, vec![e])).await;
                }
            }
        }
        ("up" | "down", Some(id)) => {
            app.store.move_juror_profile(edition, id, form.op == "up", &actor).await?
        }
        ("delete", Some(id)) => app.store.remove_juror_profile(edition, id, &actor).await?,
        ("save" | "up" | "down" | "delete", None) => false,
        _ => return Err(WebError::BadRequest),
    };
    if !found {
        return Err(WebError::NotFound);
    }
    Ok(redirect(&here, vec![]))
}
