//! Rules of the benefit realisation plan that look across records: benefits,
//! their indicators and the measurements of those (`check`, as of a date).

use std::collections::{BTreeMap, BTreeSet};

use super::benefit::Benefit;
use super::deviation::Deviation;
use super::indicator::{Indicator, PlanState};
use super::measurement::Measurement;
use super::project::ProjectInfo;
use super::schema::Finding;
use super::{Located, RuleCtx, Snapshot, benefit, indicator};
use crate::model::number;
use crate::tr;

/// Whether the project is past the service-development phase, where the
/// benefit realisation plan is written (`tjenesteutvikling`, or `utvikling`
/// in samveis-2015). From then on a missing plan is an error.
pub fn past_development(p: &ProjectInfo) -> bool {
    if p.roadmap == "samveis-2015" {
        p.reached("overgang-til-drift")
    } else {
        p.reached("pilotering")
    }
}

/// The measurements of each indicator, by indicator id.
pub fn by_indicator(measurements: Vec<Measurement>) -> BTreeMap<String, Vec<Measurement>> {
    let mut map: BTreeMap<String, Vec<Measurement>> = BTreeMap::new();
    for m in measurements {
        map.entry(m.indicator.clone()).or_default().push(m);
    }
    map
}

/// The roles the plan and its follow-up use: benefit owners and
/// responsibles, measurement responsibles, owners of corrective actions.
pub fn roles_used(snapshot: &Snapshot) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    for b in snapshot.all::<Benefit>() {
        used.extend(b.owner);
        used.extend(b.responsible);
    }
    for i in snapshot.all::<Indicator>() {
        used.extend(i.responsible);
    }
    for d in snapshot.all::<Deviation>() {
        used.extend(d.actions.into_iter().map(|a| a.owner));
    }
    used
}

/// Every finding about the plan.
pub fn cross(snapshot: &Snapshot, ctx: &RuleCtx) -> Vec<Located> {
    let benefits: Vec<Benefit> = snapshot.all();
    let indicators: Vec<Indicator> = snapshot.all();
    let measured = by_indicator(snapshot.all());
    let strict = ctx.project.as_ref().is_some_and(past_development);
    let mut out = Vec::new();
    let at = |id: &str, finding: Finding| Located {
        dir: indicator::SPEC.dir,
        id: id.to_string(),
        finding,
    };
    for i in &indicators {
        let ms = measured.get(&i.id).map(Vec::as_slice).unwrap_or_default();
        let p = i.progress(ms, ctx.as_of);
        if p.state == PlanState::Stale {
            let last = p.latest_date.map(|d| d.to_string()).unwrap_or_default();
            out.push(at(
                &i.id,
                Finding::warning(
                    "indicator-stale",
                    Some(if i.explicit_frequency { "frequency" } else { "name" }),
                    tr!(
                        "«{}» er ikke målt siden {last} (målefrekvens: {})",
                        "`{}` has not been measured since {last} (frequency: {})",
                        i.name,
                        indicator::FREQUENCY.label(&i.frequency)
                    ),
                )
                .hint(tr!(
                    "registrer en ny verdi med `veikart measure record {} VERDI`",
                    "record a new value with `veikart measure record {} VALUE`",
                    i.id
                )),
            ));
        }
        if let Some(by) = i.by
            && ctx.as_of > by
            && p.achievement.is_none_or(|a| a < 100.0 - 1e-9)
            && i.direction().is_some()
        {
            let reached = match p.achievement {
                Some(a) => tr!("{} % oppnådd", "{} % achieved", number::format(a.round())),
                None => tr!("ingen måling", "no measurement"),
            };
            out.push(at(
                &i.id,
                Finding::warning(
                    "target-missed",
                    Some("by"),
                    tr!(
                        "måletidspunktet {by} er passert og målet for «{}» er ikke nådd ({reached})",
                        "the target date {by} has passed and `{}` has not reached its target ({reached})",
                        i.name
                    ),
                )
                .hint(tr!(
                    "meld et gevinstavvik med `veikart deviation add TITTEL --kind benefit --indicator {}`, eller sett en ny dato med `veikart benefit plan`",
                    "report it with `veikart deviation add TITLE --kind benefit --indicator {}`, or set a new date with `veikart benefit plan`",
                    i.id
                )),
            ));
        }
        if !strict {
            continue;
        }
        // (key in the file, the option of `benefit plan` that sets it)
        let mut missing: Vec<(&str, String)> = Vec::new();
        if i.baseline.is_none() {
            missing.push(("baseline", "--baseline N".to_string()));
        }
        if i.baseline_date.is_none() {
            missing.push(("baseline_date", tr!("--baseline-date DATO", "--baseline-date DATE")));
        }
        if i.target.is_none() {
            missing.push(("target", "--target N".to_string()));
        }
        if i.by.is_none() {
            missing.push(("by", tr!("--by DATO", "--by DATE")));
        }
        if i.responsible.is_none() {
            missing.push(("responsible", tr!("--responsible ROLLE", "--responsible ROLE")));
        }
        if !missing.is_empty() {
            out.push(at(
                &i.id,
                Finding::error(
                    "plan-incomplete",
                    Some("name"),
                    tr!(
                        "måleindikatoren «{}» mangler {} i gevinstrealiseringsplanen",
                        "the indicator `{}` lacks {} in the benefit realisation plan",
                        i.name,
                        crate::i18n::and_list(
                            &missing
                                .iter()
                                .map(|(k, _)| {
                                    let f = super::indicator::SPEC.field(k);
                                    f.map_or(k.to_string(), |f| f.label_text().to_lowercase())
                                })
                                .collect::<Vec<_>>()
                        )
                    ),
                )
                .hint(tr!(
                    "fyll inn planen med `veikart benefit plan {} --indicator \"{}\" {}`",
                    "complete the plan with `veikart benefit plan {} --indicator \"{}\" {}`",
                    i.benefit,
                    i.name,
                    missing.iter().map(|(_, o)| o.as_str()).collect::<Vec<_>>().join(" ")
                ))
                .incomplete(),
            ));
        }
        if ms.is_empty() {
            out.push(at(
                &i.id,
                Finding::warning(
                    "no-measurements",
                    Some("name"),
                    tr!("«{}» har ingen målinger ennå", "`{}` has no measurements yet", i.name),
                )
                .hint(tr!(
                    "registrer den første med `veikart measure record {} VERDI`",
                    "record the first with `veikart measure record {} VALUE`",
                    i.id
                )),
            ));
        }
    }
    if strict {
        for b in &benefits {
            if indicators.iter().any(|i| i.benefit == b.id) {
                continue;
            }
            out.push(Located {
                dir: benefit::SPEC.dir,
                id: b.id.clone(),
                finding: Finding::error(
                    "benefit-without-indicator",
                    Some("title"),
                    tr!(
                        "gevinsten «{}» har ingen måleindikator i gevinstrealiseringsplanen",
                        "the benefit `{}` has no indicator in the benefit realisation plan",
                        b.title
                    ),
                )
                .hint(tr!(
                    "legg til en med `veikart benefit plan {} --indicator NAVN --unit ENHET --baseline N --target N --by DATO`",
                    "add one with `veikart benefit plan {} --indicator NAME --unit UNIT --baseline N --target N --by DATE`",
                    b.id
                ))
                .incomplete(),
            });
        }
    }
    out
}
