//! Path parameters that cannot be read (bad percent-encoding, say) mean the page does not
//! exist: the reader gets the 404 page in their language, not a bare 400.

use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use juryn_domain::Lang;
use serde::de::DeserializeOwned;

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
            Err(_) if parts.uri.path().starts_with("/api/") => Err(WebError::ApiNotFound),
            Err(_) => Err(WebError::NotFound(parts.extensions.get::<Lang>().copied().unwrap_or_default())),
        }
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
