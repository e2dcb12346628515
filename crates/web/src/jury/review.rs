//! `/jury/{award}/{year}/bidrag/{code}`: one entry for the jury. The answers beside the scoring
//! form (a score and a comment per criterion, an overall comment; save as draft or submit);
//! the jury's other submitted reviews and the discussion, shown to a juror only once their own
//! review is submitted, so no one scores with the others' numbers in view.

use askama::Template;
use axum::extract::{Extension, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use juryn_domain::review::{MAX_COMMENT_CHARS, ScoreField, ScoreProblem, check_review, round_open};
use juryn_domain::{Action, Criterion, Decision, Lang, MunicipalityCode, Slug, decide};
use juryn_store::{EntryContent, ReviewRefusal, ReviewSave};

use super::review_view::{
    criterion_forms, discussion, no_form_reason, other_reviews, review_view, state_text,
};
use crate::app::AppState;
use crate::auth::{CsrfForm, MaybeViewer, Viewer, require};
use crate::entry_view::{AnswerView, answers};
use crate::error::WebError;
use crate::extract::{EditionKey, Segments};
use crate::find::award_and_edition;
use crate::i18n::{t, t_args};
use crate::layout::Layout;
use crate::respond::{CSRF_SLOT, redirect, with_csrf};

/// The longest discussion post taken, in characters.
pub const MAX_POST_CHARS: usize = 4_000;

/// One scale step as a radio button.
pub struct Step {
    pub value: u8,
    /// The scale's word for the step, if it has one ("Mycket bra").
    pub word: String,
    pub checked: bool,
}

/// One criterion in the form: its text, its scale, and what is filled in.
pub struct CriterionForm {
    pub id: i64,
    pub name: String,
    pub description: String,
    pub scale_hint: String,
    pub steps: Vec<Step>,
    pub comment: String,
    pub error: Option<String>,
}

/// Scores as listed: (criterion, "4 / 5 (Bra)", comment).
pub type ScoreRows = Vec<(String, String, String)>;

/// Another juror's submitted review, or one's own, as the page shows it.
pub struct ReviewView {
    pub juror: String,
    pub scores: ScoreRows,
    pub overall: String,
    /// "Ändrad efter inlämningen 12 november 2019 kl. 14.02", for the chair and organisers.
    pub changed: Option<String>,
    /// The versions it replaced, oldest first: (when written, scores, overall).
    pub earlier: Vec<(String, ScoreRows, String)>,
}

pub struct PostView {
    pub author: String,
    pub when: String,
    pub body: String,
}

#[derive(Template)]
#[template(path = "jury_entry.html")]
struct ReviewPage {
    l: Layout,
    csrf: String,
    heading: String,
    edition: String,
    example: bool,
    answers: Vec<AnswerView>,
    beside: crate::entry_view::Beside,
    /// Why there is no form, if there is none.
    no_form: Option<String>,
    form_action: String,
    criteria: Vec<CriterionForm>,
    overall: String,
    state_text: String,
    errors: Vec<String>,
    own: Option<ReviewView>,
    /// `None` while the others' reviews are withheld from this reader.
    others: Option<Vec<ReviewView>>,
    /// Why they are withheld.
    others_note: String,
    posts: Vec<PostView>,
    post_action: String,
    post_body: String,
    post_errors: Vec<String>,
    may_post: bool,
}

/// What a refused post brings back to the page: what was typed and what is wrong.
#[derive(Default)]
pub(super) struct Shown {
    pub(super) typed: Option<(Vec<ScoreField>, String)>,
    pub(super) errors: Vec<String>,
    pub(super) problems: Vec<ScoreProblem>,
    pub(super) post_body: String,
    pub(super) post_errors: Vec<String>,
}

/// Everything a handler of this page has established: the edition, the entry, and who asks.
pub(super) struct Ctx<'a> {
    pub(super) slug: Slug,
    pub(super) year: i16,
    pub(super) code: MunicipalityCode,
    pub(super) viewer: &'a Viewer,
}

async fn context<'a>(
    viewer: &'a MaybeViewer,
    app: &AppState,
    key: EditionKey,
    code: &str,
) -> Result<(Ctx<'a>, EntryContent), WebError> {
    let ctx = allowed(viewer, app, key, code).await?;
    let entry = app.store.entry(&ctx.slug, ctx.year, ctx.code).await?.ok_or(WebError::NotFound)?;
    Ok((ctx, entry))
}

/// The reader may open this entry's page (or 403/404, as the rules say), asked without reading
/// the entry itself.
async fn allowed<'a>(
    viewer: &'a MaybeViewer,
    app: &AppState,
    key: EditionKey,
    code: &str,
) -> Result<Ctx<'a>, WebError> {
    let here = key.page("/jury", &format!("bidrag/{code}"));
    require(viewer, Action::OpenAccount, &here)?;
    let (slug, year) = key.parts();
    let code = juryn_domain::Registry::sweden().lookup(code).ok_or(WebError::NotFound)?.code;
    require(viewer, Action::OpenJuryArea { award: &slug, year }, &here)?;
    let facts = crate::find::entry_facts(app, (&slug, year)).await?;
    // A draft or withdrawn entry is not the jury's to read: the same 403 as a conflicted one
    // (after the 403, nothing tells whether an entry exists).
    require(viewer, facts.read_entry((&slug, year), code), &here)?;
    if !facts.statuses.contains_key(&code) {
        return Err(WebError::NotFound);
    }
    let viewer = viewer.0.as_ref().ok_or(WebError::Forbidden)?;
    Ok(Ctx { slug, year, code, viewer })
}

pub fn problem_text(lang: Lang, p: &ScoreProblem, criteria: &[(i64, Criterion)]) -> String {
    let name = |id: i64| {
        criteria
            .iter()
            .find(|(k, _)| *k == id)
            .map_or_else(|| id.to_string(), |(_, c)| c.name.get(lang).to_owned())
    };
    match p {
        ScoreProblem::UnknownCriterion(_) | ScoreProblem::Repeated(_) => t(lang, "review-error-criterion"),
        ScoreProblem::NotANumber { criterion } => {
            t_args(lang, "review-error-number", &[("criterion", name(*criterion))])
        }
        ScoreProblem::OffScale { criterion, min, max } => t_args(
            lang,
            "review-error-scale",
            &[("criterion", name(*criterion)), ("min", min.to_string()), ("max", max.to_string())],
        ),
        ScoreProblem::Missing { criterion } => {
            t_args(lang, "review-error-missing", &[("criterion", name(*criterion))])
        }
        ScoreProblem::TooLong { .. } => {
            t_args(lang, "review-error-long", &[("max", MAX_COMMENT_CHARS.to_string())])
        }
    }
}

pub fn refusal_text(lang: Lang, r: ReviewRefusal) -> (StatusCode, String) {
    match r {
        ReviewRefusal::RoundClosed => (StatusCode::CONFLICT, t(lang, "review-refused-closed")),
        ReviewRefusal::NotAssigned | ReviewRefusal::NotOnJury => {
            (StatusCode::FORBIDDEN, t(lang, "review-refused-unassigned"))
        }
        ReviewRefusal::Conflicted => (StatusCode::FORBIDDEN, t(lang, "review-refused-conflicted")),
        ReviewRefusal::UnknownCriterion => {
            (StatusCode::UNPROCESSABLE_ENTITY, t(lang, "review-error-criterion"))
        }
        ReviewRefusal::AlreadySubmitted => (StatusCode::CONFLICT, t(lang, "review-refused-final")),
        ReviewRefusal::SawRanking => (StatusCode::CONFLICT, t(lang, "review-refused-saw-ranking")),
        ReviewRefusal::BookletOnly => (StatusCode::CONFLICT, t(lang, "review-refused-booklet-only")),
        ReviewRefusal::NotInRound => (StatusCode::CONFLICT, t(lang, "review-refused-not-in-round")),
    }
}

/// The page with what a refused post brings back (`shown`), its CSRF token as
/// `respond::CSRF_SLOT`.
async fn render(
    app: &AppState,
    headers: &HeaderMap,
    lang: Lang,
    (ctx, entry): (&Ctx<'_>, &EntryContent),
    status: StatusCode,
    shown: Shown,
) -> Result<Response, WebError> {
    let html = build(app, lang, (ctx, entry), shown).await?.render()?;
    Ok(with_csrf(app, headers, status, &html))
}

/// The page as a template, its CSRF token left as `respond::CSRF_SLOT`.
async fn build(
    app: &AppState,
    lang: Lang,
    (ctx, entry): (&Ctx<'_>, &EntryContent),
    shown: Shown,
) -> Result<ReviewPage, WebError> {
    let Ctx { slug, year, code, viewer } = ctx;
    let (slug, year, code) = (slug, *year, *code);
    let (_, edition) = award_and_edition(&*app.store, slug, year).await?;
    let criteria = app.store.criteria_with_ids(slug, year).await?;
    // This entry's reviews and the reader's assignments only: the page reads one entry, not
    // the edition (at 290 entries the whole edition's reviews took most of the time).
    let reviews = app.store.reviews_of(slug, year, code).await?;
    let me = viewer.user.id;
    let assigned = app.store.assignments_of(slug, year, me).await?.contains(&code);
    let may_review =
        decide(Some(&viewer.actor), &Action::ReviewEntry { award: slug, year, municipality: code })
            == Decision::Allow;
    let on_jury = viewer.actor.on_jury(slug, year);
    let own = reviews.iter().find(|r| r.user_id == me && r.municipality == code);
    let submitted = own.is_some_and(|r| r.submitted_at.is_some());
    let allows = |action: Action<'_>| decide(Some(&viewer.actor), &action) == Decision::Allow;
    let sees_others =
        allows(Action::SeeReviews { award: slug, year, municipality: code, own_submitted: submitted });
    let sees_changes = allows(Action::SeeReviewChanges { award: slug, year });
    let changes_allowed = app.store.review_changes_allowed(slug, year).await?;
    let no_form =
        no_form_reason(lang, (on_jury, round_open(edition.phase), assigned), (submitted, changes_allowed));
    let criteria_forms = criterion_forms(lang, &criteria, own, &shown);
    let overall = match &shown.typed {
        Some((_, overall)) => overall.clone(),
        None => own.map(|r| r.overall.clone()).unwrap_or_default(),
    };
    let state_text = state_text(lang, own);
    let others = if sees_others {
        Some(other_reviews(app, lang, ctx, &reviews, (&criteria, sees_changes)).await?)
    } else {
        None
    };
    let others_note =
        t(lang, if on_jury || sees_changes { "review-others-hidden" } else { "review-others-jury-only" });
    let posts = if sees_others { discussion(app, lang, ctx).await? } else { Vec::new() };
    let (heading, edition_name, answers) = answers(app, lang, (slug, year), entry).await?;
    let beside = crate::entry_view::beside(app, lang, (slug, year), code).await?;
    let base = format!("/jury/{slug}/{year}/bidrag/{code}");
    // The problems of the whole review first, then each criterion's.
    let (whole, per_criterion): (Vec<_>, Vec<_>) =
        shown.problems.iter().partition(|p| p.criterion().is_none());
    let mut errors = shown.errors;
    errors.extend(whole.into_iter().chain(per_criterion).map(|p| problem_text(lang, p, &criteria)));
    let l = Layout::new(lang, heading.clone(), base.clone())
        .crumb(t(lang, "jury-crumb"), format!("/jury/{slug}/{year}"))
        .crumb(heading.clone(), "");
    // One's own review is listed where there is no form to show it in.
    let shows_own = no_form.is_some() || !may_review;
    Ok(ReviewPage {
        l,
        csrf: CSRF_SLOT.to_owned(),
        heading,
        edition: edition_name,
        example: entry.is_example,
        answers,
        beside,
        no_form,
        form_action: format!("{base}/bedomning"),
        criteria: criteria_forms,
        overall,
        state_text,
        errors,
        own: own.filter(|_| shows_own).map(|r| review_view(lang, r, &criteria)),
        others,
        others_note,
        posts,
        post_action: format!("{base}/diskussion"),
        post_body: shown.post_body,
        post_errors: shown.post_errors,
        may_post: sees_others && edition.phase != juryn_domain::Phase::Archived,
    })
}

pub async fn page(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    Segments((_, _, code)): Segments<(String, String, String)>,
) -> Result<Response, WebError> {
    let ctx = allowed(&viewer, &app, key, &code).await?;
    // Everything the page depends on: the entry, the language, the reader and their grants and
    // conflicts (the actor); the data generation does the rest.
    let key = format!(
        "entry|{}|{}|{}|{lang:?}|{}|{:?}",
        ctx.slug, ctx.year, ctx.code, ctx.viewer.user.id, ctx.viewer.actor
    );
    super::cached_form(&app, &headers, key, || async {
        let entry = app.store.entry(&ctx.slug, ctx.year, ctx.code).await?.ok_or(WebError::NotFound)?;
        Ok(build(&app, lang, (&ctx, &entry), Shown::default()).await?.render()?)
    })
    .await
}

/// The review form's fields: `score-{id}`, `comment-{id}` per criterion (in the order they
/// first appear), `overall`, and `op` (`save` or `submit`). A criterion id that is not a number
/// stands as -1, which no criterion has.
fn read_fields(pairs: &[(String, String)]) -> (Vec<ScoreField>, String, String) {
    let mut fields: Vec<ScoreField> = Vec::new();
    let (mut overall, mut op) = (String::new(), String::new());
    for (k, v) in pairs {
        let (kind, id) = match k.split_once('-') {
            Some(("score", id)) => ("score", id),
            Some(("comment", id)) => ("comment", id),
            _ => {
                match k.as_str() {
                    "overall" => overall.clone_from(v),
                    "op" => op.clone_from(v),
                    _ => {}
                }
                continue;
            }
        };
        let id = id.parse::<i64>().unwrap_or(-1);
        let i = match fields.iter().position(|f| f.criterion == id) {
            Some(i) => i,
            None => {
                fields.push(ScoreField { criterion: id, score: String::new(), comment: String::new() });
                fields.len() - 1
            }
        };
        if kind == "score" {
            fields[i].score.clone_from(v);
        } else {
            fields[i].comment.clone_from(v);
        }
    }
    (fields, overall, op)
}

pub async fn save(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    Segments((_, _, code)): Segments<(String, String, String)>,
    CsrfForm(pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, WebError> {
    let (ctx, entry) = context(&viewer, &app, key, &code).await?;
    let review = Action::ReviewEntry { award: &ctx.slug, year: ctx.year, municipality: ctx.code };
    require(&viewer, review, "")?;
    let (fields, overall, op) = read_fields(&pairs);
    let submit = match op.as_str() {
        "submit" => true,
        "save" => false,
        _ => return Err(WebError::BadRequest),
    };
    // A change to a submitted review (where the organiser allows one) is a submission again:
    // complete, and kept beside the version it replaces. Whether it is allowed at all is the
    // store's to say, inside the write.
    let already =
        app.store.reviews_of(&ctx.slug, ctx.year, ctx.code).await?.iter().any(|r| {
            r.user_id == ctx.viewer.user.id && r.municipality == ctx.code && r.submitted_at.is_some()
        });
    let submit = submit || already;
    if already && !app.store.review_changes_allowed(&ctx.slug, ctx.year).await? {
        // Final: said before anything typed is checked (the store refuses it too).
        let (status, text) = refusal_text(lang, ReviewRefusal::AlreadySubmitted);
        let shown = Shown { errors: vec![text], ..Shown::default() };
        return render(&app, &headers, lang, (&ctx, &entry), status, shown).await;
    }
    let criteria = app.store.criteria_with_ids(&ctx.slug, ctx.year).await?;
    let refuse = |status, errors, problems, fields, overall| {
        let shown = Shown { typed: Some((fields, overall)), errors, problems, ..Shown::default() };
        render(&app, &headers, lang, (&ctx, &entry), status, shown)
    };
    let scores = match check_review(&criteria, &fields, &overall, submit) {
        Ok(scores) => scores,
        Err(problems) => {
            return refuse(StatusCode::UNPROCESSABLE_ENTITY, vec![], problems, fields, overall).await;
        }
    };
    let save = ReviewSave { scores, overall: overall.trim().to_owned(), submit };
    let outcome = app
        .store
        .save_review(&ctx.slug, ctx.year, ctx.viewer.user.id, ctx.code, &save, &ctx.viewer.stamp(app.now()))
        .await?;
    if let Err(refusal) = outcome {
        let (status, text) = refusal_text(lang, refusal);
        return refuse(status, vec![text], vec![], fields, overall).await;
    }
    Ok(redirect(&format!("/jury/{}/{}/bidrag/{}#bedomning", ctx.slug, ctx.year, ctx.code), vec![]))
}

#[derive(serde::Deserialize)]
pub struct PostForm {
    #[serde(default)]
    body: String,
}

pub async fn post(
    State(app): State<AppState>,
    Extension(lang): Extension<Lang>,
    headers: HeaderMap,
    viewer: MaybeViewer,
    key: EditionKey,
    Segments((_, _, code)): Segments<(String, String, String)>,
    CsrfForm(form): CsrfForm<PostForm>,
) -> Result<Response, WebError> {
    let (ctx, entry) = context(&viewer, &app, key, &code).await?;
    let (slug, year, code, me) = (&ctx.slug, ctx.year, ctx.code, ctx.viewer.user.id);
    let own_submitted = app
        .store
        .reviews_of(slug, year, code)
        .await?
        .iter()
        .any(|r| r.user_id == me && r.municipality == code && r.submitted_at.is_some());
    require(&viewer, Action::SeeReviews { award: slug, year, municipality: code, own_submitted }, "")?;
    crate::find::refuse_if_archived(&app, (slug, year)).await?;
    let body = form.body.trim();
    let error = if body.is_empty() {
        Some(t(lang, "review-post-empty"))
    } else if body.chars().count() > MAX_POST_CHARS {
        Some(t_args(lang, "review-post-long", &[("max", MAX_POST_CHARS.to_string())]))
    } else {
        None
    };
    if let Some(e) = error {
        let shown = Shown { post_body: form.body.clone(), post_errors: vec![e], ..Shown::default() };
        return render(&app, &headers, lang, (&ctx, &entry), StatusCode::UNPROCESSABLE_ENTITY, shown).await;
    }
    app.store.post_discussion(slug, year, code, me, body, &ctx.viewer.stamp(app.now())).await?;
    Ok(redirect(&format!("/jury/{slug}/{year}/bidrag/{code}#diskussion"), vec![]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use juryn_domain::municipality::name_of;

    #[test]
    fn reads_scores_and_comments_by_criterion_id() {
        let pairs: Vec<(String, String)> = [
            ("csrf", "x"),
            ("score-7", "4"),
            ("comment-7", "Bra"),
            ("comment-8", "Tunt"),
            ("score-x", "3"),
            ("overall", "Helhet"),
            ("op", "submit"),
        ]
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
        let (fields, overall, op) = read_fields(&pairs);
        assert_eq!(fields.len(), 3);
        assert_eq!(
            (fields[0].criterion, fields[0].score.as_str(), fields[0].comment.as_str()),
            (7, "4", "Bra")
        );
        assert_eq!((fields[1].criterion, fields[1].score.as_str()), (8, ""));
        assert_eq!(fields[2].criterion, -1);
        assert_eq!((overall.as_str(), op.as_str()), ("Helhet", "submit"));
        assert_eq!(name_of(MunicipalityCode::parse("0186").unwrap()), "Lidingö");
    }
}
