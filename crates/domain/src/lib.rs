//! The rules and types of a juried public award.
//!
//! Architecture invariant: this crate does no IO, holds no async code and knows no SQL or HTTP.
//! Everything here is a plain value or a pure function, so it is tested without a database.

pub mod answer;
pub mod archive;
pub mod assignment;
pub mod award;
pub mod ballots;
pub mod call;
pub mod conflict;
pub mod criterion;
pub mod deliberation;
pub mod email;
pub mod entry;
pub mod event;
pub mod follow_up;
pub mod joint;
pub mod juror;
pub mod lang;
pub mod municipality;
pub mod name;
pub mod nomination;
pub mod opendata;
pub mod phase;
pub mod questionnaire;
pub mod ranking;
pub mod review;
pub mod role;
pub mod round;
pub mod rules;
pub mod schedule;
pub mod schulze;
pub mod seal;
pub mod slug;
pub mod text;
pub mod timeline;
pub mod visit;

pub use answer::Answer;
pub use archive::{PastWinner, past_winners};
pub use award::{Award, Edition, Visibility};
pub use call::{CallState, CallWindow, format_span, format_time};
pub use criterion::Criterion;
pub use email::Email;
pub use entry::EntryStatus;
pub use juror::Juror;
pub use lang::{Lang, LocalizedText};
pub use municipality::{Municipality, MunicipalityCode, Registry};
pub use phase::{Phase, Readiness, Refusal};
pub use questionnaire::{AnswerProblem, Level, QuestionKind, check_answer, check_answers, word_count};
pub use role::{Grant, InvalidGrant, Role, Scope};
pub use rules::{Action, Actor, Decision, ReviewProgress, decide};
pub use slug::Slug;
pub use text::{RichText, TextBlock};
pub use timeline::{DateSpan, Milestone, MilestoneKind, Moved, WrittenDateError, sort_timeline};
