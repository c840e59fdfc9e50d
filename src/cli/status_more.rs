//! The parts of `veikart status` for proposals, technology, anchoring,
//! insight, the pilot and the log: one JSON object per area and one text
//! line each (left out while an area is empty).

use std::collections::BTreeMap;

use anyhow::Result;
use serde::Serialize;

use crate::i18n::counted as n;
use crate::model::date::Date;
use crate::model::goal::Goal;
use crate::model::insight::{Insight, RESPONDENT};
use crate::model::log::{self, KIND as LOG_KIND, LogEntry};
use crate::model::pilot::{self, PLAN_ID, POINTS, PilotFinding, PilotPlan};
use crate::model::proposal::{self, Proposal, STATUS as PROPOSAL_STATUS};
use crate::model::related::Related;
use crate::model::schema::EnumSpec;
use crate::model::stakeholder::Stakeholder;
use crate::model::team::Member;
use crate::model::technology::Technology;
use crate::store::Project;
use crate::tr;

#[derive(Serialize)]
pub struct More {
    proposals: ProposalsJson,
    technology: TechJson,
    anchoring: AnchoringJson,
    insights: InsightsJson,
    pilot: PilotJson,
    log: LogJson,
}

#[derive(Serialize)]
struct ProposalsJson {
    total: usize,
    by_status: BTreeMap<&'static str, usize>,
    tests: usize,
}

#[derive(Serialize)]
struct TechJson {
    options: usize,
    /// Options assessed on all five criteria.
    fully_assessed: usize,
    /// The option with the highest total, if any is assessed.
    best: Option<String>,
    best_name: Option<String>,
    best_total: Option<i64>,
    /// The options chosen (`tech choose`), by id.
    chosen: Vec<String>,
    chosen_names: Vec<String>,
    rejected: usize,
}

#[derive(Serialize)]
struct AnchoringJson {
    goals: usize,
    team: usize,
    stakeholders: usize,
    related: usize,
}

#[derive(Serialize)]
struct InsightsJson {
    total: usize,
    by_respondent: BTreeMap<&'static str, usize>,
}

#[derive(Serialize)]
struct PilotJson {
    plan: bool,
    /// Planning points (and `responsible`) still missing.
    missing: Vec<&'static str>,
    findings: usize,
}

#[derive(Serialize)]
struct LogJson {
    total: usize,
    latest: Vec<LatestJson>,
}

#[derive(Serialize)]
struct LatestJson {
    id: String,
    date: Option<Date>,
    kind: String,
    text: String,
}

pub fn collect(project: &Project) -> Result<More> {
    let proposals: Vec<Proposal> = project.load_all()?;
    let tests = project.ids(&proposal::TEST_SPEC)?.len();
    let techs: Vec<Technology> = super::tech::load_options(project)?;
    let best = techs
        .iter()
        .filter(|t| !t.assessment.is_empty() && t.in_play())
        .max_by(|a, b| a.total.cmp(&b.total).then(b.id.cmp(&a.id)));
    let insights: Vec<Insight> = project.load_all()?;
    let plan: Option<PilotPlan> = if project.ids(&pilot::SPEC)?.iter().any(|i| i == PLAN_ID) {
        Some(project.load(PLAN_ID)?)
    } else {
        None
    };
    let findings = project.load_all::<PilotFinding>()?.len();
    let mut entries: Vec<LogEntry> = project.load_all()?;
    log::sort(&mut entries);
    Ok(More {
        proposals: ProposalsJson {
            total: proposals.len(),
            by_status: PROPOSAL_STATUS
                .keys()
                .into_iter()
                .map(|k| (k, proposals.iter().filter(|p| p.status == k).count()))
                .collect(),
            tests,
        },
        technology: TechJson {
            options: techs.len(),
            fully_assessed: techs.iter().filter(|t| t.missing.is_empty()).count(),
            best: best.map(|t| t.id.clone()),
            best_name: best.map(|t| t.name.clone()),
            best_total: best.map(|t| t.total),
            chosen: techs.iter().filter(|t| t.status == "chosen").map(|t| t.id.clone()).collect(),
            chosen_names: techs
                .iter()
                .filter(|t| t.status == "chosen")
                .map(|t| t.name.clone())
                .collect(),
            rejected: techs.iter().filter(|t| t.status == "rejected").count(),
        },
        anchoring: AnchoringJson {
            goals: project.load_all::<Goal>()?.len(),
            team: project.load_all::<Member>()?.len(),
            stakeholders: project.load_all::<Stakeholder>()?.len(),
            related: project.load_all::<Related>()?.len(),
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
            findings,
        },
        log: LogJson {
            total: entries.len(),
            latest: entries
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
    })
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
pub fn rows(m: &More) -> Vec<(String, String)> {
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
    if let Some(latest) = m.log.latest.first() {
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
