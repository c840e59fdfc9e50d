//! What every record command shares: creating a record and printing its id,
//! printing one record as aligned fields, and the JSON envelopes.

use anyhow::Result;
use serde::Serialize;
use toml_edit::{DocumentMut, Value};

use super::Ctx;
use crate::error::SUCCESS;
use crate::model::schema::KindSpec;
use crate::store::Project;
use crate::tr;
use crate::ui::{Format, JSON_VERSION};

/// Write a new record from `(key, value)` pairs (given in the kind's field
/// order), print its id on stdout (or `{version, id, path}` as JSON) and a
/// status line. `title` makes the id.
pub fn add_record(
    ctx: &mut Ctx,
    project: &Project,
    spec: &KindSpec,
    title: &str,
    values: Vec<(&str, Value)>,
) -> Result<String> {
    let format = ctx.ui.format(&format!("{} add", spec.command), &[Format::Text, Format::Json])?;
    let mut doc = DocumentMut::new();
    for (k, v) in values {
        debug_assert!(spec.field(k).is_some(), "{k} is not a field of {}", spec.noun);
        crate::store::edit::set(&mut doc, k, v);
    }
    let id = project.create(spec, title, &doc)?;
    let path = project.shown_record(spec, &id);
    match format {
        Format::Json => {
            ctx.ui.json(&serde_json::json!({ "version": JSON_VERSION, "id": id, "path": path }))?
        }
        _ => ctx.ui.out(&id)?,
    }
    ctx.ui.status(&tr!(
        "La til {} «{title}» i {path}.",
        "Added the {} \"{title}\" in {path}.",
        spec.label()
    ));
    Ok(id)
}

/// The aligned `Label:  value` block of one record, headed by its id and file.
pub fn record_block(ctx: &Ctx, id: &str, path: &str, rows: &[(String, String)]) -> String {
    let width = rows.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0);
    let mut s = format!("{}  ({path})\n", ctx.ui.bold(id));
    for (k, v) in rows {
        let pad = " ".repeat(width - k.chars().count());
        let v = v.replace('\n', &format!("\n{}", " ".repeat(width + 3)));
        s.push_str(&format!("{k}:{pad}  {v}\n"));
    }
    s
}

/// `{ "version": 1, "<key>": <items> }` on stdout.
pub fn json_list<T: Serialize>(ctx: &mut Ctx, key: &str, items: &T) -> Result<u8> {
    let mut map = serde_json::Map::new();
    map.insert("version".into(), JSON_VERSION.into());
    map.insert(key.into(), serde_json::to_value(items)?);
    ctx.ui.json(&map)?;
    Ok(SUCCESS)
}

/// A record with its file path, for JSON.
#[derive(Serialize)]
pub struct WithPath<'a, T: Serialize> {
    #[serde(flatten)]
    pub record: &'a T,
    pub path: String,
}

pub fn with_path<'a, T: Serialize>(
    project: &Project,
    spec: &KindSpec,
    id: &str,
    record: &'a T,
) -> WithPath<'a, T> {
    WithPath { record, path: project.shown_record(spec, id) }
}

/// The status line after an edit.
pub fn edited(ctx: &Ctx, project: &Project, spec: &KindSpec, id: &str, changed: bool) {
    if changed {
        ctx.ui.status(&tr!("Oppdaterte {}.", "Updated {}.", project.shown_record(spec, id)));
    } else {
        ctx.ui.status(&tr!(
            "Ingen endring: {id} var allerede slik.",
            "No change: {id} was already like that."
        ));
    }
}

/// `–` for a missing value in tables.
pub fn dash(v: Option<impl ToString>) -> String {
    v.map_or_else(|| "–".to_string(), |v| v.to_string())
}
