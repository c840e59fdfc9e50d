//! Goals of the project (`forankring` step 1): what the team wants to
//! achieve, and how it will know.

use serde::Serialize;

use super::date::Date;
use super::schema::{About, Col, Dated, Example, Field, FieldType, Identity, KindSpec, Order};
use super::value::Fields;

pub static SPEC: KindSpec = KindSpec {
    dir: "goals",
    noun: "goal",
    command: "goal",
    noun_nb: "mål",
    plural: "goals",
    plural_nb: "mål",
    neuter: true,
    fields: &[
        Field::req("text", FieldType::Line, "The goal, in one sentence.")
            .label("Mål", "Goal")
            .nb("Målet, i én setning"),
        Field::opt("measure", FieldType::Text, "How the team will know the goal is reached.")
            .label("Måles ved", "Measure")
            .nb("Hvordan dere vet at målet er nådd"),
        Field::req("created", FieldType::Date, "When the goal was recorded.")
            .label("Registrert", "Recorded")
            .nb("Datoen målet ble registrert")
            .flag("date")
            .today(),
    ],
    title: Some("text"),
    identity: Identity::Named { scope: None },
    dated: Dated::Field("created"),
    columns: &[
        Col("id", "ID", "ID"),
        Col("text", "MÅL", "GOAL"),
        Col("measure", "MÅLES VED", "MEASURE"),
    ],
    order: &[Order::Asc("created")],
    example: Example {
        add: "goal add \"Kortere ventetid på telefon\" --measure \"Median svartid under 2 minutter\"",
        id: "kortere",
        set: "--measure \"Median svartid under 90 sekunder\"",
    },
    about: About {
        nb: "Prosjektets mål og hvordan hvert av dem skal måles",
        en: "The project's goals and how each will be measured",
        long_nb: "",
        long_en: "",
    },
    ..KindSpec::BASE
};

#[derive(Debug, Clone, Serialize)]
pub struct Goal {
    pub id: String,
    pub text: String,
    pub measure: Option<String>,
    pub created: Option<Date>,
}

impl Goal {
    pub fn from_fields(f: &Fields) -> Goal {
        Goal {
            id: f.id.clone(),
            text: f.string("text"),
            measure: f.opt_string("measure"),
            created: f.date("created"),
        }
    }
}
