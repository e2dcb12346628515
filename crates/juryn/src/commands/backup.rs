//! `juryn backup`, `juryn restore` and `juryn copy`: an installation as one portable file, and
//! back into an empty database of either kind, or straight from one database to another.
//! Nothing is written to a database unless all of it is.

use std::io::{BufReader, BufWriter, Write};
use std::path::Path;

use anyhow::{Context, bail};
use juryn_store::backup;

use super::open;
use crate::config;

/// Writes a consistent snapshot of the database at `url` (the server may be running) to `out`,
/// through a temporary file, so a failed backup never leaves a file that looks whole.
pub async fn backup(url: &str, out: &Path) -> anyhow::Result<()> {
    let store = open(url).await?;
    let snapshot = store.snapshot().await.context("reading the database")?;
    let partial = out.with_extension("partial");
    let file =
        std::fs::File::create(&partial).with_context(|| format!("cannot write {}", partial.display()))?;
    let mut writer = BufWriter::new(file);
    backup::write(&snapshot, &mut writer).with_context(|| format!("cannot write {}", partial.display()))?;
    writer.into_inner().map_err(|e| e.into_error())?.sync_all()?;
    std::fs::rename(&partial, out).with_context(|| format!("cannot write {}", out.display()))?;
    println!(
        "Backed up {} rows of {} tables (schema {}) to {}.",
        snapshot.rows(),
        snapshot.tables.len(),
        snapshot.schema,
        out.display()
    );
    Ok(())
}

/// Loads the backup `file` into the empty database at `url` (created and migrated if missing).
pub async fn restore(file: &Path, url: &str) -> anyhow::Result<()> {
    let input = std::fs::File::open(file).with_context(|| format!("cannot read {}", file.display()))?;
    let snapshot =
        backup::read(BufReader::new(input)).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    let store = open(url).await?;
    if let Err(refusal) = store.restore(&snapshot).await? {
        bail!("nothing was restored into {}: {refusal}", config::redacted(url));
    }
    println!("Restored {} rows into {}.", snapshot.rows(), config::redacted(url));
    Ok(())
}

/// Moves an installation: every row of `from` into the empty database at `to`.
pub async fn copy(from: &str, to: &str) -> anyhow::Result<()> {
    let source = open(from).await?;
    let snapshot = source.snapshot().await.context("reading the database to copy")?;
    let target = open(to).await?;
    if let Err(refusal) = target.restore(&snapshot).await? {
        bail!("nothing was copied into {}: {refusal}", config::redacted(to));
    }
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "Copied {} rows of {} tables from {} to {}.",
        snapshot.rows(),
        snapshot.tables.len(),
        config::redacted(from),
        config::redacted(to)
    )?;
    Ok(())
}
