//! The project file `veikart.toml`: what the project is and where it stands.

use serde::Serialize;

use super::schema::{EnumSpec, Field, FieldType, Finding, KindSpec, Variant};
use super::value::Fields;
use crate::tr;

pub static LANG: EnumSpec = EnumSpec {
    name: "lang",
    variants: &[
        Variant {
            key: "nb",
            nb: "bokmål",
            en: "Norwegian Bokmål",
            aliases: &["no", "bokmal", "norsk"],
        },
        Variant { key: "en", nb: "engelsk", en: "English", aliases: &["english"] },
    ],
};

pub static SPEC: KindSpec = KindSpec {
    dir: "",
    noun: "project",
    command: "init",
    noun_nb: "prosjekt",
    plural: "projects",
    plural_nb: "prosjekter",
    neuter: true,
    fields: &[
        Field::req("name", FieldType::Line, "The project's name.")
            .label("Prosjekt", "Project")
            .nb("Navnet på prosjektet"),
        Field::opt("municipality", FieldType::Line, "The municipality (or region) that runs it.")
            .label("Kommune", "Municipality")
            .nb("Kommunen (eller regionen) som eier prosjektet"),
        Field::opt("service", FieldType::Line, "The service being renewed.")
            .label("Tjeneste", "Service")
            .nb("Tjenesten som skal fornyes"),
        Field::opt("problem", FieldType::Text, "The problem the project sets out to solve.")
            .label("Problem", "Problem")
            .nb("Problemet prosjektet skal løse"),
        Field::opt(
            "owner",
            FieldType::Ref("roles"),
            "The role that owns the whole service from start to end (tjenesteeier).",
        )
        .label("Tjenesteeier", "Service owner")
        .nb("Rollen som eier hele tjenesten fra start til slutt (tjenesteeier)"),
        Field::opt("lang", FieldType::Enum(&LANG), "Language of the tool's output: nb or en.")
            .label("Språk", "Language")
            .nb("Språket veikart skriver på: nb eller en"),
        Field::req(
            "roadmap",
            FieldType::Line,
            "The roadmap the project follows: ks-2018, samveis-2015, or the id in its own roadmap.toml.",
        )
        .label("Veikart", "Roadmap")
        .nb("Veikartet prosjektet følger: ks-2018, samveis-2015 eller id-en i prosjektets egen roadmap.toml"),
        Field::req("phase", FieldType::Line, "The current phase of the roadmap.")
            .label("Fase", "Phase")
            .nb("Fasen i veikartet prosjektet er i nå"),
        Field::opt("started", FieldType::Date, "When the project was started.")
            .label("Startet", "Started")
            .nb("Når prosjektet ble startet"),
        Field::opt(
            "from_project",
            FieldType::Line,
            "The project folder this project was started from (`idea promote`).",
        )
        .label("Fra prosjekt", "From project")
        .nb("Prosjektmappen dette prosjektet ble startet fra (`idea promote`)"),
        Field::opt("from_idea", FieldType::Line, "The idea in that project it grew out of.")
            .label("Fra idé", "From idea")
            .nb("Idéen i det prosjektet som det vokste ut av"),
        Field::opt("source", FieldType::Enum(&super::idea::SOURCE), "Who that idea came from.")
            .label("Kilde", "Source")
            .nb("Hvem den idéen kom fra"),
        Field::opt(
            "max_indicators",
            FieldType::Int { min: 1, max: 1000 },
            "How many indicators the benefit plan may have before `check` warns (default 8; few and simple ones are followed best).",
        )
        .label("Største antall indikatorer", "Most indicators")
        .nb("Hvor mange måleindikatorer gevinstplanen kan ha før `check` advarer (standard 8; få og enkle blir fulgt best opp)"),
        Field::opt(
            "hourly_cost",
            FieldType::Money,
            "NOK per hour, to value freed time (hours_per_year of a benefit); default 700.",
        )
        .label("Timekostnad", "Hourly cost")
        .nb("Kroner per time, for å verdsette frigjort tid (hours_per_year på en gevinst); standard 700"),
        Field::opt(
            "discount_rate",
            FieldType::Number,
            "The real discount rate for present values, in percent a year; default 4.",
        )
        .label("Kalkulasjonsrente", "Discount rate")
        .nb("Den reelle kalkulasjonsrenten for nåverdier, i prosent per år; standard 4"),
    ],
    // The name is held to the rules of a title, as `init --name` holds it.
    title: Some("name"),
    ..KindSpec::BASE
};

/// The project file's contents.
#[derive(Debug, Clone, Serialize)]
pub struct ProjectInfo {
    pub name: String,
    pub municipality: Option<String>,
    pub service: Option<String>,
    pub problem: Option<String>,
    pub owner: Option<String>,
    pub lang: Option<String>,
    pub roadmap: String,
    pub phase: String,
    pub started: Option<super::date::Date>,
    pub from_project: Option<String>,
    pub from_idea: Option<String>,
    pub source: Option<String>,
    /// The roadmap's phase ids in order, filled in by the store once it has
    /// read the roadmap (empty when it could not).
    #[serde(skip)]
    pub phases: Vec<String>,
    /// The limit above which `check` warns of too many indicators.
    pub max_indicators: Option<i64>,
    /// NOK per hour for freed time.
    pub hourly_cost: Option<f64>,
    /// The real discount rate, in percent.
    pub discount_rate: Option<f64>,
}

/// NOK per hour for freed time, unless `hourly_cost` in `veikart.toml` says
/// otherwise: roughly what an hour of a municipal employee costs with social
/// costs included.
pub const DEFAULT_HOURLY_COST: f64 = 700.0;

/// The real discount rate (percent a year) for present values, unless
/// `discount_rate` in `veikart.toml` says otherwise: 4 %, as the national
/// guidance for cost-benefit analysis recommends for the first 40 years.
pub const DEFAULT_DISCOUNT_RATE: f64 = 4.0;

/// How many indicators a benefit plan may have before `check` warns, unless
/// `max_indicators` in `veikart.toml` says otherwise.
pub const DEFAULT_MAX_INDICATORS: usize = 8;

impl ProjectInfo {
    pub fn from_fields(f: &Fields) -> ProjectInfo {
        ProjectInfo {
            name: f.string("name"),
            municipality: f.opt_string("municipality"),
            service: f.opt_string("service"),
            problem: f.opt_string("problem"),
            owner: f.opt_string("owner"),
            lang: f.opt_string("lang"),
            roadmap: f.str("roadmap").unwrap_or("ks-2018").to_string(),
            phase: f.string("phase"),
            started: f.date("started"),
            from_project: f.opt_string("from_project"),
            from_idea: f.opt_string("from_idea"),
            source: f.opt_string("source"),
            phases: Vec::new(),
            max_indicators: f.int("max_indicators"),
            hourly_cost: f.number("hourly_cost"),
            discount_rate: f.number("discount_rate"),
        }
    }

    /// Whether the project has reached `phase` (by the roadmap's order).
    pub fn reached(&self, phase: &str) -> bool {
        let pos = |id: &str| self.phases.iter().position(|p| p == id);
        match (pos(&self.phase), pos(phase)) {
            (Some(now), Some(then)) => now >= then,
            _ => false,
        }
    }

    /// The current phase's place (1-based) in the roadmap, and the number of phases.
    pub fn phase_position(&self) -> (usize, usize) {
        let now = self.phases.iter().position(|p| *p == self.phase).map_or(0, |i| i + 1);
        (now, self.phases.len())
    }
}

pub fn rules(p: &ProjectInfo) -> Vec<Finding> {
    if !p.phases.is_empty() && !p.phases.contains(&p.phase) {
        return vec![
            Finding::error(
                "enum",
                Some("phase"),
                tr!(
                    "`{}` er ikke en fase i veikartet {}",
                    "`{}` is not a phase of the roadmap {}",
                    p.phase,
                    p.roadmap
                ),
            )
            .hint(tr!(
                "bytt fase med `veikart phase set FASE --reason TEKST`; fasene er: {}",
                "change the phase with `veikart phase set PHASE --reason TEXT`; the phases are: {}",
                p.phases.join(", ")
            )),
        ];
    }
    let mut out = Vec::new();
    if let Some(r) = p.discount_rate
        && !(0.0..=20.0).contains(&r)
    {
        out.push(Finding::error(
            "out-of-range",
            Some("discount_rate"),
            tr!(
                "kalkulasjonsrenten er i prosent og må være mellom 0 og 20 ({})",
                "the discount rate is in percent and must be between 0 and 20 ({})",
                crate::model::number::format(r)
            ),
        ));
    }
    out
}
