//! The HTTP face of juryn: public pages (askama templates, Swedish first), the JSON API, and the
//! middleware every response passes through.
//!
//! Architecture invariants:
//! - handlers are thin: parse the request, ask the store, apply a domain rule, render;
//! - what the public may see is decided by `juryn_domain::Edition::visibility` at request time,
//!   never by a stored flag, and the page cache never outlives a visibility change;
//! - every user-facing string comes from the catalogues in `locales/`.

mod api;
mod app;
mod cache;
mod error;
mod extract;
mod i18n;
mod lang;
mod layout;
mod map;
mod middleware;
mod public;
mod serve;
mod static_files;

pub use app::{AppState, Clock};
pub use cache::PageCache;
pub use error::WebError;
pub use i18n::{KEYS_USED_IN_CODE, catalogue_keys};
pub use map::{MapData, map_data};
pub use serve::{MAX_BODY_BYTES, router, serve};
