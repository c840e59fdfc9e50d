//! The rules that auto and suggested checklist items name (`rule = "…"` in a
//! roadmap file). Each looks at the whole project and says whether the item
//! holds, and why, in a sentence a team can act on.

use std::collections::BTreeSet;

use super::checklist::Outcome;
use super::date::Date;
use super::{RuleCtx, Snapshot};
use super::{activity::Activity, idea::Idea, journey::Step, routine::Routine};
use super::{benefit::Benefit, deviation::Deviation, supplier::Supplier};
use super::{goal::Goal, insight::Insight, related::Related, stakeholder::Stakeholder};
use super::{indicator::Indicator, indicator::PlanState, measurement::Measurement};
use super::{log::LogEntry, pilot::PilotFinding, pilot::PilotPlan, team::Member};
use super::{proposal::Proposal, proposal::UserTest, technology::Technology};
use super::{schema::Severity, touchpoint::Touchpoint};
use crate::i18n;
use crate::tr;

type Rule = fn(&Snapshot, &RuleCtx) -> Outcome;

/// Every rule a roadmap may name, sorted by name.
pub static RULES: &[(&str, Rule)] = &[
    ("baselines-dated", baselines_dated),
    ("benefits-complete", benefits_complete),
    ("benefits-listed", benefits_listed),
    ("celebrations-logged", |s, c| logged(s, c, "celebration", 365)),
    ("communication-logged", |s, c| logged(s, c, "communication", 180)),
    ("current-journey", current_journey),
    ("future-journey-raci", future_journey_raci),
    ("ideas-from-many", ideas_from_many),
    ("ideas-scored", ideas_scored),
    ("ideas-triaged", ideas_triaged),
    ("improvements-made", improvements_made),
    ("indicators-complete", indicators_complete),
    ("indicators-measured", indicators_measured),
    ("insights-from-others", insights_from_others),
    ("insights-users-and-staff", insights_users_and_staff),
    ("needs-before-solutions", needs_before_solutions),
    ("owner-and-team", owner_and_team),
    ("pilot-evaluated", pilot_evaluated),
    ("pilot-findings", pilot_findings),
    ("pilot-measured", pilot_measured),
    ("pilot-plan-complete", pilot_plan_complete),
    ("pilot-responsible", pilot_responsible),
    ("problem-and-goals", problem_and_goals),
    ("proposals-estimated", proposals_estimated),
    ("proposals-tested", proposals_tested),
    ("proposals-visualised", proposals_visualised),
    ("quality-measured", quality_measured),
    ("related-listed", related_listed),
    ("reports-logged", |s, c| logged(s, c, "report", 92)),
    ("routines-current", routines_current),
    ("routines-owned", routines_owned),
    ("routines-reviewable", routines_reviewable),
    ("service-owner", service_owner),
    ("stakeholders-planned", stakeholders_planned),
    ("suppliers-contracted", suppliers_contracted),
    ("suppliers-reviewed", suppliers_reviewed),
    ("technology-assessed", technology_assessed),
    ("touchpoints-tested", touchpoints_tested),
    ("training-logged", |s, c| logged(s, c, "training", 365)),
];

pub fn is_known(rule: &str) -> bool {
    RULES.iter().any(|(n, _)| *n == rule)
}

/// Run the named rule; `None` for a name no rule has.
pub fn evaluate(rule: &str, snap: &Snapshot, ctx: &RuleCtx) -> Option<Outcome> {
    RULES.iter().find(|(n, _)| *n == rule).map(|(_, f)| f(snap, ctx))
}

// ---- helpers ---------------------------------------------------------------

/// How many records of a kind the project has.
fn count<K: super::Kind>(snap: &Snapshot) -> usize {
    snap.records.get(K::SPEC.dir).map_or(0, Vec::len)
}

/// "a, b, c" for the first few ids, "a, b, c and 4 more" beyond.
fn some(ids: &[String]) -> String {
    const SHOWN: usize = 3;
    let mut s = ids.iter().take(SHOWN).cloned().collect::<Vec<_>>().join(", ");
    if ids.len() > SHOWN {
        s.push_str(&tr!(" og {} til", " and {} more", ids.len() - SHOWN));
    }
    s
}

/// Pass when `bad` is empty and there is at least one record; the sentences
/// name how many of how many fail, and which.
fn all_of(total: usize, bad: &[String], none: String, ok: String, fail: &str) -> Outcome {
    if total == 0 {
        return Outcome::fail(none);
    }
    if bad.is_empty() {
        return Outcome::pass(ok);
    }
    Outcome::fail(tr!("{} av {total} {fail}: {}", "{} of {total} {fail}: {}", bad.len(), some(bad)))
}

/// The sentence for one record, or the one for several.
fn every(n: usize, one: String, many: String) -> String {
    if n == 1 { one } else { many }
}

/// Whether an optional text is there and not blank.
fn filled(t: &Option<String>) -> bool {
    t.as_deref().is_some_and(|s| !s.trim().is_empty())
}

fn log_dates(snap: &Snapshot, kind: &str) -> Vec<Date> {
    snap.all::<LogEntry>().into_iter().filter(|l| l.kind == kind).filter_map(|l| l.date).collect()
}

// ---- forankring --------------------------------------------------------------

fn problem_and_goals(snap: &Snapshot, ctx: &RuleCtx) -> Outcome {
    let problem =
        ctx.project.as_ref().and_then(|p| p.problem.as_ref()).is_some_and(|p| !p.trim().is_empty());
    let goals = count::<Goal>(snap);
    match (problem, goals) {
        (true, n) if n > 0 => Outcome::pass(tr!(
            "problemet er beskrevet, og prosjektet har {}",
            "the problem is described and the project has {}",
            super::goal::SPEC.count(n)
        )),
        (false, _) => Outcome::fail(tr!(
            "`problem` mangler i veikart.toml",
            "`problem` is missing from veikart.toml"
        )),
        _ => Outcome::fail(tr!(
            "ingen mål ennå; legg til med `veikart goal add`",
            "no goals yet; add one with `veikart goal add`"
        )),
    }
}

fn benefits_listed(snap: &Snapshot, _: &RuleCtx) -> Outcome {
    match count::<Benefit>(snap) {
        0 => Outcome::fail(tr!(
            "ingen gevinster er skrevet ned; bruk `veikart benefit add`",
            "no benefits written down; use `veikart benefit add`"
        )),
        n => Outcome::pass(tr!(
            "{} er skrevet ned",
            "{} written down",
            super::benefit::SPEC.count(n)
        )),
    }
}

fn owner_and_team(snap: &Snapshot, ctx: &RuleCtx) -> Outcome {
    let owner = ctx.project.as_ref().and_then(|p| p.owner.clone());
    let team = count::<Member>(snap);
    match (owner, team) {
        (None, _) => Outcome::fail(tr!(
            "tjenesten har ingen eier; sett en med `veikart owner ROLLE`",
            "the service has no owner; set one with `veikart owner ROLE`"
        )),
        (Some(_), 0) => Outcome::fail(tr!(
            "teamet er tomt; legg til folk med `veikart team add`",
            "the team is empty; add people with `veikart team add`"
        )),
        (Some(o), n) => {
            Outcome::pass(tr!("eier: {o}; {n} i teamet", "owner: {o}; {n} in the team"))
        }
    }
}

fn stakeholders_planned(snap: &Snapshot, _: &RuleCtx) -> Outcome {
    let all = snap.all::<Stakeholder>();
    let bad: Vec<String> = all.iter().filter(|s| !filled(&s.plan)).map(|s| s.id.clone()).collect();
    all_of(
        all.len(),
        &bad,
        tr!("ingen interessenter er kartlagt", "no stakeholders mapped"),
        tr!(
            "{}, alle med plan",
            "{}, each with a plan",
            crate::i18n::counted(
                all.len(),
                ("interessent", "interessenter"),
                ("stakeholder", "stakeholders")
            )
        ),
        crate::i18n::pick("interessenter mangler plan", "stakeholders have no plan"),
    )
}

fn related_listed(snap: &Snapshot, _: &RuleCtx) -> Outcome {
    match count::<Related>(snap) {
        0 => Outcome::fail(tr!(
            "ingen beslektede prosjekter; legg til med `veikart related add`, eller svar «ikke relevant»",
            "no related projects; add one with `veikart related add`, or answer not-relevant"
        )),
        n => Outcome::pass(super::related::SPEC.count(n)),
    }
}

// ---- innsikt ---------------------------------------------------------------

fn current_journey(snap: &Snapshot, _: &RuleCtx) -> Outcome {
    let n = snap.all::<Step>().iter().filter(|s| s.journey == "current").count();
    if n == 0 {
        return Outcome::fail(tr!(
            "dagens tjenestereise har ingen steg; bruk `veikart journey add --journey current`",
            "today's journey has no steps; use `veikart journey add --journey current`"
        ));
    }
    Outcome::pass(if n == 1 {
        tr!("dagens tjenestereise har 1 steg", "today's journey has 1 step")
    } else {
        tr!("dagens tjenestereise har {n} steg", "today's journey has {n} steps")
    })
}

fn respondents(snap: &Snapshot) -> BTreeSet<String> {
    snap.all::<Insight>().into_iter().map(|i| i.respondent).collect()
}

fn insights_users_and_staff(snap: &Snapshot, _: &RuleCtx) -> Outcome {
    let r = respondents(snap);
    let users = r.contains("user") || r.contains("relative");
    let staff = r.contains("employee");
    match (users, staff) {
        (true, true) => Outcome::pass(tr!(
            "innsikt fra både brukere og ansatte",
            "insight from both users and staff"
        )),
        (false, true) => Outcome::fail(tr!(
            "ingen innsikt fra brukere eller pårørende ennå",
            "no insight from users or relatives yet"
        )),
        (true, false) => {
            Outcome::fail(tr!("ingen innsikt fra ansatte ennå", "no insight from staff yet"))
        }
        (false, false) => Outcome::fail(tr!(
            "ingen innsikt ennå; bruk `veikart insight add`",
            "no insight yet; use `veikart insight add`"
        )),
    }
}

fn insights_from_others(snap: &Snapshot, _: &RuleCtx) -> Outcome {
    let n = snap.all::<Insight>().iter().filter(|i| i.method == "other-municipality").count();
    if n == 0 {
        return Outcome::fail(tr!(
            "ingen innsikt fra andre kommuner (`veikart insight add TITTEL --method annen-kommune`)",
            "no insight from other municipalities (`veikart insight add TITLE --method other-municipality`)"
        ));
    }
    Outcome::pass(tr!(
        "{} fra andre kommuner",
        "{} from other municipalities",
        super::insight::SPEC.count(n)
    ))
}

// ---- tjenesteutvikling -------------------------------------------------------

fn ideas_scored(snap: &Snapshot, ctx: &RuleCtx) -> Outcome {
    // Ideas still in intake (new, and not waiting too long) are the triage
    // rule's business, not this one's.
    let in_intake = |i: &Idea| {
        i.status == "new" && i.submitted.is_some_and(|d| d.days_until(ctx.as_of) <= IDEA_WAIT_DAYS)
    };
    let ideas: Vec<Idea> = snap
        .all::<Idea>()
        .into_iter()
        .filter(|i| i.status != "rejected" && !in_intake(i))
        .collect();
    let bad: Vec<String> = ideas
        .iter()
        .filter(|i| i.feasibility.is_none() || i.benefit.is_none())
        .map(|i| i.id.clone())
        .collect();
    all_of(
        ideas.len(),
        &bad,
        tr!("ingen idéer å vurdere ennå", "no ideas to rate yet"),
        every(
            ideas.len(),
            tr!("den ene idéen er vurdert", "the one idea is rated"),
            tr!("alle {} idéer er vurdert", "all {} ideas are rated", ideas.len()),
        ),
        crate::i18n::pick("idéer er ikke vurdert", "ideas are not rated"),
    )
}

fn proposals_visualised(snap: &Snapshot, _: &RuleCtx) -> Outcome {
    let all: Vec<Proposal> =
        snap.all::<Proposal>().into_iter().filter(|p| p.status != "discarded").collect();
    let bad: Vec<String> =
        all.iter().filter(|p| p.artefacts.is_empty()).map(|p| p.id.clone()).collect();
    all_of(
        all.len(),
        &bad,
        tr!(
            "ingen løsningsforslag ennå; bruk `veikart proposal add`",
            "no proposals yet; use `veikart proposal add`"
        ),
        every(
            all.len(),
            tr!(
                "det ene forslaget har skisse eller modell",
                "the one proposal has a sketch or mock-up"
            ),
            tr!(
                "alle {} forslag har skisse eller modell",
                "all {} proposals have a sketch or mock-up",
                all.len()
            ),
        ),
        crate::i18n::pick(
            "forslag mangler skisse (--artefact)",
            "proposals have no sketch (--artefact)",
        ),
    )
}

fn proposals_tested(snap: &Snapshot, _: &RuleCtx) -> Outcome {
    let tested: BTreeSet<String> = snap.all::<UserTest>().into_iter().map(|t| t.proposal).collect();
    let all = snap.all::<Proposal>();
    let bad: Vec<String> = all
        .iter()
        .filter(|p| {
            let discarded = p.status == "discarded";
            (discarded && !filled(&p.reason)) || (!discarded && !tested.contains(&p.id))
        })
        .map(|p| p.id.clone())
        .collect();
    all_of(
        all.len(),
        &bad,
        tr!("ingen løsningsforslag ennå", "no proposals yet"),
        every(
            all.len(),
            tr!(
                "det ene forslaget er testet eller forkastet med begrunnelse",
                "the one proposal is tested or discarded with a reason"
            ),
            tr!(
                "alle {} forslag er testet eller forkastet med begrunnelse",
                "all {} proposals are tested or discarded with a reason",
                all.len()
            ),
        ),
        crate::i18n::pick(
            "forslag er ikke testet (eller forkastet uten begrunnelse)",
            "proposals are untested (or discarded without a reason)",
        ),
    )
}

fn proposals_estimated(snap: &Snapshot, _: &RuleCtx) -> Outcome {
    let kept: Vec<Proposal> =
        snap.all::<Proposal>().into_iter().filter(|p| p.status == "kept").collect();
    let bad: Vec<String> = kept
        .iter()
        .filter(|p| p.cost.is_none() || !filled(&p.gain))
        .map(|p| p.id.clone())
        .collect();
    all_of(
        kept.len(),
        &bad,
        tr!("ingen forslag er valgt ennå", "no proposal has been kept yet"),
        every(
            kept.len(),
            tr!(
                "det ene valgte forslaget har kostnad og gevinst",
                "the one kept proposal has cost and gain"
            ),
            tr!(
                "alle {} valgte forslag har kostnad og gevinst",
                "all {} kept proposals have cost and gain",
                kept.len()
            ),
        ),
        crate::i18n::pick(
            "valgte forslag mangler kostnad eller gevinst",
            "kept proposals lack cost or gain",
        ),
    )
}

fn future_journey_raci(snap: &Snapshot, _: &RuleCtx) -> Outcome {
    let steps: BTreeSet<String> =
        snap.all::<Step>().into_iter().filter(|s| s.journey == "future").map(|s| s.id).collect();
    if steps.is_empty() {
        return Outcome::fail(tr!(
            "den nye tjenestereisen har ingen steg",
            "the new service journey has no steps"
        ));
    }
    let roles: BTreeSet<String> =
        snap.all::<super::role::Role>().into_iter().map(|r| r.id).collect();
    // The activities of the new journey: each needs a valid row, with roles
    // that exist (a role removed by hand leaves a hole in the matrix).
    let acts: Vec<Activity> =
        snap.all::<Activity>().into_iter().filter(|a| steps.contains(&a.step)).collect();
    let bad: Vec<String> = acts
        .iter()
        .filter(|a| {
            a.rules().iter().any(|f| f.severity == Severity::Error)
                || a.raci.iter().any(|(r, _)| !roles.contains(r))
        })
        .map(|a| a.id.clone())
        .collect();
    all_of(
        acts.len(),
        &bad,
        tr!(
            "ingen aktiviteter med HUKI i den nye reisen ennå",
            "no activities with RACI in the new journey yet"
        ),
        tr!(
            "{}, {}, alle med gyldig HUKI",
            "{}, {}, each with a valid RACI",
            crate::i18n::counted(steps.len(), ("steg", "steg"), ("step", "steps")),
            super::activity::SPEC.count(acts.len())
        ),
        crate::i18n::pick("aktiviteter har ugyldig HUKI", "activities have an invalid RACI"),
    )
}

fn routines_owned(snap: &Snapshot, _: &RuleCtx) -> Outcome {
    let routines = snap.all::<Routine>();
    let covered: BTreeSet<&str> =
        routines.iter().flat_map(|r| r.activities.iter().map(String::as_str)).collect();
    let acts = snap.all::<Activity>();
    let bad: Vec<String> = acts
        .iter()
        .filter(|a| !a.outside && !covered.contains(a.id.as_str()))
        .map(|a| a.id.clone())
        .collect();
    if routines.is_empty() {
        return Outcome::fail(tr!(
            "ingen rutiner ennå; bruk `veikart routine add`",
            "no routines yet; use `veikart routine add`"
        ));
    }
    all_of(
        acts.iter().filter(|a| !a.outside).count().max(1),
        &bad,
        String::new(),
        tr!(
            "{} dekker alle aktiviteter i kommunen",
            "{} every activity inside the municipality",
            crate::i18n::counted(
                routines.len(),
                ("rutine", "rutiner"),
                ("routine covers", "routines cover")
            )
        ),
        crate::i18n::pick("aktiviteter har ingen rutine", "activities have no routine"),
    )
}

/// Pass when every record has all it needs; else name how many of how many
/// lack something, and for the first few exactly what each lacks
/// («kortere mangler kostnader; faerre mangler forutsetninger og indikator»).
fn each_has(
    total: usize,
    lacking: &[(String, Vec<String>)],
    none: String,
    ok: String,
    nb: (&str, &str),
    en: (&str, &str),
) -> Outcome {
    if total == 0 {
        return Outcome::fail(none);
    }
    if lacking.is_empty() {
        return Outcome::pass(ok);
    }
    const SHOWN: usize = 3;
    let mut parts: Vec<String> = lacking
        .iter()
        .take(SHOWN)
        .map(|(id, missing)| {
            tr!("{id} mangler {}", "{id} lacks {}", crate::i18n::and_list(missing))
        })
        .collect();
    if lacking.len() > SHOWN {
        parts.push(tr!("og {} til", "and {} more", lacking.len() - SHOWN));
    }
    let which = crate::i18n::counted_of(lacking.len(), total, nb, en);
    let (complete, are) =
        if lacking.len() == 1 { ("fullstendig", "is") } else { ("fullstendige", "are") };
    Outcome::fail(tr!(
        "{which} er ikke {complete}: {}",
        "{which} {are} not complete: {}",
        parts.join("; ")
    ))
}

fn benefits_complete(snap: &Snapshot, _: &RuleCtx) -> Outcome {
    let with_indicator: BTreeSet<String> =
        snap.all::<Indicator>().into_iter().map(|i| i.benefit).collect();
    let all = snap.all::<Benefit>();
    // Once there are goals, a benefit names the goals it serves (the map).
    let goal_ids: BTreeSet<String> = snap.all::<Goal>().into_iter().map(|g| g.id).collect();
    let goals = !goal_ids.is_empty();
    let lacking: Vec<(String, Vec<String>)> = all
        .iter()
        .filter_map(|b| {
            let mut missing = Vec::new();
            if goals && !b.goals.iter().any(|g| goal_ids.contains(g)) {
                missing.push(tr!("mål den tjener", "a goal it serves"));
            }
            if b.preconditions.is_empty() {
                missing.push(tr!("forutsetninger", "preconditions"));
            }
            if b.costs.is_empty() {
                missing.push(tr!("kostnader", "costs"));
            }
            if !with_indicator.contains(&b.id) {
                missing.push(tr!("indikator", "an indicator"));
            }
            (!missing.is_empty()).then(|| (b.id.clone(), missing))
        })
        .collect();
    each_has(
        all.len(),
        &lacking,
        tr!("ingen gevinster ennå", "no benefits yet"),
        match (all.len(), goals) {
            (1, false) => tr!(
                "den ene gevinsten har type, forutsetninger, kostnader og indikator",
                "the one benefit has type, preconditions, costs and an indicator"
            ),
            (1, true) => tr!(
                "den ene gevinsten har type, forutsetninger, kostnader, indikator og mål",
                "the one benefit has type, preconditions, costs, an indicator and a goal"
            ),
            (n, false) => tr!(
                "alle {n} gevinster har type, forutsetninger, kostnader og indikator",
                "all {n} benefits have type, preconditions, costs and an indicator"
            ),
            (n, true) => tr!(
                "alle {n} gevinster har type, forutsetninger, kostnader, indikator og mål",
                "all {n} benefits have type, preconditions, costs, an indicator and a goal"
            ),
        },
        ("gevinst", "gevinster"),
        ("benefit", "benefits"),
    )
}

fn indicators_complete(snap: &Snapshot, _: &RuleCtx) -> Outcome {
    let all = snap.all::<Indicator>();
    let lacking: Vec<(String, Vec<String>)> = all
        .iter()
        .filter_map(|i| {
            let mut missing = Vec::new();
            if i.baseline.is_none() {
                missing.push(tr!("nullpunkt", "a baseline"));
            }
            if i.target.is_none() {
                missing.push(tr!("målverdi", "a target"));
            }
            if i.by.is_none() {
                missing.push(tr!("måletidspunkt", "a target date"));
            }
            if i.responsible.is_none() {
                missing.push(tr!("måleansvarlig", "a responsible role"));
            }
            (!missing.is_empty()).then(|| (i.id.clone(), missing))
        })
        .collect();
    each_has(
        all.len(),
        &lacking,
        tr!(
            "ingen indikatorer ennå; bruk `veikart benefit plan`",
            "no indicators yet; use `veikart benefit plan`"
        ),
        every(
            all.len(),
            tr!(
                "den ene indikatoren har nullpunkt, mål, frist og ansvarlig",
                "the one indicator has baseline, target, date and responsible"
            ),
            tr!(
                "alle {} indikatorer har nullpunkt, mål, frist og ansvarlig",
                "all {} indicators have baseline, target, date and responsible",
                all.len()
            ),
        ),
        ("indikator", "indikatorer"),
        ("indicator", "indicators"),
    )
}

fn touchpoints_tested(snap: &Snapshot, _: &RuleCtx) -> Outcome {
    let changed: Vec<Touchpoint> = snap
        .all::<Touchpoint>()
        .into_iter()
        .filter(|t| t.change.as_deref() != Some("unchanged"))
        .collect();
    let bad: Vec<String> =
        changed.iter().filter(|t| t.status == "draft").map(|t| t.id.clone()).collect();
    all_of(
        changed.len(),
        &bad,
        tr!("ingen nye eller endrede kontaktpunkter", "no new or changed touchpoints"),
        every(
            changed.len(),
            tr!(
                "det ene nye eller endrede kontaktpunktet er testet",
                "the one new or changed touchpoint is tested"
            ),
            tr!(
                "alle {} nye eller endrede kontaktpunkter er testet",
                "all {} new or changed touchpoints are tested",
                changed.len()
            ),
        ),
        crate::i18n::pick("kontaktpunkter er bare utkast", "touchpoints are still drafts"),
    )
}

fn technology_assessed(snap: &Snapshot, _: &RuleCtx) -> Outcome {
    // A rejected option needs no more scores.
    let all: Vec<Technology> = super::technology::merge(snap.all::<Technology>(), &snap.all())
        .into_iter()
        .filter(Technology::in_play)
        .collect();
    let bad: Vec<String> = all
        .iter()
        .filter(|t| !t.missing.is_empty() || t.it_involved.is_none() || t.decision.is_none())
        .map(|t| t.id.clone())
        .collect();
    all_of(
        all.len(),
        &bad,
        tr!(
            "ingen teknologivalg er registrert; bruk `veikart tech add`",
            "no technology options recorded; use `veikart tech add`"
        ),
        every(
            all.len(),
            tr!("det ene teknologivalget er vurdert", "the one technology option is assessed"),
            tr!(
                "alle {} teknologivalg er vurdert",
                "all {} technology options are assessed",
                all.len()
            ),
        ),
        crate::i18n::pick(
            "teknologivalg mangler kriterier, IT-involvering eller beslutning",
            "technology options lack criteria, IT involvement or a decision",
        ),
    )
}

// ---- pilotering --------------------------------------------------------------

fn pilot_plan(snap: &Snapshot) -> Option<PilotPlan> {
    snap.all::<PilotPlan>().into_iter().next()
}

fn pilot_plan_complete(snap: &Snapshot, _: &RuleCtx) -> Outcome {
    let Some(plan) = pilot_plan(snap) else {
        return Outcome::fail(tr!(
            "ingen pilotplan; bruk `veikart pilot plan`",
            "no pilot plan; use `veikart pilot plan`"
        ));
    };
    let missing: Vec<&str> = plan
        .missing
        .iter()
        .filter(|k| **k != "responsible")
        .map(|k| super::pilot::point_label(k))
        .collect();
    if missing.is_empty() {
        return Outcome::pass(tr!(
            "pilotplanen dekker alle ti punktene",
            "the pilot plan covers all ten points"
        ));
    }
    Outcome::fail(tr!("pilotplanen mangler: {}", "the pilot plan lacks: {}", missing.join(", ")))
}

fn pilot_responsible(snap: &Snapshot, _: &RuleCtx) -> Outcome {
    match pilot_plan(snap).and_then(|p| p.responsible) {
        Some(r) => Outcome::pass(tr!("ansvarlig: {r}", "responsible: {r}")),
        None => {
            Outcome::fail(tr!("piloten har ingen ansvarlig", "the pilot has no one responsible"))
        }
    }
}

fn pilot_measured(snap: &Snapshot, _: &RuleCtx) -> Outcome {
    let Some((start, end)) = pilot_plan(snap).and_then(|p| Some((p.start?, p.end?))) else {
        return Outcome::fail(tr!(
            "pilotplanen har ikke start og slutt",
            "the pilot plan has no start and end"
        ));
    };
    let n = snap
        .all::<Measurement>()
        .into_iter()
        .filter_map(|m| m.date)
        .filter(|d| *d >= start && *d <= end)
        .count();
    if n == 0 {
        return Outcome::fail(tr!(
            "ingen målinger mellom {start} og {end}",
            "no measurements between {start} and {end}"
        ));
    }
    Outcome::pass(tr!(
        "{} mellom {start} og {end}",
        "{} between {start} and {end}",
        super::measurement::SPEC.count(n)
    ))
}

fn pilot_findings(snap: &Snapshot, _: &RuleCtx) -> Outcome {
    match count::<PilotFinding>(snap) {
        0 => Outcome::fail(tr!(
            "ingen funn fra piloten; bruk `veikart pilot finding add`",
            "no pilot findings; use `veikart pilot finding add`"
        )),
        n => Outcome::pass(super::pilot::FINDING_SPEC.count(n)),
    }
}

fn pilot_evaluated(snap: &Snapshot, ctx: &RuleCtx) -> Outcome {
    match pilot_plan(snap).and_then(|p| p.end) {
        Some(end) if end <= ctx.as_of => {
            let after = log_dates(snap, "report").into_iter().filter(|d| *d >= end).count();
            if after > 0 {
                let reports =
                    crate::i18n::counted(after, ("rapport", "rapporter"), ("report", "reports"));
                Outcome::pass(tr!(
                    "piloten sluttet {end}; {reports} etterpå",
                    "the pilot ended {end}; {reports} since"
                ))
            } else {
                Outcome::fail(tr!(
                    "piloten sluttet {end}, men ingen rapport er logget etterpå",
                    "the pilot ended {end}, but no report was logged since"
                ))
            }
        }
        Some(end) => Outcome::fail(tr!("piloten varer til {end}", "the pilot runs until {end}")),
        None => {
            Outcome::fail(tr!("pilotplanen har ingen sluttdato", "the pilot plan has no end date"))
        }
    }
}

// ---- overgang til drift ---------------------------------------------------------

fn suppliers_contracted(snap: &Snapshot, _: &RuleCtx) -> Outcome {
    let all = snap.all::<Supplier>();
    let bad: Vec<String> =
        all.iter().filter(|s| !filled(&s.contract)).map(|s| s.id.clone()).collect();
    all_of(
        all.len(),
        &bad,
        tr!("ingen leverandører er registrert", "no suppliers recorded"),
        every(
            all.len(),
            tr!("den ene leverandøren har kontrakt", "the one supplier has a contract"),
            tr!("alle {} leverandører har kontrakt", "all {} suppliers have a contract", all.len()),
        ),
        crate::i18n::pick("leverandører mangler kontrakt", "suppliers have no contract"),
    )
}

fn baselines_dated(snap: &Snapshot, _: &RuleCtx) -> Outcome {
    let go_live = pilot_plan(snap).and_then(|p| p.start);
    let all = snap.all::<Indicator>();
    let bad: Vec<String> = all
        .iter()
        .filter(|i| match (i.baseline_date, go_live) {
            (None, _) => true,
            (Some(d), Some(start)) => d > start,
            (Some(_), None) => false,
        })
        .map(|i| i.id.clone())
        .collect();
    all_of(
        all.len(),
        &bad,
        tr!("ingen indikatorer ennå", "no indicators yet"),
        every(
            all.len(),
            tr!(
                "det ene nullpunktet er datert før oppstart",
                "the one baseline is dated before go-live"
            ),
            tr!(
                "alle {} nullpunkter er datert før oppstart",
                "all {} baselines are dated before go-live",
                all.len()
            ),
        ),
        crate::i18n::pick(
            "nullpunkter mangler dato eller er målt etter oppstart",
            "baselines are undated or measured after go-live",
        ),
    )
}

fn routines_reviewable(snap: &Snapshot, _: &RuleCtx) -> Outcome {
    let all = snap.all::<Routine>();
    let bad: Vec<String> =
        all.iter().filter(|r| r.review_every.is_none()).map(|r| r.id.clone()).collect();
    all_of(
        all.len(),
        &bad,
        tr!("ingen rutiner ennå", "no routines yet"),
        every(
            all.len(),
            tr!(
                "den ene rutinen har eier og intervall",
                "the one routine has an owner and an interval"
            ),
            tr!(
                "alle {} rutiner har eier og intervall",
                "all {} routines have an owner and an interval",
                all.len()
            ),
        ),
        crate::i18n::pick(
            "rutiner mangler intervall (--every)",
            "routines have no review interval (--every)",
        ),
    )
}

fn service_owner(_: &Snapshot, ctx: &RuleCtx) -> Outcome {
    match ctx.project.as_ref().and_then(|p| p.owner.clone()) {
        Some(o) => Outcome::pass(tr!("tjenesteeier: {o}", "service owner: {o}")),
        None => Outcome::fail(tr!(
            "ingen tjenesteeier; sett en med `veikart owner ROLLE`",
            "no service owner; set one with `veikart owner ROLE`"
        )),
    }
}

// ---- ny praksis --------------------------------------------------------------

fn routines_current(snap: &Snapshot, ctx: &RuleCtx) -> Outcome {
    let all = snap.all::<Routine>();
    let bad: Vec<String> = all
        .iter()
        .filter(|r| r.next_review.is_some_and(|d| d < ctx.as_of))
        .map(|r| r.id.clone())
        .collect();
    let open_process = snap
        .all::<Deviation>()
        .iter()
        .filter(|d| d.kind.as_deref() == Some("process") && d.is_open())
        .count();
    if open_process > 0 && bad.is_empty() {
        return Outcome::fail(crate::i18n::counted(
            open_process,
            ("åpent prosessavvik", "åpne prosessavvik"),
            ("open process deviation", "open process deviations"),
        ));
    }
    all_of(
        all.len(),
        &bad,
        tr!("ingen rutiner ennå", "no routines yet"),
        every(
            all.len(),
            tr!(
                "den ene rutinen er gjennomgått i tide, og ingen prosessavvik er åpne",
                "the one routine is reviewed on time and no process deviation is open"
            ),
            tr!(
                "alle {} rutiner er gjennomgått i tide, og ingen prosessavvik er åpne",
                "all {} routines are reviewed on time and no process deviation is open",
                all.len()
            ),
        ),
        crate::i18n::pick(
            "rutiner er på overtid for gjennomgang",
            "routines are overdue for review",
        ),
    )
}

/// Indicators with no measurement within their frequency, as of `as_of`:
/// no value yet, or *stale* as the benefit plan defines it
/// ([`Indicator::progress`], so `check`, `benefit list` and the checklist agree).
fn stale_indicators(
    snap: &Snapshot,
    ctx: &RuleCtx,
    only: impl Fn(&Indicator) -> bool,
) -> (usize, Vec<String>) {
    let measured = super::followup::by_indicator(snap.all::<Measurement>());
    let all: Vec<Indicator> = snap.all::<Indicator>().into_iter().filter(|i| only(i)).collect();
    let bad = all
        .iter()
        .filter_map(|i| {
            let ms = measured.get(&i.id).map(Vec::as_slice).unwrap_or_default();
            let p = i.progress(ms, ctx.as_of);
            match p.latest_date {
                None => Some(tr!("{} (aldri målt)", "{} (never measured)", i.id)),
                Some(d) if p.state == PlanState::Stale => {
                    Some(tr!("{} (sist {d})", "{} (last {d})", i.id))
                }
                _ => None,
            }
        })
        .collect();
    (all.len(), bad)
}

fn indicators_measured(snap: &Snapshot, ctx: &RuleCtx) -> Outcome {
    let (total, bad) = stale_indicators(snap, ctx, |_| true);
    all_of(
        total,
        &bad,
        tr!("ingen indikatorer å måle", "no indicators to measure"),
        every(
            total,
            tr!(
                "den ene indikatoren er målt innenfor sin frekvens",
                "the one indicator is measured within its frequency"
            ),
            tr!(
                "alle {total} indikatorer er målt innenfor sin frekvens",
                "all {total} indicators are measured within their frequency"
            ),
        ),
        crate::i18n::pick(
            "indikatorer er ikke målt innenfor sin frekvens",
            "indicators have no measurement within their frequency",
        ),
    )
}

fn quality_measured(snap: &Snapshot, ctx: &RuleCtx) -> Outcome {
    let quality: BTreeSet<String> =
        snap.all::<Benefit>().into_iter().filter(|b| b.kind == "quality").map(|b| b.id).collect();
    let (total, bad) = stale_indicators(snap, ctx, |i| quality.contains(&i.benefit));
    if total == 0 {
        return Outcome::fail(tr!(
            "ingen indikator for en kvalitetsgevinst",
            "no indicator for a quality benefit"
        ));
    }
    if bad.len() == total {
        return Outcome::fail(tr!(
            "ingen kvalitetsindikator er målt innenfor sin frekvens: {}",
            "no quality indicator is measured within its frequency: {}",
            some(&bad)
        ));
    }
    Outcome::pass(tr!(
        "{} av {total} kvalitetsindikatorer er målt i tide",
        "{} of {total} quality indicators are measured on time",
        total - bad.len()
    ))
}

fn logged(snap: &Snapshot, ctx: &RuleCtx, kind: &str, days: i64) -> Outcome {
    let since = ctx.as_of.add_days(-days).unwrap_or(ctx.as_of);
    let dates = log_dates(snap, kind);
    let recent = dates.iter().filter(|d| **d >= since && **d <= ctx.as_of).count();
    let (one, many) = match kind {
        "celebration" => {
            (i18n::pick("feiring", "celebration"), i18n::pick("feiringer", "celebrations"))
        }
        "communication" => (
            i18n::pick("kommunikasjonstiltak", "communication"),
            i18n::pick("kommunikasjonstiltak", "communications"),
        ),
        "report" => (i18n::pick("rapport", "report"), i18n::pick("rapporter", "reports")),
        _ => (i18n::pick("opplæring", "training"), i18n::pick("opplæringer", "trainings")),
    };
    let label = if recent == 1 { one } else { many };
    if recent == 0 {
        return Outcome::fail(tr!(
            "ingen {many} i loggen siden {since}; bruk `veikart log add --kind {kind}`",
            "no {many} in the log since {since}; use `veikart log add --kind {kind}`"
        ));
    }
    Outcome::pass(tr!(
        "{recent} {label} i loggen siden {since}",
        "{recent} {label} in the log since {since}"
    ))
}

fn suppliers_reviewed(snap: &Snapshot, ctx: &RuleCtx) -> Outcome {
    let since = ctx.as_of.add_days(-366).unwrap_or(ctx.as_of);
    let all = snap.all::<Supplier>();
    let bad: Vec<String> = all
        .iter()
        .filter(|s| !s.reviews.iter().filter_map(|r| r.date).any(|d| d >= since))
        .map(|s| s.id.clone())
        .collect();
    all_of(
        all.len(),
        &bad,
        tr!("ingen leverandører er registrert", "no suppliers recorded"),
        every(
            all.len(),
            tr!(
                "den ene leverandøren er vurdert siden {since}",
                "the one supplier has been reviewed since {since}"
            ),
            tr!(
                "alle {} leverandører er vurdert siden {since}",
                "all {} suppliers have been reviewed since {since}",
                all.len()
            ),
        ),
        crate::i18n::pick(
            "leverandører er ikke vurdert siste år",
            "suppliers have not been reviewed in the past year",
        ),
    )
}

fn ideas_from_many(snap: &Snapshot, _: &RuleCtx) -> Outcome {
    let sources: BTreeSet<String> =
        snap.all::<Idea>().into_iter().filter_map(|i| i.source).collect();
    if sources.len() >= 2 {
        return Outcome::pass(tr!(
            "idéer fra {} slags kilder: {}",
            "ideas from {} kinds of source: {}",
            sources.len(),
            sources.iter().cloned().collect::<Vec<_>>().join(", ")
        ));
    }
    Outcome::fail(tr!(
        "idéene kommer fra færre enn to slags kilder",
        "the ideas come from fewer than two kinds of source"
    ))
}

/// How long a new idea may wait before someone looks at it.
pub const IDEA_WAIT_DAYS: i64 = 30;

fn ideas_triaged(snap: &Snapshot, ctx: &RuleCtx) -> Outcome {
    let ideas = snap.all::<Idea>();
    if ideas.is_empty() {
        return Outcome::fail(tr!("ingen idéer er registrert", "no ideas recorded"));
    }
    let waiting: Vec<String> = ideas
        .iter()
        .filter(|i| {
            i.status == "new"
                && i.submitted.is_some_and(|d| d.days_until(ctx.as_of) > IDEA_WAIT_DAYS)
        })
        .map(|i| i.id.clone())
        .collect();
    if waiting.is_empty() {
        return Outcome::pass(tr!(
            "{} registrert; ingen nye har ventet over {IDEA_WAIT_DAYS} dager",
            "{} recorded; no new one has waited over {IDEA_WAIT_DAYS} days",
            super::idea::SPEC.count(ideas.len())
        ));
    }
    Outcome::fail(tr!(
        "{} ventet over {IDEA_WAIT_DAYS} dager: {}",
        "{} waited over {IDEA_WAIT_DAYS} days: {}",
        crate::i18n::counted(
            waiting.len(),
            ("ny idé har", "nye idéer har"),
            ("new idea has", "new ideas have")
        ),
        some(&waiting)
    ))
}

fn improvements_made(snap: &Snapshot, _: &RuleCtx) -> Outcome {
    let n = snap
        .all::<Idea>()
        .iter()
        .filter(|i| i.kind.as_deref() == Some("improvement") && i.status == "implemented")
        .count();
    if n == 0 {
        return Outcome::fail(tr!(
            "ingen forbedringer er gjennomført ennå",
            "no improvement has been implemented yet"
        ));
    }
    Outcome::pass(if n == 1 {
        tr!("1 forbedring er gjennomført", "1 improvement implemented")
    } else {
        tr!("{n} forbedringer er gjennomført", "{n} improvements implemented")
    })
}

fn needs_before_solutions(snap: &Snapshot, _: &RuleCtx) -> Outcome {
    let first_insight = snap.all::<Insight>().into_iter().filter_map(|i| i.date).min();
    let first_test = snap.all::<UserTest>().into_iter().filter_map(|t| t.date).min();
    let first_proposal = snap.all::<Proposal>().into_iter().filter_map(|p| p.created).min();
    let first_solution = [first_test, first_proposal].into_iter().flatten().min();
    match (first_insight, first_solution) {
        (None, _) => {
            Outcome::fail(tr!("ingen datert innsikt er registrert", "no dated insight recorded"))
        }
        (Some(i), Some(s)) if s < i => Outcome::fail(tr!(
            "det første løsningsarbeidet ({s}) kom før den første innsikten ({i})",
            "the first solution work ({s}) came before the first insight ({i})"
        )),
        (Some(i), _) => Outcome::pass(tr!(
            "den første innsikten ({i}) kom før løsningsarbeidet",
            "the first insight ({i}) came before any solution work"
        )),
    }
}
