//! `juryn verify`: does the sealed decision match its published commitment?

use anyhow::{Context, bail};
use juryn_domain::Slug;
use juryn_domain::seal::{Decision, verify as matches};

use super::open;

pub async fn verify(url: &str, award: &str, year: i16) -> anyhow::Result<()> {
    let slug = Slug::parse(award).map_err(|e| anyhow::anyhow!("--award: {e}"))?;
    let store = open(url).await?;
    let edition = store.edition(&slug, year).await?.with_context(|| format!("no edition {award} {year}"))?;
    let decision = store
        .decision(&slug, year)
        .await?
        .with_context(|| format!("{award} {year} has no sealed decision"))?;
    let seal = &decision.seal;
    if !matches(&seal.json, &seal.nonce, &seal.commitment) {
        bail!(
            "the seal of {award} {year} does NOT match: SHA-256(json ‖ nonce) is not the commitment {}",
            seal.commitment
        );
    }
    // The hash holds; the sealed text must also say what the edition says.
    let sealed = Decision::from_json(&seal.json).context("the sealed JSON does not read as a decision")?;
    if sealed.award != slug
        || sealed.year != year
        || Some(sealed.winner) != edition.winner
        || sealed.winner != decision.winner
    {
        bail!(
            "the seal of {award} {year} matches its text, but the text names another decision than the edition's"
        );
    }
    println!(
        "The seal of {award} {year} matches: commitment {}, sealed {}.",
        seal.commitment, decision.sealed_at
    );
    Ok(())
}
