//! The portfolio: every project in a folder tree, summed up one row each
//! from its [`Report`](super::Report), and drawn as a table or Markdown.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::app::checklist::{ChecklistSummary, PhaseRef};
use crate::model::date::Date;
use crate::store::Location;
use crate::tr;

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
        .and_then(|project| super::gather(&project, as_of, 0));
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

pub fn headers() -> Vec<String> {
    crate::i18n::pick(
        ["MAPPE", "PROSJEKT", "KOMMUNE", "FASE", "SJEKKLISTE", "GEVINSTER", "AVVIK", "SJEKK"],
        [
            "FOLDER",
            "PROJECT",
            "MUNICIPALITY",
            "PHASE",
            "CHECKLIST",
            "BENEFITS",
            "DEVIATIONS",
            "CHECK",
        ],
    )
    .iter()
    .map(|s| s.to_string())
    .collect()
}

/// "3 nådd, 1 bak plan" from the indicator counts, or "–".
fn benefits(r: &Row) -> String {
    let parts: Vec<String> = crate::model::indicator::PlanState::ALL
        .iter()
        .filter_map(|s| {
            let n = r.indicator_states.get(s.key()).copied().unwrap_or(0);
            (n > 0).then(|| format!("{n} {}", s.label()))
        })
        .collect();
    if parts.is_empty() { "–".to_string() } else { parts.join(", ") }
}

pub fn cells(r: &Row) -> Vec<String> {
    let dash = || "–".to_string();
    if let Some(e) = &r.error {
        return vec![
            r.path.clone(),
            tr!("kan ikke leses: {e}", "unreadable: {e}"),
            dash(),
            dash(),
            dash(),
            dash(),
            dash(),
            dash(),
        ];
    }
    let phase =
        r.phase.as_ref().map_or_else(dash, |p| format!("{} ({}/{})", p.name, p.position, p.of));
    let checklist =
        r.checklist.as_ref().map_or_else(dash, |c| format!("{}/{}", c.finished, c.total));
    let deviations = if r.overdue_actions > 0 {
        tr!(
            "{} ({} forfalt)",
            "{} ({} overdue)",
            crate::i18n::counted(r.open_deviations, ("åpent", "åpne"), ("open", "open")),
            crate::i18n::counted(r.overdue_actions, ("tiltak", "tiltak"), ("action", "actions"))
        )
    } else if r.open_deviations > 0 {
        crate::i18n::counted(r.open_deviations, ("åpent", "åpne"), ("open", "open"))
    } else {
        dash()
    };
    let check = if r.errors + r.warnings == 0 {
        "ok".to_string()
    } else {
        format!(
            "{}, {}",
            crate::i18n::counted(r.errors, ("feil", "feil"), ("error", "errors")),
            crate::i18n::counted(r.warnings, ("advarsel", "advarsler"), ("warning", "warnings"))
        )
    };
    vec![
        r.path.clone(),
        r.name.clone().unwrap_or_default(),
        r.municipality.clone().unwrap_or_else(dash),
        phase,
        checklist,
        benefits(r),
        deviations,
        check,
    ]
}

use crate::output::escape::md_row;

pub fn markdown(rows: &[Row], as_of: Date) -> String {
    let mut s = format!("# {}\n\n", tr!("Portefølje per {as_of}", "Portfolio as of {as_of}"));
    let heads = headers();
    let heads: Vec<String> = heads.iter().map(|h| crate::output::ui::capitalised(h)).collect();
    s.push_str(&md_row(&heads));
    s.push_str(&format!("|{}\n", "---|".repeat(heads.len())));
    for r in rows {
        s.push_str(&md_row(&cells(r)));
    }
    s
}
