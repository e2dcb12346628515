//! The HTTP face of juryn: public pages (askama templates, Swedish first), the JSON API, and the
//! middleware every response passes through.
//!
//! Architecture invariants:
//! - handlers are thin: parse the request, ask the store, apply a domain rule, render;
//! - what the public may see is decided by `juryn_domain::Edition::visibility` at request time,
//!   never by a stored flag, and the page cache never outlives a visibility change;
//! - every user-facing string comes from the catalogues in `locales/`.

// The foundation: the application's state, errors, extractors, responses, layout, language,
// caches and who is asking. It knows no area.
mod app;
mod areas;
mod auth;
mod cache;
mod cached_page;
mod confirm;
mod connections;
mod cookies;
mod encoding;
mod error;
mod extract;
mod file_cache;
mod find;
mod i18n;
mod lang;
mod layout;
mod link_page;
pub mod mail;
mod memo;
pub mod metrics;
mod middleware;
pub mod oidc;
mod ranking_cache;
mod respond;
mod route;
mod search_index;
mod site;
mod static_files;
mod timefield;

// Views shared by the areas: how names, answers, entries, grants, conflicts and an edition's
// state are said; Markdown, the map and charts; the booklet and the receipt mail.
mod answer_view;
pub mod booklet;
mod chart;
mod conflict_words;
mod edition_words;
mod entry_view;
mod grants;
mod map;
mod markdown;
mod names;
mod publication;
mod pulse;
mod pulse_chart;
mod question_form;
mod receipt;
mod search_docs;
mod search_query;

// The areas: each uses the foundation and the views, never another area
// (tests/web/layers.rs reads the `use` lines to hold this).
mod account;
mod admin;
mod api;
mod jury;
mod nominate;
mod portal;
mod public;

// On top: the route table, the server, and the calls opened and closed by the clock.
mod auto_phase;
mod routes;
mod serve;

pub use admin::{InviteError, InviteOutcome, send_invitation};
pub use app::MAX_BODY_BYTES;
pub use app::{AppState, Clock};
pub use auth::hash_token;
pub use auto_phase::advance_calls;
pub use cache::PageCache;
pub use connections::Limits;
pub use error::WebError;
pub use grants::grant_text;
pub use i18n::{KEYS_USED_IN_CODE, catalogue_keys};
pub use mail::{Letter, MailError, Mailer};
pub use map::{MapData, map_data};
pub use nominate::MAX_UNCONFIRMED as MAX_UNCONFIRMED_NOMINATIONS;
pub use public::opendata;
pub use routes::route_list;
pub use search_docs::{bring_up_to_date as bring_search_up_to_date, reindex as reindex_search};
pub use search_index::{Search, dir_for as search_dir_for};
pub use serve::{router, serve};
pub use site::{DEFAULT_NAME as DEFAULT_SITE_NAME, set_name as set_site_name};
