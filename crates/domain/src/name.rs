//! A person's name as typed into a form: trimmed, not empty, not too long, and with no control
//! characters — a line break in a name would reach a mail header, a log line or a CSV row.

/// The longest name taken, in characters.
pub const MAX_NAME_CHARS: usize = 200;

/// A valid name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName(String);

/// Why a name was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum NameProblem {
    #[error("the name is empty")]
    Empty,
    #[error("the name has more than {MAX_NAME_CHARS} characters")]
    TooLong,
    #[error("the name holds a line break or another control character")]
    ControlCharacters,
}

impl PersonName {
    pub fn parse(typed: &str) -> Result<PersonName, NameProblem> {
        let name = typed.trim();
        if name.is_empty() {
            Err(NameProblem::Empty)
        } else if name.chars().any(char::is_control) {
            Err(NameProblem::ControlCharacters)
        } else if name.chars().count() > MAX_NAME_CHARS {
            Err(NameProblem::TooLong)
        } else {
            Ok(PersonName(name.to_owned()))
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_trimmed_and_refused_with_a_reason() {
        assert_eq!(PersonName::parse("  Sofia Lind ").unwrap().as_str(), "Sofia Lind");
        assert_eq!(PersonName::parse(" \t"), Err(NameProblem::Empty));
        assert_eq!(
            PersonName::parse("Anna\r\nBcc: offer@example.invalid"),
            Err(NameProblem::ControlCharacters)
        );
        assert_eq!(PersonName::parse("Anna\u{7}"), Err(NameProblem::ControlCharacters));
        assert_eq!(PersonName::parse(&"å".repeat(201)), Err(NameProblem::TooLong));
        assert!(PersonName::parse(&"å".repeat(200)).is_ok());
    }
}
