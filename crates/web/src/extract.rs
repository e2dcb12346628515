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
