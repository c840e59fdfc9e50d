//! Stakeholders and the plan for anchoring the project with them
//! (`forankring` step 4).

use serde::Serialize;

use super::schema::{
    About, Col, EnumSpec, Example, Field, FieldType, Identity, KindSpec, Order, Variant,
};
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
        Field::req("name", FieldType::Line, "The stakeholder: a group, a unit or an organisation.")
            .label("Interessent", "Stakeholder")
            .nb("Interessenten: en gruppe, en enhet eller en organisasjon"),
        Field::opt("influence", FieldType::Enum(&LEVEL), "How much they can affect the project.")
            .label("Innflytelse", "Influence")
            .nb("Hvor mye de kan påvirke prosjektet"),
        Field::opt("interest", FieldType::Enum(&LEVEL), "How much the project affects them.")
            .label("Interesse", "Interest")
            .nb("Hvor mye prosjektet angår dem"),
        Field::opt("plan", FieldType::Text, "How the project will involve and inform them.")
            .label("Plan", "Plan")
            .nb("Hvordan prosjektet skal involvere og informere dem"),
    ],
    title: Some("name"),
    identity: Identity::Named { scope: None },
    columns: &[
        Col("id", "ID", "ID"),
        Col("name", "INTERESSENT", "STAKEHOLDER"),
        Col("influence", "INNFLYTELSE", "INFLUENCE"),
        Col("interest", "INTERESSE", "INTEREST"),
        Col("plan", "PLAN", "PLAN"),
    ],
    order: &[Order::Desc("influence"), Order::Desc("interest")],
    example: Example {
        add: "stakeholder add \"Kommunalsjef helse\" --influence høy --interest middels --plan \"Månedlig orientering\"",
        id: "kommunalsjef",
        set: "--interest høy",
    },
    about: About {
        nb: "Interessenter: innflytelse, interesse og plan for forankring",
        en: "Stakeholders: their influence, their interest, and the plan for anchoring with them",
        long_nb: "",
        long_en: "",
    },
    ..KindSpec::BASE
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
