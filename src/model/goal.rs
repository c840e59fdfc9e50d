//! Goals of the project (`forankring` step 1): what the team wants to
//! achieve, and how it will know.

use serde::Serialize;

use super::date::Date;
use super::schema::{Field, FieldType, KindSpec};
use super::value::Fields;

pub static SPEC: KindSpec = KindSpec {
    dir: "goals",
    noun: "goal",
    command: "goal",
    noun_nb: "mål",
    plural: "goals",
    plural_nb: "mål",
    fields: &[
        Field::req("text", FieldType::Line, "The goal, in one sentence."),
        Field::opt("measure", FieldType::Text, "How the team will know the goal is reached."),
        Field::req("created", FieldType::Date, "When the goal was recorded."),
    ],
    group: None,
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
