//! The project log: what the roadmap asks a team to do and remember —
//! communication, celebrations, reports to the operations meeting, training.
//! One file per entry, so two people logging on two branches never conflict.

use serde::Serialize;

use super::date::Date;
use super::schema::{
    About, Col, Dated, EnumSpec, Example, Field, FieldType, KindSpec, Order, Variant,
};
use super::value::Fields;

pub static KIND: EnumSpec = EnumSpec {
    name: "kind",
    variants: &[
        Variant {
            key: "communication",
            nb: "kommunikasjon",
            en: "communication",
            aliases: &["informasjon", "info"],
        },
        Variant { key: "celebration", nb: "feiring", en: "celebration", aliases: &["feire"] },
        Variant { key: "report", nb: "rapport", en: "report", aliases: &["rapportering"] },
        Variant {
            key: "training",
            nb: "opplæring",
            en: "training",
            aliases: &["opplaering", "kurs"],
        },
    ],
};

pub static SPEC: KindSpec = KindSpec {
    dir: "logs",
    noun: "log entry",
    command: "log",
    noun_nb: "loggføring",
    plural: "log entries",
    plural_nb: "loggføringer",
    fields: &[
        Field::req(
            "kind",
            FieldType::Enum(&KIND),
            "communication, celebration, report or training.",
        )
        .label("Type", "Kind")
        .nb("kommunikasjon, feiring, rapport eller opplæring"),
        Field::req("text", FieldType::Text, "What happened.")
            .label("Hva", "What")
            .nb("Hva som skjedde"),
        Field::req("date", FieldType::Date, "When.").label("Dato", "Date").nb("Når").today(),
        Field::opt("audience", FieldType::Line, "Who it was for.")
            .label("For", "For")
            .nb("Hvem det var for"),
    ],
    title: Some("text"),
    dated_id: Some("date"),
    dated: Dated::Field("date"),
    columns: &[
        Col("date", "DATO", "DATE"),
        Col("kind", "TYPE", "KIND"),
        Col("text", "HVA", "WHAT"),
        Col("audience", "FOR", "FOR"),
        Col("id", "ID", "ID"),
    ],
    order: &[Order::Desc("date")],
    example: Example {
        add: "log add \"Resultatene vist på personalmøtet\" --kind kommunikasjon",
        id: "2026-11-20",
        set: "--audience \"Ansatte på legevakten\"",
    },
    about: About {
        nb: "Loggfør det veikartet ber dere gjøre og huske: kommunikasjon, feiring, rapporter, opplæring",
        en: "Log what the roadmap asks you to do and remember: communication, celebrations, reports, training",
        long_nb: "Hver føring er sin egen fil, logs/<dato>-<ord>.toml, så føringer fra to\n\
         grener flettes uten konflikt.",
        long_en: "Each entry is its own file, logs/<date>-<words>.toml, so entries made on\n\
         two branches merge without conflicts.",
    },
    ..KindSpec::BASE
};

#[derive(Debug, Clone, Serialize)]
pub struct LogEntry {
    pub id: String,
    pub kind: String,
    pub text: String,
    pub date: Option<Date>,
    pub audience: Option<String>,
}

impl LogEntry {
    pub fn from_fields(f: &Fields) -> LogEntry {
        LogEntry {
            id: f.id.clone(),
            kind: f.string("kind"),
            text: f.string("text"),
            date: f.date("date"),
            audience: f.opt_string("audience"),
        }
    }
}

/// Newest first, then id.
pub fn sort(entries: &mut [LogEntry]) {
    entries.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.id.cmp(&b.id)));
}
