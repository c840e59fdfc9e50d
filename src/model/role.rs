//! Roles: who takes part in the service, inside or outside the municipality.
//! The RACI (HUKI) matrix assigns letters to roles, never to named people.

use serde::Serialize;

use super::schema::{Col, EnumSpec, Example, Field, FieldType, Identity, KindSpec, Variant};
use super::value::Fields;

pub static KIND: EnumSpec = EnumSpec {
    name: "kind",
    variants: &[
        Variant { key: "internal", nb: "intern", en: "internal", aliases: &["kommunal", "inside"] },
        Variant {
            key: "external",
            nb: "ekstern",
            en: "external",
            aliases: &["outside", "utenfor"],
        },
        Variant {
            key: "supplier",
            nb: "leverandør",
            en: "supplier",
            aliases: &["leverandor", "vendor"],
        },
        Variant { key: "user", nb: "bruker", en: "user", aliases: &["innbygger", "citizen"] },
    ],
};

pub static SPEC: KindSpec = KindSpec {
    dir: "roles",
    noun: "role",
    command: "role",
    noun_nb: "rolle",
    plural: "roles",
    plural_nb: "roller",
    fields: &[
        Field::req("name", FieldType::Line, "The role's name (a role, not a person).")
            .label("Navn", "Name")
            .nb("Navnet på rollen (en rolle, ikke en person)"),
        Field::opt(
            "kind",
            FieldType::Enum(&KIND),
            "Inside the municipality, outside it, a supplier, or the service's user.",
        )
        .label("Type", "Kind")
        .nb("Innenfor kommunen, utenfor den, en leverandør eller tjenestens bruker"),
        Field::opt("unit", FieldType::Line, "The unit or organisation the role belongs to.")
            .label("Enhet", "Unit")
            .nb("Enheten eller organisasjonen rollen hører til"),
        Field::opt("description", FieldType::Text, "What the role does in the service.")
            .label("Beskrivelse", "Description")
            .nb("Hva rollen gjør i tjenesten"),
    ],
    title: Some("name"),
    identity: Identity::Named { scope: None },
    columns: &[
        Col("id", "ID", "ID"),
        Col("name", "NAVN", "NAME"),
        Col("kind", "TYPE", "KIND"),
        Col("unit", "ENHET", "UNIT"),
    ],
    example: Example {
        add: "role add Sykepleier --unit Legevakten",
        id: "sykepleier",
        set: "--unit \"Legevakten i Fjordvik\"",
    },
    ..KindSpec::BASE
};

#[derive(Debug, Clone, Serialize)]
pub struct Role {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub unit: Option<String>,
    pub description: Option<String>,
}

impl Role {
    pub fn from_fields(f: &Fields) -> Role {
        Role {
            id: f.id.clone(),
            name: f.string("name"),
            kind: f.str("kind").unwrap_or("internal").to_string(),
            unit: f.opt_string("unit"),
            description: f.opt_string("description"),
        }
    }

    /// Whether the role is outside the municipality's own organisation.
    pub fn is_outside(&self) -> bool {
        self.kind != "internal"
    }
}
