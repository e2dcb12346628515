//! The demo's booklets: the 2019 title, an invented foreword, and a version published on
//! 14 June 2019 at 10:00, as the real booklet was published in June; 2021's and 2023's alike
//! in their Junes, where those editions are loaded.

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

/// The later editions' forewords (example text too).
const FOREWORD_2021: &str = "Pandemin satte kommunernas digitala förmåga på prov. I år svarade \
kommunerna på våra tre frågor och skattade för första gången sin digitala mognad område för område.\n\n\
*Texterna i demon är påhittade exempel.*";
const FOREWORD_2023: &str = "AI och cybersäkerhet har tagit plats i kommunernas utvecklingsarbete. \
Här berättar kommunerna med egna ord, och skattar sin digitala mognad som 2021.\n\n\
*Texterna i demon är påhittade exempel.*";

/// Sets the title and foreword and publishes the first version of each demo edition's booklet
/// (2019 at `phase`; 2021 and 2023 where they are loaded, at their own phase), once: loading
/// again changes nothing. Before an edition's nominations its booklet was not out yet.
pub async fn load(store: &dyn Store, phase: Phase) -> Result<(), PublishError> {
    let slug = Slug::parse(AWARD_SLUG).map_err(|e| juryn_store::StoreError::Invalid(e.to_string()))?;
    for (year, (month, day), foreword) in
        [(YEAR, (6, 14), FOREWORD), (2021, (6, 15), FOREWORD_2021), (2023, (6, 14), FOREWORD_2023)]
    {
        let phase = if year == YEAR {
            phase
        } else {
            match store.edition(&slug, year).await? {
                Some(e) => e.phase,
                None => continue,
            }
        };
        if phase < Phase::Nominated || !store.booklet_versions(&slug, year).await?.is_empty() {
            continue;
        }
        let at = jiff::civil::date(year, month, day)
            .at(10, 0, 0, 0)
            .in_tz("Europe/Stockholm")
            .map_err(|e| juryn_store::StoreError::Invalid(e.to_string()))?
            .timestamp();
        let actor = juryn_store::demo::stamp(at);
        store.set_booklet_settings(&slug, year, (TITLE, foreword), None, &actor).await?;
        publish(store, (&slug, year), at, &actor).await?;
    }
    Ok(())
}
