//! What juryn hands out as files. For now: tables (the jury's scores, the register of
//! conflicts) as CSV and XLSX. The booklet (typst), the open data and the calendar feeds will
//! live here too.
//!
//! This crate knows no database and no HTTP: callers give it rows of text and numbers.

pub mod atom;
pub mod ical;
pub mod table;
