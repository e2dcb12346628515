//! How pages say where an edition stands: its phase, the call's state, a moved date, the
//! refusal of a phase change, a file's size. Shared by every area.

use jiff::Timestamp;
use juryn_domain::{Edition, Lang, Milestone};

use crate::i18n::{t, t_args};

/// The phase's name for the public.
pub(crate) fn phase_text(lang: Lang, phase: juryn_domain::Phase) -> String {
    t(lang, &format!("phase-{}", phase.as_str()))
}

/// Where the call stands, in words every page shares: "Enkäten öppnar 9 december 2026 kl.
/// 09.00", "Enkäten är öppen till …", "Enkäten är stängd sedan …".
pub(crate) fn call_state_text(lang: Lang, state: juryn_domain::CallState) -> String {
    use juryn_domain::CallState;
    let at = |key: &str, t: Timestamp| t_args(lang, key, &[("time", juryn_domain::format_time(t, lang))]);
    match state {
        CallState::NotSetUp => t(lang, "call-state-not-set-up"),
        CallState::Opens(t) => at("call-state-opens", t),
        CallState::OpenUntil(t) => at("call-state-open", t),
        CallState::ClosedSince(t) => at("call-state-closed", t),
    }
}

/// An edition's phase as a page says it at `now`: while the call is the phase, the call's own
/// state (so no page says "öppen" while the window has not opened, or has closed); before it,
/// when the call will open by itself, when that is.
pub(crate) fn edition_state_text(lang: Lang, edition: &Edition, now: Timestamp) -> String {
    let phase = edition.visibility(now).phase;
    if phase == juryn_domain::Phase::CallOpen {
        call_state_text(lang, edition.call.state(now))
    } else if let (juryn_domain::Phase::Draft, Some(opens)) =
        (phase, edition.call.opens_at.filter(|t| *t > now))
    {
        call_state_text(lang, juryn_domain::CallState::Opens(opens))
    } else {
        phase_text(lang, phase)
    }
}

/// "Flyttad från 10 november 2021" — always with its year, as it may be another year's date.
pub(crate) fn moved_text(lang: Lang, m: &Milestone) -> Option<String> {
    m.moved.map(|v| t_args(lang, "timeline-moved-from", &[("date", v.from.render_inline(lang, 0))]))
}

/// A size in megabytes with one decimal, as the reader writes numbers ("0,3").
pub(crate) fn megabytes(lang: Lang, bytes: i64) -> String {
    crate::i18n::decimal(bytes as f64 / (1024.0 * 1024.0), lang)
}

/// Why the domain refused a phase transition, in the organiser's language.
pub(crate) fn phase_refusal_text(lang: Lang, r: &juryn_domain::Refusal) -> String {
    use juryn_domain::Refusal;
    match r {
        Refusal::WrongPhase { actual, .. } => {
            t_args(lang, "call-error-phase", &[("phase", phase_text(lang, *actual))])
        }
        Refusal::NoQuestions => t(lang, "call-error-no-questions"),
        Refusal::NoDeadline => t(lang, "call-error-no-deadline"),
        Refusal::DeadlineInPast => t(lang, "call-error-deadline-past"),
        Refusal::DeadlineNotPassed => t(lang, "call-error-deadline-not-passed"),
        Refusal::NoSubmittedEntries => t(lang, "phase-error-no-submitted"),
        Refusal::NoCriteria => t(lang, "phase-error-no-criteria"),
        Refusal::NoJurors => t(lang, "phase-error-no-jurors"),
        other => other.to_string(),
    }
}

/// Small counts as words, as Swedish (and English) prose writes them: "fem kommuner".
pub fn count_text(lang: Lang, n: usize) -> String {
    const SV: [&str; 13] =
        ["noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv"];
    const EN: [&str; 13] = [
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    let words = if lang == Lang::Sv { &SV } else { &EN };
    words.get(n).map_or_else(|| n.to_string(), |w| (*w).to_owned())
}

/// How the public is told of a cut: its round's wording with the number in words ("Juryn har
/// nominerat sex kommuner").
pub fn cut_wording(lang: Lang, cut: &juryn_domain::round::Cut) -> String {
    cut.round.wording.get(lang).replace("{n}", &count_text(lang, cut.selected.len()))
}
