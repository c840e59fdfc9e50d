//! `veikart status`: the project at a glance.

use std::collections::BTreeMap;

use anyhow::Result;
use clap::Args;
use serde::Serialize;

use super::{Ctx, date_arg, today};
use crate::error::SUCCESS;
use crate::model::activity::Activity;
use crate::model::date::Date;
use crate::model::idea::{self, Idea, STATUS};
use crate::model::journey::{JOURNEY, Step};
use crate::model::number;
use crate::model::project::ProjectInfo;
use crate::model::role::Role;
use crate::model::routine::Routine;
use crate::model::schema::{Finding, Severity};
use crate::model::touchpoint::{CHANNEL, Touchpoint};
use crate::tr;
use crate::ui::{Format, JSON_VERSION};

/// Show the project at a glance: phase, ideas by status, top ideas, benefit plan, open deviations
///
/// Once they have records, anchoring, insight, proposals, technology, the
/// pilot and the log get one line each.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart status
  veikart -C examples/fjordvik-legevakt status
  veikart status --top 10 --format json")]
pub struct StatusArgs {
    /// How many of the highest-priority open ideas to list
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub top: usize,

    /// Report as of this date [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub as_of: Option<Date>,
}

#[derive(Serialize)]
struct StatusJson<'a> {
    version: u32,
    as_of: Date,
    project: &'a ProjectInfo,
    phase: PhaseJson,
    ideas: IdeasJson<'a>,
    journey: JourneyJson,
    raci: RaciJson,
    owner: Option<String>,
    routines: RoutinesJson,
    #[serde(flatten)]
    more: super::status_more::More,
    benefits: &'a super::benefit::StatusPlan,
}

#[derive(Serialize)]
struct JourneyJson {
    steps: BTreeMap<&'static str, usize>,
    activities: usize,
    outside: usize,
    touchpoints: BTreeMap<&'static str, usize>,
}

#[derive(Serialize)]
struct RaciJson {
    roles: usize,
    activities: usize,
    /// Activities that break a RACI rule (no H, several H, no U).
    broken: usize,
    warnings: usize,
}

#[derive(Serialize)]
struct RoutinesJson {
    total: usize,
    overdue: usize,
}

#[derive(Serialize)]
struct PhaseJson {
    id: String,
    label: String,
    position: usize,
    of: usize,
    checklist: ChecklistJson,
}

#[derive(Serialize)]
struct ChecklistJson {
    finished: usize,
    total: usize,
    unfinished: Vec<String>,
}

#[derive(Serialize)]
struct IdeasJson<'a> {
    total: usize,
    open: usize,
    by_status: BTreeMap<&'static str, usize>,
    top: Vec<&'a Idea>,
}

pub fn cmd_status(ctx: &mut Ctx, args: StatusArgs) -> Result<u8> {
    let format = ctx.ui.format("status", &[Format::Text, Format::Json])?;
    let project = ctx.open()?;
    let as_of = today(args.as_of)?;
    let mut ideas = project.load_all::<Idea>()?;
    idea::sort_by_priority(&mut ideas);
    let by_status: BTreeMap<&'static str, usize> = STATUS
        .keys()
        .into_iter()
        .map(|k| (k, ideas.iter().filter(|i| i.status == k).count()))
        .collect();
    let top: Vec<&Idea> =
        ideas.iter().filter(|i| i.is_open() && i.priority.is_some()).take(args.top).collect();
    let steps: Vec<Step> = project.load_all()?;
    let activities: Vec<Activity> = project.load_all()?;
    let touchpoints: Vec<Touchpoint> = project.load_all()?;
    let roles: Vec<Role> = project.load_all()?;
    let routines: Vec<Routine> = project.load_all()?;
    let journey_json = JourneyJson {
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
    let findings: Vec<Vec<Finding>> = activities.iter().map(Activity::rules).collect();
    let raci_json = RaciJson {
        roles: roles.len(),
        activities: activities.len(),
        broken: findings.iter().filter(|f| f.iter().any(|x| x.severity == Severity::Error)).count(),
        warnings: findings.iter().flatten().filter(|x| x.severity == Severity::Warning).count(),
    };
    let routines_json = RoutinesJson {
        total: routines.len(),
        overdue: routines.iter().filter(|r| r.next_review.is_some_and(|d| d < as_of)).count(),
    };
    let more = super::status_more::collect(&project)?;
    let benefit_plan = super::benefit::StatusPlan::load(&project, as_of)?;
    let info = &project.info;
    let roadmap = project.roadmap()?;
    if roadmap.phase(&info.phase).is_none() {
        ctx.ui.warn(&super::checklist::phase_not_in_roadmap(&project, &roadmap).to_string());
    }
    let phase_label =
        roadmap.phase(&info.phase).map_or(info.phase.clone(), |p| p.name().to_string());
    let (position, of) = info.phase_position();
    let eval =
        crate::checklist::evaluate(&project, roadmap, std::slice::from_ref(&info.phase), as_of)?;
    let checklist = eval.phases.first().map_or(
        ChecklistJson { finished: 0, total: 0, unfinished: Vec::new() },
        |p| ChecklistJson {
            finished: p.finished(),
            total: p.items.len(),
            unfinished: p.unfinished().map(|i| i.item.id.clone()).collect(),
        },
    );

    if format == Format::Json {
        ctx.ui.json(&StatusJson {
            version: JSON_VERSION,
            as_of,
            project: info,
            phase: PhaseJson {
                id: info.phase.clone(),
                label: phase_label.clone(),
                position,
                of,
                checklist,
            },
            ideas: IdeasJson {
                total: ideas.len(),
                open: ideas.iter().filter(|i| i.is_open()).count(),
                by_status,
                top,
            },
            journey: journey_json,
            raci: raci_json,
            owner: info.owner.clone(),
            routines: routines_json,
            more,
            benefits: &benefit_plan,
        })?;
        return Ok(SUCCESS);
    }

    let mut rows: Vec<(String, String)> = vec![(tr!("Prosjekt", "Project"), info.name.clone())];
    if let Some(m) = &info.municipality {
        rows.push((tr!("Kommune", "Municipality"), m.clone()));
    }
    if let Some(s) = &info.service {
        rows.push((tr!("Tjeneste", "Service"), s.clone()));
    }
    rows.push((
        tr!("Fase", "Phase"),
        tr!("{} ({position} av {of})", "{} ({position} of {of})", phase_label),
    ));
    rows.push((
        tr!("Sjekkliste", "Checklist"),
        tr!(
            "{} av {} punkter ferdige i denne fasen (se `veikart checklist`)",
            "{} of {} items finished in this phase (see `veikart checklist`)",
            checklist.finished,
            checklist.total
        ),
    ));
    let counts: Vec<String> = STATUS
        .keys()
        .into_iter()
        .filter(|k| by_status.get(k).copied().unwrap_or(0) > 0)
        .map(|k| format!("{} {}", STATUS.label(k), by_status.get(k).copied().unwrap_or(0)))
        .collect();
    let idea_line = if ideas.is_empty() {
        tr!("ingen ennå", "none yet")
    } else {
        format!("{} ({})", ideas.len(), counts.join(", "))
    };
    rows.push((tr!("Idéer", "Ideas"), idea_line));
    if !steps.is_empty() || !activities.is_empty() || !touchpoints.is_empty() {
        let by_journey: Vec<String> = JOURNEY
            .keys()
            .into_iter()
            .filter_map(|k| {
                let n = journey_json.steps.get(k).copied().unwrap_or(0);
                (n > 0).then(|| tr!("{n} steg i {}", "{n} steps in the {}", JOURNEY.label(k)))
            })
            .collect();
        let channels: Vec<String> = CHANNEL
            .keys()
            .into_iter()
            .filter_map(|k| {
                let n = journey_json.touchpoints.get(k).copied().unwrap_or(0);
                (n > 0).then(|| format!("{} {n}", CHANNEL.label(k)))
            })
            .collect();
        let mut line = if by_journey.is_empty() {
            tr!("ingen steg", "no steps")
        } else {
            by_journey.join(", ")
        };
        line.push_str(&tr!(
            "; {} aktiviteter ({} utenfor kommunen)",
            "; {} activities ({} outside the municipality)",
            journey_json.activities,
            journey_json.outside
        ));
        line.push_str(&tr!("; {} kontaktpunkter", "; {} touchpoints", touchpoints.len()));
        if !channels.is_empty() {
            line.push_str(&format!(" ({})", channels.join(", ")));
        }
        rows.push((tr!("Tjenestereise", "Journey"), line));
    }
    if !activities.is_empty() || !roles.is_empty() {
        let health = if raci_json.broken == 0 {
            tr!("reglene holder", "the rules hold")
        } else {
            tr!(
                "{} aktiviteter bryter reglene (se `veikart raci check`)",
                "{} activities break the rules (see `veikart raci check`)",
                raci_json.broken
            )
        };
        rows.push((
            "RACI".to_string(),
            tr!(
                "{}, {}; {health}",
                "{}, {}; {health}",
                crate::model::role::SPEC.count(raci_json.roles),
                crate::model::activity::SPEC.count(raci_json.activities)
            ),
        ));
    }
    let owner_line = match &info.owner {
        Some(id) => roles.iter().find(|r| r.id == *id).map_or(id.clone(), |r| r.name.clone()),
        None => tr!("ikke valgt (`veikart owner ROLLE`)", "not named (`veikart owner ROLE`)"),
    };
    if info.owner.is_some() || !roles.is_empty() {
        rows.push((tr!("Tjenesteeier", "Service owner"), owner_line));
    }
    if !routines.is_empty() {
        rows.push((
            tr!("Rutiner", "Routines"),
            if routines_json.overdue == 0 {
                tr!("{}, alle gjennomgått i tide", "{}, all reviewed on time", routines_json.total)
            } else {
                tr!(
                    "{} ({} skulle vært gjennomgått)",
                    "{} ({} overdue for review)",
                    routines_json.total,
                    routines_json.overdue
                )
            },
        ));
    }
    rows.extend(super::status_more::rows(&more));
    rows.extend(benefit_plan.rows());
    let width = rows.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0);
    let mut s = String::new();
    for (k, v) in rows {
        s.push_str(&format!(
            "{}{}  {v}\n",
            ctx.ui.bold(&format!("{k}:")),
            " ".repeat(width - k.chars().count())
        ));
    }
    if !top.is_empty() {
        s.push('\n');
        s.push_str(
            &ctx.ui.bold(&tr!("Høyest prioriterte åpne idéer:", "Top open ideas by priority:")),
        );
        s.push('\n');
        for (n, i) in top.iter().enumerate() {
            s.push_str(&format!(
                "  {}. {}  [{}, {}]  {}\n",
                n + 1,
                i.title,
                i.priority.map_or("–".into(), number::format),
                STATUS.label(&i.status),
                i.id
            ));
        }
    } else if ideas.is_empty() {
        s.push('\n');
        s.push_str(&tr!(
            "Kom i gang: `veikart idea add \"Din første idé\"`.\n",
            "Get started: `veikart idea add \"Your first idea\"`.\n"
        ));
    }
    s.push_str(&benefit_plan.sections(|t| ctx.ui.bold(t)));
    ctx.ui.out(&s)?;
    Ok(SUCCESS)
}
