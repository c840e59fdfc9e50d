//! Related projects (`forankring` step 5): work elsewhere in the
//! municipality or in other municipalities to learn from or line up with.

use serde::Serialize;

use super::schema::{About, Col, Example, Field, FieldType, Identity, KindSpec};
use super::value::Fields;

pub static SPEC: KindSpec = KindSpec {
    dir: "related",
    noun: "related project",
    command: "related",
    noun_nb: "relatert prosjekt",
    plural: "related projects",
    plural_nb: "relaterte prosjekter",
    neuter: true,
    fields: &[
        Field::req("name", FieldType::Line, "The project's name.")
            .label("Prosjekt", "Project")
            .nb("Navnet på prosjektet"),
        Field::opt("url", FieldType::Line, "Where to read about it.")
            .label("URL", "URL")
            .nb("Hvor man kan lese om det"),
        Field::opt("note", FieldType::Text, "How it relates to this project.")
            .label("Notat", "Note")
            .nb("Hvordan det henger sammen med dette prosjektet"),
    ],
    title: Some("name"),
    identity: Identity::Named { scope: None },
    columns: &[
        Col("id", "ID", "ID"),
        Col("name", "PROSJEKT", "PROJECT"),
        Col("url", "URL", "URL"),
        Col("note", "NOTAT", "NOTE"),
    ],
    example: Example {
        add: "related add \"Digital hjemmeoppfølging i Nordby\" --url https://nordby.kommune.no/dho",
        id: "digital",
        set: "--note \"Samme leverandør som oss\"",
    },
    about: About {
        nb: "Relaterte prosjekter å lære av eller samordne med",
        en: "Related projects to learn from or line up with",
        long_nb: "",
        long_en: "",
    },
    ..KindSpec::BASE
};

#[derive(Debug, Clone, Serialize)]
pub struct Related {
    pub id: String,
    pub name: String,
    pub url: Option<String>,
    pub note: Option<String>,
}

impl Related {
    pub fn from_fields(f: &Fields) -> Related {
        Related {
            id: f.id.clone(),
            name: f.string("name"),
            url: f.opt_string("url"),
            note: f.opt_string("note"),
        }
    }
}
