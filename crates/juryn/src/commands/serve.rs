//! `juryn serve` and `juryn demo`.

use std::time::Duration;

use anyhow::Context;
use juryn_web::AppState;

use super::open;
use crate::cli::ServeArgs;
use crate::config::{self, FileConfig};

/// How often a server looks for writes made by other processes.
const POLL_INTERVAL: Duration = Duration::from_millis(500);

/// What `juryn demo` loads before it serves.
#[derive(Debug, Clone, Copy)]
pub struct Demo {
    /// The edition whose story is told, and how far.
    pub year: i16,
    pub phase: juryn_domain::Phase,
    /// The synthetic award beside it, at this size.
    pub synthetic: Option<juryn_store::demo::synthetic::Scale>,
}

/// Serves; with `demo`, first loads the demo as it stood at that phase.
pub async fn serve(args: ServeArgs, file: &FileConfig, demo: Option<Demo>) -> anyhow::Result<()> {
    let listen = config::listen_addr(args.listen.clone(), file)?;
    let metrics_at = config::metrics_addr(args.metrics_listen.clone(), file)?;
    let base_url = config::base_url(args.base_url.clone(), file, listen)?;
    let url = config::database_url(args.db.database.clone(), file);
    let mailer = config::mailer(args.mail.clone(), file)?;
    let oidc = config::oidc(args.oidc.clone(), file)?;
    let store = open(&url).await?;
    if let Some(Demo { year, phase, synthetic }) = demo {
        juryn_store::demo::load_edition_at(&*store, year, phase, jiff::Timestamp::now())
            .await
            .context("loading the demo")?;
        // 2019's booklet, as 2019 stands: at `phase`, or over when a later edition is told.
        let phase_2019 = if year == 2019 { phase } else { juryn_domain::Phase::Announced };
        juryn_web::booklet::demo::load(&*store, phase_2019).await.context("publishing the demo's booklet")?;
        tracing::info!("the demo is loaded with {year} at phase {phase}");
        if let Some(scale) = synthetic {
            let started = std::time::Instant::now();
            juryn_store::demo::synthetic::load(&*store, scale, jiff::Timestamp::now())
                .await
                .context("loading the synthetic award")?;
            println!(
                "The synthetic award is loaded ({} entries × {} jurors, {} words per answer) in {:.1} s: {base_url}/{}",
                scale.entries,
                scale.jurors,
                scale.words,
                started.elapsed().as_secs_f64(),
                juryn_store::demo::synthetic::AWARD_SLUG
            );
        }
    }
    // The first run: nobody can sign in to set anything up until an administrator exists.
    let admin = juryn_domain::Grant::organiser();
    let people = store.people().await.context("reading the people")?;
    if !people.iter().any(|p| p.grants.iter().any(|g| g.grant == admin)) {
        println!(
            "No administrator yet: create one with juryn user add --email ADDRESS --name NAME --role admin --database {} (it asks for a password).",
            config::redacted(&url)
        );
    }
    if let Some(dir) = mailer.outbox_dir() {
        println!("No SMTP server is configured: mail is written to {}", dir.display());
    }
    // Configured, the name is fixed; otherwise the site follows its one award (juryn_web::site).
    if let Some(name) = args.site_name.clone().or_else(|| file.site_name.clone()) {
        juryn_web::set_site_name(&name);
    }
    let proxies = config::trusted_proxies(args.trusted_proxies.clone(), file)?;
    let limits = config::limits(&args, file)?;
    // The search index beside the SQLite file, or one of this process's own on PostgreSQL.
    let search = match juryn_web::search_dir_for(&url) {
        Some(dir) => match juryn_web::Search::in_dir(&dir) {
            Ok(search) => search,
            // Another process on the same file holds it: this one keeps its own.
            Err(e) => {
                tracing::warn!(
                    "the search index in {} is not this process's to keep ({e}); it keeps one of its own",
                    dir.display()
                );
                juryn_web::Search::per_process().context("making this process's search index")?
            }
        },
        None => juryn_web::Search::per_process().context("making this process's search index")?,
    };
    let mut state =
        AppState::load(store, &base_url, mailer).await?.with_trusted_proxies(proxies).with_search(search);
    if let Some(settings) = oidc {
        println!(
            "Sign-in through {} ({}) is offered beside passwords and links.",
            settings.name, settings.issuer
        );
        state = state.with_oidc(settings).map_err(|e| anyhow::anyhow!("--oidc-issuer: {e}"))?;
    }
    let listener =
        tokio::net::TcpListener::bind(listen).await.with_context(|| format!("cannot listen on {listen}"))?;
    if let Some(addr) = metrics_at {
        serve_metrics(addr, state.clone()).await?;
    }
    let start = if demo.is_some() {
        format!("{base_url}/{}/{}", juryn_store::demo::AWARD_SLUG, juryn_store::demo::YEAR)
    } else {
        format!("{base_url}/")
    };
    println!("juryn serves {start} (database {}); stop with Ctrl-C", config::redacted(&url));
    juryn_web::serve(listener, state, POLL_INTERVAL, limits).await?;
    Ok(())
}

/// Prometheus metrics on their own address, for the life of the process. A port already taken
/// stops the start with one line, before the site serves anything.
async fn serve_metrics(addr: std::net::SocketAddr, state: AppState) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .with_context(|| format!("cannot serve the metrics on {addr} (--metrics-listen)"))?;
    println!("juryn serves its metrics at http://{addr}/metrics");
    tokio::spawn(juryn_web::metrics::serve(listener, state));
    Ok(())
}
