//! Starting an edition: empty, or carrying over from an earlier year of the same award what an
//! organiser would otherwise retype — the questionnaire, the criteria with their scale words,
//! the shortlist's bounds, the conflict policy, "how the winner is chosen", the jury's public
//! profiles, the booklet's title and foreword, and the programme moved by whole years. Never
//! entries, reviews or decisions. Used by the web and the
//! command line alike.

use juryn_domain::{CallWindow, Edition, LocalizedText, Phase, Slug};

use crate::{Carryover, EditionContent, Result, Stamp, Store};

/// Why an edition was not created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditionRefusal {
    /// The award has an edition that year already.
    YearTaken,
    /// The award has no edition that year to copy from.
    NoSource(i16),
}

/// What a new edition carried over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Carried {
    pub questions: usize,
    pub criteria: usize,
    pub jurors: usize,
    pub events: usize,
}

fn empty(award: &Slug, year: i16, ordinal: Option<u16>) -> EditionContent {
    EditionContent {
        edition: Edition {
            award: award.clone(),
            year,
            ordinal,
            phase: Phase::Draft,
            selection: LocalizedText::default(),
            nominees_public_at: None,
            announce_at: None,
            nominees: Vec::new(),
            winner: None,
            shortlist_min: 3,
            shortlist_max: 5,
            call: CallWindow { opens_at: None, closes_at: None, grace_minutes: 0 },
        },
        timeline: Vec::new(),
        jury: Vec::new(),
        criteria: Vec::new(),
        questions: Vec::new(),
        carried: Carryover::default(),
    }
}

/// Creates `award`'s edition `year` (in draft), copied from `copy_from` if given. The edition
/// and everything it carries over are one write. `StoreError::NoAward` if the award does not
/// exist.
pub async fn create_edition(
    store: &dyn Store,
    (award, year): (&Slug, i16),
    ordinal: Option<u16>,
    copy_from: Option<i16>,
    actor: &Stamp,
) -> Result<std::result::Result<Carried, EditionRefusal>> {
    if store.award(award).await?.is_none() {
        return Err(crate::StoreError::NoAward(award.clone()));
    }
    let mut content = empty(award, year, ordinal);
    if let Some(src) = copy_from {
        let Some(from) = store.edition(award, src).await? else {
            return Ok(Err(EditionRefusal::NoSource(src)));
        };
        content.edition.selection = from.selection;
        content.edition.shortlist_min = from.shortlist_min;
        content.edition.shortlist_max = from.shortlist_max;
        content.jury = store.jury(award, src).await?;
        content.criteria = store.criteria(award, src).await?;
        content.questions = store.questions(award, src).await?;
        content.carried.whole_county = Some(store.conflict_policy(award, src).await?.whole_county);
        let booklet = store.booklet_settings(award, src).await?;
        if !(booklet.title.trim().is_empty() && booklet.foreword.trim().is_empty()) {
            // "Kommunernas digitalisering 2019" becomes 2021's.
            let title = booklet.title.replace(&src.to_string(), &year.to_string());
            content.carried.booklet = Some((title, booklet.foreword));
        }
        let years = i64::from(year) - i64::from(src);
        content.carried.events = store
            .events(award, src)
            .await?
            .into_iter()
            .map(|mut e| {
                e.starts_at = juryn_domain::call::moved(e.starts_at, jiff::Span::new().years(years));
                e.ends_at = juryn_domain::call::moved(e.ends_at, jiff::Span::new().years(years));
                e
            })
            .collect();
    }
    if !store.create_edition(&content, actor).await? {
        return Ok(Err(EditionRefusal::YearTaken));
    }
    Ok(Ok(Carried {
        questions: content.questions.len(),
        criteria: content.criteria.len(),
        jurors: content.jury.len(),
        events: content.carried.events.len(),
    }))
}
