//! The benefit realisation plan as one document (`benefit plan-doc`): every
//! benefit with what brings it, what it is worth and who owns it; the
//! yearly economics; how the benefits will be used; the other public bodies
//! involved; the non-priced benefits and why they matter; the corrective
//! actions and the preconditions that are the plan's risks; the indicators
//! with their plan and latest result; and, in a git repository, the commits
//! that changed the plan. Plain data, gathered once from the pass `check`
//! makes; [`crate::output::plan_doc`] renders it.

use std::collections::BTreeMap;

use anyhow::Result;
use serde::Serialize;

use crate::model::benefit::{Benefit, Cost};
use crate::model::date::Date;
use crate::model::deviation::Deviation;
use crate::model::economics::{self, Economics, Options};
use crate::model::followup;
use crate::model::indicator::{Indicator, PlanState};
use crate::model::measurement::Measurement;
use crate::model::role::Role;
use crate::store::Project;

/// The whole plan.
#[derive(Debug, Serialize)]
pub struct PlanDoc {
    pub as_of: Date,
    pub name: String,
    pub municipality: Option<String>,
    pub service: Option<String>,
    /// The owning role's name.
    pub owner: Option<String>,
    pub benefits: Vec<BenefitEntry>,
    /// The whole project's benefits weighed against its costs.
    pub economics: Economics,
    pub indicators: Vec<IndicatorEntry>,
    /// The corrective actions of the deviations open on `as_of`.
    pub actions: Vec<ActionEntry>,
    /// Each benefit's preconditions: what must hold for it to come.
    pub risks: Vec<RiskEntry>,
    /// The commits that changed benefits, indicators or measurements,
    /// newest first; None when the project is not in a git repository.
    pub changes: Option<Vec<ChangeEntry>>,
}

/// A record linked from a benefit (an enabler or a goal): its id and title.
#[derive(Debug, Clone, Serialize)]
pub struct Linked {
    pub key: String,
    pub title: String,
}

#[derive(Debug, Serialize)]
pub struct BenefitEntry {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    /// The benefit's type key (`time`, `cost`, …).
    pub kind: String,
    pub realised_as: Option<String>,
    pub gains: Vec<String>,
    /// What brings it (from the benefit map).
    pub enablers: Vec<Linked>,
    /// The goals it serves (from the benefit map).
    pub goals: Vec<Linked>,
    /// NOK a year, expected; None when it is not priced, has no amount, or
    /// is given year by year.
    pub per_year: Option<f64>,
    /// Hours freed a year (capacity).
    pub hours_per_year: Option<f64>,
    /// NOK over the calculation, expected.
    pub total: Option<f64>,
    pub importance: Option<String>,
    pub importance_reason: Option<String>,
    /// The owner's and the responsible role's names.
    pub owner: Option<String>,
    pub responsible: Option<String>,
    pub due: Option<Date>,
    pub preconditions: Vec<String>,
    pub costs: Vec<Cost>,
    /// The economics of this benefit alone (what `benefit show` words).
    #[serde(skip)]
    pub alone: Economics,
}

impl BenefitEntry {
    /// Whether another public body is involved: it is realised there, or it gains.
    pub fn involves_other_public(&self) -> bool {
        self.realised_as.as_deref() == Some("other-public")
            || self.gains.iter().any(|g| g == "other-public")
    }
}

#[derive(Debug, Serialize)]
pub struct IndicatorEntry {
    pub id: String,
    pub name: String,
    pub benefit: String,
    pub benefit_title: String,
    pub unit: String,
    /// Where the values come from (how it is measured).
    pub source: Option<String>,
    pub baseline: Option<f64>,
    pub baseline_date: Option<Date>,
    pub target: Option<f64>,
    pub by: Option<Date>,
    /// The frequency key (`monthly`).
    pub frequency: String,
    pub latest: Option<f64>,
    pub latest_date: Option<Date>,
    /// Percent of the way from baseline to target.
    pub achievement: Option<f64>,
    /// The planned value on the latest value's date.
    pub planned: Option<f64>,
    /// The latest value minus the planned one.
    pub deviation: Option<f64>,
    pub state: PlanState,
    /// The measuring role's name.
    pub responsible: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ActionEntry {
    pub text: String,
    pub deviation: String,
    pub deviation_title: String,
    /// The owning role's name.
    pub owner: String,
    pub due: Option<Date>,
    pub overdue: bool,
    pub done: Option<Date>,
}

#[derive(Debug, Serialize)]
pub struct RiskEntry {
    pub benefit: String,
    pub benefit_title: String,
    pub precondition: String,
    /// The benefit's responsible role (else its owner), by name.
    pub responsible: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct ChangeEntry {
    pub date: Option<Date>,
    pub author: String,
    pub subject: String,
    pub commit: String,
}

/// The folders whose changes the change log lists.
const LOGGED: &[&str] = &["benefits/", "indicators/", "measurements/"];

/// Gather the plan as it stands on `as_of` (the store reads the revision
/// `--at` names, if any).
pub fn gather(project: &Project, as_of: Date) -> Result<PlanDoc> {
    let checked = crate::app::pass::read(project, as_of)?;
    let snap = &checked.snapshot;
    let roles: BTreeMap<String, String> =
        snap.all::<Role>().into_iter().map(|r| (r.id, r.name)).collect();
    let name_of = |id: &Option<String>| {
        id.as_ref().map(|r| roles.get(r).cloned().unwrap_or_else(|| r.clone()))
    };
    let map = crate::app::benefit_map::build(snap);
    let this_year = i64::from(as_of.year());
    let opts = Options { years: None, rate: None, this_year };
    let mut all = snap.all::<Benefit>();
    all.sort_by(|a, b| a.id.cmp(&b.id));
    let economics = economics::calculate(&all, &project.info, opts);
    let linked = |key: &str| Linked {
        key: key.to_string(),
        title: map.node(key).map_or_else(|| key.to_string(), |n| n.title.clone()),
    };
    let mut benefits = Vec::new();
    let mut risks = Vec::new();
    for b in &all {
        let key = format!("{}/{}", crate::model::benefit::SPEC.dir, b.id);
        let alone = economics::calculate(std::slice::from_ref(b), &project.info, opts);
        let priced = alone.priced.first();
        let responsible = name_of(&b.responsible);
        for p in &b.preconditions {
            risks.push(RiskEntry {
                benefit: b.id.clone(),
                benefit_title: b.title.clone(),
                precondition: p.clone(),
                responsible: responsible.clone().or_else(|| name_of(&b.owner)),
            });
        }
        benefits.push(BenefitEntry {
            id: b.id.clone(),
            title: b.title.clone(),
            description: b.description.clone(),
            kind: b.kind.clone(),
            realised_as: b.worth.realised_as.clone(),
            gains: b.worth.gains.clone(),
            enablers: map.to(&key).map(|e| linked(&e.from)).collect(),
            goals: map.from(&key).map(|e| linked(&e.to)).collect(),
            per_year: priced.and_then(|p| p.per_year),
            hours_per_year: priced.and_then(|p| p.hours_per_year),
            total: priced.map(|p| p.total),
            importance: b.worth.importance.clone(),
            importance_reason: b.worth.importance_reason.clone(),
            owner: name_of(&b.owner),
            responsible,
            due: b.due,
            preconditions: b.preconditions.clone(),
            costs: b.costs.clone(),
            alone,
        });
    }

    let titles: BTreeMap<&str, &str> =
        all.iter().map(|b| (b.id.as_str(), b.title.as_str())).collect();
    let mut series = followup::by_indicator(snap.all::<Measurement>());
    let mut indicators: Vec<IndicatorEntry> = snap
        .all::<Indicator>()
        .into_iter()
        .map(|i| {
            let ms = series.remove(&i.id).unwrap_or_default();
            let p = i.progress(&ms, as_of);
            IndicatorEntry {
                benefit_title: titles
                    .get(i.benefit.as_str())
                    .map_or_else(|| i.benefit.clone(), |t| (*t).to_string()),
                responsible: name_of(&i.responsible),
                deviation: p.latest.zip(p.planned).map(|(l, pl)| l - pl),
                id: i.id,
                name: i.name,
                benefit: i.benefit,
                unit: i.unit,
                source: i.source,
                baseline: i.baseline,
                baseline_date: i.baseline_date,
                target: i.target,
                by: i.by,
                frequency: i.frequency,
                latest: p.latest,
                latest_date: p.latest_date,
                achievement: p.achievement,
                planned: p.planned,
                state: p.state,
            }
        })
        .collect();
    indicators.sort_by(|a, b| (&a.benefit, &a.id).cmp(&(&b.benefit, &b.id)));

    let mut deviations: Vec<Deviation> =
        snap.all::<Deviation>().into_iter().filter(|d| d.open_on(as_of)).collect();
    deviations.sort_by(|a, b| (b.date, &a.id).cmp(&(a.date, &b.id)));
    let actions = deviations
        .iter()
        .flat_map(|d| {
            d.actions.iter().map(|a| ActionEntry {
                text: a.text.clone(),
                deviation: d.id.clone(),
                deviation_title: d.title.clone(),
                owner: roles.get(&a.owner).cloned().unwrap_or_else(|| a.owner.clone()),
                due: a.due,
                overdue: a.overdue_on(as_of),
                done: a.done.filter(|_| a.done_by(as_of)),
            })
        })
        .collect();

    Ok(PlanDoc {
        as_of,
        name: project.info.name.clone(),
        municipality: project.info.municipality.clone(),
        service: project.info.service.clone(),
        owner: name_of(&project.info.owner),
        benefits,
        economics,
        indicators,
        actions,
        risks,
        changes: changes(project)?,
    })
}

/// The commits that changed the plan's files, newest first (up to the
/// revision `--at` shows); None outside a git repository.
fn changes(project: &Project) -> Result<Option<Vec<ChangeEntry>>> {
    use crate::store::git::Repo;
    let loc = project.location();
    // No repository (or no git): the document has no change log.
    let Ok(repo) = Repo::of(&loc.root) else {
        return Ok(None);
    };
    let at = match crate::store::source::shown_revision() {
        Some(rev) => Some(repo.commit_at(&rev)?),
        None => None,
    };
    let mut out = Vec::new();
    for entry in repo.log("")? {
        if let Some(at) = &at
            && repo.merge_base(&entry.commit, at)?.id != entry.commit.id
        {
            continue;
        }
        let touched = repo
            .changed(entry.parent.as_ref(), &entry.commit)?
            .iter()
            .any(|p| LOGGED.iter().any(|d| p.starts_with(d)));
        if touched {
            out.push(ChangeEntry {
                date: Date::parse(&entry.date),
                author: entry.author,
                subject: entry.subject,
                commit: entry.commit.short().to_string(),
            });
        }
    }
    Ok(Some(out))
}
