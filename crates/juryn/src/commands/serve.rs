//! `juryn serve` and `juryn demo`.

use std::time::Duration;

use anyhow::Context;
use juryn_web::AppState;

use super::open;
use crate::cli::ServeArgs;
use crate::config::{self, FileConfig};

/// How often a server looks for writes made by other processes.
const POLL_INTERVAL: Duration = Duration::from_millis(500);

/// Serves; with `demo`, first loads the demo as it stood at that phase.
pub async fn serve(
    args: ServeArgs,
    file: &FileConfig,
    demo: Option<juryn_domain::Phase>,
) -> anyhow::Result<()> {
    let listen = config::listen_addr(args.listen.clone(), file)?;
    let base_url = config::base_url(args.base_url.clone(), file, listen)?;
    let url = config::database_url(args.db.database.clone(), file);
    let mailer = config::mailer(args.mail.clone(), file)?;
    let store = open(&url).await?;
    if let Some(phase) = demo {
        juryn_store::demo::load_at(&*store, phase, jiff::Timestamp::now())
            .await
            .context("loading the demo")?;
        juryn_web::booklet::demo::load(&*store, phase).await.context("publishing the demo's booklet")?;
        tracing::info!("the demo is loaded at phase {phase}");
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
    juryn_web::set_site_name(&site_name(args.site_name.clone(), file, &*store).await?);
    let proxies = config::trusted_proxies(args.trusted_proxies.clone(), file)?;
    let limits = config::limits(&args, file)?;
    let state = AppState::load(store, &base_url, mailer).await?.with_trusted_proxies(proxies);
    let listener =
        tokio::net::TcpListener::bind(listen).await.with_context(|| format!("cannot listen on {listen}"))?;
    let start = if demo.is_some() {
        format!("{base_url}/{}/{}", juryn_store::demo::AWARD_SLUG, juryn_store::demo::YEAR)
    } else {
        format!("{base_url}/")
    };
    println!("juryn serves {start} (database {}); stop with Ctrl-C", config::redacted(&url));
    juryn_web::serve(listener, state, POLL_INTERVAL, limits).await?;
    Ok(())
}

/// The site's name: as configured, else the award's when the installation has exactly one.
async fn site_name(
    flag: Option<String>,
    file: &FileConfig,
    store: &dyn juryn_store::Store,
) -> anyhow::Result<String> {
    if let Some(name) = flag.or_else(|| file.site_name.clone()).filter(|n| !n.trim().is_empty()) {
        return Ok(name);
    }
    let awards = store.awards().await.context("reading the awards")?;
    Ok(match awards.as_slice() {
        [one] => one.name.get(juryn_domain::Lang::Sv).to_owned(),
        _ => juryn_web::DEFAULT_SITE_NAME.to_owned(),
    })
}
