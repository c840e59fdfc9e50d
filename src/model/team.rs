//! The project team (`forankring` step 3): the people who do the work, with
//! their part in the project and the unit they come from.

use serde::Serialize;

use super::schema::{About, Col, Example, Field, FieldType, Identity, KindSpec};
use super::value::Fields;

pub static SPEC: KindSpec = KindSpec {
    dir: "team",
    noun: "team member",
    command: "team",
    noun_nb: "teammedlem",
    plural: "team members",
    plural_nb: "teammedlemmer",
    neuter: true,
    fields: &[
        Field::req("name", FieldType::Line, "The person's name.")
            .label("Navn", "Name")
            .nb("Navnet på personen"),
        Field::req(
            "role",
            FieldType::Line,
            "Their part in the project (project lead, nurse from the ward, …).",
        )
        .label("Rolle", "Role")
        .nb("Personens rolle i prosjektet (prosjektleder, sykepleier fra avdelingen, …)"),
        Field::opt("unit", FieldType::Line, "The unit or organisation they come from.")
            .label("Enhet", "Unit")
            .nb("Enheten eller organisasjonen personen kommer fra"),
    ],
    title: Some("name"),
    identity: Identity::Named { scope: None },
    columns: &[
        Col("id", "ID", "ID"),
        Col("name", "NAVN", "NAME"),
        Col("role", "ROLLE", "ROLE"),
        Col("unit", "ENHET", "UNIT"),
    ],
    example: Example {
        add: "team add \"Kari Nordmann\" --role prosjektleder --unit \"Helse og omsorg\"",
        id: "kari",
        set: "--unit Legevakten",
    },
    about: About {
        nb: "Prosjektteamet: hvem som gjør arbeidet, med hvilken rolle, fra hvilken enhet",
        en: "The project team: who does the work, in what part, from which unit",
        long_nb: "",
        long_en: "",
    },
    ..KindSpec::BASE
};

#[derive(Debug, Clone, Serialize)]
pub struct Member {
    pub id: String,
    pub name: String,
    pub role: String,
    pub unit: Option<String>,
}

impl Member {
    pub fn from_fields(f: &Fields) -> Member {
        Member {
            id: f.id.clone(),
            name: f.string("name"),
            role: f.string("role"),
            unit: f.opt_string("unit"),
        }
    }
}
