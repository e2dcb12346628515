//! The index: one document per answer, kept in a directory (beside the SQLite file, or per
//! process on PostgreSQL) or in memory (tests). What goes in is the caller's choice of text; the
//! index decides nothing about who may read it — the caller filters by what it put in (the
//! `scope` of each answer: public, or an edition's jury) and the web's rules decide the rest.

use std::path::Path;
use std::sync::Mutex;

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, RangeQuery, TermQuery};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, STRING, Schema, TextFieldIndexing, TextOptions, Value,
};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, TantivyDocument, Term};

use crate::query::{self, Fields, Parsed};
use crate::{analyzer, snippet};

/// The writer's memory budget: enough for a whole reindex in one go.
const WRITER_BYTES: usize = 64 * 1024 * 1024;
/// At most this many answers are ranked for one search; the best, grouped by entry, are shown.
const MAX_ANSWERS: usize = 2_000;
/// An entry shows the passages of its best answers only; its other matching answers are named
/// by their question (their stored text is not read).
pub const PASSAGES_PER_ENTRY: usize = 1;

/// One answer as indexed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnswerDoc {
    /// Who may find it: "public", or a name the caller gives a closed circle ("jury:award/year").
    pub scope: String,
    pub award: String,
    pub year: u16,
    /// The entry's municipality code (the first member's for a joint entry).
    pub code: String,
    pub entry_name: String,
    /// The county's two-digit code.
    pub county: String,
    /// The question's position in its questionnaire (1-based) and its text.
    pub question: u16,
    pub question_text: String,
    /// The entry's kind (municipality, joint, …).
    pub kind: String,
    pub text: String,
    /// From when it may be found (unix seconds): a booklet version or open data published at a
    /// set time is public from that second, not from the write. 0 for always.
    pub visible_from: i64,
    /// Until when (unix seconds, not included): a booklet version is the public text until
    /// the next version's time. `i64::MAX` for ever.
    pub visible_until: i64,
    /// Where the reader opens the entry this answer belongs to (the booklet's chapter, the
    /// jury's entry page…).
    pub href: String,
}

/// What a search is limited to; empty means everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filters {
    /// The scopes the reader may search (the caller's policy decides them).
    pub scopes: Vec<String>,
    pub award: Option<String>,
    pub years: Vec<u16>,
    pub counties: Vec<String>,
    pub questions: Vec<u16>,
    pub kinds: Vec<String>,
    /// The moment of the search (unix seconds): answers visible only later are not found.
    pub now: i64,
    /// Entries (scope, award, year, code) the reader may not open, though their scope is
    /// searched: a juror's conflicts.
    pub exclude: Vec<(String, String, u16, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    #[default]
    Relevance,
    /// Newest edition first, by relevance within.
    Year,
}

/// One entry's answers that matched, best first.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryHit {
    /// The circle it was found in.
    pub scope: String,
    pub award: String,
    pub year: u16,
    pub code: String,
    pub entry_name: String,
    pub county: String,
    pub kind: String,
    pub href: String,
    /// The best answer's score.
    pub score: f32,
    /// The best answers, with their passages.
    pub answers: Vec<AnswerHit>,
    /// The other questions whose answers matched too.
    pub also: Vec<u16>,
}

/// A search's hits and how many entries matched in all (the hits are the best of them).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Found {
    pub hits: Vec<EntryHit>,
    pub entries: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AnswerHit {
    pub question: u16,
    pub question_text: String,
    /// The passage around the matches, as pieces: (text, matched?). Plain text, to be escaped
    /// by whoever renders it.
    pub snippet: Vec<(String, bool)>,
}

#[derive(Debug)]
pub struct SearchError(pub String);

impl std::fmt::Display for SearchError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the search index: {}", self.0)
    }
}

impl std::error::Error for SearchError {}

impl From<tantivy::TantivyError> for SearchError {
    fn from(e: tantivy::TantivyError) -> SearchError {
        SearchError(e.to_string())
    }
}

impl From<tantivy::directory::error::OpenDirectoryError> for SearchError {
    fn from(e: tantivy::directory::error::OpenDirectoryError) -> SearchError {
        SearchError(e.to_string())
    }
}

pub type Result<T> = std::result::Result<T, SearchError>;

struct Schemed {
    scope: Field,
    /// The entry (scope, award, year, code) as one number: an entry's answers are replaced by
    /// it, and a search groups its answers by it (a fast field) without reading stored text.
    entry_id: Field,
    /// The entry (award, year, code) whatever the circle: a reader who may search both circles
    /// of an edition sees its entry once.
    entry_key: Field,
    award: Field,
    year: Field,
    code: Field,
    entry_name: Field,
    county: Field,
    question: Field,
    question_text: Field,
    kind: Field,
    visible_from: Field,
    visible_until: Field,
    href: Field,
    stemmed: Field,
    words: Field,
    text: Field,
}

/// An entry's answers found by a search, before their text is read.
struct Group {
    /// The circle of its best answer: only its answers are shown.
    circle: u64,
    year: u64,
    score: f32,
    answers: Vec<(tantivy::DocAddress, u64)>,
}

/// An entry's number: a stable hash of (scope, award, year, code) — FNV-1a, the same in every
/// process and build. Two entries sharing one is a 1 in 10^13 chance at a few thousand entries.
fn entry_id(scope: &str, award: &str, year: u16, code: &str) -> u64 {
    let key = format!("{scope}|{award}|{year}|{code}");
    key.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

fn schema() -> (Schema, Schemed) {
    let mut b = Schema::builder();
    let positions = |name: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(name)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
    };
    let fields = Schemed {
        scope: b.add_text_field("scope", STRING | STORED),
        entry_id: b.add_u64_field("entry_id", INDEXED | FAST),
        entry_key: b.add_u64_field("entry_key", FAST),
        award: b.add_text_field("award", STRING | STORED),
        year: b.add_u64_field("year", INDEXED | STORED | FAST),
        code: b.add_text_field("code", STRING | STORED),
        entry_name: b.add_text_field("entry_name", STORED),
        county: b.add_text_field("county", STRING | STORED),
        question: b.add_u64_field("question", INDEXED | STORED | FAST),
        question_text: b.add_text_field("question_text", STORED),
        kind: b.add_text_field("kind", STRING | STORED),
        visible_from: b.add_u64_field("visible_from", INDEXED | FAST),
        visible_until: b.add_u64_field("visible_until", INDEXED | FAST),
        href: b.add_text_field("href", STORED),
        stemmed: b.add_text_field("stemmed", positions(analyzer::STEMMED)),
        words: b.add_text_field("words", positions(analyzer::WORDS)),
        text: b.add_text_field("text", STORED),
    };
    (b.build(), fields)
}

pub struct SearchIndex {
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    f: Schemed,
}

impl SearchIndex {
    /// The index in `dir`, made there if it is not (or not one of this schema).
    pub fn open_in(dir: &Path) -> Result<SearchIndex> {
        std::fs::create_dir_all(dir).map_err(|e| SearchError(format!("{}: {e}", dir.display())))?;
        let (schema, _) = schema();
        let directory = tantivy::directory::MmapDirectory::open(dir)?;
        let index = match Index::open_or_create(directory, schema.clone()) {
            Ok(index) => index,
            Err(_) => {
                // Another schema (an older juryn): the index is a cache, made again.
                std::fs::remove_dir_all(dir).map_err(|e| SearchError(e.to_string()))?;
                std::fs::create_dir_all(dir).map_err(|e| SearchError(e.to_string()))?;
                Index::create_in_dir(dir, schema)?
            }
        };
        Self::with(index)
    }

    /// An index in memory.
    pub fn in_memory() -> Result<SearchIndex> {
        Self::with(Index::create_in_ram(schema().0))
    }

    fn with(index: Index) -> Result<SearchIndex> {
        analyzer::register(&index);
        let writer = index.writer(WRITER_BYTES)?;
        let reader = index.reader_builder().reload_policy(ReloadPolicy::Manual).try_into()?;
        Ok(SearchIndex { reader, writer: Mutex::new(writer), f: schema().1 })
    }

    /// Puts an entry's answers in the index in place of what it had for that entry and scope
    /// (none: the entry is taken out, as on an erasure), searchable when this returns.
    pub fn replace_entry(
        &self,
        scope: &str,
        (award, year, code): (&str, u16, &str),
        answers: &[AnswerDoc],
    ) -> Result<()> {
        self.replace_entries([(scope, (award, year, code), answers)])
    }

    /// Puts several entries' answers in place of what they had (none: taken out), in one
    /// commit, searchable when this returns.
    pub fn replace_entries<'a>(
        &self,
        entries: impl IntoIterator<Item = (&'a str, (&'a str, u16, &'a str), &'a [AnswerDoc])>,
    ) -> Result<()> {
        let mut writer = self.writer.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        for (scope, (award, year, code), answers) in entries {
            writer.delete_term(Term::from_field_u64(self.f.entry_id, entry_id(scope, award, year, code)));
            for a in answers {
                writer.add_document(self.document(a))?;
            }
        }
        writer.commit()?;
        drop(writer);
        self.reader.reload()?;
        Ok(())
    }

    /// Empties the index and fills it with `answers` (a reindex), in one commit.
    pub fn rebuild(&self, answers: impl IntoIterator<Item = AnswerDoc>) -> Result<usize> {
        let mut writer = self.writer.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        writer.delete_all_documents()?;
        let mut count = 0;
        for a in answers {
            writer.add_document(self.document(&a))?;
            count += 1;
        }
        writer.commit()?;
        drop(writer);
        self.reader.reload()?;
        Ok(count)
    }

    fn document(&self, a: &AnswerDoc) -> TantivyDocument {
        let f = &self.f;
        let mut d = TantivyDocument::default();
        d.add_text(f.scope, &a.scope);
        d.add_u64(f.entry_id, entry_id(&a.scope, &a.award, a.year, &a.code));
        d.add_u64(f.entry_key, entry_id("", &a.award, a.year, &a.code));
        d.add_text(f.award, &a.award);
        d.add_u64(f.year, u64::from(a.year));
        d.add_text(f.code, &a.code);
        d.add_text(f.entry_name, &a.entry_name);
        d.add_text(f.county, &a.county);
        d.add_u64(f.question, u64::from(a.question));
        d.add_text(f.question_text, &a.question_text);
        d.add_text(f.kind, &a.kind);
        d.add_u64(f.visible_from, u64::try_from(a.visible_from).unwrap_or(0));
        d.add_u64(f.visible_until, u64::try_from(a.visible_until).unwrap_or(0));
        d.add_text(f.href, &a.href);
        // The entry's name is searched with every answer ("Lidingö" finds Lidingö's entry),
        // though the passage shown is the answer's own.
        let searched = format!("{}\n{}", a.entry_name, a.text);
        d.add_text(f.stemmed, &searched);
        d.add_text(f.words, &searched);
        d.add_text(f.text, &a.text);
        d
    }

    /// The entries whose answers match `text` within `filters`, grouped by entry, best (or
    /// newest) first, at most `limit` entries. A query with nothing to search for finds nothing.
    pub fn search(&self, text: &str, filters: &Filters, order: Order, limit: usize) -> Result<Vec<EntryHit>> {
        Ok(self.find(text, filters, order, 0..limit)?.hits)
    }

    /// The entries whose answers match `text` within `filters`, grouped by entry (once, whatever
    /// the circles searched), best (or newest) first, those at the places `shown` (a page of
    /// them); and how many entries matched in all. Text is read only for the entries shown. A
    /// query with nothing to search for finds nothing.
    pub fn find(
        &self,
        text: &str,
        filters: &Filters,
        order: Order,
        shown: std::ops::Range<usize>,
    ) -> Result<Found> {
        let parsed = query::parse(text);
        if parsed.is_empty() || filters.scopes.is_empty() {
            return Ok(Found::default());
        }
        let query = self.filtered(&parsed, filters);
        let searcher = self.reader.searcher();
        let (top, entries) =
            searcher.search(&query, &(TopDocs::with_limit(MAX_ANSWERS).order_by_score(), EntryKeys))?;
        // Grouped by entry from the fast fields (best answer first); text is read only for the
        // entries shown.
        let mut columns: std::collections::HashMap<u32, [tantivy::columnar::Column<u64>; 4]> =
            std::collections::HashMap::new();
        let mut groups: Vec<Group> = Vec::new();
        let mut at: std::collections::HashMap<u64, usize> = std::collections::HashMap::new();
        for (score, address) in top {
            let fast = match columns.entry(address.segment_ord) {
                std::collections::hash_map::Entry::Occupied(o) => o.into_mut(),
                std::collections::hash_map::Entry::Vacant(v) => {
                    let fast = searcher.segment_reader(address.segment_ord).fast_fields();
                    v.insert([
                        fast.u64("entry_key")?,
                        fast.u64("entry_id")?,
                        fast.u64("year")?,
                        fast.u64("question")?,
                    ])
                }
            };
            let [key, circle, year, question] =
                [0, 1, 2, 3].map(|i| fast[i].first(address.doc_id).unwrap_or_default());
            match at.get(&key) {
                Some(&i) => {
                    let g = &mut groups[i];
                    if g.circle == circle {
                        g.answers.push((address, question));
                    }
                }
                None => {
                    at.insert(key, groups.len());
                    groups.push(Group { circle, year, score, answers: vec![(address, question)] });
                }
            }
        }
        if order == Order::Year {
            // Stable: relevance within a year stays.
            groups.sort_by_key(|g| std::cmp::Reverse(g.year));
        }
        groups.truncate(shown.end);
        let hits = groups
            .into_iter()
            .skip(shown.start)
            .map(|g| self.hit(&searcher, &parsed, g))
            .collect::<Result<Vec<_>>>()?;
        Ok(Found { hits, entries })
    }

    /// An entry's hit: its best answers' stored fields and passages, the others by question.
    fn hit(&self, searcher: &tantivy::Searcher, parsed: &Parsed, group: Group) -> Result<EntryHit> {
        let mut hit: Option<EntryHit> = None;
        let mut also: Vec<u16> =
            group.answers.iter().skip(PASSAGES_PER_ENTRY).map(|(_, q)| *q as u16).collect();
        for (address, _) in group.answers.into_iter().take(PASSAGES_PER_ENTRY) {
            let doc: TantivyDocument = searcher.doc(address)?;
            let text =
                |field: Field| doc.get_first(field).and_then(|v| v.as_str()).unwrap_or_default().to_owned();
            let number = |field: Field| doc.get_first(field).and_then(|v| v.as_u64()).unwrap_or_default();
            let answer = AnswerHit {
                question: number(self.f.question) as u16,
                question_text: text(self.f.question_text),
                snippet: snippet::around(&text(self.f.text), parsed),
            };
            match &mut hit {
                Some(h) => h.answers.push(answer),
                None => {
                    hit = Some(EntryHit {
                        scope: text(self.f.scope),
                        award: text(self.f.award),
                        year: number(self.f.year) as u16,
                        code: text(self.f.code),
                        entry_name: text(self.f.entry_name),
                        county: text(self.f.county),
                        kind: text(self.f.kind),
                        href: text(self.f.href),
                        score: group.score,
                        answers: vec![answer],
                        also: Vec::new(),
                    });
                }
            }
        }
        let mut hit = hit.ok_or_else(|| SearchError("an entry with no answer".to_owned()))?;
        hit.answers.sort_by_key(|a| a.question);
        also.sort_unstable();
        also.dedup();
        hit.also = also;
        Ok(hit)
    }

    fn filtered(&self, parsed: &Parsed, filters: &Filters) -> BooleanQuery {
        let f = &self.f;
        let mut parts: Vec<(Occur, Box<dyn Query>)> =
            vec![(Occur::Must, query::build(parsed, Fields { stemmed: f.stemmed, words: f.words }))];
        // A filter narrows and never scores: a rarer circle or year must not rank higher.
        let any_of = |terms: Vec<Term>| -> Box<dyn Query> {
            unscored(BooleanQuery::new(
                terms
                    .into_iter()
                    .map(|t| {
                        (
                            Occur::Should,
                            Box::new(TermQuery::new(t, IndexRecordOption::Basic)) as Box<dyn Query>,
                        )
                    })
                    .collect(),
            ))
        };
        let texts = |field: Field, values: &[String]| {
            values.iter().map(|v| Term::from_field_text(field, v)).collect()
        };
        let numbers = |field: Field, values: &[u16]| {
            values.iter().map(|v| Term::from_field_u64(field, u64::from(*v))).collect()
        };
        parts.push((Occur::Must, any_of(texts(f.scope, &filters.scopes))));
        let now = Term::from_field_u64(f.visible_from, u64::try_from(filters.now).unwrap_or(0));
        parts.push((
            Occur::Must,
            unscored(RangeQuery::new(std::ops::Bound::Unbounded, std::ops::Bound::Included(now))),
        ));
        let now = Term::from_field_u64(f.visible_until, u64::try_from(filters.now).unwrap_or(0));
        parts.push((
            Occur::Must,
            unscored(RangeQuery::new(std::ops::Bound::Excluded(now), std::ops::Bound::Unbounded)),
        ));
        for (scope, award, year, code) in &filters.exclude {
            let id = Term::from_field_u64(f.entry_id, entry_id(scope, award, *year, code));
            parts.push((Occur::MustNot, Box::new(TermQuery::new(id, IndexRecordOption::Basic))));
        }
        if let Some(award) = &filters.award {
            parts.push((Occur::Must, any_of(vec![Term::from_field_text(f.award, award)])));
        }
        for (field, values) in [(f.county, &filters.counties), (f.kind, &filters.kinds)] {
            if !values.is_empty() {
                parts.push((Occur::Must, any_of(texts(field, values))));
            }
        }
        for (field, values) in [(f.year, &filters.years), (f.question, &filters.questions)] {
            if !values.is_empty() {
                parts.push((Occur::Must, any_of(numbers(field, values))));
            }
        }
        BooleanQuery::new(parts)
    }

    /// How many answers the index holds.
    pub fn answers(&self) -> u64 {
        self.reader.searcher().num_docs()
    }
}

/// A filter's part of a query: it matches or not, and adds nothing to the score.
fn unscored(query: impl Query + 'static) -> Box<dyn Query> {
    Box::new(tantivy::query::ConstScoreQuery::new(Box::new(query), 0.0))
}

/// Counts the distinct entries (whatever the circle) among all matching answers, from the fast
/// field: no text is read.
struct EntryKeys;

struct SegmentEntryKeys {
    keys: tantivy::columnar::Column<u64>,
    seen: std::collections::HashSet<u64>,
}

impl tantivy::collector::Collector for EntryKeys {
    type Fruit = usize;
    type Child = SegmentEntryKeys;

    fn for_segment(
        &self,
        _segment: tantivy::SegmentOrdinal,
        reader: &tantivy::SegmentReader,
    ) -> tantivy::Result<SegmentEntryKeys> {
        Ok(SegmentEntryKeys { keys: reader.fast_fields().u64("entry_key")?, seen: Default::default() })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<std::collections::HashSet<u64>>) -> tantivy::Result<usize> {
        let mut all = std::collections::HashSet::new();
        for f in fruits {
            all.extend(f);
        }
        Ok(all.len())
    }
}

impl tantivy::collector::SegmentCollector for SegmentEntryKeys {
    type Fruit = std::collections::HashSet<u64>;

    fn collect(&mut self, doc: tantivy::DocId, _score: tantivy::Score) {
        if let Some(key) = self.keys.first(doc) {
            self.seen.insert(key);
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.seen
    }
}
