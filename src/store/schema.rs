//! JSON Schemas for every file kind, generated from the same field specs the
//! store validates with, so editors (taplo / Even Better TOML) can check and
//! complete the files. The committed copies in `docs/schema/` are tested to be
//! current.

use serde_json::{Map, Value, json};

use crate::model::KINDS;
use crate::model::project;
use crate::model::schema::{FieldType, KindSpec};

/// Every file kind: (file stem of its schema, spec).
pub fn all() -> Vec<(&'static str, &'static KindSpec)> {
    let mut out = vec![("project", &project::SPEC)];
    out.extend(KINDS.iter().map(|k| (k.spec.dir, k.spec)));
    out
}

/// The JSON Schema of one file kind.
pub fn schema(name: &str, spec: &KindSpec) -> Value {
    let title = match (&spec.group, spec.dir.is_empty()) {
        (_, true) => "veikart.toml".to_string(),
        (Some(g), _) => format!("veikart {} ({}/<{}>/<id>.toml)", spec.noun, spec.dir, g.field),
        (None, _) => format!("veikart {} ({}/<id>.toml)", spec.noun, spec.dir),
    };
    let mut out = Map::new();
    out.insert("$schema".into(), json!("https://json-schema.org/draft/2020-12/schema"));
    out.insert("$id".into(), json!(format!("https://veikart.invalid/schema/{name}.schema.json")));
    out.insert("title".into(), json!(title));
    if let Value::Object(body) = object(spec.fields) {
        out.extend(body);
    }
    Value::Object(out)
}

/// An object with exactly these fields.
fn object(fields: &[crate::model::schema::Field]) -> Value {
    let mut props = Map::new();
    for f in fields {
        let mut p = field_type(f.ty);
        if let Value::Object(m) = &mut p {
            m.insert("description".into(), Value::String(f.doc.to_string()));
        }
        props.insert(f.name.to_string(), p);
    }
    let required: Vec<&str> = fields.iter().filter(|f| f.required).map(|f| f.name).collect();
    json!({
        "type": "object",
        "additionalProperties": false,
        "required": required,
        "properties": props,
    })
}

fn field_type(ty: FieldType) -> Value {
    const ID_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";
    match ty {
        FieldType::Line => {
            json!({ "type": "string", "minLength": 1, "pattern": "^[^\\u0000-\\u001f]*$" })
        }
        FieldType::Text => json!({ "type": "string" }),
        // TOML local dates appear to JSON tooling as "date" strings.
        FieldType::Date => json!({ "type": "string", "format": "date" }),
        FieldType::Int { min, max } => json!({ "type": "integer", "minimum": min, "maximum": max }),
        FieldType::Year => {
            let (min, max) = crate::model::input::YEARS;
            json!({ "type": "integer", "minimum": min, "maximum": max })
        }
        FieldType::Number => json!({ "type": "number" }),
        FieldType::Money => json!({ "type": "number", "minimum": 0 }),
        FieldType::Bool => json!({ "type": "boolean" }),
        FieldType::Enum(e) => json!({ "type": "string", "enum": e.keys() }),
        FieldType::Keys(e) => {
            json!({ "type": "array", "items": { "type": "string", "enum": e.keys() } })
        }
        FieldType::Lines => {
            json!({ "type": "array", "items": { "type": "string", "minLength": 1 } })
        }
        FieldType::Ref(_) => json!({ "type": "string", "pattern": ID_PATTERN }),
        FieldType::RefMap(_, e) => json!({
            "type": "object",
            "propertyNames": { "pattern": ID_PATTERN },
            "additionalProperties": { "type": "string", "enum": e.keys() },
        }),
        FieldType::Refs(_) => {
            json!({ "type": "array", "items": { "type": "string", "pattern": ID_PATTERN } })
        }
        FieldType::Tables(fields) => json!({ "type": "array", "items": object(fields) }),
    }
}

/// The schema as pretty JSON with a trailing newline (the committed form).
pub fn render(name: &str, spec: &KindSpec) -> String {
    pretty(&schema(name, spec))
}

fn pretty(v: &Value) -> String {
    let mut s = serde_json::to_string_pretty(&sorted(v.clone())).unwrap_or_default();
    s.push('\n');
    s
}

/// Keys in alphabetical order at every level, so a schema's text does not
/// depend on the order the generator wrote them in.
fn sorted(v: Value) -> Value {
    match v {
        Value::Object(map) => {
            let mut entries: Vec<(String, Value)> = map.into_iter().collect();
            entries.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(entries.into_iter().map(|(k, v)| (k, sorted(v))).collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sorted).collect()),
        other => other,
    }
}

/// The name `veikart schema` and docs/schema/ give the roadmap file's schema.
pub const ROADMAP: &str = "roadmap";

/// The JSON Schema of a project's own `roadmap.toml` (and of the built-in
/// roadmaps), following `model::roadmap`; `rule` lists the rules veikart has.
pub fn roadmap_schema() -> Value {
    const ID_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";
    let text = |what: &str| json!({ "type": "string", "minLength": 1, "description": what });
    let rules: Vec<&str> = crate::model::checks::RULES.iter().map(|(n, _)| *n).collect();
    let item = json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["id", "evaluation", "nb", "en"],
        "properties": {
            "id": { "type": "string", "pattern": ID_PATTERN, "description": "The item's id, unique in its phase." },
            "origin": { "type": "string", "enum": ["ks", "derived", "local"], "description": "Where the item comes from: KS's own checklist, derived from the roadmap's steps, or the project's own (the default)." },
            "evaluation": { "type": "string", "enum": ["auto", "suggested", "manual"], "description": "Who decides: a rule over the data, the data suggests and a person answers, or only a person." },
            "rule": { "type": "string", "enum": rules, "description": "The rule over the project's data; required for auto and suggested items." },
            "nb": text("The question in Bokmål."),
            "en": text("The question in English."),
        },
    });
    let step = json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["nb", "en"],
        "properties": { "nb": text("The step in Bokmål."), "en": text("The step in English.") },
    });
    let phase = json!({
        "type": "object",
        "additionalProperties": false,
        "required": ["id"],
        "properties": {
            "id": { "type": "string", "pattern": ID_PATTERN, "description": "The phase's id; in a file that extends a built-in roadmap, an existing phase's id adds items to it." },
            "nb": text("The phase's name in Bokmål (may be left out when extending)."),
            "en": text("The phase's name in English (may be left out when extending)."),
            "aliases": { "type": "array", "items": { "type": "string", "minLength": 1 }, "description": "Other names the command line accepts for the phase." },
            "steps": { "type": "array", "items": step, "description": "The phase's steps, in order." },
            "item": { "type": "array", "items": item, "description": "The phase's checklist items ([[phase.item]])." },
        },
    });
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": format!("https://veikart.invalid/schema/{ROADMAP}.schema.json"),
        "title": "veikart roadmap (roadmap.toml)",
        "type": "object",
        "additionalProperties": false,
        "properties": {
            "id": { "type": "string", "pattern": ID_PATTERN, "description": "The roadmap's id, for a project that follows its own roadmap (veikart.toml's `roadmap` names it)." },
            "nb": text("The roadmap's name in Bokmål."),
            "en": text("The roadmap's name in English."),
            "extends": { "type": "string", "description": "The built-in roadmap this file adds items to: ks-2018 or samveis-2015." },
            "phase": { "type": "array", "items": phase, "description": "The phases ([[phase]]), in order." },
        },
    })
}

/// [`roadmap_schema`] in its committed form.
pub fn render_roadmap() -> String {
    pretty(&roadmap_schema())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The schemas in docs/schema/ are generated; regenerate them with
    /// `VEIKART_BLESS=1 cargo test --lib schema`.
    #[test]
    fn committed_schemas_are_current() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/schema");
        let bless = std::env::var_os("VEIKART_BLESS").is_some();
        for (name, spec) in all() {
            let path = dir.join(format!("{name}.schema.json"));
            let want = render(name, spec);
            if bless {
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(&path, &want).unwrap();
                continue;
            }
            let have = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                have == want,
                "{} is stale; run `VEIKART_BLESS=1 cargo test --lib schema`",
                path.display()
            );
        }
        let path = dir.join(format!("{ROADMAP}.schema.json"));
        if bless {
            std::fs::write(&path, render_roadmap()).unwrap();
        } else {
            let have = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(have == render_roadmap(), "{} is stale; bless it as above", path.display());
        }
    }

    /// The built-in roadmaps use only what the schema allows: every key is
    /// known and every rule exists (a cheap structural check, no validator).
    #[test]
    fn built_in_roadmaps_fit_the_schema() {
        let schema = roadmap_schema();
        let keys = |v: &Value| -> Vec<String> {
            v["properties"].as_object().map(|m| m.keys().cloned().collect()).unwrap_or_default()
        };
        let top = keys(&schema);
        let phase_schema = &schema["properties"]["phase"]["items"];
        let phase_keys = keys(phase_schema);
        let item_keys = keys(&phase_schema["properties"]["item"]["items"]);
        let rules = &phase_schema["properties"]["item"]["items"]["properties"]["rule"]["enum"];
        for file in ["ks-2018", "samveis-2015"] {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join(format!("roadmaps/{file}.toml"));
            let text = std::fs::read_to_string(&path).unwrap();
            let doc: toml::Table = toml::from_str(&text).unwrap();
            for k in doc.keys() {
                assert!(top.contains(k), "{file}: unknown key {k}");
            }
            for phase in doc["phase"].as_array().unwrap() {
                for k in phase.as_table().unwrap().keys() {
                    assert!(phase_keys.contains(k), "{file}: unknown phase key {k}");
                }
                for item in phase.get("item").and_then(|i| i.as_array()).into_iter().flatten() {
                    let item = item.as_table().unwrap();
                    for k in item.keys() {
                        assert!(item_keys.contains(k), "{file}: unknown item key {k}");
                    }
                    if let Some(rule) = item.get("rule").and_then(|r| r.as_str()) {
                        assert!(
                            rules.as_array().unwrap().iter().any(|r| r == rule),
                            "{file}: rule {rule} not in the schema"
                        );
                    }
                }
            }
        }
    }
}
