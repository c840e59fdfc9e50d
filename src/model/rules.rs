//! Rules that look across records: what no single file can tell.

use std::collections::{BTreeMap, BTreeSet};

use super::activity::Activity;
use super::journey::Step;
use super::role::Role;
use super::routine::Routine;
use super::schema::Finding;
use super::{Located, RuleCtx, Snapshot};
use crate::tr;

/// Every cross-record finding of the project.
pub fn cross(snapshot: &Snapshot, ctx: &RuleCtx) -> Vec<Located> {
    let mut out = Vec::new();
    let roles: Vec<Role> = snapshot.all();
    let activities: Vec<Activity> = snapshot.all();
    let routines: Vec<Routine> = snapshot.all();
    let steps: Vec<Step> = snapshot.all();
    let mut other_roles = super::followup::roles_used(snapshot);
    let pilot: Vec<super::pilot::PilotPlan> = snapshot.all();
    other_roles.extend(pilot.into_iter().filter_map(|p| p.responsible));
    out.extend(unused_roles(&roles, &activities, &routines, &other_roles, ctx));
    out.extend(service_owner(ctx));
    out.extend(order_ties(&steps));
    out.extend(super::followup::cross(snapshot, ctx));
    out.extend(too_many_indicators(snapshot, ctx));
    out.extend(benefit_map(snapshot));
    out
}

/// The benefit map's loose ends, as warnings (work not done yet, never a
/// reason to refuse a write): a benefit that serves no goal, a goal no
/// benefit serves, a kept proposal or chosen technology option that brings
/// no benefit. Each is only said once the other end exists: with no goals
/// yet, the checklist asks for goals first.
pub fn benefit_map(snapshot: &Snapshot) -> Vec<Located> {
    use super::benefit::{self, Benefit};
    use super::{goal, proposal, technology};
    let benefits: Vec<Benefit> = snapshot.all();
    let goals: Vec<goal::Goal> = snapshot.all();
    let mut out = Vec::new();
    let warn = |dir, id: &str, code, field, message: String, hint: String| Located {
        dir,
        id: id.to_string(),
        finding: Finding::warning(code, Some(field), message).hint(hint).incomplete(),
    };
    // A link to a goal that is not there (a dangling reference, or one
    // dated after `--as-of`) serves nothing.
    let goal_ids: BTreeSet<&str> = goals.iter().map(|g| g.id.as_str()).collect();
    let serves = |b: &Benefit| b.goals.iter().any(|g| goal_ids.contains(g.as_str()));
    if !goals.is_empty() {
        for b in benefits.iter().filter(|b| !serves(b)) {
            out.push(warn(
                benefit::SPEC.dir,
                &b.id,
                "benefit-without-goal",
                "title",
                tr!(
                    "gevinsten «{}» er ikke koblet til noe mål",
                    "the benefit `{}` serves no goal",
                    b.title
                ),
                tr!(
                    "koble den med `veikart benefit link {} --goal MÅL`",
                    "link it with `veikart benefit link {} --goal GOAL`",
                    b.id
                ),
            ));
        }
    }
    if benefits.is_empty() {
        return out;
    }
    let served: BTreeSet<&str> =
        benefits.iter().flat_map(|b| b.goals.iter().map(String::as_str)).collect();
    for g in goals.iter().filter(|g| !served.contains(g.id.as_str())) {
        out.push(warn(
            goal::SPEC.dir,
            &g.id,
            "goal-without-benefit",
            "text",
            tr!(
                "ingen gevinst er koblet til målet «{}»",
                "no benefit serves the goal `{}`",
                g.text
            ),
            tr!(
                "koble en gevinst med `veikart benefit link GEVINST --goal {}`",
                "link a benefit with `veikart benefit link BENEFIT --goal {}`",
                g.id
            ),
        ));
    }
    let brought: BTreeSet<&str> =
        benefits.iter().flat_map(|b| b.enablers.iter().map(String::as_str)).collect();
    let kept = snapshot
        .all::<proposal::Proposal>()
        .into_iter()
        .filter(|p| p.status == "kept")
        .map(|p| (proposal::SPEC.dir, "proposal", p.id, p.title));
    let chosen = snapshot
        .all::<technology::Technology>()
        .into_iter()
        .filter(|t| t.status == "chosen")
        .map(|t| (technology::SPEC.dir, "tech", t.id, t.name));
    for (dir, word, id, title) in kept.chain(chosen) {
        if brought.contains(format!("{dir}/{id}").as_str()) {
            continue;
        }
        let what = match crate::model::kind_of(dir) {
            Some(k) => k.spec.label(),
            None => dir,
        };
        out.push(warn(
            dir,
            &id,
            "enabler-without-benefit",
            "status",
            tr!(
                "«{title}» ({what}) er valgt, men gir ingen gevinst i gevinstkartet",
                "`{title}` ({what}) is chosen but brings no benefit in the benefit map"
            ),
            tr!(
                "koble det til gevinsten det gir med `veikart benefit link GEVINST --enabler {word}/{id}`",
                "link it to the benefit it brings with `veikart benefit link BENEFIT --enabler {word}/{id}`"
            ),
        ));
    }
    out
}

/// KS advises few, simple indicators: warn (on `veikart.toml`) above the limit.
fn too_many_indicators(snapshot: &Snapshot, ctx: &RuleCtx) -> Option<Located> {
    let set = ctx.project.as_ref().and_then(|p| p.max_indicators);
    let limit =
        set.and_then(|n| usize::try_from(n).ok()).unwrap_or(super::project::DEFAULT_MAX_INDICATORS);
    let n = snapshot.records.get(super::indicator::SPEC.dir).map_or(0, Vec::len);
    (n > limit).then(|| Located {
        dir: "",
        id: String::new(),
        finding: Finding::warning(
            "too-many-indicators",
            set.map(|_| "max_indicators"),
            tr!(
                "gevinstplanen har {n} måleindikatorer, flere enn {limit}; få og enkle indikatorer blir fulgt opp best",
                "the benefit plan has {n} indicators, more than {limit}; few, simple indicators are the ones that get followed up"
            ),
        )
        .hint(tr!(
            "slå sammen eller fjern noen, eller sett `max_indicators = {n}` i veikart.toml om dere trenger alle",
            "merge or drop some, or set `max_indicators = {n}` in veikart.toml if you need them all"
        )),
    })
}

/// Roles that hold no letter, own no routine and do not own the service.
fn unused_roles(
    roles: &[Role],
    activities: &[Activity],
    routines: &[Routine],
    other_roles: &BTreeSet<String>,
    ctx: &RuleCtx,
) -> Vec<Located> {
    let mut used: BTreeSet<&str> = other_roles.iter().map(String::as_str).collect();
    for a in activities {
        used.extend(a.raci.iter().map(|(r, _)| r.as_str()));
    }
    used.extend(routines.iter().map(|r| r.owner.as_str()));
    if let Some(owner) = ctx.project.as_ref().and_then(|p| p.owner.as_deref()) {
        used.insert(owner);
    }
    roles
        .iter()
        .filter(|r| !used.contains(r.id.as_str()))
        .map(|r| Located {
            dir: super::role::SPEC.dir,
            id: r.id.clone(),
            finding: Finding::warning(
                "role-unused",
                Some("name"),
                tr!(
                    "rollen «{}» brukes ikke i noen aktivitet eller rutine",
                    "the role `{}` is not used by any activity or routine",
                    r.name
                ),
            )
            .hint(tr!(
                "gi den en bokstav med `veikart raci set AKTIVITET {} U`, eller fjern filen",
                "give it a letter with `veikart raci set ACTIVITY {} U`, or remove the file",
                r.id
            )),
        })
        .collect()
}

/// One role must own the whole service once the pilot starts.
fn service_owner(ctx: &RuleCtx) -> Vec<Located> {
    let Some(p) = &ctx.project else { return Vec::new() };
    let from = if p.roadmap == "samveis-2015" { "utvikling" } else { "pilotering" };
    if p.owner.is_some() || !p.reached(from) {
        return Vec::new();
    }
    vec![Located {
        dir: "",
        id: String::new(),
        finding: Finding::warning(
            "no-service-owner",
            Some("phase"),
            tr!(
                "ingen rolle eier hele tjenesten (`owner` mangler i veikart.toml)",
                "no role owns the whole service (`owner` is missing from veikart.toml)"
            ),
        )
        .hint(tr!(
            "velg tjenesteeieren med `veikart owner ROLLE`",
            "name the service owner with `veikart owner ROLE`"
        )),
    }]
}

/// Two steps of one journey with the same order (after a merge, say).
fn order_ties(steps: &[Step]) -> Vec<Located> {
    let mut seen: BTreeMap<(String, u64), Vec<&Step>> = BTreeMap::new();
    for s in steps {
        seen.entry((s.journey.clone(), s.order.to_bits())).or_default().push(s);
    }
    let mut out = Vec::new();
    for tied in seen.values().filter(|v| v.len() > 1) {
        let ids: Vec<&str> = tied.iter().map(|s| s.id.as_str()).collect();
        for s in &tied[1..] {
            out.push(Located {
                dir: super::journey::SPEC.dir,
                id: s.id.clone(),
                finding: Finding::warning(
                    "step-order-tie",
                    Some("order"),
                    tr!(
                        "stegene {} har samme `order`; rekkefølgen mellom dem er uklar",
                        "the steps {} have the same `order`; their sequence is unclear",
                        ids.join(", ")
                    ),
                )
                .hint(tr!(
                    "flytt ett av dem med `veikart journey move {} --after STEG`",
                    "move one of them with `veikart journey move {} --after STEP`",
                    s.id
                )),
            });
        }
    }
    out
}

/// Checklist answers must answer an item of the roadmap in use.
pub fn answers_in_roadmap(snap: &Snapshot, roadmap: &super::roadmap::Roadmap) -> Vec<Located> {
    use super::checklist::{ANSWER_SPEC, Answer};
    snap.all::<Answer>()
        .into_iter()
        .filter_map(|a| {
            let finding = match roadmap.phase(&a.phase) {
                None => Finding::warning(
                    "unknown-item",
                    None,
                    tr!(
                        "svaret gjelder fasen «{}», som ikke finnes i veikartet {}",
                        "the answer is for the phase `{}`, which is not in the roadmap {}",
                        a.phase,
                        roadmap.id
                    ),
                )
                .hint(tr!(
                    "fasene er: {}",
                    "the phases are: {}",
                    roadmap.phase_ids().join(", ")
                )),
                Some(p) if p.item(&a.item).is_none() => Finding::warning(
                    "unknown-item",
                    None,
                    tr!(
                        "svaret gjelder punktet «{}», som ikke finnes i fasen {}",
                        "the answer is for the item `{}`, which is not in the phase {}",
                        a.item,
                        a.phase
                    ),
                )
                .hint(tr!(
                    "se punktene med `veikart checklist {}`",
                    "see the items with `veikart checklist {}`",
                    a.phase
                )),
                Some(_) => return None,
            };
            Some(Located { dir: ANSWER_SPEC.dir, id: a.id, finding })
        })
        .collect()
}
