//! veikart keeps a municipal service-innovation project (the KS roadmap for
//! service innovation) as plain TOML files in git.
//!
//! - [`app`]: the use cases (typed options in, data out) the commands call.
//! - [`model`]: the domain (ideas, the project, ids, dates, field specs), no I/O.
//! - [`store`]: the project folder: find it, read and validate records, write
//!   them atomically one file at a time.
//! - [`output`]: everything that turns data into bytes: the output handle
//!   (stdout data, stderr messages, colour, tables), the formats each command
//!   offers, escaping, numbers and the JSON envelope.
//! - `cli`: the command tree; thin adapters from arguments to store and model.

pub mod app;
pub mod diag;
pub mod error;
pub mod i18n;
pub mod model;
pub mod output;
pub mod store;

mod cli;

#[doc(hidden)]
pub use cli::{Cli, run};
