//! `/admin/{award}/{year}`: an edition's start page for its organisers — its state and every page
//! it has, grouped as the year runs — and the frame every organiser page of an edition shares.

use askama::Template;
use axum::extract::{Extension, State};
use axum::response::{IntoResponse, Response};
use juryn_domain::{Lang, Slug};

use crate::app::AppState;
use crate::auth::MaybeViewer;
use crate::error::WebError;
use crate::extract::EditionKey;
use crate::find::award_and_edition;
use crate::i18n::{t, t_args};
use crate::layout::Layout;

/// One group of an edition's organiser pages ("Utlysning och bidrag", …) with its links.
#[derive(Debug, Clone)]
pub struct MenuGroup {
    pub heading: String,
    pub links: Vec<(String, String)>,
}

/// Every organiser page of the edition at `base` (`/admin/{award}/{year}`), in the order the year
/// runs: the call, the jury's work, the decision and the gala, what is published.
pub fn menu(lang: Lang, base: &str) -> Vec<MenuGroup> {
    let group = |heading: &str, pages: &[(&str, &str)]| MenuGroup {
        heading: t(lang, heading),
        links: pages.iter().map(|(key, page)| (t(lang, key), format!("{base}/{page}"))).collect(),
    };
    vec![
        group(
            "admin-menu-edition",
            &[("timeline-crumb", "halltider"), ("jury-profiles-crumb", "jury/profiler")],
        ),
        group(
            "admin-menu-call",
            &[
                ("call-overview-entries", "bidrag"),
                ("call-overview-nominations", "nomineringar"),
                ("admin-joint-title", "gemensamma"),
                ("reminders-title", "paminnelser"),
                ("builder-crumb", "enkat"),
                ("call-settings-crumb", "utlysning"),
            ],
        ),
        group(
            "admin-jury-crumb",
            &[
                ("admin-menu-jury", "jury"),
                ("admin-criteria-title", "kriterier"),
                ("admin-conflicts-title", "jav"),
                ("admin-rounds-title", "omgangar"),
                ("admin-follow-up-title", "uppfoljning"),
                ("admin-assign-title", "tilldelning"),
                ("admin-nominees-title", "nominerade"),
            ],
        ),
        group("admin-menu-decision", &[("admin-decision-title", "beslut"), ("programme-crumb", "program")]),
        group("admin-menu-publish", &[("booklet-crumb", "skrift"), ("opendata-crumb", "oppna-data")]),
    ]
}

/// The frame of an organiser's page of an edition: its heading ("Jävsregister, Sveriges
/// DigitaliseringsKommun 2019", from `heading_key` with the edition's name) and the way back,
/// Arrangörens sidor › Sveriges DigitaliseringsKommun 2019 › here.
pub(crate) fn edition_layout(
    lang: Lang,
    (slug, year): (&Slug, i16),
    award: &juryn_domain::Award,
    (heading_key, crumb_key): (&str, &str),
    path: String,
) -> Layout {
    let edition = format!("{} {year}", award.name.get(lang));
    let heading = t_args(lang, heading_key, &[("edition", edition.clone())]);
    Layout::new(lang, heading, path)
        .for_award(award)
        .crumb(t(lang, "admin-title"), "/admin")
        .crumb(edition, format!("/admin/{slug}/{year}"))
        .crumb(t(lang, crumb_key), "")
}

#[derive(Template)]
#[template(path = "admin_edition.html")]
struct EditionHome {
    l: Layout,
    state: String,
    public_href: String,
    menu: Vec<MenuGroup>,
}

/// `GET /admin/{award}/{year}`.
pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    viewer: MaybeViewer,
    key: EditionKey,
) -> Result<Response, WebError> {
    let here = key.page("/admin", "");
    let (slug, year) = crate::auth::require_on_edition(&viewer, key, &here, |award, year| {
        juryn_domain::Action::OrganiseEdition { award, year }
    })?;
    let (award, edition) = award_and_edition(&*app.store, &slug, year).await?;
    let name = format!("{} {year}", award.name.get(lang));
    let base = format!("/admin/{slug}/{year}");
    let page = EditionHome {
        l: Layout::new(lang, name.clone(), base.clone())
            .for_award(&award)
            .crumb(t(lang, "admin-title"), "/admin")
            .crumb(name, ""),
        state: crate::edition_words::edition_state_text(lang, &edition, app.now()),
        public_href: format!("/{slug}/{year}"),
        menu: menu(lang, &base),
    };
    let html = page.render()?;
    Ok(axum::response::Html(html).into_response())
}
