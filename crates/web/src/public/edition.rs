//! `/{award}/{year}`: the edition page, as the 2019 announcement showed it: the nominees, the
//! way to the jury, how the winner is chosen, the timeline, the booklet, the participants on a
//! map, and the earlier winners. What is not yet public is not here.

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Extension, State};
use axum::response::Response;
use jiff::Timestamp;
use juryn_domain::joint::JointEntry;
use juryn_domain::round::Cut;
use juryn_domain::{DateSpan, Lang, Milestone, MilestoneKind, past_winners};

use super::{MunLink, WinnerRow, paragraphs, winner_rows};
use crate::app::AppState;
use crate::cache::PageKey;
use crate::cached_page::{cached, rendered};
use crate::error::WebError;
use crate::extract::EditionKey;
use crate::find::award_and_edition;
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use crate::map::{self, Mark};

pub struct TimelineRow {
    pub when: String,
    pub what: String,
    /// "Flyttad från 10 november 2021" for a rescheduled milestone.
    pub moved: Option<String>,
    /// A machine-readable date for `<time>`, where the span is one day, month or year.
    pub datetime: Option<String>,
}

/// The sealed decision on the page: the commitment from the sealing, the sealed text and its
/// nonce (and whether they match) from the announcement.
pub struct SealView {
    pub sealed_line: String,
    pub commitment: String,
    pub reveal: Option<Reveal>,
}

pub struct Reveal {
    pub json: String,
    pub nonce: String,
    pub matches: bool,
    /// The sealed JSON as a reader says it: (what, value), beside the JSON itself.
    pub readable: Vec<(String, String)>,
}

/// The sealed decision's fields in words; empty if the JSON does not read as a decision.
fn readable_seal(lang: Lang, award_name: &str, json: &str) -> Vec<(String, String)> {
    use juryn_domain::seal::{Decision, Method};
    let Some(d) = Decision::from_json(json) else { return Vec::new() };
    let method = match d.method {
        Method::Schulze => "admin-decision-schulze",
        Method::Consensus => "admin-decision-consensus",
    };
    let mut rows = vec![
        (t(lang, "seal-field-edition"), format!("{award_name} {}", d.year)),
        (t(lang, "seal-field-winner"), MunLink::new(d.winner).name),
        (t(lang, "seal-field-method"), t(lang, method)),
        (t(lang, "seal-field-citation"), d.citation),
    ];
    if let Some(hash) = d.ballots_sha256 {
        rows.push((t(lang, "seal-field-ballots"), hash));
    }
    rows
}

#[derive(Template)]
#[template(path = "edition.html")]
struct EditionPage {
    l: Layout,
    award_name: String,
    year: i16,
    ordinal_line: Option<String>,
    criterion: String,
    phase: String,
    winner: Option<MunLink>,
    /// The jury's citation (*motivering*), with the winner.
    citation: Option<String>,
    seal: Option<SealView>,
    nominees: Vec<MunLink>,
    /// The earlier rounds' published cuts: (heading, "Juryn har nominerat sju kommuner", who).
    earlier_cuts: Vec<(String, String, Vec<MunLink>)>,
    nominees_intro: String,
    nominees_pending: String,
    jury_href: String,
    programme_href: String,
    edition_href: String,
    selection: Vec<String>,
    /// The award's "how the winner is chosen" (sanitised HTML), where the edition says nothing
    /// of its own.
    how_chosen: String,
    criteria: Vec<(String, String)>,
    timeline: Vec<TimelineRow>,
    booklet_line: String,
    /// From the booklet's publication: (PDF link, web pages link, "PDF, 62 sidor, 1,2 MB").
    booklet: Option<(String, String, String)>,
    participants_line: String,
    participants: Vec<MunLink>,
    map_svg: String,
    example_answers: bool,
    past_winners: Vec<WinnerRow>,
    /// While the call is open: its deadline, and the way to nominate.
    call_open: Option<String>,
    nominate_href: String,
    register_href: String,
}

fn english_ordinal(n: u16) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// The earlier rounds' cuts the public may see, each told in its round's words.
fn earlier_cuts(
    lang: Lang,
    cuts: &[Cut],
    now: Timestamp,
    entry: &dyn Fn(juryn_domain::MunicipalityCode) -> MunLink,
) -> Vec<(String, String, Vec<MunLink>)> {
    cuts.iter()
        .take_while(|c| c.is_public(now))
        .map(|c| {
            let told = crate::edition_words::cut_wording(lang, c);
            (c.round.name.get(lang).to_owned(), told, c.codes().into_iter().map(entry).collect())
        })
        .collect()
}

/// "Juryn har slutnominerat fem kommuner:" — counted as entries ("bidrag") where one of the
/// nominees is several municipalities together.
fn nominees_intro(
    lang: Lang,
    (edition, joint): (&juryn_domain::Edition, &[JointEntry]),
    n: usize,
    now: Timestamp,
) -> String {
    let any_joint = joint.iter().any(|j| edition.public_nominees(now).contains(&j.lead()));
    let key = if any_joint { "edition-nominees-intro-entries" } else { "edition-nominees-intro" };
    t_args(lang, key, &[("count", crate::edition_words::count_text(lang, n))])
}

fn ordinal_line(lang: Lang, n: u16) -> Option<String> {
    let word = match lang {
        Lang::Sv => juryn_domain::award::ordinal_sv(n)?.to_owned(),
        Lang::En => english_ordinal(n),
    };
    Some(t_args(lang, "edition-ordinal", &[("ordinal", word)]))
}

fn timeline_rows(timeline: &[Milestone], lang: Lang, year: i16) -> Vec<TimelineRow> {
    timeline
        .iter()
        .map(|m| TimelineRow {
            when: m.span.render(lang, year),
            what: m.label.get(lang).to_owned(),
            moved: crate::edition_words::moved_text(lang, m),
            datetime: match m.span {
                DateSpan::Day(_) | DateSpan::Month { .. } | DateSpan::Year(_) => Some(m.span.to_string()),
                _ => None,
            },
        })
        .collect()
}

/// "… publiceras i juni", "… presenterar de nominerade den 31 maj" from the milestone of `kind`, or the undated message.
fn pending_line(timeline: &[Milestone], kind: MilestoneKind, lang: Lang, year: i16, key: &str) -> String {
    match timeline.iter().find(|m| m.kind == kind) {
        Some(m) => t_args(lang, key, &[("when", m.span.render_when(lang, year))]),
        None => t(lang, &format!("{key}-undated")),
    }
}

fn names(links: &[MunLink], lang: Lang) -> String {
    let and = if lang == Lang::Sv { " och " } else { " and " };
    match links {
        [] => String::new(),
        [one] => one.name.clone(),
        [init @ .., last] => {
            let head: Vec<&str> = init.iter().map(|m| m.name.as_str()).collect();
            format!("{}{and}{}", head.join(", "), last.name)
        }
    }
}

/// The award's own words on how the winner is chosen, unless the edition says it.
fn how_chosen(lang: Lang, award: &juryn_domain::Award, edition: &juryn_domain::Edition) -> String {
    if edition.selection.get(lang).trim().is_empty() {
        crate::markdown::render(award.how_chosen.get(lang))
    } else {
        String::new()
    }
}

/// The winners of the editions before `year`, as the public may know them at `now`.
fn earlier_winners(
    historical: &[juryn_domain::PastWinner],
    editions: &[juryn_domain::Edition],
    (year, now): (i16, Timestamp),
) -> Vec<juryn_domain::PastWinner> {
    past_winners(historical, editions, now).into_iter().filter(|w| w.year < year).collect()
}

/// The participants in Swedish order, and the map that marks them, the public nominees and the
/// public winner.
fn participants_and_map(
    lang: Lang,
    (edition, entries, joint): (&juryn_domain::Edition, &[juryn_store::EntryContent], &[JointEntry]),
    nominees: &[MunLink],
    now: Timestamp,
) -> (Vec<MunLink>, String) {
    let participating: Vec<_> =
        entries.iter().filter(|e| e.status.participates()).map(|e| e.municipality).collect();
    let mut participants: Vec<MunLink> = participating.iter().map(|c| MunLink::entry(*c, joint)).collect();
    participants.sort_by_key(|m| juryn_domain::juror::swedish_key(&m.name));
    // Every member of a joint entry is marked as its entry is.
    let members = |c: juryn_domain::MunicipalityCode| {
        joint.iter().find(|j| j.lead() == c).map_or_else(|| vec![c], |j| j.members.clone())
    };
    let mut marks: BTreeMap<_, _> =
        participating.iter().flat_map(|c| members(*c)).map(|c| (c, Mark::Participant)).collect();
    for n in edition.public_nominees(now).iter().flat_map(|n| members(*n)) {
        marks.insert(n, Mark::Nominee);
    }
    for w in edition.public_winner(now).into_iter().flat_map(members) {
        marks.insert(w, Mark::Winner);
    }
    let count = participants.len().to_string();
    let map_desc = if nominees.is_empty() {
        t_args(lang, "edition-map-desc", &[("count", count)])
    } else {
        t_args(lang, "edition-map-desc-nominees", &[("count", count), ("nominees", names(nominees, lang))])
    };
    let svg = map::sweden(&marks, &t(lang, "edition-map-title"), &map_desc);
    (participants, svg)
}

/// The seal as the page shows it: when it was sealed and its commitment, and once the winner is
/// public, the decision and nonce that open it.
fn seal_view(lang: Lang, award_name: &str, d: juryn_store::StoredDecision, revealed: bool) -> SealView {
    SealView {
        sealed_line: t_args(
            lang,
            "edition-seal-sealed",
            &[("time", juryn_domain::format_time(d.sealed_at, lang))],
        ),
        reveal: revealed.then(|| Reveal {
            matches: juryn_domain::seal::verify(&d.seal.json, &d.seal.nonce, &d.seal.commitment),
            readable: readable_seal(lang, award_name, &d.seal.json),
            json: d.seal.json,
            nonce: d.seal.nonce,
        }),
        commitment: d.seal.commitment,
    }
}

/// How long the page holds: until the next visibility change, the call's opening or closing, or
/// a booklet version's publication.
fn valid_until(
    edition: &juryn_domain::Edition,
    (booklet_versions, cuts): (&[juryn_store::BookletVersion], &[Cut]),
    now: Timestamp,
) -> Option<Timestamp> {
    let booklet_changes =
        booklet_versions.iter().map(|v| v.publish_at).chain(cuts.iter().filter_map(|c| c.public_at));
    let call_changes = [edition.call.opens_at, edition.call.last_moment()]
        .into_iter()
        .chain(booklet_changes.map(Some))
        .flatten()
        .filter(|t| *t > now)
        .min();
    [edition.next_visibility_change(now), call_changes].into_iter().flatten().min()
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    key: EditionKey,
) -> Result<Response, WebError> {
    let (slug, year) = key.parts();
    let store = app.store.clone();
    let page_key = PageKey::Edition(slug.to_string(), year, lang);
    cached(
        &app,
        page_key,
        lang,
        |now: Timestamp| async move { render(&*store, lang, (&slug, year), now).await },
    )
    .await
}

/// The edition's page as the public may see it at `now`.
async fn render(
    store: &dyn juryn_store::Store,
    lang: Lang,
    (slug, year): (&juryn_domain::Slug, i16),
    now: Timestamp,
) -> Result<crate::cache::Rendered, WebError> {
    let (award, edition) = award_and_edition(store, slug, year).await?;
    let all_editions = store.editions(slug).await?;
    let timeline = store.timeline(slug, year).await?;
    let criteria = store.criteria(slug, year).await?;
    let entries = store.entries(slug, year).await?;
    let decision = store.decision(slug, year).await?;
    let historical = store.past_winners(slug).await?;
    let booklet_versions = store.booklet_versions(slug, year).await?;
    let (cuts, joint) = (store.cuts(slug, year).await?, store.joint_entries(slug, year).await?);
    let visible = edition.visibility(now);
    let entry = |c| MunLink::entry(c, &joint);
    let nominees: Vec<MunLink> = edition.public_nominees(now).iter().copied().map(entry).collect();
    let winner = edition.public_winner(now).map(entry);
    let (participants, map_svg) = participants_and_map(lang, (&edition, &entries, &joint), &nominees, now);
    let count = participants.len().to_string();
    let award_name = award.name.get(lang).to_owned();
    let edition_href = format!("/{slug}/{year}");
    let l = Layout::new(lang, format!("{award_name} {year}"), edition_href.clone())
        .for_award(&award)
        .crumb(t(lang, "nav-awards"), "/")
        .crumb(award_name.clone(), format!("/{slug}"))
        .crumb(year.to_string(), "");
    let pending = |kind, key| pending_line(&timeline, kind, lang, year, key);
    let page = EditionPage {
        award_name,
        year,
        ordinal_line: edition.ordinal.and_then(|n| ordinal_line(lang, n)),
        criterion: award.criterion.get(lang).to_owned(),
        phase: crate::edition_words::edition_state_text(lang, &edition, now),
        nominees_intro: nominees_intro(lang, (&edition, &joint), nominees.len(), now),
        nominees_pending: pending(MilestoneKind::Shortlist, "edition-nominees-pending"),
        earlier_cuts: earlier_cuts(lang, &cuts, now, &entry),
        nominees,
        winner,
        citation: decision.as_ref().filter(|_| visible.winner).map(|d| d.citation.clone()),
        seal: decision.map(|d| seal_view(lang, award.name.get(lang), d, visible.winner)),
        jury_href: format!("{edition_href}/jury"),
        programme_href: format!("{edition_href}/program"),
        edition_href: edition_href.clone(),
        selection: paragraphs(edition.selection.get(lang)),
        how_chosen: how_chosen(lang, &award, &edition),
        criteria: criteria
            .iter()
            .map(|c| (c.name.get(lang).to_owned(), c.description.get(lang).to_owned()))
            .collect(),
        timeline: timeline_rows(&timeline, lang, year),
        booklet_line: pending(MilestoneKind::Booklet, "edition-booklet-pending"),
        booklet: crate::booklet::public_version(&booklet_versions, now).map(|v| {
            let links = (format!("{edition_href}/skrift.pdf"), format!("{edition_href}/skrift"));
            (links.0, links.1, super::booklet::size_text(lang, v))
        }),
        participants_line: t_args(lang, "edition-participants-count", &[("count", count)]),
        participants,
        map_svg,
        example_answers: entries.iter().any(|e| e.is_example),
        call_open: edition
            .call
            .accepts_changes(now)
            .then(|| edition.call.closes_at.map(|c| juryn_domain::format_time(c, lang)).unwrap_or_default()),
        nominate_href: format!("{edition_href}/nominera"),
        register_href: format!("{edition_href}/anmal"),
        past_winners: winner_rows(&earlier_winners(&historical, &all_editions, (year, now))),
        l,
    };
    rendered(&page, valid_until(&edition, (&booklet_versions, &cuts), now))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals_read_naturally() {
        assert_eq!(ordinal_line(Lang::Sv, 10).unwrap(), "Utmärkelsen delas ut för tionde gången.");
        assert_eq!(english_ordinal(1), "1st");
        assert_eq!(english_ordinal(12), "12th");
        assert_eq!(english_ordinal(22), "22nd");
        assert_eq!(ordinal_line(Lang::Sv, 40), None);
        use crate::edition_words::count_text;
        assert_eq!(count_text(Lang::Sv, 5), "fem");
        assert_eq!(count_text(Lang::En, 3), "three");
        assert_eq!(count_text(Lang::Sv, 44), "44");
    }
}
