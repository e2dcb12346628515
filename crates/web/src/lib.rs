//! The HTTP face of juryn: public pages (askama templates, Swedish first), the JSON API, and the
//! middleware every response passes through.
//!
//! Architecture invariants:
//! - handlers are thin: parse the request, ask the store, apply a domain rule, render;
//! - what the public may see is decided by `juryn_domain::Edition::visibility` at request time,
//!   never by a stored flag, and the page cache never outlives a visibility change;
//! - every user-facing string comes from the catalogues in `locales/`.

mod account;
mod admin;
mod answer_view;
mod api;
mod app;
mod areas;
mod auth;
mod auto_phase;
pub mod booklet;
mod cache;
mod chart;
mod confirm;
mod connections;
mod cookies;
mod entry_view;
mod error;
mod extract;
mod i18n;
mod jury;
mod lang;
mod layout;
mod mail;
mod map;
mod markdown;
mod middleware;
mod names;
mod nominate;
mod portal;
mod public;
mod publication;
mod respond;
mod routes;
mod serve;
mod site;
mod static_files;
mod timefield;

pub use admin::{InviteError, InviteOutcome, grant_text, send_invitation};
pub use app::{AppState, Clock};
pub use auth::hash_token;
pub use auto_phase::advance_calls;
pub use cache::PageCache;
pub use connections::Limits;
pub use error::WebError;
pub use i18n::{KEYS_USED_IN_CODE, catalogue_keys};
pub use mail::{Letter, MailError, Mailer};
pub use map::{MapData, map_data};
pub use nominate::MAX_UNCONFIRMED as MAX_UNCONFIRMED_NOMINATIONS;
pub use public::opendata;
pub use routes::route_list;
pub use serve::{MAX_BODY_BYTES, router, serve};
pub use site::{DEFAULT_NAME as DEFAULT_SITE_NAME, set_name as set_site_name};
