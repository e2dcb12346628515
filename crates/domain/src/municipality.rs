//! Sweden's 290 municipalities (*kommuner*) and their codes.
//!
//! The registry is compiled in from `data/kommuner.csv` (SCB data, CC0), which
//! `scripts/generate_municipalities.py` regenerates. It is parsed once, on first use.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

/// A municipality code as SCB assigns it: four digits, the first two the county's code.
/// `0186` is Lidingö in county `01` (Stockholms län). A parsed code is well-formed, but not
/// necessarily a code in use: look it up in the [`Registry`] for that.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct MunicipalityCode([u8; 4]);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a municipality code: {0:?} (four digits, e.g. 0186)")]
pub struct InvalidCode(pub String);

impl MunicipalityCode {
    pub fn parse(s: &str) -> Result<Self, InvalidCode> {
        let bytes = s.as_bytes();
        match <[u8; 4]>::try_from(bytes) {
            Ok(digits) if digits.iter().all(u8::is_ascii_digit) && &digits[..2] != b"00" => {
                Ok(MunicipalityCode(digits))
            }
            _ => Err(InvalidCode(s.chars().take(16).collect())),
        }
    }

    pub fn as_str(&self) -> &str {
        // The bytes are ASCII digits by construction.
        std::str::from_utf8(&self.0).unwrap_or("0000")
    }

    /// The two-digit county (*län*) code.
    pub fn county_code(&self) -> &str {
        &self.as_str()[..2]
    }
}

impl fmt::Display for MunicipalityCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl TryFrom<String> for MunicipalityCode {
    type Error = InvalidCode;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        MunicipalityCode::parse(&s)
    }
}

impl From<MunicipalityCode> for String {
    fn from(c: MunicipalityCode) -> String {
        c.as_str().to_owned()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Municipality {
    pub code: MunicipalityCode,
    pub name: String,
    pub county_code: String,
    pub county_name: String,
}

/// All municipalities, by code.
#[derive(Debug)]
pub struct Registry {
    by_code: BTreeMap<MunicipalityCode, Municipality>,
}

const KOMMUNER_CSV: &str = include_str!("../../../data/kommuner.csv");

static REGISTRY: LazyLock<Registry> =
    LazyLock::new(|| Registry::from_csv(KOMMUNER_CSV).expect("data/kommuner.csv is checked by the tests"));

impl Registry {
    /// The registry compiled into this build.
    pub fn sweden() -> &'static Registry {
        &REGISTRY
    }

    /// Parses `code,name,county_code,county_name` lines after a header line.
    pub fn from_csv(text: &str) -> Result<Registry, String> {
        let mut by_code = BTreeMap::new();
        for (n, line) in text.lines().enumerate().skip(1) {
            if line.trim().is_empty() {
                continue;
            }
            // The committed file has no quoted fields: no Swedish municipality or county name
            // contains a comma.
            let fields: Vec<&str> = line.split(',').collect();
            let [code, name, county_code, county_name] = fields[..] else {
                return Err(format!("line {}: expected 4 fields", n + 1));
            };
            let code = MunicipalityCode::parse(code).map_err(|e| format!("line {}: {e}", n + 1))?;
            let m = Municipality {
                code,
                name: name.to_owned(),
                county_code: county_code.to_owned(),
                county_name: county_name.to_owned(),
            };
            if by_code.insert(code, m).is_some() {
                return Err(format!("line {}: duplicate code {code}", n + 1));
            }
        }
        Ok(Registry { by_code })
    }

    pub fn get(&self, code: MunicipalityCode) -> Option<&Municipality> {
        self.by_code.get(&code)
    }

    /// Looks up a code given as text; malformed and unknown codes are both `None`.
    pub fn lookup(&self, code: &str) -> Option<&Municipality> {
        MunicipalityCode::parse(code).ok().and_then(|c| self.get(c))
    }

    pub fn all(&self) -> impl Iterator<Item = &Municipality> {
        self.by_code.values()
    }

    pub fn len(&self) -> usize {
        self.by_code.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_code.is_empty()
    }

    /// Finds a municipality by its exact name (case-insensitive), e.g. "Lidingö".
    pub fn by_name(&self, name: &str) -> Option<&Municipality> {
        let name = name.to_lowercase();
        self.all().find(|m| m.name.to_lowercase() == name)
    }

    /// The municipality's name, or its code if the registry does not know it.
    pub fn name(&self, code: MunicipalityCode) -> String {
        self.get(code).map_or_else(|| code.to_string(), |m| m.name.clone())
    }

    /// The county the municipality lies in; empty if the registry does not know it.
    pub fn county(&self, code: MunicipalityCode) -> String {
        self.get(code).map(|m| m.county_name.clone()).unwrap_or_default()
    }

    /// One municipality as people write it: its code, its name, or its name as in "Umeå kommun",
    /// "Lidingö stad", "Älvdalens kommun".
    pub fn find(&self, text: &str) -> Option<&Municipality> {
        let text = text.trim();
        if let Some(m) = self.lookup(text).or_else(|| self.by_name(text)) {
            return Some(m);
        }
        let lower = text.to_lowercase();
        let bare = ["s kommuner", " kommuner", "s kommun", " kommun", "s stad", " stad"]
            .iter()
            .find_map(|suffix| lower.strip_suffix(suffix))?;
        self.by_name(bare).or_else(|| {
            // "Älvdalens kommun" is Älvdalen; "Bors kommun" would be no one.
            let with_s = format!("{bare}s");
            self.by_name(&with_s)
        })
    }

    /// Several municipalities written as one ("Mora, Orsa och Älvdalens kommuner", "0186 + 0182"),
    /// in order; `Err` with the first part that names none.
    pub fn find_all(&self, text: &str) -> Result<Vec<MunicipalityCode>, String> {
        // "Mora, Orsa och Älvdalens kommuner": the plural ending belongs to each of them.
        let shared = text.trim().strip_suffix(" kommuner").map(|t| (t, " kommun"));
        let (body, ending) = shared.unwrap_or((text.trim(), ""));
        let mut out = Vec::new();
        for part in
            body.split([',', '+', '/', ';']).flat_map(|p| p.split(" och ")).flat_map(|p| p.split(" and "))
        {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            let m = self.find(part).or_else(|| self.find(&format!("{part}{ending}")));
            match m {
                Some(m) if !out.contains(&m.code) => out.push(m.code),
                Some(_) => {}
                None => return Err(part.to_owned()),
            }
        }
        if out.is_empty() {
            return Err(text.trim().to_owned());
        }
        Ok(out)
    }
}

/// A municipality's name from Sweden's registry (its code if unknown): what every page says.
pub fn name_of(code: MunicipalityCode) -> String {
    Registry::sweden().name(code)
}

/// The county a municipality lies in, from Sweden's registry.
pub fn county_of(code: MunicipalityCode) -> String {
    Registry::sweden().county(code)
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use super::*;

    #[test]
    fn municipalities_are_found_as_people_write_them() {
        let r = Registry::sweden();
        let names = |t: &str| -> Vec<String> {
            r.find_all(t).unwrap().into_iter().map(|c| r.get(c).unwrap().name.clone()).collect()
        };
        assert_eq!(names("Mora, Orsa och Älvdalens kommuner"), ["Mora", "Orsa", "Älvdalen"]);
        assert_eq!(names("Lidingö stad"), ["Lidingö"]);
        assert_eq!(names("0186 + 0182"), ["Lidingö", "Nacka"]);
        assert_eq!(names("Umeå kommun"), ["Umeå"]);
        assert_eq!(r.find_all("Umeå och Atlantis"), Err("Atlantis".to_owned()));
        assert!(r.find_all("  ").is_err());
    }

    #[test]
    fn codes_are_four_digits() {
        assert_eq!(MunicipalityCode::parse("0186").unwrap().as_str(), "0186");
        assert_eq!(MunicipalityCode::parse("0186").unwrap().county_code(), "01");
        for bad in ["", "186", "01860", "abc", "abcd", "01a6", "0000", "٠١٨٦", "0186 "] {
            assert!(MunicipalityCode::parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn the_registry_has_290_municipalities_in_21_counties() {
        let r = Registry::sweden();
        assert_eq!(r.len(), 290);
        let counties: BTreeMap<&str, &str> =
            r.all().map(|m| (m.county_code.as_str(), m.county_name.as_str())).collect();
        assert_eq!(counties.len(), 21);
        let names: BTreeSet<&str> = counties.values().copied().collect();
        assert_eq!(names.len(), 21, "each county code has one name");
    }

    #[test]
    fn every_county_code_is_the_first_two_digits_of_the_code() {
        for m in Registry::sweden().all() {
            assert_eq!(m.county_code, m.code.county_code(), "{}", m.name);
        }
    }

    #[test]
    fn known_municipalities_are_where_they_should_be() {
        let r = Registry::sweden();
        for (code, name, county) in [
            ("0180", "Stockholm", "Stockholms län"),
            ("1480", "Göteborg", "Västra Götalands län"),
            ("1280", "Malmö", "Skåne län"),
            ("0186", "Lidingö", "Stockholms län"),
            ("2514", "Kalix", "Norrbottens län"),
            ("0114", "Upplands Väsby", "Stockholms län"),
        ] {
            let m = r.lookup(code).unwrap_or_else(|| panic!("{code} missing"));
            assert_eq!((m.name.as_str(), m.county_name.as_str()), (name, county));
        }
        assert!(r.lookup("9999").is_none());
        assert!(r.lookup("abc").is_none());
        assert_eq!(r.by_name("lidingö").map(|m| m.code.as_str()), Some("0186"));
    }

    #[test]
    fn malformed_csv_is_refused_with_the_line() {
        let err = Registry::from_csv("h\n0186,Lidingö,01\n").unwrap_err();
        assert!(err.contains("line 2"), "{err}");
        let err = Registry::from_csv("h\n0186,A,01,S\n0186,B,01,S\n").unwrap_err();
        assert!(err.contains("duplicate"), "{err}");
    }
}
