//! Everything that turns data into bytes: the output handle ([`ui`]), the
//! formats each command offers ([`formats`]), and the renderings several
//! commands share.

pub mod benefit_map;
pub mod chart;
pub mod check;
pub mod checklist;
pub mod ci;
pub mod diff;
pub mod doc;
pub mod economics;
pub mod escape;
pub mod formats;
pub mod github;
pub mod json;
pub mod plan_doc;
pub mod portfolio;
pub mod report;
pub mod site;
pub mod status_report;
pub mod table;
pub mod ui;
pub mod xlsx;
