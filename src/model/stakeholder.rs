//! Stakeholders and the plan for anchoring the project with them
//! (`forankring` step 4).

use serde::Serialize;

use super::schema::{EnumSpec, Field, FieldType, KindSpec, Variant};
use super::value::Fields;

pub static LEVEL: EnumSpec = EnumSpec {
    name: "level",
    variants: &[
        Variant { key: "low", nb: "lav", en: "low", aliases: &["liten"] },
        Variant { key: "medium", nb: "middels", en: "medium", aliases: &["mid", "noe"] },
        Variant { key: "high", nb: "høy", en: "high", aliases: &["hoy", "stor"] },
    ],
};

pub static SPEC: KindSpec = KindSpec {
    dir: "stakeholders",
    noun: "stakeholder",
    command: "stakeholder",
    noun_nb: "interessent",
    plural: "stakeholders",
    plural_nb: "interessenter",
    fields: &[
        Field::req("name", FieldType::Line, "The stakeholder: a group, a unit or an organisation."),
        Field::opt("influence", FieldType::Enum(&LEVEL), "How much they can affect the project."),
        Field::opt("interest", FieldType::Enum(&LEVEL), "How much the project affects them."),
        Field::opt("plan", FieldType::Text, "How the project will involve and inform them."),
    ],
    group: None,
};

#[derive(Debug, Clone, Serialize)]
pub struct Stakeholder {
    pub id: String,
    pub name: String,
    pub influence: Option<String>,
    pub interest: Option<String>,
    pub plan: Option<String>,
}

impl Stakeholder {
    pub fn from_fields(f: &Fields) -> Stakeholder {
        Stakeholder {
            id: f.id.clone(),
            name: f.string("name"),
            influence: f.opt_string("influence"),
            interest: f.opt_string("interest"),
            plan: f.opt_string("plan"),
        }
    }
}
