//! `/{award}`: what the award is, its criterion, its editions and its past winners.

use askama::Template;
use axum::extract::{Extension, State};
use axum::response::Response;
use juryn_domain::{Lang, past_winners};

use super::{WinnerRow, next_change, paragraphs, winner_rows};
use crate::app::AppState;
use crate::cache::PageKey;
use crate::cached_page::{cached, rendered};
use crate::error::WebError;
use crate::extract::Segments;
use crate::find::parse_slug;
use crate::layout::Layout;

pub struct EditionLine {
    pub year: i16,
    pub href: String,
    pub phase: String,
}

#[derive(Template)]
#[template(path = "award.html")]
struct AwardPage {
    l: Layout,
    name: String,
    description: Vec<String>,
    organiser: String,
    criterion: String,
    /// How the winner is chosen, as sanitised HTML from the award's limited Markdown.
    how_chosen: String,
    prize: String,
    editions: Vec<EditionLine>,
    past_winners: Vec<WinnerRow>,
    /// "Lidingö, vinnare 2019, får använda utmärkelsens logotyp …"
    logo_right: Option<String>,
    /// The logo's address and its text alternative, when the award has one.
    logo: Option<(String, String)>,
}

/// `GET /{award}/logotyp`: the award's logo as uploaded.
pub async fn logo(
    State(app): State<AppState>,
    Segments(award): Segments<String>,
) -> Result<Response, WebError> {
    use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
    use axum::response::IntoResponse;
    let slug = parse_slug(&award)?;
    let (bytes, kind) = app.store.award_logo(&slug).await?.ok_or(WebError::NotFound)?;
    let mime = if kind == "png" { "image/png" } else { "image/jpeg" };
    Ok(([(CONTENT_TYPE, mime), (CACHE_CONTROL, "public, max-age=300")], bytes).into_response())
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    Segments(award): Segments<String>,
) -> Result<Response, WebError> {
    let slug = parse_slug(&award)?;
    let store = app.store.clone();
    cached(&app, PageKey::Award(award, lang), lang, |now| async move {
        let award = store.award(&slug).await?.ok_or(WebError::NotFound)?;
        let editions = store.editions(&slug).await?;
        let historical = store.past_winners(&slug).await?;
        let name = award.name.get(lang).to_owned();
        let l = Layout::new(lang, name.clone(), format!("/{slug}"))
            .for_award(&award)
            .crumb(crate::i18n::t(lang, "nav-awards"), "/")
            .crumb(name.clone(), "");
        let page = AwardPage {
            name,
            description: paragraphs(award.description.get(lang)),
            organiser: award.organiser.clone(),
            criterion: award.criterion.get(lang).to_owned(),
            how_chosen: crate::markdown::render(award.how_chosen.get(lang)),
            prize: award.prize.get(lang).trim().to_owned(),
            editions: editions
                .iter()
                .map(|e| EditionLine {
                    year: e.year,
                    href: format!("/{slug}/{}", e.year),
                    phase: crate::edition_words::edition_state_text(lang, e, now),
                })
                .collect(),
            past_winners: winner_rows(&past_winners(&historical, &editions, now)),
            logo: award.logo.as_ref().map(|_| {
                let alt = crate::i18n::t_args(
                    lang,
                    "award-logo-alt",
                    &[("award", award.name.get(lang).to_owned())],
                );
                (format!("/{slug}/logotyp"), alt)
            }),
            logo_right: juryn_domain::archive::logo_right(&editions, now).map(|r| {
                let args = [
                    ("name", juryn_domain::municipality::name_of(r.municipality)),
                    ("year", r.year.to_string()),
                ];
                match r.until {
                    Some(until) => {
                        let mut args = args.to_vec();
                        args.push(("time", juryn_domain::format_time(until, lang)));
                        crate::i18n::t_args(lang, "award-logo-until", &args)
                    }
                    None => crate::i18n::t_args(lang, "award-logo-next", &args),
                }
            }),
            l,
        };
        rendered(&page, next_change(&editions, now))
    })
    .await
}
