//! Small edits to a record document that keep the user's layout: a changed
//! value keeps its spacing and trailing comment, a new key goes at the end of
//! the top-level keys, and nothing else moves.

use toml_edit::{Array, DocumentMut, Item, Value};

use crate::model::date::Date;

/// Set `key` to `value`, keeping the old value's decoration if it had one.
pub fn set(doc: &mut DocumentMut, key: &str, mut value: Value) {
    let table = doc.as_table_mut();
    match table.get_mut(key) {
        Some(item) => {
            if let Some(old) = item.as_value() {
                if old.to_string().trim() == value.to_string().trim() {
                    return;
                }
                *value.decor_mut() = old.decor().clone();
            }
            *item = Item::Value(value);
        }
        None => {
            table.insert(key, Item::Value(value));
        }
    }
}

/// Set or remove: `None` removes the key.
pub fn set_opt(doc: &mut DocumentMut, key: &str, value: Option<Value>) {
    match value {
        Some(v) => set(doc, key, v),
        None => remove(doc, key),
    }
}

pub fn remove(doc: &mut DocumentMut, key: &str) {
    doc.as_table_mut().remove(key);
}

pub fn text(s: &str) -> Value {
    Value::from(s)
}

pub fn int(i: i64) -> Value {
    Value::from(i)
}

pub fn date(d: Date) -> Value {
    let date = toml_edit::Date {
        year: u16::try_from(d.year()).unwrap_or(1970),
        month: d.month(),
        day: d.day(),
    };
    Value::from(toml_edit::Datetime { date: Some(date), time: None, offset: None })
}

pub fn list<S: AsRef<str>>(items: &[S]) -> Value {
    let mut a = Array::new();
    for s in items {
        a.push(s.as_ref());
    }
    Value::Array(a)
}
