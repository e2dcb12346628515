//! Starting from nothing on the command line: `juryn award`, `juryn edition` and `juryn
//! timeline`. Each prints what it did in one line; a refusal is one line and a non-zero exit.

use anyhow::{Context, bail};
use juryn_domain::schedule;
use juryn_domain::{
    Award, DateSpan, LocalizedText, Milestone, MilestoneKind, Slug, WrittenDateError, sort_timeline,
};

use super::open;

use juryn_domain::award::EDITION_YEARS as YEARS;

fn slug(text: &str) -> anyhow::Result<Slug> {
    Slug::parse(text).map_err(|e| anyhow::anyhow!("the slug {text:?} is not valid: {e}"))
}

fn year(y: i16) -> anyhow::Result<i16> {
    if !YEARS.contains(&y) {
        bail!("the year {y} is outside {}–{}", YEARS.start(), YEARS.end());
    }
    Ok(y)
}

fn text(what: &str, t: &str, max: usize) -> anyhow::Result<String> {
    let t = t.trim();
    if t.is_empty() {
        bail!("the {what} is empty");
    }
    if t.chars().count() > max {
        bail!("the {what} is longer than {max} characters");
    }
    if t.chars().any(char::is_control) {
        bail!("the {what} contains control characters");
    }
    Ok(t.to_owned())
}

/// A text in Swedish, and in English when one is given (else English readers see the Swedish).
fn both(sv: String, en: Option<String>) -> LocalizedText {
    en.map_or_else(|| LocalizedText::sv_only(sv.clone()), |en| LocalizedText::new(sv.clone(), en))
}

/// What `juryn award add` is given.
pub struct NewAward<'a> {
    pub slug: &'a str,
    pub name: &'a str,
    pub name_en: Option<&'a str>,
    pub organiser: Option<&'a str>,
    pub criterion: Option<&'a str>,
}

pub async fn award_add(url: &str, a: NewAward<'_>) -> anyhow::Result<()> {
    let slug = slug(a.slug)?;
    let name = text("name", a.name, 200)?;
    let name_en = a.name_en.map(|n| text("English name", n, 200)).transpose()?;
    let criterion = a.criterion.map(|c| text("criterion", c, 1000)).transpose()?.unwrap_or_default();
    let award = Award {
        slug: slug.clone(),
        name: both(name.clone(), name_en),
        organiser: a.organiser.map(|o| text("organiser", o, 200)).transpose()?.unwrap_or_default(),
        description: LocalizedText::default(),
        criterion: LocalizedText::sv_only(criterion),
        how_chosen: LocalizedText::default(),
        prize: LocalizedText::default(),
        logo: None,
    };
    let store = open(url).await?;
    if !store.create_award(&award, &super::cli_stamp()).await? {
        bail!("there is already an award with the slug {slug}");
    }
    println!("Created the award {name} ({slug}).");
    Ok(())
}

pub async fn award_list(url: &str) -> anyhow::Result<()> {
    let store = open(url).await?;
    let awards = store.awards().await?;
    if awards.is_empty() {
        println!("No awards yet: create one with juryn award add --slug SLUG --name NAME.");
    }
    for a in awards {
        let years: Vec<String> = store.editions(&a.slug).await?.iter().map(|e| e.year.to_string()).collect();
        let years = if years.is_empty() { "no editions".to_owned() } else { years.join(", ") };
        println!("{}\t{}\t{years}", a.slug, a.name.sv);
    }
    Ok(())
}

pub async fn edition_add(
    url: &str,
    (award, y): (&str, i16),
    ordinal: Option<u16>,
    copy_from: Option<i16>,
) -> anyhow::Result<()> {
    use juryn_store::setup::{EditionRefusal, create_edition};
    let award = slug(award)?;
    let y = year(y)?;
    let store = open(url).await?;
    let Some(a) = store.award(&award).await? else { bail!("there is no award {award}") };
    match create_edition(&*store, (&award, y), ordinal, copy_from, &super::cli_stamp()).await? {
        Ok(carried) => match copy_from {
            Some(src) => println!(
                "Created {} {y}, with the questionnaire ({} questions), {} criteria, {} jurors and {} events of {src}.",
                a.name.sv, carried.questions, carried.criteria, carried.jurors, carried.events
            ),
            None => println!("Created {} {y}.", a.name.sv),
        },
        Err(EditionRefusal::YearTaken) => bail!("{} already has an edition {y}", a.name.sv),
        Err(EditionRefusal::NoSource(src)) => bail!("{} has no edition {src} to copy from", a.name.sv),
    }
    Ok(())
}

/// What `juryn timeline add` is given.
pub struct NewMilestone<'a> {
    pub kind: &'a str,
    pub date: &'a str,
    pub text: &'a str,
    pub text_en: Option<&'a str>,
}

fn kind(k: &str) -> anyhow::Result<MilestoneKind> {
    MilestoneKind::ALL.into_iter().find(|m| m.as_str() == k).with_context(|| {
        let names: Vec<&str> = MilestoneKind::ALL.iter().map(|m| m.as_str()).collect();
        format!("unknown kind {k:?}: use {}", names.join(", "))
    })
}

pub async fn timeline_add(url: &str, (award, y): (&str, i16), m: NewMilestone<'_>) -> anyhow::Result<()> {
    let award = slug(award)?;
    let kind = kind(m.kind)?;
    let span = date(m.date)?;
    let label = text("text", m.text, 500)?;
    let label_en = m.text_en.map(|t| text("English text", t, 500)).transpose()?;
    let store = open(url).await?;
    let Some(a) = store.award(&award).await? else { bail!("there is no award {award}") };
    if store.edition(&award, y).await?.is_none() {
        bail!("{} has no edition {y}", a.name.sv);
    }
    let mut timeline = store.timeline(&award, y).await?;
    let milestone = Milestone { kind, label: both(label.clone(), label_en), span, moved: None };
    timeline.push(milestone);
    sort_timeline(&mut timeline);
    if schedule::contradiction(&timeline).is_some() {
        bail!("the call would close before it opens: check the call-opens and call-closes dates");
    }
    store.set_timeline(&award, y, &timeline, &super::cli_stamp()).await?;
    println!("Added to {} {y}: {} – {label}", a.name.sv, span.render(juryn_domain::Lang::Sv, y));
    Ok(())
}

/// A date as people write it, or a one-line error saying how to write it.
fn date(text: &str) -> anyhow::Result<DateSpan> {
    DateSpan::read_written(text).map_err(|e| match e {
        WrittenDateError::EndBeforeStart(_) => anyhow::anyhow!("the date {text:?} ends before it starts"),
        WrittenDateError::Unreadable(_) => anyhow::anyhow!(
            "cannot read the date {text:?}: write it as \"29 april 2021\", \"maj 2021\", \"september–oktober 2021\", \"2021-04-29\" or \"2021-09/2021-10\""
        ),
    })
}

/// `juryn timeline move`: the reschedule of the browser's timeline editor, by kind.
pub async fn timeline_move(
    url: &str,
    (award, y): (&str, i16),
    kind_name: &str,
    to: &str,
) -> anyhow::Result<()> {
    let award = slug(award)?;
    let kind = kind(kind_name)?;
    let to = date(to)?;
    let store = open(url).await?;
    let Some(a) = store.award(&award).await? else { bail!("there is no award {award}") };
    let Some(edition) = store.edition(&award, y).await? else { bail!("{} has no edition {y}", a.name.sv) };
    let timeline = store.timeline(&award, y).await?;
    let found: Vec<usize> =
        timeline.iter().enumerate().filter(|(_, m)| m.kind == kind).map(|(i, _)| i).collect();
    let i = match found.as_slice() {
        [i] => *i,
        [] => bail!("{} {y} has no {kind_name} milestone", a.name.sv),
        _ => bail!("{} {y} has {} {kind_name} milestones: move one in the browser", a.name.sv, found.len()),
    };
    let from = timeline[i].span;
    if from == to {
        bail!("the {kind_name} milestone is already on {}", to.render(juryn_domain::Lang::Sv, 0));
    }
    let by = super::cli_stamp();
    let now = by.at;
    let label = timeline[i].label.sv.clone();
    let moved = schedule::plan_move(timeline, i, to, edition.announce_at, now);
    let announce_at = moved.announce_at;
    store.reschedule((&award, y), &moved.timeline, announce_at, (&by, &moved.what)).await?;
    let moved_too = match announce_at {
        Some(at) if edition.announce_at.is_some_and(|was| was > now) => {
            format!("; the announcement moves to {}", juryn_domain::format_time(at, juryn_domain::Lang::Sv))
        }
        _ => String::new(),
    };
    println!(
        "Moved {} in {} {y} from {} to {}{moved_too}.",
        label,
        a.name.sv,
        from.render(juryn_domain::Lang::Sv, 0),
        to.render(juryn_domain::Lang::Sv, 0)
    );
    Ok(())
}

pub async fn timeline_list(url: &str, (award, y): (&str, i16)) -> anyhow::Result<()> {
    let award = slug(award)?;
    let store = open(url).await?;
    let Some(a) = store.award(&award).await? else { bail!("there is no award {award}") };
    if store.edition(&award, y).await?.is_none() {
        bail!("{} has no edition {y}", a.name.sv);
    }
    let timeline = store.timeline(&award, y).await?;
    if timeline.is_empty() {
        println!("{} {y} has no timeline yet.", a.name.sv);
    }
    for m in timeline {
        // The year is always written, so the list reads the same for any edition.
        let moved = m.moved.map(|v| format!("\t(moved from {})", v.from.render(juryn_domain::Lang::Sv, 0)));
        println!(
            "{}\t{}\t{}{}",
            m.span.render(juryn_domain::Lang::Sv, 0),
            m.kind.as_str(),
            m.label.sv,
            moved.unwrap_or_default()
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_slugs_and_kinds_are_checked() {
        assert!(year(1899).is_err() && year(2101).is_err() && year(2021).is_ok());
        assert!(slug("Fel Slug").is_err() && slug("testpriset").is_ok());
        assert!(kind("gala").is_ok());
        assert!(kind("galan").unwrap_err().to_string().contains("call-closes"));
        assert!(text("text", &"x".repeat(10_000), 500).is_err());
    }
}
