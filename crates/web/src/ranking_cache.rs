//! The jury's ranking, computed once per data generation. The bootstrap (1,000 resamples) is
//! the expensive part of the ranking page and of the shortlist form; a ranking depends only on
//! the stored reviews and on which entries the reader is conflicted with, so it is kept per
//! edition and exclusion set until the data generation moves (like the page cache: a write by
//! any process shows within one poll).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use juryn_domain::MunicipalityCode;
use juryn_domain::ranking::Ranking;

/// What the ranking was computed from, by index: entry `i` is `codes[i]`, juror `j` is
/// `jurors[j]`.
pub struct RankingInput {
    pub codes: Vec<MunicipalityCode>,
    pub jurors: Vec<(i64, String)>,
    pub ranking: Arc<Ranking>,
    /// Submitted entries left out because the reader is conflicted with them.
    pub left_out: usize,
}

/// (award, year, the entries left out, sorted).
/// (award, year, the entries left out, the k of "top k").
pub type Key = (String, i16, Vec<MunicipalityCode>, usize);

#[derive(Default)]
pub struct RankingCache {
    entries: Mutex<HashMap<Key, (i64, Arc<RankingInput>)>>,
    /// Rankings by a fingerprint of exactly what they were computed from (entries, jurors,
    /// scores, options): a write that changes no submitted review (a discussion post, a
    /// conflict elsewhere) moves the generation but finds its ranking here, not the bootstrap.
    computed: Mutex<HashMap<u64, Arc<Ranking>>>,
    /// Held while a ranking is computed, so that many readers arriving at once compute it once.
    computing: tokio::sync::Mutex<()>,
    /// Whether the kept rankings are being computed again after a write (`jury::ranking::
    /// rewarm`), and whether another write came in meanwhile (then one more pass follows).
    warming: Mutex<Warming>,
}

#[derive(Default)]
struct Warming {
    running: bool,
    again: bool,
}

/// Editions × exclusion sets are few; past this the cache starts over.
const MAX_ENTRIES: usize = 256;

impl RankingCache {
    pub fn get(&self, key: &Key, generation: i64) -> Option<Arc<RankingInput>> {
        let entries = self.entries.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        entries.get(key).filter(|(g, _)| *g == generation).map(|(_, r)| r.clone())
    }

    pub fn put(&self, key: Key, generation: i64, ranking: Arc<RankingInput>) {
        let mut entries = self.entries.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if entries.len() >= MAX_ENTRIES {
            entries.clear();
        }
        entries.insert(key, (generation, ranking));
    }

    pub fn computed(&self, fingerprint: u64) -> Option<Arc<Ranking>> {
        self.computed.lock().unwrap_or_else(std::sync::PoisonError::into_inner).get(&fingerprint).cloned()
    }

    pub fn keep_computed(&self, fingerprint: u64, ranking: Arc<Ranking>) {
        let mut computed = self.computed.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if computed.len() >= MAX_ENTRIES {
            computed.clear();
        }
        computed.insert(fingerprint, ranking);
    }

    /// The rankings kept, by what they are for.
    pub fn keys(&self) -> Vec<Key> {
        self.entries.lock().unwrap_or_else(std::sync::PoisonError::into_inner).keys().cloned().collect()
    }

    /// Whether the caller is to start a warming pass: false when one is running (which is then
    /// told to run once more, for this write).
    pub fn begin_warming(&self) -> bool {
        let mut w = self.warming.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if w.running {
            w.again = true;
            return false;
        }
        w.running = true;
        true
    }

    /// Ends a pass; true when another is due (a write came in during this one).
    pub fn end_warming(&self) -> bool {
        let mut w = self.warming.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        w.running = std::mem::take(&mut w.again);
        w.running
    }

    pub async fn turn(&self) -> tokio::sync::MutexGuard<'_, ()> {
        self.computing.lock().await
    }
}
