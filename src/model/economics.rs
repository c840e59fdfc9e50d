//! Benefits weighed against costs in NOK over the years (tjenesteutvikling
//! step 4, ny praksis step 2): per year the priced benefits by how they are
//! realised, the one-off and recurring costs, the net and the cumulative
//! net; the net present value at a real discount rate, under the expected,
//! pessimistic and optimistic figures; and the payback year. Non-priced
//! benefits are listed beside the numbers, never dropped. Pure: no I/O.
//!
//! The rules (docs/benefits.md has them with examples):
//! - The calculation runs `years` years (default 10) from the first year:
//!   the earliest of the project's start, a benefit's first year and a cost's
//!   year (today's year when none is given).
//! - A priced benefit counts from its `from_year` (default: the first year)
//!   for `years` years (default: to the end). Its yearly value is `per_year`;
//!   or, with three estimates, (P + 3E + O) / 5; or `hours_per_year` ×
//!   hourly cost; or, `yearly`, the amount given for each year.
//! - A one-off cost falls in its year (default: the first year); a
//!   recurring cost falls in every year from its year to the end.
//! - Net present value = Σ net(t) / (1 + r)^t, t = 0 in the first year.
//! - The payback year is the first year from which the cumulative net stays
//!   at or above zero; none when it is below zero at the end.

use serde::Serialize;

use super::benefit::{Benefit, Worth};
use super::project::{DEFAULT_DISCOUNT_RATE, DEFAULT_HOURLY_COST, ProjectInfo};

/// How many years the calculation runs unless `--years` says otherwise.
pub const DEFAULT_YEARS: i64 = 10;

/// What to calculate over.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub years: Option<i64>,
    /// Percent a year.
    pub rate: Option<f64>,
    /// The year it is (for a project with no years given at all).
    pub this_year: i64,
}

/// One year of the calculation (NOK).
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Year {
    pub year: i64,
    /// Priced benefits realised in the municipality's own budget.
    pub budget: f64,
    /// Freed capacity, valued in NOK.
    pub capacity: f64,
    /// Benefits for another public body.
    pub other_public: f64,
    /// The three above together.
    pub benefits: f64,
    pub one_off_costs: f64,
    pub recurring_costs: f64,
    pub costs: f64,
    pub net: f64,
    pub cumulative_net: f64,
    /// Hours freed that year (the capacity benefits given in hours).
    pub hours: f64,
}

/// A priced benefit as counted.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Priced {
    pub id: String,
    pub title: String,
    pub realised_as: String,
    /// NOK a year, expected; null when it is given year by year.
    pub per_year: Option<f64>,
    pub pessimistic: Option<f64>,
    pub optimistic: Option<f64>,
    pub hours_per_year: Option<f64>,
    pub hourly_cost: Option<f64>,
    pub from_year: i64,
    pub to_year: i64,
    /// NOK over the calculation, expected.
    pub total: f64,
    pub gains: Vec<String>,
}

/// A benefit that is not priced, with how much it matters.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct NonPriced {
    pub id: String,
    pub title: String,
    pub importance: Option<String>,
    pub reason: Option<String>,
    pub gains: Vec<String>,
}

/// A cost or a benefit that falls after the calculation's last year.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct LeftOut {
    /// The benefit it belongs to.
    pub id: String,
    /// `cost` or `benefit`.
    pub what: String,
    /// Its (first) year.
    pub year: i64,
}

/// A benefit not yet valued: no way of realising it, or priced with no
/// amount.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Unvalued {
    pub id: String,
    pub title: String,
    pub realised_as: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Totals {
    pub benefits: f64,
    pub one_off_costs: f64,
    pub recurring_costs: f64,
    pub costs: f64,
    pub net: f64,
    pub hours: f64,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Economics {
    pub first_year: i64,
    pub last_year: i64,
    /// The real discount rate, percent a year.
    pub rate: f64,
    /// The project's NOK per hour for freed time.
    pub hourly_cost: f64,
    pub years: Vec<Year>,
    pub totals: Totals,
    pub net_present_value: f64,
    pub net_present_value_pessimistic: f64,
    pub net_present_value_optimistic: f64,
    pub payback_year: Option<i64>,
    /// Costs and benefits that fall after the last year (with `--years`).
    #[serde(rename = "left_out_items")]
    pub left_out: Vec<LeftOut>,
    #[serde(rename = "priced_benefits")]
    pub priced: Vec<Priced>,
    #[serde(rename = "non_priced_benefits")]
    pub non_priced: Vec<NonPriced>,
    #[serde(rename = "unvalued_benefits")]
    pub unvalued: Vec<Unvalued>,
}

impl Economics {
    /// Whether there is anything to weigh: a priced amount or a cost.
    pub fn has_figures(&self) -> bool {
        !self.priced.is_empty() || self.totals.costs > 0.0
    }

    pub fn summary(&self) -> Summary {
        Summary {
            first_year: self.first_year,
            last_year: self.last_year,
            rate: self.rate,
            benefits: self.totals.benefits,
            costs: self.totals.costs,
            net: self.totals.net,
            net_present_value: self.net_present_value,
            payback_year: self.payback_year,
            non_priced: self.non_priced.len(),
            unvalued: self.unvalued.len(),
        }
    }
}

/// The economics in a few figures, for `status` and `portfolio`.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Summary {
    pub first_year: i64,
    pub last_year: i64,
    pub rate: f64,
    /// NOK over the years, expected.
    pub benefits: f64,
    pub costs: f64,
    pub net: f64,
    pub net_present_value: f64,
    pub payback_year: Option<i64>,
    /// How many benefits are not priced.
    #[serde(rename = "non_priced_count")]
    pub non_priced: usize,
    /// How many benefits are not valued yet.
    #[serde(rename = "unvalued_count")]
    pub unvalued: usize,
}

/// The yearly value of a priced benefit in one scenario.
#[derive(Clone, Copy, PartialEq)]
enum Case {
    Pessimistic,
    Expected,
    Optimistic,
}

/// NOK a year of a benefit's hours, with the hourly cost it is valued at.
fn hours_value(w: &Worth, project_rate: f64) -> Option<(f64, f64)> {
    let hours = w.hours_per_year?;
    let cost = w.hourly_cost.unwrap_or(project_rate);
    Some((hours * cost, cost))
}

/// A priced benefit's constant yearly value in a case; None when it is
/// given year by year or has no amount.
fn constant(w: &Worth, case: Case, hourly: f64) -> Option<f64> {
    if let Some(v) = w.per_year {
        return Some(v);
    }
    if let Some(e) = w.weighted() {
        return Some(match case {
            Case::Pessimistic => w.pessimistic.unwrap_or(e),
            Case::Expected => e,
            Case::Optimistic => w.optimistic.unwrap_or(e),
        });
    }
    hours_value(w, hourly).map(|(v, _)| v)
}

/// Weigh the project's benefits against their costs.
pub fn calculate(benefits: &[Benefit], info: &ProjectInfo, opts: Options) -> Economics {
    let hourly = info.hourly_cost.unwrap_or(DEFAULT_HOURLY_COST);
    let rate = opts.rate.or(info.discount_rate).unwrap_or(DEFAULT_DISCOUNT_RATE);
    let span = opts.years.unwrap_or(DEFAULT_YEARS).max(1);
    let mut starts: Vec<i64> = Vec::new();
    starts.extend(info.started.map(|d| i64::from(d.year())));
    for b in benefits {
        starts.extend(b.worth.from_year);
        starts.extend(b.worth.yearly.iter().map(|y| y.year));
        starts.extend(b.costs.iter().filter_map(|c| c.year));
    }
    let first = starts.iter().copied().min().unwrap_or(opts.this_year);
    // Without `--years`, the calculation reaches the last year anything
    // names, so nothing falls outside it.
    let named_last = starts.iter().copied().max().unwrap_or(first);
    let last = match opts.years {
        Some(_) => first + span - 1,
        None => (first + span - 1).max(named_last),
    };
    let mut years: Vec<Year> = (first..=last)
        .map(|year| Year {
            year,
            budget: 0.0,
            capacity: 0.0,
            other_public: 0.0,
            benefits: 0.0,
            one_off_costs: 0.0,
            recurring_costs: 0.0,
            costs: 0.0,
            net: 0.0,
            cumulative_net: 0.0,
            hours: 0.0,
        })
        .collect();
    let count = years.len();
    let index = move |year: i64| usize::try_from(year - first).ok().filter(|i| *i < count);
    // Benefits per year in the pessimistic and optimistic cases.
    let mut low = vec![0.0; years.len()];
    let mut high = vec![0.0; years.len()];
    let mut priced = Vec::new();
    let mut non_priced = Vec::new();
    let mut unvalued = Vec::new();
    for b in benefits {
        let w = &b.worth;
        match w.realised_as.as_deref() {
            Some("non-priced") => {
                non_priced.push(NonPriced {
                    id: b.id.clone(),
                    title: b.title.clone(),
                    importance: w.importance.clone(),
                    reason: w.importance_reason.clone(),
                    gains: w.gains.clone(),
                });
                continue;
            }
            Some(how) if w.has_amount() => {
                let from = w.from_year.unwrap_or(first);
                let to = w.years.map_or(last, |n| from + n - 1);
                let mut total = 0.0;
                let mut add =
                    |year: i64, e: f64, p: f64, o: f64, hours: f64, years: &mut [Year]| {
                        let Some(i) = index(year) else { return };
                        let row = &mut years[i];
                        match how {
                            "budget" => row.budget += e,
                            "capacity" => row.capacity += e,
                            _ => row.other_public += e,
                        }
                        row.hours += hours;
                        low[i] += p;
                        high[i] += o;
                        total += e;
                    };
                if w.yearly.is_empty() {
                    let e = constant(w, Case::Expected, hourly).unwrap_or(0.0);
                    let p = constant(w, Case::Pessimistic, hourly).unwrap_or(e);
                    let o = constant(w, Case::Optimistic, hourly).unwrap_or(e);
                    let hours = if w.per_year.is_none() && w.weighted().is_none() {
                        w.hours_per_year.unwrap_or(0.0)
                    } else {
                        0.0
                    };
                    for year in from..=to {
                        add(year, e, p, o, hours, &mut years);
                    }
                } else {
                    for y in &w.yearly {
                        add(y.year, y.amount, y.amount, y.amount, 0.0, &mut years);
                    }
                }
                let (from, to) = if w.yearly.is_empty() {
                    (from, to.min(last))
                } else {
                    let ys = w.yearly.iter().map(|y| y.year);
                    (ys.clone().min().unwrap_or(from), ys.max().unwrap_or(from))
                };
                priced.push(Priced {
                    id: b.id.clone(),
                    title: b.title.clone(),
                    realised_as: how.to_string(),
                    per_year: if w.yearly.is_empty() {
                        constant(w, Case::Expected, hourly)
                    } else {
                        None
                    },
                    pessimistic: w.pessimistic,
                    optimistic: w.optimistic,
                    hours_per_year: w.hours_per_year,
                    hourly_cost: w.hours_per_year.map(|_| w.hourly_cost.unwrap_or(hourly)),
                    from_year: from,
                    to_year: to,
                    total,
                    gains: w.gains.clone(),
                });
            }
            other => unvalued.push(Unvalued {
                id: b.id.clone(),
                title: b.title.clone(),
                realised_as: other.map(str::to_string),
            }),
        }
    }
    let mut left_out = Vec::new();
    for b in benefits {
        for c in &b.costs {
            if c.year.is_some_and(|y| y > last) {
                left_out.push(LeftOut {
                    id: b.id.clone(),
                    what: "cost".into(),
                    year: c.year.unwrap_or(last),
                });
            }
        }
    }
    for p in &priced {
        if p.from_year > last {
            left_out.push(LeftOut { id: p.id.clone(), what: "benefit".into(), year: p.from_year });
        }
    }
    for c in benefits.iter().flat_map(|b| &b.costs) {
        let from = c.year.unwrap_or(first);
        if c.kind == "recurring" {
            for year in from..=last {
                if let Some(i) = index(year) {
                    years[i].recurring_costs += c.amount;
                }
            }
        } else if let Some(i) = index(from) {
            years[i].one_off_costs += c.amount;
        }
    }
    let mut cumulative = 0.0;
    for row in &mut years {
        row.benefits = row.budget + row.capacity + row.other_public;
        row.costs = row.one_off_costs + row.recurring_costs;
        row.net = row.benefits - row.costs;
        cumulative += row.net;
        row.cumulative_net = cumulative;
    }
    let r = rate / 100.0;
    let present = |nets: &mut dyn Iterator<Item = f64>| -> f64 {
        let v: f64 = nets.enumerate().map(|(t, net)| net / (1.0 + r).powi(t as i32)).sum();
        // To the øre.
        (v * 100.0).round() / 100.0
    };
    let npv = present(&mut years.iter().map(|y| y.net));
    let npv_low = present(&mut years.iter().zip(&low).map(|(y, b)| b - y.costs));
    let npv_high = present(&mut years.iter().zip(&high).map(|(y, b)| b - y.costs));
    // The first year from which the cumulative net stays at or above zero.
    let anything = years.iter().any(|y| y.benefits != 0.0 || y.costs != 0.0);
    let payback = match years.last() {
        Some(end) if anything && end.cumulative_net >= 0.0 => Some(
            years.iter().rposition(|y| y.cumulative_net < 0.0).map_or(first, |i| years[i].year + 1),
        ),
        _ => None,
    };
    let sum = |f: fn(&Year) -> f64| years.iter().map(f).sum::<f64>();
    let totals = Totals {
        benefits: sum(|y| y.benefits),
        one_off_costs: sum(|y| y.one_off_costs),
        recurring_costs: sum(|y| y.recurring_costs),
        costs: sum(|y| y.costs),
        net: sum(|y| y.net),
        hours: sum(|y| y.hours),
    };
    Economics {
        first_year: first,
        last_year: last,
        rate,
        hourly_cost: hourly,
        years,
        totals,
        net_present_value: npv,
        net_present_value_pessimistic: npv_low,
        net_present_value_optimistic: npv_high,
        payback_year: payback,
        left_out,
        priced,
        non_priced,
        unvalued,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::benefit::{Cost, YearAmount};

    fn info(started: Option<&str>) -> ProjectInfo {
        ProjectInfo {
            name: "P".into(),
            municipality: None,
            service: None,
            problem: None,
            owner: None,
            lang: None,
            roadmap: "ks-2018".into(),
            phase: "forankring".into(),
            started: started.and_then(crate::model::date::Date::parse),
            from_project: None,
            from_idea: None,
            source: None,
            phases: Vec::new(),
            max_indicators: None,
            hourly_cost: None,
            discount_rate: None,
        }
    }

    fn benefit(id: &str, worth: Worth, costs: Vec<Cost>) -> Benefit {
        Benefit {
            id: id.into(),
            title: id.into(),
            kind: "cost".into(),
            monetary: true,
            beneficiary: None,
            owner: None,
            responsible: None,
            due: None,
            preconditions: Vec::new(),
            goals: Vec::new(),
            enablers: Vec::new(),
            description: None,
            created: None,
            costs,
            worth,
        }
    }

    fn cost(kind: &str, amount: f64, year: i64) -> Cost {
        Cost { kind: kind.into(), amount, year: Some(year), note: None }
    }

    const OPTS: Options = Options { years: Some(5), rate: None, this_year: 2026 };

    #[test]
    fn a_constant_benefit_against_a_one_off_and_a_recurring_cost() {
        let w = Worth {
            realised_as: Some("budget".into()),
            per_year: Some(100_000.0),
            from_year: Some(2027),
            ..Worth::default()
        };
        let b = benefit(
            "b",
            w,
            vec![cost("one-off", 150_000.0, 2026), cost("recurring", 10_000.0, 2026)],
        );
        let e = calculate(&[b], &info(Some("2026-01-12")), OPTS);
        assert_eq!((e.first_year, e.last_year), (2026, 2030));
        let nets: Vec<f64> = e.years.iter().map(|y| y.net).collect();
        assert_eq!(nets, [-160_000.0, 90_000.0, 90_000.0, 90_000.0, 90_000.0]);
        assert_eq!(e.totals.net, 200_000.0);
        // Cumulative: -160, -70, 20, 110, 200 (thousands): even in 2028.
        assert_eq!(e.payback_year, Some(2028));
        let npv: f64 = nets.iter().enumerate().map(|(t, n)| n / 1.04f64.powi(t as i32)).sum();
        assert!((e.net_present_value - npv).abs() < 0.006);
        assert_eq!(e.net_present_value, e.net_present_value_pessimistic);
    }

    #[test]
    fn three_estimates_weigh_as_p_plus_3e_plus_o_over_5_and_hours_at_the_hourly_cost() {
        let three = Worth {
            realised_as: Some("other-public".into()),
            pessimistic: Some(50_000.0),
            expected: Some(100_000.0),
            optimistic: Some(200_000.0),
            ..Worth::default()
        };
        assert_eq!(three.weighted(), Some(110_000.0));
        let hours = Worth {
            realised_as: Some("capacity".into()),
            hours_per_year: Some(500.0),
            years: Some(2),
            ..Worth::default()
        };
        let e = calculate(
            &[benefit("a", three, vec![]), benefit("h", hours, vec![])],
            &info(Some("2026-03-01")),
            Options { years: Some(3), rate: Some(0.0), this_year: 2026 },
        );
        assert_eq!(e.years[0].other_public, 110_000.0);
        assert_eq!(e.years[0].capacity, 500.0 * DEFAULT_HOURLY_COST);
        assert_eq!(e.years[2].capacity, 0.0, "the hours count for two years");
        assert_eq!(e.totals.hours, 1000.0);
        assert_eq!(e.net_present_value_pessimistic, 3.0 * 50_000.0 + 2.0 * 350_000.0);
        assert_eq!(e.net_present_value_optimistic, 3.0 * 200_000.0 + 2.0 * 350_000.0);
        assert_eq!(e.payback_year, Some(2026), "no costs: even from the start");
    }

    #[test]
    fn non_priced_and_unvalued_benefits_are_listed_and_a_loss_never_pays_back() {
        let np = Worth {
            realised_as: Some("non-priced".into()),
            importance: Some("high".into()),
            ..Worth::default()
        };
        let yearly = Worth {
            realised_as: Some("budget".into()),
            yearly: vec![
                YearAmount { year: 2027, amount: 10.0 },
                YearAmount { year: 2028, amount: 20.0 },
            ],
            ..Worth::default()
        };
        let e = calculate(
            &[
                benefit("n", np, vec![cost("one-off", 1000.0, 2026)]),
                benefit("u", Worth::default(), vec![]),
                benefit("y", yearly, vec![]),
            ],
            &info(None),
            OPTS,
        );
        assert_eq!(e.non_priced.len(), 1);
        assert_eq!(e.unvalued.len(), 1);
        assert_eq!(e.priced[0].total, 30.0);
        assert_eq!(e.priced[0].per_year, None);
        assert_eq!(e.payback_year, None);
    }
}
