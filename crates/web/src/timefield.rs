//! Times in forms: a `datetime-local` field holds Stockholm wall-clock time.

use jiff::Timestamp;
use jiff::civil::DateTime;

/// `2019-03-29T23:59` for a `datetime-local` field, in Stockholm.
pub fn local_value(t: Option<Timestamp>) -> String {
    t.map(|t| t.to_zoned(juryn_domain::call::stockholm()).datetime().strftime("%Y-%m-%dT%H:%M").to_string())
        .unwrap_or_default()
}

/// A `datetime-local` value read as Stockholm wall-clock time; at the autumn change the earlier
/// of the two 02:30s, in the spring gap the time after it.
pub fn parse_local(s: &str) -> Option<Option<Timestamp>> {
    let s = s.trim();
    if s.is_empty() {
        return Some(None);
    }
    let dt: DateTime = s.parse().ok()?;
    dt.to_zoned(juryn_domain::call::stockholm()).ok().map(|z| Some(z.timestamp()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stockholm_wall_clock_times_are_read_across_summer_time() {
        let winter = parse_local("2019-03-29T23:59").unwrap().unwrap();
        assert_eq!(winter.to_string(), "2019-03-29T22:59:00Z");
        let summer = parse_local("2019-05-31T10:00").unwrap().unwrap();
        assert_eq!(summer.to_string(), "2019-05-31T08:00:00Z");
        assert_eq!(local_value(Some(summer)), "2019-05-31T10:00");
        assert_eq!(parse_local(""), Some(None));
        assert_eq!(parse_local("den 29 mars"), None);
    }
}
