//! `/admin/{award}/{year}/oppna-data`: the open data — which licence, from when — and who is
//! in them and who is left out, and why (not submitted, or no consent to publication).

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::opendata::Licence;
use juryn_domain::{Lang, Slug, format_time};
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::{CsrfForm, MaybeViewer};
use crate::error::WebError;
use crate::extract::EditionKey;
use crate::find::award_and_edition;
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use crate::respond::{form_page, redirect};
use crate::timefield::{local_value, parse_local};
use juryn_domain::municipality::name_of;

#[derive(Template)]
#[template(path = "admin_opendata.html")]
struct OpenDataPage {
    l: Layout,
    csrf: String,
    action: String,
    licences: Vec<(String, String, bool, String)>,
    at: String,
    status: String,
    included: String,
    left_out: Vec<(String, String)>,
    json: String,
    csv: String,
    errors: Vec<String>,
}

async fn render(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    (slug, year): (&Slug, i16),
    (status, typed, errors): (StatusCode, Option<(String, String)>, Vec<String>),
) -> Result<Response, WebError> {
    let (award, _) = award_and_edition(&*app.store, slug, year).await?;
    let (licence, at) = app.store.open_data(slug, year).await?;
    let publishable = crate::publication::publishable(&*app.store, (slug, year)).await?;
    let included = publishable.entries.len();
    let out: Vec<(String, String)> = publishable
        .left_out
        .iter()
        .map(|(code, why)| (name_of(*code), crate::publication::left_out_text(lang, *why)))
        .collect();
    let (chosen, typed_at) =
        typed.unwrap_or_else(|| (licence.map(|l| l.spdx().to_owned()).unwrap_or_default(), local_value(at)));
    let action = format!("/admin/{slug}/{year}/oppna-data");
    let l = super::edition_layout(
        lang,
        (slug, year),
        &award,
        ("opendata-title", "opendata-crumb"),
        action.clone(),
    );
    let status_text = match (licence, at) {
        (Some(l), Some(at)) if at <= app.now() => t_args(
            lang,
            "opendata-public",
            &[("licence", crate::publication::licence_name(lang, l)), ("time", format_time(at, lang))],
        ),
        (Some(l), Some(at)) => t_args(
            lang,
            "opendata-scheduled",
            &[("licence", crate::publication::licence_name(lang, l)), ("time", format_time(at, lang))],
        ),
        _ => t(lang, "opendata-unpublished"),
    };
    form_page(app, headers, status, |csrf| OpenDataPage {
        l,
        csrf,
        action,
        licences: Licence::ALL
            .iter()
            .map(|l| {
                (
                    l.spdx().to_owned(),
                    l.url().to_owned(),
                    chosen == l.spdx(),
                    crate::publication::licence_name(lang, *l),
                )
            })
            .collect(),
        at: typed_at,
        status: status_text,
        included: t_args(lang, "opendata-included", &[("count", included.to_string())]),
        left_out: out,
        json: format!("/{slug}/{year}/oppna-data/bidrag.json"),
        csv: format!("/{slug}/{year}/oppna-data/bidrag.csv"),
        errors,
    })
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "oppna-data")?;
    render(&app, &headers, lang, (&slug, year), (StatusCode::OK, None, vec![])).await
}

#[derive(Deserialize)]
pub struct OpenDataForm {
    #[serde(default)]
    licence: String,
    #[serde(default)]
    at: String,
}

pub async fn change(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    CsrfForm(form): CsrfForm<OpenDataForm>,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "oppna-data")?;
    crate::find::refuse_if_archived(&app, (&slug, year)).await?;
    let licence = Licence::parse(&form.licence);
    let at = parse_local(&form.at).flatten();
    let mut errors = Vec::new();
    if licence.is_none() {
        errors.push(t(lang, "opendata-error-licence"));
    }
    if at.is_none() {
        errors.push(t(lang, "call-error-time"));
    }
    let (Some(licence), Some(at)) = (licence, at) else {
        let typed = Some((form.licence.chars().take(20).collect(), form.at.chars().take(20).collect()));
        return render(
            &app,
            &headers,
            lang,
            (&slug, year),
            (StatusCode::UNPROCESSABLE_ENTITY, typed, errors),
        )
        .await;
    };
    let actor = crate::auth::stamp(viewer.0.as_ref(), app.now());
    app.store.set_open_data(&slug, year, licence, at, &actor).await?;
    Ok(redirect(&format!("/admin/{slug}/{year}/oppna-data"), vec![]))
}
