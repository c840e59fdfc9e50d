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

/// What `veikart check` holds a one-line field (a title, a name, an entry
/// of a list of texts) to, as one regular expression: no control character
/// (`char::is_control`), none of the invisible characters that can hide or
/// reorder text (`model::schema::hidden_char` with `line`), and at least one
/// character that is not white space (`str::trim` leaves something). Escapes
/// only, so the schema file itself holds no invisible character.
const LINE_PATTERN: &str = concat!(
    "^[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200b\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2060\\u2066-\\u2069\\ufeff]*",
    "[^\\u0000-\\u0020\\u007f-\\u00a0\\u061c\\u1680\\u2000-\\u200b\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202f\\u205f\\u2060\\u2066-\\u2069\\u3000\\ufeff]",
    "[^\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200b\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2060\\u2066-\\u2069\\ufeff]*$",
);

/// Free text (`model::schema::TextRule::Text`): line breaks and tabs are
/// fine; other control characters, the bidirectional controls and the line
/// and paragraph separators (`hidden_char` without `line`) are not.
const TEXT_PATTERN: &str = "^[^\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069]*$";

/// A date veikart reads: `YYYY-MM-DD` with a year from 0001 (TOML allows
/// 0000, `model::date::Date` does not). `format` checks the month and day.
const DATE_PATTERN: &str =
    "^([0-9]{3}[1-9]|[0-9]{2}[1-9][0-9]|[0-9][1-9][0-9]{2}|[1-9][0-9]{3})-[0-9]{2}-[0-9]{2}$";

/// An id (`model::id::is_valid`): lowercase words of a–z and 0–9 joined by
/// single dashes, at most `MAX_LEN` and a suffix (`-99`) long.
const ID_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

fn id() -> Value {
    json!({ "type": "string", "pattern": ID_PATTERN, "maxLength": crate::model::id::MAX_LEN + 4 })
}

pub(super) fn field_type(ty: FieldType) -> Value {
    match ty {
        FieldType::Line => json!({ "type": "string", "minLength": 1, "pattern": LINE_PATTERN }),
        FieldType::Text => json!({ "type": "string", "pattern": TEXT_PATTERN }),
        // TOML local dates appear to JSON tooling as "date" strings.
        FieldType::Date => json!({ "type": "string", "format": "date", "pattern": DATE_PATTERN }),
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
        // Each entry of a list of texts is held to the rule of one line.
        FieldType::Lines => json!({
            "type": "array",
            "items": { "type": "string", "minLength": 1, "pattern": LINE_PATTERN },
        }),
        FieldType::Ref(_) => id(),
        FieldType::RefMap(_, e) => json!({
            "type": "object",
            "propertyNames": id(),
            "additionalProperties": { "type": "string", "enum": e.keys() },
        }),
        FieldType::Refs(_) => json!({ "type": "array", "items": id() }),
        // `folder/id`, the folder one of those named.
        FieldType::RefsAmong(dirs) => {
            let bare = ID_PATTERN.trim_start_matches('^');
            let pattern = format!("^({})/{bare}", dirs.join("|"));
            json!({ "type": "array", "items": { "type": "string", "pattern": pattern } })
        }
        FieldType::Tables(fields) => json!({ "type": "array", "items": object(fields) }),
    }
}

/// The schema as pretty JSON with a trailing newline (the committed form).
pub fn render(name: &str, spec: &KindSpec) -> String {
    pretty(&schema(name, spec))
}

pub(super) fn pretty(v: &Value) -> String {
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

/// The folder, relative to a project's root, where `init` keeps the
/// project's own copy of the schemas: hidden, so no record folder is in the
/// way, and inside the project, so the editor needs neither the network nor
/// veikart's source.
pub const PROJECT_DIR: &str = ".veikart/schema";

/// veikart's own hidden folder in a project, the one [`PROJECT_DIR`] is in.
pub const SUPPORT_DIR: &str = ".veikart";

/// The taplo configuration `init` writes beside `veikart.toml`.
pub const TAPLO_FILE: &str = ".taplo.toml";

/// Every schema a project keeps: its file name in [`PROJECT_DIR`] (the same
/// as in docs/schema/) and its committed text.
pub fn files() -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> =
        all().into_iter().map(|(name, spec)| (file_name(name), render(name, spec))).collect();
    out.push((file_name(ROADMAP), render_roadmap()));
    out
}

fn file_name(name: &str) -> String {
    format!("{name}.schema.json")
}

/// Which files of a project a schema is for, as globs from its root.
fn globs() -> Vec<(String, &'static str)> {
    let mut out = vec![(super::PROJECT_FILE.to_string(), "project")];
    out.push((super::roadmap::LOCAL_FILE.to_string(), ROADMAP));
    for entry in KINDS {
        let spec = entry.spec;
        let glob = match spec.group {
            Some(_) => format!("{}/*/*.toml", spec.dir),
            None => format!("{}/*.toml", spec.dir),
        };
        out.push((glob, spec.dir));
    }
    out
}

/// The `.taplo.toml` of a project: one rule per kind pointing its files at
/// the kind's schema in [`PROJECT_DIR`], and formatter options that keep
/// the layout veikart writes (keys in their order, nothing aligned in
/// columns, an array on one line or several as it is), so that after
/// `taplo fmt` a veikart edit still leaves every file as `taplo fmt --check`
/// wants it. The comment at the top is in the project's language.
pub fn taplo_config(lang: crate::i18n::Lang) -> String {
    use std::fmt::Write as _;
    let mut out = String::from(match lang {
        crate::i18n::Lang::Nb => {
            "# Redigeringsstøtte for veikart-filene: Even Better TOML (VS Code) og taplo\n\
             # (`taplo check`, `taplo fmt`) leser denne filen. `veikart init` skrev den;\n\
             # skjemaene i .veikart/schema/ kommer fra veikart (`veikart schema TYPE`).\n"
        }
        crate::i18n::Lang::En => {
            "# Editor support for the veikart files: Even Better TOML (VS Code) and taplo\n\
             # (`taplo check`, `taplo fmt`) read this file. `veikart init` wrote it; the\n\
             # schemas in .veikart/schema/ come from veikart (`veikart schema KIND`).\n"
        }
    });
    let globs = globs();
    out.push_str("\ninclude = [\n");
    for (glob, _) in &globs {
        let _ = writeln!(out, "  \"{glob}\",");
    }
    out.push_str("]\n");
    out.push_str(
        "\n[formatting]\n\
         align_entries = false\n\
         align_comments = false\n\
         array_auto_expand = false\n\
         array_auto_collapse = false\n\
         array_trailing_comma = true\n\
         compact_arrays = true\n\
         compact_inline_tables = false\n\
         compact_entries = false\n\
         inline_table_expand = false\n\
         indent_tables = false\n\
         indent_entries = false\n\
         reorder_keys = false\n\
         reorder_arrays = false\n\
         trailing_newline = true\n\
         crlf = false\n",
    );
    for (glob, name) in &globs {
        let _ = write!(
            out,
            "\n[[rule]]\ninclude = [\"{glob}\"]\n\n[rule.schema]\npath = \"{PROJECT_DIR}/{}\"\n",
            file_name(name)
        );
    }
    out
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

    #[test]
    fn the_schema_folder_is_in_the_support_folder() {
        assert!(PROJECT_DIR.starts_with(&format!("{SUPPORT_DIR}/")));
    }

    /// The example project carries what `init` writes for editors: the same
    /// `.taplo.toml` and the same schemas (blessed with the ones above).
    #[test]
    fn example_editor_support_is_current() {
        let root =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/fjordvik-legevakt");
        let bless = std::env::var_os("VEIKART_BLESS").is_some();
        let dir = root.join(PROJECT_DIR);
        let mut want = vec![(root.join(TAPLO_FILE), taplo_config(crate::i18n::Lang::Nb))];
        want.extend(files().into_iter().map(|(name, text)| (dir.join(name), text)));
        for (path, text) in &want {
            if bless {
                std::fs::create_dir_all(path.parent().unwrap()).unwrap();
                std::fs::write(path, text).unwrap();
                continue;
            }
            let have = std::fs::read_to_string(path).unwrap_or_default();
            assert!(
                &have == text,
                "{} is stale; run `VEIKART_BLESS=1 cargo test --lib schema`",
                path.display()
            );
        }
        let mut names: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        let mut expected: Vec<String> = files().into_iter().map(|(n, _)| n).collect();
        expected.sort();
        assert_eq!(names, expected, "{} holds exactly the schemas", dir.display());
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
