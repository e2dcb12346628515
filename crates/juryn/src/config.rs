//! Settings: a flag or environment variable wins over the config file, which wins over the
//! default.

use std::net::SocketAddr;
use std::path::Path;

use anyhow::{Context, bail};
use serde::Deserialize;

pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";
pub const DEFAULT_DATABASE: &str = "sqlite://juryn.db";
pub const DEFAULT_MAIL_FROM: &str = "juryn <juryn@localhost>";
pub const DEFAULT_OUTBOX: &str = "outbox";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    pub listen: Option<String>,
    pub database: Option<String>,
    pub base_url: Option<String>,
    pub smtp_url: Option<String>,
    pub mail_from: Option<String>,
    pub outbox: Option<std::path::PathBuf>,
}

impl FileConfig {
    pub fn load(path: Option<&Path>) -> anyhow::Result<FileConfig> {
        let Some(path) = path else { return Ok(FileConfig::default()) };
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read the config file {}", path.display()))?;
        toml::from_str(&text).map_err(|e| {
            let msg = e.message().replace('\n', " ");
            anyhow::anyhow!("the config file {} is not valid: {msg}", path.display())
        })
    }
}

pub fn listen_addr(flag: Option<String>, file: &FileConfig) -> anyhow::Result<SocketAddr> {
    let text = flag.or_else(|| file.listen.clone()).unwrap_or_else(|| DEFAULT_LISTEN.to_owned());
    text.parse().with_context(|| format!("--listen {text:?} is not ADDR:PORT (e.g. 127.0.0.1:8080)"))
}

pub fn database_url(flag: Option<String>, file: &FileConfig) -> String {
    flag.or_else(|| file.database.clone()).unwrap_or_else(|| DEFAULT_DATABASE.to_owned())
}

pub fn base_url(flag: Option<String>, file: &FileConfig, listen: SocketAddr) -> anyhow::Result<String> {
    let url = flag.or_else(|| file.base_url.clone()).unwrap_or_else(|| format!("http://{listen}"));
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        bail!("--base-url {url:?} must start with http:// or https://");
    }
    Ok(url.trim_end_matches('/').to_owned())
}

/// The mailer: SMTP if a server is configured, else the outbox directory.
pub fn mailer(args: crate::cli::MailArgs, file: &FileConfig) -> anyhow::Result<juryn_web::Mailer> {
    let from =
        args.mail_from.or_else(|| file.mail_from.clone()).unwrap_or_else(|| DEFAULT_MAIL_FROM.to_owned());
    let mailer = match args.smtp_url.or_else(|| file.smtp_url.clone()) {
        Some(url) => juryn_web::Mailer::smtp(&url, &from)?,
        None => {
            let dir = args.outbox.or_else(|| file.outbox.clone()).unwrap_or_else(|| DEFAULT_OUTBOX.into());
            juryn_web::Mailer::outbox(dir, &from)?
        }
    };
    Ok(mailer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_win_over_the_file_which_wins_over_defaults() {
        let file = FileConfig { listen: Some("0.0.0.0:9000".into()), ..Default::default() };
        assert_eq!(listen_addr(None, &file).unwrap().port(), 9000);
        assert_eq!(listen_addr(Some("127.0.0.1:1".into()), &file).unwrap().port(), 1);
        assert_eq!(database_url(None, &file), DEFAULT_DATABASE);
        let listen = listen_addr(None, &FileConfig::default()).unwrap();
        assert_eq!(base_url(None, &FileConfig::default(), listen).unwrap(), "http://127.0.0.1:8080");
        assert!(base_url(Some("ftp://x".into()), &file, listen).is_err());
        assert!(listen_addr(Some("localhost".into()), &file).is_err());
    }

    #[test]
    fn a_bad_config_file_is_one_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("juryn.toml");
        std::fs::write(&path, "listen = [").unwrap();
        let err = FileConfig::load(Some(&path)).unwrap_err().to_string();
        assert!(err.contains("is not valid") && !err.contains('\n'), "{err}");
        let err = FileConfig::load(Some(&dir.path().join("missing.toml"))).unwrap_err();
        assert!(format!("{err:#}").contains("cannot read the config file"), "{err:#}");
    }
}
