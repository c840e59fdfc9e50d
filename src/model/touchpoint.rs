//! Touchpoints: where the user meets the service — digital, physical or
//! between people (`tjenesteutvikling` step 5).

use serde::Serialize;

use super::schema::{EnumSpec, Field, FieldType, KindSpec, Variant};
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
    fields: &[
        Field::req("title", FieldType::Line, "The touchpoint, in a few words."),
        Field::req("channel", FieldType::Enum(&CHANNEL), "digital, physical or interpersonal."),
        Field::opt("step", FieldType::Ref("journey"), "The journey step where the user meets it."),
        Field::opt(
            "change",
            FieldType::Enum(&CHANGE),
            "new, changed or unchanged compared with today's service.",
        ),
        Field::req("status", FieldType::Enum(&STATUS), "draft, tested or ready."),
        Field::opt("description", FieldType::Text, "What the touchpoint is and how it works."),
    ],
    group: None,
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
