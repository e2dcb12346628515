//! `juryn user add|list|grant|revoke` and `juryn invite`.

use std::io::{BufRead, IsTerminal};

use anyhow::{Context, bail};
use juryn_domain::{Email, Lang};
use juryn_store::{Granted, NewUser};
use juryn_web::{AppState, InviteOutcome, Mailer};

use super::{grant_from, open};
use crate::cli::RoleArgs;

const MIN_PASSWORD_CHARS: usize = 12;
const MAX_PASSWORD_BYTES: usize = 1024;
const MAX_NAME_CHARS: usize = 200;

/// Reads the password: asked twice on a terminal, else the first line of standard input.
fn read_password() -> anyhow::Result<String> {
    let password = if std::io::stdin().is_terminal() {
        let first = rpassword::prompt_password("Password: ")?;
        let second = rpassword::prompt_password("Password again: ")?;
        if first != second {
            bail!("the two passwords differ");
        }
        first
    } else {
        let mut line = String::new();
        std::io::stdin().lock().read_line(&mut line)?;
        line.trim_end_matches(['\r', '\n']).to_owned()
    };
    if password.len() > MAX_PASSWORD_BYTES {
        bail!("the password is too long (at most {MAX_PASSWORD_BYTES} bytes)");
    }
    if password.chars().count() < MIN_PASSWORD_CHARS {
        bail!("the password must have at least {MIN_PASSWORD_CHARS} characters");
    }
    Ok(password)
}

fn check_name(name: &str) -> anyhow::Result<&str> {
    use juryn_domain::name::{NameProblem, PersonName};
    match PersonName::parse(name) {
        Ok(_) => Ok(name.trim()),
        Err(NameProblem::Empty) => bail!("--name must not be empty"),
        Err(NameProblem::TooLong) => bail!("--name may have at most {MAX_NAME_CHARS} characters"),
        Err(NameProblem::ControlCharacters) => {
            bail!("--name must not hold line breaks or other control characters")
        }
    }
}

pub async fn add(url: &str, email: &str, name: &str, role: &RoleArgs) -> anyhow::Result<()> {
    let email = Email::parse(email).map_err(|e| anyhow::anyhow!("--email: {e}"))?;
    let name = check_name(name)?;
    let grant = grant_from(role)?;
    let password = if grant.role.signs_in_with_password() { Some(read_password()?) } else { None };
    let store = open(url).await?;
    let hash = password.map(password_auth::generate_hash);
    let user =
        NewUser { email: email.to_string(), name: name.to_owned(), lang: Lang::Sv, password_hash: hash };
    let id = store.put_user(&user, &super::cli_stamp()).await?;
    store.grant(id, &grant, &super::cli_stamp()).await?;
    let shown =
        if role.role == "admin" { "admin".to_owned() } else { juryn_web::grant_text(Lang::En, &grant, None) };
    println!("{email} (user {id}) is {shown}.");
    Ok(())
}

pub async fn list(url: &str) -> anyhow::Result<()> {
    let store = open(url).await?;
    let people = store.people().await?;
    if people.is_empty() {
        println!("No people yet.");
    }
    for p in people {
        let roles: Vec<String> =
            p.grants.iter().map(|g| juryn_web::grant_text(Lang::En, &g.grant, None)).collect();
        println!("{}\t{}\t{}\t{}", p.user.id, p.user.email, p.user.name, roles.join("; "));
    }
    Ok(())
}

pub async fn grant(url: &str, email: &str, role: &RoleArgs, add: bool) -> anyhow::Result<()> {
    let email = Email::parse(email).map_err(|e| anyhow::anyhow!("--email: {e}"))?;
    let grant = grant_from(role)?;
    let store = open(url).await?;
    let user = store
        .user_by_email(email.as_str())
        .await?
        .with_context(|| format!("no person with the email {email}"))?;
    let text = juryn_web::grant_text(Lang::En, &grant, None);
    if add {
        match store.grant(user.id, &grant, &super::cli_stamp()).await? {
            Granted::New(_) => println!("{email} is now {text}."),
            Granted::Existing(_) => println!("{email} was already {text}; nothing changed."),
        }
    } else {
        let held = store.grants_of(user.id).await?.into_iter().find(|g| g.grant == grant);
        let held = held.with_context(|| format!("{email} is not {text}"))?;
        store.revoke(held.id, &super::cli_stamp()).await?;
        println!("{email} is no longer {text}.");
    }
    Ok(())
}

pub async fn invite(
    url: &str,
    base_url: &str,
    mailer: Mailer,
    (email, name): (&str, &str),
    role: &RoleArgs,
    lang: &str,
) -> anyhow::Result<()> {
    let email = Email::parse(email).map_err(|e| anyhow::anyhow!("--email: {e}"))?;
    let name = check_name(name)?;
    let grant = grant_from(role)?;
    let lang = Lang::from_tag(lang).with_context(|| format!("--lang {lang:?}: use sv or en"))?;
    let store = open(url).await?;
    if let juryn_domain::Scope::Edition(a, y) = &grant.scope {
        store.edition(a, *y).await?.with_context(|| format!("there is no edition {a} {y}"))?;
    }
    let outbox = mailer.outbox_dir().map(|d| d.display().to_string());
    let app = AppState::load(store, base_url, mailer).await?;
    match juryn_web::send_invitation(&app, &super::cli_stamp(), "juryn", (&email, name), &grant, lang).await?
    {
        InviteOutcome::AlreadyHolds => println!(
            "{email} is already {}; no invitation sent.",
            juryn_web::grant_text(Lang::En, &grant, None)
        ),
        InviteOutcome::Sent { link } => {
            // No worker runs here: the queue is delivered now, and what cannot go waits for
            // the server's worker.
            let tally = juryn_web::mail::queue::deliver_due(&app).await?;
            match (outbox, tally.sent > 0) {
                (Some(dir), true) => println!("Invitation for {email} written to the outbox {dir}."),
                (None, true) => println!("Invitation sent to {email}."),
                (_, false) => println!(
                    "Invitation for {email} queued: the mail server did not take it now; the server will try again."
                ),
            }
            println!("Link: {link}");
        }
    }
    Ok(())
}
