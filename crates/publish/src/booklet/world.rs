//! Typesetting the booklet: a typst "world" whose only files are the template, the booklet's
//! data as JSON, the map and the cover, and whose fonts are compiled into the binary — so the
//! same booklet comes out on every machine, with nothing read from disk or the network.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

use super::{Booklet, CoverProblem, FOREWORD_MAX_WORDS, check_cover};

/// The typst source of the booklet's design; it reads everything else from `/booklet.json`.
const TEMPLATE: &str = include_str!("template.typ");

/// Open fonts shipped with juryn: Libertinus Serif for the text (typst-assets), DejaVu Sans for
/// headings and for the scripts and symbols Libertinus lacks (Arabic, emoji).
static FONTS: LazyLock<(LazyHash<FontBook>, Vec<Font>)> = LazyLock::new(|| {
    let shipped: [&'static [u8]; 2] =
        [include_bytes!("../../fonts/DejaVuSans.ttf"), include_bytes!("../../fonts/DejaVuSans-Bold.ttf")];
    let fonts: Vec<Font> =
        typst_assets::fonts().chain(shipped).flat_map(|data| Font::iter(Bytes::new(data))).collect();
    (LazyHash::new(FontBook::from_fonts(&fonts)), fonts)
});

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));

fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("the booklet's paths are fixed and valid");
    FileId::new(RootedPath::new(VirtualRoot::Project, vpath))
}

struct BookletWorld {
    main: Source,
    data: Bytes,
    map: Option<Bytes>,
    cover: Option<(FileId, Bytes)>,
}

impl World for BookletWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &FONTS.0
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() { Ok(self.main.clone()) } else { Err(FileError::AccessDenied) }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == file_id("/booklet.json") {
            return Ok(self.data.clone());
        }
        if id == file_id("/map.svg") {
            return self.map.clone().ok_or(FileError::AccessDenied);
        }
        match &self.cover {
            Some((cover, bytes)) if *cover == id => Ok(bytes.clone()),
            _ => Err(FileError::AccessDenied),
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        FONTS.1.get(index).cloned()
    }

    /// The booklet states no "today": the same data give the same file.
    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        None
    }
}

/// Why a booklet cannot be made.
#[derive(Debug, thiserror::Error)]
pub enum BookletError {
    /// No entry may be published: a booklet of nothing is not made.
    #[error("no entry consented to publication")]
    NoChapters,
    #[error("the foreword has {0} words, more than {FOREWORD_MAX_WORDS}")]
    ForewordTooLong(usize),
    #[error("the cover image cannot be used: {0:?}")]
    Cover(CoverProblem),
    /// typst refused the document: a bug in the template, not the user's doing.
    #[error("typesetting failed: {0}")]
    Typst(String),
}

/// Where typesetting has got to, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Laying out the pages.
    Typesetting,
    /// Writing the PDF file (fonts, tags, outline).
    Writing,
}

/// The booklet as a tagged PDF with its title, author and language set.
pub fn pdf(booklet: &Booklet, progress: &mut dyn FnMut(Stage)) -> Result<Vec<u8>, BookletError> {
    if booklet.chapters.is_empty() {
        return Err(BookletError::NoChapters);
    }
    let words = super::blocks_word_count(&booklet.foreword);
    if words > FOREWORD_MAX_WORDS {
        return Err(BookletError::ForewordTooLong(words));
    }
    let cover = match &booklet.cover {
        None => None,
        Some(bytes) => {
            let ext = check_cover(bytes).map_err(BookletError::Cover)?;
            Some((file_id(&format!("/cover.{ext}")), Bytes::new(bytes.clone())))
        }
    };
    let mut data = serde_json::to_value(booklet).expect("the booklet is plain data");
    data["cover"] = cover.as_ref().map_or(serde_json::Value::Null, |(id, _)| {
        serde_json::Value::String(id.vpath().get_with_slash().to_owned())
    });
    data["map"] = serde_json::Value::Bool(!booklet.map_svg.is_empty());
    let world = BookletWorld {
        main: Source::new(file_id("/main.typ"), TEMPLATE.to_owned()),
        data: Bytes::new(serde_json::to_vec(&data).expect("plain data")),
        map: (!booklet.map_svg.is_empty()).then(|| Bytes::from_string(booklet.map_svg.clone())),
        cover,
    };
    progress(Stage::Typesetting);
    let document: PagedDocument = typst::compile(&world).output.map_err(|errors| {
        BookletError::Typst(errors.iter().map(|e| e.message.as_str()).collect::<Vec<_>>().join("; "))
    })?;
    progress(Stage::Writing);
    let bytes = typst_pdf::pdf(&document, &PdfOptions::default()).map_err(|errors| {
        BookletError::Typst(errors.iter().map(|e| e.message.as_str()).collect::<Vec<_>>().join("; "))
    })?;
    // typst memoises across compilations; a server typesets rarely, so keep nothing.
    typst::comemo::evict(0);
    Ok(bytes)
}
