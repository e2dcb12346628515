//! The demo's booklet: the 2019 title, an invented foreword, and a version published on
//! 14 June 2019 at 10:00, as the real booklet was published in June.

use juryn_domain::{Phase, Slug};
use juryn_store::Store;
use juryn_store::demo::{AWARD_SLUG, YEAR};

use super::{PublishError, publish};

const TITLE: &str = "Kommunernas utveckling i en digital tid";

/// Example text, like the demo's answers.
const FOREWORD: &str = "Vart annat år frågar vi Sveriges kommuner hur de använder digitaliseringens \
möjligheter för att utveckla verksamheten, demokratin och kommunen som helhet. I år svarade 44 \
kommuner på våra tre frågor: vilket utvecklingsarbete de är mest stolta över, vilken effekt det \
har gett och vilka lärdomar de har dragit.\n\n\
Svaren är kommunernas egna och återges här som de skrevs. Tillsammans ger de en bild av var \
kommunerna står i sitt digitala utvecklingsarbete — och av hur mycket de kan lära av varandra.\n\n\
*Texterna i demon är påhittade exempel.*";

/// Sets the title and foreword and publishes the first version, once: loading again changes
/// nothing. Before the nominations (31 May) the booklet was not out yet.
pub async fn load(store: &dyn Store, phase: Phase) -> Result<(), PublishError> {
    let slug = Slug::parse(AWARD_SLUG).map_err(|e| juryn_store::StoreError::Invalid(e.to_string()))?;
    if phase < Phase::Nominated || !store.booklet_versions(&slug, YEAR).await?.is_empty() {
        return Ok(());
    }
    let at = jiff::civil::date(2019, 6, 14)
        .at(10, 0, 0, 0)
        .in_tz("Europe/Stockholm")
        .map_err(|e| juryn_store::StoreError::Invalid(e.to_string()))?
        .timestamp();
    let actor = juryn_store::demo::stamp(at);
    store.set_booklet_settings(&slug, YEAR, (TITLE, FOREWORD), None, &actor).await?;
    publish(store, (&slug, YEAR), at, &actor).await?;
    Ok(())
}
