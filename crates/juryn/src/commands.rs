//! What each subcommand does.

use std::io::{BufRead, IsTerminal};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, bail};
use juryn_domain::Email;
use juryn_domain::{Grant, Lang};
use juryn_store::NewUser;
use juryn_store::prelude::*;
use juryn_web::AppState;

use crate::cli::{Cli, Command, RoleArg, ServeArgs, UserCommand};
use crate::config::{self, FileConfig};

/// How often a server looks for writes made by other processes.
const POLL_INTERVAL: Duration = Duration::from_millis(500);
const MIN_PASSWORD_CHARS: usize = 12;

pub fn run(cli: Cli) -> anyhow::Result<()> {
    let file = FileConfig::load(cli.config.as_deref())?;
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async move {
        match cli.command {
            Command::Serve(args) => serve(args, &file, false).await,
            Command::Demo(args) => serve(args, &file, true).await,
            Command::Migrate(db) => {
                let url = config::database_url(db.database, &file);
                open(&url).await?;
                println!("The database at {url} is up to date.");
                Ok(())
            }
            Command::User { command: UserCommand::Add { email, name, role, db } } => {
                let url = config::database_url(db.database, &file);
                user_add(&url, &email, &name, role).await
            }
        }
    })
}

async fn open(url: &str) -> anyhow::Result<Arc<dyn Store>> {
    Ok(juryn_store::open(url).await?)
}

async fn serve(args: ServeArgs, file: &FileConfig, demo: bool) -> anyhow::Result<()> {
    let listen = config::listen_addr(args.listen, file)?;
    let base_url = config::base_url(args.base_url, file, listen)?;
    let url = config::database_url(args.db.database, file);
    let store = open(&url).await?;
    if demo {
        juryn_store::demo::load(&*store).await.context("loading the demo")?;
        tracing::info!("the demo is loaded");
    }
    let state = AppState::new(store, &base_url);
    let listener =
        tokio::net::TcpListener::bind(listen).await.with_context(|| format!("cannot listen on {listen}"))?;
    let start = if demo {
        format!("{base_url}/{}/{}", juryn_store::demo::AWARD_SLUG, juryn_store::demo::YEAR)
    } else {
        format!("{base_url}/")
    };
    println!("juryn serves {start} (database {url}); stop with Ctrl-C");
    juryn_web::serve(listener, state, POLL_INTERVAL).await?;
    Ok(())
}

/// Reads the password: asked twice on a terminal, else the first line of standard input.
fn read_password() -> anyhow::Result<String> {
    if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password: ")?;
        let second = rpassword::prompt_password("Password again: ")?;
        if first != second {
            bail!("the two passwords differ");
        }
        Ok(first)
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        Ok(line.trim_end_matches(['\r', '\n']).to_owned())
    }
}

async fn user_add(url: &str, email: &str, name: &str, role: RoleArg) -> anyhow::Result<()> {
    let email = Email::parse(email).map_err(|e| anyhow::anyhow!("--email: {e}"))?;
    let name = name.trim();
    if name.is_empty() {
        bail!("--name must not be empty");
    }
    let password = read_password()?;
    if password.chars().count() < MIN_PASSWORD_CHARS {
        bail!("the password must have at least {MIN_PASSWORD_CHARS} characters");
    }
    let store = open(url).await?;
    let hash = password_auth::generate_hash(&password);
    let grant = match role {
        RoleArg::Admin => Grant::organiser(),
    };
    let user = NewUser {
        email: email.to_string(),
        name: name.to_owned(),
        lang: Lang::Sv,
        password_hash: Some(hash),
    };
    let id = store.put_user(&user, "cli").await?;
    store.grant(id, &grant, "cli").await?;
    println!(
        "{email} (user {id}) is {}.",
        if matches!(role, RoleArg::Admin) { "admin" } else { grant.role.as_str() }
    );
    Ok(())
}
