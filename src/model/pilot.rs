//! The pilot (`pilotering`): one plan, `pilot/plan.toml`, with the ten
//! planning points of the roadmap and one responsible role, and the findings
//! logged while the pilot runs (`pilot-findings/<date>-<slug>.toml`).

use serde::Serialize;

use super::date::Date;
use super::schema::{About, Col, Dated, Example, Field, FieldType, Finding, KindSpec, Order};
use super::value::Fields;
use crate::tr;

/// The id of the one pilot plan.
pub const PLAN_ID: &str = "plan";

/// The ten planning points: (key, Bokmål label, English label). `duration`
/// is also met by both `start` and `end`.
pub const POINTS: &[(&str, &str, &str)] = &[
    ("goals", "mål og læring", "goals and learning"),
    ("scope", "omfang", "scope"),
    ("duration", "varighet", "duration"),
    ("participants", "deltakere og rekruttering", "participants and recruitment"),
    ("information", "informasjon", "information"),
    ("training", "opplæring", "training"),
    ("error_handling", "feilhåndtering", "error handling"),
    ("measurement", "måling", "measurement"),
    ("observation", "observasjon", "observation"),
    ("documentation", "dokumentasjon", "documentation"),
];

pub static SPEC: KindSpec = KindSpec {
    dir: "pilot",
    noun: "pilot plan",
    command: "pilot",
    noun_nb: "piloteringsplan",
    plural: "pilot plans",
    plural_nb: "piloteringsplaner",
    fields: &[
        Field::opt("goals", FieldType::Text, "What the pilot should show and what to learn.")
            .label("Mål og læring", "Goals and learning")
            .nb("Hva piloten skal vise og hva dere vil lære"),
        Field::opt(
            "scope",
            FieldType::Text,
            "Which touchpoints, processes and routines are piloted.",
        )
        .label("Omfang", "Scope")
        .nb("Hvilke kontaktpunkter, prosesser og rutiner som prøves ut"),
        Field::opt("duration", FieldType::Line, "How long it runs, in words (or start and end).")
            .label("Varighet", "Duration")
            .nb("Hvor lenge den varer, med ord (eller start og slutt)"),
        Field::opt("start", FieldType::Date, "First day of the pilot.")
            .label("Start", "Start")
            .nb("Første dag av piloten"),
        Field::opt("end", FieldType::Date, "Last day of the pilot.")
            .label("Slutt", "End")
            .nb("Siste dag av piloten"),
        Field::opt("participants", FieldType::Text, "Who takes part and how they are recruited.")
            .label("Deltakere og rekruttering", "Participants and recruitment")
            .nb("Hvem som deltar og hvordan de rekrutteres"),
        Field::opt("information", FieldType::Text, "How users and staff are informed.")
            .label("Informasjon", "Information")
            .nb("Hvordan brukere og ansatte informeres"),
        Field::opt("training", FieldType::Text, "How staff are trained before the start.")
            .label("Opplæring", "Training")
            .nb("Hvordan de ansatte læres opp før start"),
        Field::opt("error_handling", FieldType::Text, "What happens when something goes wrong.")
            .label("Feilhåndtering", "Error handling")
            .nb("Hva som skjer når noe går galt"),
        Field::opt("measurement", FieldType::Text, "What is measured, and how.")
            .label("Måling", "Measurement")
            .nb("Hva som måles, og hvordan"),
        Field::opt("observation", FieldType::Text, "Who observes what, and when.")
            .label("Observasjon", "Observation")
            .nb("Hvem som observerer hva, og når"),
        Field::opt("documentation", FieldType::Text, "How findings are written down.")
            .label("Dokumentasjon", "Documentation")
            .nb("Hvordan funnene skrives ned"),
        Field::opt(
            "responsible",
            FieldType::Ref("roles"),
            "The one role responsible for the pilot.",
        )
        .label("Ansvarlig", "Responsible")
        .nb("Den ene rollen som har ansvaret for piloten"),
    ],
    ..KindSpec::BASE
};

pub static FINDING_SPEC: KindSpec = KindSpec {
    dir: "pilot-findings",
    noun: "pilot finding",
    command: "pilot finding",
    noun_nb: "funn fra piloten",
    plural: "pilot findings",
    plural_nb: "funn fra piloten",
    neuter: true,
    fields: &[
        Field::req("text", FieldType::Text, "What was found.")
            .label("Funn", "Finding")
            .nb("Hva dere fant"),
        Field::req("date", FieldType::Date, "When.").label("Dato", "Date").nb("Når").today(),
    ],
    title: Some("text"),
    dated_id: Some("date"),
    dated: Dated::Field("date"),
    columns: &[Col("date", "DATO", "DATE"), Col("text", "FUNN", "FINDING"), Col("id", "ID", "ID")],
    order: &[Order::Asc("date")],
    example: Example {
        add: "pilot finding add \"Tre pasienter fikk ikke SMS på natt\" --date 2027-01-14",
        id: "2027-01-14",
        set: "--text \"Fire pasienter fikk ikke SMS på natt\"",
    },
    about: About {
        nb: "Funn fra piloten mens den pågår",
        en: "Findings from the running pilot",
        long_nb: "Hvert funn er sin egen fil, pilot-findings/<dato>-<ord>.toml.",
        long_en: "Each finding is its own file, pilot-findings/<date>-<words>.toml.",
    },
    ..KindSpec::BASE
};

#[derive(Debug, Clone, Serialize)]
pub struct PilotPlan {
    pub id: String,
    pub goals: Option<String>,
    pub scope: Option<String>,
    pub duration: Option<String>,
    pub start: Option<Date>,
    pub end: Option<Date>,
    pub participants: Option<String>,
    pub information: Option<String>,
    pub training: Option<String>,
    pub error_handling: Option<String>,
    pub measurement: Option<String>,
    pub observation: Option<String>,
    pub documentation: Option<String>,
    pub responsible: Option<String>,
    /// Planning points (and `responsible`) not filled in yet.
    pub missing: Vec<&'static str>,
}

impl PilotPlan {
    pub fn from_fields(f: &Fields) -> PilotPlan {
        let text = |k: &str| f.opt_string(k).filter(|s| !s.trim().is_empty());
        let mut plan = PilotPlan {
            id: f.id.clone(),
            goals: text("goals"),
            scope: text("scope"),
            duration: text("duration"),
            start: f.date("start"),
            end: f.date("end"),
            participants: text("participants"),
            information: text("information"),
            training: text("training"),
            error_handling: text("error_handling"),
            measurement: text("measurement"),
            observation: text("observation"),
            documentation: text("documentation"),
            responsible: f.opt_string("responsible"),
            missing: Vec::new(),
        };
        plan.missing = POINTS
            .iter()
            .map(|(k, _, _)| *k)
            .filter(|k| plan.point(k).is_none())
            .chain(plan.responsible.is_none().then_some("responsible"))
            .collect();
        plan
    }

    /// The text of a planning point, if it is filled in.
    pub fn point(&self, key: &str) -> Option<String> {
        let o = |v: &Option<String>| v.clone();
        match key {
            "goals" => o(&self.goals),
            "scope" => o(&self.scope),
            "duration" => self.duration.clone().or_else(|| match (self.start, self.end) {
                (Some(s), Some(e)) => Some(format!("{s} – {e}")),
                _ => None,
            }),
            "participants" => o(&self.participants),
            "information" => o(&self.information),
            "training" => o(&self.training),
            "error_handling" => o(&self.error_handling),
            "measurement" => o(&self.measurement),
            "observation" => o(&self.observation),
            "documentation" => o(&self.documentation),
            _ => None,
        }
    }

    pub fn rules(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        if self.id != PLAN_ID {
            out.push(
                Finding::error(
                    "misplaced",
                    None,
                    tr!(
                        "piloteringsplanen skal ligge i pilot/plan.toml",
                        "the pilot plan belongs in pilot/plan.toml"
                    ),
                )
                .hint(tr!(
                    "et prosjekt har én plan; flytt innholdet til pilot/plan.toml",
                    "a project has one plan; move this into pilot/plan.toml"
                )),
            );
        }
        out.extend(Finding::date_order(("end", self.end), (&["start"], self.start), |e, s| {
            tr!(
                "piloten slutter ({e}) før den starter ({s})",
                "the pilot ends ({e}) before it starts ({s})"
            )
        }));
        out
    }
}

/// The label of a planning point (or `responsible`) in the current language.
pub fn point_label(key: &str) -> &'static str {
    if key == "responsible" {
        return crate::i18n::pick("ansvarlig", "responsible");
    }
    POINTS.iter().find(|(k, _, _)| *k == key).map_or("?", |(_, nb, en)| crate::i18n::pick(*nb, *en))
}

#[derive(Debug, Clone, Serialize)]
pub struct PilotFinding {
    pub id: String,
    pub text: String,
    pub date: Option<Date>,
}

impl PilotFinding {
    pub fn from_fields(f: &Fields) -> PilotFinding {
        PilotFinding { id: f.id.clone(), text: f.string("text"), date: f.date("date") }
    }
}
