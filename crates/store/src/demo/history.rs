//! The demo's later editions as history: each is replayed through the store's own steps, at the
//! times they happened (rounds set up, each cut recorded and published, the shortlist, the
//! meetings' phase, the sealed decision, the announcement), so what the pages show of them is
//! what the store would hold had the award run in juryn. Loading again changes nothing.

use jiff::Timestamp;
use jiff::civil::date;
use juryn_domain::joint::JointEntry;
use juryn_domain::round::Round;
use juryn_domain::seal::{Decision, Method};
use juryn_domain::{MunicipalityCode, Phase};

use super::sdk2019::{code, stockholm};
use super::{advance_edition, sdk2021, sdk2023, stamp};
use crate::model::{EditionContent, EntryContent};
use crate::{Result, Store, StoreError};

fn refused(what: &str, why: impl std::fmt::Debug) -> StoreError {
    StoreError::Invalid(format!("demo {what} refused: {why:?}"))
}

fn with_rationales(codes: &[&str], why: &str) -> Vec<(MunicipalityCode, String)> {
    codes.iter().map(|c| (code(c), why.to_owned())).collect()
}

/// A later edition's story, told as it ran.
pub struct Story {
    pub content: EditionContent,
    pub entries: Vec<EntryContent>,
    /// Set up when the jury begins.
    pub started: Timestamp,
    /// Several rounds, or none for one.
    pub rounds: Vec<Round>,
    pub joint: Vec<JointEntry>,
    /// Each earlier round's cut and when it was public.
    pub cuts: Vec<(Vec<&'static str>, Timestamp)>,
    /// The nominees and when they were public.
    pub shortlist: (Vec<&'static str>, Timestamp),
    /// When the in-depth review (visits or meetings) began, and when the jury decided.
    pub review: (Timestamp, Timestamp),
    pub decision: (&'static str, &'static str),
    pub gala: Timestamp,
}

/// Before the jury starts: the edition at `phase` (draft, call-open or call-closed) with its
/// call moved to around `now` so it can be tried (the timeline, the postponed gala and the
/// entries' times moved with it), its entries, joint entries and rounds.
async fn before_the_jury(
    store: &dyn Store,
    mut story: Story,
    (phase, now): (Phase, Timestamp),
) -> Result<()> {
    let (slug, year) = (story.content.edition.award.clone(), story.content.edition.year);
    // Whole days, so that loading twice on one day changes nothing.
    let today = super::phases::today(now);
    let day = |offset: i64| today.checked_add(jiff::Span::new().days(offset)).unwrap_or(today);
    let (opens, closes) = match phase {
        Phase::Draft => (day(7), day(60)),
        Phase::CallOpen => (day(-21), day(14)),
        _ => (day(-60), day(-1)),
    };
    story.content.edition.phase = phase;
    super::phases::move_story(&mut story.content, &mut story.entries, (opens, closes), today);
    let by = stamp(now);
    store.put_edition(&story.content, &by).await?;
    if phase > Phase::Draft {
        for entry in &story.entries {
            store.put_entry(&slug, year, entry, &by).await?;
        }
        super::opendata::consent_later(store, (&slug, year), now).await?;
    }
    for joint in &story.joint {
        store.make_joint(&slug, year, joint, &by).await?.map_err(|r| refused("joint entry", r))?;
    }
    if !story.rounds.is_empty() {
        store.put_rounds(&slug, year, &story.rounds, &by).await?.map_err(|r| refused("rounds", r))?;
    }
    Ok(())
}

/// Replays a story through the store's steps at their times, as far as `until` (`now` places
/// the call of a story told before its jury starts); an edition already there is left as it is.
pub async fn tell(store: &dyn Store, story: Story, (until, now): (Phase, Timestamp)) -> Result<()> {
    let slug = story.content.edition.award.clone();
    let year = story.content.edition.year;
    match store.edition(&slug, year).await? {
        Some(e) if e.phase >= until => return Ok(()),
        Some(e) if e.phase == Phase::Announced => {
            return advance_edition(store, (&slug, year), (Phase::Announced, until), &stamp(story.gala))
                .await;
        }
        _ => {}
    }
    if until < Phase::Shortlisting {
        return before_the_jury(store, story, (until, now)).await;
    }
    let started = stamp(story.started);
    store.put_edition(&story.content, &started).await?;
    for entry in &story.entries {
        store.put_entry(&slug, year, entry, &started).await?;
    }
    super::opendata::consent_later(store, (&slug, year), story.started).await?;
    for joint in &story.joint {
        store.make_joint(&slug, year, joint, &started).await?.map_err(|r| refused("joint entry", r))?;
    }
    if !story.rounds.is_empty() {
        store.put_rounds(&slug, year, &story.rounds, &started).await?.map_err(|r| refused("rounds", r))?;
    }
    if until == Phase::Shortlisting {
        return Ok(());
    }
    for (i, (codes, at)) in story.cuts.iter().enumerate() {
        let chosen = with_rationales(codes, "Exempelmotivering för nomineringen.");
        let position = u16::try_from(i + 1).unwrap_or(u16::MAX);
        store
            .record_cut((&slug, year, position), &chosen, Some(*at), &stamp(*at))
            .await?
            .map_err(|r| refused("cut", r))?;
    }
    let (nominees, public) = &story.shortlist;
    let chosen = with_rationales(nominees, "Exempelmotivering för nomineringen.");
    store
        .record_shortlist(&slug, year, &chosen, &stamp(*public))
        .await?
        .map_err(|r| refused("shortlist", r))?;
    store.schedule_nominees(&slug, year, *public, &stamp(*public)).await?;
    let (review, decided) = story.review;
    if until >= Phase::InDepthReview {
        advance_edition(store, (&slug, year), (Phase::Nominated, Phase::InDepthReview), &stamp(review))
            .await?;
    }
    if until >= Phase::Deliberation {
        advance_edition(store, (&slug, year), (Phase::InDepthReview, Phase::Deliberation), &stamp(decided))
            .await?;
    }
    if until >= Phase::Decided {
        seal(store, (&slug, year), (code(story.decision.0), story.decision.1), decided).await?;
    }
    if until >= Phase::Announced {
        advance_edition(store, (&slug, year), (Phase::Decided, Phase::Announced), &stamp(story.gala)).await?;
    }
    if until >= Phase::Archived {
        advance_edition(store, (&slug, year), (Phase::Announced, Phase::Archived), &stamp(story.gala))
            .await?;
    }
    Ok(())
}

/// 2021, from its first cut to the announcement on 2 May 2022.
pub async fn load_2021(store: &dyn Store) -> Result<()> {
    load_2021_at(store, Phase::Announced, Timestamp::UNIX_EPOCH).await
}

/// 2021 told as far as `phase`.
pub async fn load_2021_at(store: &dyn Store, phase: Phase, now: Timestamp) -> Result<()> {
    tell(
        store,
        Story {
            content: sdk2021::edition_content(),
            entries: sdk2021::entries(),
            started: stockholm(date(2021, 5, 3), 9, 0),
            rounds: sdk2021::rounds(),
            joint: Vec::new(),
            cuts: vec![(sdk2021::FIRST_CUT.to_vec(), stockholm(date(2021, 5, 27), 10, 0))],
            shortlist: (sdk2021::FINALISTS.to_vec(), stockholm(date(2021, 6, 17), 10, 0)),
            review: (stockholm(date(2021, 9, 1), 9, 0), stockholm(date(2021, 10, 28), 15, 0)),
            decision: (sdk2021::WINNER, sdk2021::CITATION),
            gala: stockholm(date(2022, 5, 2), 19, 0),
        },
        (phase, now),
    )
    .await
}

/// 2023, from the nominees of 10 May (one of them the joint entry of Mora, Orsa and Älvdalen)
/// to Värmdö at the gala of 21 November.
pub async fn load_2023(store: &dyn Store) -> Result<()> {
    load_2023_at(store, Phase::Announced, Timestamp::UNIX_EPOCH).await
}

/// 2023 told as far as `phase`.
pub async fn load_2023_at(store: &dyn Store, phase: Phase, now: Timestamp) -> Result<()> {
    tell(
        store,
        Story {
            content: sdk2023::edition_content(),
            entries: sdk2023::entries(),
            started: stockholm(date(2023, 4, 3), 9, 0),
            rounds: Vec::new(),
            joint: vec![sdk2023::joint()],
            cuts: Vec::new(),
            shortlist: (sdk2023::NOMINEES.to_vec(), stockholm(date(2023, 5, 10), 10, 0)),
            review: (stockholm(date(2023, 9, 1), 9, 0), stockholm(date(2023, 10, 26), 15, 0)),
            decision: (sdk2023::WINNER, sdk2023::CITATION),
            gala: stockholm(date(2023, 11, 21), 19, 0),
        },
        (phase, now),
    )
    .await
}

/// Seals a decision reached by consensus (the demo's later editions keep no ballots).
async fn seal(
    store: &dyn Store,
    (slug, year): (&juryn_domain::Slug, i16),
    (winner, citation): (MunicipalityCode, &str),
    at: Timestamp,
) -> Result<()> {
    let decision = Decision {
        award: slug.clone(),
        ballots_sha256: None,
        citation: citation.to_owned(),
        method: Method::Consensus,
        winner,
        winner_name: None,
        year,
    };
    let new = super::decision::sealed(decision, None, at)?;
    store.record_decision(slug, year, &new, &stamp(at)).await?.map_err(|r| refused("decision", r))
}
