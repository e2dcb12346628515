//! Typesetting the booklet. The chapters are laid out each on its own (in parallel, one typst
//! compilation per chapter, its caches dropped as it goes), then the front matter — whose
//! contents now know every chapter's length — and then the furniture (running heads and page
//! numbers) for every page; the pages are put together and written as one tagged PDF
//! (PDF/UA-1 when the text allows). One
//! compilation of a 1,200-page booklet would hold every page's layout caches at once and lay it
//! all out twice (the contents' page numbers need a second pass).

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use ecow::EcoVec;
use serde_json::{Value, json};
use typst::foundations::Bytes;
use typst::layout::{Frame, FrameItem, GroupItem, Point};
use typst_layout::{Page, PagedDocument};
use typst_pdf::PdfOptions;

use super::world::{Files, file_id, typeset};
use super::{Booklet, CoverProblem, FOREWORD_MAX_WORDS, blocks_word_count, check_cover};

const FRONT: &str = include_str!("typst/front.typ");
const CHAPTER: &str = include_str!("typst/chapter.typ");
const FURNITURE: &str = include_str!("typst/furniture.typ");

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
    /// typst refused the document: a bug in the templates, not the user's doing.
    #[error("typesetting failed: {0}")]
    Typst(String),
}

/// Where typesetting has got to, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// `done` of `of` chapters are laid out.
    Chapters { done: usize, of: usize },
    /// The cover, contents, foreword and map, and the running heads and page numbers.
    Front,
    /// Writing the PDF file (fonts, tags, bookmarks).
    Writing,
}

/// The fields every part reads (common.typ).
fn shared(booklet: &Booklet) -> serde_json::Map<String, Value> {
    let mut m = serde_json::Map::new();
    m.insert("title".into(), json!(booklet.title));
    m.insert("organiser".into(), json!(booklet.organiser));
    m.insert("words".into(), serde_json::to_value(&booklet.words).expect("plain data"));
    m
}

fn bytes(value: serde_json::Map<String, Value>) -> Vec<u8> {
    serde_json::to_vec(&Value::Object(value)).expect("plain data")
}

/// How many compilations run at once: the machine's cores, at most four (each holds one
/// chapter's caches).
fn workers() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get().min(4))
}

/// Lays out every chapter, in order, `workers()` at a time.
fn chapters(booklet: &Booklet, progress: &mut dyn FnMut(Stage)) -> Result<Vec<PagedDocument>, BookletError> {
    let of = booklet.chapters.len();
    let next = AtomicUsize::new(0);
    let done: Mutex<Vec<Option<PagedDocument>>> = Mutex::new((0..of).map(|_| None).collect());
    let failed: Mutex<Option<String>> = Mutex::new(None);
    let (tx, rx) = mpsc::channel::<()>();
    std::thread::scope(|scope| {
        for _ in 0..workers().min(of) {
            let tx = tx.clone();
            let (next, done, failed) = (&next, &done, &failed);
            scope.spawn(move || {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    if i >= of || failed.lock().expect("not poisoned").is_some() {
                        break;
                    }
                    let mut data = shared(booklet);
                    data.insert(
                        "chapter".into(),
                        serde_json::to_value(&booklet.chapters[i]).expect("plain data"),
                    );
                    match typeset(&format!("/kapitel-{i}.typ"), CHAPTER, bytes(data), &Files::default()) {
                        Ok(doc) => done.lock().expect("not poisoned")[i] = Some(doc),
                        Err(e) => *failed.lock().expect("not poisoned") = Some(e),
                    }
                    // Keep what later chapters reuse (fonts, shaping), drop the rest.
                    typst::comemo::evict(4);
                    let _ = tx.send(());
                }
            });
        }
        drop(tx);
        for (n, ()) in rx.iter().enumerate() {
            progress(Stage::Chapters { done: n + 1, of });
        }
    });
    if let Some(e) = failed.into_inner().expect("not poisoned") {
        return Err(BookletError::Typst(e));
    }
    Ok(done
        .into_inner()
        .expect("not poisoned")
        .into_iter()
        .map(|d| d.expect("every chapter laid out"))
        .collect())
}

/// A typeset booklet.
#[derive(Debug)]
pub struct Pdf {
    pub bytes: Vec<u8>,
    pub pages: usize,
}

/// The booklet as a tagged PDF with its title, author and language set.
pub fn pdf(booklet: &Booklet, progress: &mut dyn FnMut(Stage)) -> Result<Pdf, BookletError> {
    if booklet.chapters.is_empty() {
        return Err(BookletError::NoChapters);
    }
    let words = blocks_word_count(&booklet.foreword);
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
    progress(Stage::Chapters { done: 0, of: booklet.chapters.len() });
    let chapters = chapters(booklet, progress)?;

    // The front matter, with each chapter's first page counted from the front's end.
    progress(Stage::Front);
    let mut after = 1;
    let toc: Vec<Value> = booklet
        .chapters
        .iter()
        .zip(&chapters)
        .map(|(c, doc)| {
            let entry = json!({ "name": c.municipality, "after": after });
            after += doc.pages().len();
            entry
        })
        .collect();
    let mut data = shared(booklet);
    data.insert("award".into(), json!(booklet.award));
    data.insert("year".into(), json!(booklet.year));
    data.insert("foreword".into(), serde_json::to_value(&booklet.foreword).expect("plain data"));
    data.insert("toc".into(), Value::Array(toc));
    data.insert("map".into(), json!(!booklet.map_svg.is_empty()));
    data.insert("cover".into(), json!(cover.as_ref().map(|(id, _)| id.vpath().get_with_slash().to_owned())));
    let files = Files {
        map: (!booklet.map_svg.is_empty()).then(|| Bytes::from_string(booklet.map_svg.clone())),
        cover,
    };
    let front = typeset("/front.typ", FRONT, bytes(data), &files).map_err(BookletError::Typst)?;

    // Running heads on a chapter's later pages; numbers from the contents (page 3) on.
    let mut furniture = Vec::new();
    for _ in front.pages() {
        let number = furniture.len() + 1;
        furniture.push(json!({ "head": null, "number": (number >= 3).then_some(number) }));
    }
    for (c, doc) in booklet.chapters.iter().zip(&chapters) {
        for k in 0..doc.pages().len() {
            let number = furniture.len() + 1;
            furniture.push(json!({ "head": (k > 0).then_some(&c.municipality), "number": number }));
        }
    }
    let mut data = shared(booklet);
    data.insert("pages".into(), Value::Array(furniture));
    let furniture =
        typeset("/sidor.typ", FURNITURE, bytes(data), &Files::default()).map_err(BookletError::Typst)?;

    let mut pages: EcoVec<Page> = EcoVec::new();
    for (i, page) in front.pages().iter().chain(chapters.iter().flat_map(|d| d.pages())).enumerate() {
        let mut page = page.clone();
        if let Some(over) = furniture.pages().get(i) {
            // A new frame holding both as groups: changing the page's own frame would copy
            // every item on it (frames share their items until written to).
            let mut both = Frame::hard(page.frame.size());
            both.push(Point::zero(), FrameItem::Group(GroupItem::new(page.frame.clone())));
            both.push(Point::zero(), FrameItem::Group(GroupItem::new(over.frame.clone())));
            page.frame = both;
        }
        page.number = i as u64 + 1;
        pages.push(page);
    }
    drop(chapters);
    let count = pages.len();
    let document = PagedDocument::new(pages, typst::model::Document::info(&front).clone());
    progress(Stage::Writing);
    // PDF/UA-1 when it holds; it does not when a text has characters no shipped font covers
    // (CJK, most emoji), and then the booklet is still made — tagged, without the claim.
    let ua = PdfOptions {
        standards: typst_pdf::PdfStandards::new(&[typst_pdf::PdfStandard::Ua_1])
            .expect("PDF/UA-1 alone is valid"),
        ..PdfOptions::default()
    };
    let pdf = typst_pdf::pdf(&document, &ua)
        .or_else(|_| typst_pdf::pdf(&document, &PdfOptions::default()))
        .map_err(|errors| {
            BookletError::Typst(errors.iter().map(|e| e.message.as_str()).collect::<Vec<_>>().join("; "))
        });
    // typst memoises across compilations; a server typesets rarely, so keep nothing.
    typst::comemo::evict(0);
    pdf.map(|bytes| Pdf { bytes, pages: count })
}
