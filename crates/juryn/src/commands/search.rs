//! `juryn search reindex`: the search index made again from the database.

use anyhow::Context;

use super::open;

pub async fn reindex(url: &str) -> anyhow::Result<()> {
    let Some(dir) = juryn_web::search_dir_for(url) else {
        println!(
            "On PostgreSQL each server keeps a search index of its own and makes it when it starts: there is nothing to reindex here. Restart a server to make its index again."
        );
        return Ok(());
    };
    let store = open(url).await?;
    let started = std::time::Instant::now();
    let (entries, answers) = juryn_web::reindex_search(&*store, &dir).await.with_context(|| {
        format!(
            "making the search index in {} (a running server holds it and keeps it up to date itself: stop it first)",
            dir.display()
        )
    })?;
    println!(
        "The search index in {} holds {answers} answers of {entries} entries (made in {:.1} s).",
        dir.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
