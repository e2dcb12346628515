//! What each subcommand does.

mod backup;
mod booklet;
mod export;
mod search;
mod serve;
mod setup;
mod user;
mod verify;

use std::sync::Arc;

use anyhow::{Context, bail};
use juryn_domain::{Grant, MunicipalityCode, Role, Scope, Slug};
use juryn_store::Store;

use crate::cli::{
    AwardCommand, Cli, Command, EditionCommand, RoleArgs, SearchCommand, TimelineCommand, UserCommand,
};
use crate::config::{self, FileConfig};

/// The command line writing now: its clock is the machine's.
fn cli_stamp() -> juryn_store::Stamp {
    juryn_store::Stamp::new("cli", jiff::Timestamp::now())
}

pub fn run(cli: Cli) -> anyhow::Result<()> {
    let file = FileConfig::load(cli.config.as_deref())?;
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async move {
        match cli.command {
            Command::Serve(args) => serve::serve(args, &file, None).await,
            Command::Demo { phase, edition, synthetic, serve: args } => {
                let demo = serve::Demo { year: edition, phase, synthetic };
                serve::serve(args, &file, Some(demo)).await
            }
            Command::Migrate(db) => {
                let url = config::database_url(db.database, &file);
                open(&url).await?;
                println!("The database at {} is up to date.", config::redacted(&url));
                Ok(())
            }
            Command::Invite { email, name, role, lang, base_url, db, mail } => {
                let url = config::database_url(db.database, &file);
                let listen = config::listen_addr(None, &file)?;
                let base = config::base_url(base_url, &file, listen)?;
                let mailer = config::mailer(mail, &file)?;
                user::invite(&url, &base, mailer, (&email, &name), &role, &lang).await
            }
            Command::Export { award, year, format, output, db } => {
                export::export(
                    &config::database_url(db.database, &file),
                    (&award, year),
                    &format,
                    output.as_deref(),
                )
                .await
            }
            Command::Booklet { award, year, output, db } => {
                booklet::booklet(&config::database_url(db.database, &file), (&award, year), &output).await
            }
            Command::Backup { output, db } => {
                backup::backup(&config::database_url(db.database, &file), &output).await
            }
            Command::Restore { file: input, db } => {
                backup::restore(&input, &config::database_url(db.database, &file)).await
            }
            Command::Copy { from, to } => backup::copy(&from, &to).await,
            Command::Verify { award, year, db } => {
                verify::verify(&config::database_url(db.database, &file), &award, year).await
            }
            Command::Search { command: SearchCommand::Reindex { db } } => {
                search::reindex(&config::database_url(db.database, &file)).await
            }
            Command::Award { command } => match command {
                AwardCommand::Add { slug, name, name_en, organiser, criterion, db } => {
                    let award = setup::NewAward {
                        slug: &slug,
                        name: &name,
                        name_en: name_en.as_deref(),
                        organiser: organiser.as_deref(),
                        criterion: criterion.as_deref(),
                    };
                    setup::award_add(&config::database_url(db.database, &file), award).await
                }
                AwardCommand::List { db } => {
                    setup::award_list(&config::database_url(db.database, &file)).await
                }
            },
            Command::Edition { command: EditionCommand::Add { award, year, ordinal, copy_from, db } } => {
                setup::edition_add(
                    &config::database_url(db.database, &file),
                    (&award, year),
                    ordinal,
                    copy_from,
                )
                .await
            }
            Command::Timeline { command } => match command {
                TimelineCommand::Add { award, year, kind, date, text, text_en, db } => {
                    let m = setup::NewMilestone {
                        kind: &kind,
                        date: &date,
                        text: &text,
                        text_en: text_en.as_deref(),
                    };
                    setup::timeline_add(&config::database_url(db.database, &file), (&award, year), m).await
                }
                TimelineCommand::Move { award, year, kind, date, db } => {
                    setup::timeline_move(
                        &config::database_url(db.database, &file),
                        (&award, year),
                        &kind,
                        &date,
                    )
                    .await
                }
                TimelineCommand::List { award, year, db } => {
                    setup::timeline_list(&config::database_url(db.database, &file), (&award, year)).await
                }
            },
            Command::User { command } => match command {
                UserCommand::Add { email, name, role, db } => {
                    user::add(&config::database_url(db.database, &file), &email, &name, &role).await
                }
                UserCommand::List { db } => user::list(&config::database_url(db.database, &file)).await,
                UserCommand::Grant { email, role, db } => {
                    user::grant(&config::database_url(db.database, &file), &email, &role, true).await
                }
                UserCommand::Revoke { email, role, db } => {
                    user::grant(&config::database_url(db.database, &file), &email, &role, false).await
                }
            },
        }
    })
}

pub(crate) async fn open(url: &str) -> anyhow::Result<Arc<dyn Store>> {
    Ok(juryn_store::open(url).await?)
}

/// The grant that `--role`, `--award`, `--year` and `--municipality` name. `admin` is the
/// organiser of the whole installation.
pub(crate) fn grant_from(args: &RoleArgs) -> anyhow::Result<Grant> {
    let role = match args.role.as_str() {
        "admin" => Role::Organiser,
        r => Role::parse(r).with_context(|| {
            let names: Vec<&str> = Role::ALL.iter().map(|r| r.as_str()).collect();
            format!("unknown role {r:?}: use admin, {}", names.join(", "))
        })?,
    };
    let scope = match (&args.award, args.year) {
        (None, None) => Scope::Installation,
        (None, Some(_)) => bail!("--year needs --award"),
        (Some(a), year) => {
            let slug = Slug::parse(a).map_err(|e| anyhow::anyhow!("--award: {e}"))?;
            match year {
                Some(y) => Scope::Edition(slug, y),
                None => Scope::Award(slug),
            }
        }
    };
    let municipality = args
        .municipality
        .as_deref()
        .map(|c| {
            let code = MunicipalityCode::parse(c).map_err(|e| anyhow::anyhow!("--municipality: {e}"))?;
            juryn_domain::Registry::sweden()
                .get(code)
                .with_context(|| format!("--municipality: no municipality {c}"))?;
            Ok::<_, anyhow::Error>(code)
        })
        .transpose()?;
    let grant = Grant { role, scope, municipality };
    grant.validate().map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(grant)
}
