//! The booklet of the entries ("Kommunernas utveckling i en digital tid"): what goes into it
//! ([`Booklet`]), typeset as PDF by typst ([`pdf`]).
//!
//! Everything an entrant or an organiser wrote reaches typst as data — a JSON file in typst's
//! virtual file system, read by the templates in `typst/` (front.typ, chapter.typ, common.typ,
//! furniture.typ) — and is placed as text, never evaluated as markup: `#`, `$`, `*`, `[` and
//! friends print as themselves. Answers are limited Markdown, read by `juryn_domain::text`;
//! [`blocks`] turns what it read into paragraphs and lists of styled spans before typst sees them, and a self-assessment arrives
//! as a [`Block::Table`] of indicators and the scale's words.

mod blocks;
mod typeset;
mod world;

use serde::{Deserialize, Serialize};

pub use blocks::{Block, Span, blocks};
pub use typeset::{BookletError, Pdf, Stage, pdf};

/// The most words a foreword may have. Long enough for any real foreword; the bound keeps a
/// pasted-in report from becoming the booklet.
pub const FOREWORD_MAX_WORDS: usize = 10_000;

/// The cover image may be at most this large (bytes).
pub const COVER_MAX_BYTES: usize = 10 * 1024 * 1024;

/// The whole booklet as typst reads it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Booklet {
    /// "Kommunernas utveckling i en digital tid".
    pub title: String,
    /// The award's name: "Sveriges DigitaliseringsKommun".
    pub award: String,
    pub year: i16,
    /// Who publishes it (the PDF's author).
    pub organiser: String,
    /// The foreword as blocks; empty for none.
    pub foreword: Vec<Block>,
    /// One chapter per consenting entry, in the order given (callers sort by name).
    pub chapters: Vec<Chapter>,
    /// The map of Sweden with the participants marked, as SVG; empty for none.
    #[serde(skip)]
    pub map_svg: String,
    /// An optional cover image (PNG or JPEG bytes, checked by [`check_cover`]).
    #[serde(skip)]
    pub cover: Option<Vec<u8>>,
    /// The fixed words of the booklet in its language.
    pub words: Words,
}

/// The booklet's own words (headings, captions), from the caller's translation catalogue.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Words {
    pub contents: String,
    pub foreword: String,
    pub map_heading: String,
    /// Alternative text of the map.
    pub map_alt: String,
    pub map_credit: String,
    /// Alternative text of the cover image.
    pub cover_alt: String,
    /// Shown under a question the entry left unanswered.
    pub no_answer: String,
    /// "44 kommuner" etc., already formatted.
    pub participants: String,
    /// "Utgiven av …", on the back of the cover.
    pub imprint: String,
    /// The document's language code ("sv").
    pub lang: String,
}

/// One municipality's chapter.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Chapter {
    pub code: String,
    pub municipality: String,
    pub county: String,
    pub sections: Vec<Section>,
}

/// A question and the answer to it.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Section {
    pub question: String,
    /// Empty when the entry has no answer to this question.
    pub answer: Vec<Block>,
}

/// Why a cover image is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CoverProblem {
    TooLarge,
    NotAnImage,
}

/// Whether `bytes` can be the cover: a PNG or JPEG of at most [`COVER_MAX_BYTES`] that decodes.
pub fn check_cover(bytes: &[u8]) -> Result<&'static str, CoverProblem> {
    check_image(bytes, COVER_MAX_BYTES)
}

/// Whether `bytes` are a PNG or JPEG of at most `max_bytes` that decodes whole (the award's logo
/// and the booklet's cover): its kind, "png" or "jpg".
pub fn check_image(bytes: &[u8], max_bytes: usize) -> Result<&'static str, CoverProblem> {
    if bytes.len() > max_bytes {
        return Err(CoverProblem::TooLarge);
    }
    let format = if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        image::ImageFormat::Png
    } else if bytes.starts_with(&[0xFF, 0xD8, 0xFF]) {
        image::ImageFormat::Jpeg
    } else {
        return Err(CoverProblem::NotAnImage);
    };
    // Decode it whole: a file with the right first bytes and a broken body would otherwise
    // only fail when it is used. The limit refuses a small file that claims to be an enormous
    // picture.
    let mut reader = image::ImageReader::with_format(std::io::Cursor::new(bytes), format);
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(256 * 1024 * 1024);
    reader.limits(limits);
    reader.decode().map_err(|_| CoverProblem::NotAnImage)?;
    Ok(if format == image::ImageFormat::Png { "png" } else { "jpg" })
}

/// The number of whitespace-separated words in a text (the foreword's limit). Answers are
/// counted by `juryn_domain::word_count`, which leaves Markdown markup out.
pub fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

impl Booklet {
    /// The booklet's data as typst reads them.
    pub fn to_json(&self) -> Vec<u8> {
        serde_json::to_vec(self).expect("the booklet is plain data")
    }
}

/// The words of a text already in blocks.
pub fn blocks_word_count(blocks: &[Block]) -> usize {
    let spans = |spans: &[Span]| spans.iter().map(|s| word_count(&s.text)).sum::<usize>();
    blocks
        .iter()
        .map(|b| match b {
            Block::Para { spans: s } => spans(s),
            Block::List { items, .. } => items.iter().map(|i| spans(i)).sum(),
            Block::Table { rows, .. } => rows.iter().flatten().map(|c| word_count(c)).sum(),
        })
        .sum()
}
