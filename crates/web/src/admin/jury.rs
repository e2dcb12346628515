//! `/admin/{award}/{year}/jury`: the review round as the organiser runs it. Who is on the jury
//! and which public profile (and so which automatic conflicts) each account has; opening the
//! round; assigning reviewers — every juror every entry, or k per entry by the domain's max
//! flow — and each juror's progress. The register of conflicts, the hand-adjusted assignment,
//! the nominees and the exports have pages of their own, linked from here.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::phase::{self, Readiness};
use juryn_domain::{Lang, MunicipalityCode, Phase, Registry, Slug, assignment};
use serde::Deserialize;

use crate::app::AppState;
use crate::auth::{CsrfForm, MaybeViewer};
use crate::error::WebError;
use crate::extract::EditionKey;
use crate::find::award_and_edition;
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use crate::respond::{form_page, redirect};

/// The most reviewers per entry the form takes.
pub const MAX_PER_ENTRY: usize = 50;

pub struct MemberRow {
    pub user_id: i64,
    pub name: String,
    pub email: String,
    pub role: String,
    pub profile: String,
    pub employer: String,
    pub assigned: usize,
    pub submitted: usize,
    pub drafts: usize,
}

#[derive(Template)]
#[template(path = "admin_jury.html")]
struct JuryPage {
    l: Layout,
    csrf: String,
    base: String,
    phase: String,
    can_start: bool,
    members: Vec<MemberRow>,
    profiles: Vec<String>,
    per_entry: String,
    everyone: bool,
    whole_county: bool,
    shortlist_min: String,
    shortlist_max: String,
    settings_locked: bool,
    /// Whether jurors may change a review after submitting it.
    changes_allowed: bool,
    errors: Vec<String>,
    notes: Vec<String>,
}

#[derive(Default)]
struct Shown {
    status: Option<StatusCode>,
    errors: Vec<String>,
    notes: Vec<String>,
    per_entry: Option<(bool, String)>,
    /// The settings as typed: whole county, least and most nominees.
    settings: Option<(bool, String, String)>,
}

/// A municipality as an organiser types it: its code or its name.
pub(crate) fn municipality_from_text(text: &str) -> Option<MunicipalityCode> {
    let text = text.trim();
    let r = Registry::sweden();
    r.lookup(text).or_else(|| r.by_name(text)).map(|m| m.code)
}

async fn render(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    (slug, year): (&Slug, i16),
    shown: Shown,
) -> Result<Response, WebError> {
    let (award, edition) = award_and_edition(&*app.store, slug, year).await?;
    let members = app.store.jury_members(slug, year).await?;
    let assignments = app.store.assignments(slug, year).await?;
    let reviews = app.store.reviews(slug, year).await?;
    let rows = members
        .iter()
        .map(|m| {
            let mine = |submitted: bool| {
                reviews
                    .iter()
                    .filter(|r| r.user_id == m.user_id && r.submitted_at.is_some() == submitted)
                    .count()
            };
            MemberRow {
                user_id: m.user_id,
                name: m.name.clone(),
                email: m.email.clone(),
                role: t(lang, if m.is_chair { "role-jury-chair" } else { "role-juror" }),
                profile: m.profile.clone().unwrap_or_default(),
                employer: m.ties.employer.map(juryn_domain::municipality::name_of).unwrap_or_default(),
                assigned: assignments.iter().filter(|(u, _)| *u == m.user_id).count(),
                submitted: mine(true),
                drafts: mine(false),
            }
        })
        .collect();
    let profiles = app.store.jury(slug, year).await?.into_iter().map(|j| j.name).collect();
    let base = format!("/admin/{slug}/{year}");
    let l = super::edition_layout(
        lang,
        (slug, year),
        &award,
        ("admin-jury-title", "admin-menu-jury"),
        format!("{base}/jury"),
    );
    let (everyone, per_entry) = shown.per_entry.unwrap_or((true, "3".to_owned()));
    let policy = app.store.conflict_policy(slug, year).await?;
    let (whole_county, shortlist_min, shortlist_max) = shown.settings.unwrap_or_else(|| {
        (policy.whole_county, edition.shortlist_min.to_string(), edition.shortlist_max.to_string())
    });
    let changes_allowed = app.store.review_changes_allowed(slug, year).await?;
    form_page(app, headers, shown.status.unwrap_or(StatusCode::OK), |csrf| JuryPage {
        l,
        csrf,
        base,
        phase: crate::edition_words::edition_state_text(lang, &edition, app.now()),
        can_start: edition.phase == Phase::CallClosed,
        members: rows,
        profiles,
        per_entry,
        everyone,
        whole_county,
        shortlist_min,
        shortlist_max,
        settings_locked: edition.phase >= Phase::Nominated,
        changes_allowed,
        errors: shown.errors,
        notes: shown.notes,
    })
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
) -> Result<Response, WebError> {
    let edition = crate::auth::organised_edition(&viewer, key, "jury")?;
    render(&app, &headers, lang, (&edition.0, edition.1), Shown::default()).await
}

#[derive(Deserialize)]
pub struct JuryForm {
    #[serde(default)]
    op: String,
    #[serde(default)]
    user: String,
    #[serde(default)]
    profile: String,
    #[serde(default)]
    employer: String,
    #[serde(default)]
    mode: String,
    #[serde(default)]
    per_entry: String,
    #[serde(default)]
    whole_county: String,
    #[serde(default)]
    shortlist_min: String,
    #[serde(default)]
    shortlist_max: String,
    #[serde(default)]
    allow_changes: String,
}

/// Links a public jury profile to a member's account (and their employer, for conflicts), or
/// says what to fix.
async fn link(
    app: &AppState,
    lang: Lang,
    (slug, year): (&Slug, i16),
    form: &JuryForm,
    actor: &juryn_store::Stamp,
) -> Result<Option<Vec<String>>, WebError> {
    let members = app.store.jury_members(slug, year).await?;
    let member = form.user.parse::<i64>().ok().filter(|id| members.iter().any(|m| m.user_id == *id));
    let employer = form.employer.trim();
    let employer_code =
        if employer.is_empty() { Some(None) } else { municipality_from_text(employer).map(Some) };
    let mut errors = Vec::new();
    if member.is_none() {
        errors.push(t(lang, "admin-jury-error-member"));
    }
    if employer_code.is_none() {
        errors.push(t_args(lang, "admin-jury-error-employer", &[("text", employer.to_owned())]));
    }
    let (Some(member), Some(employer_code)) = (member, employer_code) else { return Ok(Some(errors)) };
    if !app.store.link_juror(slug, year, form.profile.trim(), member, employer_code, actor).await? {
        return Ok(Some(vec![t(lang, "admin-jury-error-profile")]));
    }
    Ok(None)
}

/// Starts the jury's shortlisting, if the edition is ready for it.
async fn start_shortlisting(
    app: &AppState,
    lang: Lang,
    (slug, year): (&Slug, i16),
    actor: &juryn_store::Stamp,
) -> Result<Option<String>, WebError> {
    let (_, edition) = award_and_edition(&*app.store, slug, year).await?;
    let (_, submitted) = crate::find::entry_codes(&*app.store, (slug, year)).await?;
    let r = Readiness {
        phase: edition.phase,
        now: app.now(),
        submitted_entries: submitted.len(),
        criteria: app.store.criteria(slug, year).await?.len(),
        jurors: app.store.jury_members(slug, year).await?.len(),
        ..Readiness::default()
    };
    super::advance(app, lang, (slug, year, edition.phase), phase::start_shortlisting(&r), actor).await
}

pub async fn change(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    CsrfForm(form): CsrfForm<JuryForm>,
) -> Result<Response, WebError> {
    let (slug, year) = crate::auth::organised_edition(&viewer, key, "jury")?;
    crate::find::refuse_if_archived(&app, (&slug, year)).await?;
    let actor = crate::auth::stamp(viewer.0.as_ref(), app.now());
    let here = format!("/admin/{slug}/{year}/jury");
    let refuse = |status, errors: Vec<String>, per_entry| Shown {
        status: Some(status),
        errors,
        per_entry,
        ..Shown::default()
    };
    let again = |shown| render(&app, &headers, lang, (&slug, year), shown);
    if form.op == "settings" {
        return settings(&app, &headers, lang, (&slug, year), &form, &actor).await;
    }
    match form.op.as_str() {
        "link" => {
            if let Some(errors) = link(&app, lang, (&slug, year), &form, &actor).await? {
                return again(refuse(StatusCode::UNPROCESSABLE_ENTITY, errors, None)).await;
            }
        }
        "start" => {
            if let Some(text) = start_shortlisting(&app, lang, (&slug, year), &actor).await? {
                return again(refuse(StatusCode::CONFLICT, vec![text], None)).await;
            }
        }
        "changes" => {
            let allowed = form.allow_changes == "on";
            app.store.set_review_changes_allowed(&slug, year, allowed, &actor).await?;
        }
        "assign" => {
            let everyone = form.mode != "k";
            let typed = Some((everyone, form.per_entry.chars().take(6).collect::<String>()));
            let k = form.per_entry.trim().parse::<usize>().ok().filter(|k| (1..=MAX_PER_ENTRY).contains(k));
            if !everyone && k.is_none() {
                let errors =
                    vec![t_args(lang, "admin-jury-error-per-entry", &[("max", MAX_PER_ENTRY.to_string())])];
                return again(refuse(StatusCode::UNPROCESSABLE_ENTITY, errors, typed)).await;
            }
            let notes = assign(&app, lang, (&slug, year), if everyone { None } else { k }, &actor).await?;
            if !notes.is_empty() {
                let shown = Shown { notes, per_entry: typed, ..Shown::default() };
                return again(shown).await;
            }
        }
        _ => return Err(WebError::BadRequest),
    }
    Ok(redirect(&here, vec![]))
}

/// The conflict policy and the shortlist's bounds; fixed once the shortlist is recorded.
async fn settings(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    (slug, year): (&Slug, i16),
    form: &JuryForm,
    actor: &juryn_store::Stamp,
) -> Result<Response, WebError> {
    let (_, edition) = award_and_edition(&*app.store, slug, year).await?;
    let typed = (
        form.whole_county == "on",
        form.shortlist_min.chars().take(4).collect::<String>(),
        form.shortlist_max.chars().take(4).collect::<String>(),
    );
    let bounds = (form.shortlist_min.trim().parse::<u16>(), form.shortlist_max.trim().parse::<u16>());
    let error = match bounds {
        _ if edition.phase >= Phase::Nominated => {
            Some((StatusCode::CONFLICT, t(lang, "admin-jury-settings-locked")))
        }
        (Ok(min), Ok(max)) if juryn_domain::award::check_shortlist_bounds(min, max).is_ok() => None,
        _ => Some((
            StatusCode::UNPROCESSABLE_ENTITY,
            t_args(
                lang,
                "admin-jury-error-bounds",
                &[("max", juryn_domain::award::MAX_SHORTLIST.to_string())],
            ),
        )),
    };
    if let Some((status, e)) = error {
        let shown =
            Shown { status: Some(status), errors: vec![e], settings: Some(typed), ..Shown::default() };
        return render(app, headers, lang, (slug, year), shown).await;
    }
    let (Ok(min), Ok(max)) = bounds else { return Err(WebError::BadRequest) };
    let policy = juryn_domain::conflict::ConflictPolicy { whole_county: typed.0 };
    app.store.set_review_settings(slug, year, policy, (min, max), actor).await?;
    Ok(redirect(&format!("/admin/{slug}/{year}/jury"), vec![]))
}

/// Assigns the edition's submitted entries to its jurors — all of them, or `k` per entry —
/// leaving out conflicts, and returns a note for each entry that could not get its k.
async fn assign(
    app: &AppState,
    lang: Lang,
    (slug, year): (&Slug, i16),
    k: Option<usize>,
    actor: &juryn_store::Stamp,
) -> Result<Vec<String>, WebError> {
    let members = app.store.jury_members(slug, year).await?;
    let codes = crate::find::round_entries(&*app.store, (slug, year)).await?;
    let register: Vec<(i64, MunicipalityCode)> = app
        .store
        .conflict_register(slug, year)
        .await?
        .into_iter()
        .map(|c| (c.user_id, c.municipality))
        .collect();
    // Whoever has seen the ranking keeps what they had and is given nothing new.
    let viewers = app.store.ranking_viewers(slug, year).await?;
    let before = app.store.assignments(slug, year).await?;
    let conflicted = |e: usize, j: usize| {
        let pair = (members[j].user_id, codes[e]);
        register.contains(&pair) || (viewers.contains(&pair.0) && !before.contains(&pair))
    };
    let result = match k {
        None => assignment::everyone(codes.len(), members.len(), conflicted),
        Some(k) => assignment::k_reviewers(codes.len(), members.len(), k, conflicted),
    };
    let pairs: Vec<(i64, MunicipalityCode)> =
        result.pairs.iter().map(|&(e, j)| (members[j].user_id, codes[e])).collect();
    if let Err(refused) = app.store.replace_assignments(slug, year, &pairs, actor).await? {
        // Someone saw the ranking between the read above and the write.
        return Ok(vec![super::assignments::saw_ranking_text(lang, &members, &refused)]);
    }
    Ok(result
        .short
        .iter()
        .map(|s| {
            t_args(
                lang,
                "admin-jury-shortfall",
                &[
                    ("name", juryn_domain::municipality::name_of(codes[s.entry])),
                    ("wanted", s.wanted.to_string()),
                    ("eligible", s.eligible.to_string()),
                ],
            )
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_municipality_is_found_by_code_or_name() {
        assert_eq!(municipality_from_text("0186").map(|c| c.to_string()).as_deref(), Some("0186"));
        assert_eq!(municipality_from_text(" lidingö ").map(|c| c.to_string()).as_deref(), Some("0186"));
        assert_eq!(municipality_from_text("Atlantis"), None);
    }
}
