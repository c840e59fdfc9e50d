//! The progress report: where a project stands, gathered once from the
//! pass `check` makes (so a report is linear in the project's bytes). It is
//! rendered by [`crate::output::report`] (Markdown, HTML) or as JSON. This
//! layer reads through `store` and `checklist` and knows no command-line details.

use std::collections::BTreeMap;

use anyhow::Result;
use serde::Serialize;

use crate::app::checklist::{ChecklistSummary, PhaseRef};
use crate::model::benefit::Benefit;
use crate::model::date::Date;
use crate::model::deviation::Deviation;
use crate::model::followup;
use crate::model::idea::{self, Idea, STATUS};
use crate::model::indicator::{Indicator, PlanState, Trend};
use crate::model::log::{self, LogEntry};
use crate::model::measurement::Measurement;
use crate::model::project::ProjectInfo;
use crate::model::role::Role;
use crate::model::supplier::Supplier;
use crate::store::Project;

/// Everything a report shows (the JSON shape of `report --format json`).
#[derive(Debug, Serialize)]
pub struct Report {
    pub as_of: Date,
    pub project: ProjectInfo,
    pub phase: PhaseRef,
    pub checklist: ChecklistSummary,
    pub check: CheckReport,
    pub indicators: Vec<IndicatorReport>,
    pub deviations: Vec<DeviationReport>,
    pub ideas: IdeasReport,
    pub suppliers: Vec<SupplierReport>,
    /// Plural like every list (`technology` in `status` is a summary object).
    #[serde(rename = "technologies")]
    pub technology: Vec<TechnologyReport>,
    #[serde(rename = "logs")]
    pub log: Vec<crate::output::json::Record<LogEntry>>,
    /// The benefits weighed against the costs, when any is valued or any
    /// cost is recorded.
    pub economics: Option<crate::model::economics::Economics>,
    /// With `--status-report ID`: the published report, whose commit the
    /// rest of the report was read from.
    pub status_report: Option<crate::app::status_report::StatusReportView>,
    /// With `--since-last`: what changed since the last published report.
    pub since_last: Option<crate::app::status_report::SinceLast>,
    /// The benefit map (its JSON is `benefit map --format json`).
    #[serde(skip)]
    pub benefit_map: crate::app::benefit_map::BenefitMap,
    /// Where the log's period starts (the day after the last published
    /// status report), or null for the whole log.
    pub since: Option<Date>,
    /// Every option with its scores on the five criteria, best first.
    pub technology_options: Vec<TechnologyOption>,
    pub proposals: Vec<ProposalReport>,
    /// The service journey's steps, current and future, each with its touchpoints.
    #[serde(rename = "steps")]
    pub journey: Vec<StepReport>,
    /// Touchpoints on no step.
    pub touchpoints: Vec<TouchpointReport>,
    pub raci: RaciReport,
    pub routines: Vec<RoutineReport>,
    /// The service owner: the role's id and name.
    pub owner: Option<OwnerReport>,
}

/// A technology option and its score on each of the five criteria.
#[derive(Debug, Serialize)]
pub struct TechnologyOption {
    pub id: String,
    pub name: String,
    pub status: String,
    pub decision: Option<String>,
    /// One entry per criterion, in the roadmap's order (null when not assessed).
    pub scores: Vec<CriterionScore>,
    pub total: i64,
}

#[derive(Debug, Serialize)]
pub struct CriterionScore {
    pub criterion: &'static str,
    pub score: Option<i64>,
}

/// A proposal with its user tests and the decision on it.
#[derive(Debug, Serialize)]
pub struct ProposalReport {
    pub id: String,
    pub title: String,
    pub status: String,
    pub reason: Option<String>,
    pub decided: Option<Date>,
    pub cost: Option<f64>,
    pub tests: Vec<UserTestReport>,
}

#[derive(Debug, Serialize)]
pub struct UserTestReport {
    pub id: String,
    pub date: Option<Date>,
    pub with: Vec<String>,
    pub participants: Option<i64>,
    pub feedback: String,
    pub decision: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct StepReport {
    pub id: String,
    pub title: String,
    /// `current` or `future`.
    pub journey: String,
    pub touchpoints: Vec<TouchpointReport>,
}

#[derive(Debug, Serialize)]
pub struct TouchpointReport {
    pub id: String,
    pub title: String,
    pub channel: String,
    pub change: Option<String>,
    pub status: String,
}

/// The RACI (HUKI) matrix: the roles with a letter anywhere, and each
/// activity's letters by role id.
#[derive(Debug, Serialize)]
pub struct RaciReport {
    pub roles: Vec<OwnerReport>,
    pub activities: Vec<RaciRow>,
}

#[derive(Debug, Serialize)]
pub struct RaciRow {
    pub id: String,
    pub title: String,
    pub step: String,
    pub cells: BTreeMap<String, String>,
}

#[derive(Debug, Serialize)]
pub struct RoutineReport {
    pub id: String,
    pub title: String,
    pub owner: String,
    pub owner_name: String,
    pub reviewed: Option<Date>,
    pub next_review: Option<Date>,
    pub overdue: bool,
}

/// A role by id and name.
#[derive(Debug, Serialize)]
pub struct OwnerReport {
    pub id: String,
    pub name: String,
}

/// A technology option that was chosen (`tech choose`), with why.
#[derive(Debug, Serialize)]
pub struct TechnologyReport {
    pub id: String,
    pub name: String,
    pub decision: Option<String>,
    pub total: i64,
    pub reason: Option<String>,
    pub decided: Option<Date>,
}

#[derive(Debug, Serialize)]
pub struct CheckReport {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
}

#[derive(Debug, Serialize)]
pub struct IndicatorReport {
    pub id: String,
    pub name: String,
    pub benefit: String,
    pub benefit_title: String,
    pub unit: String,
    pub baseline: Option<f64>,
    pub baseline_date: Option<Date>,
    pub target: Option<f64>,
    pub by: Option<Date>,
    pub latest: Option<f64>,
    pub latest_date: Option<Date>,
    #[serde(serialize_with = "crate::model::number::serialize_percent")]
    pub achievement: Option<f64>,
    /// The planned value on `latest_date` (see [`crate::model::indicator::PlannedPath`]).
    pub planned: Option<f64>,
    pub trend: Option<Trend>,
    pub state: PlanState,
    /// Every value up to `as_of`, oldest first.
    pub series: Vec<Point>,
    /// The corners of the planned path, from the first of the baseline date
    /// and the first value to the last of the deadline and the latest value
    /// (a step is two points on one date); empty without a plan.
    pub planned_points: Vec<Point>,
}

#[derive(Debug, Clone, Copy, Serialize)]
pub struct Point {
    pub date: Date,
    pub value: f64,
}

#[derive(Debug, Serialize)]
pub struct DeviationReport {
    pub id: String,
    pub title: String,
    pub kind: Option<String>,
    pub date: Option<Date>,
    pub actions: Vec<ActionReport>,
}

impl ActionReport {
    /// A corrective action as it stood on `as_of`; `roles` maps role ids to names.
    pub fn of(
        a: &crate::model::deviation::Action,
        roles: &BTreeMap<String, String>,
        as_of: Date,
    ) -> ActionReport {
        ActionReport {
            text: a.text.clone(),
            owner: a.owner.clone(),
            owner_name: roles.get(&a.owner).cloned().unwrap_or_else(|| a.owner.clone()),
            due: a.due,
            overdue: a.overdue_on(as_of),
            done: a.done.filter(|_| a.done_by(as_of)),
            note: a.note.clone().filter(|_| a.done_by(as_of)),
        }
    }
}

#[derive(Debug, Serialize)]
pub struct ActionReport {
    pub text: String,
    /// The owning role's id, as in the deviation's file.
    pub owner: String,
    /// The owning role's name (its id when the role is unknown).
    pub owner_name: String,
    pub due: Option<Date>,
    pub overdue: bool,
    /// When it was done, if it was by the report's date.
    pub done: Option<Date>,
    /// How it went.
    pub note: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct IdeasReport {
    pub total: usize,
    pub open: usize,
    pub by_status: BTreeMap<&'static str, usize>,
    pub top: Vec<TopIdea>,
}

#[derive(Debug, Serialize)]
pub struct TopIdea {
    pub id: String,
    pub title: String,
    pub priority: Option<f64>,
    pub status: String,
}

#[derive(Debug, Serialize)]
pub struct SupplierReport {
    pub id: String,
    pub name: String,
    /// The newest review, as `supplier list` gives it.
    pub latest_review: Option<crate::model::supplier::Review>,
}

impl SupplierReport {
    pub fn score(&self) -> Option<i64> {
        self.latest_review.as_ref().map(|r| r.score)
    }

    pub fn date(&self) -> Option<Date> {
        self.latest_review.as_ref().and_then(|r| r.date)
    }
}

impl Report {
    /// Indicators by state, every state present (for summaries).
    pub fn states(&self) -> BTreeMap<&'static str, usize> {
        PlanState::ALL
            .iter()
            .map(|s| (s.key(), self.indicators.iter().filter(|i| i.state == *s).count()))
            .collect()
    }

    pub fn overdue_actions(&self) -> usize {
        self.deviations.iter().flat_map(|d| &d.actions).filter(|a| a.overdue).count()
    }
}

/// Read the project once (the pass `check` makes) for its checklist, its
/// problems and its records. A record file that cannot be read at all is an
/// error, as it is for `status`; other problems are counted in `check`.
pub fn gather(
    project: &Project,
    as_of: Date,
    since: Option<Date>,
    log_entries: Option<usize>,
) -> Result<Report> {
    // Like every other reader, refuse a file `check` calls a contradiction,
    // rather than leave it out of a report people act on.
    let checked = crate::app::pass::read(project, as_of)?;
    gather_on(project, &checked, since, log_entries)
}

/// [`gather`] on a pass already made (the site makes one for every page).
pub fn gather_on(
    project: &Project,
    checked: &crate::app::check::Report,
    since: Option<Date>,
    log_entries: Option<usize>,
) -> Result<Report> {
    let as_of = checked.as_of;
    let info = project.info.clone();
    let roadmap = project.roadmap()?;
    let phase = PhaseRef::of_project(project, &roadmap);
    let eval = crate::app::checklist::evaluate_on(
        project,
        checked,
        roadmap,
        std::slice::from_ref(&info.phase),
    );
    let checklist = ChecklistSummary::first(&eval);
    let snap = &checked.snapshot;
    let check = CheckReport {
        files: checked.files,
        errors: checked.errors(),
        warnings: checked.diagnostics.len() - checked.errors(),
    };

    let benefits: BTreeMap<String, String> =
        snap.all::<Benefit>().into_iter().map(|b| (b.id, b.title)).collect();
    let mut series = followup::by_indicator(snap.all::<Measurement>());
    let mut indicators: Vec<IndicatorReport> = snap
        .all::<Indicator>()
        .into_iter()
        .map(|i| {
            let ms = series.remove(&i.id).unwrap_or_default();
            let p = i.progress(&ms, as_of);
            let mut points: Vec<Point> = ms
                .iter()
                .filter_map(|m| {
                    m.date.filter(|d| *d <= as_of).map(|date| Point { date, value: m.value })
                })
                .collect();
            points.sort_by_key(|p| p.date);
            let from = i.baseline_date.into_iter().chain(points.first().map(|p| p.date)).min();
            let to = i.by.into_iter().chain(points.last().map(|p| p.date)).max();
            let path = match (i.path(), from, to) {
                (Some(path), Some(from), Some(to)) => path
                    .corners(from, to)
                    .into_iter()
                    .map(|(date, value)| Point { date, value })
                    .collect(),
                _ => Vec::new(),
            };
            IndicatorReport {
                benefit_title: benefits
                    .get(&i.benefit)
                    .cloned()
                    .unwrap_or_else(|| i.benefit.clone()),
                id: i.id,
                name: i.name,
                benefit: i.benefit,
                unit: i.unit,
                baseline: i.baseline,
                baseline_date: i.baseline_date,
                target: i.target,
                by: i.by,
                latest: p.latest,
                latest_date: p.latest_date,
                achievement: p.achievement,
                planned: p.planned,
                trend: p.trend,
                state: p.state,
                series: points,
                planned_points: path,
            }
        })
        .collect();
    indicators.sort_by(|a, b| (&a.benefit, &a.id).cmp(&(&b.benefit, &b.id)));

    let roles: BTreeMap<String, String> =
        snap.all::<Role>().into_iter().map(|r| (r.id, r.name)).collect();
    let mut deviations: Vec<DeviationReport> = snap
        .all::<Deviation>()
        .into_iter()
        // As they stood on `as_of`, as `status` shows them.
        .filter(|d| d.open_on(as_of))
        .map(|d| DeviationReport {
            actions: d.actions.iter().map(|a| ActionReport::of(a, &roles, as_of)).collect(),
            id: d.id,
            title: d.title,
            kind: d.kind,
            date: d.date,
        })
        .collect();
    deviations.sort_by(|a, b| (b.date, &a.id).cmp(&(a.date, &b.id)));

    let mut ideas = snap.all::<Idea>();
    idea::sort_by_priority(&mut ideas);
    let ideas = IdeasReport {
        total: ideas.len(),
        open: ideas.iter().filter(|i| i.is_open()).count(),
        by_status: STATUS
            .keys()
            .into_iter()
            .map(|k| (k, ideas.iter().filter(|i| i.status == k).count()))
            .collect(),
        top: ideas
            .iter()
            .filter(|i| i.is_open() && i.priority.is_some())
            .take(5)
            .map(|i| TopIdea {
                id: i.id.clone(),
                title: i.title.clone(),
                priority: i.priority,
                status: i.status.clone(),
            })
            .collect(),
    };

    let suppliers = snap
        .all::<Supplier>()
        .into_iter()
        .map(|s| SupplierReport { latest_review: s.latest().cloned(), id: s.id, name: s.name })
        .collect();

    // The options chosen by `as_of`.
    let technology = crate::model::technology::merge(snap.all(), &snap.all())
        .into_iter()
        .filter(|t| t.status == "chosen" && t.decided.is_none_or(|d| d <= as_of))
        .map(|t| TechnologyReport {
            id: t.id,
            name: t.name,
            decision: t.decision,
            total: t.total,
            reason: t.reason,
            decided: t.decided,
        })
        .collect();

    // The period's log: after `since`, up to `as_of`, newest first (log::sort).
    let mut entries: Vec<LogEntry> = snap
        .all::<LogEntry>()
        .into_iter()
        .filter(|l| l.date.is_none_or(|d| d <= as_of && since.is_none_or(|s| d >= s)))
        .collect();
    log::sort(&mut entries);
    if let Some(n) = log_entries {
        entries.truncate(n);
    }
    let more = more(snap, &roles, &info, as_of);

    let economics =
        crate::app::economics::when_any(&snap.all::<Benefit>(), &info, i64::from(as_of.year()));
    Ok(Report {
        status_report: None,
        since_last: None,
        economics,
        benefit_map: crate::app::benefit_map::build(snap),
        as_of,
        project: info,
        phase,
        checklist,
        check,
        indicators,
        deviations,
        ideas,
        suppliers,
        technology,
        since,
        technology_options: more.technology_options,
        proposals: more.proposals,
        journey: more.journey,
        touchpoints: more.touchpoints,
        raci: more.raci,
        routines: more.routines,
        owner: more.owner,
        log: entries
            .into_iter()
            .map(|l| crate::output::json::Record {
                path: project.shown_record(&log::SPEC, &l.id),
                record: l,
            })
            .collect(),
    })
}

/// The parts of the report on tjenesteutvikling's steps: the technology
/// options, proposals and their user tests, the journey with touchpoints,
/// the RACI matrix, routines and the service owner.
struct More {
    technology_options: Vec<TechnologyOption>,
    proposals: Vec<ProposalReport>,
    journey: Vec<StepReport>,
    touchpoints: Vec<TouchpointReport>,
    raci: RaciReport,
    routines: Vec<RoutineReport>,
    owner: Option<OwnerReport>,
}

fn more(
    snap: &crate::model::Snapshot,
    roles: &BTreeMap<String, String>,
    info: &ProjectInfo,
    as_of: Date,
) -> More {
    use crate::model::activity::Activity;
    use crate::model::journey::{self, Step};
    use crate::model::proposal::{Proposal, UserTest};
    use crate::model::routine::Routine;
    use crate::model::technology::CRITERION;
    use crate::model::touchpoint::Touchpoint;

    let mut options: Vec<TechnologyOption> =
        crate::model::technology::merge(snap.all(), &snap.all())
            .into_iter()
            .map(|t| TechnologyOption {
                scores: CRITERION
                    .keys()
                    .into_iter()
                    .map(|c| CriterionScore { criterion: c, score: t.score(c) })
                    .collect(),
                id: t.id,
                name: t.name,
                status: t.status,
                decision: t.decision,
                total: t.total,
            })
            .collect();
    options.sort_by(|a, b| (b.total, &a.id).cmp(&(a.total, &b.id)));

    let mut tests = snap.all::<UserTest>();
    tests.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    let mut proposals: Vec<ProposalReport> = snap
        .all::<Proposal>()
        .into_iter()
        .map(|p| ProposalReport {
            tests: tests
                .iter()
                .filter(|t| t.proposal == p.id)
                .map(|t| UserTestReport {
                    id: t.id.clone(),
                    date: t.date,
                    with: t.with.clone(),
                    participants: t.participants,
                    feedback: t.feedback.clone(),
                    decision: t.decision.clone(),
                })
                .collect(),
            id: p.id,
            title: p.title,
            status: p.status,
            reason: p.reason,
            decided: p.decided,
            cost: p.cost,
        })
        .collect();
    proposals.sort_by(|a, b| a.id.cmp(&b.id));

    let mut touch = snap.all::<Touchpoint>();
    let channels = crate::model::touchpoint::CHANNEL.keys();
    let channel = |c: &str| channels.iter().position(|k| *k == c).unwrap_or(usize::MAX);
    touch.sort_by(|a, b| (channel(&a.channel), &a.id).cmp(&(channel(&b.channel), &b.id)));
    let tp = |t: &Touchpoint| TouchpointReport {
        id: t.id.clone(),
        title: t.title.clone(),
        channel: t.channel.clone(),
        change: t.change.clone(),
        status: t.status.clone(),
    };
    let mut steps = snap.all::<Step>();
    journey::sort(&mut steps);
    let step_ids: Vec<String> = steps.iter().map(|s| s.id.clone()).collect();
    let journey = steps
        .into_iter()
        .map(|s| StepReport {
            touchpoints: touch
                .iter()
                .filter(|t| t.step.as_deref() == Some(s.id.as_str()))
                .map(tp)
                .collect(),
            id: s.id,
            title: s.title,
            journey: s.journey,
        })
        .collect();
    let touchpoints = touch
        .iter()
        .filter(|t| t.step.as_deref().is_none_or(|s| !step_ids.iter().any(|id| id == s)))
        .map(tp)
        .collect();

    let mut activities = snap.all::<Activity>();
    let position = |step: &str| step_ids.iter().position(|s| s == step).unwrap_or(usize::MAX);
    activities.sort_by(|a, b| (position(&a.step), &a.id).cmp(&(position(&b.step), &b.id)));
    let used: std::collections::BTreeSet<&str> =
        activities.iter().flat_map(|a| a.raci.iter().map(|(r, _)| r.as_str())).collect();
    let raci = RaciReport {
        roles: used
            .iter()
            .map(|r| OwnerReport {
                id: r.to_string(),
                name: roles.get(*r).cloned().unwrap_or_else(|| r.to_string()),
            })
            .collect(),
        activities: activities
            .iter()
            .map(|a| RaciRow {
                id: a.id.clone(),
                title: a.title.clone(),
                step: a.step.clone(),
                cells: a.raci.iter().cloned().collect(),
            })
            .collect(),
    };

    let mut routines: Vec<RoutineReport> = snap
        .all::<Routine>()
        .into_iter()
        .map(|r| RoutineReport {
            owner_name: roles.get(&r.owner).cloned().unwrap_or_else(|| r.owner.clone()),
            overdue: r.next_review.is_some_and(|d| d < as_of),
            id: r.id,
            title: r.title,
            owner: r.owner,
            reviewed: r.reviewed,
            next_review: r.next_review,
        })
        .collect();
    routines.sort_by(|a, b| (a.next_review, &a.id).cmp(&(b.next_review, &b.id)));

    let owner = info.owner.as_ref().map(|o| OwnerReport {
        id: o.clone(),
        name: roles.get(o).cloned().unwrap_or_else(|| o.clone()),
    });
    More { technology_options: options, proposals, journey, touchpoints, raci, routines, owner }
}
