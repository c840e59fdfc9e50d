//! The project's economics, from its benefits and `veikart.toml`.

use anyhow::Result;

use crate::model::benefit::Benefit;
use crate::model::economics::{self, Economics, Options};
use crate::store::Project;

/// Weigh the project's benefits against their costs.
/// Like every other reader, a file `check` calls a contradiction (three
/// estimates out of order, say) stops it rather than give figures from it.
pub fn of(project: &Project, opts: Options) -> Result<Economics> {
    let checked = crate::app::pass::read(project, project.today)?;
    let benefits: Vec<Benefit> = checked.snapshot.all();
    Ok(economics::calculate(&benefits, &project.info, opts))
}

/// The economics for a report or status: None while no benefit is valued
/// and no cost is recorded (there is nothing to weigh yet).
pub fn when_any(
    benefits: &[Benefit],
    info: &crate::model::project::ProjectInfo,
    this_year: i64,
) -> Option<Economics> {
    let e = economics::calculate(benefits, info, Options { years: None, rate: None, this_year });
    (e.has_figures() || !e.non_priced.is_empty()).then_some(e)
}
