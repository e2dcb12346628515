//! `/admin/personer/{user}`: one person: roles (revocable), export of everything stored, erasure.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use juryn_domain::{Action, Lang};
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::{CsrfForm, MaybeViewer, require};
use crate::error::WebError;
use crate::extract::Segments;
use crate::grants::grant_text;
use crate::i18n::t;
use crate::layout::Layout;
use crate::respond::form_page;
use crate::respond::redirect;

pub struct RoleRow {
    pub text: String,
    pub revoke: String,
}

#[derive(Template)]
#[template(path = "admin_person.html")]
struct PersonPage {
    l: Layout,
    csrf: String,
    id: i64,
    name: String,
    email: String,
    password: bool,
    roles: Vec<RoleRow>,
    error: Option<String>,
}

async fn render(
    app: &AppState,
    headers: &HeaderMap,
    (lang, viewer): (Lang, &MaybeViewer),
    id: i64,
    status: StatusCode,
    error: Option<String>,
) -> Result<Response, WebError> {
    let err = WebError::internal;
    let user = app.store.user(id).await.map_err(err)?.filter(|u| !u.erased).ok_or(WebError::NotFound)?;
    let names = crate::grants::award_names(&*app.store).await.map_err(err)?;
    let held = app.store.grants_of(id).await.map_err(err)?;
    // Someone outside the organiser's awards is not theirs to see: the same 404 as no one.
    let grants: Vec<juryn_domain::Grant> = held.iter().map(|g| g.grant.clone()).collect();
    let actor = viewer.0.as_ref().map(|v| &v.actor);
    if juryn_domain::decide(actor, &Action::SeePerson { grants: &grants }) != juryn_domain::Decision::Allow {
        return Err(WebError::NotFound);
    }
    let everything = actor.is_some_and(|a| a.organised_awards().is_none());
    let roles = held
        .into_iter()
        .filter(|g| everything || actor.is_some_and(|a| a.organiser_of(&g.grant.scope)))
        .map(|g| RoleRow {
            text: grant_text(lang, &g.grant, Some(&names)),
            revoke: format!("/admin/behorigheter/{}/aterkalla", g.id),
        })
        .collect();
    let l = Layout::new(lang, user.name.clone(), format!("/admin/personer/{id}"))
        .crumb(t(lang, "people-title"), "/admin/personer")
        .crumb(user.name.clone(), "");
    form_page(app, headers, status, |csrf| PersonPage {
        l,
        csrf,
        id,
        name: user.name,
        email: user.email,
        password: user.password_hash.is_some(),
        roles,
        error,
    })
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    Segments(user): Segments<String>,
) -> Result<Response, WebError> {
    require(&viewer, Action::ManagePeople, &format!("/admin/personer/{user}"))?;
    let id = crate::find::row_id(&user)?;
    render(&app, &headers, (lang, &viewer), id, StatusCode::OK, None).await
}

#[derive(Deserialize)]
pub struct Empty {}

pub async fn revoke(
    State(app): State<AppState>,
    viewer: MaybeViewer,
    Segments(grant): Segments<String>,
    CsrfForm(_): CsrfForm<Empty>,
) -> Result<Response, WebError> {
    require(&viewer, Action::ManagePeople, "/admin/personer")?;
    let id = crate::find::row_id(&grant)?;
    let err = WebError::internal;
    let held = app.store.grant_by_id(id).await.map_err(err)?.ok_or(WebError::NotFound)?;
    require(&viewer, Action::ChangeGrant(&held.grant), "/admin/personer")?;
    let actor = crate::auth::stamp(viewer.0.as_ref(), app.now());
    app.store.revoke(id, &actor).await.map_err(err)?;
    Ok(redirect(&format!("/admin/personer/{}", held.user_id), vec![]))
}

pub async fn export(
    State(app): State<AppState>,
    viewer: MaybeViewer,
    Segments(user): Segments<String>,
) -> Result<Response, WebError> {
    require(&viewer, Action::ManagePersonalData, &format!("/admin/personer/{user}"))?;
    let id = crate::find::row_id(&user)?;
    let data = app.store.export_person(id).await?;
    let data = data.filter(|d| d["user"]["erased"] != true).ok_or(WebError::NotFound)?;
    let body = serde_json::to_string_pretty(&data)?;
    let disposition = format!("attachment; filename=\"person-{id}.json\"");
    Ok(([(CONTENT_TYPE, "application/json".to_owned()), (CONTENT_DISPOSITION, disposition)], body)
        .into_response())
}

#[derive(Deserialize)]
pub struct EraseForm {
    #[serde(default)]
    bekraftat: String,
}

pub async fn erase(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    Segments(user): Segments<String>,
    CsrfForm(form): CsrfForm<EraseForm>,
) -> Result<Response, WebError> {
    require(&viewer, Action::ManagePersonalData, &format!("/admin/personer/{user}"))?;
    let id = crate::find::row_id(&user)?;
    let refusal = if viewer.0.as_ref().is_some_and(|v| v.user.id == id) { Some("erase-self") } else { None };
    if let Some(key) = refusal {
        return render(
            &app,
            &headers,
            (lang, &viewer),
            id,
            StatusCode::UNPROCESSABLE_ENTITY,
            Some(t(lang, key)),
        )
        .await;
    }
    if form.bekraftat != "ja" {
        let who = app.store.user(id).await?.filter(|u| !u.erased);
        let who = who.ok_or(WebError::NotFound)?;
        let question = crate::confirm::Question {
            heading: t(lang, "confirm-erase-title"),
            what: crate::i18n::t_args(
                lang,
                "confirm-erase-text",
                &[("name", who.name), ("email", who.email)],
            ),
            button: t(lang, "confirm-erase-button"),
        };
        let here = format!("/admin/personer/{id}/radera");
        let back = format!("/admin/personer/{id}");
        return crate::confirm::ask(&app, &headers, lang, question, (&here, &back), &[]);
    }
    let actor = crate::auth::stamp(viewer.0.as_ref(), app.now());
    let erased = app.store.erase_person(id, &actor).await?;
    if !erased {
        return Err(WebError::NotFound);
    }
    Ok(redirect("/admin/personer?klart=raderad", vec![]))
}
