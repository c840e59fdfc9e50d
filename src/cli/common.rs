//! What every record command shares: creating a record and printing its id,
//! printing one record as aligned fields, and the JSON envelopes.

use anyhow::Result;
use serde::Serialize;
use toml_edit::{DocumentMut, Value};

use super::Ctx;
use crate::error::{SUCCESS, UserError};
use crate::model::display::Change;
use crate::model::schema::KindSpec;
use crate::output::ui::Format;
use crate::store::Project;
use crate::tr;

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
    let format = ctx.ui.format(&format!("{} add", spec.command))?;
    let mut doc = DocumentMut::new();
    for (k, v) in values {
        debug_assert!(spec.field(k).is_some(), "{k} is not a field of {}", spec.noun);
        crate::store::edit::set(&mut doc, k, v);
    }
    let id = project.create(spec, title, &doc)?;
    let path = project.shown_record(spec, &id);
    match format {
        Format::Json => created_json(ctx, project, spec, &id)?,
        _ => ctx.ui.out(&id)?,
    }
    ctx.ui.status(&tr!(
        "La til {} «{title}» i {path}.",
        "Added the {} \"{title}\" in {path}.",
        spec.label()
    ));
    Ok(id)
}

/// What a new record holds, as the `changes` of a write: every field of its
/// file, each with `old` null, so that a write that creates a file prints
/// the same `{version, id, path, changes}` as one that edits it.
pub fn created_changes(project: &Project, spec: &KindSpec, id: &str) -> Vec<Change> {
    project.load_fields(spec, id).map_or_else(
        |_| Vec::new(),
        |after| crate::model::display::changes(spec, &Default::default(), &after),
    )
}

/// `{version, id, path, changes}` on stdout for the record `id` just created.
pub fn created_json(ctx: &mut Ctx, project: &Project, spec: &KindSpec, id: &str) -> Result<()> {
    ctx.ui.json(&serde_json::json!({
        "id": id,
        "path": project.shown_record(spec, id),
        "changes": created_changes(project, spec, id),
    }))
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

/// A record as every JSON document shows it (docs/json.md): `id` first,
/// then the keys of its file (a missing optional value as `null`), `path`,
/// and last the values veikart derives from it, under their fixed names.
pub fn record_json<T: Serialize>(
    project: &Project,
    spec: &KindSpec,
    id: &str,
    record: &T,
    derived: serde_json::Value,
) -> serde_json::Value {
    let mut out = serde_json::Map::new();
    out.insert("id".into(), id.into());
    if let Ok(serde_json::Value::Object(fields)) = serde_json::to_value(record) {
        out.extend(fields.into_iter().filter(|(k, _)| k != "id"));
    }
    out.insert("path".into(), project.shown_record(spec, id).into());
    if let serde_json::Value::Object(derived) = derived {
        out.extend(derived);
    }
    serde_json::Value::Object(out)
}

pub fn with_path<'a, T: Serialize>(
    project: &Project,
    spec: &KindSpec,
    id: &str,
    record: &'a T,
) -> WithPath<'a, T> {
    WithPath { record, path: project.shown_record(spec, id) }
}

/// The status lines after an edit: which file changed and each field that
/// changed in it, old → new; or that nothing did. With `--format json`, also
/// `{version, id, path, changes: [{field, old, new}]}` on stdout.
pub fn edited(ctx: &mut Ctx, project: &Project, spec: &KindSpec, id: &str, changes: &[Change]) {
    changed_file(ctx, id, &project.shown_record(spec, id), changes);
}

/// [`edited`] for any file of the project (`veikart.toml`), named `path`.
pub fn changed_file(ctx: &mut Ctx, id: &str, path: &str, changes: &[Change]) {
    if ctx.ui.json_chosen() {
        let _ = ctx.ui.json(&serde_json::json!({
            "id": id,
            "path": path,
            "changes": changes,
        }));
    }
    print_changes(ctx, id, path, changes);
}

/// The human lines of [`changed_file`], on stderr, without the JSON.
pub fn print_changes(ctx: &mut Ctx, id: &str, path: &str, changes: &[Change]) {
    if changes.is_empty() {
        ctx.ui.status(&tr!(
            "Ingen endring: {id} var allerede slik.",
            "No change: {id} was already like that."
        ));
        return;
    }
    let mut s = tr!("Oppdaterte {path}:", "Updated {path}:");
    for c in changes {
        s.push_str("\n  ");
        s.push_str(&c.line());
    }
    ctx.ui.status(&s);
}

/// `–` for a missing value in tables.
pub fn dash(v: Option<impl ToString>) -> String {
    v.map_or_else(|| "–".to_string(), |v| v.to_string())
}

/// A column of [`list_records`]: the record's JSON key, then the header in
/// Bokmål and English.
pub struct Col(pub &'static str, pub &'static str, pub &'static str);

/// One value of a record as a table cell: enum keys as labels in the
/// current language, lists joined, long text cut to its first line.
pub fn cell(spec: &KindSpec, key: &str, value: &serde_json::Value) -> String {
    use crate::model::schema::FieldType;
    use serde_json::Value as J;
    let enum_spec = spec.field(key).and_then(|f| match f.ty {
        FieldType::Enum(e) | FieldType::Keys(e) => Some(e),
        _ => None,
    });
    match value {
        J::Null => "–".to_string(),
        J::String(s) => match enum_spec {
            Some(e) => e.label(s).to_string(),
            None => {
                let first = s.lines().next().unwrap_or_default();
                if first.chars().count() > 70 || s.lines().count() > 1 {
                    format!("{}…", first.chars().take(70).collect::<String>())
                } else {
                    first.to_string()
                }
            }
        },
        J::Number(n) => n.as_f64().map_or_else(|| n.to_string(), crate::model::number::format),
        J::Bool(b) => {
            if *b {
                tr!("ja", "yes")
            } else {
                tr!("nei", "no")
            }
        }
        J::Array(items) if items.is_empty() => "–".to_string(),
        J::Array(items) => items.iter().map(|v| cell(spec, key, v)).collect::<Vec<_>>().join(", "),
        other => other.to_string(),
    }
}

/// The shared `list` of a record kind: a table with the given columns (or
/// `empty` on stderr when there are none), or `{version, <dir>: [...]}` with
/// each record's path as JSON.
pub fn list_records<K: crate::model::Kind>(
    ctx: &mut Ctx,
    project: &Project,
    format: Format,
    items: &[K],
    cols: &[Col],
    empty: &str,
) -> Result<u8> {
    let spec = K::SPEC;
    if format == Format::Json {
        let list: Vec<_> = items.iter().map(|r| with_path(project, spec, r.id(), r)).collect();
        return json_list(ctx, spec.dir, &list);
    }
    if items.is_empty() {
        ctx.ui.status(empty);
        return Ok(SUCCESS);
    }
    let headers: Vec<String> =
        cols.iter().map(|c| crate::i18n::pick(c.1, c.2).to_string()).collect();
    let mut rows = Vec::new();
    for item in items {
        let v = serde_json::to_value(item)?;
        rows.push(
            cols.iter()
                .map(|c| cell(spec, c.0, v.get(c.0).unwrap_or(&serde_json::Value::Null)))
                .collect(),
        );
    }
    let table = ctx.ui.table(&headers, rows);
    ctx.ui.out(&table)?;
    Ok(SUCCESS)
}

/// The error for an edit that would append to `key` in a file that writes it
/// as an inline array instead of `[[key]]` tables: veikart leaves such a file alone.
pub fn not_table_array(shown: &str, key: &str) -> anyhow::Error {
    UserError::new(tr!(
        "{shown}: `{key}` er ikke skrevet som [[{key}]]-tabeller, så veikart lar filen være",
        "{shown}: `{key}` is not written as [[{key}]] tables, so veikart leaves the file alone"
    ))
    .hint(tr!(
        "skriv om `{key}` til [[{key}]]-tabeller for hånd",
        "rewrite `{key}` as [[{key}]] tables by hand"
    ))
    .into()
}

/// The format of a command that can write to `-o FILE`: `--format` if
/// given, else what the file's extension names (`extensions`), else
/// `default`; checked against what the command offers.
pub fn output_format(
    ctx: &Ctx,
    command: &str,
    output: Option<&std::path::Path>,
    extensions: &[(&str, Format)],
    default: Format,
) -> Result<Format> {
    let ext = output.and_then(|p| p.extension()).map(|e| e.to_string_lossy().to_lowercase());
    // A file name whose ending picks no format (`rapport.pdf`) would get
    // the default silently: say so, unless --format chose.
    if let Some(e) = ext.as_deref()
        && !ctx.ui.format_given()
        && !extensions.iter().any(|(x, _)| *x == e)
    {
        let known: Vec<String> = extensions.iter().map(|(x, _)| format!(".{x}")).collect();
        return Err(UserError::new(tr!(
            "`{command}` kan ikke skrive en .{e}-fil",
            "`{command}` cannot write a .{e} file"
        ))
        .hint(tr!(
            "gi filen en av endelsene {}, eller velg formatet med --format",
            "give the file one of the endings {}, or choose the format with --format",
            known.join(", ")
        ))
        .into());
    }
    let by_ext = ext
        .as_deref()
        .and_then(|e| extensions.iter().find(|(x, _)| *x == e).map(|(_, f)| *f))
        .unwrap_or(default);
    ctx.ui.format_or(command, by_ext)
}

/// Refuse an `-o` that names a folder, and an Excel workbook without `-o`
/// (it is never written to standard output); `example` is a command that
/// writes one, for the hint.
pub fn check_output(output: Option<&std::path::Path>, format: Format, example: &str) -> Result<()> {
    if let Some(path) = output
        && path.is_dir()
    {
        return Err(UserError::new(tr!(
            "{} er en mappe; --output trenger et filnavn",
            "{} is a folder; --output needs a file name",
            path.display()
        ))
        .into());
    }
    if format == Format::Xlsx && output.is_none() {
        return Err(UserError::new(tr!(
            "en Excel-arbeidsbok skrives til en fil, ikke til standard ut",
            "an Excel workbook is written to a file, not to standard output"
        ))
        .hint(tr!(
            "legg til -o FIL, for eksempel `{example}`",
            "add -o FILE, for example `{example}`"
        ))
        .into());
    }
    Ok(())
}

/// Write `bytes` to `-o FILE` atomically, saying so with `said(FILE)`, or
/// print them on stdout.
pub fn deliver(
    ctx: &mut Ctx,
    output: Option<&std::path::Path>,
    bytes: &[u8],
    said: impl FnOnce(&str) -> String,
) -> Result<()> {
    match output {
        Some(path) => {
            let shown = path.display().to_string();
            crate::store::fsutil::write_atomic(path, &shown, bytes)?;
            ctx.ui.status(&said(&shown));
        }
        None => ctx.ui.out(&String::from_utf8_lossy(bytes))?,
    }
    Ok(())
}
