//! A cache of rendered public pages.
//!
//! A page is kept until either of two things happens: the data generation in the database moves
//! (any write, by any process), or the moment comes at which the public may see something new
//! (the nominees' or the winner's publication time). Each process polls the generation (see
//! `serve`), so a write made through another instance shows within one poll interval; a
//! visibility change shows at its exact second, because the entry carries its own deadline.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::RwLock;
use std::sync::atomic::{AtomicI64, Ordering};

use bytes::Bytes;
use jiff::Timestamp;
use juryn_domain::Lang;
use juryn_store::Store;

/// What a cached page is: its route and arguments, and the language it is in.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PageKey {
    Home(Lang),
    Award(String, Lang),
    Edition(String, i16, Lang),
    Jury(String, i16, Lang),
    Programme(String, i16, Lang),
    Municipality(String, Lang),
    /// The list of all municipalities.
    Municipalities(Lang),
    EditionJson(String, i16),
    /// An edition's calendar or news feed.
    Feed(String, i16, Lang, Feed),
    /// The HTML booklet: its contents (empty code) or one municipality's chapter.
    Booklet(String, i16, Lang, String),
    /// The pulse of an edition (a year) or of the award over its editions (none).
    Pulse(String, Option<i16>, Lang),
    /// The organiser's overview of a call, with its filter (status, county, sort). Served only
    /// after the rules have allowed the request; it holds nothing personal.
    CallOverview(String, i16, Lang, String),
    /// A signed-in page of the jury's area, keyed by everything it depends on: the edition, the
    /// language, and the reader (their account, grants and conflicts) or the part of them the
    /// page uses. Served only after the rules have allowed the request.
    JuryArea(String),
    /// An organiser's page of an edition (its path and language): served only after the rules
    /// have allowed the request; it holds nothing personal, only what every organiser of the
    /// edition sees.
    Organiser(String, Lang),
}

/// The feeds an edition offers other systems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Feed {
    /// `tidsplan.ics`
    Timeline,
    /// `program.ics`
    Programme,
    /// `nyheter.atom`
    News,
}

/// A rendered page and how long it may be served.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub body: Bytes,
    /// The next moment at which what this page may show changes, if any.
    pub valid_until: Option<Timestamp>,
    /// Its compressed forms, made when first asked for.
    pub encoded: crate::encoding::Encoded,
}

impl Rendered {
    pub fn new(body: Bytes, valid_until: Option<Timestamp>) -> Rendered {
        Rendered { body, valid_until, encoded: Default::default() }
    }

    /// The mark that lets the response be answered from the compressed forms.
    pub fn kept(&self) -> crate::encoding::Kept {
        crate::encoding::Kept { body: self.body.clone(), encoded: self.encoded.clone() }
    }
}

#[derive(Debug, Clone)]
struct Entry {
    page: Rendered,
    generation: i64,
}

#[derive(Debug, Default)]
struct Pages {
    map: HashMap<PageKey, Entry>,
    /// The bodies' bytes together.
    bytes: usize,
}

#[derive(Debug, Default)]
pub struct PageCache {
    pages: RwLock<Pages>,
    generation: AtomicI64,
    /// One lock per page being rendered, so that many requests arriving at once for a page not
    /// (or no longer) kept render it once, not once each: at the announcement second every
    /// reader of the edition page misses at once (bench/gala.sh).
    turns: std::sync::Mutex<HashMap<PageKey, Arc<tokio::sync::Mutex<()>>>>,
}

/// Public pages are few (awards × editions × languages + 290 municipalities × 2); the jury's
/// are kept per reader (15 jurors × 290 entries is 4,350 entry pages). Bounds on their number
/// and their bytes keep a surprise from growing memory: past either, the cache starts over.
const MAX_PAGES: usize = 16_384;
const MAX_BYTES: usize = 192 * 1024 * 1024;

impl PageCache {
    /// The page if it is still current at `now`.
    pub fn get(&self, key: &PageKey, now: Timestamp) -> Option<Rendered> {
        let generation = self.generation.load(Ordering::Acquire);
        let pages = self.pages.read().unwrap_or_else(|e| e.into_inner());
        let entry = pages.map.get(key)?;
        let fresh = entry.generation == generation && entry.page.valid_until.is_none_or(|t| now < t);
        if fresh {
            crate::metrics::cache_hit();
        }
        fresh.then(|| entry.page.clone())
    }

    /// Keeps a page rendered from data of `generation` (read before rendering, so a write that
    /// lands during the render makes the entry stale rather than wrongly fresh).
    pub fn put(&self, key: PageKey, page: Rendered, generation: i64) {
        // A page is put after it was rendered for want of a current copy: a miss.
        crate::metrics::cache_miss();
        let mut pages = self.pages.write().unwrap_or_else(|e| e.into_inner());
        let size = page.body.len();
        if pages.map.len() >= MAX_PAGES || pages.bytes + size > MAX_BYTES {
            *pages = Pages::default();
        }
        pages.bytes += size;
        if let Some(old) = pages.map.insert(key, Entry { page, generation }) {
            pages.bytes -= old.page.body.len();
        }
    }

    /// Waits for the turn to render `key` (see `turns`); check the cache again after.
    pub async fn render_turn(&self, key: &PageKey) -> tokio::sync::OwnedMutexGuard<()> {
        let turn = {
            let mut turns = self.turns.lock().unwrap_or_else(|e| e.into_inner());
            if turns.len() >= MAX_PAGES {
                // Locks nobody holds or waits for (only the map has them) go; held ones stay.
                turns.retain(|_, t| Arc::strong_count(t) > 1);
            }
            turns.entry(key.clone()).or_default().clone()
        };
        turn.lock_owned().await
    }

    pub fn generation(&self) -> i64 {
        self.generation.load(Ordering::Acquire)
    }

    /// Reads the data generation from the database; entries of older generations stop being
    /// served. Returns whether it moved.
    pub async fn refresh(&self, store: &dyn Store) -> juryn_store::Result<bool> {
        let now = store.generation().await?;
        let before = self.generation.swap(now, Ordering::AcqRel);
        Ok(before != now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(body: &'static str, valid_until: Option<&str>) -> Rendered {
        Rendered::new(Bytes::from_static(body.as_bytes()), valid_until.map(|t| t.parse().unwrap()))
    }

    #[test]
    fn a_page_expires_at_its_visibility_change() {
        let cache = PageCache::default();
        let key = PageKey::Home(Lang::Sv);
        cache.put(key.clone(), page("x", Some("2019-11-12T18:00:00Z")), 0);
        assert!(cache.get(&key, "2019-11-12T17:59:59Z".parse().unwrap()).is_some());
        assert!(cache.get(&key, "2019-11-12T18:00:00Z".parse().unwrap()).is_none());
    }

    #[test]
    fn a_page_of_an_older_generation_is_not_served() {
        let cache = PageCache::default();
        let key = PageKey::Home(Lang::Sv);
        cache.put(key.clone(), page("x", None), 0);
        let now = Timestamp::now();
        assert!(cache.get(&key, now).is_some());
        cache.generation.store(1, Ordering::Release);
        assert!(cache.get(&key, now).is_none());
        assert!(cache.get(&PageKey::Home(Lang::En), now).is_none());
    }
}
