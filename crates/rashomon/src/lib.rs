//! Rashomon: reads many news reports and shows one story through every source.
//!
//! This crate is the library facade: [`pipeline`] chains the stage crates
//! (ingest → text → extract → dedup → cluster → compare → brief). The
//! `rashomon` binary is a thin command-line shell over it.

pub mod corpus;
pub mod entities;
pub mod pipeline;

pub use rashomon_model as model;
