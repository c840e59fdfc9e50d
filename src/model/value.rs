//! Plain values read from a record file, after validation: the bridge between
//! the store (which knows TOML) and the model (which does not).

use std::collections::BTreeMap;

use super::date::Date;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Str(String),
    Int(i64),
    Float(f64),
    Bool(bool),
    Date(Date),
    List(Vec<Value>),
    /// A table of key → value, in file order.
    Map(Vec<(String, Value)>),
}

/// The validated fields of one record, by key.
#[derive(Debug, Clone, Default)]
pub struct Fields {
    pub id: String,
    pub values: BTreeMap<String, Value>,
}

impl Fields {
    pub fn str(&self, key: &str) -> Option<&str> {
        match self.values.get(key) {
            Some(Value::Str(s)) => Some(s),
            _ => None,
        }
    }
    pub fn string(&self, key: &str) -> String {
        self.str(key).unwrap_or_default().to_string()
    }
    pub fn opt_string(&self, key: &str) -> Option<String> {
        self.str(key).map(str::to_string)
    }
    pub fn int(&self, key: &str) -> Option<i64> {
        match self.values.get(key) {
            Some(Value::Int(i)) => Some(*i),
            _ => None,
        }
    }
    pub fn number(&self, key: &str) -> Option<f64> {
        match self.values.get(key) {
            Some(Value::Int(i)) => Some(*i as f64),
            Some(Value::Float(f)) => Some(*f),
            _ => None,
        }
    }
    pub fn bool(&self, key: &str) -> Option<bool> {
        match self.values.get(key) {
            Some(Value::Bool(b)) => Some(*b),
            _ => None,
        }
    }
    pub fn date(&self, key: &str) -> Option<Date> {
        match self.values.get(key) {
            Some(Value::Date(d)) => Some(*d),
            _ => None,
        }
    }
    /// A table of key → text, in file order.
    pub fn string_map(&self, key: &str) -> Vec<(String, String)> {
        match self.values.get(key) {
            Some(Value::Map(items)) => items
                .iter()
                .filter_map(|(k, v)| match v {
                    Value::Str(s) => Some((k.clone(), s.clone())),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// The entries of an array of tables (`[[cost]]`), each as its own fields
    /// (with an empty id), in file order.
    pub fn rows(&self, key: &str) -> Vec<Fields> {
        match self.values.get(key) {
            Some(Value::List(items)) => items
                .iter()
                .filter_map(|v| match v {
                    Value::Map(pairs) => {
                        Some(Fields { id: String::new(), values: pairs.iter().cloned().collect() })
                    }
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    pub fn strings(&self, key: &str) -> Vec<String> {
        match self.values.get(key) {
            Some(Value::List(items)) => items
                .iter()
                .filter_map(|v| match v {
                    Value::Str(s) => Some(s.clone()),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }
}

/// Serialize `(key, value)` pairs as a JSON object (for `#[serde(serialize_with)]`).
pub fn pairs_as_map<S: serde::Serializer>(
    pairs: &[(String, String)],
    s: S,
) -> Result<S::Ok, S::Error> {
    use serde::ser::SerializeMap;
    let mut m = s.serialize_map(Some(pairs.len()))?;
    for (k, v) in pairs {
        m.serialize_entry(k, v)?;
    }
    m.end()
}
