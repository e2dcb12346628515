//! The state every handler shares.

use std::sync::Arc;

use jiff::Timestamp;
use juryn_store::Store;

use crate::cache::PageCache;

/// Where "now" comes from. Tests fix it to see a page before and after an announcement.
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

#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn Store>,
    pub cache: Arc<PageCache>,
    pub clock: Clock,
    /// The public address of the site, e.g. `https://juryn.example.se`, without a final slash.
    pub base_url: String,
}

impl AppState {
    pub fn new(store: Arc<dyn Store>, base_url: &str) -> AppState {
        AppState {
            store,
            cache: Arc::new(PageCache::default()),
            clock: Clock::System,
            base_url: base_url.trim_end_matches('/').to_owned(),
        }
    }

    pub fn with_clock(mut self, clock: Clock) -> AppState {
        self.clock = clock;
        self
    }

    pub fn now(&self) -> Timestamp {
        self.clock.now()
    }
}
