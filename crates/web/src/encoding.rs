//! Compressed forms of kept pages: brotli or gzip, as the request's `Accept-Encoding` prefers,
//! each made once per kept page (at a higher level than a per-request compression could afford)
//! and served from memory after. Pages not kept are compressed on the fly by the server's
//! compression layer, which leaves a response that already names its encoding alone.

use std::io::Write;
use std::sync::{Arc, OnceLock};

use axum::body::Body;
use axum::extract::Request;
use axum::http::header::{ACCEPT_ENCODING, CONTENT_ENCODING, CONTENT_LENGTH, VARY};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use bytes::Bytes;

/// Below this, a page is sent as it is.
const MIN_BYTES: usize = 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Coding {
    Brotli,
    Gzip,
}

impl Coding {
    pub fn name(self) -> &'static str {
        match self {
            Coding::Brotli => "br",
            Coding::Gzip => "gzip",
        }
    }
}

/// The coding to answer in: brotli if accepted, else gzip if accepted (a `q=0` refuses one).
pub fn preferred(headers: &HeaderMap) -> Option<Coding> {
    let accept = headers.get(ACCEPT_ENCODING)?.to_str().ok()?;
    let accepted = |name: &str| {
        accept.split(',').any(|part| {
            let mut bits = part.split(';');
            let coding = bits.next().unwrap_or("").trim();
            let refused = bits.any(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            coding.eq_ignore_ascii_case(name) && !refused
        })
    };
    if accepted("br") {
        Some(Coding::Brotli)
    } else if accepted("gzip") {
        Some(Coding::Gzip)
    } else {
        None
    }
}

/// A page's compressed forms, made when first asked for; shared by every copy of the page.
#[derive(Debug, Default, Clone)]
pub struct Encoded(Arc<(OnceLock<Bytes>, OnceLock<Bytes>)>);

impl Encoded {
    /// `body` in `coding`, or `None` when the body is too small to be worth it.
    pub fn get(&self, body: &Bytes, coding: Coding) -> Option<Bytes> {
        if body.len() < MIN_BYTES {
            return None;
        }
        let (br, gz) = &*self.0;
        Some(match coding {
            Coding::Brotli => br.get_or_init(|| brotli(body)).clone(),
            Coding::Gzip => gz.get_or_init(|| gzip(body)).clone(),
        })
    }
}

/// Marks a response whose body is a kept page's: the body and its compressed forms. Whoever
/// changes such a body on the way out removes the mark.
#[derive(Debug, Clone)]
pub struct Kept {
    pub body: Bytes,
    pub encoded: Encoded,
}

/// Middleware: a kept page in the encoding the request prefers, from the page's kept forms.
pub async fn negotiate(req: Request, next: Next) -> Response {
    let coding = preferred(req.headers());
    let mut res = next.run(req).await;
    let Some(kept) = res.extensions_mut().remove::<Kept>() else { return res };
    res.headers_mut().append(VARY, HeaderValue::from_static("accept-encoding"));
    let compressed = coding
        .filter(|_| res.status() == StatusCode::OK && !res.headers().contains_key(CONTENT_ENCODING))
        .and_then(|c| Some((c, kept.encoded.get(&kept.body, c)?)));
    if let Some((coding, bytes)) = compressed {
        res.headers_mut().remove(CONTENT_LENGTH);
        res.headers_mut().insert(CONTENT_ENCODING, HeaderValue::from_static(coding.name()));
        *res.body_mut() = Body::from(bytes);
    }
    res
}

fn brotli(body: &[u8]) -> Bytes {
    let mut out = Vec::with_capacity(body.len() / 4);
    {
        // Quality 9 of 11: most of the gain at a few milliseconds for a 50 KB page, paid once.
        let mut w = brotli::CompressorWriter::new(&mut out, 4096, 9, 22);
        // Writing to memory cannot fail.
        let _ = w.write_all(body);
    }
    Bytes::from(out)
}

fn gzip(body: &[u8]) -> Bytes {
    let mut w =
        flate2::write::GzEncoder::new(Vec::with_capacity(body.len() / 4), flate2::Compression::best());
    let _ = w.write_all(body);
    Bytes::from(w.finish().unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    fn accept(v: &str) -> HeaderMap {
        let mut h = HeaderMap::new();
        h.insert(ACCEPT_ENCODING, v.parse().unwrap());
        h
    }

    #[test]
    fn brotli_is_preferred_and_q0_refuses() {
        assert_eq!(preferred(&accept("gzip, deflate, br, zstd")), Some(Coding::Brotli));
        assert_eq!(preferred(&accept("gzip")), Some(Coding::Gzip));
        assert_eq!(preferred(&accept("br;q=0, gzip;q=0.5")), Some(Coding::Gzip));
        assert_eq!(preferred(&accept("identity")), None);
        assert_eq!(preferred(&HeaderMap::new()), None);
    }

    #[test]
    fn the_forms_decode_to_the_page_and_are_made_once() {
        let body = Bytes::from("<p>Hej världen</p>".repeat(200));
        let e = Encoded::default();
        let gz = e.get(&body, Coding::Gzip).unwrap();
        let mut back = String::new();
        flate2::read::GzDecoder::new(&gz[..]).read_to_string(&mut back).unwrap();
        assert_eq!(back.as_bytes(), &body[..]);
        let br = e.get(&body, Coding::Brotli).unwrap();
        let mut back = Vec::new();
        brotli::Decompressor::new(&br[..], 4096).read_to_end(&mut back).unwrap();
        assert_eq!(back, body);
        // The same bytes again: kept, not recomputed.
        assert_eq!(e.get(&body, Coding::Brotli).unwrap().as_ptr(), br.as_ptr());
        assert!(Encoded::default().get(&Bytes::from_static(b"small"), Coding::Gzip).is_none());
    }
}
