//! Touchpoints: where the user meets the service — digital, physical or
//! between people (`tjenesteutvikling` step 5).

use serde::Serialize;

use super::schema::{Col, EnumSpec, Example, Field, FieldType, Identity, KindSpec, Variant};
use super::value::Fields;

pub static CHANNEL: EnumSpec = EnumSpec {
    name: "channel",
    variants: &[
        Variant { key: "digital", nb: "digital", en: "digital", aliases: &["digitalt"] },
        Variant { key: "physical", nb: "fysisk", en: "physical", aliases: &["fysisk"] },
        Variant {
            key: "interpersonal",
            nb: "mellommenneskelig",
            en: "interpersonal",
            aliases: &["mellommenneskelig", "personlig", "person"],
        },
    ],
};

pub static CHANGE: EnumSpec = EnumSpec {
    name: "change",
    variants: &[
        Variant { key: "new", nb: "ny", en: "new", aliases: &["nytt"] },
        Variant { key: "changed", nb: "endret", en: "changed", aliases: &["endra"] },
        Variant {
            key: "unchanged", nb: "uendret", en: "unchanged", aliases: &["same", "som-før"]
        },
    ],
};

pub static STATUS: EnumSpec = EnumSpec {
    name: "status",
    variants: &[
        Variant { key: "draft", nb: "utkast", en: "draft", aliases: &[] },
        Variant { key: "tested", nb: "testet", en: "tested", aliases: &["testa"] },
        Variant { key: "ready", nb: "ferdig", en: "ready", aliases: &["klar", "done"] },
    ],
};

pub static SPEC: KindSpec = KindSpec {
    dir: "touchpoints",
    noun: "touchpoint",
    command: "touchpoint",
    noun_nb: "kontaktpunkt",
    plural: "touchpoints",
    plural_nb: "kontaktpunkter",
    neuter: true,
    fields: &[
        Field::req("title", FieldType::Line, "The touchpoint, in a few words.")
            .label("Tittel", "Title")
            .nb("Kontaktpunktet, med noen få ord"),
        Field::req("channel", FieldType::Enum(&CHANNEL), "digital, physical or interpersonal.")
            .label("Kanal", "Channel")
            .nb("digital, fysisk eller mellommenneskelig"),
        Field::opt("step", FieldType::Ref("journey"), "The journey step where the user meets it.")
            .label("Steg", "Step")
            .nb("Steget i reisen der brukeren møter det (id eller entydig begynnelse)"),
        Field::opt(
            "change",
            FieldType::Enum(&CHANGE),
            "new, changed or unchanged compared with today's service.",
        )
        .label("Endring", "Change")
        .nb("ny, endret eller uendret sammenlignet med dagens tjeneste"),
        Field::req("status", FieldType::Enum(&STATUS), "draft, tested or ready.")
            .label("Status", "Status")
            .nb("utkast, testet eller ferdig")
            .starts("draft"),
        Field::opt("description", FieldType::Text, "What the touchpoint is and how it works.")
            .label("Beskrivelse", "Description")
            .nb("Hva kontaktpunktet er og hvordan det virker"),
    ],
    title: Some("title"),
    identity: Identity::Named { scope: None },
    columns: &[
        Col("id", "ID", "ID"),
        Col("title", "KONTAKTPUNKT", "TOUCHPOINT"),
        Col("channel", "KANAL", "CHANNEL"),
        Col("change", "ENDRING", "CHANGE"),
        Col("status", "STATUS", "STATUS"),
        Col("step", "STEG", "STEP"),
    ],
    example: Example {
        add: "touchpoint add \"SMS med veibeskrivelse\" --channel digital",
        id: "sms",
        set: "--status testet",
    },
    ..KindSpec::BASE
};

#[derive(Debug, Clone, Serialize)]
pub struct Touchpoint {
    pub id: String,
    pub title: String,
    pub channel: String,
    pub step: Option<String>,
    pub change: Option<String>,
    pub status: String,
    pub description: Option<String>,
}

impl Touchpoint {
    pub fn from_fields(f: &Fields) -> Touchpoint {
        Touchpoint {
            id: f.id.clone(),
            title: f.string("title"),
            channel: f.string("channel"),
            step: f.opt_string("step"),
            change: f.opt_string("change"),
            status: f.str("status").unwrap_or("draft").to_string(),
            description: f.opt_string("description"),
        }
    }
}
