//! JSON Schemas for what the commands print (docs/json.md), generated from
//! the same declarations as the file schemas in [`super::schema`]: one
//! record per kind in `records.schema.json`, and the `list` and `show`
//! documents whose records are those records with fixed derived values.
//! The other commands' schemas in docs/schema/output/ are written by hand
//! and refer to the records here. The committed copies are tested to be
//! current (`VEIKART_BLESS=1 cargo test --lib schema` regenerates them).
//!
//! A record's schema lists every key a record has in JSON — `id`, the owner
//! of a grouped kind, the keys of its file (an array of tables under its
//! plural: `[[action]]` is `actions`), `path`, and what the kind derives —
//! all of them `required`, an optional value `null`. It is open, so that a
//! document can add its own derived values; every document that uses it
//! closes it with `unevaluatedProperties: false`, so a key nobody declared
//! fails the contract test.

use serde_json::{Map, Value, json};

use crate::model::KINDS;
use crate::model::schema::{Field, FieldType, KindSpec};

/// Where the schemas of the output live, from the repository's root.
pub const DIR: &str = "docs/schema/output";

/// The base of every output schema's `$id`; references between the files
/// are relative to it (`common.schema.json#/$defs/phase`).
pub const BASE: &str = "https://veikart.invalid/schema/output/";

/// The file of the generated record definitions.
pub const RECORDS: &str = "records.schema.json";

const DRAFT: &str = "https://json-schema.org/draft/2020-12/schema";

/// The kinds whose records appear in the output, with the name of their
/// definition: the noun, as `show` names its record (`journey_step`).
/// Checklist answers and assessment files appear only inside other
/// documents (a checklist item, a technology option's `assessments`).
pub fn kinds() -> Vec<(String, &'static KindSpec)> {
    KINDS
        .iter()
        .map(|k| k.spec)
        .filter(|s| !matches!(s.dir, "checklist" | "assessments"))
        .map(|s| (def_name(s), s))
        .collect()
}

/// The definition's name of a kind's record: its noun with underscores.
pub fn def_name(spec: &KindSpec) -> String {
    spec.noun.replace(' ', "_")
}

/// The key a field has in JSON: an array of tables by its plural, like
/// every other list (`[[action]]` → `actions`); any other field as in the file.
pub fn json_key(f: &Field) -> String {
    match f.ty {
        FieldType::Tables(_) => format!("{}s", f.name),
        _ => f.name.to_string(),
    }
}

fn nullable(v: Value) -> Value {
    json!({ "anyOf": [v, { "type": "null" }] })
}

fn id() -> Value {
    json!({ "type": "string", "minLength": 1 })
}

fn date() -> Value {
    json!({ "$ref": "common.schema.json#/$defs/date" })
}

/// The schema of one field's value in JSON: the file schema's type, a
/// table's rows with every key, and `null` for an optional value that is
/// not set (lists and maps are empty instead).
fn value(f: &Field) -> Value {
    let v = match f.ty {
        FieldType::Tables(sub) => return json!({ "type": "array", "items": closed(sub, &[]) }),
        FieldType::Date => date(),
        FieldType::Lines
        | FieldType::Keys(_)
        | FieldType::Refs(_)
        | FieldType::RefsAmong(_)
        | FieldType::RefMap(..) => {
            return described(super::schema::field_type(f.ty), f.doc);
        }
        ty => super::schema::field_type(ty),
    };
    let v = if f.required { v } else { nullable(v) };
    described(v, f.doc)
}

fn described(mut v: Value, doc: &str) -> Value {
    if let Value::Object(m) = &mut v {
        m.insert("description".into(), Value::String(doc.to_string()));
    }
    v
}

/// An object with exactly these fields, every one of them present.
fn closed(fields: &[Field], extra: &[(&str, Value)]) -> Value {
    let mut props = Map::new();
    for f in fields {
        props.insert(json_key(f), value(f));
    }
    for (k, v) in extra {
        props.insert((*k).to_string(), v.clone());
    }
    let required: Vec<String> = props.keys().cloned().collect();
    json!({
        "type": "object",
        "additionalProperties": false,
        "required": required,
        "properties": props,
    })
}

/// The values a kind's record always carries besides the keys of its
/// file, wherever it appears: worked out from them, or (a measurement's
/// date, an assessment's criterion) from the file's name.
fn derived(spec: &KindSpec) -> Vec<(&'static str, Value)> {
    use crate::model::technology::CRITERION;
    match spec.dir {
        "ideas" => vec![(
            "priority",
            json!({ "anyOf": [{ "type": "number" }, { "type": "null" }], "description": "Worked out from the scores (docs/ideas.md); null until feasibility and benefit are set." }),
        )],
        "routines" => vec![(
            "next_review",
            described(nullable(date()), "When the routine is next due for review."),
        )],
        "technologies" => vec![
            (
                "total",
                json!({ "type": "integer", "description": "The sum of the current scores." }),
            ),
            (
                "missing",
                json!({ "type": "array", "items": { "type": "string", "enum": CRITERION.keys() }, "description": "The criteria not assessed yet." }),
            ),
        ],
        "pilot" => vec![(
            "missing",
            json!({ "type": "array", "items": { "type": "string" }, "description": "The planning points (and `responsible`) not filled in yet." }),
        )],
        "measurements" => {
            vec![("date", described(nullable(date()), "The day measured: the file's name."))]
        }
        "status-reports" => vec![(
            "state",
            json!({ "type": "string", "enum": ["published", "draft"], "description": "published once `status-report publish` recorded a day and a commit, else draft." }),
        )],
        _ => Vec::new(),
    }
}

/// The open schema of a kind's record (see the module's documentation).
pub fn record(spec: &KindSpec) -> Value {
    let mut props = Map::new();
    props.insert(
        "id".into(),
        described(
            id(),
            "The record's id: its file's name (with its owner's folder for a grouped kind).",
        ),
    );
    if let Some(g) = &spec.group {
        props.insert(g.field.to_string(), described(id(), g.doc));
    }
    for f in spec.fields {
        props.insert(json_key(f), value(f));
    }
    props.insert(
        "path".into(),
        json!({ "type": "string", "minLength": 1, "description": "The record's file, as the user would type it." }),
    );
    for (k, v) in derived(spec) {
        props.insert(k.to_string(), v);
    }
    // Technology options: the assessment files and the older `[[assessment]]`
    // merged, one per criterion assessed, in the criteria's order.
    if spec.dir == "technologies"
        && let Some(Value::Object(a)) = props.get_mut("assessments")
    {
        a.insert("description".into(), Value::String("The current assessment per criterion, from assessments/<option>/ and the older [[assessment]] tables.".into()));
    }
    let required: Vec<String> = props.keys().cloned().collect();
    json!({
        "type": "object",
        "required": required,
        "properties": props,
        "description": format!("A {} as JSON shows it: id, the keys of its file, path, derived values.", spec.noun),
    })
}

/// The project in `status` and `report`: the keys of `veikart.toml`, a
/// missing one `null`. It has no id, and its file is always `veikart.toml`.
fn project() -> Value {
    let spec = &crate::model::project::SPEC;
    let mut props = Map::new();
    for f in spec.fields {
        props.insert(json_key(f), value(f));
    }
    let required: Vec<String> = props.keys().cloned().collect();
    json!({
        "type": "object",
        "required": required,
        "properties": props,
        "description": "The project as JSON shows it: the keys of veikart.toml.",
    })
}

/// `records.schema.json`: every kind's record under `$defs`, and the project.
pub fn records() -> Value {
    let mut defs = Map::new();
    for (name, spec) in kinds() {
        defs.insert(name, record(spec));
    }
    defs.insert("project".into(), project());
    json!({
        "$schema": DRAFT,
        "$id": format!("{BASE}{RECORDS}"),
        "title": "veikart records, as every JSON document shows them",
        "$defs": defs,
    })
}

/// A reference to a kind's record, closed: the record's keys and `extra`,
/// nothing else.
pub fn record_ref(spec: &KindSpec, extra: &[(&str, Value)]) -> Value {
    let mut out = Map::new();
    out.insert("$ref".into(), json!(format!("{RECORDS}#/$defs/{}", def_name(spec))));
    if !extra.is_empty() {
        let mut props = Map::new();
        for (k, v) in extra {
            props.insert((*k).to_string(), v.clone());
        }
        let required: Vec<&str> = extra.iter().map(|(k, _)| *k).collect();
        out.insert("properties".into(), Value::Object(props));
        out.insert("required".into(), json!(required));
    }
    out.insert("unevaluatedProperties".into(), json!(false));
    Value::Object(out)
}

/// Whether a document holds many records or one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    List,
    Show,
}

/// One generated document: `{version, <key>: [record…]}` or `{version,
/// <key>: record}`, the records with the derived values this command adds.
pub struct Doc {
    /// The command, as after `veikart` (`journey list`); the schema's file
    /// is named by it (`journey-list.schema.json`).
    pub command: String,
    pub key: String,
    pub shape: Shape,
    pub spec: &'static KindSpec,
    pub extra: Vec<(&'static str, Value)>,
}

impl Doc {
    pub fn file(&self) -> String {
        format!("{}.schema.json", self.command.replace(' ', "-"))
    }
}

fn count(what: &str) -> Value {
    json!({ "type": "integer", "minimum": 0, "description": what })
}

/// Every generated document: the `list` and `show` of each kind whose
/// command prints its records as they are, plus the values named here.
pub fn docs() -> Vec<Doc> {
    use crate::model::*;
    let mut out = Vec::new();
    let mut both = |spec: &'static KindSpec, list: Option<&str>, show: Option<&str>| {
        if let Some(key) = list {
            out.push(Doc {
                command: format!("{} list", spec.command),
                key: key.to_string(),
                shape: Shape::List,
                spec,
                extra: Vec::new(),
            });
        }
        if let Some(key) = show {
            out.push(Doc {
                command: format!("{} show", spec.command),
                key: key.to_string(),
                shape: Shape::Show,
                spec,
                extra: Vec::new(),
            });
        }
    };
    // The generic verbs (src/cli/record.rs): the folder lists, the noun shows.
    for spec in [
        &goal::SPEC,
        &team::SPEC,
        &stakeholder::SPEC,
        &related::SPEC,
        &insight::SPEC,
        &log::SPEC,
        &pilot::FINDING_SPEC,
        &indicator::SPEC,
        &proposal::TEST_SPEC,
    ] {
        both(spec, Some(spec.dir), Some(&def_name(spec)));
    }
    both(&measurement::SPEC, Some("measurements"), Some("measurement"));
    both(&routine::SPEC, Some("routines"), Some("routine"));
    both(&touchpoint::SPEC, Some("touchpoints"), Some("touchpoint"));
    both(&status_report::SPEC, Some("status-reports"), Some("status_report"));
    // Their own commands, printing the same records.
    both(&idea::SPEC, Some("ideas"), Some("idea"));
    both(&activity::SPEC, Some("activities"), Some("activity"));
    both(&technology::SPEC, Some("technologies"), Some("technology"));
    both(&deviation::SPEC, Some("deviations"), Some("deviation"));
    both(&role::SPEC, Some("roles"), None);
    both(&journey::SPEC, Some("steps"), None);
    both(&supplier::SPEC, Some("suppliers"), None);
    both(&proposal::SPEC, Some("proposals"), None);
    out.push(Doc {
        command: "measure export".into(),
        key: "measurements".into(),
        shape: Shape::List,
        spec: &measurement::SPEC,
        extra: Vec::new(),
    });
    let overdue = count("How many of its actions are overdue.");
    for d in &mut out {
        d.extra = match d.command.as_str() {
            "role list" => {
                vec![("activity_count", count("Activities the role holds a letter on."))]
            }
            "journey list" => vec![
                ("activity_count", count("Activities in the step.")),
                ("touchpoint_count", count("Touchpoints of the step.")),
            ],
            "proposal list" => vec![("test_count", count("User tests of the proposal."))],
            "routine list" => vec![(
                "overdue",
                json!({ "type": "boolean", "description": "Whether the review is overdue." }),
            )],
            "supplier list" => vec![(
                "latest_review",
                json!({ "anyOf": [{ "$ref": "#/$defs/review" }, { "type": "null" }], "description": "The newest review, as in the supplier's `reviews`." }),
            )],
            "measure list" => vec![
                (
                    "unit",
                    json!({ "anyOf": [{ "type": "string" }, { "type": "null" }], "description": "The indicator's unit." }),
                ),
                (
                    "achievement",
                    json!({ "anyOf": [{ "type": "number" }, { "type": "null" }], "description": "How far the value is from baseline to target, in %." }),
                ),
            ],
            "deviation list" => vec![("overdue_actions", overdue.clone())],
            "deviation show" => vec![
                ("overdue_actions", overdue.clone()),
                (
                    "overdue_action_numbers",
                    json!({ "type": "array", "items": { "type": "integer", "minimum": 1 }, "description": "The overdue actions' numbers (1-based, as `deviation show` numbers them)." }),
                ),
            ],
            _ => Vec::new(),
        };
    }
    out
}

/// The schema of one generated document.
pub fn doc_schema(d: &Doc) -> Value {
    let record = record_ref(d.spec, &d.extra);
    let body = match d.shape {
        Shape::List => json!({ "type": "array", "items": record }),
        Shape::Show => record,
    };
    let mut props = Map::new();
    props.insert("version".into(), json!({ "$ref": "common.schema.json#/$defs/version" }));
    props.insert(d.key.clone(), body);
    let mut out = json!({
        "$schema": DRAFT,
        "$id": format!("{BASE}{}", d.file()),
        "title": format!("veikart {} --format json", d.command),
        "type": "object",
        "additionalProperties": false,
        "required": ["version", d.key],
        "properties": props,
    });
    // A supplier's newest review has the shape of its `reviews`.
    if d.spec.dir == "suppliers" {
        out["$defs"] = json!({ "review": {
            "$ref": format!("{RECORDS}#/$defs/{}/properties/reviews/items", def_name(d.spec))
        } });
    }
    out
}

/// Every generated file: its name in [`DIR`] and its committed text.
pub fn files() -> Vec<(String, String)> {
    let mut out = vec![(RECORDS.to_string(), super::schema::pretty(&records()))];
    for d in docs() {
        out.push((d.file(), super::schema::pretty(&doc_schema(&d))));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The generated schemas in docs/schema/output/ are current; regenerate
    /// them with `VEIKART_BLESS=1 cargo test --lib schema`.
    #[test]
    fn committed_output_schemas_are_current() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(DIR);
        let bless = std::env::var_os("VEIKART_BLESS").is_some();
        for (name, text) in files() {
            let path = dir.join(&name);
            if bless {
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(&path, &text).unwrap();
                continue;
            }
            let have = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                have == text,
                "{} is stale; run `VEIKART_BLESS=1 cargo test --lib schema`",
                path.display()
            );
        }
    }

    #[test]
    fn every_list_key_is_plural_and_every_file_unique() {
        let mut files: Vec<String> = docs().iter().map(Doc::file).collect();
        let n = files.len();
        files.sort();
        files.dedup();
        assert_eq!(files.len(), n, "two documents with one file");
        for d in docs().iter().filter(|d| d.shape == Shape::List) {
            assert!(
                d.key.ends_with('s') || matches!(d.key.as_str(), "team" | "related"),
                "{}: {}",
                d.command,
                d.key
            );
        }
    }
}
