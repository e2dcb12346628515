//! `juryn booklet`: the edition's booklet as PDF, typeset from the entries as they stand — the
//! same document the organiser previews and publishes.

use std::path::Path;
use std::time::Duration;

use anyhow::{Context, bail};
use indicatif::{ProgressBar, ProgressStyle};
use juryn_domain::Slug;
use juryn_publish::booklet::{BookletError, Stage, pdf};

use super::open;

pub async fn booklet(url: &str, (award, year): (&str, i16), output: &Path) -> anyhow::Result<()> {
    let slug = Slug::parse(award).map_err(|e| anyhow::anyhow!("--award: {e}"))?;
    // Drawn on standard error, and only on a terminal: scripts see one line at the end.
    let bar = ProgressBar::new(1);
    bar.set_style(
        ProgressStyle::with_template("{spinner} [{bar:20}] {pos}/{len} {msg} ({elapsed})")
            .expect("a valid template")
            .progress_chars("=> "),
    );
    bar.enable_steady_tick(Duration::from_millis(100));
    bar.set_message("reading the entries");
    let store = open(url).await?;
    store.edition(&slug, year).await?.with_context(|| format!("no edition {award} {year}"))?;
    let source = juryn_web::booklet::source(&*store, (&slug, year)).await?;
    let chapters = source.booklet.chapters.len();
    // One step per chapter, then the front matter and the file.
    bar.set_length(chapters as u64 + 2);
    let typeset = {
        let bar = bar.clone();
        tokio::task::spawn_blocking(move || {
            pdf(&source.booklet, &mut |stage| match stage {
                Stage::Chapters { done, of } => {
                    bar.set_position(done as u64);
                    bar.set_message(format!("typesetting chapter {done} of {of}"));
                }
                Stage::Front => {
                    bar.set_position(chapters as u64 + 1);
                    bar.set_message("the cover, contents and page numbers");
                }
                Stage::Writing => {
                    bar.set_position(chapters as u64 + 2);
                    bar.set_message("writing the PDF");
                }
            })
        })
        .await?
    };
    let bytes = match typeset {
        Ok(typeset) => typeset.bytes,
        Err(BookletError::NoChapters) => {
            bar.finish_and_clear();
            bail!(
                "{award} {year} has no entry that is both submitted and consented to publication: no booklet is made"
            )
        }
        Err(e) => {
            bar.finish_and_clear();
            return Err(e.into());
        }
    };
    std::fs::write(output, &bytes).with_context(|| format!("cannot write {}", output.display()))?;
    bar.finish_and_clear();
    eprintln!("{chapters} chapters, {} bytes written to {}", bytes.len(), output.display());
    Ok(())
}
