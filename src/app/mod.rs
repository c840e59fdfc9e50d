//! The use cases, like cargo's `ops`: typed options in, plain data out, no
//! printing and no command-line details. Commands in `cli` are thin adapters
//! over these; the store does the reading and writing, the model the rules.

pub mod benefit_map;
pub mod check;
pub mod checklist;
pub mod diff;
pub mod economics;
pub mod history;
pub mod pass;
pub mod plan_doc;
pub mod portfolio;
pub mod record;
pub mod report;
pub mod site;
pub mod status;
pub mod status_report;
