//! The project as it stood on a day, for `--as-of DATE` without `--at`:
//! every record dated after DATE is left out (an idea submitted, a decision
//! made, a deviation found, a value measured, a supplier reviewed later), and
//! the phase is the one the decisions made by DATE left the project in.
//! Records without a date — the plan: roles, benefits, indicators, the
//! journey — are always shown. Nothing is written: the store reads through
//! an overlay on the files (see [`super::source::Overlay`]).

use std::path::Path;

use toml_edit::{DocumentMut, Item};

use super::Location;
use super::scan::{self, Found};
use super::source::Overlay;
use crate::model::KINDS;
use crate::model::checklist::DECISION_SPEC;
use crate::model::date::Date;
use crate::model::schema::Dated;

/// Read the project at `loc` as it stood on `day` from now on.
pub fn show(loc: &Location, day: Date) {
    super::source::hide_dated(overlay(loc, day));
}

/// What to hide and rewrite for the project at `loc` on `day`.
pub fn overlay(loc: &Location, day: Date) -> Overlay {
    let mut overlay = Overlay::default();
    for kind in KINDS {
        let spec = kind.spec;
        if spec.dated == Dated::No {
            continue;
        }
        for found in scan::kind(loc, spec, None) {
            let Found::Record { id, rel, shown } = found else { continue };
            let path = loc.root.join(&rel);
            match spec.dated {
                Dated::No => {}
                Dated::Name => {
                    let stem = id.rsplit('/').next().unwrap_or(&id);
                    if Date::parse(stem).is_some_and(|d| d > day) {
                        overlay.hide(path);
                    }
                }
                Dated::Field(field) => {
                    if let Some(doc) = document(loc, &path, &shown)
                        && date_of(doc.get(field)).is_some_and(|d| d > day)
                    {
                        overlay.hide(path);
                    }
                }
                Dated::Rows(table, field) => {
                    if let Some(mut doc) = document(loc, &path, &shown)
                        && drop_rows(&mut doc, table, field, day)
                    {
                        overlay.replace(path, doc.to_string().into_bytes());
                    }
                }
            }
        }
    }
    if let Some(phase) = phase_on(loc, day) {
        let path = loc.root.join(super::PROJECT_FILE);
        let shown = loc.shown(super::PROJECT_FILE);
        if let Some(mut doc) = document(loc, &path, &shown)
            && doc.get("phase").and_then(Item::as_str) != Some(phase.as_str())
            && doc.get("phase").is_some_and(Item::is_value)
        {
            let decor = doc.get("phase").and_then(Item::as_value).map(|v| v.decor().clone());
            let mut value = toml_edit::Value::from(phase);
            if let Some(decor) = decor {
                *value.decor_mut() = decor;
            }
            doc["phase"] = Item::Value(value);
            overlay.replace(path, doc.to_string().into_bytes());
        }
    }
    overlay
}

/// The phase the project was in on `day`: the phase the first decision made
/// after `day` moved it from. None when no decision was made after `day`
/// (the phase in `veikart.toml` is still the one).
fn phase_on(loc: &Location, day: Date) -> Option<String> {
    let mut later: Vec<(Date, String, String)> = Vec::new();
    for found in scan::kind(loc, &DECISION_SPEC, None) {
        let Found::Record { id, rel, shown } = found else { continue };
        let Some(doc) = document(loc, &loc.root.join(&rel), &shown) else { continue };
        let (Some(date), Some(from)) =
            (date_of(doc.get("date")), doc.get("from").and_then(Item::as_str))
        else {
            continue;
        };
        if date > day {
            later.push((date, id, from.to_string()));
        }
    }
    later.into_iter().min().map(|(_, _, from)| from)
}

/// The file at `path` as a TOML document, if it is one inside the project.
fn document(loc: &Location, path: &Path, shown: &str) -> Option<DocumentMut> {
    if loc.outside(path).is_some() {
        return None;
    }
    super::read_text(path, shown).ok()?.parse().ok()
}

/// A TOML date (or a `YYYY-MM-DD` string) as a date.
fn date_of(item: Option<&Item>) -> Option<Date> {
    let value = item?.as_value()?;
    match value {
        toml_edit::Value::Datetime(d) => Date::parse(&d.value().to_string()),
        toml_edit::Value::String(s) => Date::parse(s.value()),
        _ => None,
    }
}

/// Leave out the rows of `table` dated after `day`; whether any were.
fn drop_rows(doc: &mut DocumentMut, table: &str, field: &str, day: Date) -> bool {
    let Some(rows) = doc.get_mut(table).and_then(Item::as_array_of_tables_mut) else {
        return false;
    };
    let before = rows.len();
    rows.retain(|row| date_of(row.get(field)).is_none_or(|d| d <= day));
    rows.len() != before
}
