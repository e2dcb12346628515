//! `/admin/utmarkelser/…`: an award made and edited in the browser, and its editions started —
//! the way an organiser begins on an empty installation. Creating an award is for the
//! installation's organisers; an award's own organisers edit it and start its editions.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::{Action, Award, Lang, LocalizedText, Slug};
use juryn_store::setup::{EditionRefusal, create_edition};
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::{CsrfForm, MaybeViewer, require};
use crate::error::WebError;
use crate::extract::Segments;
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use crate::respond::{form_page, redirect};

const MAX_NAME: usize = 200;
const MAX_SENTENCE: usize = 1_000;
const MAX_TEXT: usize = 10_000;
use juryn_domain::award::EDITION_YEARS as YEARS;

/// The award's fields as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct AwardFields {
    #[serde(default)]
    slug: String,
    #[serde(default)]
    name_sv: String,
    #[serde(default)]
    name_en: String,
    #[serde(default)]
    organiser: String,
    #[serde(default)]
    criterion_sv: String,
    #[serde(default)]
    criterion_en: String,
    #[serde(default)]
    description_sv: String,
    #[serde(default)]
    description_en: String,
    #[serde(default)]
    how_chosen_sv: String,
    #[serde(default)]
    how_chosen_en: String,
    #[serde(default)]
    prize_sv: String,
    #[serde(default)]
    prize_en: String,
}

impl AwardFields {
    fn of(a: &Award) -> AwardFields {
        AwardFields {
            slug: a.slug.to_string(),
            name_sv: a.name.sv.clone(),
            name_en: a.name.en.clone().unwrap_or_default(),
            organiser: a.organiser.clone(),
            criterion_sv: a.criterion.sv.clone(),
            criterion_en: a.criterion.en.clone().unwrap_or_default(),
            description_sv: a.description.sv.clone(),
            description_en: a.description.en.clone().unwrap_or_default(),
            how_chosen_sv: a.how_chosen.sv.clone(),
            how_chosen_en: a.how_chosen.en.clone().unwrap_or_default(),
            prize_sv: a.prize.sv.clone(),
            prize_en: a.prize.en.clone().unwrap_or_default(),
        }
    }

    /// The award these fields describe, or what to fix, in the reader's language.
    fn check(&self, lang: Lang) -> Result<Award, Vec<String>> {
        let mut errors = Vec::new();
        let slug = Slug::parse(self.slug.trim());
        if slug.is_err() {
            errors.push(t(lang, "award-error-slug"));
        }
        let mut fields = super::fields::TextFields::new(lang);
        let mut field =
            |key: &str, text: &str, max: usize, required: bool| fields.text(key, text, max, (required, true));
        let name_sv = field("award-field-name-sv", &self.name_sv, MAX_NAME, true);
        let name_en = field("award-field-name-en", &self.name_en, MAX_NAME, false);
        let organiser = field("award-field-organiser", &self.organiser, MAX_NAME, false);
        let criterion_sv = field("award-field-criterion-sv", &self.criterion_sv, MAX_SENTENCE, false);
        let criterion_en = field("award-field-criterion-en", &self.criterion_en, MAX_SENTENCE, false);
        let description_sv = field("award-field-description-sv", &self.description_sv, MAX_TEXT, false);
        let description_en = field("award-field-description-en", &self.description_en, MAX_TEXT, false);
        let how_chosen_sv = field("award-field-how-chosen-sv", &self.how_chosen_sv, MAX_TEXT, false);
        let how_chosen_en = field("award-field-how-chosen-en", &self.how_chosen_en, MAX_TEXT, false);
        let prize_sv = field("award-field-prize-sv", &self.prize_sv, MAX_SENTENCE, false);
        let prize_en = field("award-field-prize-en", &self.prize_en, MAX_SENTENCE, false);
        errors.extend(fields.errors);
        let (Ok(slug), true) = (slug, errors.is_empty()) else { return Err(errors) };
        // Without an English text the Swedish one is shown to English readers too.
        let both = |sv: String, en: String| {
            if en.is_empty() { LocalizedText::sv_only(sv) } else { LocalizedText::new(sv, en) }
        };
        Ok(Award {
            slug,
            name: both(name_sv, name_en),
            organiser,
            description: both(description_sv, description_en),
            criterion: both(criterion_sv, criterion_en),
            how_chosen: both(how_chosen_sv, how_chosen_en),
            prize: both(prize_sv, prize_en),
            logo: None,
        })
    }
}

/// A new edition's fields as typed.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct EditionFields {
    #[serde(default)]
    year: String,
    #[serde(default)]
    ordinal: String,
    #[serde(default)]
    copy_from: String,
}

#[derive(Template)]
#[template(path = "admin_award.html")]
struct AwardPage {
    l: Layout,
    csrf: String,
    /// Where the award form posts.
    action: String,
    is_new: bool,
    f: AwardFields,
    errors: Vec<String>,
    /// For an existing award: its editions (year, admin href) and the new-edition form.
    editions: Vec<(i16, String)>,
    edition_action: String,
    e: EditionFields,
    edition_errors: Vec<String>,
    /// The logo's address when the award has one, and what was wrong with an upload.
    logo_href: Option<String>,
    logo_errors: Vec<String>,
}

pub(super) struct Shown {
    status: StatusCode,
    award: Option<AwardFields>,
    errors: Vec<String>,
    edition: EditionFields,
    edition_errors: Vec<String>,
    logo_errors: Vec<String>,
}

impl Shown {
    /// The page with what was wrong with a logo upload.
    pub fn logo_refused(status: StatusCode, error: String) -> Shown {
        Shown { status, logo_errors: vec![error], ..Shown::ok() }
    }

    pub fn ok() -> Shown {
        Shown {
            status: StatusCode::OK,
            award: None,
            errors: vec![],
            edition: EditionFields::default(),
            edition_errors: vec![],
            logo_errors: vec![],
        }
    }
}

pub(super) async fn render(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    existing: Option<&Award>,
    shown: Shown,
) -> Result<Response, WebError> {
    let (title, action, editions, edition_action) = match existing {
        None => (t(lang, "award-new-title"), "/admin/utmarkelser".to_owned(), vec![], String::new()),
        Some(a) => {
            let editions = app
                .store
                .editions(&a.slug)
                .await?
                .into_iter()
                .map(|e| (e.year, format!("/admin/{}/{}", a.slug, e.year)))
                .collect();
            (
                a.name.get(lang).to_owned(),
                format!("/admin/utmarkelser/{}", a.slug),
                editions,
                format!("/admin/utmarkelser/{}/omgang", a.slug),
            )
        }
    };
    let f = shown.award.unwrap_or_else(|| existing.map(AwardFields::of).unwrap_or_default());
    let mut l = Layout::new(lang, title.clone(), action.clone());
    if let Some(a) = existing {
        l = l.for_award(a);
    }
    let l = l.crumb(t(lang, "admin-title"), "/admin").crumb(title, "");
    form_page(app, headers, shown.status, |csrf| AwardPage {
        l,
        csrf,
        action,
        is_new: existing.is_none(),
        f,
        errors: shown.errors,
        editions,
        edition_action,
        e: shown.edition,
        edition_errors: shown.edition_errors,
        logo_href: existing.filter(|a| a.logo.is_some()).map(|a| format!("/{}/logotyp", a.slug)),
        logo_errors: shown.logo_errors,
    })
}

/// `GET /admin/utmarkelser/ny`.
pub async fn new_page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
) -> Result<Response, WebError> {
    require(&viewer, Action::CreateAward, "/admin/utmarkelser/ny")?;
    render(&app, &headers, lang, None, Shown::ok()).await
}

/// `POST /admin/utmarkelser`: creates the award; a taken slug is refused, never reused.
pub async fn create(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    CsrfForm(form): CsrfForm<AwardFields>,
) -> Result<Response, WebError> {
    require(&viewer, Action::CreateAward, "/admin/utmarkelser/ny")?;
    let refuse = |errors: Vec<String>| Shown {
        status: StatusCode::UNPROCESSABLE_ENTITY,
        award: Some(form.clone()),
        errors,
        ..Shown::ok()
    };
    let award = match form.check(lang) {
        Ok(a) => a,
        Err(errors) => return render(&app, &headers, lang, None, refuse(errors)).await,
    };
    let actor = crate::auth::stamp(viewer.0.as_ref(), app.now());
    if !app.store.create_award(&award, &actor).await? {
        let taken = t_args(lang, "award-error-taken", &[("slug", award.slug.to_string())]);
        return render(&app, &headers, lang, None, refuse(vec![taken])).await;
    }
    Ok(redirect(&format!("/admin/utmarkelser/{}", award.slug), vec![]))
}

/// The award at `/admin/utmarkelser/{award}`, once the rules allow the viewer to edit it: sign
/// in first, then 404 for what does not parse, 403, and 404 for an award that does not exist.
pub(super) async fn editable(
    app: &AppState,
    viewer: &MaybeViewer,
    award: &str,
) -> Result<(Slug, Award), WebError> {
    let here = format!("/admin/utmarkelser/{award}");
    require(viewer, Action::OpenAdmin, &here)?;
    let slug = Slug::parse(award).map_err(|_| WebError::NotFound)?;
    require(viewer, Action::EditAward { award: &slug }, &here)?;
    let a = app.store.award(&slug).await?.ok_or(WebError::NotFound)?;
    Ok((slug, a))
}

/// `GET /admin/utmarkelser/{award}`.
pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    Segments(award): Segments<String>,
) -> Result<Response, WebError> {
    let (_, a) = editable(&app, &viewer, &award).await?;
    render(&app, &headers, lang, Some(&a), Shown::ok()).await
}

/// `POST /admin/utmarkelser/{award}`: saves the award's texts (its slug stays).
pub async fn save(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    Segments(award): Segments<String>,
    CsrfForm(mut form): CsrfForm<AwardFields>,
) -> Result<Response, WebError> {
    let (slug, a) = editable(&app, &viewer, &award).await?;
    let here = format!("/admin/utmarkelser/{slug}");
    // An award's address never changes: links to it are out in the world.
    form.slug = slug.to_string();
    let award = match form.check(lang) {
        Ok(award) => award,
        Err(errors) => {
            let shown =
                Shown { status: StatusCode::UNPROCESSABLE_ENTITY, award: Some(form), errors, ..Shown::ok() };
            return render(&app, &headers, lang, Some(&a), shown).await;
        }
    };
    let actor = crate::auth::stamp(viewer.0.as_ref(), app.now());
    app.store.put_award(&award, &actor).await?;
    Ok(redirect(&here, vec![]))
}

/// `POST /admin/utmarkelser/{award}/omgang`: starts an edition, empty or copied from an
/// earlier year.
pub async fn new_edition(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    Segments(award): Segments<String>,
    CsrfForm(form): CsrfForm<EditionFields>,
) -> Result<Response, WebError> {
    let (slug, a) = editable(&app, &viewer, &award).await?;
    let mut errors = Vec::new();
    let year = form.year.trim().parse::<i16>().ok().filter(|y| YEARS.contains(y));
    if year.is_none() {
        errors.push(t_args(
            lang,
            "edition-error-year",
            &[("from", YEARS.start().to_string()), ("to", YEARS.end().to_string())],
        ));
    }
    let ordinal = match form.ordinal.trim() {
        "" => Some(None),
        o => o.parse::<u16>().ok().filter(|n| (1..=500).contains(n)).map(Some),
    };
    if ordinal.is_none() {
        errors.push(t(lang, "edition-error-ordinal"));
    }
    let copy_from = match form.copy_from.trim() {
        "" => Some(None),
        c => c.parse::<i16>().ok().map(Some),
    };
    if copy_from.is_none() {
        errors.push(t(lang, "edition-error-copy"));
    }
    let refuse = |errors: Vec<String>| Shown {
        status: StatusCode::UNPROCESSABLE_ENTITY,
        edition: form.clone(),
        edition_errors: errors,
        ..Shown::ok()
    };
    let (Some(year), Some(ordinal), Some(copy_from), true) = (year, ordinal, copy_from, errors.is_empty())
    else {
        return render(&app, &headers, lang, Some(&a), refuse(errors)).await;
    };
    let actor = crate::auth::stamp(viewer.0.as_ref(), app.now());
    match create_edition(&*app.store, (&slug, year), ordinal, copy_from, &actor).await? {
        Ok(_) => Ok(redirect(&format!("/admin/{slug}/{year}"), vec![])),
        Err(EditionRefusal::YearTaken) => {
            let e = t_args(lang, "edition-error-taken", &[("year", year.to_string())]);
            render(&app, &headers, lang, Some(&a), refuse(vec![e])).await
        }
        Err(EditionRefusal::NoSource(src)) => {
            let e = t_args(lang, "edition-error-no-source", &[("year", src.to_string())]);
            render(&app, &headers, lang, Some(&a), refuse(vec![e])).await
        }
    }
}
