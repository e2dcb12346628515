//! Values computed from the database and kept until the data generation moves, like the page
//! cache keeps pages: for what several pages or requests need and is costly to read (the
//! booklet's source summed up, say), where the page itself cannot be kept because it carries
//! something per request. A write by any process shows within one poll, as with pages.

use std::any::Any;
use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex, PoisonError};

/// Values are few (a handful per edition); past this the memo starts over.
const MAX_VALUES: usize = 1024;

type Value = Arc<dyn Any + Send + Sync>;

#[derive(Default)]
pub struct Memo {
    values: Mutex<HashMap<String, (i64, Value)>>,
}

impl Memo {
    /// The value for `key` made at `generation`, or `make`'s, kept for that generation. The
    /// generation is the one read before the data (`PageCache::generation`), so a write during
    /// `make` leaves the value stale for one poll, never wrong for longer.
    pub async fn get_or_make<T, F, Fut, E>(&self, key: String, generation: i64, make: F) -> Result<Arc<T>, E>
    where
        T: Any + Send + Sync,
        F: FnOnce() -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        if let Some(found) = self.get::<T>(&key, generation) {
            return Ok(found);
        }
        let made = Arc::new(make().await?);
        let mut values = self.values.lock().unwrap_or_else(PoisonError::into_inner);
        if values.len() >= MAX_VALUES {
            values.clear();
        }
        values.insert(key, (generation, made.clone()));
        Ok(made)
    }

    fn get<T: Any + Send + Sync>(&self, key: &str, generation: i64) -> Option<Arc<T>> {
        let values = self.values.lock().unwrap_or_else(PoisonError::into_inner);
        let (made_at, value) = values.get(key)?;
        if *made_at != generation {
            return None;
        }
        value.clone().downcast::<T>().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_value_is_made_once_per_generation_and_again_after() {
        let memo = Memo::default();
        let made = std::sync::atomic::AtomicUsize::new(0);
        let make = || async {
            made.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            Ok::<_, ()>(42)
        };
        assert_eq!(*memo.get_or_make("k".into(), 1, make).await.unwrap(), 42);
        assert_eq!(*memo.get_or_make("k".into(), 1, make).await.unwrap(), 42);
        assert_eq!(made.load(std::sync::atomic::Ordering::SeqCst), 1, "kept within the generation");
        memo.get_or_make("k".into(), 2, make).await.unwrap();
        assert_eq!(made.load(std::sync::atomic::Ordering::SeqCst), 2, "made again after a write");
        // Another type under the same key is not mistaken for it.
        let text = memo.get_or_make("k".into(), 2, || async { Ok::<_, ()>("text") }).await.unwrap();
        assert_eq!(*text, "text");
    }
}
