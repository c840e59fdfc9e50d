//! The portfolio: every project in a folder tree, summed up one row each
//! from its [`Report`](super::report::Report); [`crate::output::portfolio`]
//! draws it as a table or Markdown.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::app::checklist::{ChecklistSummary, PhaseRef};
use crate::model::date::Date;
use crate::store::Location;

/// One project in the portfolio (an element of `projects` in the JSON).
#[derive(Debug, Serialize)]
pub struct Row {
    /// The project's folder, relative to DIR.
    pub path: String,
    pub name: Option<String>,
    pub municipality: Option<String>,
    pub service: Option<String>,
    pub phase: Option<PhaseRef>,
    /// The current phase's checklist in short, as in `status`.
    pub checklist: Option<ChecklistSummary>,
    /// Indicators by state (`reached`, `on-track`, `behind`, `stale`, `no-data`, `no-plan`).
    pub indicator_states: std::collections::BTreeMap<&'static str, usize>,
    pub open_deviations: usize,
    pub overdue_actions: usize,
    /// How many ideas (`ideas` in `status` is a summary object).
    #[serde(rename = "idea_count")]
    pub ideas: usize,
    pub errors: usize,
    pub warnings: usize,
    /// Why the project could not be read, when it could not.
    pub error: Option<String>,
}

/// The folders under `dir` (itself included) that hold a project, sorted.
pub fn find_projects(dir: &Path) -> Vec<PathBuf> {
    crate::store::scan::projects(dir)
}

pub fn row(dir: &Path, shown: String, as_of: Date) -> Row {
    let mut row = Row {
        path: shown,
        name: None,
        municipality: None,
        service: None,
        phase: None,
        checklist: None,
        // Every state, as for a project that could be read.
        indicator_states: crate::model::indicator::PlanState::ALL
            .iter()
            .map(|s| (s.key(), 0))
            .collect(),
        open_deviations: 0,
        overdue_actions: 0,
        ideas: 0,
        errors: 0,
        warnings: 0,
        error: None,
    };
    let report = Location::find(Some(dir))
        .and_then(|loc| loc.open())
        .and_then(|project| super::report::gather(&project, as_of, 0));
    match report {
        Ok(r) => {
            row.indicator_states = r.states();
            row.overdue_actions = r.overdue_actions();
            row.name = Some(r.project.name);
            row.municipality = r.project.municipality;
            row.service = r.project.service;
            row.phase = Some(r.phase);
            row.checklist = Some(r.checklist);
            row.open_deviations = r.deviations.len();
            row.ideas = r.ideas.total;
            row.errors = r.check.errors;
            row.warnings = r.check.warnings;
        }
        Err(e) => row.error = Some(crate::error::one_line(&e)),
    }
    row
}
