//! The project's economics, from its benefits and `veikart.toml`.

use anyhow::Result;

use crate::model::benefit::Benefit;
use crate::model::economics::{self, Economics, Options};
use crate::store::Project;

/// Weigh the project's benefits against their costs.
pub fn of(project: &Project, opts: Options) -> Result<Economics> {
    let benefits: Vec<Benefit> = project.load_all()?;
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
