//! The demo jury at work: an account for each of the seven invented jurors (the chair with the
//! chair's role), two conflicts of interest (Anders Wikström lives in Östersund; Jonas Berg
//! declared one with Karlskrona), three reviewers per entry assigned by the domain's max flow,
//! and invented scores. The scores are set so that the five real nominees come out on top of
//! the adjusted ranking, with one harsh juror (Leila Haddad) and one lenient (Jonas Berg) whose
//! reviews move entries in the raw mean: the adjusted ranking visibly differs from the raw one.

use jiff::Timestamp;
use juryn_domain::conflict::Ruling;
use juryn_domain::review::Score;
use juryn_domain::{Grant, Lang, MunicipalityCode, Phase, Role, Scope, Slug};

use super::sdk2019::code;
use super::sdk2019::{self, AWARD_SLUG, PARTICIPANTS, YEAR};
use super::stamp;
use crate::{NewUser, Result, ReviewSave, Store, StoreError};

/// Reviewers per entry in the demo.
pub const REVIEWERS_PER_ENTRY: usize = 3;

/// The juror a visitor can try the review form as: at `shortlisting` some of her reviews are
/// drafts and some not started.
pub const TRYING_JUROR: &str = "Sofia Lind";

/// How many of the trying juror's reviews are left as drafts, and how many not started.
const DRAFTS: usize = 2;
const NOT_STARTED: usize = 2;

/// The email of a demo juror: `karin.ekholm@example.invalid`.
pub fn juror_email(name: &str) -> String {
    let ascii: String = name
        .to_lowercase()
        .chars()
        .map(|c| match c {
            'å' | 'ä' => 'a',
            'ö' => 'o',
            'é' => 'e',
            ' ' => '.',
            c => c,
        })
        .collect();
    format!("{ascii}@example.invalid")
}

/// Each juror's leniency in scale steps: how far above the jury they score.
fn leniency(name: &str) -> f64 {
    match name {
        "Leila Haddad" => -1.0,
        "Jonas Berg" => 1.0,
        "Anders Wikström" => 0.2,
        "Mats Öberg" => -0.2,
        "Sofia Lind" => 0.1,
        "Åsa Nordin" => -0.1,
        _ => 0.0,
    }
}

/// An entry's invented quality on the 1–5 scale: the nominees clearly ahead, the rest spread
/// over 2.0–3.5 in a fixed pseudo-random order.
fn quality(code: MunicipalityCode, index: usize) -> f64 {
    match sdk2019::nominees().iter().position(|n| *n == code) {
        Some(i) => 4.7 - 0.1 * i as f64,
        None => 2.0 + 1.5 * ((index * 37) % 43) as f64 / 42.0,
    }
}

/// A small, fixed disturbance in −0.4..0.4 for one score.
fn noise(entry: usize, juror: usize, criterion: usize) -> f64 {
    let h = (entry as u64 * 7919 + juror as u64 * 104_729 + criterion as u64 * 1_299_709) % 9;
    (h as f64 - 4.0) / 10.0
}

/// The invented score of one review on one criterion.
pub fn score(entry: usize, juror: usize, juror_name: &str, criterion: usize) -> u8 {
    let code = code(PARTICIPANTS[entry]);
    let criterion_lean = [0.0, -0.2, 0.2][criterion % 3];
    let x = quality(code, entry) + leniency(juror_name) + criterion_lean + noise(entry, juror, criterion);
    x.round().clamp(1.0, 5.0) as u8
}

fn slug() -> Slug {
    Slug::parse(AWARD_SLUG).expect("demo slug")
}

/// The same jury for a later edition told from its shortlisting (`juryn demo --edition 2021
/// --phase shortlisting`), so its rounds can be tried: each juror's role in that edition too.
pub async fn serve_again(store: &dyn Store, year: i16, now: Timestamp) -> Result<()> {
    let slug = slug();
    let by = stamp(now);
    for juror in sdk2019::jury() {
        let Some(user) = store.user_by_email(&juror_email(&juror.name)).await? else { continue };
        let role = if juror.is_chair { Role::JuryChair } else { Role::Juror };
        store
            .grant(
                user.id,
                &Grant { role, scope: Scope::Edition(slug.clone(), year), municipality: None },
                &by,
            )
            .await?;
    }
    Ok(())
}

/// A juror's account at `email`, their role in the edition (the chair's for the chair) and the
/// link to their public profile (which recomputes their conflicts). Returns the account's id.
pub(super) async fn account(
    store: &dyn Store,
    (slug, year): (&Slug, i16),
    juror: &juryn_domain::Juror,
    email: &str,
    by: &crate::Stamp,
) -> Result<i64> {
    let user =
        NewUser { email: email.to_owned(), name: juror.name.clone(), lang: Lang::Sv, password_hash: None };
    let id = store.put_user(&user, by).await?;
    let role = if juror.is_chair { Role::JuryChair } else { Role::Juror };
    store
        .grant(id, &Grant { role, scope: Scope::Edition(slug.clone(), year), municipality: None }, by)
        .await?;
    if !store.link_juror(slug, year, &juror.name, id, None, by).await? {
        return Err(StoreError::Invalid(format!("no jury profile {}", juror.name)));
    }
    Ok(id)
}

/// The jury's accounts, links to the public profiles and the declared conflict. Returns each
/// juror's account id, in the order of `sdk2019::jury()`.
pub async fn accounts(store: &dyn Store, now: Timestamp) -> Result<Vec<i64>> {
    let slug = slug();
    let by = stamp(now);
    let mut ids = Vec::new();
    for juror in sdk2019::jury() {
        ids.push(account(store, (&slug, YEAR), &juror, &juror_email(&juror.name), &by).await?);
    }
    let jonas = sdk2019::jury().iter().position(|j| j.name == "Jonas Berg").map(|i| ids[i]);
    if let Some(jonas) = jonas {
        let karlskrona = code("1080");
        let declared = store.rulings(&slug, YEAR).await?.iter().any(|r| r.user_id == jonas);
        if !declared {
            let reason = "Var kommunikatör i Karlskrona kommun till 2018 (exempeltext).".to_owned();
            let ruling = Ruling::Declared { municipality: karlskrona, reason };
            store.add_ruling(&slug, YEAR, jonas, &ruling, Some(jonas), &by).await?;
        }
    }
    Ok(ids)
}

/// Assigns three reviewers per entry and writes the reviews. At `shortlisting` the trying
/// juror has a few drafts and a few not started; later every review is submitted.
pub async fn reviews(store: &dyn Store, jurors: &[i64], phase: Phase, now: Timestamp) -> Result<()> {
    let slug = slug();
    let names: Vec<String> = sdk2019::jury().into_iter().map(|j| j.name).collect();
    let conflicts: Vec<(i64, MunicipalityCode)> = store
        .conflict_register(&slug, YEAR)
        .await?
        .into_iter()
        .map(|c| (c.user_id, c.municipality))
        .collect();
    let codes: Vec<MunicipalityCode> = PARTICIPANTS.iter().map(|c| code(c)).collect();
    let assignment =
        juryn_domain::assignment::k_reviewers(codes.len(), jurors.len(), REVIEWERS_PER_ENTRY, |e, j| {
            conflicts.contains(&(jurors[j], codes[e]))
        });
    let pairs: Vec<(i64, MunicipalityCode)> =
        assignment.pairs.iter().map(|&(e, j)| (jurors[j], codes[e])).collect();
    store
        .replace_assignments(&slug, YEAR, &pairs, &stamp(now))
        .await?
        .map_err(|refused| StoreError::Invalid(format!("{} pairs for ranking viewers", refused.len())))?;
    let criteria = store.criteria_with_ids(&slug, YEAR).await?;
    let trying = names.iter().position(|n| n == TRYING_JUROR);
    let mut trying_seen = 0;
    for &(e, j) in &assignment.pairs {
        let mut submit = true;
        if Some(j) == trying && phase == Phase::Shortlisting {
            trying_seen += 1;
            let left = assignment.loads[j] - trying_seen;
            if left < NOT_STARTED {
                continue;
            }
            submit = left >= NOT_STARTED + DRAFTS;
        }
        let values: Vec<u8> = (0..criteria.len()).map(|c| score(e, j, &names[j], c)).collect();
        let scores = criteria
            .iter()
            .zip(&values)
            .map(|((id, _), v)| Score { criterion: *id, score: Some(*v), comment: String::new() })
            .collect();
        let save = ReviewSave { scores, overall: overall(&values), submit };
        // Loading the demo again finds its reviews submitted already, and final.
        match store.save_review(&slug, YEAR, jurors[j], codes[e], &save, &stamp(now)).await? {
            Ok(()) | Err(crate::ReviewRefusal::AlreadySubmitted) => {}
            Err(r) => return Err(StoreError::Invalid(format!("demo review refused: {r:?}"))),
        }
    }
    // A thread on one nominee, started by the chair.
    let lidingo = code("0186");
    let chair = sdk2019::jury().iter().position(|j| j.is_chair).map(|i| jurors[i]);
    if let Some(chair) = chair
        && store.discussion(&slug, YEAR, lidingo).await?.is_empty()
    {
        let post = "Lidingö ligger högt hos alla tre bedömarna. Ska vi be om siffror på hur \
                    e-tjänsterna används innan slutnomineringen? (Exempeltext.)";
        store.post_discussion(&slug, YEAR, lidingo, chair, post, &stamp(now)).await?;
    }
    Ok(())
}

/// An invented overall comment that fits the scores (marked as example text).
fn overall(scores: &[u8]) -> String {
    let mean = scores.iter().map(|s| f64::from(*s)).sum::<f64>() / scores.len().max(1) as f64;
    let text = if mean >= 4.3 {
        "Ett genomarbetat och modigt utvecklingsarbete som invånarna märker."
    } else if mean >= 3.5 {
        "Bra resultat, men effekterna kunde ha visats tydligare."
    } else if mean >= 2.5 {
        "Lovande början; arbetet är ännu i liten skala."
    } else {
        "Svårt att se vad som är nytt jämfört med andra kommuner."
    };
    format!("{text} (Exempeltext.)")
}

/// The chair's rationale for each nominee (invented, marked as example text).
pub fn rationales() -> Vec<(MunicipalityCode, String)> {
    let why = |c: &str, s: &str| (code(c), format!("{s} (Exempeltext.)"));
    vec![
        why("1080", "Ett långsiktigt och brett förändringsarbete där invånarnas behov styr."),
        why("1780", "Digitaliseringen är en del av styrningen, inte ett sidoprojekt."),
        why("0186", "Tydliga e-tjänster som invånarna faktiskt använder, och öppen uppföljning."),
        why("0181", "Modigt utvecklingsarbete i en kommun med stora utmaningar."),
        why("2480", "Öppna data och samarbete med regionens företag och universitet."),
    ]
}

#[cfg(test)]
mod tests {
    use juryn_domain::ranking::{self, Options, Review};

    use super::*;

    /// The demo's promise: the nominees are the adjusted top five, and the adjusted ranking
    /// differs from the raw one.
    #[test]
    fn the_nominees_lead_the_adjusted_ranking_and_raw_differs() {
        let names: Vec<String> = sdk2019::jury().into_iter().map(|j| j.name).collect();
        let codes: Vec<MunicipalityCode> = PARTICIPANTS.iter().map(|c| code(c)).collect();
        let jonas = names.iter().position(|n| n == "Jonas Berg").unwrap();
        let anders = names.iter().position(|n| n == "Anders Wikström").unwrap();
        let conflicted = |e: usize, j: usize| {
            (j == jonas && PARTICIPANTS[e] == "1080") || (j == anders && PARTICIPANTS[e] == "2380")
        };
        let a =
            juryn_domain::assignment::k_reviewers(codes.len(), names.len(), REVIEWERS_PER_ENTRY, conflicted);
        assert!(a.short.is_empty() && a.balanced());
        let criteria = sdk2019::criteria();
        let reviews: Vec<Review> = a
            .pairs
            .iter()
            .map(|&(e, j)| {
                let scores: Vec<u8> = (0..3).map(|c| score(e, j, &names[j], c)).collect();
                Review { entry: e, juror: j, score: ranking::combine(&criteria, &scores).unwrap() }
            })
            .collect();
        let r = ranking::rank(codes.len(), names.len(), &reviews, &Options::default());
        let mut top: Vec<&str> = r.rows[..5].iter().map(|row| PARTICIPANTS[row.entry]).collect();
        top.sort_unstable();
        assert_eq!(top, ["0181", "0186", "1080", "1780", "2480"]);
        let moved = r.rows.iter().filter(|row| row.raw_rank != row.rank).count();
        assert!(moved >= 10, "only {moved} entries change place between raw and adjusted");
        let leila = names.iter().position(|n| n == "Leila Haddad").unwrap();
        let harsh = r.jurors.iter().find(|j| j.juror == leila).unwrap();
        assert!(harsh.leniency < -0.1, "the harsh juror is seen as harsh: {}", harsh.leniency);
    }
}
