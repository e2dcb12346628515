//! The seal: a commitment to the jury's decision that is public the moment the decision is made,
//! while the decision itself stays secret until the announcement.
//!
//! The decision is written as canonical JSON — compact, keys in alphabetical order, the
//! municipality as its code — and a random 256-bit nonce is drawn for it. The commitment is
//! `SHA-256(json ‖ nonce)`: the UTF-8 bytes of the JSON followed by the nonce's 64 lowercase hex
//! characters, written as 64 lowercase hex characters. Anyone can check it at the announcement:
//!
//! ```sh
//! printf '%s%s' "$json" "$nonce" | sha256sum
//! ```
//!
//! Without the nonce the commitment tells nothing: with only a handful of nominees, a hash of
//! the JSON alone could be matched by trying each one.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::municipality::MunicipalityCode;
use crate::slug::Slug;

/// How the jury decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    /// A recorded consensus.
    Consensus,
    /// Ranked ballots counted by the Schulze method.
    Schulze,
}

impl Method {
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Consensus => "consensus",
            Method::Schulze => "schulze",
        }
    }

    pub fn parse(s: &str) -> Option<Method> {
        [Method::Consensus, Method::Schulze].into_iter().find(|m| m.as_str() == s)
    }
}

/// What is sealed. The fields are declared in alphabetical order: serde writes them in this
/// order, which makes the JSON canonical.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub award: Slug,
    /// SHA-256 of the ballots' canonical JSON, for a Schulze count; `None` for a consensus.
    pub ballots_sha256: Option<String>,
    pub citation: String,
    pub method: Method,
    pub winner: MunicipalityCode,
    /// The winning entry's name where it is a joint entry ("Mora, Orsa och Älvdalens
    /// kommuner"); absent otherwise, so a decision sealed before joint entries reads the same.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub winner_name: Option<String>,
    pub year: i16,
}

/// A sealed decision: the JSON, its nonce (both secret until the announcement) and the public
/// commitment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Seal {
    pub json: String,
    pub nonce: String,
    pub commitment: String,
}

/// Lowercase hex of bytes.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Lowercase hex SHA-256 of bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

impl Decision {
    /// The canonical JSON of the decision.
    pub fn canonical_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a sealed JSON back.
    pub fn from_json(json: &str) -> Option<Decision> {
        serde_json::from_str(json).ok()
    }

    /// Seals the decision with `nonce` (256 random bits the caller draws).
    pub fn seal(&self, nonce: [u8; 32]) -> Seal {
        let json = self.canonical_json();
        let nonce = hex(&nonce);
        let commitment = commitment(&json, &nonce);
        Seal { json, nonce, commitment }
    }
}

/// The commitment to `json` under `nonce` (hex).
pub fn commitment(json: &str, nonce: &str) -> String {
    let mut h = Sha256::new();
    h.update(json.as_bytes());
    h.update(nonce.as_bytes());
    hex(&h.finalize())
}

/// Whether a revealed JSON and nonce match a published commitment.
pub fn verify(json: &str, nonce: &str, commitment_hex: &str) -> bool {
    is_hex64(nonce) && is_hex64(commitment_hex) && commitment(json, nonce) == commitment_hex
}

/// 64 lowercase hex characters: a SHA-256 or a 256-bit nonce as juryn writes them.
pub fn is_hex64(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// The ballots' hash as sealed: SHA-256 of their canonical JSON (an array of arrays of
/// municipality codes, best first, in the order the ballots were cast).
pub fn ballots_sha256(ballots: &[Vec<MunicipalityCode>]) -> String {
    sha256_hex(serde_json::to_string(ballots).unwrap_or_default().as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decision() -> Decision {
        Decision {
            award: Slug::parse("digitaliseringskommun").unwrap(),
            ballots_sha256: None,
            citation: "Lidingö har gjort det \"enkla\" enkelt.".into(),
            method: Method::Consensus,
            winner: MunicipalityCode::parse("0186").unwrap(),
            winner_name: None,
            year: 2019,
        }
    }

    #[test]
    fn a_joint_winner_is_named_in_the_seal_and_an_old_seal_reads_the_same() {
        let joint = Decision { winner_name: Some("Mora, Orsa och Älvdalens kommuner".into()), ..decision() };
        let json = joint.canonical_json();
        assert!(
            json.contains(r#""winner":"0186","winner_name":"Mora, Orsa och Älvdalens kommuner","year":2019"#),
            "{json}"
        );
        assert_eq!(Decision::from_json(&json), Some(joint));
        // A decision without a name seals as before the field existed.
        assert!(!decision().canonical_json().contains("winner_name"));
    }

    #[test]
    fn the_json_is_canonical_and_the_commitment_checks_out() {
        let json = decision().canonical_json();
        assert_eq!(
            json,
            r#"{"award":"digitaliseringskommun","ballots_sha256":null,"citation":"Lidingö har gjort det \"enkla\" enkelt.","method":"consensus","winner":"0186","year":2019}"#
        );
        let seal = decision().seal([7; 32]);
        assert!(is_hex64(&seal.commitment) && is_hex64(&seal.nonce));
        assert!(verify(&seal.json, &seal.nonce, &seal.commitment));
        // The same as `printf '%s%s' "$json" "$nonce" | sha256sum`.
        let by_hand = sha256_hex(format!("{}{}", seal.json, seal.nonce).as_bytes());
        assert_eq!(by_hand, seal.commitment);
    }

    #[test]
    fn any_change_breaks_the_seal() {
        let seal = decision().seal([7; 32]);
        let other_winner = seal.json.replace("0186", "2480");
        assert!(!verify(&other_winner, &seal.nonce, &seal.commitment));
        let other_nonce = hex(&[8; 32]);
        assert!(!verify(&seal.json, &other_nonce, &seal.commitment));
        assert!(!verify(&seal.json, &seal.nonce, &seal.commitment.to_uppercase()));
        assert!(!verify(&seal.json, "", &seal.commitment));
        // Two nonces, two commitments: the commitment alone does not give the winner away.
        assert_ne!(decision().seal([1; 32]).commitment, decision().seal([2; 32]).commitment);
    }

    #[test]
    fn ballots_hash_is_stable() {
        let b =
            vec![vec![MunicipalityCode::parse("0186").unwrap(), MunicipalityCode::parse("2480").unwrap()]];
        assert_eq!(ballots_sha256(&b), sha256_hex(br#"[["0186","2480"]]"#));
    }
}
