//! The follow-up for those through a cut (2021: the nominated municipalities' digital-maturity
//! self-assessment, made in the external tool DiMiOS): a second, short questionnaire with its
//! own deadline, answered in the portal by the selected entries only — or, instead, the tool's
//! result imported by the organiser as CSV rows of (municipality, indicator, level).

use jiff::Timestamp;

use crate::MunicipalityCode;
use crate::municipality::Registry;
use crate::questionnaire::{Level, Question, QuestionKind, StoredAnswer};

/// The follow-up of an edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FollowUp {
    /// Answered by the selection of this round (1 for the first cut).
    pub after_round: u16,
    /// Answers are taken in the portal until this time.
    pub closes_at: Timestamp,
    pub questions: Vec<Question>,
}

impl FollowUp {
    /// Whether the portal still takes answers at `now`.
    pub fn open_at(&self, now: Timestamp) -> bool {
        now < self.closes_at
    }

    /// Every maturity indicator of the questionnaire as (question, indicator) positions, in
    /// order: what an import's indicator column names, by number (from 1) or by name.
    fn indicators(&self) -> Vec<(usize, usize, &crate::LocalizedText)> {
        self.questions
            .iter()
            .enumerate()
            .flat_map(|(q, question)| match &question.kind {
                QuestionKind::Maturity { indicators } => {
                    indicators.iter().enumerate().map(|(i, name)| (q, i, name)).collect::<Vec<_>>()
                }
                _ => Vec::new(),
            })
            .collect()
    }
}

/// Why a follow-up's set-up is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SetupProblem {
    #[error("the follow-up has no question")]
    NoQuestion,
    #[error("the follow-up must come after a cut before the last round")]
    NoSuchCut,
}

/// Checks a follow-up against the edition's number of rounds: it follows a cut before the last
/// round (the last round's selection is the nominees, visited instead).
pub fn check_setup(f: &FollowUp, rounds: usize) -> Result<(), SetupProblem> {
    if f.questions.is_empty() {
        return Err(SetupProblem::NoQuestion);
    }
    if f.after_round == 0 || usize::from(f.after_round) >= rounds {
        return Err(SetupProblem::NoSuchCut);
    }
    Ok(())
}

/// What is wrong with one row of an import (rows numbered from 1 as in the file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportProblem {
    /// Fewer than three columns.
    Columns(usize),
    UnknownMunicipality(usize, String),
    /// A municipality that was not selected in the cut the follow-up is for.
    NotThrough(usize, MunicipalityCode),
    UnknownIndicator(usize, String),
    /// A level that is not on the scale (helt, delvis, inte alls).
    Level(usize, String),
    /// The same municipality and indicator on two rows.
    Twice(usize),
    /// The follow-up has no maturity question to import into.
    NoIndicators,
    /// No row at all.
    Empty,
}

/// A name compared loosely: any case, spaces collapsed.
fn loose(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// A level as spreadsheets write it: the scale's words in Swedish or English, any case.
pub fn read_level(text: &str) -> Option<Level> {
    match loose(&text.replace(['-', '_'], " ")).as_str() {
        "helt" | "fully" => Some(Level::Fully),
        "delvis" | "partly" | "partially" => Some(Level::Partly),
        "inte alls" | "not at all" => Some(Level::NotAtAll),
        _ => None,
    }
}

/// Reads an import's rows (a first row that names no municipality is a header) into each named
/// municipality's stored answers, one per question: the maturity questions filled from the rows,
/// starting from what `existing` holds for the municipality, the other questions kept. Every
/// problem is reported, with its row; nothing is taken unless every row is right.
pub fn read_import(
    rows: &[Vec<String>],
    follow_up: &FollowUp,
    through: &[MunicipalityCode],
    existing: impl Fn(MunicipalityCode) -> Vec<StoredAnswer>,
) -> Result<Vec<(MunicipalityCode, Vec<StoredAnswer>)>, Vec<ImportProblem>> {
    let indicators = follow_up.indicators();
    if indicators.is_empty() {
        return Err(vec![ImportProblem::NoIndicators]);
    }
    let registry = Registry::sweden();
    let mut problems = Vec::new();
    let mut levels: Vec<(MunicipalityCode, usize, usize, Level)> = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let line = i + 1;
        let cell = |n: usize| row.get(n).map_or("", |s| s.trim());
        let municipality = registry.find(cell(0)).map(|m| m.code);
        if i == 0 && municipality.is_none() {
            continue; // a header
        }
        if row.len() < 3 {
            problems.push(ImportProblem::Columns(line));
            continue;
        }
        let Some(code) = municipality else {
            problems.push(ImportProblem::UnknownMunicipality(line, cell(0).chars().take(40).collect()));
            continue;
        };
        if !through.contains(&code) {
            problems.push(ImportProblem::NotThrough(line, code));
            continue;
        }
        let named = cell(1);
        let key = loose(named);
        let found = named
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|n| indicators.get(n))
            .or_else(|| {
                indicators.iter().find(|(_, _, name)| {
                    loose(&name.sv) == key || name.en.as_deref().is_some_and(|en| loose(en) == key)
                })
            });
        let Some(&(q, ind, _)) = found else {
            problems.push(ImportProblem::UnknownIndicator(line, named.chars().take(60).collect()));
            continue;
        };
        let Some(level) = read_level(cell(2)) else {
            problems.push(ImportProblem::Level(line, cell(2).chars().take(40).collect()));
            continue;
        };
        if levels.iter().any(|(c, lq, li, _)| *c == code && *lq == q && *li == ind) {
            problems.push(ImportProblem::Twice(line));
            continue;
        }
        levels.push((code, q, ind, level));
    }
    if levels.is_empty() && problems.is_empty() {
        problems.push(ImportProblem::Empty);
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut out: Vec<(MunicipalityCode, Vec<StoredAnswer>)> = Vec::new();
    for (code, q, ind, level) in levels {
        if !out.iter().any(|(c, _)| *c == code) {
            let mut answers = existing(code);
            answers.resize(follow_up.questions.len(), String::new());
            out.push((code, answers));
        }
        let Some((_, answers)) = out.iter_mut().find(|(c, _)| *c == code) else { continue };
        let QuestionKind::Maturity { indicators } = &follow_up.questions[q].kind else { continue };
        let mut places: Vec<String> = answers[q].split(',').map(str::to_owned).collect();
        places.resize(indicators.len(), String::new());
        places[ind] = level.as_str().to_owned();
        answers[q] = if places.iter().all(String::is_empty) { String::new() } else { places.join(",") };
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::LocalizedText;

    fn follow_up() -> FollowUp {
        let indicators = ["Strategi", "Ledning", "Kompetens"].map(LocalizedText::sv_only).to_vec();
        FollowUp {
            after_round: 1,
            closes_at: "2021-06-01T10:00:00Z".parse().unwrap(),
            questions: vec![
                Question {
                    prompt: LocalizedText::sv_only("Digital mognad"),
                    help: LocalizedText::default(),
                    kind: QuestionKind::Maturity { indicators },
                    required: true,
                },
                Question::long_text(LocalizedText::sv_only("Kommentar"), None),
            ],
        }
    }

    fn rows(text: &[&[&str]]) -> Vec<Vec<String>> {
        text.iter().map(|r| r.iter().map(|c| (*c).to_owned()).collect()).collect()
    }

    fn code(c: &str) -> MunicipalityCode {
        MunicipalityCode::parse(c).unwrap()
    }

    #[test]
    fn rows_fill_each_municipalitys_assessment_by_indicator_name_or_number() {
        let through = [code("2281"), code("0780")];
        let read = read_import(
            &rows(&[
                &["kommun", "indikator", "nivå"],
                &["2281", "Strategi", "Helt"],
                &["Sundsvall", "3", "inte alls"],
                &["Växjö kommun", "ledning", "delvis"],
            ]),
            &follow_up(),
            &through,
            |c| if c == code("2281") { vec![String::new(), "Vi mätte".into()] } else { Vec::new() },
        )
        .unwrap();
        assert_eq!(
            read,
            [
                (code("2281"), vec!["helt,,inte-alls".to_owned(), "Vi mätte".to_owned()]),
                (code("0780"), vec![",delvis,".to_owned(), String::new()]),
            ]
        );
    }

    #[test]
    fn every_bad_row_is_named_and_nothing_is_taken() {
        let through = [code("2281")];
        let problems = read_import(
            &rows(&[
                &["2281", "Strategi", "helt"],
                &["9999", "Strategi", "helt"],
                &["0180", "Strategi", "helt"],
                &["2281", "Budget", "helt"],
                &["2281", "Ledning", "4"],
                &["2281", "Strategi", "delvis"],
                &["2281", "Ledning"],
            ]),
            &follow_up(),
            &through,
            |_| Vec::new(),
        )
        .unwrap_err();
        assert_eq!(
            problems,
            [
                ImportProblem::UnknownMunicipality(2, "9999".into()),
                ImportProblem::NotThrough(3, code("0180")),
                ImportProblem::UnknownIndicator(4, "Budget".into()),
                ImportProblem::Level(5, "4".into()),
                ImportProblem::Twice(6),
                ImportProblem::Columns(7),
            ]
        );
        assert_eq!(read_import(&[], &follow_up(), &through, |_| Vec::new()), Err(vec![ImportProblem::Empty]));
    }

    #[test]
    fn a_follow_up_comes_after_a_cut_before_the_last_round() {
        let f = follow_up();
        assert_eq!(check_setup(&f, 2), Ok(()));
        assert_eq!(check_setup(&f, 1), Err(SetupProblem::NoSuchCut));
        assert_eq!(check_setup(&FollowUp { after_round: 0, ..f.clone() }, 2), Err(SetupProblem::NoSuchCut));
        assert_eq!(check_setup(&FollowUp { questions: vec![], ..f }, 2), Err(SetupProblem::NoQuestion));
    }
}
