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

/// The client's address, for throttling sign-in attempts. Behind a reverse proxy every client
/// shares the proxy's address; requests without one (tests through the router) are "unknown".
pub struct ClientIp(pub String);

impl<S: Send + Sync> FromRequestParts<S> for ClientIp {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let ip = parts
            .extensions
            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
            .map_or_else(|| "unknown".to_owned(), |c| c.0.ip().to_string());
        Ok(ClientIp(ip))
    }
}
