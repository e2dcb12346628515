//! `GET /api/v1/awards/{award}/editions/{year}`: an edition's public content.

use axum::extract::State;
use axum::response::Response;
use bytes::Bytes;
use jiff::Timestamp;
use juryn_domain::joint::JointEntry;
use juryn_domain::{Lang, Milestone, MunicipalityCode, Registry, Slug, past_winners};
use serde::Serialize;

use crate::app::AppState;
use crate::cache::{PageKey, Rendered};
use crate::error::WebError;
use crate::extract::EditionKey;

/// A municipality, or an entry: a joint entry has its own name and its members (its `code` is
/// its first member's, so readers that know one municipality per entry keep working).
#[derive(Serialize)]
struct Municipality {
    code: String,
    name: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    members: Vec<Municipality>,
}

impl Municipality {
    fn new(code: MunicipalityCode) -> Municipality {
        let name = Registry::sweden().get(code).map_or_else(String::new, |m| m.name.clone());
        Municipality { code: code.to_string(), name, members: Vec::new() }
    }

    /// The entry kept under `code`: the joint entry's name and members where it is one.
    fn entry(code: MunicipalityCode, joint: &[JointEntry]) -> Municipality {
        match joint.iter().find(|j| j.lead() == code) {
            Some(j) => Municipality {
                code: code.to_string(),
                name: j.name.clone(),
                members: j.members.iter().map(|m| Municipality::new(*m)).collect(),
            },
            None => Municipality::new(code),
        }
    }
}

#[derive(Serialize)]
struct TimelineItem {
    kind: &'static str,
    label: String,
    label_en: String,
    /// The storage form: `2019-05-31`, `2019-08/2019-09`, `2020` …
    span: String,
    precision: &'static str,
    start: String,
    end: String,
    /// The span as the Swedish page writes it.
    text: String,
    /// For a rescheduled milestone, the storage form of the date it had.
    #[serde(skip_serializing_if = "Option::is_none")]
    moved_from: Option<String>,
}

#[derive(Serialize)]
struct PastWinner {
    year: i16,
    code: String,
    name: String,
    /// The others that won together with it, if it was a joint win.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    together_with: Vec<Municipality>,
    #[serde(skip_serializing_if = "String::is_empty")]
    citation: String,
}

/// The sealed decision as the public may see it: the commitment and the time from the sealing,
/// the sealed JSON and its nonce from the announcement (so anyone can recompute the hash).
#[derive(Serialize)]
struct SealJson {
    commitment: String,
    sealed_at: String,
    json: Option<String>,
    nonce: Option<String>,
}

/// The newest public version of the booklet.
#[derive(Serialize)]
struct BookletJson {
    version: i32,
    published_at: String,
    pages: i32,
    sha256: String,
    pdf_url: String,
    html_url: String,
}

/// Where the open data are, once public.
#[derive(Serialize)]
struct OpenDataJson {
    licence: &'static str,
    json_url: String,
    csv_url: String,
}

/// A published cut of the jury: the earlier rounds' and, last, the nominees.
#[derive(Serialize)]
struct RoundJson {
    name: String,
    name_en: String,
    selected: Vec<Municipality>,
    published_at: Option<String>,
}

#[derive(Serialize)]
struct EditionJson {
    award: String,
    award_name: String,
    year: i16,
    ordinal: Option<u16>,
    phase: &'static str,
    /// The last published cut.
    nominees: Vec<Municipality>,
    /// Every published cut in order, the nominees last.
    rounds: Vec<RoundJson>,
    winner: Option<Municipality>,
    seal: Option<SealJson>,
    booklet: Option<BookletJson>,
    open_data: Option<OpenDataJson>,
    timeline: Vec<TimelineItem>,
    participants: usize,
    jury_url: String,
    past_winners: Vec<PastWinner>,
}

fn timeline_item(m: &Milestone, year: i16) -> TimelineItem {
    TimelineItem {
        kind: m.kind.as_str(),
        label: m.label.get(Lang::Sv).to_owned(),
        label_en: m.label.get(Lang::En).to_owned(),
        span: m.span.to_string(),
        precision: m.span.precision(),
        start: m.span.start().to_string(),
        end: m.span.end().to_string(),
        text: m.span.render(Lang::Sv, year),
        moved_from: m.moved.map(|v| v.from.to_string()),
    }
}

pub async fn get(State(app): State<AppState>, key: EditionKey) -> Result<Response, WebError> {
    let (slug, year) = key.parts();
    let key = PageKey::EditionJson(slug.to_string(), year);
    let page = crate::cached_page::kept_or_render(&app, key, |now| render(&app, &slug, year, now)).await?;
    Ok(crate::cached_page::kept_as(&page, "application/json"))
}

async fn render(app: &AppState, slug: &Slug, year: i16, now: Timestamp) -> Result<Rendered, WebError> {
    let store = &app.store;
    let award = store.award(slug).await?.ok_or(WebError::NotFound)?;
    let edition = store.edition(slug, year).await?.ok_or(WebError::NotFound)?;
    let editions = store.editions(slug).await?;
    let historical = store.past_winners(slug).await?;
    let timeline = store.timeline(slug, year).await?;
    let entries = store.entry_statuses(slug, year).await?;
    let decision = store.decision(slug, year).await?;
    let revealed = edition.visibility(now).winner;
    let versions = store.booklet_versions(slug, year).await?;
    let (licence, open_at) = store.open_data(slug, year).await?;
    let (rounds, cuts) = (store.rounds(slug, year).await?, store.cuts(slug, year).await?);
    let joint = store.joint_entries(slug, year).await?;
    let entry = |c: MunicipalityCode| Municipality::entry(c, &joint);
    let here = format!("{}/{slug}/{year}", app.base_url);
    let body = EditionJson {
        award: slug.to_string(),
        award_name: award.name.get(Lang::Sv).to_owned(),
        year,
        ordinal: edition.ordinal,
        phase: edition.visibility(now).phase.as_str(),
        nominees: edition.public_nominees(now).iter().copied().map(entry).collect(),
        rounds: juryn_domain::round::public_cuts(&edition, &rounds, &cuts, now)
            .into_iter()
            .map(|c| RoundJson {
                name: c.round.name.get(Lang::Sv).to_owned(),
                name_en: c.round.name.get(Lang::En).to_owned(),
                selected: c.codes().into_iter().map(entry).collect(),
                published_at: c.public_at.map(|t| t.to_string()),
            })
            .collect(),
        winner: edition.public_winner(now).map(entry),
        seal: decision.map(|d| SealJson {
            commitment: d.seal.commitment,
            sealed_at: d.sealed_at.to_string(),
            json: revealed.then(|| d.seal.json.clone()),
            nonce: revealed.then(|| d.seal.nonce.clone()),
        }),
        booklet: crate::booklet::public_version(&versions, now).map(|v| BookletJson {
            version: v.version,
            published_at: v.publish_at.to_string(),
            pages: v.pages,
            sha256: v.sha256.clone(),
            pdf_url: format!("{here}/skrift/v{}.pdf", v.version),
            html_url: format!("{here}/skrift"),
        }),
        open_data: licence.filter(|_| juryn_domain::opendata::published(licence, open_at, now)).map(|l| {
            OpenDataJson {
                licence: l.spdx(),
                json_url: format!("{here}/oppna-data/bidrag.json"),
                csv_url: format!("{here}/oppna-data/bidrag.csv"),
            }
        }),
        timeline: timeline.iter().map(|m| timeline_item(m, year)).collect(),
        participants: entries.iter().filter(|(_, s)| s.participates()).count(),
        jury_url: format!("{}/{slug}/{year}/jury", app.base_url),
        past_winners: past_winners(&historical, &editions, now)
            .into_iter()
            .filter(|w| w.year < year)
            .map(|w| {
                let m = Municipality::new(w.municipality);
                let together_with = w.with.iter().map(|c| Municipality::new(*c)).collect();
                PastWinner { year: w.year, code: m.code, name: m.name, together_with, citation: w.citation }
            })
            .collect(),
    };
    let bytes = serde_json::to_vec(&body)?;
    // The JSON changes at the next visibility change, a booklet version's or the open data's time.
    let cut_times = cuts.iter().filter_map(|c| c.public_at);
    let publications =
        versions.iter().map(|v| v.publish_at).chain(open_at).chain(cut_times).filter(|t| *t > now);
    let valid_until = edition.next_visibility_change(now).into_iter().chain(publications).min();
    Ok(Rendered::new(Bytes::from(bytes), valid_until))
}
