//! `/admin/{award}/{year}/skrift`: the booklet — its title and foreword, who is in it and who is
//! left out and why, a preview, publishing a new version at a chosen time, and every version
//! with its SHA-256. The cover image, the preview and the
//! versions' files are in `booklet_files`.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::{Lang, Slug, format_time};
use juryn_publish::booklet::{BookletError, FOREWORD_MAX_WORDS, word_count};
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::{CsrfForm, MaybeViewer};
use crate::booklet::{PublishError, public_version, source};
use crate::cache::PageKey;
use crate::cached_page::signed_in_form;
use crate::error::WebError;
use crate::extract::EditionKey;
use crate::find::award_and_edition;
use crate::i18n::{t, t_args};
use crate::respond::{CSRF_SLOT, redirect, with_csrf};
use crate::timefield::{local_value, parse_local};
use juryn_domain::municipality::name_of;

/// The longest title, in characters.
const TITLE_MAX_CHARS: usize = 200;

pub struct VersionRow {
    pub version: i32,
    pub at: String,
    pub public: bool,
    pub pages: i32,
    pub size: String,
    pub sha256: String,
    pub by: String,
    pub href: String,
}

#[derive(Template)]
#[template(path = "admin_booklet.html")]
struct BookletPage {
    l: crate::layout::Layout,
    csrf: String,
    base: String,
    status: String,
    stale: Option<String>,
    included: String,
    left_out: Vec<(String, String)>,
    title: String,
    foreword: String,
    has_cover: bool,
    at: String,
    versions: Vec<VersionRow>,
    errors: Vec<String>,
}

/// What the organiser typed, given back after a refusal.
#[derive(Default)]
pub(super) struct Typed {
    pub title: Option<String>,
    pub foreword: Option<String>,
    pub at: Option<String>,
}

/// Where the booklet stands: unpublished, public as version N, or version N scheduled.
fn status_text(lang: Lang, versions: &[juryn_store::BookletVersion], now: jiff::Timestamp) -> String {
    match (public_version(versions, now), versions.first()) {
        (_, None) => t(lang, "booklet-admin-unpublished"),
        (Some(p), Some(newest)) if p.version == newest.version => t_args(
            lang,
            "booklet-admin-public",
            &[("version", p.version.to_string()), ("time", format_time(p.publish_at, lang))],
        ),
        (_, Some(newest)) => t_args(
            lang,
            "booklet-admin-scheduled",
            &[("version", newest.version.to_string()), ("time", format_time(newest.publish_at, lang))],
        ),
    }
}

/// Versions record who published them as the audit log does ("user/7"); the page names them.
async fn publishers(
    app: &AppState,
    lang: Lang,
    versions: &[juryn_store::BookletVersion],
) -> std::collections::BTreeMap<String, String> {
    let mut by = std::collections::BTreeMap::new();
    let mut names = super::audit_text::Names::new(&*app.store);
    for v in versions {
        by.insert(v.created_by.clone(), names.of(lang, &v.created_by).await);
    }
    by
}

/// The published versions, newest first.
fn version_rows(
    lang: Lang,
    versions: &[juryn_store::BookletVersion],
    by: &std::collections::BTreeMap<String, String>,
    (base, now): (&str, jiff::Timestamp),
) -> Vec<VersionRow> {
    versions
        .iter()
        .map(|v| VersionRow {
            version: v.version,
            at: format_time(v.publish_at, lang),
            public: v.is_public(now),
            pages: v.pages,
            size: format!("{} MB", crate::edition_words::megabytes(lang, v.size)),
            sha256: v.sha256.clone(),
            by: by.get(&v.created_by).cloned().unwrap_or_else(|| v.created_by.clone()),
            href: format!("{base}/v{}.pdf", v.version),
        })
        .collect()
}

/// What the page tells of the booklet as it would be made now: reading every consenting
/// entry's answers to say it is costly at a real year's size, so it is kept per data generation.
struct Summary {
    sha256: String,
    chapters: usize,
    left_out: Vec<(juryn_domain::MunicipalityCode, juryn_domain::opendata::LeftOut)>,
}

async fn summary(app: &AppState, (slug, year): (&Slug, i16)) -> Result<std::sync::Arc<Summary>, WebError> {
    let generation = app.cache.generation();
    let key = format!("booklet-summary {slug} {year}");
    app.memo
        .get_or_make(key, generation, || async {
            let s = source(&*app.store, (slug, year)).await?;
            Ok::<_, WebError>(Summary {
                sha256: s.sha256,
                chapters: s.booklet.chapters.len(),
                left_out: s.left_out,
            })
        })
        .await
}

pub(super) async fn render(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    (slug, year): (&Slug, i16),
    (status, typed, errors): (StatusCode, Typed, Vec<String>),
) -> Result<Response, WebError> {
    let (page, _) = html(app, lang, (slug, year), (typed, errors)).await?;
    Ok(no_store(with_csrf(app, headers, status, &page)))
}

/// Organisers' browsers keep no copy: the page shows unpublished text.
fn no_store(mut res: Response) -> Response {
    res.headers_mut()
        .insert(axum::http::header::CACHE_CONTROL, axum::http::HeaderValue::from_static("no-store"));
    res
}

/// The page with `CSRF_SLOT` for its token, and until when it may be kept: the publication
/// time it offers is this minute, and a version's status changes at its second.
async fn html(
    app: &AppState,
    lang: Lang,
    (slug, year): (&Slug, i16),
    (typed, errors): (Typed, Vec<String>),
) -> Result<(String, Option<jiff::Timestamp>), WebError> {
    let (award, _) = award_and_edition(&*app.store, slug, year).await?;
    let settings = app.store.booklet_settings(slug, year).await?;
    let now_source = summary(app, (slug, year)).await?;
    let versions = app.store.booklet_versions(slug, year).await?;
    let now = app.now();
    let base = format!("/admin/{slug}/{year}/skrift");
    let status_text = status_text(lang, &versions, now);
    let stale = versions
        .first()
        .filter(|v| v.source_sha256 != now_source.sha256)
        .map(|v| t_args(lang, "booklet-admin-stale", &[("version", v.version.to_string())]));
    let by = publishers(app, lang, &versions).await;
    let left_out = now_source
        .left_out
        .iter()
        .map(|(code, why)| (name_of(*code), crate::publication::left_out_text(lang, *why)))
        .collect();
    let l = super::edition_layout(
        lang,
        (slug, year),
        &award,
        ("booklet-admin-title", "booklet-crumb"),
        base.clone(),
    );
    let next_minute = jiff::Timestamp::from_second((now.as_second().div_euclid(60) + 1) * 60).ok();
    let next_version = versions.iter().map(|v| v.publish_at).filter(|t| *t > now).min();
    let valid_until = [next_minute, next_version].into_iter().flatten().min();
    let page = BookletPage {
        l,
        csrf: CSRF_SLOT.to_owned(),
        status: status_text,
        stale,
        included: t_args(lang, "booklet-admin-included", &[("count", now_source.chapters.to_string())]),
        left_out,
        title: typed.title.unwrap_or(settings.title),
        foreword: typed.foreword.unwrap_or(settings.foreword),
        has_cover: settings.cover.is_some(),
        at: typed.at.unwrap_or_else(|| local_value(Some(now))),
        versions: version_rows(lang, &versions, &by, (&base, now)),
        base,
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
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "skrift")?;
    // The same for every organiser of the edition until the next write or minute: kept.
    let key = PageKey::Organiser(format!("/admin/{slug}/{year}/skrift"), lang);
    let render = || html(&app, lang, (&slug, year), (Typed::default(), vec![]));
    Ok(no_store(signed_in_form(&app, &headers, key, render).await?))
}

#[derive(Deserialize)]
pub struct SettingsForm {
    #[serde(default)]
    title: String,
    #[serde(default)]
    foreword: String,
}

pub async fn settings(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    CsrfForm(form): CsrfForm<SettingsForm>,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "skrift")?;
    crate::find::refuse_if_archived(&app, (&slug, year)).await?;
    let title = form.title.trim();
    let mut errors = Vec::new();
    if title.is_empty() {
        errors.push(t(lang, "booklet-error-title"));
    } else if title.chars().count() > TITLE_MAX_CHARS {
        errors.push(t_args(lang, "booklet-error-title-long", &[("max", TITLE_MAX_CHARS.to_string())]));
    }
    let words = word_count(&form.foreword);
    if words > FOREWORD_MAX_WORDS {
        errors.push(t_args(
            lang,
            "booklet-error-foreword",
            &[("words", words.to_string()), ("max", FOREWORD_MAX_WORDS.to_string())],
        ));
    }
    let unprintable = |c: char| c.is_control() && !matches!(c, '\n' | '\r' | '\t');
    if title.chars().any(unprintable) || form.foreword.chars().any(unprintable) {
        errors.push(t(lang, "booklet-error-control"));
    }
    if !errors.is_empty() {
        let typed = Typed { title: Some(form.title), foreword: Some(form.foreword), at: None };
        return render(
            &app,
            &headers,
            lang,
            (&slug, year),
            (StatusCode::UNPROCESSABLE_ENTITY, typed, errors),
        )
        .await;
    }
    let actor = crate::auth::stamp(viewer.0.as_ref(), app.now());
    let foreword = form.foreword.replace("\r\n", "\n");
    app.store.set_booklet_settings(&slug, year, (title, foreword.trim()), None, &actor).await?;
    Ok(redirect(&format!("/admin/{slug}/{year}/skrift"), vec![]))
}

#[derive(Deserialize)]
pub struct PublishForm {
    #[serde(default)]
    at: String,
}

/// Why a booklet cannot be made, for the organiser; `None` for a fault that is not theirs.
pub(super) fn booklet_error_text(lang: Lang, e: &BookletError) -> Option<String> {
    match e {
        BookletError::NoChapters => Some(t(lang, "booklet-error-empty")),
        BookletError::ForewordTooLong(words) => Some(t_args(
            lang,
            "booklet-error-foreword",
            &[("words", words.to_string()), ("max", FOREWORD_MAX_WORDS.to_string())],
        )),
        BookletError::Cover(_) => Some(t(lang, "booklet-error-cover-type")),
        BookletError::Typst(_) => None,
    }
}

pub async fn publish(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    CsrfForm(form): CsrfForm<PublishForm>,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "skrift")?;
    crate::find::refuse_if_archived(&app, (&slug, year)).await?;
    let typed = || Typed { at: Some(form.at.chars().take(20).collect()), ..Typed::default() };
    let Some(at) = parse_local(&form.at).flatten() else {
        let errors = vec![t(lang, "call-error-time")];
        return render(
            &app,
            &headers,
            lang,
            (&slug, year),
            (StatusCode::UNPROCESSABLE_ENTITY, typed(), errors),
        )
        .await;
    };
    let actor = crate::auth::stamp(viewer.0.as_ref(), app.now());
    match crate::booklet::publish(&*app.store, (&slug, year), at, &actor).await {
        Ok(_) => Ok(redirect(&format!("/admin/{slug}/{year}/skrift"), vec![])),
        Err(PublishError::Booklet(e)) => match booklet_error_text(lang, &e) {
            Some(text) => {
                render(
                    &app,
                    &headers,
                    lang,
                    (&slug, year),
                    (StatusCode::UNPROCESSABLE_ENTITY, typed(), vec![text]),
                )
                .await
            }
            None => Err(WebError::internal(e)),
        },
        Err(PublishError::Store(e)) => Err(e.into()),
    }
}
