//! Indicators (måleindikatorer) of the benefit realisation plan, and the
//! arithmetic of following them up: direction, achievement, trend and state.
//! Everything here is pure, so `benefit list`, `status` and `check` agree.

use serde::Serialize;

use super::date::Date;
use super::measurement::Measurement;
use super::schema::{
    About, Col, EnumSpec, Example, Field, FieldType, Finding, Identity, KindSpec, Order, Variant,
};
use super::value::Fields;
use crate::tr;

pub static FREQUENCY: EnumSpec = EnumSpec {
    name: "frequency",
    variants: &[
        Variant { key: "weekly", nb: "ukentlig", en: "weekly", aliases: &["uke", "week"] },
        Variant {
            key: "monthly",
            nb: "månedlig",
            en: "monthly",
            aliases: &["manedlig", "maanedlig", "month", "måned"],
        },
        Variant {
            key: "quarterly",
            nb: "kvartalsvis",
            en: "quarterly",
            aliases: &["kvartal", "quarter"],
        },
        Variant { key: "yearly", nb: "årlig", en: "yearly", aliases: &["arlig", "aarlig", "år"] },
    ],
};

/// One row of `[[yearly_target]]`: the value to reach by 31 December of the year.
static YEARLY_TARGET_FIELDS: &[Field] = &[
    Field::req("year", FieldType::Year, "The year.").label("År", "Year").nb("Året"),
    Field::req("target", FieldType::Number, "The value to reach by the end of the year.")
        .label("Mål", "Target")
        .nb("Verdien som skal være nådd innen utgangen av året"),
];

pub static SPEC: KindSpec = KindSpec {
    dir: "indicators",
    noun: "indicator",
    command: "indicator",
    noun_nb: "måleindikator",
    plural: "indicators",
    plural_nb: "måleindikatorer",
    fields: &[
        Field::req("name", FieldType::Line, "What is measured, in a few words.")
            .label("Navn", "Name")
            .nb("Hva som måles, med noen få ord"),
        Field::req("benefit", FieldType::Ref("benefits"), "The benefit the indicator measures.")
            .label("Gevinst", "Benefit")
            .nb("Gevinsten indikatoren måler (id eller entydig begynnelse)"),
        Field::req("unit", FieldType::Line, "The unit of the values: minutes, NOK, percent, …")
            .label("Enhet", "Unit")
            .nb("Enheten verdiene har: minutter, kroner, prosent, …"),
        Field::opt("baseline", FieldType::Number, "The value before the change (nullpunkt).")
            .label("Nullpunkt", "Baseline")
            .nb("Verdien før endringen (nullpunktet)"),
        Field::opt("baseline_date", FieldType::Date, "When the baseline was measured.")
            .label("Nullpunktets dato", "Baseline date")
            .nb("Når nullpunktet ble målt"),
        Field::opt("target", FieldType::Number, "The value the benefit plan aims for (målverdi).")
            .label("Målverdi", "Target")
            .nb("Verdien gevinstplanen sikter mot (målverdien)"),
        Field::opt("by", FieldType::Date, "When the target should be reached (måletidspunkt).")
            .label("Måletidspunkt", "Target date")
            .nb("Når målverdien skal være nådd (måletidspunktet)"),
        Field::opt(
            "frequency",
            FieldType::Enum(&FREQUENCY),
            "How often it is measured: weekly, monthly (default), quarterly or yearly.",
        )
        .label("Målefrekvens", "Frequency")
        .nb("Hvor ofte den måles: ukentlig, månedlig (standard), kvartalsvis eller årlig"),
        Field::opt(
            "responsible",
            FieldType::Ref("roles"),
            "The role that measures and reports it (måleansvarlig).",
        )
        .label("Måleansvarlig", "Responsible")
        .nb("Rollen som måler og rapporterer den (måleansvarlig)"),
        Field::opt("source", FieldType::Line, "Where the values come from.")
            .label("Kilde", "Source")
            .nb("Hvor verdiene kommer fra"),
        Field::opt(
            "yearly_target",
            FieldType::Tables(YEARLY_TARGET_FIELDS),
            "The value to reach by the end of each year, when the plan gives yearly targets.",
        )
        .label("Årlige mål", "Yearly targets")
        .nb("Verdien som skal være nådd innen utgangen av hvert år, når planen har årlige mål"),
    ],
    title: Some("name"),
    identity: Identity::Named { scope: None },
    columns: &[
        Col("id", "ID", "ID"),
        Col("benefit", "GEVINST", "BENEFIT"),
        Col("name", "INDIKATOR", "INDICATOR"),
        Col("unit", "ENHET", "UNIT"),
        Col("baseline", "NULLPUNKT", "BASELINE"),
        Col("target", "MÅL", "TARGET"),
        Col("by", "INNEN", "BY"),
    ],
    order: &[Order::Asc("benefit")],
    example: Example {
        add: "benefit plan kortere --indicator \"Ventetid i minutter\" --unit min --baseline 95 --target 60 --by 2027-06-30",
        id: "ventetid",
        set: "--frequency ukentlig",
    },
    about: About {
        nb: "Måleindikatorene i gevinstrealiseringsplanen, én og én",
        en: "The indicators of the benefit realisation plan, one by one",
        long_nb: "`veikart benefit plan` lager en indikator og planlegger den; disse\n\
         kommandoene viser, endrer og fjerner dem. `veikart benefit list` viser\n\
         hele planen med fremdriften til hver indikator. Har gevinstplanen et mål\n\
         per år, skriv dem i indikatorens fil som `[[yearly_target]]` med `year`\n\
         og `target`.",
        long_en: "`veikart benefit plan` makes an indicator and plans it; these verbs list,\n\
         show, change and remove them. `veikart benefit list` shows the whole plan\n\
         with each indicator's progress. When the benefit plan gives a target per\n\
         year, write them in the indicator's file as `[[yearly_target]]` with\n\
         `year` and `target`.",
    },
    ..KindSpec::BASE
};

#[derive(Debug, Clone, Serialize)]
pub struct Indicator {
    pub id: String,
    pub name: String,
    pub benefit: String,
    pub unit: String,
    pub baseline: Option<f64>,
    pub baseline_date: Option<Date>,
    pub target: Option<f64>,
    pub by: Option<Date>,
    /// Always set: `monthly` when the file does not say.
    pub frequency: String,
    /// Whether the file names the frequency (rather than the default).
    #[serde(skip)]
    pub explicit_frequency: bool,
    pub responsible: Option<String>,
    pub source: Option<String>,
    /// The `[[yearly_target]]` rows, in file order.
    pub yearly_targets: Vec<YearlyTarget>,
}

/// A value to reach by the end of a year (`[[yearly_target]]`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct YearlyTarget {
    pub year: i64,
    pub target: f64,
}

/// The planned value of an indicator on every day: the way from its
/// baseline to its target that the benefit plan lays out.
///
/// Without yearly targets it is a straight line from the baseline on the
/// baseline date to the target on the deadline (`by`). With yearly targets
/// it goes in steps: the target of year Y is the value to reach by the end
/// of Y, so it holds from 31 December Y on, until the next year's target or
/// the deadline; before the first step the baseline holds. Without a
/// baseline date the baseline holds until the deadline; before the baseline
/// date the baseline, and from the deadline on the target. Without a
/// deadline the path never gets to the target.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedPath {
    pub baseline: f64,
    pub start: Option<Date>,
    pub target: f64,
    pub deadline: Option<Date>,
    /// The yearly steps before the deadline, by date: (31 December Y, target of Y).
    pub steps: Vec<(Date, f64)>,
}

impl PlannedPath {
    /// Whether the path is one straight line (no steps, both dates, in order).
    fn linear(&self) -> Option<(Date, Date)> {
        match (self.start, self.deadline) {
            (Some(s), Some(e)) if s < e && self.steps.is_empty() => Some((s, e)),
            _ => None,
        }
    }

    /// The planned value on `date`.
    pub fn value_on(&self, date: Date) -> f64 {
        if self.deadline.is_some_and(|e| date >= e) {
            return self.target;
        }
        if let Some((s, e)) = self.linear() {
            let share = (s.days_until(date) as f64 / s.days_until(e) as f64).clamp(0.0, 1.0);
            return self.baseline + (self.target - self.baseline) * share;
        }
        self.steps.iter().rev().find(|(d, _)| *d <= date).map_or(self.baseline, |(_, v)| *v)
    }

    /// The corners of the path from `from` to `to` (inclusive), oldest first,
    /// for a chart that joins them with straight lines: where a line bends,
    /// and at a step the value before and after it on the same date.
    pub fn corners(&self, from: Date, to: Date) -> Vec<(Date, f64)> {
        if to < from {
            return Vec::new();
        }
        let mut out = vec![(from, self.value_on(from))];
        if let Some((s, e)) = self.linear() {
            for d in [s, e] {
                if from < d && d < to {
                    out.push((d, self.value_on(d)));
                }
            }
        } else {
            let jumps = self.steps.iter().map(|(d, _)| *d).chain(self.deadline);
            for d in jumps.filter(|d| from < *d && *d <= to) {
                let before = d.add_days(-1).map_or(self.baseline, |b| self.value_on(b));
                out.push((d, before));
                out.push((d, self.value_on(d)));
            }
        }
        if out.last().is_some_and(|(d, _)| *d < to) {
            out.push((to, self.value_on(to)));
        }
        out
    }
}

/// Which way is better, from baseline and target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Higher,
    Lower,
}

/// How the latest value moved against the previous one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Trend {
    Better,
    Worse,
    Flat,
}

impl Trend {
    pub fn label(self) -> String {
        match self {
            Trend::Better => tr!("↑ bedre", "↑ better"),
            Trend::Worse => tr!("↓ verre", "↓ worse"),
            Trend::Flat => tr!("→ uendret", "→ flat"),
        }
    }
}

/// Where an indicator stands against its plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PlanState {
    Reached,
    OnTrack,
    Behind,
    Stale,
    /// Values, but no baseline and target to judge them by.
    NoPlan,
    NoData,
}

impl PlanState {
    pub const ALL: [PlanState; 6] = [
        PlanState::Reached,
        PlanState::OnTrack,
        PlanState::Behind,
        PlanState::Stale,
        PlanState::NoPlan,
        PlanState::NoData,
    ];

    /// The key used in JSON (`on-track`).
    pub fn key(self) -> &'static str {
        match self {
            PlanState::Reached => "reached",
            PlanState::OnTrack => "on-track",
            PlanState::Behind => "behind",
            PlanState::Stale => "stale",
            PlanState::NoPlan => "no-plan",
            PlanState::NoData => "no-data",
        }
    }

    pub fn label(self) -> String {
        match self {
            PlanState::Reached => tr!("nådd", "reached"),
            PlanState::OnTrack => tr!("på plan", "on track"),
            PlanState::Behind => tr!("bak plan", "behind"),
            PlanState::Stale => tr!("utdatert", "stale"),
            PlanState::NoPlan => tr!("mangler nullpunkt eller mål", "no baseline or target"),
            PlanState::NoData => tr!("ingen data", "no data"),
        }
    }
}

/// Everything `benefit list` and `status` show about one indicator.
#[derive(Debug, Clone, Serialize)]
pub struct Progress {
    pub latest: Option<f64>,
    pub latest_date: Option<Date>,
    pub previous: Option<f64>,
    /// Percent of the way from baseline to target (may be below 0 or above 100).
    #[serde(serialize_with = "crate::model::number::serialize_percent")]
    pub achievement: Option<f64>,
    pub trend: Option<Trend>,
    /// The achievement the plan expects at the latest measurement.
    #[serde(serialize_with = "crate::model::number::serialize_percent")]
    pub expected: Option<f64>,
    /// The planned value on the date of the latest measurement ([`PlannedPath`]).
    pub planned: Option<f64>,
    pub state: PlanState,
    /// When the next value is due at the latest before it counts as stale.
    pub due: Option<Date>,
}

impl Indicator {
    pub fn from_fields(f: &Fields) -> Indicator {
        Indicator {
            id: f.id.clone(),
            name: f.string("name"),
            benefit: f.string("benefit"),
            unit: f.string("unit"),
            baseline: f.number("baseline"),
            baseline_date: f.date("baseline_date"),
            target: f.number("target"),
            by: f.date("by"),
            frequency: f.str("frequency").unwrap_or("monthly").to_string(),
            explicit_frequency: f.str("frequency").is_some(),
            responsible: f.opt_string("responsible"),
            source: f.opt_string("source"),
            yearly_targets: f
                .rows("yearly_target")
                .iter()
                .filter_map(|r| {
                    Some(YearlyTarget { year: r.int("year")?, target: r.number("target")? })
                })
                .collect(),
        }
    }

    /// The planned path, when there is a baseline and a different target.
    /// Yearly targets outside the plan's years, and all but the first of a
    /// year given twice, are left out (`check` reports them).
    pub fn path(&self) -> Option<PlannedPath> {
        let (baseline, target) = (self.baseline?, self.target?);
        direction(baseline, target)?;
        let mut steps: Vec<(Date, f64)> = Vec::new();
        let mut years: Vec<i64> = Vec::new();
        for y in &self.yearly_targets {
            if years.contains(&y.year) || !self.year_in_plan(y.year) {
                continue;
            }
            years.push(y.year);
            let Some(end) = i32::try_from(y.year).ok().and_then(|y| Date::new(y, 12, 31)) else {
                continue;
            };
            // The deadline's own year is the deadline's: the target holds from it.
            if self.by.is_none_or(|by| end < by) {
                steps.push((end, y.target));
            }
        }
        steps.sort_by_key(|(d, _)| *d);
        Some(PlannedPath { baseline, start: self.baseline_date, target, deadline: self.by, steps })
    }

    /// The planned value on `date` (see [`PlannedPath`]).
    pub fn planned(&self, date: Date) -> Option<f64> {
        self.path().map(|p| p.value_on(date))
    }

    /// Whether a yearly target's year lies from the baseline date's year to
    /// the deadline's year (either end open when the date is not set).
    fn year_in_plan(&self, year: i64) -> bool {
        self.baseline_date.is_none_or(|d| year >= i64::from(d.year()))
            && self.by.is_none_or(|d| year <= i64::from(d.year()))
    }

    /// Whether `value` is at or better than `planned`, in the indicator's direction.
    fn at_or_better(&self, value: f64, planned: f64) -> bool {
        let eps = 1e-9 * planned.abs().max(1.0);
        match self.direction() {
            Some(Direction::Lower) => value <= planned + eps,
            _ => value + eps >= planned,
        }
    }

    /// Higher or lower is better: lower when the target is below the
    /// baseline. `None` without both, or when they are equal.
    pub fn direction(&self) -> Option<Direction> {
        direction(self.baseline?, self.target?)
    }

    /// (value − baseline) ÷ (target − baseline) × 100.
    pub fn achievement(&self, value: f64) -> Option<f64> {
        achievement(self.baseline?, self.target?, value)
    }

    /// Whether `value` reaches the target (achievement at least 100 %).
    pub fn reaches(&self, value: f64) -> bool {
        self.achievement(value).is_some_and(|a| a >= 100.0 - 1e-9)
    }

    /// The latest date by which a value measured on `last` must be followed
    /// by a new one: one period of the frequency plus half a period of grace.
    pub fn next_due(&self, last: Date) -> Option<Date> {
        match self.frequency.as_str() {
            "weekly" => last.add_days(7 + 3),
            "quarterly" => last.add_months(3)?.add_days(45),
            "yearly" => last.add_months(12)?.add_months(6),
            _ => last.add_months(1)?.add_days(15),
        }
    }

    /// The achievement of the planned value on `date` (see [`PlannedPath`]):
    /// without yearly targets the share of the time from the baseline date
    /// to the target date that has passed (0 without those dates, 100 from
    /// the target date on).
    pub fn expected(&self, date: Date) -> f64 {
        if let Some(a) = self.planned(date).and_then(|v| self.achievement(v)) {
            return a;
        }
        match (self.baseline_date, self.by) {
            (Some(from), Some(to)) if from < to => {
                let share = from.days_until(date) as f64 / from.days_until(to) as f64;
                (share * 100.0).clamp(0.0, 100.0)
            }
            (_, Some(to)) if date >= to => 100.0,
            _ => 0.0,
        }
    }

    /// The state of the indicator on `as_of`, from its measurements (any
    /// order; those after `as_of` are ignored).
    pub fn progress(&self, measurements: &[Measurement], as_of: Date) -> Progress {
        let mut seen: Vec<&Measurement> = measurements
            .iter()
            .filter(|m| m.indicator == self.id && m.date.is_some_and(|d| d <= as_of))
            .collect();
        seen.sort_by_key(|m| m.date);
        let latest = seen.last().copied();
        let previous = seen.len().checked_sub(2).and_then(|i| seen.get(i)).copied();
        let latest_value = latest.map(|m| m.value);
        let latest_date = latest.and_then(|m| m.date);
        let achievement = latest_value.and_then(|v| self.achievement(v));
        let trend = match (latest, previous, self.direction()) {
            (Some(l), Some(p), Some(d)) => Some(trend(d, l.value, p.value)),
            _ => None,
        };
        let expected = latest_date.map(|d| self.expected(d));
        let planned = latest_date.and_then(|d| self.planned(d));
        let due = latest_date.and_then(|d| self.next_due(d));
        let state = match (latest_date, achievement) {
            (None, _) => PlanState::NoData,
            (Some(_), _) if due.is_some_and(|d| as_of > d) => PlanState::Stale,
            (Some(_), None) => PlanState::NoPlan,
            (Some(_), Some(a)) if a >= 100.0 - 1e-9 => PlanState::Reached,
            (Some(_), Some(_))
                if planned.zip(latest_value).is_none_or(|(p, v)| self.at_or_better(v, p)) =>
            {
                PlanState::OnTrack
            }
            (Some(_), Some(_)) => PlanState::Behind,
        };
        Progress {
            latest: latest_value,
            latest_date,
            previous: previous.map(|m| m.value),
            achievement,
            trend,
            expected,
            planned,
            state,
            due,
        }
    }

    /// The indicator's own rules (the plan's completeness is checked across
    /// records, since it depends on the project's phase).
    pub fn rules(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        if let (Some(b), Some(t)) = (self.baseline, self.target)
            && b == t
        {
            out.push(
                Finding::error(
                    "target-equals-baseline",
                    Some("target"),
                    tr!(
                        "målverdien er lik nullpunktet, så fremdriften kan ikke regnes ut",
                        "the target equals the baseline, so progress cannot be worked out"
                    ),
                )
                .hint(tr!(
                    "sett en målverdi som er bedre enn nullpunktet",
                    "set a target that is better than the baseline"
                )),
            );
        }
        if let (Some(from), Some(to)) = (self.baseline_date, self.by)
            && from >= to
        {
            out.push(Finding::error(
                "target-before-baseline",
                Some("by"),
                tr!(
                    "måletidspunktet {to} er ikke etter nullpunktets dato {from}",
                    "the target date {to} is not after the baseline date {from}"
                ),
            ));
        }
        out.extend(self.yearly_rules());
        out
    }

    /// The rules of `[[yearly_target]]`: each year within the plan's years
    /// and given once, and the last one in line with the target.
    fn yearly_rules(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        let field = Some("yearly_target");
        let mut seen: Vec<(i64, usize)> = Vec::new();
        for (n, y) in (1..).zip(&self.yearly_targets) {
            let year = y.year;
            if let Some(&(_, first)) = seen.iter().find(|(seen, _)| *seen == year) {
                out.push(
                    Finding::error(
                        "yearly-target-duplicate",
                        field,
                        tr!(
                            "året {year} har to årlige mål (nr. {first} og nr. {n})",
                            "the year {year} has two yearly targets (no. {first} and no. {n})"
                        ),
                    )
                    .at_key(&n.to_string())
                    .hint(tr!("fjern det ene", "remove one of them")),
                );
                continue;
            }
            seen.push((year, n));
            if !self.year_in_plan(year) {
                let from = self.baseline_date.map_or("…".to_string(), |d| d.year().to_string());
                let to = self.by.map_or("…".to_string(), |d| d.year().to_string());
                out.push(
                    Finding::error(
                        "yearly-target-year",
                        field,
                        tr!(
                            "det årlige målet for {year} er utenfor planens år {from}–{to} (fra nullpunktets dato til måletidspunktet)",
                            "the yearly target for {year} is outside the plan's years {from}–{to} (from the baseline date to the target date)"
                        ),
                    )
                    .at_key(&n.to_string())
                    .needs(&["baseline_date", "by"]),
                );
            }
        }
        let last = (1..)
            .zip(&self.yearly_targets)
            .filter(|(_, y)| self.year_in_plan(y.year))
            .max_by_key(|(n, y)| (y.year, -(*n as i64)));
        if let (Some((n, last)), Some(target), Some(dir)) = (last, self.target, self.direction()) {
            let (year, value) = (last.year, last.target);
            let (shown, target_shown) =
                (super::number::format(value), super::number::format(target));
            let beyond = match dir {
                Direction::Higher => value > target + 1e-9,
                Direction::Lower => value < target - 1e-9,
            };
            let deadline_year = self.by.is_some_and(|by| i64::from(by.year()) == year);
            let message = if deadline_year && (value - target).abs() > 1e-9 {
                Some(tr!(
                    "det årlige målet for {year} ({shown}) er ikke målverdien ({target_shown}), enda måletidspunktet er i {year}",
                    "the yearly target for {year} ({shown}) is not the target ({target_shown}), though the target date is in {year}"
                ))
            } else if beyond {
                Some(tr!(
                    "det årlige målet for {year} ({shown}) går lenger enn målverdien ({target_shown})",
                    "the yearly target for {year} ({shown}) goes beyond the target ({target_shown})"
                ))
            } else {
                None
            };
            if let Some(message) = message {
                out.push(
                    Finding::warning("yearly-target-last", field, message)
                        .at_key(&n.to_string())
                        .needs(&["target"])
                        .hint(tr!(
                            "la det siste årlige målet være målverdien, eller endre målverdien",
                            "make the last yearly target the target, or change the target"
                        )),
                );
            }
        }
        out
    }
}

/// Higher or lower is better, from baseline and target.
pub fn direction(baseline: f64, target: f64) -> Option<Direction> {
    if target > baseline {
        Some(Direction::Higher)
    } else if target < baseline {
        Some(Direction::Lower)
    } else {
        None
    }
}

/// (value − baseline) ÷ (target − baseline) × 100; `None` when target equals baseline.
pub fn achievement(baseline: f64, target: f64, value: f64) -> Option<f64> {
    let span = target - baseline;
    (span != 0.0 && span.is_finite()).then(|| (value - baseline) / span * 100.0)
}

/// Better, worse or flat, from the previous value to the latest.
pub fn trend(direction: Direction, latest: f64, previous: f64) -> Trend {
    let delta = latest - previous;
    if delta.abs() < 1e-9 {
        Trend::Flat
    } else if (delta > 0.0) == (direction == Direction::Higher) {
        Trend::Better
    } else {
        Trend::Worse
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse(s).unwrap()
    }

    fn ind(baseline: f64, target: f64, frequency: &str) -> Indicator {
        Indicator {
            id: "i".into(),
            name: "I".into(),
            benefit: "b".into(),
            unit: "min".into(),
            baseline: Some(baseline),
            baseline_date: Some(d("2026-01-01")),
            target: Some(target),
            by: Some(d("2027-01-01")),
            frequency: frequency.into(),
            explicit_frequency: true,
            responsible: None,
            source: None,
            yearly_targets: Vec::new(),
        }
    }

    fn yearly(mut i: Indicator, rows: &[(i64, f64)]) -> Indicator {
        i.yearly_targets =
            rows.iter().map(|&(year, target)| YearlyTarget { year, target }).collect();
        i
    }

    fn codes(i: &Indicator) -> Vec<&'static str> {
        i.rules().iter().map(|f| f.code).collect()
    }

    fn m(date: &str, value: f64) -> Measurement {
        Measurement {
            id: format!("i/{date}"),
            indicator: "i".into(),
            date: Some(d(date)),
            value,
            note: None,
            by: None,
        }
    }

    #[test]
    fn achievement_both_directions() {
        assert_eq!(direction(10.0, 20.0), Some(Direction::Higher));
        assert_eq!(direction(60.0, 30.0), Some(Direction::Lower));
        assert_eq!(direction(5.0, 5.0), None);
        assert_eq!(achievement(10.0, 20.0, 15.0), Some(50.0));
        assert_eq!(achievement(10.0, 20.0, 25.0), Some(150.0));
        assert_eq!(achievement(10.0, 20.0, 5.0), Some(-50.0));
        // Lower is better: waiting time from 60 to 30 minutes.
        assert_eq!(achievement(60.0, 30.0, 45.0), Some(50.0));
        assert_eq!(achievement(60.0, 30.0, 30.0), Some(100.0));
        assert_eq!(achievement(60.0, 30.0, 70.0).map(f64::round), Some(-33.0));
        assert_eq!(achievement(5.0, 5.0, 7.0), None);
    }

    #[test]
    fn trend_follows_the_direction() {
        assert_eq!(trend(Direction::Higher, 12.0, 10.0), Trend::Better);
        assert_eq!(trend(Direction::Higher, 9.0, 10.0), Trend::Worse);
        assert_eq!(trend(Direction::Lower, 40.0, 45.0), Trend::Better);
        assert_eq!(trend(Direction::Lower, 50.0, 45.0), Trend::Worse);
        assert_eq!(trend(Direction::Lower, 45.0, 45.0), Trend::Flat);
    }

    #[test]
    fn states_higher_is_better() {
        let i = ind(10.0, 20.0, "monthly");
        let as_of = d("2026-07-10");
        assert_eq!(i.progress(&[], as_of).state, PlanState::NoData);
        // Half the year gone on 2026-07-02, half the way there: on track.
        let p = i.progress(&[m("2026-06-01", 12.0), m("2026-07-02", 15.5)], as_of);
        assert_eq!(p.state, PlanState::OnTrack);
        assert_eq!(p.trend, Some(Trend::Better));
        assert!((p.achievement.unwrap() - 55.0).abs() < 1e-9);
        // Only a fifth of the way at mid-year: behind.
        let p = i.progress(&[m("2026-07-02", 12.0)], as_of);
        assert_eq!(p.state, PlanState::Behind);
        assert_eq!(i.progress(&[m("2026-07-02", 20.0)], as_of).state, PlanState::Reached);
        // A later value does not count before its date.
        assert_eq!(i.progress(&[m("2026-08-01", 20.0)], as_of).state, PlanState::NoData);
    }

    #[test]
    fn states_lower_is_better() {
        let i = ind(60.0, 30.0, "monthly");
        let as_of = d("2026-07-10");
        let p = i.progress(&[m("2026-06-01", 50.0), m("2026-07-02", 42.0)], as_of);
        assert!((p.achievement.unwrap() - 60.0).abs() < 1e-9);
        assert_eq!(p.trend, Some(Trend::Better));
        assert_eq!(p.state, PlanState::OnTrack);
        let p = i.progress(&[m("2026-06-01", 42.0), m("2026-07-02", 55.0)], as_of);
        assert_eq!(p.trend, Some(Trend::Worse));
        assert_eq!(p.state, PlanState::Behind);
        assert_eq!(i.progress(&[m("2026-07-02", 29.0)], as_of).state, PlanState::Reached);
    }

    #[test]
    fn stale_after_one_period_and_a_half() {
        let monthly = ind(10.0, 20.0, "monthly");
        let ms = [m("2026-03-01", 20.0)];
        assert_eq!(monthly.progress(&ms, d("2026-04-16")).state, PlanState::Reached);
        assert_eq!(monthly.progress(&ms, d("2026-04-17")).state, PlanState::Stale);
        let weekly = ind(10.0, 20.0, "weekly");
        assert_eq!(weekly.progress(&ms, d("2026-03-11")).state, PlanState::Reached);
        assert_eq!(weekly.progress(&ms, d("2026-03-12")).state, PlanState::Stale);
        let quarterly = ind(10.0, 20.0, "quarterly");
        assert_eq!(quarterly.progress(&ms, d("2026-07-16")).state, PlanState::Reached);
        assert_eq!(quarterly.progress(&ms, d("2026-07-17")).state, PlanState::Stale);
        let yearly = ind(10.0, 20.0, "yearly");
        assert_eq!(yearly.progress(&ms, d("2027-09-01")).state, PlanState::Reached);
        assert_eq!(yearly.progress(&ms, d("2027-09-02")).state, PlanState::Stale);
    }

    #[test]
    fn expected_progress_is_linear() {
        let i = ind(10.0, 20.0, "monthly");
        assert_eq!(i.expected(d("2025-12-01")), 0.0);
        assert_eq!(i.expected(d("2026-01-01")), 0.0);
        assert!((i.expected(d("2026-07-02")) - 50.0).abs() < 0.2);
        assert_eq!(i.expected(d("2027-03-01")), 100.0);
    }

    #[test]
    fn the_path_is_a_straight_line_to_the_deadline() {
        // 2026-01-01 to 2027-01-01, from 10 to 20.
        let i = ind(10.0, 20.0, "monthly");
        assert_eq!(i.planned(d("2025-06-01")), Some(10.0));
        assert_eq!(i.planned(d("2026-01-01")), Some(10.0));
        let mid = i.planned(d("2026-07-02")).unwrap();
        assert!((mid - 15.0).abs() < 0.02, "{mid}");
        assert_eq!(i.planned(d("2027-01-01")), Some(20.0));
        assert_eq!(i.planned(d("2028-01-01")), Some(20.0));
        // Falling: 60 to 30.
        let f = ind(60.0, 30.0, "monthly");
        assert!((f.planned(d("2026-07-02")).unwrap() - 45.0).abs() < 0.1);
        // No plan without a baseline or with the target equal to it.
        let mut none = ind(10.0, 10.0, "monthly");
        assert_eq!(none.planned(d("2026-07-02")), None);
        none.baseline = None;
        assert_eq!(none.planned(d("2026-07-02")), None);
        // Without a baseline date the baseline holds until the deadline.
        let mut undated = ind(10.0, 20.0, "monthly");
        undated.baseline_date = None;
        assert_eq!(undated.planned(d("2026-12-31")), Some(10.0));
        assert_eq!(undated.planned(d("2027-01-01")), Some(20.0));
    }

    #[test]
    fn on_or_behind_the_path_before_and_after() {
        let i = ind(10.0, 20.0, "monthly");
        let as_of = d("2026-12-20");
        // On 2026-04-01 the path is at about 12.5; on 2026-10-01 at about 17.5.
        let p = i.progress(&[m("2026-04-01", 13.0)], d("2026-04-10"));
        assert_eq!(p.state, PlanState::OnTrack);
        assert!((p.planned.unwrap() - 12.47).abs() < 0.01, "{:?}", p.planned);
        let p = i.progress(&[m("2026-12-01", 13.0)], as_of);
        assert_eq!(p.state, PlanState::Behind);
        // Exactly on the path is on plan.
        let on = i.planned(d("2026-12-01")).unwrap();
        assert_eq!(i.progress(&[m("2026-12-01", on)], as_of).state, PlanState::OnTrack);
        // Falling: lower is better.
        let f = ind(60.0, 30.0, "monthly");
        assert_eq!(f.progress(&[m("2026-04-01", 52.0)], d("2026-04-10")).state, PlanState::OnTrack);
        assert_eq!(f.progress(&[m("2026-12-01", 40.0)], as_of).state, PlanState::Behind);
        assert_eq!(f.progress(&[m("2026-12-01", 31.0)], as_of).state, PlanState::OnTrack);
    }

    #[test]
    fn yearly_targets_are_steps_at_each_years_end() {
        // 2025-10-01 to 2027-06-30, 14 → 5, with 10 by the end of 2025... of 2026.
        let mut i = ind(14.0, 5.0, "monthly");
        i.baseline_date = Some(d("2025-10-01"));
        i.by = Some(d("2027-06-30"));
        let i = yearly(i, &[(2026, 8.0), (2025, 12.0), (2027, 5.0)]);
        assert_eq!(i.planned(d("2025-12-30")), Some(14.0));
        assert_eq!(i.planned(d("2025-12-31")), Some(12.0));
        assert_eq!(i.planned(d("2026-06-01")), Some(12.0));
        assert_eq!(i.planned(d("2026-12-31")), Some(8.0));
        assert_eq!(i.planned(d("2027-06-29")), Some(8.0));
        assert_eq!(i.planned(d("2027-06-30")), Some(5.0));
        // 11 in June 2026 beats 12; 9 in January 2027 does not reach 8.
        let p = i.progress(&[m("2026-06-01", 11.0)], d("2026-06-10"));
        assert_eq!((p.state, p.planned), (PlanState::OnTrack, Some(12.0)));
        let p = i.progress(&[m("2027-01-10", 9.0)], d("2027-01-20"));
        assert_eq!((p.state, p.planned), (PlanState::Behind, Some(8.0)));
        let path = i.path().unwrap();
        assert_eq!(
            path.corners(d("2025-10-01"), d("2027-06-30")),
            vec![
                (d("2025-10-01"), 14.0),
                (d("2025-12-31"), 14.0),
                (d("2025-12-31"), 12.0),
                (d("2026-12-31"), 12.0),
                (d("2026-12-31"), 8.0),
                (d("2027-06-30"), 8.0),
                (d("2027-06-30"), 5.0),
            ]
        );
        // A straight path bends at its two ends only.
        let line = ind(10.0, 20.0, "monthly").path().unwrap();
        assert_eq!(
            line.corners(d("2025-12-01"), d("2027-02-01")),
            vec![
                (d("2025-12-01"), 10.0),
                (d("2026-01-01"), 10.0),
                (d("2027-01-01"), 20.0),
                (d("2027-02-01"), 20.0)
            ]
        );
        assert!(codes(&i).is_empty(), "{:?}", codes(&i));
    }

    #[test]
    fn yearly_targets_rules() {
        let i = yearly(ind(10.0, 20.0, "monthly"), &[(2025, 12.0), (2026, 20.0)]);
        assert_eq!(codes(&i), ["yearly-target-year"]);
        let i = yearly(ind(10.0, 20.0, "monthly"), &[(2026, 15.0), (2028, 20.0)]);
        // The last within the plan's years (2026) is the one compared with the target.
        assert_eq!(codes(&i), ["yearly-target-year"]);
        let i = yearly(ind(10.0, 20.0, "monthly"), &[(2026, 15.0), (2026, 16.0), (2027, 20.0)]);
        assert_eq!(codes(&i), ["yearly-target-duplicate"]);
        let f = i.rules();
        assert_eq!(f[0].key.as_deref(), Some("2"));
        // The deadline's year must give the target; an earlier year must not pass it.
        let i = yearly(ind(10.0, 20.0, "monthly"), &[(2026, 15.0), (2027, 18.0)]);
        assert_eq!(codes(&i), ["yearly-target-last"]);
        assert_eq!(i.rules()[0].severity, super::super::schema::Severity::Warning);
        let i = yearly(ind(60.0, 30.0, "monthly"), &[(2026, 25.0)]);
        assert_eq!(codes(&i), ["yearly-target-last"]);
        let i = yearly(ind(60.0, 30.0, "monthly"), &[(2026, 40.0)]);
        assert!(codes(&i).is_empty());
    }
}
