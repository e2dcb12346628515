//! What a path names, looked up: the award and edition, or the 404 page; the refusal of a
//! write to an archived edition; an edition's entries' codes and the facts the read rule asks
//! (`EntryFacts`), kept per data generation.

use std::collections::BTreeMap;
use std::sync::Arc;

use juryn_domain::rules::Action;
use juryn_domain::{Award, Edition, EntryStatus, MunicipalityCode, Slug};
use juryn_store::Store;

use crate::app::AppState;
use crate::error::WebError;

/// A row's id in a path (`/admin/personer/{user}`, `/admin/post/{id}/igen`): a positive number,
/// or the 404 page.
pub fn row_id(segment: &str) -> Result<i64, WebError> {
    segment.parse::<i64>().ok().filter(|n| *n > 0 && segment.len() < 19).ok_or(WebError::NotFound)
}

/// The award and edition that `/{award}/{year}` names, or the 404 page.
pub(crate) async fn award_and_edition(
    store: &dyn Store,
    slug: &Slug,
    year: i16,
) -> Result<(Award, Edition), WebError> {
    let award = store.award(slug).await?.ok_or(WebError::NotFound)?;
    let edition = store.edition(slug, year).await?.ok_or(WebError::NotFound)?;
    Ok((award, edition))
}

/// Parses the `{award}` path segment; anything that is not a slug cannot name an award.
pub(crate) fn parse_slug(s: &str) -> Result<Slug, WebError> {
    Slug::parse(s).map_err(|_| WebError::NotFound)
}

/// An archived edition is read-only: every write to it is refused with a page that says so.
pub(crate) async fn refuse_if_archived(app: &AppState, (slug, year): (&Slug, i16)) -> Result<(), WebError> {
    let edition = app.store.edition(slug, year).await?;
    if edition.is_some_and(|e| e.phase == juryn_domain::Phase::Archived) {
        return Err(WebError::Archived);
    }
    Ok(())
}

/// The municipalities with an entry in the edition, and those whose entry competes — submitted
/// and not only for the booklet (the ones the jury reviews) — without reading any answers.
pub(crate) async fn entry_codes(
    store: &dyn Store,
    (slug, year): (&Slug, i16),
) -> juryn_store::Result<(Vec<MunicipalityCode>, Vec<MunicipalityCode>)> {
    let statuses = store.entry_statuses(slug, year).await?;
    let booklet_only = store.booklet_only(slug, year).await?;
    let all = statuses.iter().map(|(c, _)| *c).collect();
    let competing = statuses
        .iter()
        .filter(|(c, s)| *s == EntryStatus::Submitted && !booklet_only.contains(c))
        .map(|(c, _)| *c)
        .collect();
    Ok((all, competing))
}

/// The entries the round being decided reviews and assigns: every competing entry in the first
/// round, the cut before it in a later one (its reviews and assignments are its own).
pub async fn round_entries(
    store: &dyn Store,
    (slug, year): (&Slug, i16),
) -> juryn_store::Result<Vec<MunicipalityCode>> {
    let rounds = store.rounds(slug, year).await?;
    let cuts = if rounds.len() > 1 { store.cuts(slug, year).await? } else { Vec::new() };
    let (_, submitted) = entry_codes(store, (slug, year)).await?;
    Ok(juryn_domain::round::candidates(&cuts, &submitted))
}

/// What the rules ask before an entry is read (`Action::ReadEntry`): whether it is a nominee and
/// whether it is submitted. Kept per data generation, so the jury's entry page served from the
/// cache and the search's circles read no entry.
pub(crate) struct EntryFacts {
    nominees: Vec<MunicipalityCode>,
    pub statuses: BTreeMap<MunicipalityCode, EntryStatus>,
}

impl EntryFacts {
    /// The question for the rules: may the reader read `code`'s entry?
    pub fn read_entry<'a>(&self, (slug, year): (&'a Slug, i16), code: MunicipalityCode) -> Action<'a> {
        Action::ReadEntry {
            award: slug,
            year,
            municipality: code,
            is_nominee: self.nominees.contains(&code),
            submitted: self.statuses.get(&code) == Some(&EntryStatus::Submitted),
        }
    }
}

/// An edition's `EntryFacts`, or the 404 page.
pub(crate) async fn entry_facts(
    app: &AppState,
    (slug, year): (&Slug, i16),
) -> Result<Arc<EntryFacts>, WebError> {
    app.memo
        .get_or_make(format!("entry-facts|{slug}|{year}"), app.cache.generation(), || async {
            let (_, edition) = award_and_edition(&*app.store, slug, year).await?;
            let statuses = app.store.entry_statuses(slug, year).await?.into_iter().collect();
            Ok::<_, WebError>(EntryFacts { nominees: edition.nominees, statuses })
        })
        .await
}
