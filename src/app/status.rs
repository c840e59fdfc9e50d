//! `veikart status`: the project at a glance, gathered from the one pass
//! `check` makes (so it reads every file once), as plain data; the command
//! renders it as text or JSON.

use std::collections::BTreeMap;

use anyhow::Result;
use serde::Serialize;

use crate::app::checklist::Evaluation;
use crate::model::activity::Activity;
use crate::model::benefit::Benefit;
use crate::model::date::Date;
use crate::model::deviation::Deviation;
use crate::model::goal::Goal;
use crate::model::idea::{self, Idea, STATUS};
use crate::model::indicator::{self, Indicator, PlanState};
use crate::model::insight::{Insight, RESPONDENT};
use crate::model::journey::{JOURNEY, Step};
use crate::model::log::{self, LogEntry};
use crate::model::pilot::{POINTS, PilotFinding, PilotPlan};
use crate::model::project::ProjectInfo;
use crate::model::proposal::{Proposal, STATUS as PROPOSAL_STATUS, UserTest};
use crate::model::related::Related;
use crate::model::role::Role;
use crate::model::routine::Routine;
use crate::model::schema::Severity;
use crate::model::stakeholder::Stakeholder;
use crate::model::team::Member;
use crate::model::technology::{self, Technology};
use crate::model::touchpoint::{CHANNEL, Touchpoint};
use crate::model::{Snapshot, followup};
use crate::store::Project;

/// Everything `status` shows (the JSON shape of `status --format json`).
#[derive(Serialize)]
pub struct Status {
    pub as_of: Date,
    pub project: ProjectInfo,
    pub phase: crate::app::checklist::PhaseRef,
    pub checklist: crate::app::checklist::ChecklistSummary,
    pub ideas: IdeasJson,
    pub journey: JourneyJson,
    pub raci: RaciJson,
    pub owner: Option<String>,
    /// The service owner's name, when the role exists.
    #[serde(skip)]
    pub owner_name: Option<String>,
    pub routines: RoutinesJson,
    #[serde(flatten)]
    pub more: More,
    pub benefits: StatusPlan,
}

#[derive(Serialize)]
pub struct IdeasJson {
    pub total: usize,
    pub open: usize,
    pub by_status: BTreeMap<&'static str, usize>,
    pub top: Vec<crate::output::json::Record<Idea>>,
}

#[derive(Serialize)]
pub struct JourneyJson {
    pub steps: BTreeMap<&'static str, usize>,
    pub activities: usize,
    pub outside: usize,
    pub touchpoints: BTreeMap<&'static str, usize>,
}

#[derive(Serialize)]
pub struct RaciJson {
    pub roles: usize,
    pub activities: usize,
    /// Activities that break a RACI rule (no H, several H, no U).
    pub broken: usize,
    pub warnings: usize,
}

#[derive(Serialize)]
pub struct RoutinesJson {
    pub total: usize,
    pub overdue: usize,
}

/// The parts for proposals, technology, anchoring, insight, the pilot and
/// the log: one object per area.
#[derive(Serialize)]
pub struct More {
    pub proposals: ProposalsJson,
    pub technology: TechJson,
    pub anchoring: AnchoringJson,
    pub insights: InsightsJson,
    pub pilot: PilotJson,
    pub log: LogJson,
}

#[derive(Serialize)]
pub struct ProposalsJson {
    pub total: usize,
    pub by_status: BTreeMap<&'static str, usize>,
    pub tests: usize,
}

#[derive(Serialize)]
pub struct TechJson {
    pub options: usize,
    /// Options assessed on all five criteria.
    pub fully_assessed: usize,
    /// The option with the highest total among those not rejected, if any is assessed.
    pub best: Option<String>,
    pub best_name: Option<String>,
    pub best_total: Option<i64>,
    /// The options chosen (`tech choose`), by id.
    pub chosen: Vec<String>,
    pub chosen_names: Vec<String>,
    pub rejected: usize,
}

#[derive(Serialize)]
pub struct AnchoringJson {
    pub goals: usize,
    pub team: usize,
    pub stakeholders: usize,
    pub related: usize,
}

#[derive(Serialize)]
pub struct InsightsJson {
    pub total: usize,
    pub by_respondent: BTreeMap<&'static str, usize>,
}

#[derive(Serialize)]
pub struct PilotJson {
    /// Whether `pilot/plan.toml` exists (`plan` in `pilot show` is the plan).
    #[serde(rename = "has_plan")]
    pub plan: bool,
    /// Planning points (and `responsible`) still missing.
    pub missing: Vec<&'static str>,
    pub findings: usize,
}

#[derive(Serialize)]
pub struct LogJson {
    pub total: usize,
    /// The newest entries; not `latest`, which is an indicator's newest value.
    pub latest_entries: Vec<LatestJson>,
}

#[derive(Serialize)]
pub struct LatestJson {
    pub id: String,
    pub date: Option<Date>,
    pub kind: String,
    pub text: String,
}

/// The benefit plan and the open deviations.
#[derive(Serialize)]
pub struct StatusPlan {
    #[serde(rename = "benefit_count")]
    pub benefits: usize,
    #[serde(rename = "indicator_count")]
    pub indicators: usize,
    /// Indicators by state (`reached`, `on-track`, `behind`, `stale`, `no-data`).
    pub indicator_states: BTreeMap<&'static str, usize>,
    /// Every indicator with where it stands, as `indicators` in `report`.
    #[serde(rename = "indicators")]
    pub plan: Vec<StatusIndicator>,
    pub deviations: StatusDeviations,
    /// The benefits weighed against the costs (`benefit economics`), when
    /// any is valued or any cost is recorded.
    pub economics: Option<crate::model::economics::Summary>,
}

#[derive(Serialize)]
pub struct StatusIndicator {
    pub id: String,
    pub name: String,
    pub benefit: String,
    pub unit: String,
    pub latest: Option<f64>,
    pub latest_date: Option<Date>,
    #[serde(serialize_with = "crate::model::number::serialize_percent")]
    pub achievement: Option<f64>,
    pub state: PlanState,
}

#[derive(Serialize)]
pub struct StatusDeviations {
    pub open: usize,
    pub closed: usize,
    pub overdue_actions: usize,
    pub items: Vec<StatusDeviation>,
}

#[derive(Serialize)]
pub struct StatusDeviation {
    pub id: String,
    pub title: String,
    pub kind: Option<String>,
    pub date: Option<Date>,
    /// The corrective actions, as in `report`.
    pub actions: Vec<crate::app::report::ActionReport>,
    pub overdue_actions: usize,
}

/// The project at a glance on `as_of`, with the `top` best open ideas.
pub fn gather(project: &Project, as_of: Date, top: usize) -> Result<Status> {
    let report = super::pass::read(project, as_of)?;
    let snap = &report.snapshot;
    let info = project.info.clone();
    let roadmap = project.roadmap()?;
    let phase = crate::app::checklist::PhaseRef::of_project(project, &roadmap);
    let eval: Evaluation = crate::app::checklist::evaluate_on(
        project,
        &report,
        roadmap,
        std::slice::from_ref(&info.phase),
    );
    let checklist = crate::app::checklist::ChecklistSummary::first(&eval);

    let mut ideas: Vec<Idea> = snap.all();
    idea::sort_by_priority(&mut ideas);
    let by_status = STATUS
        .keys()
        .into_iter()
        .map(|k| (k, ideas.iter().filter(|i| i.status == k).count()))
        .collect();
    let best: Vec<_> = ideas
        .iter()
        .filter(|i| i.is_open() && i.priority.is_some())
        .take(top)
        .map(|i| crate::output::json::Record {
            path: project.shown_record(&idea::SPEC, &i.id),
            record: i.clone(),
        })
        .collect();

    let steps: Vec<Step> = snap.all();
    let activities: Vec<Activity> = snap.all();
    let touchpoints: Vec<Touchpoint> = snap.all();
    let roles: Vec<Role> = snap.all();
    let routines: Vec<Routine> = snap.all();
    let journey = JourneyJson {
        steps: JOURNEY
            .keys()
            .into_iter()
            .map(|k| (k, steps.iter().filter(|s| s.journey == k).count()))
            .collect(),
        activities: activities.len(),
        outside: activities.iter().filter(|a| a.outside).count(),
        touchpoints: CHANNEL
            .keys()
            .into_iter()
            .map(|k| (k, touchpoints.iter().filter(|t| t.channel == k).count()))
            .collect(),
    };
    let findings: Vec<_> = activities.iter().map(Activity::rules).collect();
    let raci = RaciJson {
        roles: roles.len(),
        activities: activities.len(),
        broken: findings.iter().filter(|f| f.iter().any(|x| x.severity == Severity::Error)).count(),
        warnings: findings.iter().flatten().filter(|x| x.severity == Severity::Warning).count(),
    };
    let routines_json = RoutinesJson {
        total: routines.len(),
        overdue: routines.iter().filter(|r| r.next_review.is_some_and(|d| d < as_of)).count(),
    };
    let owner_name = info
        .owner
        .as_ref()
        .and_then(|id| roles.iter().find(|r| r.id == *id))
        .map(|r| r.name.clone());
    Ok(Status {
        as_of,
        phase,
        checklist,
        ideas: IdeasJson {
            total: ideas.len(),
            open: ideas.iter().filter(|i| i.is_open()).count(),
            by_status,
            top: best,
        },
        journey,
        raci,
        owner: info.owner.clone(),
        owner_name,
        routines: routines_json,
        more: more(snap),
        benefits: plan(snap, &info, as_of),
        project: info,
    })
}

fn more(snap: &Snapshot) -> More {
    let proposals: Vec<Proposal> = snap.all();
    let techs: Vec<Technology> = technology::merge(snap.all(), &snap.all());
    let best = techs
        .iter()
        .filter(|t| !t.assessment.is_empty() && t.in_play())
        .max_by(|a, b| a.total.cmp(&b.total).then(b.id.cmp(&a.id)));
    let chosen: Vec<&Technology> = techs.iter().filter(|t| t.status == "chosen").collect();
    let insights: Vec<Insight> = snap.all();
    let plan: Option<PilotPlan> =
        snap.all::<PilotPlan>().into_iter().find(|p| p.id == crate::model::pilot::PLAN_ID);
    let mut entries: Vec<LogEntry> = snap.all();
    log::sort(&mut entries);
    More {
        proposals: ProposalsJson {
            total: proposals.len(),
            by_status: PROPOSAL_STATUS
                .keys()
                .into_iter()
                .map(|k| (k, proposals.iter().filter(|p| p.status == k).count()))
                .collect(),
            tests: snap.all::<UserTest>().len(),
        },
        technology: TechJson {
            options: techs.len(),
            fully_assessed: techs.iter().filter(|t| t.missing.is_empty()).count(),
            best: best.map(|t| t.id.clone()),
            best_name: best.map(|t| t.name.clone()),
            best_total: best.map(|t| t.total),
            chosen: chosen.iter().map(|t| t.id.clone()).collect(),
            chosen_names: chosen.iter().map(|t| t.name.clone()).collect(),
            rejected: techs.iter().filter(|t| t.status == "rejected").count(),
        },
        anchoring: AnchoringJson {
            goals: snap.all::<Goal>().len(),
            team: snap.all::<Member>().len(),
            stakeholders: snap.all::<Stakeholder>().len(),
            related: snap.all::<Related>().len(),
        },
        insights: InsightsJson {
            total: insights.len(),
            by_respondent: RESPONDENT
                .keys()
                .into_iter()
                .map(|k| (k, insights.iter().filter(|i| i.respondent == k).count()))
                .collect(),
        },
        pilot: PilotJson {
            plan: plan.is_some(),
            missing: match &plan {
                Some(p) => p.missing.clone(),
                None => POINTS.iter().map(|(k, _, _)| *k).chain(["responsible"]).collect(),
            },
            findings: snap.all::<PilotFinding>().len(),
        },
        log: LogJson {
            total: entries.len(),
            latest_entries: entries
                .iter()
                .take(3)
                .map(|e| LatestJson {
                    id: e.id.clone(),
                    date: e.date,
                    kind: e.kind.clone(),
                    text: e.text.lines().next().unwrap_or_default().to_string(),
                })
                .collect(),
        },
    }
}

fn plan(snap: &Snapshot, info: &ProjectInfo, as_of: Date) -> StatusPlan {
    let benefits: Vec<Benefit> = snap.all();
    let indicators: Vec<Indicator> = snap.all();
    let measurements = followup::by_indicator(snap.all());
    let mut plan: Vec<StatusIndicator> = indicators
        .iter()
        .map(|i| {
            let ms = measurements.get(&i.id).map(Vec::as_slice).unwrap_or_default();
            let p = i.progress(ms, as_of);
            StatusIndicator {
                id: i.id.clone(),
                name: i.name.clone(),
                benefit: i.benefit.clone(),
                unit: i.unit.clone(),
                latest: p.latest,
                latest_date: p.latest_date,
                achievement: p.achievement,
                state: p.state,
            }
        })
        .collect();
    plan.sort_by(|a, b| (&a.benefit, &a.id).cmp(&(&b.benefit, &b.id)));
    let states = indicator::PlanState::ALL
        .iter()
        .map(|s| (s.key(), plan.iter().filter(|p| p.state == *s).count()))
        .collect();
    // The deviations as they stood on `as_of`: those found by then, open
    // unless closed by then.
    let devs: Vec<Deviation> =
        snap.all::<Deviation>().into_iter().filter(|d| d.found_by(as_of)).collect();
    let role_names: BTreeMap<String, String> =
        snap.all::<crate::model::role::Role>().into_iter().map(|r| (r.id, r.name)).collect();
    use crate::app::report::ActionReport;
    let mut items: Vec<StatusDeviation> = devs
        .iter()
        .filter(|d| d.open_on(as_of))
        .map(|d| StatusDeviation {
            id: d.id.clone(),
            title: d.title.clone(),
            kind: d.kind.clone(),
            date: d.date,
            actions: d.actions.iter().map(|a| ActionReport::of(a, &role_names, as_of)).collect(),
            overdue_actions: d.actions.iter().filter(|a| a.overdue_on(as_of)).count(),
        })
        .collect();
    items.sort_by(|a, b| (b.date, &a.id).cmp(&(a.date, &b.id)));
    let economics = crate::app::economics::when_any(&benefits, info, i64::from(as_of.year()))
        .map(|e| e.summary());
    StatusPlan {
        economics,
        benefits: benefits.len(),
        indicators: indicators.len(),
        indicator_states: states,
        plan,
        deviations: StatusDeviations {
            open: items.len(),
            closed: devs.iter().filter(|d| !d.open_on(as_of)).count(),
            overdue_actions: items.iter().map(|d| d.overdue_actions).sum(),
            items,
        },
    }
}
