//! Review criteria (*bedömningskriterier*): what the jury scores entries by.

use serde::{Deserialize, Serialize};

use crate::lang::LocalizedText;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criterion {
    pub name: LocalizedText,
    pub description: LocalizedText,
    pub scale_min: u8,
    pub scale_max: u8,
    /// Relative weight; the weights of an edition need not add up to anything.
    pub weight: u16,
    /// Words for the steps of the scale, lowest first ("Svagt" … "Utmärkt"): none, or one per
    /// step.
    #[serde(default)]
    pub labels: Vec<LocalizedText>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InvalidCriterion {
    #[error("the criterion needs a name")]
    NoName,
    #[error("the scale must run from a lower to a higher number (at most 0–10)")]
    BadScale,
    #[error("the weight must be at least 1")]
    ZeroWeight,
    #[error("the scale has {steps} steps but {labels} labels")]
    LabelCount { steps: usize, labels: usize },
}

impl Criterion {
    pub fn validate(&self) -> Result<(), InvalidCriterion> {
        if self.name.sv.trim().is_empty() {
            return Err(InvalidCriterion::NoName);
        }
        if self.scale_min >= self.scale_max || self.scale_max > 10 {
            return Err(InvalidCriterion::BadScale);
        }
        if self.weight == 0 {
            return Err(InvalidCriterion::ZeroWeight);
        }
        let steps = usize::from(self.scale_max - self.scale_min) + 1;
        if !self.labels.is_empty() && self.labels.len() != steps {
            return Err(InvalidCriterion::LabelCount { steps, labels: self.labels.len() });
        }
        Ok(())
    }

    /// The word for a score, if the scale has words.
    pub fn label(&self, score: u8) -> Option<&LocalizedText> {
        let step = usize::from(score.checked_sub(self.scale_min)?);
        self.labels.get(step)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c() -> Criterion {
        Criterion {
            name: LocalizedText::new("Demokrati", "Democracy"),
            description: LocalizedText::default(),
            scale_min: 1,
            scale_max: 5,
            weight: 1,
            labels: vec![],
        }
    }

    #[test]
    fn a_sound_criterion_passes() {
        assert_eq!(c().validate(), Ok(()));
    }

    #[test]
    fn refuses_each_flaw() {
        let mut x = c();
        x.name.sv = " ".into();
        assert_eq!(x.validate(), Err(InvalidCriterion::NoName));
        let mut x = c();
        x.scale_min = 5;
        assert_eq!(x.validate(), Err(InvalidCriterion::BadScale));
        let mut x = c();
        x.scale_max = 11;
        assert_eq!(x.validate(), Err(InvalidCriterion::BadScale));
        let mut x = c();
        x.weight = 0;
        assert_eq!(x.validate(), Err(InvalidCriterion::ZeroWeight));
        let mut x = c();
        x.labels = vec![LocalizedText::new("Svagt", "Weak"), LocalizedText::new("Utmärkt", "Excellent")];
        assert_eq!(x.validate(), Err(InvalidCriterion::LabelCount { steps: 5, labels: 2 }));
    }

    #[test]
    fn each_step_has_its_word() {
        let mut x = c();
        x.labels = ["Svagt", "Godtagbart", "Bra", "Mycket bra", "Utmärkt"]
            .iter()
            .map(|w| LocalizedText::new(*w, *w))
            .collect();
        assert_eq!(x.validate(), Ok(()));
        assert_eq!(x.label(1).map(|l| l.sv.as_str()), Some("Svagt"));
        assert_eq!(x.label(5).map(|l| l.sv.as_str()), Some("Utmärkt"));
        assert_eq!(x.label(0), None);
        assert_eq!(x.label(6), None);
    }
}
