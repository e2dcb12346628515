//! The search index of this process and what it was last brought up to (the data generation it
//! read). The index is a cache of the store: beside the SQLite file, or in a directory of this
//! process's own on PostgreSQL (gone with the process), or in memory for tests. What goes in it
//! is `search_docs`'s to decide; who finds what, `search_query`'s.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};

use juryn_search::SearchIndex;

/// An entry in one scope: (scope, award, year, code).
pub type EntryKey = (String, String, u16, String);

/// What the pulse needs of one submitted entry, read from its answers when the index pass
/// reads them (and only when they changed): per question, its words counted by stem (a long
/// text) or its levels (a self-assessment).
#[derive(Debug, Default)]
pub struct EntryFacts {
    pub terms: Vec<HashMap<String, juryn_search::terms::Counted>>,
    pub levels: Vec<Option<Vec<Option<juryn_domain::questionnaire::Level>>>>,
}

/// A submitted entry: (award, year, code).
pub type Submitted = (String, u16, String);

pub struct Search {
    pub index: SearchIndex,
    /// The data generation the index was last brought up to (-1: never).
    synced: AtomicI64,
    /// What each entry's documents were at the last pass (a hash), so a pass writes only what
    /// changed.
    pub stamps: Mutex<HashMap<EntryKey, u64>>,
    /// What each edition's sources were at the last pass (a hash of cheap reads: the entries'
    /// versions and lengths, consents, questions, joint entries, booklet versions, open data),
    /// so a pass reads again only the editions that moved.
    pub editions: Mutex<HashMap<(String, u16), u64>>,
    /// Every submitted entry's facts for the pulse, as of the last pass.
    pub facts: Mutex<HashMap<Submitted, std::sync::Arc<EntryFacts>>>,
    /// Twice as many searches at once as there are cores; the rest wait their turn in order.
    /// Sixteen searches sharing two cores each take eight times as long and the slowest far
    /// longer; in turns, the slowest waits little more than the average. Measured with
    /// benches/search.rs at 16 clients on 2 cores: p99 33 ms with no turns, 27 ms with one at a
    /// time (the cores idle between), 20 ms with two, 17 ms with four.
    pub turns: tokio::sync::Semaphore,
    /// One pass at a time; a pass asked for during one runs after it.
    pub pass: tokio::sync::Mutex<()>,
    again: AtomicBool,
    running: AtomicBool,
    /// A directory of this process's own, removed with it.
    _own_dir: Option<tempfile::TempDir>,
}

impl Search {
    fn with(index: SearchIndex, own_dir: Option<tempfile::TempDir>) -> Search {
        Search {
            index,
            synced: AtomicI64::new(-1),
            stamps: Mutex::default(),
            editions: Mutex::default(),
            facts: Mutex::default(),
            turns: tokio::sync::Semaphore::new(
                2 * std::thread::available_parallelism().map_or(2, std::num::NonZero::get),
            ),
            pass: tokio::sync::Mutex::new(()),
            again: AtomicBool::new(false),
            running: AtomicBool::new(false),
            _own_dir: own_dir,
        }
    }

    pub fn in_memory() -> Search {
        Search::with(SearchIndex::in_memory().expect("an index in memory"), None)
    }

    /// The index kept in `dir` (beside the SQLite file).
    pub fn in_dir(dir: &Path) -> juryn_search::Result<Search> {
        Ok(Search::with(SearchIndex::open_in(dir)?, None))
    }

    /// An index in a directory of this process's own (PostgreSQL: each process keeps its own).
    pub fn per_process() -> juryn_search::Result<Search> {
        let dir = tempfile::Builder::new()
            .prefix("juryn-search-")
            .tempdir()
            .map_err(|e| juryn_search::SearchError(e.to_string()))?;
        Ok(Search::with(SearchIndex::open_in(dir.path())?, Some(dir)))
    }

    pub fn synced(&self) -> i64 {
        self.synced.load(Ordering::Acquire)
    }

    pub fn set_synced(&self, generation: i64) {
        self.synced.fetch_max(generation, Ordering::AcqRel);
    }

    /// Whether a background pass may start now (false: one runs, and will run once more).
    pub fn begin_background(&self) -> bool {
        self.again.store(true, Ordering::Release);
        !self.running.swap(true, Ordering::AcqRel)
    }

    /// After a background pass: whether another was asked for meanwhile (then run it).
    pub fn end_background(&self) -> bool {
        if self.again.swap(false, Ordering::AcqRel) {
            return true;
        }
        self.running.store(false, Ordering::Release);
        // Asked for between the swap and the store: take it.
        self.again.load(Ordering::Acquire) && !self.running.swap(true, Ordering::AcqRel)
    }
}

/// Where the index lives for a database URL: beside a SQLite file (`juryn.db` → `juryn.search/`),
/// or None (PostgreSQL, or SQLite in memory: an index of the process's own).
pub fn dir_for(database_url: &str) -> Option<std::path::PathBuf> {
    let path = database_url.strip_prefix("sqlite://")?;
    let path = path.split('?').next().unwrap_or(path);
    if path.is_empty() || path.contains(":memory:") {
        return None;
    }
    Some(Path::new(path).with_extension("search"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_sits_beside_the_sqlite_file() {
        assert_eq!(dir_for("sqlite://juryn.db"), Some("juryn.search".into()));
        assert_eq!(
            dir_for("sqlite:///var/lib/juryn/juryn.db?mode=rwc"),
            Some("/var/lib/juryn/juryn.search".into())
        );
        assert_eq!(dir_for("postgres://juryn@db/juryn"), None);
        assert_eq!(dir_for("sqlite::memory:"), None);
    }
}
