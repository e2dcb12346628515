//! The command line, as clap reads it.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Debug, Parser)]
#[command(
    name = "juryn",
    version,
    about = "Run a juried public award from the call for entries to the gala."
)]
pub struct Cli {
    /// A TOML file with `listen`, `database` and `base_url`; flags and environment win over it.
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
    Demo(ServeArgs),
    /// Manage people.
    User {
        #[command(subcommand)]
        command: UserCommand,
    },
}

#[derive(Debug, Args)]
pub struct DatabaseArgs {
    /// `sqlite://FILE` (the default: sqlite://juryn.db) or `postgres://USER@HOST/DB`.
    #[arg(long, env = "JURYN_DATABASE_URL", value_name = "URL")]
    pub database: Option<String>,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// Address and port to listen on [default: 127.0.0.1:8080].
    #[arg(long, env = "JURYN_LISTEN", value_name = "ADDR:PORT")]
    pub listen: Option<String>,
    /// The public address of the site, used in links that leave it (default: http://LISTEN).
    #[arg(long, env = "JURYN_BASE_URL", value_name = "URL")]
    pub base_url: Option<String>,
    #[command(flatten)]
    pub db: DatabaseArgs,
}

#[derive(Debug, Subcommand)]
pub enum UserCommand {
    /// Create a person (or update the one with this email) and grant a role. The password is
    /// asked for twice on a terminal, or read from the first line of standard input.
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        #[arg(long, value_enum)]
        role: RoleArg,
        #[command(flatten)]
        db: DatabaseArgs,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum RoleArg {
    /// An organiser of the whole installation.
    Admin,
}
