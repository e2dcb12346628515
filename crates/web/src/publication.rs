//! Which entries may be published — in the open data and in the booklet alike: those submitted
//! whose municipality consented (`domain::opendata::left_out`) — and who is left out and why.

use std::collections::BTreeSet;

use juryn_domain::opendata::{LeftOut, left_out};
use juryn_domain::{Lang, MunicipalityCode, Slug};
use juryn_store::{EntryContent, Store};

use crate::i18n::t;

/// An edition's entries split by whether they may be published, each in the store's order (by
/// municipality code).
#[derive(Debug)]
pub struct Publishable {
    pub entries: Vec<EntryContent>,
    pub left_out: Vec<(MunicipalityCode, LeftOut)>,
}

pub async fn publishable(store: &dyn Store, (slug, year): (&Slug, i16)) -> juryn_store::Result<Publishable> {
    let consenting = consenting(store, (slug, year)).await?;
    let mut out = Publishable { entries: Vec::new(), left_out: Vec::new() };
    for e in store.entries(slug, year).await? {
        match left_out(e.status, consenting.contains(&e.municipality)) {
            None => out.entries.push(e),
            Some(why) => out.left_out.push((e.municipality, why)),
        }
    }
    Ok(out)
}

/// The municipalities that consented to publication.
async fn consenting(
    store: &dyn Store,
    (slug, year): (&Slug, i16),
) -> juryn_store::Result<BTreeSet<MunicipalityCode>> {
    Ok(store.consents(slug, year).await?.into_iter().filter(|(_, yes)| *yes).map(|(c, _)| c).collect())
}

/// The codes of the entries that may be published, as `publishable` decides, without reading
/// any answer (the pulse counts from facts it keeps).
pub async fn publishable_codes(
    store: &dyn Store,
    (slug, year): (&Slug, i16),
) -> juryn_store::Result<Vec<MunicipalityCode>> {
    let consenting = consenting(store, (slug, year)).await?;
    Ok(store
        .entry_statuses(slug, year)
        .await?
        .into_iter()
        .filter(|(c, status)| left_out(*status, consenting.contains(c)).is_none())
        .map(|(c, _)| c)
        .collect())
}

/// Why an entry is left out, for the organiser.
pub fn left_out_text(lang: Lang, why: LeftOut) -> String {
    t(
        lang,
        match why {
            LeftOut::NotSubmitted => "opendata-not-submitted",
            LeftOut::NoConsent => "opendata-no-consent",
        },
    )
}

/// A licence as a reader says it: "Creative Commons Erkännande 4.0", not "CC-BY-4.0".
pub fn licence_name(lang: Lang, licence: juryn_domain::opendata::Licence) -> String {
    use juryn_domain::opendata::Licence;
    match licence {
        Licence::CcBy4 => t(lang, "licence-cc-by-4"),
        Licence::Cc0 => t(lang, "licence-cc0"),
    }
}
