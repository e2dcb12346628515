//! The booklet of an edition's entries: what goes into it, drawn from the store
//! ([`source`]); publishing a version ([`publish`]); the organiser's page (`admin::booklet`)
//! and the public PDF and HTML booklet (`public::booklet`) build on these.

pub mod demo;

use std::collections::BTreeMap;

use juryn_domain::opendata::LeftOut;
use juryn_domain::{Lang, MunicipalityCode, Registry, Slug};
use juryn_publish::booklet::{Booklet, BookletError, Chapter, Pdf, Section, Stage, Words, blocks, pdf};
use juryn_store::{NewBookletVersion, Store};

use crate::i18n::{t, t_args};
use juryn_domain::municipality::name_of;

/// A booklet as it would be made now, and who is left out of it and why.
#[derive(Debug)]
pub struct Source {
    pub booklet: Booklet,
    pub left_out: Vec<(MunicipalityCode, LeftOut)>,
    /// SHA-256 of the content (and cover): equal for equal booklets.
    pub sha256: String,
}

/// The booklet's own words, in Swedish: the booklet is the entries' language.
fn words(count: usize, organiser: &str, year: i16, examples: bool) -> Words {
    let lang = Lang::Sv;
    let mut imprint =
        t_args(lang, "booklet-imprint", &[("organiser", organiser.to_owned()), ("year", year.to_string())]);
    if examples {
        imprint.push(' ');
        imprint.push_str(&t(lang, "booklet-examples"));
    }
    Words {
        contents: t(lang, "booklet-contents"),
        foreword: t(lang, "booklet-foreword"),
        map_heading: t(lang, "booklet-map-heading"),
        map_alt: t_args(lang, "booklet-map-alt", &[("count", count.to_string())]),
        map_credit: t(lang, "booklet-map-credit"),
        cover_alt: t(lang, "booklet-cover-alt"),
        no_answer: t(lang, "booklet-no-answer"),
        participants: t_args(lang, "booklet-participants", &[("count", count.to_string())]),
        imprint,
        lang: "sv".into(),
    }
}

/// An answer as the booklet's blocks, in Swedish: long text as its paragraphs and lists, a
/// self-assessment as a table of its indicators and the scale's words.
fn answer_blocks(
    q: &juryn_domain::questionnaire::Question,
    stored: &str,
) -> Vec<juryn_publish::booklet::Block> {
    use juryn_domain::Answer;
    use juryn_domain::questionnaire::QuestionKind;
    match (&q.kind, Answer::for_reader(&q.kind, stored)) {
        (QuestionKind::Maturity { .. }, Answer::Maturity(_)) => {
            let rows = crate::answer_view::assessment(Lang::Sv, q, stored)
                .into_iter()
                .map(|(i, w)| [i, w])
                .collect();
            let head = [t(Lang::Sv, "answer-indicator"), t(Lang::Sv, "answer-level")];
            vec![juryn_publish::booklet::Block::Table { head, rows }]
        }
        (_, Answer::Unanswered) => Vec::new(),
        (_, answer) => blocks(&crate::answer_view::text(Lang::Sv, q, &answer.stored())),
    }
}

/// The booklet's title: the organiser's, else one made from the award and year.
pub fn title_of(award: &juryn_domain::Award, year: i16, settings: &juryn_store::BookletSettings) -> String {
    if settings.title.trim().is_empty() {
        t_args(
            Lang::Sv,
            "booklet-default-title",
            &[("award", award.name.sv.clone()), ("year", year.to_string())],
        )
    } else {
        settings.title.clone()
    }
}

/// The booklet of the submitted entries whose municipality consented, in Swedish alphabetical
/// order, with the organiser's title, foreword and cover.
pub async fn source(store: &dyn Store, (slug, year): (&Slug, i16)) -> juryn_store::Result<Source> {
    let award = store.award(slug).await?.ok_or_else(|| juryn_store::StoreError::NoAward(slug.clone()))?;
    let settings = store.booklet_settings(slug, year).await?;
    let questions = store.questions(slug, year).await?;
    let publishable = crate::publication::publishable(store, (slug, year)).await?;
    let mut out = publishable.left_out;
    let registry = Registry::sweden();
    let mut chapters = Vec::new();
    let mut examples = false;
    let joint = store.joint_entries(slug, year).await?;
    for e in publishable.entries {
        examples |= e.is_example;
        // A joint entry is one chapter under its name, in its members' counties.
        let members = match juryn_domain::joint::entry_of(&joint, e.municipality) {
            Some(j) if j.lead() == e.municipality => j.members.clone(),
            _ => vec![e.municipality],
        };
        let mut counties: Vec<String> =
            members.iter().filter_map(|c| registry.get(*c)).map(|m| m.county_name.clone()).collect();
        counties.dedup();
        chapters.push(Chapter {
            code: e.municipality.to_string(),
            municipality: match juryn_domain::joint::entry_of(&joint, e.municipality) {
                Some(j) if j.lead() == e.municipality => j.name.clone(),
                _ => name_of(e.municipality),
            },
            county: counties.join(", "),
            sections: questions
                .iter()
                .enumerate()
                .map(|(i, q)| Section {
                    question: q.prompt.sv.clone(),
                    answer: answer_blocks(q, e.answers.get(i).map_or("", String::as_str)),
                })
                .collect(),
        });
    }
    chapters.sort_by_cached_key(|c| juryn_domain::juror::swedish_key(&c.municipality));
    out.sort_by_cached_key(|(c, _)| juryn_domain::juror::swedish_key(&name_of(*c)));
    let organiser = award.organiser.clone();
    let title = title_of(&award, year, &settings);
    let mut booklet = Booklet {
        title,
        award: award.name.sv.clone(),
        year,
        words: words(chapters.len(), &organiser, year, examples),
        organiser,
        foreword: blocks(&settings.foreword),
        chapters,
        map_svg: String::new(),
        cover: settings.cover,
    };
    booklet.map_svg = crate::map::sweden_for_print(&participant_marks(&booklet, &joint));
    let mut hashed = booklet.to_json();
    hashed.extend_from_slice(booklet.cover.as_deref().unwrap_or_default());
    let sha256 = juryn_domain::seal::sha256_hex(&hashed);
    Ok(Source { booklet, left_out: out, sha256 })
}

/// Why publishing failed.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error(transparent)]
    Booklet(#[from] BookletError),
    #[error(transparent)]
    Store(#[from] juryn_store::StoreError),
}

/// Typesets the booklet off the async workers.
pub async fn typeset(booklet: Booklet) -> Result<Pdf, BookletError> {
    tokio::task::spawn_blocking(move || pdf(&booklet, &mut |_: Stage| {}))
        .await
        .unwrap_or_else(|e| Err(BookletError::Typst(e.to_string())))
}

/// Makes the booklet from the entries as they stand and stores it as the next version, public
/// from `at`. Returns the version's number.
pub async fn publish(
    store: &dyn Store,
    (slug, year): (&Slug, i16),
    at: jiff::Timestamp,
    actor: &juryn_store::Stamp,
) -> Result<i32, PublishError> {
    let source = source(store, (slug, year)).await?;
    let data = String::from_utf8(source.booklet.to_json()).expect("JSON is UTF-8");
    let typeset = typeset(source.booklet).await?;
    let new = NewBookletVersion {
        pages: i32::try_from(typeset.pages).unwrap_or(i32::MAX),
        pdf: typeset.bytes,
        data,
        source_sha256: source.sha256,
        publish_at: at,
    };
    Ok(store.publish_booklet(slug, year, &new, actor).await?)
}

/// The booklet's municipalities, marked as participants on a map.
pub fn participant_marks(
    booklet: &Booklet,
    joint: &[juryn_domain::joint::JointEntry],
) -> BTreeMap<MunicipalityCode, crate::map::Mark> {
    booklet
        .chapters
        .iter()
        .filter_map(|c| MunicipalityCode::parse(&c.code).ok())
        // A joint entry's chapter marks every member.
        .flat_map(|c| {
            juryn_domain::joint::entry_of(joint, c)
                .filter(|j| j.lead() == c)
                .map_or(vec![c], |j| j.members.clone())
        })
        .map(|c| (c, crate::map::Mark::Participant))
        .collect()
}

/// The newest version public at `now`.
pub fn public_version(
    versions: &[juryn_store::BookletVersion],
    now: jiff::Timestamp,
) -> Option<&juryn_store::BookletVersion> {
    versions.iter().filter(|v| v.is_public(now)).max_by_key(|v| v.version)
}
