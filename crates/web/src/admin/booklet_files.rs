//! The booklet's files for the organiser: the cover image (uploaded as multipart, checked
//! before it is stored), the preview typeset from the entries as they stand, and every
//! version's PDF — also one scheduled for later.

use axum::extract::{Extension, FromRequest, Multipart, State};
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use juryn_domain::Lang;
use juryn_publish::booklet::{COVER_MAX_BYTES, CoverProblem, check_cover};

use super::booklet::{Typed, booklet_error_text, render};
use crate::app::AppState;
use crate::auth::{CsrfForm, MaybeViewer};
use crate::booklet::{source, typeset};
use crate::error::WebError;
use crate::extract::{EditionKey, Segments};
use crate::i18n::{t, t_args};
use crate::respond::redirect;

/// The cover form's body may be this large: the image and the form's few other fields.
pub const COVER_BODY_LIMIT: usize = COVER_MAX_BYTES + 64 * 1024;

fn pdf(bytes: Vec<u8>, name: &str) -> Response {
    (
        [
            (CONTENT_TYPE, "application/pdf".to_owned()),
            (CACHE_CONTROL, "no-store".to_owned()),
            (CONTENT_DISPOSITION, format!("inline; filename=\"{name}\"")),
        ],
        bytes,
    )
        .into_response()
}

/// `forhandsgranskning.pdf`: the booklet as it would be published now; `v{n}.pdf`: a version.
pub async fn file(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    Segments((_, _, file)): Segments<(String, String, String)>,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "skrift")?;
    if file == "forhandsgranskning.pdf" {
        let source = source(&*app.store, (&slug, year)).await?;
        return match typeset(source.booklet).await {
            Ok(typeset) => Ok(pdf(typeset.bytes, &format!("forhandsgranskning-{slug}-{year}.pdf"))),
            Err(e) => match booklet_error_text(lang, &e) {
                Some(text) => {
                    render(
                        &app,
                        &headers,
                        lang,
                        (&slug, year),
                        (StatusCode::CONFLICT, Typed::default(), vec![text]),
                    )
                    .await
                }
                None => Err(WebError::internal(e)),
            },
        };
    }
    let n: i32 = file
        .strip_prefix('v')
        .and_then(|r| r.strip_suffix(".pdf"))
        .and_then(|n| n.parse().ok())
        .ok_or(WebError::NotFound)?;
    let bytes = app.store.booklet_pdf(&slug, year, n).await?.ok_or(WebError::NotFound)?;
    Ok(pdf(bytes, &format!("skrift-{slug}-{year}-v{n}.pdf")))
}

/// An image form sent as an ordinary form, without a file.
#[derive(serde::Deserialize)]
struct PlainImageForm {
    remove: Option<String>,
}

/// An image form's fields (the booklet's cover, the award's logo): a file `image`, or `remove`.
pub(super) struct ImageForm {
    pub image: Option<Vec<u8>>,
    pub remove: bool,
}

/// Reads the multipart form; `Err(true)` when the body is over the limit, `Err(false)` when it
/// is not a readable multipart form.
async fn read(mut multipart: Multipart) -> Result<(Option<String>, ImageForm), bool> {
    let (mut csrf, mut form) = (None, ImageForm { image: None, remove: false });
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => return Ok((csrf, form)),
            Err(e) => return Err(e.status() == StatusCode::PAYLOAD_TOO_LARGE),
        };
        let name = field.name().unwrap_or_default().to_owned();
        let bytes = field.bytes().await.map_err(|e| e.status() == StatusCode::PAYLOAD_TOO_LARGE)?;
        match name.as_str() {
            "csrf" => csrf = Some(String::from_utf8_lossy(&bytes).into_owned()),
            "remove" => form.remove = !bytes.is_empty(),
            // A file input left empty sends an empty part.
            "image" if !bytes.is_empty() => form.image = Some(bytes.to_vec()),
            _ => {}
        }
    }
}

/// An image form, as multipart (with a file) or as an ordinary form (only `remove`), its CSRF
/// token checked; `Ok(None)` when the body is over the route's limit.
pub(super) async fn image_form(
    app: &AppState,
    headers: &HeaderMap,
    request: axum::extract::Request,
) -> Result<Option<ImageForm>, WebError> {
    let multipart = request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("multipart/form-data"));
    if !multipart {
        let CsrfForm(plain) = CsrfForm::<PlainImageForm>::from_request(request, app).await?;
        return Ok(Some(ImageForm { image: None, remove: plain.remove.is_some_and(|r| !r.is_empty()) }));
    }
    let body = Multipart::from_request(request, app).await.map_err(|_| WebError::Unreadable)?;
    let (csrf, form) = match read(body).await {
        Ok(read) => read,
        Err(true) => return Ok(None),
        Err(false) => return Err(WebError::Unreadable),
    };
    if !crate::auth::verify_csrf(headers, &app.csrf_key, &app.base_url, csrf.as_deref()) {
        return Err(WebError::Csrf);
    }
    Ok(Some(form))
}

pub async fn cover(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    request: axum::extract::Request,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "skrift")?;
    let refuse = |status: StatusCode, text: String| {
        let app = app.clone();
        let headers = headers.clone();
        let slug = slug.clone();
        async move { render(&app, &headers, lang, (&slug, year), (status, Typed::default(), vec![text])).await }
    };
    let too_large = || {
        t_args(lang, "booklet-error-cover-size", &[("max", (COVER_MAX_BYTES / (1024 * 1024)).to_string())])
    };
    let Some(form) = image_form(&app, &headers, request).await? else {
        return refuse(StatusCode::PAYLOAD_TOO_LARGE, too_large()).await;
    };
    crate::find::refuse_if_archived(&app, (&slug, year)).await?;
    let settings = app.store.booklet_settings(&slug, year).await?;
    let actor = crate::auth::stamp(viewer.0.as_ref(), app.now());
    let text = (settings.title.as_str(), settings.foreword.as_str());
    if form.remove {
        app.store.set_booklet_settings(&slug, year, text, Some(None), &actor).await?;
        return Ok(redirect(&format!("/admin/{slug}/{year}/skrift"), vec![]));
    }
    let Some(image) = form.image else {
        return refuse(StatusCode::UNPROCESSABLE_ENTITY, t(lang, "booklet-error-cover-none")).await;
    };
    match check_cover(&image) {
        Ok(_) => {}
        Err(CoverProblem::TooLarge) => return refuse(StatusCode::PAYLOAD_TOO_LARGE, too_large()).await,
        Err(CoverProblem::NotAnImage) => {
            return refuse(StatusCode::UNPROCESSABLE_ENTITY, t(lang, "booklet-error-cover-type")).await;
        }
    }
    app.store.set_booklet_settings(&slug, year, text, Some(Some(&image)), &actor).await?;
    Ok(redirect(&format!("/admin/{slug}/{year}/skrift"), vec![]))
}
