//! Path parameters that cannot be read (bad percent-encoding, say) mean the page does not
//! exist: the reader gets the 404 page in their language, not a bare 400.

use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use juryn_domain::Slug;

use crate::error::WebError;

pub struct Segments<T>(pub T);

impl<S, T> FromRequestParts<S> for Segments<T>
where
    S: Send + Sync,
    T: DeserializeOwned + Send,
{
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Path::<T>::from_request_parts(parts, state).await {
            Ok(Path(t)) => Ok(Segments(t)),
            Err(_) => Err(WebError::NotFound),
        }
    }
}

/// The edition a path names by its `{award}` and `{year}` segments, read once for every handler
/// under `/…/{award}/{year}/…`. A segment that cannot name one (not a slug, not four digits)
/// is the 404 page — before any sign-in check, which is safe: the shape of an address tells
/// nothing about what exists. Whether the edition exists is the store's to say, after the rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditionKey {
    pub slug: Slug,
    pub year: i16,
}

impl EditionKey {
    /// Reads the two segments, or `None` when they cannot name an edition.
    pub fn parse(award: &str, year: &str) -> Option<EditionKey> {
        let slug = Slug::parse(award).ok()?;
        let year = (year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()))
            .then(|| year.parse().ok())
            .flatten()?;
        Some(EditionKey { slug, year })
    }

    /// The edition's page `page` in `area`: `/admin/{award}/{year}/{page}`, or the area's page
    /// of the edition itself when `page` is empty.
    pub fn page(&self, area: &str, page: &str) -> String {
        let edition = format!("{area}/{}/{}", self.slug, self.year);
        if page.is_empty() { edition } else { format!("{edition}/{page}") }
    }

    pub fn parts(self) -> (Slug, i16) {
        (self.slug, self.year)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for EditionKey {
    type Rejection = WebError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let Segments(segments) =
            Segments::<std::collections::HashMap<String, String>>::from_request_parts(parts, state).await?;
        let (Some(award), Some(year)) = (segments.get("award"), segments.get("year")) else {
            return Err(WebError::internal(format!("no {{award}}/{{year}} in {}", parts.uri.path())));
        };
        EditionKey::parse(award, year).ok_or(WebError::NotFound)
    }
}

/// The query string as `T`, or `T::default()` when it cannot be read: a page never fails over a
/// malformed query.
pub struct LenientQuery<T>(pub T);

impl<S, T> FromRequestParts<S> for LenientQuery<T>
where
    S: Send + Sync,
    T: DeserializeOwned + Default + Send,
{
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let q = parts.uri.query().unwrap_or("");
        Ok(LenientQuery(serde_urlencoded::from_str(q).unwrap_or_default()))
    }
}

/// The client's address, for throttling sign-in attempts: the peer's, or — when the peer is one
/// of the installation's trusted proxies (`--trusted-proxy CIDR`) — the last address in
/// `X-Forwarded-For` that is not itself a trusted proxy. A header from any other peer is
/// ignored, so a client cannot choose its own bucket. Requests without a peer (tests through
/// the router) are "unknown".
pub struct ClientIp(pub String);

impl FromRequestParts<crate::app::AppState> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(
        parts: &mut Parts,
        app: &crate::app::AppState,
    ) -> Result<Self, Self::Rejection> {
        let peer =
            parts.extensions.get::<axum::extract::ConnectInfo<std::net::SocketAddr>>().map(|c| c.0.ip());
        let forwarded: Vec<&str> =
            parts.headers.get_all("x-forwarded-for").iter().filter_map(|v| v.to_str().ok()).collect();
        Ok(ClientIp(client_ip(peer, &forwarded, &app.trusted_proxies)))
    }
}

/// The client's address from the peer and the `X-Forwarded-For` values (in order), trusting the
/// header only from `trusted` peers, and walking it from the right past trusted hops.
pub fn client_ip(peer: Option<std::net::IpAddr>, forwarded: &[&str], trusted: &[ipnet::IpNet]) -> String {
    let Some(peer) = peer else { return "unknown".to_owned() };
    let is_trusted = |ip: &std::net::IpAddr| trusted.iter().any(|net| net.contains(ip));
    if !is_trusted(&peer) {
        return peer.to_string();
    }
    let hops: Vec<std::net::IpAddr> = forwarded
        .iter()
        .flat_map(|v| v.split(','))
        .filter_map(|h| h.trim().parse::<std::net::IpAddr>().ok())
        .collect();
    hops.iter().rev().find(|ip| !is_trusted(ip)).unwrap_or(&peer).to_string()
}

#[cfg(test)]
mod client_ip_tests {
    use super::client_ip;

    #[test]
    fn forwarded_for_is_read_only_from_trusted_proxies() {
        let trusted: Vec<ipnet::IpNet> = vec!["10.0.0.0/8".parse().unwrap(), "::1/128".parse().unwrap()];
        let proxy = Some("10.0.0.2".parse().unwrap());
        let stranger = Some("203.0.113.9".parse().unwrap());
        assert_eq!(client_ip(proxy, &["198.51.100.7"], &trusted), "198.51.100.7");
        assert_eq!(client_ip(proxy, &["1.2.3.4, 198.51.100.7, 10.0.0.5"], &trusted), "198.51.100.7");
        assert_eq!(
            client_ip(stranger, &["198.51.100.7"], &trusted),
            "203.0.113.9",
            "a header from anyone else"
        );
        assert_eq!(client_ip(proxy, &[], &trusted), "10.0.0.2");
        assert_eq!(client_ip(proxy, &["junk"], &trusted), "10.0.0.2");
        assert_eq!(client_ip(None, &["198.51.100.7"], &trusted), "unknown");
        assert_eq!(client_ip(stranger, &["198.51.100.7"], &[]), "203.0.113.9");
    }
}
