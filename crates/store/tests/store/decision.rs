//! The sealed decision on both backends: written once with the move to decided, never changed.

use jiff::Timestamp;
use juryn_domain::seal::{Decision, Method, verify};
use juryn_domain::{MunicipalityCode, Phase, Slug};
use juryn_store::prelude::*;
use juryn_store::{DecisionRefusal, NewDecision, demo};

use crate::backends::store_suite;
use crate::by;

fn slug() -> Slug {
    Slug::parse(demo::AWARD_SLUG).unwrap()
}

fn decision(winner: &str, nonce: u8) -> NewDecision {
    let winner = MunicipalityCode::parse(winner).unwrap();
    let d = Decision {
        award: slug(),
        ballots_sha256: None,
        citation: "Motivering.".into(),
        method: Method::Consensus,
        winner,
        winner_name: None,
        year: 2019,
    };
    NewDecision {
        method: Method::Consensus,
        winner,
        citation: "Motivering.".into(),
        ballots: None,
        seal: d.seal([nonce; 32]),
        sealed_at: Timestamp::from_second(1_571_144_400).unwrap(),
    }
}

store_suite! {
    async fn a_decision_is_sealed_once_with_the_move_to_decided(store) {
        demo::load(store).await.unwrap();
        // Nominated, not deliberating: refused, nothing written.
        assert_eq!(store.record_decision(&slug(), 2019, &decision("0186", 1), &by("chair")).await.unwrap(), Err(DecisionRefusal::NotDeliberating));
        assert!(store.decision(&slug(), 2019).await.unwrap().is_none());
        crate::force_phase(store, &slug(), 2019, Phase::Deliberation).await;
        store.record_decision(&slug(), 2019, &decision("0186", 1), &by("chair")).await.unwrap().unwrap();
        let edition = store.edition(&slug(), 2019).await.unwrap().unwrap();
        assert_eq!((edition.phase, edition.winner.map(|w| w.to_string())), (Phase::Decided, Some("0186".into())));
        let stored = store.decision(&slug(), 2019).await.unwrap().unwrap();
        assert!(verify(&stored.seal.json, &stored.seal.nonce, &stored.seal.commitment));
        assert_eq!(stored.sealed_at.as_second(), 1_571_144_400);
        // A second decision, even back in deliberation, is refused and changes nothing.
        crate::force_phase(store, &slug(), 2019, Phase::Deliberation).await;
        assert_eq!(store.record_decision(&slug(), 2019, &decision("2480", 2), &by("chair")).await.unwrap(), Err(DecisionRefusal::AlreadySealed));
        assert_eq!(store.decision(&slug(), 2019).await.unwrap().unwrap(), stored);
        // The audit log names the commitment, not the winner.
        let events = store.audit_events(5).await.unwrap();
        let seal = events.iter().find(|e| e.action == "decision.seal").unwrap();
        assert!(seal.detail.contains(&stored.seal.commitment) && !seal.detail.contains("0186"));
    }
}
