//! The `juryn` binary as an operator meets it: real processes, a real socket, a real database.

mod config;
mod helpers;
mod people;
mod search;
mod serve;
mod setup;
