//! Field values as people read them (enum labels, dates, numbers with a
//! decimal comma, amounts grouped), and what an edit changed, field by field
//! (`Status: ny → prioritert`), from the kind's declaration.

use serde::Serialize;

use super::number;
use super::schema::{Field, FieldType, KindSpec};
use super::value::{Fields, Value};
use crate::tr;

/// A value of `field` as people read it, in the current language.
pub fn value(field: &Field, v: &Value) -> String {
    match (field.ty, v) {
        (FieldType::Enum(e), Value::Str(s)) => e.label(s).to_string(),
        (FieldType::Keys(e), Value::List(items)) => {
            items.iter().map(|v| e.label(&plain(v)).to_string()).collect::<Vec<_>>().join(", ")
        }
        (FieldType::Money, Value::Int(i)) => number::money(*i as f64),
        (FieldType::Money, Value::Float(f)) => number::money(*f),
        (FieldType::Bool, Value::Bool(b)) => {
            if *b {
                tr!("ja", "yes")
            } else {
                tr!("nei", "no")
            }
        }
        (FieldType::Tables(_), Value::List(rows)) => {
            crate::i18n::counted(rows.len(), ("oppføring", "oppføringer"), ("entry", "entries"))
        }
        (FieldType::RefMap(..), Value::Map(pairs)) => {
            pairs.iter().map(|(k, v)| format!("{k} = {}", plain(v))).collect::<Vec<_>>().join(", ")
        }
        (_, other) => plain(other),
    }
}

/// A value with no declaration to go by.
pub fn plain(v: &Value) -> String {
    match v {
        Value::Str(s) => s.clone(),
        Value::Int(i) => i.to_string(),
        Value::Float(f) => number::format(*f),
        Value::Bool(b) => b.to_string(),
        Value::Date(d) => d.to_string(),
        Value::List(items) => items.iter().map(plain).collect::<Vec<_>>().join(", "),
        Value::Map(pairs) => {
            pairs.iter().map(|(k, v)| format!("{k} = {}", plain(v))).collect::<Vec<_>>().join(", ")
        }
    }
}

/// One field an edit changed: its label, the value before and after as
/// people read them (`None` where there was or is none), and as it is in the
/// file (for JSON: keys, numbers and dates, not labels).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// The key in the file (`status`, `raci.lege`, `action[2].due`).
    pub field: String,
    #[serde(skip)]
    pub label: String,
    #[serde(skip)]
    pub old: Option<String>,
    #[serde(skip)]
    pub new: Option<String>,
    #[serde(rename = "old")]
    pub old_value: serde_json::Value,
    #[serde(rename = "new")]
    pub new_value: serde_json::Value,
}

impl Change {
    fn of(
        field: String,
        label: String,
        old: Option<&Value>,
        new: Option<&Value>,
        f: Option<&Field>,
    ) -> Change {
        let text = |v: Option<&Value>| v.map(|v| f.map_or_else(|| plain(v), |f| value(f, v)));
        Change {
            field,
            label,
            old: text(old),
            new: text(new),
            old_value: old.map_or(serde_json::Value::Null, json),
            new_value: new.map_or(serde_json::Value::Null, json),
        }
    }

    /// `Status: ny → prioritert`, with `–` for a value that is not there. A
    /// long or multi-line value is cut to its first line, unless that would
    /// hide the change.
    pub fn line(&self) -> String {
        let dash = |v: &Option<String>| v.clone().unwrap_or_else(|| "–".to_string());
        let (old, new) = (dash(&self.old), dash(&self.new));
        let (a, b) = (one_line(&old), one_line(&new));
        if a == b {
            let whole = |s: &str| s.lines().collect::<Vec<_>>().join(" ");
            return format!("{}: {} → {}", self.label, whole(&old), whole(&new));
        }
        format!("{}: {a} → {b}", self.label)
    }
}

/// A long or multi-line value cut to its first line and 60 characters.
fn one_line(s: &str) -> String {
    let first = s.lines().next().unwrap_or_default();
    if first.chars().count() > 60 || s.lines().count() > 1 {
        format!("{}…", first.chars().take(60).collect::<String>().trim_end())
    } else {
        first.to_string()
    }
}

/// A value as JSON: texts and keys as strings, numbers as numbers, dates as
/// `YYYY-MM-DD`, lists as arrays.
pub fn json(v: &Value) -> serde_json::Value {
    match v {
        Value::Str(s) => serde_json::Value::String(s.clone()),
        Value::Int(i) => serde_json::Value::from(*i),
        Value::Float(f) => serde_json::Value::from(*f),
        Value::Bool(b) => serde_json::Value::Bool(*b),
        Value::Date(d) => serde_json::Value::String(d.to_string()),
        Value::List(items) => serde_json::Value::Array(items.iter().map(json).collect()),
        Value::Map(pairs) => {
            serde_json::Value::Object(pairs.iter().map(|(k, v)| (k.clone(), json(v))).collect())
        }
    }
}

/// What changed from `before` to `after`, in the order the kind declares its
/// fields; rows of tables (`[[action]]`) and keys of maps (`[raci]`) one by one.
pub fn changes(spec: &KindSpec, before: &Fields, after: &Fields) -> Vec<Change> {
    let mut out = Vec::new();
    diff(spec.fields, &before.values, &after.values, "", "", &mut out);
    out
}

fn diff(
    fields: &'static [Field],
    before: &std::collections::BTreeMap<String, Value>,
    after: &std::collections::BTreeMap<String, Value>,
    key_prefix: &str,
    label_prefix: &str,
    out: &mut Vec<Change>,
) {
    for f in fields {
        // A value left out that has a declared default reads as that default
        // (a technology option without `status` is open).
        let default = match f.default {
            super::schema::Default::Key(k) => Some(Value::Str(k.to_string())),
            _ => None,
        };
        let (raw_old, raw_new) = (before.get(f.name), after.get(f.name));
        if raw_old == raw_new {
            continue;
        }
        // …unless that would hide the change (a default written out, or
        // removed again).
        let old = raw_old.or(default.as_ref().filter(|d| Some(*d) != raw_new));
        let new = raw_new.or(default.as_ref().filter(|d| Some(*d) != raw_old));
        let key = format!("{key_prefix}{}", f.name);
        let label = format!("{label_prefix}{}", f.label_text());
        match (f.ty, old, new) {
            (FieldType::Tables(sub), o, n) => {
                let rows = |v: Option<&Value>| -> Vec<std::collections::BTreeMap<String, Value>> {
                    match v {
                        Some(Value::List(items)) => items
                            .iter()
                            .map(|r| match r {
                                Value::Map(p) => p.iter().cloned().collect(),
                                _ => Default::default(),
                            })
                            .collect(),
                        _ => Vec::new(),
                    }
                };
                let (o, n) = (rows(o), rows(n));
                for i in 0..o.len().max(n.len()) {
                    let empty = Default::default();
                    let (a, b) = (o.get(i).unwrap_or(&empty), n.get(i).unwrap_or(&empty));
                    diff(
                        sub,
                        a,
                        b,
                        &format!("{key}[{}].", i + 1),
                        &format!("{label} {}, ", i + 1),
                        out,
                    );
                }
            }
            (FieldType::RefMap(..), o, n) => {
                let pairs = |v: Option<&Value>| match v {
                    Some(Value::Map(p)) => p.clone(),
                    _ => Vec::new(),
                };
                let (o, n) = (pairs(o), pairs(n));
                let mut keys: Vec<&String> = o.iter().chain(n.iter()).map(|(k, _)| k).collect();
                keys.sort();
                keys.dedup();
                for k in keys {
                    let get = |p: &[(String, Value)]| {
                        p.iter().find(|(x, _)| x == k).map(|(_, v)| v.clone())
                    };
                    let (a, b) = (get(&o), get(&n));
                    if a != b {
                        out.push(Change::of(
                            format!("{key}.{k}"),
                            crate::tr!("{label} for {k}", "{label} for {k}"),
                            a.as_ref(),
                            b.as_ref(),
                            None,
                        ));
                    }
                }
            }
            (_, o, n) => {
                let mut c = Change::of(key, label, o, n, Some(f));
                // JSON says what is in the file, without the default.
                c.old_value = raw_old.map_or(serde_json::Value::Null, json);
                c.new_value = raw_new.map_or(serde_json::Value::Null, json);
                out.push(c);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(pairs: &[(&str, Value)]) -> Fields {
        Fields {
            id: "x".into(),
            values: pairs.iter().map(|(k, v)| (k.to_string(), v.clone())).collect(),
        }
    }

    #[test]
    fn changed_fields_in_declared_order_with_labels() {
        crate::i18n::set(crate::i18n::Lang::Nb);
        let before =
            fields(&[("title", Value::Str("A".into())), ("status", Value::Str("new".into()))]);
        let after = fields(&[
            ("title", Value::Str("A".into())),
            ("status", Value::Str("prioritised".into())),
            ("cost", Value::Int(2)),
        ]);
        let c = changes(&super::super::idea::SPEC, &before, &after);
        let lines: Vec<String> = c.iter().map(Change::line).collect();
        assert_eq!(lines, ["Status: ny → prioritert", "Kostnad: – → 2"]);
    }
}
