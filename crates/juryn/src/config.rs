//! Settings: a flag or environment variable wins over the config file, which wins over the
//! default.

use std::net::SocketAddr;
use std::path::Path;

use anyhow::{Context, bail};
use serde::Deserialize;

pub const DEFAULT_LISTEN: &str = "127.0.0.1:8080";
pub const DEFAULT_DATABASE: &str = "sqlite://juryn.db";
/// Without a name: the mail says whose it is (the award, or the site name) instead.
pub const DEFAULT_MAIL_FROM: &str = "juryn@localhost";
pub const DEFAULT_OUTBOX: &str = "outbox";

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    pub listen: Option<String>,
    pub database: Option<String>,
    pub base_url: Option<String>,
    pub site_name: Option<String>,
    pub smtp_url: Option<String>,
    pub mail_from: Option<String>,
    pub outbox: Option<std::path::PathBuf>,
    /// Reverse proxies' networks whose X-Forwarded-For is read, e.g. ["10.0.0.0/8"].
    pub trusted_proxies: Option<Vec<String>>,
    pub header_timeout: Option<u64>,
    pub idle_timeout: Option<u64>,
    pub max_connections: Option<usize>,
    pub shutdown_timeout: Option<u64>,
    /// Where Prometheus metrics are served (off when absent).
    pub metrics_listen: Option<String>,
    /// Sign-in through an OpenID Connect provider (off when absent).
    pub oidc_issuer: Option<String>,
    pub oidc_client_id: Option<String>,
    pub oidc_client_secret: Option<String>,
    pub oidc_name: Option<String>,
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

/// The metrics address, if any: `--metrics-listen` or the file's `metrics_listen`.
pub fn metrics_addr(flag: Option<String>, file: &FileConfig) -> anyhow::Result<Option<SocketAddr>> {
    let Some(text) = flag.or_else(|| file.metrics_listen.clone()) else { return Ok(None) };
    let addr = text
        .parse()
        .with_context(|| format!("--metrics-listen {text:?} is not ADDR:PORT (e.g. 127.0.0.1:9090)"))?;
    Ok(Some(addr))
}

pub fn base_url(flag: Option<String>, file: &FileConfig, listen: SocketAddr) -> anyhow::Result<String> {
    let url = flag.or_else(|| file.base_url.clone()).unwrap_or_else(|| format!("http://{listen}"));
    if !(url.starts_with("http://") || url.starts_with("https://")) {
        bail!("--base-url {url:?} must start with http:// or https://");
    }
    Ok(url.trim_end_matches('/').to_owned())
}

/// The trusted proxies' networks: the flag (or environment) if given, else the file's.
pub fn trusted_proxies(flag: Vec<String>, file: &FileConfig) -> anyhow::Result<Vec<ipnet::IpNet>> {
    let texts = if flag.is_empty() { file.trusted_proxies.clone().unwrap_or_default() } else { flag };
    texts
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .map(|t| {
            // A bare address is a network of one.
            t.parse::<ipnet::IpNet>()
                .or_else(|_| t.parse::<std::net::IpAddr>().map(ipnet::IpNet::from))
                .map_err(|_| {
                    anyhow::anyhow!("--trusted-proxy {t:?} is not a network such as 10.0.0.0/8 or an address")
                })
        })
        .collect()
}

/// How long a client may take and how many may be served at once.
pub fn limits(args: &crate::cli::ServeArgs, file: &FileConfig) -> anyhow::Result<juryn_web::Limits> {
    let default = juryn_web::Limits::default();
    let secs = |flag: Option<u64>, file: Option<u64>, default: std::time::Duration, name: &str| match flag
        .or(file)
    {
        None => Ok(default),
        Some(0) => Err(anyhow::anyhow!("--{name} must be at least 1 second")),
        Some(s) => Ok(std::time::Duration::from_secs(s)),
    };
    let limits = juryn_web::Limits {
        header_read: secs(args.header_timeout, file.header_timeout, default.header_read, "header-timeout")?,
        idle: secs(args.idle_timeout, file.idle_timeout, default.idle, "idle-timeout")?,
        max_connections: args.max_connections.or(file.max_connections).unwrap_or(default.max_connections),
        drain: secs(args.shutdown_timeout, file.shutdown_timeout, default.drain, "shutdown-timeout")?,
    };
    if limits.max_connections == 0 {
        bail!("--max-connections must be at least 1");
    }
    Ok(limits)
}

/// A database URL as it may be printed or logged (see `juryn_store::redacted`).
pub fn redacted(url: &str) -> String {
    juryn_store::redacted(url)
}

/// The identity provider, if an issuer is configured: the flags (or environment) over the file.
pub fn oidc(
    args: crate::cli::OidcArgs,
    file: &FileConfig,
) -> anyhow::Result<Option<juryn_web::oidc::OidcSettings>> {
    let Some(issuer) = args.oidc_issuer.or_else(|| file.oidc_issuer.clone()) else { return Ok(None) };
    if !(issuer.starts_with("https://") || issuer.starts_with("http://")) {
        bail!("--oidc-issuer {issuer:?} must start with https:// (or http:// on a test machine)");
    }
    let client_id = args.oidc_client_id.or_else(|| file.oidc_client_id.clone());
    let client_secret = args.oidc_client_secret.or_else(|| file.oidc_client_secret.clone());
    let (Some(client_id), Some(client_secret)) = (client_id, client_secret) else {
        bail!(
            "--oidc-issuer needs --oidc-client-id and --oidc-client-secret (or JURYN_OIDC_CLIENT_ID and JURYN_OIDC_CLIENT_SECRET)"
        );
    };
    let name = args.oidc_name.or_else(|| file.oidc_name.clone()).unwrap_or_else(|| {
        issuer.split("://").nth(1).and_then(|r| r.split(['/', ':']).next()).unwrap_or("").to_owned()
    });
    Ok(Some(juryn_web::oidc::OidcSettings { issuer, client_id, client_secret, name }))
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
    fn an_identity_provider_needs_its_client_and_is_named_by_its_host() {
        let none = crate::cli::OidcArgs::default();
        assert!(oidc(none.clone(), &FileConfig::default()).unwrap().is_none(), "off by default");
        let file = FileConfig {
            oidc_issuer: Some("https://login.example.se/realms/kommun".into()),
            oidc_client_id: Some("juryn".into()),
            ..Default::default()
        };
        let missing = oidc(none.clone(), &file).unwrap_err().to_string();
        assert!(missing.contains("--oidc-client-secret"), "{missing}");
        let args = crate::cli::OidcArgs { oidc_client_secret: Some("s".into()), ..none.clone() };
        let settings = oidc(args, &file).unwrap().unwrap();
        assert_eq!((settings.name.as_str(), settings.client_id.as_str()), ("login.example.se", "juryn"));
        let bad = crate::cli::OidcArgs { oidc_issuer: Some("login.example.se".into()), ..none };
        assert!(oidc(bad, &file).unwrap_err().to_string().contains("must start with https://"));
    }

    #[test]
    fn trusted_proxies_and_limits_are_read_and_checked() {
        let file = FileConfig { trusted_proxies: Some(vec!["10.0.0.0/8".into()]), ..Default::default() };
        assert_eq!(trusted_proxies(vec![], &file).unwrap().len(), 1);
        let flag = trusted_proxies(vec!["127.0.0.1".into(), "::1/128".into()], &file).unwrap();
        assert_eq!(flag.len(), 2, "the flag wins");
        assert!(trusted_proxies(vec!["nonsense".into()], &file).is_err());
    }

    #[test]
    fn passwords_never_reach_a_log_line() {
        let r = redacted("postgres://juryn:hemligt@db.example:5432/juryn");
        assert!(!r.contains("hemligt") && !r.contains("juryn:"), "{r}");
        assert!(r.contains("db.example:5432/juryn"), "{r}");
        assert_eq!(redacted("sqlite://juryn.db"), "sqlite://juryn.db");
        assert!(!redacted("smtp://u:p@mail.example:25").contains(":p@"));
        assert!(!redacted("not a url user:secret@host").contains("secret"));
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
