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
        FieldType::Number => json!({ "type": "number" }),
        FieldType::Bool => json!({ "type": "boolean" }),
        FieldType::Enum(e) => json!({ "type": "string", "enum": e.keys() }),
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
    let mut s = serde_json::to_string_pretty(&schema(name, spec)).unwrap_or_default();
    s.push('\n');
    s
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
    }
}
