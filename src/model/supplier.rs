//! Suppliers (leverandører) and reviews of their delivery (leveranseevne),
//! `ny-praksis` step 2.

use serde::Serialize;

use super::date::Date;
use super::schema::{Col, Dated, Example, Field, FieldType, Identity, KindSpec};
use super::value::Fields;

static REVIEW_FIELDS: &[Field] = &[
    Field::req("date", FieldType::Date, "When the delivery was reviewed.")
        .label("Dato", "Date")
        .nb("Når leveransen ble vurdert"),
    Field::req(
        "score",
        FieldType::Int { min: 1, max: 5 },
        "How well they delivered, 1 (poorly) to 5 (very well).",
    )
    .label("Skår", "Score")
    .nb("Hvor godt de leverte, 1 (dårlig) til 5 (svært godt)"),
    Field::opt("note", FieldType::Line, "What the score is based on.")
        .label("Notat", "Note")
        .nb("Hva skåren bygger på"),
];

pub static SPEC: KindSpec = KindSpec {
    dir: "suppliers",
    noun: "supplier",
    command: "supplier",
    noun_nb: "leverandør",
    plural: "suppliers",
    plural_nb: "leverandører",
    fields: &[
        Field::req("name", FieldType::Line, "The supplier's name.")
            .label("Navn", "Name")
            .nb("Navnet på leverandøren"),
        Field::opt("contract", FieldType::Line, "The contract: a reference, a path or a URL.")
            .label("Avtale", "Contract")
            .nb("Avtalen: en referanse, en sti eller en URL"),
        Field::opt("description", FieldType::Text, "What the supplier delivers.")
            .label("Beskrivelse", "Description")
            .nb("Hva leverandøren leverer"),
        Field::opt(
            "review",
            FieldType::Tables(REVIEW_FIELDS),
            "Reviews of the supplier's delivery, one per review.",
        )
        .label("Vurderinger", "Reviews")
        .nb("Vurderinger av leveransen, én per vurdering"),
    ],
    title: Some("name"),
    identity: Identity::Named { scope: None },
    dated: Dated::Rows("review", "date"),
    columns: &[
        Col("id", "ID", "ID"),
        Col("name", "LEVERANDØR", "SUPPLIER"),
        Col("contract", "AVTALE", "CONTRACT"),
    ],
    example: Example {
        add: "supplier add \"Telefoni AS\" --contract \"Avtale 2025/118\"",
        id: "telefoni",
        set: "--contract \"Avtale 2026/7\"",
    },
    ..KindSpec::BASE
};

#[derive(Debug, Clone, Serialize)]
pub struct Review {
    pub date: Option<Date>,
    pub score: i64,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Supplier {
    pub id: String,
    pub name: String,
    pub contract: Option<String>,
    pub description: Option<String>,
    pub reviews: Vec<Review>,
}

impl Supplier {
    pub fn from_fields(f: &Fields) -> Supplier {
        Supplier {
            id: f.id.clone(),
            name: f.string("name"),
            contract: f.opt_string("contract"),
            description: f.opt_string("description"),
            reviews: f
                .rows("review")
                .iter()
                .map(|r| Review {
                    date: r.date("date"),
                    score: r.int("score").unwrap_or(0),
                    note: r.opt_string("note"),
                })
                .collect(),
        }
    }

    /// The most recent review (by date; the later entry on a tie).
    pub fn latest(&self) -> Option<&Review> {
        self.reviews.iter().enumerate().max_by_key(|(i, r)| (r.date, *i)).map(|(_, r)| r)
    }
}
