//! The one integration-test binary: runs the real `veikart` on real folders.
//!
//! Each module covers one command or one promise of SPEC.md; `support` holds
//! the sandbox, the hermetic command and the tree snapshot they share.

mod as_of;
mod at;
mod bad_input;
mod benefit;
mod benefit_map;
// Issue 17, part 6: pages in a real browser
#[cfg(unix)]
mod browser;
mod check;
mod checklist;
mod checklist_rules;
mod ci;
mod comments;
mod concurrency;
mod deviation;
mod diff;
mod docs;
mod economics;
mod example;
#[cfg(unix)]
mod fuzz;
mod gates;
mod git;
mod help;
mod idea;
mod init;
mod issue12;
mod json_contract;
mod kill;
mod limits;
// Issue 5
mod measure;
mod output;
mod path;
mod phases;
mod plan_doc;
mod promote;
mod proposal;
mod raci;
mod records;
mod report;
mod shell;
mod site;
mod snapshots;
// Issue 16, item 6
mod spreadsheet;
mod status;
mod status_report;
mod store;
mod support;
mod taplo;
mod writes;
