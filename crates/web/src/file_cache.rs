//! Published files served from memory: a booklet version's PDF never changes once written, so it
//! is read from the database once per process and kept by its SHA-256; a byte budget keeps the
//! memory bounded (past it, the cache starts over). Answered with its ETag, and single byte
//! ranges for readers that fetch a PDF in parts.

use std::collections::HashMap;
use std::sync::RwLock;

use axum::http::header::{ACCEPT_RANGES, CONTENT_RANGE, ETAG, IF_NONE_MATCH, IF_RANGE, RANGE};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;

/// At most this many bytes of files in memory.
const MAX_BYTES: usize = 256 * 1024 * 1024;

#[derive(Debug)]
pub struct FileCache {
    files: RwLock<(HashMap<String, Bytes>, usize)>,
    budget: usize,
}

impl Default for FileCache {
    fn default() -> Self {
        FileCache { files: RwLock::default(), budget: MAX_BYTES }
    }
}

impl FileCache {
    /// The file with this SHA-256, if kept.
    pub fn get(&self, sha256: &str) -> Option<Bytes> {
        self.files.read().unwrap_or_else(|e| e.into_inner()).0.get(sha256).cloned()
    }

    pub fn put(&self, sha256: &str, bytes: Bytes) {
        let mut files = self.files.write().unwrap_or_else(|e| e.into_inner());
        if files.1 + bytes.len() > self.budget {
            *files = Default::default();
        }
        files.1 += bytes.len();
        if let Some(old) = files.0.insert(sha256.to_owned(), bytes) {
            files.1 -= old.len();
        }
    }
}

/// A byte range of a file of `len` bytes, as `Range: bytes=…` asks for it: one range (first-last,
/// first-, or -suffix). `None` when the header asks for none, or for several (the whole file is
/// then the answer, as RFC 9110 allows); `Err` when it cannot be satisfied.
pub fn requested_range(header: &str, len: usize) -> Option<Result<(usize, usize), ()>> {
    let spec = header.trim().strip_prefix("bytes=")?;
    if spec.contains(',') {
        return None;
    }
    let (first, last) = spec.split_once('-')?;
    let (first, last) = (first.trim(), last.trim());
    let range = match (first.parse::<usize>(), last.parse::<usize>()) {
        (Ok(a), Ok(b)) if a <= b => Some((a, b.min(len.saturating_sub(1)))),
        (Ok(a), Err(_)) if last.is_empty() => Some((a, len.saturating_sub(1))),
        (Err(_), Ok(n)) if first.is_empty() && n > 0 => Some((len.saturating_sub(n), len.saturating_sub(1))),
        _ => return None,
    };
    Some(match range {
        Some((a, b)) if a < len && a <= b => Ok((a, b)),
        _ => Err(()),
    })
}

/// A file answered whole, in part (206), not at all (304 when the browser's copy is current), or
/// refused (416), with its ETag and `headers` (type, caching, name).
pub fn respond(request: &HeaderMap, body: Bytes, etag: &str, headers: Vec<(HeaderName, String)>) -> Response {
    let header = |name| request.get(name).and_then(|h: &HeaderValue| h.to_str().ok());
    let mut extra: Vec<(HeaderName, String)> = headers;
    extra.push((ETAG, etag.to_owned()));
    if header(IF_NONE_MATCH).is_some_and(|h| h.split(',').any(|t| t.trim() == etag || t.trim() == "*")) {
        return with(StatusCode::NOT_MODIFIED, extra, Bytes::new());
    }
    extra.push((ACCEPT_RANGES, "bytes".to_owned()));
    // A range is for the version the reader has: if it names another, the whole file.
    let same_version = header(IF_RANGE).is_none_or(|v| v.trim() == etag);
    let range = header(RANGE).filter(|_| same_version).and_then(|r| requested_range(r, body.len()));
    match range {
        None => with(StatusCode::OK, extra, body),
        Some(Ok((a, b))) => {
            extra.push((CONTENT_RANGE, format!("bytes {a}-{b}/{}", body.len())));
            with(StatusCode::PARTIAL_CONTENT, extra, body.slice(a..=b))
        }
        Some(Err(())) => {
            extra.push((CONTENT_RANGE, format!("bytes */{}", body.len())));
            with(StatusCode::RANGE_NOT_SATISFIABLE, extra, Bytes::new())
        }
    }
}

fn with(status: StatusCode, headers: Vec<(HeaderName, String)>, body: Bytes) -> Response {
    let mut res = (status, body).into_response();
    for (name, value) in headers {
        if let Ok(v) = HeaderValue::from_str(&value) {
            res.headers_mut().insert(name, v);
        }
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_are_read_as_rfc_9110_says() {
        assert_eq!(requested_range("bytes=0-99", 1000), Some(Ok((0, 99))));
        assert_eq!(requested_range("bytes=900-", 1000), Some(Ok((900, 999))));
        assert_eq!(requested_range("bytes=-100", 1000), Some(Ok((900, 999))));
        assert_eq!(requested_range("bytes=990-2000", 1000), Some(Ok((990, 999))));
        assert_eq!(requested_range("bytes=-5000", 1000), Some(Ok((0, 999))));
        assert_eq!(requested_range("bytes=1000-", 1000), Some(Err(())));
        assert_eq!(requested_range("bytes=0-1,5-6", 1000), None);
        assert_eq!(requested_range("bytes=5-1", 1000), None);
        assert_eq!(requested_range("items=0-1", 1000), None);
        assert_eq!(requested_range("bytes=x-y", 1000), None);
    }

    #[test]
    fn a_budget_bounds_the_files_kept() {
        let cache = FileCache { budget: 100, ..FileCache::default() };
        cache.put("a", Bytes::from(vec![0; 10]));
        assert_eq!(cache.get("a").map(|b| b.len()), Some(10));
        cache.put("b", Bytes::from(vec![0; 100]));
        assert!(cache.get("a").is_none(), "the cache started over");
        assert!(cache.get("b").is_some());
    }
}
