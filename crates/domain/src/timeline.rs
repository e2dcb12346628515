//! The timeline (*hålltider*) of an edition: milestones with dates of varying precision.
//!
//! An organiser knows some dates to the day ("31 maj") and others only to the month
//! ("augusti–september") or the year ("2020"). `DateSpan` keeps that precision so the page never
//! claims more than the organiser said.

use std::fmt;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::lang::{Lang, LocalizedText};

/// A span of calendar days in Europe/Stockholm, with the precision it was given in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateSpan {
    Day(Date),
    /// Two days, the second after the first (e.g. 12–14 november).
    DayRange(Date, Date),
    Month {
        year: i16,
        month: i8,
    },
    /// Two months, the second after the first, possibly in the next year.
    MonthRange {
        from: (i16, i8),
        to: (i16, i8),
    },
    Year(i16),
}

/// Why a date as people write it was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WrittenDateError {
    #[error("not a date: {0:?}")]
    Unreadable(String),
    #[error("ends before it starts: {0:?}")]
    EndBeforeStart(String),
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a date span: {0:?} (YYYY, YYYY-MM, YYYY-MM-DD, or two of the same joined by '/')")]
pub struct InvalidDateSpan(pub String);

const MONTHS_SV: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

pub(crate) fn month_name(lang: Lang, month: i8) -> &'static str {
    let i = (month.clamp(1, 12) - 1) as usize;
    match lang {
        Lang::Sv => MONTHS_SV[i],
        Lang::En => MONTHS_EN[i],
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

impl DateSpan {
    /// The span moved by `days`: days exactly; months and years by the whole months or years
    /// nearest to that many days (the demo moves its story to around today with this).
    pub fn shifted(&self, days: i64) -> DateSpan {
        let day = |d: Date| d.checked_add(jiff::Span::new().days(days)).unwrap_or(d);
        let months = (days as f64 / 30.436_875).round() as i32;
        let month = |(y, m): (i16, i8)| {
            let total = i32::from(y) * 12 + i32::from(m) - 1 + months;
            ((total.div_euclid(12)) as i16, (total.rem_euclid(12) + 1) as i8)
        };
        match *self {
            DateSpan::Day(d) => DateSpan::Day(day(d)),
            DateSpan::DayRange(a, b) => DateSpan::DayRange(day(a), day(b)),
            DateSpan::Month { year, month: m } => {
                let (year, month) = month((year, m));
                DateSpan::Month { year, month }
            }
            DateSpan::MonthRange { from, to } => DateSpan::MonthRange { from: month(from), to: month(to) },
            DateSpan::Year(y) => DateSpan::Year(y + (days as f64 / 365.2425).round() as i16),
        }
    }

    /// Parses the storage form: `2020`, `2019-06`, `2019-05-31`, `2019-08/2019-09`,
    /// `2019-11-12/2019-11-14`. Both ends of a range have the same precision and are in order.
    pub fn parse(s: &str) -> Result<DateSpan, InvalidDateSpan> {
        let err = || InvalidDateSpan(s.chars().take(40).collect());
        let one = |p: &str| -> Result<Part, InvalidDateSpan> { Part::parse(p).ok_or_else(err) };
        let span = match s.split_once('/') {
            None => match one(s)? {
                Part::Year(y) => DateSpan::Year(y),
                Part::Month(y, m) => DateSpan::Month { year: y, month: m },
                Part::Day(d) => DateSpan::Day(d),
            },
            Some((a, b)) => match (one(a)?, one(b)?) {
                (Part::Month(y1, m1), Part::Month(y2, m2)) if (y1, m1) < (y2, m2) => {
                    DateSpan::MonthRange { from: (y1, m1), to: (y2, m2) }
                }
                (Part::Day(d1), Part::Day(d2)) if d1 < d2 => DateSpan::DayRange(d1, d2),
                _ => return Err(err()),
            },
        };
        Ok(span)
    }

    /// The first day of the span.
    pub fn start(&self) -> Date {
        match *self {
            DateSpan::Day(d) | DateSpan::DayRange(d, _) => d,
            DateSpan::Month { year, month } => Date::new(year, month, 1).unwrap_or_default(),
            DateSpan::MonthRange { from: (y, m), .. } => Date::new(y, m, 1).unwrap_or_default(),
            DateSpan::Year(y) => Date::new(y, 1, 1).unwrap_or_default(),
        }
    }

    /// The last day of the span.
    pub fn end(&self) -> Date {
        let last_of_month = |y, m| Date::new(y, m, 1).map(|d| d.last_of_month()).unwrap_or_default();
        match *self {
            DateSpan::Day(d) | DateSpan::DayRange(_, d) => d,
            DateSpan::Month { year, month } => last_of_month(year, month),
            DateSpan::MonthRange { to: (y, m), .. } => last_of_month(y, m),
            DateSpan::Year(y) => Date::new(y, 12, 31).unwrap_or_default(),
        }
    }

    /// The precision as a word for the API: `day`, `days`, `month`, `months` or `year`.
    pub fn precision(&self) -> &'static str {
        match self {
            DateSpan::Day(_) => "day",
            DateSpan::DayRange(..) => "days",
            DateSpan::Month { .. } => "month",
            DateSpan::MonthRange { .. } => "months",
            DateSpan::Year(_) => "year",
        }
    }

    /// Renders the span for a reader, e.g. "31 maj", "12–14 november", "Juni",
    /// "Augusti–september", "2020". The year is left out where it is `context_year` (the
    /// edition's), and written out where it is not, so "januari 2020" in a 2019 timeline is clear.
    pub fn render(&self, lang: Lang, context_year: i16) -> String {
        let year_suffix = |y: i16| if y == context_year { String::new() } else { format!(" {y}") };
        let day = |d: Date| match lang {
            Lang::Sv => format!("{} {}", d.day(), month_name(lang, d.month())),
            Lang::En => format!("{} {}", d.day(), month_name(lang, d.month())),
        };
        match *self {
            DateSpan::Day(d) => format!("{}{}", day(d), year_suffix(d.year())),
            DateSpan::DayRange(a, b) if (a.year(), a.month()) == (b.year(), b.month()) => {
                format!("{}–{}{}", a.day(), day(b), year_suffix(b.year()))
            }
            DateSpan::DayRange(a, b) if a.year() == b.year() => {
                format!("{}–{}{}", day(a), day(b), year_suffix(b.year()))
            }
            DateSpan::DayRange(a, b) => {
                format!("{} {}–{} {}", day(a), a.year(), day(b), b.year())
            }
            DateSpan::Month { year, month } => {
                format!("{}{}", capitalize(month_name(lang, month)), year_suffix(year))
            }
            DateSpan::MonthRange { from: (y1, m1), to: (y2, m2) } if y1 == y2 => {
                format!("{}–{}{}", capitalize(month_name(lang, m1)), month_name(lang, m2), year_suffix(y2))
            }
            DateSpan::MonthRange { from: (y1, m1), to: (y2, m2) } => {
                format!("{} {y1}–{} {y2}", capitalize(month_name(lang, m1)), month_name(lang, m2))
            }
            DateSpan::Year(y) => y.to_string(),
        }
    }
}

impl DateSpan {
    /// When, as a sentence says it, preposition included: "den 31 maj", "i juni",
    /// "i september–oktober", "under 2020"; "on 31 May", "in June", "in 2020".
    pub fn render_when(&self, lang: Lang, context_year: i16) -> String {
        let text = self.render_inline(lang, context_year);
        let before = match (lang, self) {
            (Lang::Sv, DateSpan::Day(_) | DateSpan::DayRange(..)) => "den",
            (Lang::Sv, DateSpan::Month { .. } | DateSpan::MonthRange { .. }) => "i",
            (Lang::Sv, DateSpan::Year(_)) => "under",
            (Lang::En, DateSpan::Day(_) | DateSpan::DayRange(..)) => "on",
            (Lang::En, _) => "in",
        };
        format!("{before} {text}")
    }

    /// Like [`DateSpan::render`], for use inside a sentence: "publiceras i juni", not "i Juni".
    pub fn render_inline(&self, lang: Lang, context_year: i16) -> String {
        let text = self.render(lang, context_year);
        match (lang, self) {
            (Lang::Sv, DateSpan::Month { .. } | DateSpan::MonthRange { .. }) => text.to_lowercase(),
            _ => text,
        }
    }
}

impl DateSpan {
    /// Reads a date as people write it, in Swedish or English, as well as the storage form:
    /// "29 april 2021", "2 maj 2022", "12–14 november 2019", "maj 2021", "september–oktober
    /// 2021", "augusti 2021–januari 2022", "2021"; or `2021-04-29`, `2021-05`, `2021-09/2021-10`.
    /// A day that does not exist ("31 februari 2021") or a range that runs backwards ("maj–april
    /// 2021") is refused.
    pub fn parse_written(text: &str) -> Result<DateSpan, InvalidDateSpan> {
        DateSpan::read_written(text).map_err(|e| match e {
            WrittenDateError::Unreadable(t) | WrittenDateError::EndBeforeStart(t) => InvalidDateSpan(t),
        })
    }

    /// Like [`DateSpan::parse_written`], saying whether the text could not be read at all or
    /// is a range that ends before it starts ("maj–april 2021", "2021-10/2021-09").
    pub fn read_written(text: &str) -> Result<DateSpan, WrittenDateError> {
        let text = text.trim();
        if let Ok(span) = DateSpan::parse(text) {
            return Ok(span);
        }
        let shown = || text.chars().take(40).collect::<String>();
        let err = || WrittenDateError::Unreadable(shown());
        let backwards = || WrittenDateError::EndBeforeStart(shown());
        if let Some((a, b)) = text.split_once('/')
            && DateSpan::parse(&format!("{b}/{a}")).is_ok()
        {
            return Err(backwards());
        }
        let lower = text.to_lowercase().replace(['\u{2013}', '\u{2014}'], "-").replace(" - ", "-");
        let month_of = |w: &str| -> Option<i8> {
            let w = w.trim_end_matches('.');
            MONTHS_SV
                .iter()
                .chain(MONTHS_EN.iter())
                .position(|m| m.to_lowercase() == w)
                .map(|i| (i % 12) as i8 + 1)
        };
        let year_of = |w: &str| w.parse::<i16>().ok().filter(|y| (1900..=2999).contains(y));
        let day_of = |d: &str, m: i8, y: i16| d.parse::<i8>().ok().and_then(|d| Date::new(y, m, d).ok());
        let words: Vec<&str> = lower.split_whitespace().collect();
        let span = match words.as_slice() {
            // 29 april 2021, 12-14 november 2019
            [d, m, y] if month_of(m).is_some() => {
                let (m, y) = (month_of(m).ok_or_else(err)?, year_of(y).ok_or_else(err)?);
                match d.split_once('-') {
                    None => DateSpan::Day(day_of(d, m, y).ok_or_else(err)?),
                    Some((a, b)) => {
                        let (a, b) = (day_of(a, m, y).ok_or_else(err)?, day_of(b, m, y).ok_or_else(err)?);
                        if a >= b {
                            return Err(backwards());
                        }
                        DateSpan::DayRange(a, b)
                    }
                }
            }
            // maj 2021, september-oktober 2021
            [m, y] => {
                let y = year_of(y).ok_or_else(err)?;
                match m.split_once('-') {
                    None => DateSpan::Month { year: y, month: month_of(m).ok_or_else(err)? },
                    Some((a, b)) => {
                        let (a, b) = (month_of(a).ok_or_else(err)?, month_of(b).ok_or_else(err)?);
                        if a >= b {
                            return Err(backwards());
                        }
                        DateSpan::MonthRange { from: (y, a), to: (y, b) }
                    }
                }
            }
            // augusti 2021-januari 2022
            [m1, middle, y2] => {
                let (y1, m2) = middle.split_once('-').ok_or_else(err)?;
                let from = (year_of(y1).ok_or_else(err)?, month_of(m1).ok_or_else(err)?);
                let to = (year_of(y2).ok_or_else(err)?, month_of(m2).ok_or_else(err)?);
                if from >= to {
                    return Err(backwards());
                }
                DateSpan::MonthRange { from, to }
            }
            [y] => DateSpan::Year(year_of(y).ok_or_else(err)?),
            _ => return Err(err()),
        };
        Ok(span)
    }
}

/// One end of a span in the storage form.
enum Part {
    Year(i16),
    Month(i16, i8),
    Day(Date),
}

impl Part {
    fn parse(s: &str) -> Option<Part> {
        let mut it = s.split('-');
        let year: i16 = it.next().filter(|y| y.len() == 4)?.parse().ok()?;
        if !(1900..=2999).contains(&year) {
            return None;
        }
        let Some(month) = it.next() else { return Some(Part::Year(year)) };
        let month: i8 =
            Some(month).filter(|m| m.len() == 2)?.parse().ok().filter(|m| (1..=12).contains(m))?;
        let Some(day) = it.next() else { return Some(Part::Month(year, month)) };
        let day: i8 = Some(day).filter(|d| d.len() == 2)?.parse().ok()?;
        if it.next().is_some() {
            return None;
        }
        Date::new(year, month, day).ok().map(Part::Day)
    }
}

/// The storage form, the inverse of [`DateSpan::parse`].
impl fmt::Display for DateSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            DateSpan::Day(d) => write!(f, "{d}"),
            DateSpan::DayRange(a, b) => write!(f, "{a}/{b}"),
            DateSpan::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            DateSpan::MonthRange { from: (y1, m1), to: (y2, m2) } => {
                write!(f, "{y1:04}-{m1:02}/{y2:04}-{m2:02}")
            }
            DateSpan::Year(y) => write!(f, "{y:04}"),
        }
    }
}

impl Serialize for DateSpan {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for DateSpan {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        DateSpan::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// What a milestone marks, where the system needs to know (the booklet's milestone gives the
/// "publiceras i juni" placeholder; later, the gala's gives the iCal event its category).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MilestoneKind {
    #[default]
    Other,
    CallOpens,
    CallCloses,
    Booklet,
    Shortlist,
    SiteVisits,
    Decision,
    Gala,
    Seminars,
}

impl MilestoneKind {
    pub const ALL: [MilestoneKind; 9] = [
        MilestoneKind::Other,
        MilestoneKind::CallOpens,
        MilestoneKind::CallCloses,
        MilestoneKind::Booklet,
        MilestoneKind::Shortlist,
        MilestoneKind::SiteVisits,
        MilestoneKind::Decision,
        MilestoneKind::Gala,
        MilestoneKind::Seminars,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            MilestoneKind::Other => "other",
            MilestoneKind::CallOpens => "call-opens",
            MilestoneKind::CallCloses => "call-closes",
            MilestoneKind::Booklet => "booklet",
            MilestoneKind::Shortlist => "shortlist",
            MilestoneKind::SiteVisits => "site-visits",
            MilestoneKind::Decision => "decision",
            MilestoneKind::Gala => "gala",
            MilestoneKind::Seminars => "seminars",
        }
    }

    /// Unknown names read as `Other`, so a newer database never breaks an older page.
    pub fn parse(s: &str) -> MilestoneKind {
        MilestoneKind::ALL.into_iter().find(|k| k.as_str() == s).unwrap_or_default()
    }
}

/// One line of the timeline: what happens, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Milestone {
    pub kind: MilestoneKind,
    pub label: LocalizedText,
    pub span: DateSpan,
    /// Set when the date was moved after it had been announced: the page keeps saying where it
    /// was ("Flyttad från 10 november 2021"). A correction of a typo leaves it unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moved: Option<Moved>,
}

/// A milestone's earlier, announced date and when it was moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Moved {
    pub from: DateSpan,
    pub at: jiff::Timestamp,
}

/// Orders milestones by when they start, then by when they end; the order is stable for equal
/// spans, so an organiser's order of same-day items is kept.
pub fn sort_timeline(milestones: &mut [Milestone]) {
    milestones.sort_by_key(|m| (m.span.start(), m.span.end()));
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    fn sv(s: &str) -> String {
        DateSpan::parse(s).unwrap().render(Lang::Sv, 2019)
    }

    #[test]
    fn a_sentence_says_when_with_the_right_preposition() {
        let w = |s: &str, lang| DateSpan::parse(s).unwrap().render_when(lang, 2019);
        assert_eq!(w("2019-05-31", Lang::Sv), "den 31 maj");
        assert_eq!(w("2019-06", Lang::Sv), "i juni");
        assert_eq!(w("2019-09/2019-10", Lang::Sv), "i september–oktober");
        assert_eq!(w("2020", Lang::Sv), "under 2020");
        assert_eq!(w("2019-05-31", Lang::En), "on 31 May");
        assert_eq!(w("2019-06", Lang::En), "in June");
    }

    #[test]
    fn written_dates_are_read_in_swedish_english_and_iso() {
        let w = |s: &str| DateSpan::parse_written(s);
        let p = |s: &str| DateSpan::parse(s).unwrap();
        assert_eq!(w("29 april 2021"), Ok(p("2021-04-29")));
        assert_eq!(w(" 2 Maj 2022 "), Ok(p("2022-05-02")));
        assert_eq!(w("12–14 november 2019"), Ok(p("2019-11-12/2019-11-14")));
        assert_eq!(w("maj 2021"), Ok(p("2021-05")));
        assert_eq!(w("september–oktober 2021"), Ok(p("2021-09/2021-10")));
        assert_eq!(w("September - October 2021"), Ok(p("2021-09/2021-10")));
        assert_eq!(w("augusti 2021–januari 2022"), Ok(p("2021-08/2022-01")));
        assert_eq!(w("2021"), Ok(p("2021")));
        assert_eq!(w("2021-09/2021-10"), Ok(p("2021-09/2021-10")));
        for bad in [
            "31 februari 2021",
            "maj–april 2021",
            "14–12 november 2019",
            "igår",
            "",
            "32 maj 2021",
            "maj 1800",
        ] {
            assert!(w(bad).is_err(), "{bad:?} was read");
        }
        for backwards in ["maj–april 2021", "14–12 november 2021", "oktober 2022–maj 2021", "2021-10/2021-09"]
        {
            assert!(
                matches!(DateSpan::read_written(backwards), Err(WrittenDateError::EndBeforeStart(_))),
                "{backwards:?}"
            );
        }
        assert!(matches!(DateSpan::read_written("31 februari 2021"), Err(WrittenDateError::Unreadable(_))));
    }

    #[test]
    fn a_shifted_span_moves_days_exactly_and_months_to_the_nearest() {
        let p = |s: &str| DateSpan::parse(s).unwrap();
        assert_eq!(p("2019-03-29").shifted(2819), p("2026-12-16"));
        assert_eq!(p("2019-11-12/2019-11-14").shifted(2819), p("2027-08-01/2027-08-03"));
        assert_eq!(p("2019-06").shifted(2819), p("2027-03"));
        assert_eq!(p("2019-08/2019-09").shifted(2819), p("2027-05/2027-06"));
        assert_eq!(p("2020").shifted(2819), p("2028"));
        assert_eq!(p("2019-12").shifted(31), p("2020-01"));
        assert_eq!(p("2019-01").shifted(-31), p("2018-12"));
    }

    #[test]
    fn renders_each_precision_in_swedish_as_the_2019_page_did() {
        assert_eq!(sv("2019-05-31"), "31 maj");
        assert_eq!(sv("2019-11-12/2019-11-14"), "12–14 november");
        assert_eq!(sv("2019-06"), "Juni");
        assert_eq!(sv("2019-08/2019-09"), "Augusti–september");
        assert_eq!(sv("2020"), "2020");
    }

    #[test]
    fn writes_the_year_only_where_it_is_not_the_editions() {
        assert_eq!(sv("2020-01-15"), "15 januari 2020");
        assert_eq!(sv("2020-03"), "Mars 2020");
        assert_eq!(sv("2019-12/2020-01"), "December 2019–januari 2020");
        assert_eq!(sv("2019-05-30/2019-06-02"), "30 maj–2 juni");
        assert_eq!(sv("2019-12-30/2020-01-02"), "30 december 2019–2 januari 2020");
    }

    #[test]
    fn renders_inside_a_sentence() {
        let span = DateSpan::parse("2019-06").unwrap();
        assert_eq!(span.render_inline(Lang::Sv, 2019), "juni");
        assert_eq!(span.render_inline(Lang::En, 2019), "June");
        assert_eq!(DateSpan::parse("2019-05-31").unwrap().render_inline(Lang::Sv, 2019), "31 maj");
    }

    #[test]
    fn renders_in_english() {
        let en = |s: &str| DateSpan::parse(s).unwrap().render(Lang::En, 2019);
        assert_eq!(en("2019-05-31"), "31 May");
        assert_eq!(en("2019-08/2019-09"), "August–September");
        assert_eq!(en("2019-11-12/2019-11-14"), "12–14 November");
    }

    #[test]
    fn the_storage_form_round_trips() {
        for s in ["2020", "2019-06", "2019-05-31", "2019-08/2019-09", "2019-11-12/2019-11-14"] {
            assert_eq!(DateSpan::parse(s).unwrap().to_string(), s);
        }
    }

    #[test]
    fn refuses_malformed_and_backwards_spans() {
        for bad in [
            "",
            "19",
            "2019-13",
            "2019-02-30",
            "2019-06/2019-05",
            "2019-06-02/2019-06-01",
            "2019-06/2019-06-02",
            "2019/2020",
            "2019-06-01/2019-06-01",
            "abcd",
            "2019-06-01-01",
            "0100",
            "2019-6",
        ] {
            assert!(DateSpan::parse(bad).is_err(), "{bad:?} should be refused");
        }
    }

    #[test]
    fn start_and_end_cover_the_whole_span() {
        let s = DateSpan::parse("2019-08/2019-09").unwrap();
        assert_eq!((s.start(), s.end()), (date(2019, 8, 1), date(2019, 9, 30)));
        let s = DateSpan::parse("2020").unwrap();
        assert_eq!((s.start(), s.end()), (date(2020, 1, 1), date(2020, 12, 31)));
        let s = DateSpan::parse("2019-02").unwrap();
        assert_eq!(s.end(), date(2019, 2, 28));
    }

    #[test]
    fn timeline_sorts_by_start_and_keeps_equal_items_in_order() {
        let m = |label: &str, s: &str| Milestone {
            kind: MilestoneKind::Other,
            label: LocalizedText::sv_only(label),
            span: DateSpan::parse(s).unwrap(),
            moved: None,
        };
        let mut t = vec![m("gala", "2019-11-12"), m("b", "2019-06"), m("a", "2019-06"), m("x", "2019-05-31")];
        sort_timeline(&mut t);
        let labels: Vec<&str> = t.iter().map(|m| m.label.sv.as_str()).collect();
        assert_eq!(labels, ["x", "b", "a", "gala"]);
    }
}
