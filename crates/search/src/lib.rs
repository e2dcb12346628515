//! Full-text search over the answers, in Swedish (tantivy as a library): stemming and compound
//! words ("bygglov" finds "bygglovsprocessen", "e-tjänst" finds "e-tjänsterna", "AI" finds
//! "AI-stöd"), phrases in quotes, results grouped by entry with marked passages, filters by
//! year, county, question and entry kind.
//!
//! The index is a cache of what the store holds: rebuilt whole (`SearchIndex::rebuild`) or kept
//! up to date entry by entry (`replace_entry`). Who may find what is the caller's to decide: each
//! answer goes in under a scope ("public" for published text, a closed circle's name for the
//! jury's), and a search names the scopes its reader may search.

mod analyzer;
mod index;
pub mod query;
mod snippet;
pub mod terms;

pub use index::{
    AnswerDoc, AnswerHit, EntryHit, Filters, Found, Order, PASSAGES_PER_ENTRY, Result, SearchError,
    SearchIndex,
};
