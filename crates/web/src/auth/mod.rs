//! Who is asking, and may they: sessions, CSRF protection, passwords, one-time links, and the
//! bridge to the domain's rules.

mod attempts;
mod csrf;
mod form;
mod next;
mod password;
pub mod signed;
mod tokens;
mod viewer;

pub(crate) use attempts::begin_attempt;
pub(crate) use csrf::verify as verify_csrf;
pub use csrf::{Csrf, csrf_key_from_store};
pub use form::{CsrfForm, Empty as EmptyForm};
pub use next::{encode_next, safe_next};
pub use password::{MAX_PASSWORD_BYTES, MIN_PASSWORD_CHARS, hash_password, verify_password};
pub use tokens::{hash_token, random_token};
pub(crate) use viewer::organised_edition;
pub use viewer::{
    ApiViewer, MaybeViewer, SESSION_COOKIE, SESSION_HOURS, Viewer, has_session_cookie, require, require_api,
    require_on_edition, stamp, viewer_from_session,
};
