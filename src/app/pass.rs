//! The one pass over a whole project that `check`, `status`, `report` and the
//! checklist share: every file read and parsed once, every rule run once.

use anyhow::Result;

use crate::app::check::Report;
use crate::model::date::Date;
use crate::store::Project;

/// Read the whole project once, as `check` does, for a command that sums it
/// up. It refuses (exit 2), naming the file and line, when a file holds what
/// `check` calls a contradiction: a file it cannot read, a wrong value, a
/// reference to a record that does not exist. Work not done yet does not stop
/// it (docs/exit-codes.md).
pub fn read(project: &Project, as_of: Date) -> Result<Report> {
    let report = crate::app::check::run(&project.location(), as_of)?;
    match contradiction(&report) {
        Some(e) => Err(e),
        None => Ok(report),
    }
}

/// The error for the first file of `report` that holds a contradiction
/// (its first such problem, with file and line), if any.
pub fn contradiction(report: &Report) -> Option<anyhow::Error> {
    let first = report.diagnostics.iter().find(|d| d.blocks())?;
    let same: Vec<_> =
        report.diagnostics.iter().filter(|d| d.path == first.path && d.blocks()).cloned().collect();
    Some(crate::store::broken_file(&same))
}
