//! The static site of a project (`veikart site DIR`): everything its pages
//! show, gathered from one pass over the project (the one `check` makes).
//! Rendered by [`crate::output::site`]; written by the command.

use anyhow::Result;

use crate::app::checklist::Evaluation;
use crate::app::report::Report;
use crate::app::status_report::StatusReportView;
use crate::model::date::Date;
use crate::model::deviation::Deviation;
use crate::model::idea::{self, Idea};
use crate::model::status_report::{self, StatusReport};
use crate::model::supplier::Supplier;
use crate::store::Project;

/// What the site's pages show.
pub struct Site {
    /// The report's sections (the whole log, every section).
    pub report: Report,
    /// Every phase's checklist, in the roadmap's order.
    pub eval: Evaluation,
    /// Every idea, highest priority first.
    pub ideas: Vec<Idea>,
    /// Deviations closed by the date, newest first.
    pub closed_deviations: Vec<Deviation>,
    /// Every supplier with every review.
    pub suppliers: Vec<Supplier>,
    /// Every status report, newest first (published ones only, unless
    /// drafts were asked for).
    pub status_reports: Vec<StatusReportView>,
    /// The lights on the front page: the latest published report, else the
    /// latest draft.
    pub latest: Option<StatusReportView>,
}

/// `drafts`: show draft status reports too (by default only published ones,
/// since a site is for the public).
pub fn gather(project: &Project, as_of: Date, drafts: bool) -> Result<Site> {
    let checked = crate::app::pass::read(project, as_of)?;
    let report = crate::app::report::gather_on(project, &checked, None, None)?;
    let roadmap = project.roadmap()?;
    let phases: Vec<String> = roadmap.phases.iter().map(|p| p.id.clone()).collect();
    let eval = crate::app::checklist::evaluate_on(project, &checked, roadmap, &phases);
    let snap = &checked.snapshot;
    let mut ideas = snap.all::<Idea>();
    idea::sort_by_priority(&mut ideas);
    let mut closed_deviations: Vec<Deviation> = snap
        .all::<Deviation>()
        .into_iter()
        .filter(|d| d.found_by(as_of) && !d.open_on(as_of))
        .collect();
    closed_deviations.sort_by(|a, b| (b.closed, &a.id).cmp(&(a.closed, &b.id)));
    let mut suppliers = snap.all::<Supplier>();
    suppliers.sort_by(|a, b| a.name.cmp(&b.name));
    let mut reports: Vec<StatusReport> =
        snap.all::<StatusReport>().into_iter().filter(|r| drafts || r.is_published()).collect();
    reports.sort_by(|a, b| status_report::order_key(b).cmp(&status_report::order_key(a)));
    let latest = reports
        .iter()
        .find(|r| r.is_published())
        .or(reports.first())
        .map(|r| StatusReportView::of(project, r));
    let status_reports = reports.iter().map(|r| StatusReportView::of(project, r)).collect();
    Ok(Site { report, eval, ideas, closed_deviations, suppliers, status_reports, latest })
}
