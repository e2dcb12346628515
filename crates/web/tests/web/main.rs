//! The web crate's integration tests: one binary, the whole application on a fresh database per
//! test (see `helpers::spawn_app`).

mod admin;
mod answers;
mod api;
mod api_entries;
mod archive;
mod auth;
mod auto_call;
mod award_speaks;
mod booklet;
mod builder;
mod catalogue;
mod entries;
mod helpers;
mod jury_profiles;
mod layers;
mod links;
mod matrix;
mod meeting;
mod nominations;
mod not_found;
mod opendata;
mod overview;
mod past_winners;
mod public;
mod review;
mod seal;
mod setup;
mod smtp;
mod timeline;
mod trust_auth;
mod trust_jury;
mod visibility;
mod visits;
mod wayfinding;
mod words;
