//! The command line, as clap reads it.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "juryn",
    version,
    about = "Run a juried public award from the call for entries to the gala."
)]
pub struct Cli {
    /// A TOML file with `listen`, `database`, `base_url`, `site_name`, `smtp_url`, `mail_from` and `outbox`;
    /// flags and environment win over it.
    #[arg(long, global = true, env = "JURYN_CONFIG", value_name = "FILE")]
    pub config: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the site.
    Serve(ServeArgs),
    /// Create or update the database's tables, then exit.
    Migrate(DatabaseArgs),
    /// Load the demo award (Sveriges DigitaliseringsKommun 2019) into the database, then serve.
    Demo {
        /// The phase to show the story at: draft, call-open, call-closed, shortlisting,
        /// nominated (31 May 2019), in-depth-review, deliberation, decided, announced (the
        /// default: the gala of 12 November 2019 has been) or archived. Before nominated, the
        /// call is moved to around today; from in-depth review to decided, the gala is a week
        /// ahead.
        #[arg(long, value_parser = parse_phase, default_value = "announced")]
        phase: juryn_domain::Phase,
        /// Whose story --phase tells: 2019 (the default), 2021 (two cuts, digital meetings, the
        /// gala postponed to 2 May 2022) or 2023 (a joint entry among the nominees). The editions
        /// before it are loaded as history, the later ones not yet.
        #[arg(long, default_value_t = 2019, value_parser = parse_demo_edition)]
        edition: i16,
        /// Also load a synthetic award at the size of a real year, for measuring: ENTRIESxJURORS
        /// (e.g. 290x15), optionally xWORDS per answer (1500 by default). Three editions of long
        /// answers; the latest at shortlisting with every review submitted, conflicts and rounds.
        #[arg(long, value_name = "SCALE", value_parser = juryn_store::demo::synthetic::Scale::parse)]
        synthetic: Option<juryn_store::demo::synthetic::Scale>,
        #[command(flatten)]
        serve: ServeArgs,
    },
    /// Write a backup of the whole installation (every table, the booklets, the cover images,
    /// the installation's keys) to one file; safe while the server runs.
    Backup {
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: PathBuf,
        #[command(flatten)]
        db: DatabaseArgs,
    },
    /// Load a backup into an empty database (SQLite or PostgreSQL; created and migrated if
    /// missing). A database in use is refused, and nothing is written unless all of it is.
    Restore {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        #[command(flatten)]
        db: DatabaseArgs,
    },
    /// Move an installation from one database to another, empty one (e.g. SQLite to PostgreSQL).
    Copy {
        #[arg(long, value_name = "URL")]
        from: String,
        #[arg(long, value_name = "URL")]
        to: String,
    },
    /// Check an edition's sealed decision: recompute SHA-256 of the sealed JSON and its nonce and
    /// compare it with the published commitment. Exits 0 when they match, 1 when they do not.
    Verify {
        #[arg(long)]
        award: String,
        #[arg(long)]
        year: i16,
        #[command(flatten)]
        db: DatabaseArgs,
    },
    /// Typeset an edition's booklet from the entries as they stand (those submitted whose
    /// municipality consented) and write it as PDF. Shows its progress on a terminal.
    Booklet {
        #[arg(long)]
        award: String,
        #[arg(long)]
        year: i16,
        /// Where to write the PDF.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
        #[command(flatten)]
        db: DatabaseArgs,
    },
    /// Write an edition's open data (the entries whose municipality consented, under the
    /// licence the organiser chose) as JSON or CSV, to a file or standard output.
    Export {
        #[arg(long)]
        award: String,
        #[arg(long)]
        year: i16,
        /// json or csv.
        #[arg(long, default_value = "json")]
        format: String,
        /// Where to write; standard output if not given.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        db: DatabaseArgs,
    },
    /// The search index: `juryn search reindex` makes it again from the database.
    Search {
        #[command(subcommand)]
        command: SearchCommand,
    },
    /// Create and list awards.
    Award {
        #[command(subcommand)]
        command: AwardCommand,
    },
    /// Create an edition of an award, empty or copied from an earlier one.
    Edition {
        #[command(subcommand)]
        command: EditionCommand,
    },
    /// Write and read an edition's timeline.
    Timeline {
        #[command(subcommand)]
        command: TimelineCommand,
    },
    /// Manage people and their roles.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
    /// Invite a person to a role by email; the link creates or joins their account.
    Invite {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        #[command(flatten)]
        role: RoleArgs,
        /// The language of the invitation: sv or en.
        #[arg(long, default_value = "sv")]
        lang: String,
        /// The public address of the site, for the link in the email.
        #[arg(long, env = "JURYN_BASE_URL", value_name = "URL")]
        base_url: Option<String>,
        #[command(flatten)]
        db: DatabaseArgs,
        #[command(flatten)]
        mail: MailArgs,
    },
}

#[derive(Debug, Clone, Args)]
pub struct DatabaseArgs {
    /// `sqlite://FILE` (the default: sqlite://juryn.db) or `postgres://USER@HOST/DB`.
    #[arg(long, env = "JURYN_DATABASE_URL", value_name = "URL")]
    pub database: Option<String>,
}

#[derive(Debug, Clone, Args)]
pub struct MailArgs {
    /// An SMTP server: smtp://HOST:PORT, smtp://USER:PASS@HOST:587?tls=required, or
    /// smtps://USER:PASS@HOST. Without one, mail is written to the outbox directory.
    #[arg(long, env = "JURYN_SMTP_URL", value_name = "URL")]
    pub smtp_url: Option<String>,
    /// The sender, e.g. "Sveriges DigitaliseringsKommun <noreply@example.se>".
    #[arg(long, env = "JURYN_MAIL_FROM", value_name = "ADDRESS")]
    pub mail_from: Option<String>,
    /// Where mail goes as .eml files when no SMTP server is configured [default: outbox].
    #[arg(long, env = "JURYN_OUTBOX", value_name = "DIR")]
    pub outbox: Option<PathBuf>,
}

#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Address and port to listen on [default: 127.0.0.1:8080].
    #[arg(long, env = "JURYN_LISTEN", value_name = "ADDR:PORT")]
    pub listen: Option<String>,
    /// The site's name in the header, page titles and mail where no award speaks (the start page,
    /// sign-in) [default: the award's name when there is one award].
    #[arg(long, env = "JURYN_SITE_NAME", value_name = "NAME")]
    pub site_name: Option<String>,
    /// The public address of the site, used in links that leave it (default: http://LISTEN).
    #[arg(long, env = "JURYN_BASE_URL", value_name = "URL")]
    pub base_url: Option<String>,
    /// A reverse proxy's network (e.g. 10.0.0.0/8 or ::1/128), repeatable: X-Forwarded-For is
    /// read only from such peers. Without one, the peer's own address counts.
    #[arg(long = "trusted-proxy", env = "JURYN_TRUSTED_PROXIES", value_name = "CIDR", value_delimiter = ',')]
    pub trusted_proxies: Vec<String>,
    /// Seconds a client has to send a request's headers before the connection is closed [default: 30].
    #[arg(long, env = "JURYN_HEADER_TIMEOUT", value_name = "SECONDS")]
    pub header_timeout: Option<u64>,
    /// Seconds a connection may sit idle (nothing read or written) before it is closed [default: 60].
    #[arg(long, env = "JURYN_IDLE_TIMEOUT", value_name = "SECONDS")]
    pub idle_timeout: Option<u64>,
    /// Connections served at once; more are closed as they arrive [default: 1024].
    #[arg(long, env = "JURYN_MAX_CONNECTIONS", value_name = "N")]
    pub max_connections: Option<usize>,
    /// On SIGTERM or Ctrl-C, seconds the requests in flight have to finish [default: 30].
    #[arg(long, env = "JURYN_SHUTDOWN_TIMEOUT", value_name = "SECONDS")]
    pub shutdown_timeout: Option<u64>,
    /// Serve Prometheus metrics at http://ADDR:PORT/metrics, apart from the site [default: off].
    #[arg(long, env = "JURYN_METRICS_LISTEN", value_name = "ADDR:PORT")]
    pub metrics_listen: Option<String>,
    #[command(flatten)]
    pub db: DatabaseArgs,
    #[command(flatten)]
    pub mail: MailArgs,
    #[command(flatten)]
    pub oidc: OidcArgs,
}

/// Sign-in through the organisation's OpenID Connect provider (off unless an issuer is given).
#[derive(Debug, Clone, Default, Args)]
pub struct OidcArgs {
    /// The provider's issuer URL (its discovery document is read from it) [default: off].
    #[arg(long, env = "JURYN_OIDC_ISSUER", value_name = "URL")]
    pub oidc_issuer: Option<String>,
    /// The client id juryn is registered with at the provider.
    #[arg(long, env = "JURYN_OIDC_CLIENT_ID", value_name = "ID")]
    pub oidc_client_id: Option<String>,
    /// The client secret (better in the environment or the config file than on a command line).
    #[arg(long, env = "JURYN_OIDC_CLIENT_SECRET", value_name = "SECRET", hide_env_values = true)]
    pub oidc_client_secret: Option<String>,
    /// How the sign-in page names it: "Logga in med NAME" [default: the issuer's host].
    #[arg(long, env = "JURYN_OIDC_NAME", value_name = "NAME")]
    pub oidc_name: Option<String>,
}

/// A role and where it holds.
#[derive(Debug, Clone, Args)]
pub struct RoleArgs {
    /// admin (= organiser of the whole installation), organiser, jury-chair, juror, expert,
    /// entrant-contact or nominator.
    #[arg(long)]
    pub role: String,
    /// The award's slug, for a role in one award or (with --year) one edition.
    #[arg(long)]
    pub award: Option<String>,
    #[arg(long)]
    pub year: Option<i16>,
    /// The municipality code, for an entrant contact.
    #[arg(long)]
    pub municipality: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum SearchCommand {
    /// Make the search index again from the database (beside the SQLite file). On PostgreSQL
    /// each server keeps an index of its own and makes it at start, so there is nothing to do.
    Reindex {
        #[command(flatten)]
        db: DatabaseArgs,
    },
}

#[derive(Debug, Subcommand)]
pub enum AwardCommand {
    /// Create an award. Its slug is its address (/SLUG): lower-case letters, digits and hyphens.
    Add {
        #[arg(long)]
        slug: String,
        /// The name in Swedish (and in English unless --name-en is given).
        #[arg(long)]
        name: String,
        #[arg(long)]
        name_en: Option<String>,
        /// Who gives the award, e.g. "Dataföreningen i Sverige".
        #[arg(long)]
        organiser: Option<String>,
        /// The one sentence the winner is measured by.
        #[arg(long)]
        criterion: Option<String>,
        #[command(flatten)]
        db: DatabaseArgs,
    },
    /// List the awards with their editions.
    List {
        #[command(flatten)]
        db: DatabaseArgs,
    },
}

#[derive(Debug, Subcommand)]
pub enum EditionCommand {
    /// Create an edition (in draft). With --copy-from, the questionnaire, criteria, shortlist
    /// bounds, "how the winner is chosen", the jury's public profiles and the programme (moved by
    /// whole years) carry over; never entries, reviews or decisions.
    Add {
        #[arg(long)]
        award: String,
        #[arg(long)]
        year: i16,
        /// The how-manieth time the award is given.
        #[arg(long)]
        ordinal: Option<u16>,
        /// An earlier year of the same award to copy from.
        #[arg(long, value_name = "YEAR")]
        copy_from: Option<i16>,
        #[command(flatten)]
        db: DatabaseArgs,
    },
}

#[derive(Debug, Subcommand)]
pub enum TimelineCommand {
    /// Add a milestone. KIND: call-opens, call-closes, booklet, shortlist, site-visits, decision,
    /// gala, seminars, other. DATE as the site writes it ("29 april 2021", "maj 2021",
    /// "september–oktober 2021") or ISO ("2021-04-29", "2021-05", "2021-09/2021-10").
    Add {
        #[arg(long)]
        award: String,
        #[arg(long)]
        year: i16,
        #[arg(long)]
        kind: String,
        #[arg(long)]
        date: String,
        /// What happens, in Swedish (and in English unless --text-en is given).
        #[arg(long)]
        text: String,
        #[arg(long)]
        text_en: Option<String>,
        #[command(flatten)]
        db: DatabaseArgs,
    },
    /// Move a milestone already announced to a new date (a reschedule): the old date stays on
    /// the page as "Flyttad från …", the news feed says so, and moving the gala moves the
    /// winner's announcement with it. KIND names the milestone; it must be the only one of its
    /// kind.
    Move {
        #[arg(long)]
        award: String,
        #[arg(long)]
        year: i16,
        #[arg(long)]
        kind: String,
        #[arg(long)]
        date: String,
        #[command(flatten)]
        db: DatabaseArgs,
    },
    /// List an edition's milestones in order.
    List {
        #[arg(long)]
        award: String,
        #[arg(long)]
        year: i16,
        #[command(flatten)]
        db: DatabaseArgs,
    },
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create a person (or update the one with this email) and grant a role. For roles that
    /// sign in with a password, the password is asked for twice on a terminal, or read from the
    /// first line of standard input.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        #[command(flatten)]
        role: RoleArgs,
        #[command(flatten)]
        db: DatabaseArgs,
    },
    /// List everyone with their roles.
    List {
        #[command(flatten)]
        db: DatabaseArgs,
    },
    /// Grant a role to the person with this email.
    Grant {
        #[arg(long)]
        email: String,
        #[command(flatten)]
        role: RoleArgs,
        #[command(flatten)]
        db: DatabaseArgs,
    },
    /// Revoke a role from the person with this email.
    Revoke {
        #[arg(long)]
        email: String,
        #[command(flatten)]
        role: RoleArgs,
        #[command(flatten)]
        db: DatabaseArgs,
    },
}

fn parse_demo_edition(s: &str) -> Result<i16, String> {
    let editions = juryn_store::demo::EDITIONS;
    s.parse::<i16>().ok().filter(|y| editions.contains(y)).ok_or_else(|| {
        let list: Vec<String> = editions.iter().map(ToString::to_string).collect();
        format!("the demo tells {}, not {s:?}", list.join(", "))
    })
}

fn parse_phase(s: &str) -> Result<juryn_domain::Phase, String> {
    juryn_domain::Phase::parse(s).ok_or_else(|| {
        let names: Vec<&str> = juryn_domain::Phase::ALL.iter().map(|p| p.as_str()).collect();
        format!("unknown phase {s:?}: use one of {}", names.join(", "))
    })
}
