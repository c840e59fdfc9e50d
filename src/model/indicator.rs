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
         hele planen med fremdriften til hver indikator.",
        long_en: "`veikart benefit plan` makes an indicator and plans it; these verbs list,\n\
         show, change and remove them. `veikart benefit list` shows the whole plan\n\
         with each indicator's progress.",
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

    /// The achievement expected on `date` if progress were even from the
    /// baseline date to the target date (0 without those dates, 100 after the
    /// target date).
    pub fn expected(&self, date: Date) -> f64 {
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
        let due = latest_date.and_then(|d| self.next_due(d));
        let state = match (latest_date, achievement) {
            (None, _) => PlanState::NoData,
            (Some(_), _) if due.is_some_and(|d| as_of > d) => PlanState::Stale,
            (Some(_), None) => PlanState::NoPlan,
            (Some(_), Some(a)) if a >= 100.0 - 1e-9 => PlanState::Reached,
            (Some(_), Some(a)) if a + 1e-9 >= expected.unwrap_or(0.0) => PlanState::OnTrack,
            (Some(_), Some(_)) => PlanState::Behind,
        };
        Progress {
            latest: latest_value,
            latest_date,
            previous: previous.map(|m| m.value),
            achievement,
            trend,
            expected,
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
        }
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
}
