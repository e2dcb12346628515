//! `/{award}/{year}/jury`: "Se juryns medlemmar".

use askama::Template;
use axum::extract::{Extension, State};
use axum::response::Response;
use juryn_domain::Lang;

use crate::app::AppState;
use crate::cache::PageKey;
use crate::cached_page::{cached, rendered};
use crate::error::WebError;
use crate::extract::EditionKey;
use crate::find::award_and_edition;
use crate::i18n::{t, t_args};
use crate::layout::Layout;

pub struct JurorView {
    pub name: String,
    pub title: String,
    pub organisation: String,
    pub chair: bool,
}

#[derive(Template)]
#[template(path = "jury.html")]
struct JuryPage {
    l: Layout,
    heading: String,
    jurors: Vec<JurorView>,
    example: bool,
    edition_href: String,
    back_label: String,
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    key: EditionKey,
) -> Result<Response, WebError> {
    let (slug, year) = key.parts();
    let store = app.store.clone();
    cached(&app, PageKey::Jury(slug.to_string(), year, lang), lang, |_now| async move {
        let (award, _) = award_and_edition(&*store, &slug, year).await?;
        // In the organiser's order (`admin::jury_profiles`).
        let jury = store.jury(&slug, year).await?;
        let award_name = award.name.get(lang).to_owned();
        let edition_name = format!("{award_name} {year}");
        let edition_href = format!("/{slug}/{year}");
        let heading = t_args(lang, "jury-heading", &[("edition", edition_name.clone())]);
        let l = Layout::new(lang, heading.clone(), format!("{edition_href}/jury"))
            .for_award(&award)
            .crumb(t(lang, "nav-awards"), "/")
            .crumb(award_name, format!("/{slug}"))
            .crumb(year.to_string(), edition_href.clone())
            .crumb(t(lang, "jury-crumb"), "");
        let page = JuryPage {
            heading,
            example: jury.iter().any(|j| j.is_example),
            jurors: jury
                .into_iter()
                .map(|j| JurorView {
                    title: j.title.get(lang).to_owned(),
                    name: j.name,
                    organisation: j.organisation,
                    chair: j.is_chair,
                })
                .collect(),
            back_label: t_args(lang, "jury-back", &[("edition", edition_name)]),
            edition_href,
            l,
        };
        rendered(&page, None)
    })
    .await
}
