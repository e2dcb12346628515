//! What juryn hands out as files: tables (the jury's scores, the register of conflicts) as CSV
//! and XLSX, calendars as iCal, the edition's news as Atom, and the booklet of the entries as a
//! PDF typeset by typst.
//!
//! This crate knows no database and no HTTP: callers give it rows of text and numbers, or the
//! booklet's content as data.

pub mod atom;
pub mod booklet;
pub mod ical;
pub mod table;
