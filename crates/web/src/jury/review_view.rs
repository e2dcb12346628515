//! The review page's parts: a review as others read it (with its changes, for those who may see
//! them), the form's fields per criterion, why there is no form, and the discussion.

use super::review::{CriterionForm, Ctx, PostView, ReviewView, ScoreRows, Shown, Step, problem_text};
use crate::app::AppState;
use crate::error::WebError;
use crate::i18n::{t, t_args};
use juryn_domain::review::Score;
use juryn_domain::{Criterion, Lang, Slug, format_time};
use juryn_store::StoredReview;

fn score_rows(lang: Lang, scores: &[Score], criteria: &[(i64, Criterion)]) -> ScoreRows {
    criteria
        .iter()
        .map(|(id, c)| {
            let s = scores.iter().find(|s| s.criterion == *id);
            let score = s.and_then(|s| s.score).map_or_else(
                || "–".to_owned(),
                |v| match c.label(v) {
                    Some(word) => format!("{v} / {} ({})", c.scale_max, word.get(lang)),
                    None => format!("{v} / {}", c.scale_max),
                },
            );
            (c.name.get(lang).to_owned(), score, s.map(|s| s.comment.clone()).unwrap_or_default())
        })
        .collect()
}

pub(super) fn review_view(lang: Lang, r: &StoredReview, criteria: &[(i64, Criterion)]) -> ReviewView {
    ReviewView {
        juror: r.juror.clone(),
        scores: score_rows(lang, &r.scores, criteria),
        overall: r.overall.clone(),
        changed: None,
        earlier: Vec::new(),
    }
}

/// A review with its changes after submission shown, for the chair and organisers.
async fn review_view_with_changes(
    app: &AppState,
    lang: Lang,
    (slug, year): (&Slug, i16),
    r: &StoredReview,
    criteria: &[(i64, Criterion)],
) -> juryn_store::Result<ReviewView> {
    let mut view = review_view(lang, r, criteria);
    if let Some(at) = r.changed_at {
        view.changed = Some(t_args(lang, "review-changed", &[("time", format_time(at, lang))]));
        view.earlier = app
            .store
            .review_versions(slug, year, r.user_id, r.municipality)
            .await?
            .into_iter()
            .map(|v| (format_time(v.written_at, lang), score_rows(lang, &v.scores, criteria), v.overall))
            .collect();
    }
    Ok(view)
}

/// The form's fields, one per criterion: as typed when the page comes back with problems, else
/// as the juror's saved review has them.
pub(super) fn criterion_forms(
    lang: Lang,
    criteria: &[(i64, Criterion)],
    own: Option<&StoredReview>,
    shown: &Shown,
) -> Vec<CriterionForm> {
    let typed_value = |id: i64| -> (String, String) {
        match &shown.typed {
            Some((fields, _)) => fields
                .iter()
                .find(|f| f.criterion == id)
                .map(|f| (f.score.clone(), f.comment.clone()))
                .unwrap_or_default(),
            None => own
                .and_then(|r| r.scores.iter().find(|s| s.criterion == id))
                .map(|s| (s.score.map(|v| v.to_string()).unwrap_or_default(), s.comment.clone()))
                .unwrap_or_default(),
        }
    };
    criteria
        .iter()
        .map(|(id, c)| {
            let (score, comment) = typed_value(*id);
            CriterionForm {
                id: *id,
                name: c.name.get(lang).to_owned(),
                description: c.description.get(lang).to_owned(),
                scale_hint: t_args(
                    lang,
                    "review-scale-hint",
                    &[("min", c.scale_min.to_string()), ("max", c.scale_max.to_string())],
                ),
                steps: (c.scale_min..=c.scale_max)
                    .map(|value| Step {
                        value,
                        word: c.label(value).map(|w| w.get(lang).to_owned()).unwrap_or_default(),
                        checked: score.trim() == value.to_string(),
                    })
                    .collect(),
                comment,
                error: shown
                    .problems
                    .iter()
                    .find(|p| p.criterion() == Some(*id))
                    .map(|p| problem_text(lang, p, criteria)),
            }
        })
        .collect()
}

/// Why the page shows no form, if it does not: not on the jury, the round closed, not
/// assigned, or a submitted review that may not change.
pub(super) fn no_form_reason(
    lang: Lang,
    (on_jury, round_open, assigned): (bool, bool, bool),
    (submitted, changes_allowed): (bool, bool),
) -> Option<String> {
    if !on_jury {
        Some(t(lang, "review-not-juror"))
    } else if !round_open {
        Some(t(lang, "review-round-closed"))
    } else if !assigned {
        Some(t(lang, "review-refused-unassigned"))
    } else if submitted && !changes_allowed {
        Some(t(lang, "review-final"))
    } else {
        None
    }
}

/// Where the juror's own review stands, in words.
pub(super) fn state_text(lang: Lang, own: Option<&StoredReview>) -> String {
    match own {
        None => t(lang, "review-progress-not-started"),
        Some(r) => match r.submitted_at {
            Some(at) => t_args(lang, "review-state-submitted", &[("time", format_time(at, lang))]),
            None => t_args(lang, "review-state-draft", &[("time", format_time(r.updated_at, lang))]),
        },
    }
}

/// The other jurors' submitted reviews of this entry, with their changes for those who may see
/// them.
pub(super) async fn other_reviews(
    app: &AppState,
    lang: Lang,
    ctx: &Ctx<'_>,
    reviews: &[StoredReview],
    (criteria, sees_changes): (&[(i64, Criterion)], bool),
) -> Result<Vec<ReviewView>, WebError> {
    let me = ctx.viewer.user.id;
    let mut views = Vec::new();
    for r in
        reviews.iter().filter(|r| r.municipality == ctx.code && r.user_id != me && r.submitted_at.is_some())
    {
        views.push(if sees_changes {
            review_view_with_changes(app, lang, (&ctx.slug, ctx.year), r, criteria).await?
        } else {
            review_view(lang, r, criteria)
        });
    }
    Ok(views)
}

/// The jury's discussion of this entry.
pub(super) async fn discussion(app: &AppState, lang: Lang, ctx: &Ctx<'_>) -> Result<Vec<PostView>, WebError> {
    Ok(app
        .store
        .discussion(&ctx.slug, ctx.year, ctx.code)
        .await?
        .into_iter()
        .map(|p| PostView {
            author: p.author.unwrap_or_else(|| t(lang, "review-post-erased")),
            when: format_time(p.posted_at, lang),
            body: p.body,
        })
        .collect())
}
