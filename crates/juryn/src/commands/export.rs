//! `juryn export`: an edition's open data as JSON or CSV, the same files the site serves.

use std::io::Write;

use anyhow::{Context, bail};
use juryn_domain::Slug;
use juryn_web::opendata;

use super::open;

pub async fn export(
    url: &str,
    (award, year): (&str, i16),
    format: &str,
    output: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    let slug = Slug::parse(award).map_err(|e| anyhow::anyhow!("--award: {e}"))?;
    if !matches!(format, "json" | "csv") {
        bail!("--format: {format:?} is neither json nor csv");
    }
    let store = open(url).await?;
    store.edition(&slug, year).await?.with_context(|| format!("no edition {award} {year}"))?;
    let (data, questions, _) = opendata::build(&*store, (&slug, year)).await?.with_context(|| {
        format!(
            "{award} {year} has no open data: choose a licence and a time on /admin/{award}/{year}/oppna-data"
        )
    })?;
    let bytes =
        if format == "json" { opendata::to_json(&data)? } else { opendata::to_csv(&data, &questions)? };
    match output {
        Some(path) => {
            std::fs::write(path, &bytes).with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!("{} entries written to {}", data.entries().len(), path.display());
        }
        None => std::io::stdout().write_all(&bytes)?,
    }
    Ok(())
}
