//! The round the jury decides now (domain::round): with one round, every submitted entry
//! towards the shortlist; with several, the first round not cut yet, among the cut before it.
//! The ranking and the chair's selection page both show that round only.

use juryn_domain::round::{Cut, Round, candidates, current_round};
use juryn_domain::{Edition, MunicipalityCode, Slug};

use crate::app::AppState;

pub struct Stage {
    /// For a round before the last: its position and settings (its cut is not the shortlist).
    pub cut: Option<(u16, Round)>,
    /// How many the round selects.
    pub least: u16,
    pub most: u16,
    /// What the round chooses among.
    pub candidates: Vec<MunicipalityCode>,
    /// The earlier rounds' cuts so far.
    pub cuts: Vec<Cut>,
    /// With several rounds: the round being decided (the last one too), its position and how
    /// many there are, so a juror reads which round the reviews are for.
    pub named: Option<(u16, usize, Round)>,
}

impl Stage {
    /// What the round's ranking leaves out: the submitted entries that are not candidates, and
    /// the reader's conflicts.
    pub fn left_out(
        &self,
        submitted: &[MunicipalityCode],
        conflicts: &[MunicipalityCode],
    ) -> Vec<MunicipalityCode> {
        submitted.iter().filter(|c| !self.candidates.contains(c)).chain(conflicts).copied().collect()
    }
}

pub async fn stage(
    app: &AppState,
    (slug, year): (&Slug, i16),
    edition: &Edition,
) -> juryn_store::Result<Stage> {
    let rounds = app.store.rounds(slug, year).await?;
    let cuts = if rounds.len() > 1 { app.store.cuts(slug, year).await? } else { Vec::new() };
    let (_, submitted) = crate::find::entry_codes(&*app.store, (slug, year)).await?;
    let candidates = candidates(&cuts, &submitted);
    let position = current_round(rounds.len(), &cuts);
    let cut = rounds.get(usize::from(position) - 1).filter(|_| usize::from(position) < rounds.len());
    let named = rounds
        .get(usize::from(position) - 1)
        .filter(|_| rounds.len() > 1)
        .map(|r| (position, rounds.len(), r.clone()));
    Ok(match cut {
        Some(round) => Stage {
            cut: Some((position, round.clone())),
            least: round.least,
            most: round.most,
            candidates,
            cuts,
            named,
        },
        None => Stage {
            cut: None,
            least: edition.shortlist_min,
            most: edition.shortlist_max,
            candidates,
            cuts,
            named,
        },
    })
}
