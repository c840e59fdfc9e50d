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
    /// Its benefits weighed against its costs, when it has any figures.
    pub economics: Option<crate::model::economics::Summary>,
}

/// The NOK of every project that has figures, summed.
#[derive(Debug, Default, Serialize)]
pub struct Totals {
    /// How many projects have figures.
    #[serde(rename = "project_count")]
    pub projects: usize,
    pub benefits: f64,
    pub costs: f64,
    pub net: f64,
    pub net_present_value: f64,
    /// Whether the projects discount at different rates, so that the sum of
    /// their present values mixes rates.
    pub mixed_rates: bool,
}

impl Totals {
    pub fn of(rows: &[Row]) -> Totals {
        let mut t = Totals::default();
        let mut rate = None;
        for e in rows.iter().filter_map(|r| r.economics.as_ref()) {
            t.mixed_rates |= rate.is_some_and(|r| r != e.rate);
            rate = Some(e.rate);
            t.projects += 1;
            t.benefits += e.benefits;
            t.costs += e.costs;
            t.net += e.net;
            t.net_present_value += e.net_present_value;
        }
        t
    }
}

/// The folders under `dir` (itself included) that hold a project, sorted.
pub fn find_projects(dir: &Path) -> Vec<PathBuf> {
    crate::store::scan::projects(dir)
}

/// How each project of the portfolio is read.
#[derive(Debug, Clone, Copy)]
pub struct Reading<'a> {
    /// The day judged (`--as-of`, else today).
    pub as_of: Date,
    /// `--as-of` given without `--at`: leave out what is dated after it.
    pub dated: bool,
    /// `--at REV`: each project as committed at REV in its own repository.
    pub at: Option<&'a str>,
}

/// The row of the project in `dir`; None when `--at` names a revision at
/// which the project did not exist yet.
pub fn row(dir: &Path, shown: String, reading: Reading) -> Option<Row> {
    let before = match reading.at {
        Some(rev) => match crate::store::git::snapshot(dir, rev) {
            Ok(snapshot) => Some(crate::store::source::swap(Some(snapshot))),
            Err(e) => return Some(unreadable(shown, &e)),
        },
        None => None,
    };
    let exists = crate::store::source::is_file(&dir.join(crate::store::PROJECT_FILE));
    let row = exists.then(|| read_row(dir, shown, reading));
    if let Some(before) = before {
        crate::store::source::restore(before);
    }
    row
}

/// The row of a project that could not be read, with why.
fn unreadable(shown: String, e: &anyhow::Error) -> Row {
    let mut row = empty(shown);
    row.error = Some(crate::error::one_line(e));
    row
}

fn empty(shown: String) -> Row {
    Row {
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
        economics: None,
    }
}

fn read_row(dir: &Path, shown: String, reading: Reading) -> Row {
    let as_of = reading.as_of;
    let mut row = empty(shown);
    let report = Location::find(Some(dir))
        .inspect(|loc| {
            if reading.dated {
                crate::store::dated::show(loc, as_of);
            }
        })
        .and_then(|loc| loc.open())
        .and_then(|project| super::report::gather(&project, as_of, None, Some(0)));
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
            row.economics = r.economics.as_ref().map(|e| e.summary());
        }
        Err(e) => row.error = Some(crate::error::one_line(&e)),
    }
    row
}
