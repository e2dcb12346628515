//! A typst "world" for one part of the booklet: its only files are the part's source, the data
//! as JSON, the map and the cover, and its fonts are compiled into the binary — so the same
//! booklet comes out on every machine, with nothing read from disk or the network.

use std::sync::LazyLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

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

pub(super) fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("the booklet's paths are fixed and valid");
    FileId::new(RootedPath::new(VirtualRoot::Project, vpath))
}

/// The files one part reads besides its source.
#[derive(Clone, Default)]
pub(super) struct Files {
    pub map: Option<Bytes>,
    pub cover: Option<(FileId, Bytes)>,
}

struct PartWorld<'a> {
    main: Source,
    data: Bytes,
    files: &'a Files,
}

impl World for PartWorld<'_> {
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
            return self.files.map.clone().ok_or(FileError::AccessDenied);
        }
        match &self.files.cover {
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

const COMMON: &str = include_str!("typst/common.typ");

/// Typesets one part: `common.typ` followed by `part`, as the source file `path`. Each part has
/// a path of its own, so the locations typst gives its elements never collide with another
/// part's when the pages are put together.
pub(super) fn typeset(path: &str, part: &str, data: Vec<u8>, files: &Files) -> Result<PagedDocument, String> {
    let world = PartWorld {
        main: Source::new(file_id(path), format!("{COMMON}\n{part}")),
        data: Bytes::new(data),
        files,
    };
    typst::compile(&world)
        .output
        .map_err(|errors| errors.iter().map(|e| e.message.as_str()).collect::<Vec<_>>().join("; "))
}
