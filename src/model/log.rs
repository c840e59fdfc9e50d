//! The project log: what the roadmap asks a team to do and remember —
//! communication, celebrations, reports to the operations meeting, training.
//! One file per entry, so two people logging on two branches never conflict.

use serde::Serialize;

use super::date::Date;
use super::schema::{EnumSpec, Field, FieldType, KindSpec, Variant};
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
        ),
        Field::req("text", FieldType::Text, "What happened."),
        Field::req("date", FieldType::Date, "When."),
        Field::opt("audience", FieldType::Line, "Who it was for."),
    ],
    group: None,
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
