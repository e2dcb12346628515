//! `POST /admin/utmarkelser/{award}/logotyp`: the award's logo uploaded (a PNG or JPEG of at
//! most 2 MB that decodes whole) or removed; shown on the award's pages from `/{award}/logotyp`.

use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::Lang;
use juryn_publish::booklet::{CoverProblem, check_image};

use super::awards::{Shown, editable, render};
use super::booklet_files::image_form;
use crate::app::AppState;
use crate::auth::MaybeViewer;
use crate::error::WebError;
use crate::extract::Segments;
use crate::i18n::{t, t_args};
use crate::respond::redirect;

/// The largest logo, before decoding.
pub const LOGO_MAX_BYTES: usize = 2 * 1024 * 1024;
/// The logo form's body may be this large: the image and the form's few other fields.
pub const LOGO_BODY_LIMIT: usize = LOGO_MAX_BYTES + 64 * 1024;

pub async fn upload(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    Segments(award): Segments<String>,
    request: axum::extract::Request,
) -> Result<Response, WebError> {
    let (slug, award) = editable(&app, &viewer, &award).await?;
    let refuse = |status: StatusCode, text: String| {
        let (app, headers, award) = (app.clone(), headers.clone(), award.clone());
        async move { render(&app, &headers, lang, Some(&award), Shown::logo_refused(status, text)).await }
    };
    let too_large =
        || t_args(lang, "award-logo-error-size", &[("max", (LOGO_MAX_BYTES / (1024 * 1024)).to_string())]);
    let Some(form) = image_form(&app, &headers, request).await? else {
        return refuse(StatusCode::PAYLOAD_TOO_LARGE, too_large()).await;
    };
    let actor = crate::auth::stamp(viewer.0.as_ref(), app.now());
    if form.remove {
        app.store.set_award_logo(&slug, None, &actor).await?;
        return Ok(redirect(&format!("/admin/utmarkelser/{slug}"), vec![]));
    }
    let Some(image) = form.image else {
        return refuse(StatusCode::UNPROCESSABLE_ENTITY, t(lang, "award-logo-error-none")).await;
    };
    let kind = match check_image(&image, LOGO_MAX_BYTES) {
        Ok(kind) => kind,
        Err(CoverProblem::TooLarge) => return refuse(StatusCode::PAYLOAD_TOO_LARGE, too_large()).await,
        Err(CoverProblem::NotAnImage) => {
            return refuse(StatusCode::UNPROCESSABLE_ENTITY, t(lang, "award-logo-error-type")).await;
        }
    };
    app.store.set_award_logo(&slug, Some((&image, kind)), &actor).await?;
    Ok(redirect(&format!("/admin/utmarkelser/{slug}"), vec![]))
}
