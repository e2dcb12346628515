//! The published booklet: `/{award}/{year}/skrift.pdf` (the newest public version),
//! `/{award}/{year}/skrift/v{n}.pdf` (each version, unchanging), and the same content as web
//! pages — `/{award}/{year}/skrift` (foreword, map, contents, versions) and
//! `/{award}/{year}/skrift/{code}` (one municipality). Before the first version's publication
//! time none of these exist (404). The pages are drawn from the version's stored content, so
//! they say what the PDF says.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::HeaderMap;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::Response;
use juryn_domain::{Lang, MunicipalityCode, Slug, format_time};
use juryn_publish::booklet::{Block, Booklet, Span};
use juryn_store::BookletVersion;

use crate::app::AppState;
use crate::booklet::participant_marks;
use crate::cache::PageKey;
use crate::cached_page::{cached, rendered};
use crate::error::WebError;
use crate::extract::{EditionKey, Segments};
use crate::find::award_and_edition;
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use crate::layout::escape;

/// A version as the public page lists it.
pub struct VersionRow {
    pub label: String,
    pub href: String,
    pub sha256: String,
}

#[derive(Template)]
#[template(path = "booklet.html")]
struct ContentsPage {
    l: Layout,
    foreword: String,
    map: String,
    participants: String,
    chapters: Vec<(String, String, String)>,
    pdf: String,
    pdf_label: String,
    versions: Vec<VersionRow>,
}

#[derive(Template)]
#[template(path = "booklet_chapter.html")]
struct ChapterPage {
    l: Layout,
    county: String,
    sections: Vec<(String, String)>,
    contents: String,
    previous: Option<(String, String)>,
    next: Option<(String, String)>,
    pdf: String,
}

/// A run of spans as HTML, every character escaped.
fn spans_html(spans: &[Span]) -> String {
    spans
        .iter()
        .map(|s| {
            let mut h = escape(&s.text).replace('\u{200B}', "<wbr>");
            if s.emph {
                h = format!("<em>{h}</em>");
            }
            if s.strong {
                h = format!("<strong>{h}</strong>");
            }
            h
        })
        .collect()
}

/// Blocks as HTML paragraphs and lists.
pub(crate) fn blocks_html(blocks: &[Block]) -> String {
    blocks
        .iter()
        .map(|b| match b {
            Block::Para { spans } => format!("<p>{}</p>", spans_html(spans)),
            Block::List { ordered, items } => {
                let tag = if *ordered { "ol" } else { "ul" };
                let items: String = items.iter().map(|i| format!("<li>{}</li>", spans_html(i))).collect();
                format!("<{tag}>{items}</{tag}>")
            }
            Block::Table { head, rows } => {
                let rows: String = rows
                    .iter()
                    .map(|[a, b]| format!("<tr><th scope=\"row\">{}</th><td>{}</td></tr>", escape(a), escape(b)))
                    .collect();
                format!(
                    "<table class=\"assessment\"><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>{rows}</tbody></table>",
                    escape(&head[0]),
                    escape(&head[1])
                )
            }
        })
        .collect()
}

/// What is public of the booklet at `now`.
struct Published {
    /// The public versions, newest first.
    versions: Vec<BookletVersion>,
    current: BookletVersion,
    booklet: Booklet,
    /// When a scheduled version becomes public: the pages change then.
    next: Option<jiff::Timestamp>,
}

/// The newest public version and its content, or 404.
async fn published(
    store: &dyn juryn_store::Store,
    (slug, year): (&Slug, i16),
    now: jiff::Timestamp,
) -> Result<Published, WebError> {
    award_and_edition(store, slug, year).await?;
    let all = store.booklet_versions(slug, year).await?;
    let next = all.iter().map(|v| v.publish_at).filter(|t| *t > now).min();
    let versions: Vec<BookletVersion> = all.into_iter().filter(|v| v.is_public(now)).collect();
    let current = versions.first().cloned().ok_or(WebError::NotFound)?;
    let data = store.booklet_data(slug, year, current.version).await?.ok_or(WebError::NotFound)?;
    let booklet: Booklet = serde_json::from_str(&data)?;
    Ok(Published { versions, current, booklet, next })
}

/// Where `code`'s chapter is in the edition's published booklet, if it has one at `now`; and the
/// next moment a booklet version of the edition becomes public, if any.
pub(crate) async fn chapter_href(
    store: &dyn juryn_store::Store,
    (slug, year): (&Slug, i16),
    code: MunicipalityCode,
    now: jiff::Timestamp,
) -> Result<(Option<String>, Option<jiff::Timestamp>), WebError> {
    let all = store.booklet_versions(slug, year).await?;
    let next = all.iter().map(|v| v.publish_at).filter(|t| *t > now).min();
    if !all.iter().any(|v| v.is_public(now)) {
        return Ok((None, next));
    }
    let Published { booklet, .. } = published(store, (slug, year), now).await?;
    let has = booklet.chapters.iter().any(|c| c.code == code.as_str());
    Ok((has.then(|| format!("/{slug}/{year}/skrift/{code}")), next))
}

pub(super) fn size_text(lang: Lang, v: &BookletVersion) -> String {
    t_args(
        lang,
        "booklet-pdf-size",
        &[("pages", v.pages.to_string()), ("size", crate::edition_words::megabytes(lang, v.size))],
    )
}

pub async fn contents(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    key: EditionKey,
) -> Result<Response, WebError> {
    let (slug, year) = key.parts();
    let store = app.store.clone();
    cached(&app, PageKey::Booklet(slug.to_string(), year, lang, String::new()), lang, |now| async move {
        let (award_row, _) = award_and_edition(&*store, &slug, year).await?;
        let Published { versions, current, booklet, next } = published(&*store, (&slug, year), now).await?;
        let here = format!("/{slug}/{year}/skrift");
        let marks = participant_marks(&booklet, &store.joint_entries(&slug, year).await?);
        let participants =
            t_args(lang, "booklet-participants", &[("count", booklet.chapters.len().to_string())]);
        let page = ContentsPage {
            l: Layout::new(lang, booklet.title.clone(), here.clone())
                .for_award(&award_row)
                .crumb(award_row.name.get(lang).to_owned(), format!("/{slug}"))
                .crumb(year.to_string(), format!("/{slug}/{year}"))
                .crumb(t(lang, "booklet-crumb"), ""),
            foreword: blocks_html(&booklet.foreword),
            map: crate::map::sweden(&marks, &t(lang, "booklet-map-heading"), &participants),
            participants,
            chapters: booklet
                .chapters
                .iter()
                .map(|c| (c.municipality.clone(), c.county.clone(), format!("{here}/{}", c.code)))
                .collect(),
            pdf: format!("{here}/v{}.pdf", current.version),
            pdf_label: size_text(lang, &current),
            versions: versions
                .iter()
                .map(|v| VersionRow {
                    label: t_args(
                        lang,
                        "booklet-version",
                        &[("version", v.version.to_string()), ("time", format_time(v.publish_at, lang))],
                    ),
                    href: format!("{here}/v{}.pdf", v.version),
                    sha256: v.sha256.clone(),
                })
                .collect(),
        };
        rendered(&page, next)
    })
    .await
}

/// `/{award}/{year}/skrift/{item}`: `v{n}.pdf` is a version's PDF; a municipality code is its
/// chapter as a web page.
pub async fn item(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    key: EditionKey,
    Segments((_, _, item)): Segments<(String, String, String)>,
) -> Result<Response, WebError> {
    let (slug, year) = key.parts();
    if let Some(n) = item.strip_prefix('v').and_then(|r| r.strip_suffix(".pdf")) {
        let n: i32 = n.parse().map_err(|_| WebError::NotFound)?;
        let v = public_version(&app, (&slug, year), Some(n)).await?;
        // A version never changes: keep it for a year.
        return pdf_response(
            &app,
            (&slug, year),
            (v.0, &v.1),
            &headers,
            "public, max-age=31536000, immutable",
        )
        .await;
    }
    let code = MunicipalityCode::parse(&item).map_err(|_| WebError::NotFound)?;
    let store = app.store.clone();
    cached(&app, PageKey::Booklet(slug.to_string(), year, lang, code.to_string()), lang, |now| async move {
        let (award_row, _) = award_and_edition(&*store, &slug, year).await?;
        let Published { current, booklet, next, .. } = published(&*store, (&slug, year), now).await?;
        let at = booklet.chapters.iter().position(|c| c.code == code.as_str()).ok_or(WebError::NotFound)?;
        let c = &booklet.chapters[at];
        let here = format!("/{slug}/{year}/skrift");
        let link = |i: usize| {
            booklet.chapters.get(i).map(|c| (c.municipality.clone(), format!("{here}/{}", c.code)))
        };
        let page = ChapterPage {
            l: Layout::new(lang, c.municipality.clone(), format!("{here}/{code}"))
                .for_award(&award_row)
                .crumb(award_row.name.get(lang).to_owned(), format!("/{slug}"))
                .crumb(year.to_string(), format!("/{slug}/{year}"))
                .crumb(t(lang, "booklet-crumb"), here.clone())
                .crumb(c.municipality.clone(), ""),
            county: c.county.clone(),
            sections: c
                .sections
                .iter()
                .map(|s| {
                    let answer = if s.answer.is_empty() {
                        format!("<p><em>{}</em></p>", escape(&booklet.words.no_answer))
                    } else {
                        blocks_html(&s.answer)
                    };
                    (s.question.clone(), answer)
                })
                .collect(),
            contents: here.clone(),
            previous: at.checked_sub(1).and_then(link),
            next: link(at + 1),
            pdf: format!("{here}/v{}.pdf", current.version),
        };
        rendered(&page, next)
    })
    .await
}

/// `/{award}/{year}/skrift.pdf`: the newest public version, revalidated (it changes when a
/// new version is published).
pub async fn pdf(
    State(app): State<AppState>,
    headers: HeaderMap,
    key: EditionKey,
) -> Result<Response, WebError> {
    let (slug, year) = key.parts();
    let (version, sha256) = public_version(&app, (&slug, year), None).await?;
    pdf_response(&app, (&slug, year), (version, &sha256), &headers, "public, max-age=300").await
}

/// The version the public gets now (`wanted`: None for the current one, or a version's number)
/// as (version, SHA-256), or 404. The versions' list is read once per data generation (`memo`),
/// so that handing out a PDF asks the database nothing once it is in memory; which of them is
/// public is decided here, at this request's second.
async fn public_version(
    app: &AppState,
    (slug, year): (&Slug, i16),
    wanted: Option<i32>,
) -> Result<(i32, String), WebError> {
    let generation = app.cache.generation();
    let versions = app
        .memo
        .get_or_make(format!("booklet-versions {slug} {year}"), generation, || async {
            award_and_edition(&*app.store, slug, year).await?;
            // The versions alone: the booklet's content is not needed to hand out its PDF.
            Ok::<_, WebError>(app.store.booklet_versions(slug, year).await?)
        })
        .await?;
    let now = app.now();
    versions
        .iter()
        .filter(|v| v.is_public(now))
        .find(|v| wanted.is_none_or(|n| v.version == n))
        .map(|v| (v.version, v.sha256.clone()))
        .ok_or(WebError::NotFound)
}

/// A version's PDF from memory (read from the database the first time), whole or in a range.
async fn pdf_response(
    app: &AppState,
    (slug, year): (&Slug, i16),
    (version, sha256): (i32, &str),
    headers: &HeaderMap,
    cache: &'static str,
) -> Result<Response, WebError> {
    let bytes = match app.files.get(sha256) {
        Some(bytes) => bytes,
        None => {
            let bytes = app.store.booklet_pdf(slug, year, version).await?.ok_or(WebError::NotFound)?;
            let bytes = bytes::Bytes::from(bytes);
            app.files.put(sha256, bytes.clone());
            bytes
        }
    };
    let name = format!("inline; filename=\"skrift-{slug}-{year}-v{version}.pdf\"");
    let etag = format!("\"{sha256}\"");
    Ok(crate::file_cache::respond(
        headers,
        bytes,
        &etag,
        vec![
            (CONTENT_TYPE, "application/pdf".to_owned()),
            (CACHE_CONTROL, cache.to_owned()),
            (CONTENT_DISPOSITION, name),
            (axum::http::HeaderName::from_static("x-content-sha256"), sha256.to_owned()),
        ],
    ))
}
