//! `veikart status`: the project at a glance, as text or JSON. The data is
//! gathered by [`crate::app::status`] from the one pass `check` makes.

use std::collections::BTreeMap;

use anyhow::Result;
use clap::Args;

use super::{Ctx, common, date_arg};
use crate::app::status::{More, Status, StatusPlan};
use crate::error::SUCCESS;
use crate::i18n::counted as n;
use crate::model::date::Date;
use crate::model::idea::STATUS;
use crate::model::indicator;
use crate::model::insight::RESPONDENT;
use crate::model::journey::JOURNEY;
use crate::model::log::KIND as LOG_KIND;
use crate::model::number::{self, percent, with_unit};
use crate::model::pilot;
use crate::model::proposal::STATUS as PROPOSAL_STATUS;
use crate::model::schema::EnumSpec;
use crate::model::touchpoint::CHANNEL;
use crate::model::{activity, benefit, role};
use crate::output::ui::Format;
use crate::tr;

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
    #[arg(long, value_name = "N", default_value_t = 5, value_parser = super::count_arg, allow_hyphen_values = true)]
    pub top: usize,

    /// Report as of this date, without what is dated later [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub as_of: Option<Date>,
}

pub fn cmd_status(ctx: &mut Ctx, args: StatusArgs) -> Result<u8> {
    let format = ctx.ui.format("status")?;
    let (project, as_of) = ctx.open_on(args.as_of)?;
    let st = crate::app::status::gather(&project, as_of, args.top)?;
    if format == Format::Json {
        ctx.ui.json(&st)?;
        return Ok(SUCCESS);
    }
    let s = text(ctx, &st);
    ctx.ui.out(&s)?;
    Ok(SUCCESS)
}

fn text(ctx: &Ctx, st: &Status) -> String {
    let info = &st.project;
    let mut rows: Vec<(String, String)> = vec![(tr!("Prosjekt", "Project"), info.name.clone())];
    if let Some(m) = &info.municipality {
        rows.push((tr!("Kommune", "Municipality"), m.clone()));
    }
    if let Some(s) = &info.service {
        rows.push((tr!("Tjeneste", "Service"), s.clone()));
    }
    let (position, of) = (st.phase.position, st.phase.of);
    rows.push((
        tr!("Fase", "Phase"),
        tr!("{} ({position} av {of})", "{} ({position} of {of})", st.phase.name),
    ));
    let checklist = &st.checklist;
    rows.push((
        tr!("Sjekkliste", "Checklist"),
        tr!(
            "{} ferdige i denne fasen (se `veikart checklist`)",
            "{} finished in this phase (see `veikart checklist`)",
            crate::i18n::items_of(checklist.finished, checklist.total)
        ),
    ));
    let ideas = &st.ideas;
    let counts: Vec<String> = STATUS
        .keys()
        .into_iter()
        .filter(|k| ideas.by_status.get(k).copied().unwrap_or(0) > 0)
        .map(|k| format!("{} {}", STATUS.label(k), ideas.by_status.get(k).copied().unwrap_or(0)))
        .collect();
    let idea_line = if ideas.total == 0 {
        tr!("ingen ennå", "none yet")
    } else {
        format!("{} ({})", ideas.total, counts.join(", "))
    };
    rows.push((tr!("Idéer", "Ideas"), idea_line));
    let j = &st.journey;
    let steps: usize = j.steps.values().sum();
    let touchpoints: usize = j.touchpoints.values().sum();
    if steps > 0 || j.activities > 0 || touchpoints > 0 {
        let by_journey: Vec<String> = JOURNEY
            .keys()
            .into_iter()
            .filter_map(|k| {
                let n = j.steps.get(k).copied().unwrap_or(0);
                (n > 0).then(|| tr!("{n} steg i {}", "{n} steps in the {}", JOURNEY.label(k)))
            })
            .collect();
        let channels: Vec<String> = CHANNEL
            .keys()
            .into_iter()
            .filter_map(|k| {
                let n = j.touchpoints.get(k).copied().unwrap_or(0);
                (n > 0).then(|| format!("{} {n}", CHANNEL.label(k)))
            })
            .collect();
        let mut line = if by_journey.is_empty() {
            tr!("ingen steg", "no steps")
        } else {
            by_journey.join(", ")
        };
        line.push_str(&format!("; {}", activity::SPEC.count(j.activities)));
        if j.outside > 0 {
            line.push_str(&tr!(
                " ({} utenfor kommunen)",
                " ({} outside the municipality)",
                j.outside
            ));
        }
        line.push_str(&format!(
            "; {}",
            n(touchpoints, ("kontaktpunkt", "kontaktpunkter"), ("touchpoint", "touchpoints"))
        ));
        if !channels.is_empty() {
            line.push_str(&format!(" ({})", channels.join(", ")));
        }
        rows.push((tr!("Tjenestereise", "Journey"), line));
    }
    let raci = &st.raci;
    if raci.activities > 0 || raci.roles > 0 {
        let health = if raci.activities == 0 {
            tr!(
                "ingen aktiviteter ennå (`veikart activity add`)",
                "no activities yet (`veikart activity add`)"
            )
        } else if raci.broken == 0 {
            tr!("reglene holder", "the rules hold")
        } else {
            tr!(
                "{} bryter reglene (se `veikart raci check`)",
                "{} break the rules (see `veikart raci check`)",
                activity::SPEC.count(raci.broken)
            )
        };
        rows.push((
            "RACI".to_string(),
            format!(
                "{}, {}; {health}",
                role::SPEC.count(raci.roles),
                activity::SPEC.count(raci.activities)
            ),
        ));
    }
    if info.owner.is_some() || raci.roles > 0 {
        let owner_line = match (&info.owner, &st.owner_name) {
            (Some(_), Some(name)) => name.clone(),
            (Some(id), None) => id.clone(),
            (None, _) => {
                tr!("ikke valgt (`veikart owner ROLLE`)", "not named (`veikart owner ROLE`)")
            }
        };
        rows.push((tr!("Tjenesteeier", "Service owner"), owner_line));
    }
    let r = &st.routines;
    if r.total > 0 {
        let total = n(r.total, ("rutine", "rutiner"), ("routine", "routines"));
        rows.push((
            tr!("Rutiner", "Routines"),
            if r.overdue == 0 {
                tr!("{total}, alle gjennomgått i tide", "{total}, all reviewed on time")
            } else {
                tr!(
                    "{total} ({} skulle vært gjennomgått)",
                    "{total} ({} overdue for review)",
                    r.overdue
                )
            },
        ));
    }
    rows.extend(more_rows(&st.more));
    rows.extend(plan_rows(&st.benefits));
    let width = rows.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0);
    let mut s = String::new();
    for (k, v) in rows {
        s.push_str(&format!(
            "{}{}  {v}\n",
            ctx.ui.bold(&format!("{k}:")),
            " ".repeat(width - k.chars().count())
        ));
    }
    if !ideas.top.is_empty() {
        s.push('\n');
        s.push_str(
            &ctx.ui.bold(&tr!("Høyest prioriterte åpne idéer:", "Top open ideas by priority:")),
        );
        s.push('\n');
        for (n, i) in ideas.top.iter().enumerate() {
            s.push_str(&format!(
                "  {}. {}  [{}, {}]  {}\n",
                n + 1,
                i.title,
                i.priority.map_or("–".into(), number::format),
                STATUS.label(&i.status),
                i.id
            ));
        }
    } else if ideas.total == 0 {
        s.push('\n');
        s.push_str(&tr!(
            "Kom i gang: `veikart idea add \"Din første idé\"`.\n",
            "Get started: `veikart idea add \"Your first idea\"`.\n"
        ));
    }
    s.push_str(&plan_sections(&st.benefits, |t| ctx.ui.bold(t)));
    s
}

/// The summary lines for the benefit plan and the deviations (label, value).
fn plan_rows(p: &StatusPlan) -> Vec<(String, String)> {
    let mut rows = Vec::new();
    if p.benefits > 0 || p.indicators > 0 {
        let states: Vec<String> = indicator::PlanState::ALL
            .iter()
            .filter_map(|s| {
                let n = p.indicator_states.get(s.key()).copied().unwrap_or(0);
                (n > 0).then(|| format!("{} {}", n, s.label()))
            })
            .collect();
        let mut line =
            format!("{}, {}", benefit::SPEC.count(p.benefits), indicator::SPEC.count(p.indicators));
        if !states.is_empty() {
            line.push_str(&format!(" ({})", states.join(", ")));
        }
        rows.push((tr!("Gevinster", "Benefits"), line));
    }
    if let Some(e) = &p.economics {
        rows.push((tr!("Økonomi", "Economics"), crate::output::economics::summary(e)));
    }
    if p.deviations.open + p.deviations.closed > 0 {
        let (open, closed) = (p.deviations.open, p.deviations.closed);
        let mut line = if open == 1 {
            tr!("1 åpent, {closed} lukket", "1 open, {closed} closed")
        } else {
            tr!("{open} åpne, {closed} lukket", "{open} open, {closed} closed")
        };
        if p.deviations.overdue_actions > 0 {
            line.push_str(&tr!(
                "; {} over fristen",
                "; {} overdue",
                actions(p.deviations.overdue_actions)
            ));
        }
        rows.push((tr!("Avvik", "Deviations"), line));
    }
    rows
}

/// The sections after the summary: one line per indicator, one per open deviation.
fn plan_sections(p: &StatusPlan, bold: impl Fn(&str) -> String) -> String {
    let mut s = String::new();
    if !p.plan.is_empty() {
        s.push('\n');
        s.push_str(&bold(&tr!("Gevinstrealiseringsplanen:", "Benefit realisation plan:")));
        s.push('\n');
        let width = p.plan.iter().map(|i| i.id.chars().count()).max().unwrap_or(0);
        for i in &p.plan {
            let pad = " ".repeat(width - i.id.chars().count());
            let latest = match (i.latest, i.latest_date) {
                (Some(v), Some(d)) => tr!(
                    "{} ({}) per {d}",
                    "{} ({}) on {d}",
                    with_unit(Some(v), &i.unit),
                    percent(i.achievement)
                ),
                _ => tr!("ingen måling", "no measurement"),
            };
            s.push_str(&format!("  {}{pad}  {}: {latest}\n", i.id, i.state.label()));
        }
    }
    if !p.deviations.items.is_empty() {
        s.push('\n');
        s.push_str(&bold(&tr!("Åpne avvik:", "Open deviations:")));
        s.push('\n');
        let width = p.deviations.items.iter().map(|d| d.id.chars().count()).max().unwrap_or(0);
        for d in &p.deviations.items {
            let pad = " ".repeat(width - d.id.chars().count());
            let mut extra = format!("{}, {}", common::dash(d.date), actions(d.actions.len()));
            if d.overdue_actions > 0 {
                extra.push_str(&tr!(", {} over fristen", ", {} overdue", d.overdue_actions));
            }
            s.push_str(&format!("  {}{pad}  {} ({extra})\n", d.id, d.title));
        }
    }
    s
}

/// `1 action`, `2 actions` (`tiltak` either way in Bokmål).
fn actions(count: usize) -> String {
    n(count, ("tiltak", "tiltak"), ("action", "actions"))
}

/// `label n, …` for the non-zero counts, in the enum's order.
fn counts(map: &BTreeMap<&'static str, usize>, spec: &EnumSpec) -> String {
    spec.keys()
        .into_iter()
        .filter_map(|k| map.get(k).filter(|n| **n > 0).map(|n| format!("{} {n}", spec.label(k))))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The text lines of `status`, as (label, value).
fn more_rows(m: &More) -> Vec<(String, String)> {
    let mut rows = Vec::new();
    let a = &m.anchoring;
    if a.goals + a.team + a.stakeholders + a.related > 0 {
        rows.push((
            tr!("Forankring", "Anchoring"),
            [
                n(a.goals, ("mål", "mål"), ("goal", "goals")),
                tr!("{} i teamet", "{} in the team", a.team),
                n(
                    a.stakeholders,
                    ("interessent", "interessenter"),
                    ("stakeholder", "stakeholders"),
                ),
                n(
                    a.related,
                    ("relatert prosjekt", "relaterte prosjekter"),
                    ("related project", "related projects"),
                ),
            ]
            .join(", "),
        ));
    }
    if m.insights.total > 0 {
        rows.push((
            tr!("Innsikt", "Insight"),
            format!("{} ({})", m.insights.total, counts(&m.insights.by_respondent, &RESPONDENT)),
        ));
    }
    let p = &m.proposals;
    if p.total > 0 {
        rows.push((
            tr!("Løsningsforslag", "Proposals"),
            format!(
                "{} ({}); {}",
                p.total,
                counts(&p.by_status, &PROPOSAL_STATUS),
                n(p.tests, ("brukertest", "brukertester"), ("user test", "user tests"))
            ),
        ));
    }
    let t = &m.technology;
    if t.options > 0 {
        let mut line = tr!(
            "{}, {} vurdert på alle fem kriterier",
            "{}, {} assessed on all five criteria",
            n(t.options, ("valg", "valg"), ("option", "options")),
            t.fully_assessed
        );
        if !t.chosen_names.is_empty() {
            line.push_str(&tr!("; valgt: {}", "; chosen: {}", t.chosen_names.join(", ")));
        } else if let (Some(name), Some(total)) = (&t.best_name, t.best_total) {
            line.push_str(&tr!(
                "; høyest sum: {name} ({total})",
                "; highest total: {name} ({total})"
            ));
        }
        if t.rejected > 0 {
            line.push_str(&tr!("; {} forkastet", "; {} rejected", t.rejected));
        }
        rows.push((tr!("Teknologi", "Technology"), line));
    }
    let pi = &m.pilot;
    if pi.plan || pi.findings > 0 {
        let plan = if !pi.plan {
            tr!("ingen plan", "no plan")
        } else if pi.missing.is_empty() {
            tr!("planen er komplett", "the plan is complete")
        } else {
            let labels: Vec<&str> = pi.missing.iter().map(|k| pilot::point_label(k)).collect();
            tr!("planen mangler {}", "the plan lacks {}", labels.join(", "))
        };
        rows.push((
            tr!("Pilot", "Pilot"),
            format!("{plan}; {}", n(pi.findings, ("funn", "funn"), ("finding", "findings"))),
        ));
    }
    if let Some(latest) = m.log.latest_entries.first() {
        rows.push((
            tr!("Logg", "Log"),
            tr!(
                "{}; sist {} {}: {}",
                "{}; latest {} {}: {}",
                n(m.log.total, ("føring", "føringer"), ("entry", "entries")),
                latest.date.map_or("–".into(), |d| d.to_string()),
                LOG_KIND.label(&latest.kind),
                latest.text
            ),
        ));
    }
    rows
}
