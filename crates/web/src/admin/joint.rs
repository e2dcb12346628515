//! `/admin/{award}/{year}/gemensamma`: joint entries (2023: "Mora, Orsa och Älvdalens
//! kommuner") — two or more municipalities that answer together under one name. The organiser
//! names the entry and its members (or lets the name say them); the domain checks that there are
//! two or more and that none is in another entry, inside the store's write.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::joint::{JointEntry, JointProblem, MAX_NAME_CHARS};
use juryn_domain::municipality::name_of;
use juryn_domain::{Lang, Registry, Slug};

use crate::app::AppState;
use crate::auth::{CsrfForm, MaybeViewer};
use crate::error::WebError;
use crate::extract::EditionKey;
use crate::find::award_and_edition;
use crate::i18n::{t, t_args};
use crate::respond::{form_page, redirect};

#[derive(Template)]
#[template(path = "admin_joint.html")]
struct JointPage {
    l: crate::layout::Layout,
    csrf: String,
    action: String,
    /// (name, members in words) of each joint entry.
    joint: Vec<(String, String)>,
    name: String,
    members: String,
    errors: Vec<String>,
}

async fn render(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    (slug, year): (&Slug, i16),
    (status, (name, members), errors): (StatusCode, (String, String), Vec<String>),
) -> Result<Response, WebError> {
    let (award, _) = award_and_edition(&*app.store, slug, year).await?;
    let joint = app
        .store
        .joint_entries(slug, year)
        .await?
        .into_iter()
        .map(|j| {
            (
                j.name,
                j.members.iter().map(|c| format!("{} ({c})", name_of(*c))).collect::<Vec<_>>().join(", "),
            )
        })
        .collect();
    let action = format!("/admin/{slug}/{year}/gemensamma");
    let l = super::edition_layout(
        lang,
        (slug, year),
        &award,
        ("admin-joint-heading", "admin-joint-title"),
        action.clone(),
    );
    form_page(app, headers, status, |csrf| JointPage { l, csrf, action, joint, name, members, errors })
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "gemensamma")?;
    render(&app, &headers, lang, (&slug, year), (StatusCode::OK, Default::default(), vec![])).await
}

fn problem_text(lang: Lang, p: &JointProblem) -> String {
    match p {
        JointProblem::TooFew => t(lang, "admin-joint-error-few"),
        JointProblem::Twice(c) => t_args(lang, "admin-joint-error-twice", &[("name", name_of(*c))]),
        JointProblem::Taken(c) => t_args(lang, "admin-joint-error-taken", &[("name", name_of(*c))]),
        JointProblem::Name => t_args(lang, "admin-joint-error-name", &[("max", MAX_NAME_CHARS.to_string())]),
    }
}

pub async fn save(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "gemensamma")?;
    crate::find::refuse_if_archived(&app, (&slug, year)).await?;
    let get =
        |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.chars().take(400).collect::<String>());
    let (name, members) = (get("name").unwrap_or_default(), get("members").unwrap_or_default());
    // The members as written, or as the name says them ("Mora, Orsa och Älvdalens kommuner").
    let said = if members.trim().is_empty() { name.as_str() } else { members.as_str() };
    let refuse =
        |errors: Vec<String>| (StatusCode::UNPROCESSABLE_ENTITY, (name.clone(), members.clone()), errors);
    let codes = match Registry::sweden().find_all(said) {
        Ok(codes) => codes,
        Err(part) => {
            let e =
                vec![t_args(lang, "admin-joint-error-unknown", &[("text", part.chars().take(60).collect())])];
            return render(&app, &headers, lang, (&slug, year), refuse(e)).await;
        }
    };
    let joint = JointEntry { name: name.trim().to_owned(), members: codes };
    let actor = crate::auth::stamp(viewer.0.as_ref(), app.now());
    match app.store.make_joint(&slug, year, &joint, &actor).await? {
        Ok(()) => Ok(redirect(&format!("/admin/{slug}/{year}/gemensamma"), vec![])),
        Err(p) => render(&app, &headers, lang, (&slug, year), refuse(vec![problem_text(lang, &p)])).await,
    }
}
