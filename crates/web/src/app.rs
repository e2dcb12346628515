//! The state every handler shares.

use std::sync::Arc;

use jiff::Timestamp;
use juryn_store::Store;

use crate::cache::PageCache;
use crate::mail::Mailer;

/// Where "now" comes from. Tests fix it to see a page before and after an announcement.
/// Request bodies larger than this are refused with 413 before a handler sees them.
pub const MAX_BODY_BYTES: usize = 512 * 1024;

#[derive(Debug, Clone, Copy)]
pub enum Clock {
    System,
    Fixed(Timestamp),
}

impl Clock {
    pub fn now(&self) -> Timestamp {
        match self {
            Clock::System => Timestamp::now(),
            Clock::Fixed(t) => *t,
        }
    }
}

/// What every handler shares, behind one `Arc`: axum clones the state for every extractor and
/// middleware that asks for it, several times a request, and a clone of a dozen `Arc`s and a
/// `String` cost more than the rest of serving a kept page (measured with perf: half of the
/// process's time). Fields read through `Deref`; the builders below (and tests) change them
/// through `DerefMut`, which copies the shared part first if anyone else holds it.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl std::ops::DerefMut for AppState {
    fn deref_mut(&mut self) -> &mut Shared {
        Arc::make_mut(&mut self.0)
    }
}

#[derive(Clone)]
pub struct Shared {
    pub store: Arc<dyn Store>,
    pub cache: Arc<PageCache>,
    pub clock: Clock,
    /// The public address of the site, e.g. `https://juryn.example.se`, without a final slash.
    pub base_url: String,
    pub mailer: Mailer,
    /// The installation's key for CSRF tokens (shared by every process through the database).
    pub csrf_key: Arc<Vec<u8>>,
    /// Published files (booklet PDFs) kept in memory by their SHA-256.
    pub files: Arc<crate::file_cache::FileCache>,
    /// The jury's rankings, per data generation.
    pub rankings: Arc<crate::ranking_cache::RankingCache>,
    /// Other values read from the database and costly to make, per data generation.
    pub memo: Arc<crate::memo::Memo>,
    /// Reverse proxies whose `X-Forwarded-For` names the client (none by default).
    pub trusted_proxies: Arc<Vec<ipnet::IpNet>>,
    /// The mail worker's wake-up, pace and sign of life (`mail::queue`).
    pub mail_queue: Arc<crate::mail::queue::MailQueue>,
    /// The organisation's identity provider, when one is configured (`oidc.rs`).
    pub oidc: Option<Arc<crate::oidc::Oidc>>,
    /// The search index (in memory unless `with_search` gives it a place).
    pub search: Arc<crate::search_index::Search>,
}

impl AppState {
    /// The state for a site at `base_url`, reading (or making) the installation's keys.
    pub async fn load(
        store: Arc<dyn Store>,
        base_url: &str,
        mailer: Mailer,
    ) -> juryn_store::Result<AppState> {
        let csrf_key = crate::auth::csrf_key_from_store(&*store).await?;
        Ok(AppState(Arc::new(Shared {
            store,
            cache: Arc::new(PageCache::default()),
            clock: Clock::System,
            base_url: base_url.trim_end_matches('/').to_owned(),
            mailer,
            csrf_key: Arc::new(csrf_key),
            files: Arc::default(),
            rankings: Arc::default(),
            memo: Arc::default(),
            trusted_proxies: Arc::default(),
            mail_queue: Arc::default(),
            oidc: None,
            search: Arc::new(crate::search_index::Search::in_memory()),
        })))
    }

    /// Trusts `X-Forwarded-For` from these networks (a reverse proxy in front of juryn).
    pub fn with_trusted_proxies(mut self, proxies: Vec<ipnet::IpNet>) -> AppState {
        self.trusted_proxies = Arc::new(proxies);
        self
    }

    /// Whether cookies get the `Secure` flag: on an https site.
    /// Sign-in through an OpenID Connect provider besides passwords and links.
    pub fn with_oidc(mut self, settings: crate::oidc::OidcSettings) -> Result<AppState, String> {
        self.oidc = Some(Arc::new(crate::oidc::Oidc::new(settings)?));
        Ok(self)
    }

    /// The mail worker's pace (tests make it quick).
    pub fn with_mail_schedule(mut self, schedule: crate::mail::queue::Schedule) -> AppState {
        self.mail_queue = Arc::new(crate::mail::queue::MailQueue::new(schedule));
        self
    }

    pub fn with_search(mut self, search: crate::search_index::Search) -> AppState {
        self.search = Arc::new(search);
        self
    }

    pub fn secure_cookies(&self) -> bool {
        self.base_url.starts_with("https://")
    }

    pub fn with_clock(mut self, clock: Clock) -> AppState {
        self.clock = clock;
        self
    }

    pub fn now(&self) -> Timestamp {
        self.clock.now()
    }
}
