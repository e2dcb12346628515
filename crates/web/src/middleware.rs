//! What every response passes through: the security headers, and the data generation read
//! again after a write.

use axum::http::header::{CONTENT_SECURITY_POLICY, REFERRER_POLICY, X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS};
use axum::http::{HeaderName, HeaderValue};
use tower_http::set_header::SetResponseHeaderLayer;

/// No script at all, styles and images from this site only, never framed.
const CSP: &str = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; \
                   img-src 'self' data:; font-src 'self'; \
                   form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

pub fn security_headers() -> Vec<SetResponseHeaderLayer<HeaderValue>> {
    let h = |name: HeaderName, value: &'static str| {
        SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
    };
    vec![
        h(CONTENT_SECURITY_POLICY, CSP),
        h(REFERRER_POLICY, "strict-origin-when-cross-origin"),
        h(X_CONTENT_TYPE_OPTIONS, "nosniff"),
        h(X_FRAME_OPTIONS, "DENY"),
    ]
}

/// HTTP Strict Transport Security, for sites served over https: browsers go straight to https
/// for a year, so no first request travels in the clear to be tampered with.
pub fn hsts() -> SetResponseHeaderLayer<HeaderValue> {
    SetResponseHeaderLayer::if_not_present(
        axum::http::header::STRICT_TRANSPORT_SECURITY,
        HeaderValue::from_static("max-age=31536000; includeSubDomains"),
    )
}
