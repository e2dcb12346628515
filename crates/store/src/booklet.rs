//! The booklet: its editable parts (title, foreword, cover) and its published versions, each
//! kept whole — the PDF, its SHA-256 and the data the HTML booklet is drawn from.

use async_trait::async_trait;
use jiff::Timestamp;
use juryn_domain::Slug;

use crate::Result;
use crate::model::Stamp;

/// What the organiser writes for the booklet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BookletSettings {
    pub title: String,
    /// Limited Markdown; empty for no foreword.
    pub foreword: String,
    /// A PNG or JPEG, checked before it is stored.
    pub cover: Option<Vec<u8>>,
}

/// A version about to be published.
#[derive(Debug, Clone)]
pub struct NewBookletVersion {
    pub pdf: Vec<u8>,
    /// The booklet's content as JSON (`juryn_publish::booklet::Booklet`), for the HTML booklet.
    pub data: String,
    /// SHA-256 of the content it was made from: a new version is only worth making when it
    /// differs from the last one's.
    pub source_sha256: String,
    pub pages: i32,
    pub publish_at: Timestamp,
}

/// A published (or scheduled) version, without its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BookletVersion {
    pub version: i32,
    /// SHA-256 of the PDF, hex.
    pub sha256: String,
    pub source_sha256: String,
    pub pages: i32,
    pub size: i64,
    pub publish_at: Timestamp,
    pub created_at: Timestamp,
    pub created_by: String,
}

impl BookletVersion {
    /// Whether the public may have this version at `now`: from its publication second on.
    pub fn is_public(&self, now: Timestamp) -> bool {
        self.publish_at <= now
    }
}

#[async_trait]
pub trait BookletStore: Send + Sync + 'static {
    async fn booklet_settings(&self, award: &Slug, year: i16) -> Result<BookletSettings>;
    /// Sets title and foreword; the cover only when `cover` is `Some` (`Some(None)` removes it).
    async fn set_booklet_settings(
        &self,
        award: &Slug,
        year: i16,
        text: (&str, &str),
        cover: Option<Option<&[u8]>>,
        actor: &Stamp,
    ) -> Result<()>;
    /// Every version, newest first.
    async fn booklet_versions(&self, award: &Slug, year: i16) -> Result<Vec<BookletVersion>>;
    /// A version's PDF.
    async fn booklet_pdf(&self, award: &Slug, year: i16, version: i32) -> Result<Option<Vec<u8>>>;
    /// A version's content as JSON.
    async fn booklet_data(&self, award: &Slug, year: i16, version: i32) -> Result<Option<String>>;
    /// Stores a new version (the next number) with its SHA-256, in one transaction with the
    /// audit event. Returns its number.
    async fn publish_booklet(
        &self,
        award: &Slug,
        year: i16,
        new: &NewBookletVersion,
        actor: &Stamp,
    ) -> Result<i32>;
}
