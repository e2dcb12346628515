//! What the search index holds, built from the store, and keeping it so.
//!
//! Two circles per edition:
//! - **public**: only text the public pages show. Each booklet version's content as it was
//!   published (its chapters), from its publication second until the next version's; before
//!   the first version, the open data's entries from their publication time. Nothing else —
//!   not a draft, not a submitted entry whose municipality has not consented.
//! - **jury** (`jury:{award}/{year}`): every submitted entry's answers as they stand. Who of the
//!   jury and the organisers may find which of them is `search_query`'s (the rules, per entry).
//!
//! A pass reads everything and writes only the entries whose documents changed (a hash per
//! entry and circle). It runs after every move of the data generation (in the background) and
//! before a search that finds the index behind (so a reader sees their own write).

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use juryn_domain::questionnaire::{Question, QuestionKind};
use juryn_domain::{Answer, Registry, Slug};
use juryn_publish::booklet::{Block, Booklet};
use juryn_search::AnswerDoc;
use juryn_store::Store;

use crate::app::AppState;
use crate::search_index::{EntryFacts, EntryKey, Submitted};

pub const PUBLIC: &str = "public";
/// The entry kinds, as the filter names them.
pub const KIND_MUNICIPALITY: &str = "kommun";
pub const KIND_JOINT: &str = "samverkan";

/// The closed circle of an edition's jury and organisers.
pub fn jury_scope(award: &str, year: i16) -> String {
    format!("jury:{award}/{year}")
}

/// Every entry's documents, by entry and circle.
pub type Docs = HashMap<EntryKey, Vec<AnswerDoc>>;

/// What a pass read: the documents, and each submitted entry's answers with its questions'
/// kinds (for the pulse's facts).
#[derive(Default)]
pub struct Collected {
    pub docs: Docs,
    /// Editions not read again (their sources had not moved): what the index holds of them
    /// stays.
    pub kept: std::collections::HashSet<(String, u16)>,
    /// Each edition's sources' hash, as read.
    pub editions: HashMap<(String, u16), u64>,
    pub submitted: Vec<SubmittedAnswers>,
}

/// What one edition's entries are, for the documents' fields.
struct EditionFacts<'a> {
    award: &'a str,
    year: i16,
    questions: Vec<Question>,
    joint: HashMap<String, String>,
}

impl EditionFacts<'_> {
    fn doc(&self, scope: &str, code: &str, question: usize, text: String) -> AnswerDoc {
        let registry = Registry::sweden();
        let m = registry.lookup(code);
        let joint = self.joint.get(code);
        AnswerDoc {
            scope: scope.to_owned(),
            award: self.award.to_owned(),
            year: self.year as u16,
            code: code.to_owned(),
            entry_name: joint.cloned().or_else(|| m.map(|m| m.name.clone())).unwrap_or_default(),
            county: m.map(|m| m.county_code.clone()).unwrap_or_default(),
            question: question as u16 + 1,
            question_text: self.questions.get(question).map(|q| q.prompt.sv.clone()).unwrap_or_default(),
            kind: if joint.is_some() { KIND_JOINT } else { KIND_MUNICIPALITY }.to_owned(),
            text,
            visible_from: 0,
            visible_until: i64::MAX,
            href: String::new(),
        }
    }

    /// The question a booklet section answers: by its prompt, else by its place.
    fn question_of(&self, prompt: &str, place: usize) -> usize {
        self.questions.iter().position(|q| q.prompt.sv == prompt).unwrap_or(place)
    }
}

/// A stored answer as searchable words: a text's plain words, a self-assessment's levels.
fn answer_text(q: &Question, stored: &str) -> String {
    match &q.kind {
        QuestionKind::LongText { .. } => juryn_domain::text::RichText::read(stored).plain(),
        QuestionKind::Maturity { .. } => match Answer::for_reader(&q.kind, stored) {
            answer @ Answer::Maturity(_) => answer
                .assessment(&q.kind)
                .iter()
                .map(|(indicator, level)| {
                    format!(
                        "{}: {}",
                        indicator.sv,
                        crate::answer_view::level_word(juryn_domain::Lang::Sv, *level)
                    )
                })
                .collect::<Vec<_>>()
                .join("\n"),
            _ => String::new(),
        },
        // Numbers and yes/no are not words to search.
        QuestionKind::Number { .. } | QuestionKind::YesNo => String::new(),
    }
}

/// A booklet section's blocks as plain text.
fn blocks_text(blocks: &[Block]) -> String {
    let spans = |s: &[juryn_publish::booklet::Span]| {
        s.iter().map(|s| s.text.replace('\u{200B}', "")).collect::<String>()
    };
    blocks
        .iter()
        .map(|b| match b {
            Block::Para { spans: s } => spans(s),
            Block::List { items, .. } => items.iter().map(|i| spans(i)).collect::<Vec<_>>().join("\n"),
            Block::Table { rows, .. } => {
                rows.iter().map(|[a, b]| format!("{a}: {b}")).collect::<Vec<_>>().join("\n")
            }
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn secs(t: jiff::Timestamp) -> i64 {
    t.as_second()
}

/// Every document of one edition, added to `out`.
async fn edition_docs(
    store: &dyn Store,
    (slug, year): (&Slug, i16),
    collected: &mut Collected,
) -> juryn_store::Result<()> {
    let out = &mut collected.docs;
    let award = slug.as_str();
    let facts = EditionFacts {
        award,
        year,
        questions: store.questions(slug, year).await?,
        joint: store
            .joint_entries(slug, year)
            .await?
            .into_iter()
            .map(|j| (j.lead().to_string(), j.name))
            .collect(),
    };
    let mut submitted = Vec::new();
    let mut add = |scope: &str, code: &str, doc: AnswerDoc| {
        if !doc.text.trim().is_empty() {
            out.entry((scope.to_owned(), award.to_owned(), year as u16, code.to_owned()))
                .or_default()
                .push(doc);
        }
    };
    // The jury's circle: every submitted entry as it stands.
    let jury = jury_scope(award, year);
    let entries = store.entries(slug, year).await?;
    let kinds: std::sync::Arc<Vec<QuestionKind>> =
        std::sync::Arc::new(facts.questions.iter().map(|q| q.kind.clone()).collect());
    for e in entries.into_iter().filter(|e| e.status == juryn_domain::EntryStatus::Submitted) {
        let code = e.municipality.to_string();
        for (i, q) in facts.questions.iter().enumerate() {
            let text = answer_text(q, e.answers.get(i).map_or("", String::as_str));
            let doc = AnswerDoc {
                href: format!("/jury/{award}/{year}/bidrag/{code}"),
                ..facts.doc(&jury, &code, i, text)
            };
            add(&jury, &code, doc);
        }
        submitted.push(((award.to_owned(), year as u16, code), kinds.clone(), e.answers));
    }
    // The public circle: each booklet version from its time to the next's.
    let mut versions = store.booklet_versions(slug, year).await?;
    versions.sort_by_key(|v| v.publish_at);
    let first_booklet = versions.first().map(|v| secs(v.publish_at));
    for (n, v) in versions.iter().enumerate() {
        let Some(data) = store.booklet_data(slug, year, v.version).await? else { continue };
        let booklet: Booklet = serde_json::from_str(&data).map_err(|e| {
            juryn_store::StoreError::Corrupt(format!("booklet {award}/{year} v{}: {e}", v.version))
        })?;
        let until = versions.get(n + 1).map_or(i64::MAX, |next| secs(next.publish_at));
        for c in &booklet.chapters {
            for (place, s) in c.sections.iter().enumerate() {
                let question = facts.question_of(&s.question, place);
                let doc = AnswerDoc {
                    question_text: s.question.clone(),
                    entry_name: c.municipality.clone(),
                    visible_from: secs(v.publish_at),
                    visible_until: until,
                    href: format!("/{award}/{year}/skrift/{}", c.code),
                    ..facts.doc(PUBLIC, &c.code, question, blocks_text(&s.answer))
                };
                add(PUBLIC, &c.code, doc);
            }
        }
    }
    // Before the first booklet, the open data (the consenting submitted entries), if published.
    if let (Some(_licence), Some(at)) = store.open_data(slug, year).await?
        && first_booklet.is_none_or(|b| secs(at) < b)
    {
        let publishable = crate::publication::publishable(store, (slug, year)).await?;
        for e in &publishable.entries {
            let code = e.municipality.to_string();
            for (i, q) in facts.questions.iter().enumerate() {
                let text = answer_text(q, e.answers.get(i).map_or("", String::as_str));
                let doc = AnswerDoc {
                    visible_from: secs(at),
                    visible_until: first_booklet.unwrap_or(i64::MAX),
                    href: format!("/kommuner/{code}"),
                    ..facts.doc(PUBLIC, &code, i, text)
                };
                add(PUBLIC, &code, doc);
            }
        }
    }
    collected.submitted.extend(submitted);
    Ok(())
}

/// A hash of what an edition's documents are made from, read cheaply (no answer's text).
async fn edition_stamp(store: &dyn Store, (slug, year): (&Slug, i16)) -> juryn_store::Result<u64> {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    store.entry_stamps(slug, year).await?.hash(&mut h);
    serde_json::to_string(&store.questions(slug, year).await?).unwrap_or_default().hash(&mut h);
    for j in store.joint_entries(slug, year).await? {
        (&j.name, j.members.iter().map(ToString::to_string).collect::<Vec<_>>()).hash(&mut h);
    }
    for v in store.booklet_versions(slug, year).await? {
        (v.version, &v.sha256, v.publish_at.as_second()).hash(&mut h);
    }
    let (licence, at) = store.open_data(slug, year).await?;
    (licence.map(|l| l.spdx()), at.map(|t| t.as_second())).hash(&mut h);
    Ok(h.finish())
}

/// The documents of the editions whose sources moved since `known` (every edition when
/// `known` is None, as on a process's first pass); the others are kept as the index has them.
async fn moved_docs(
    store: &dyn Store,
    known: Option<&HashMap<(String, u16), u64>>,
) -> juryn_store::Result<Collected> {
    let mut out = Collected::default();
    for award in store.awards().await? {
        for edition in store.editions(&award.slug).await? {
            let key = (award.slug.to_string(), edition.year as u16);
            let stamp = edition_stamp(store, (&award.slug, edition.year)).await?;
            out.editions.insert(key.clone(), stamp);
            if known.and_then(|k| k.get(&key)) == Some(&stamp) {
                out.kept.insert(key);
            } else {
                edition_docs(store, (&award.slug, edition.year), &mut out).await?;
            }
        }
    }
    Ok(out)
}

fn stamp(docs: &[AnswerDoc]) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for d in docs {
        (&d.entry_name, &d.county, d.question, &d.question_text, &d.kind, &d.text).hash(&mut h);
        (d.visible_from, d.visible_until, &d.href).hash(&mut h);
    }
    h.finish()
}

#[derive(Debug)]
pub enum SyncError {
    Store(juryn_store::StoreError),
    Index(juryn_search::SearchError),
}

impl std::fmt::Display for SyncError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SyncError::Store(e) => e.fmt(f),
            SyncError::Index(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for SyncError {}

impl From<juryn_store::StoreError> for SyncError {
    fn from(e: juryn_store::StoreError) -> SyncError {
        SyncError::Store(e)
    }
}

impl From<juryn_search::SearchError> for SyncError {
    fn from(e: juryn_search::SearchError) -> SyncError {
        SyncError::Index(e)
    }
}

/// Brings the index up to the data as they are (one pass at a time): the entries whose
/// documents changed are replaced, those gone are taken out. The first pass of a process
/// rebuilds the index whole. Returns the entries written.
pub async fn bring_up_to_date(app: &AppState) -> Result<usize, SyncError> {
    let search = &app.search;
    let _turn = search.pass.lock().await;
    // The generation is read before the data: a write during the pass leaves the index behind
    // it, and the next pass follows.
    let generation = app.store.generation().await?;
    if search.synced() >= generation {
        return Ok(0);
    }
    let known = (search.synced() >= 0)
        .then(|| search.editions.lock().unwrap_or_else(std::sync::PoisonError::into_inner).clone());
    let docs = moved_docs(&*app.store, known.as_ref()).await?;
    // The index's writes are blocking work (a whole rebuild takes a while): off the async
    // workers.
    let shared = app.search.clone();
    let written = tokio::task::spawn_blocking(move || write(&shared, docs))
        .await
        .map_err(|e| SyncError::Index(juryn_search::SearchError(e.to_string())))??;
    search.set_synced(generation);
    Ok(written)
}

/// Brings the index up first if it is behind the data generation this process has read (a
/// reader sees what was written before they asked); a failure is logged and the index is used
/// as it is.
pub async fn catch_up(app: &AppState) {
    if app.search.synced() < app.cache.generation()
        && let Err(e) = bring_up_to_date(app).await
    {
        tracing::warn!("bringing the search index up to date failed: {e}");
    }
}

/// An entry's facts for the pulse, from its answers.
fn entry_facts(kinds: &[QuestionKind], answers: &[String]) -> EntryFacts {
    let mut facts = EntryFacts::default();
    for (i, kind) in kinds.iter().enumerate() {
        let stored = answers.get(i).map_or("", String::as_str);
        let (terms, levels) = match kind {
            QuestionKind::LongText { .. } => {
                (juryn_search::terms::count(&juryn_domain::text::RichText::read(stored).plain()), None)
            }
            QuestionKind::Maturity { .. } => match Answer::for_reader(kind, stored) {
                Answer::Maturity(levels) => (HashMap::new(), Some(levels)),
                _ => (HashMap::new(), None),
            },
            QuestionKind::Number { .. } | QuestionKind::YesNo => (HashMap::new(), None),
        };
        facts.terms.push(terms);
        facts.levels.push(levels);
    }
    facts
}

/// The submitted entries' facts: those whose answers changed made again, the rest kept.
type SubmittedAnswers = (Submitted, std::sync::Arc<Vec<QuestionKind>>, Vec<String>);

fn keep_facts(
    search: &crate::search_index::Search,
    (submitted, kept): (&[SubmittedAnswers], &std::collections::HashSet<(String, u16)>),
    changed: &std::collections::HashSet<Submitted>,
) {
    let mut facts = search.facts.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let mut next = HashMap::with_capacity(submitted.len());
    // The editions not read again keep their facts.
    next.extend(
        facts
            .iter()
            .filter(|((a, y, _), _)| kept.contains(&(a.clone(), *y)))
            .map(|(k, v)| (k.clone(), v.clone())),
    );
    for (key, kinds, answers) in submitted {
        let made = match facts.remove(key) {
            Some(kept) if !changed.contains(key) => kept,
            _ => std::sync::Arc::new(entry_facts(kinds, answers)),
        };
        next.insert(key.clone(), made);
    }
    *facts = next;
}

/// Writes what changed since the last pass (everything, the first time) and keeps the stamps.
fn write(search: &crate::search_index::Search, collected: Collected) -> Result<usize, SyncError> {
    let Collected { docs, submitted, kept, editions } = collected;
    let mut stamps = search.stamps.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let mut now: HashMap<EntryKey, u64> = docs.iter().map(|(k, d)| (k.clone(), stamp(d))).collect();
    // What the index holds of the editions not read again stays as it is.
    now.extend(
        stamps
            .iter()
            .filter(|((_, a, y, _), _)| kept.contains(&(a.clone(), *y)))
            .map(|(k, v)| (k.clone(), *v)),
    );
    let written = if search.synced() < 0 {
        keep_facts(search, (&submitted, &kept), &submitted.iter().map(|(k, ..)| k.clone()).collect());
        let count = docs.len();
        search.index.rebuild(docs.into_values().flatten())?;
        count
    } else {
        let mut changed: Vec<(EntryKey, Vec<AnswerDoc>)> =
            docs.into_iter().filter(|(k, _)| stamps.get(k) != now.get(k)).collect();
        changed.extend(stamps.keys().filter(|k| !now.contains_key(*k)).map(|k| (k.clone(), Vec::new())));
        let jury_changed = changed
            .iter()
            .filter(|((s, ..), _)| s.starts_with("jury:"))
            .map(|((_, a, y, c), _)| (a.clone(), *y, c.clone()))
            .collect();
        keep_facts(search, (&submitted, &kept), &jury_changed);
        if !changed.is_empty() {
            search.index.replace_entries(
                changed
                    .iter()
                    .map(|((s, a, y, c), d)| (s.as_str(), (a.as_str(), *y, c.as_str()), d.as_slice())),
            )?;
        }
        changed.len()
    };
    *stamps = now;
    *search.editions.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = editions;
    Ok(written)
}

/// Background passes start at least this far apart: under a run of writes (a jury saving its
/// reviews) the pass, which reads every edition, takes at most part of a core, and a
/// submission is still found within a second (the gap and a pass: 0.5 s and 0.25 s at the
/// size of a real award).
const PASS_GAP: std::time::Duration = std::time::Duration::from_millis(500);

/// After a write: the index follows in the background (one pass at a time, again if more came,
/// the passes at least `PASS_GAP` apart).
pub fn refresh_in_background(app: &AppState) {
    if !app.search.begin_background() {
        return;
    }
    let app = app.clone();
    tokio::spawn(async move {
        let mut last: Option<std::time::Instant> = None;
        loop {
            if let Some(wait) = last.map(|t| PASS_GAP.saturating_sub(t.elapsed())).filter(|w| !w.is_zero()) {
                tokio::time::sleep(wait).await;
            }
            last = Some(std::time::Instant::now());
            if let Err(e) = bring_up_to_date(&app).await {
                tracing::warn!("bringing the search index up to date failed: {e}");
            }
            if !app.search.end_background() {
                break;
            }
        }
    });
}

/// Makes the index in `dir` again from the store (`juryn search reindex`): how many entries and
/// answers it holds after.
pub async fn reindex(store: &dyn Store, dir: &std::path::Path) -> Result<(usize, u64), SyncError> {
    let docs = moved_docs(store, None).await?.docs;
    let dir = dir.to_owned();
    tokio::task::spawn_blocking(move || {
        let index = juryn_search::SearchIndex::open_in(&dir)?;
        let entries = docs.len();
        index.rebuild(docs.into_values().flatten())?;
        Ok((entries, index.answers()))
    })
    .await
    .map_err(|e| SyncError::Index(juryn_search::SearchError(e.to_string())))?
}
