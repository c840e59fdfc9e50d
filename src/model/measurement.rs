//! Measurements (målinger): one value of one indicator on one date, stored as
//! `measurements/<indicator>/<YYYY-MM-DD>.toml`. One small file per value
//! means two branches that measure on different dates merge without
//! conflicts, no file grows with the years, and concurrent writers never lose
//! a value; a second value for the same date is the same file, so git (and
//! `measure record`) catch it.

use serde::Serialize;

use super::date::Date;
use super::schema::{Col, Dated, Example, Field, FieldType, Finding, Group, KindSpec};
use super::value::Fields;
use crate::tr;

pub static SPEC: KindSpec = KindSpec {
    dir: "measurements",
    noun: "measurement",
    command: "measure",
    noun_nb: "måling",
    plural: "measurements",
    plural_nb: "målinger",
    fields: &[
        Field::req("value", FieldType::Number, "The measured value, in the indicator's unit.")
            .label("Verdi", "Value")
            .nb("Den målte verdien, i indikatorens enhet"),
        Field::opt("note", FieldType::Text, "A comment on the value.")
            .label("Merknad", "Note")
            .nb("En merknad til verdien"),
        Field::opt("by", FieldType::Line, "Who measured it.")
            .label("Målt av", "Measured by")
            .nb("Hvem som målte"),
    ],
    group: Some(Group {
        field: "indicator",
        refers: Some("indicators"),
        doc: "The indicator measured: the name of the subfolder (measurements/<indicator>/<date>.toml).",
    }),
    dated: Dated::Name,
    columns: &[
        Col("indicator", "INDIKATOR", "INDICATOR"),
        Col("date", "DATO", "DATE"),
        Col("value", "VERDI", "VALUE"),
        Col("note", "MERKNAD", "NOTE"),
    ],
    example: Example {
        add: "measure record ventetid 42",
        id: "ventetid/2026-11-01",
        set: "--value 41",
    },
    ..KindSpec::BASE
};

#[derive(Debug, Clone, Serialize)]
pub struct Measurement {
    #[serde(skip)]
    pub id: String,
    pub indicator: String,
    /// The file's name; `None` when it is not a date (an error in `check`).
    pub date: Option<Date>,
    pub value: f64,
    pub note: Option<String>,
    pub by: Option<String>,
}

impl Measurement {
    pub fn from_fields(f: &Fields) -> Measurement {
        let stem = f.id.rsplit('/').next().unwrap_or_default();
        Measurement {
            id: f.id.clone(),
            indicator: f.string("indicator"),
            date: Date::parse(stem),
            value: f.number("value").unwrap_or(0.0),
            note: f.opt_string("note"),
            by: f.opt_string("by"),
        }
    }

    /// The id of the value of `indicator` on `date`.
    pub fn id_for(indicator: &str, date: Date) -> String {
        format!("{indicator}/{date}")
    }

    pub fn rules(&self) -> Vec<Finding> {
        if self.date.is_some() {
            return Vec::new();
        }
        let stem = self.id.rsplit('/').next().unwrap_or_default();
        vec![
            Finding::error(
                "measurement-name",
                None,
                tr!(
                    "filnavnet «{stem}» er ikke en dato; en måling heter ÅÅÅÅ-MM-DD.toml",
                    "the file name `{stem}` is not a date; a measurement is named YYYY-MM-DD.toml"
                ),
            )
            .hint(tr!(
                "gi filen navn etter datoen verdien ble målt, for eksempel 2026-11-01.toml",
                "name the file after the date the value was measured, for example 2026-11-01.toml"
            )),
        ]
    }
}
