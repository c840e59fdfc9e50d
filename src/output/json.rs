//! The one JSON envelope (docs/json.md): every JSON document veikart prints
//! is an object that starts with `"version"`, and its numbers carry no float
//! noise — no `-0.0`, no `77.77777777777779`, whole numbers without `.0`.

use serde_json::{Map, Number, Value};

/// The version of the JSON contract (docs/json.md). Version 2 is the one
/// contract for all commands.
pub const VERSION: u32 = 2;

/// Decimals kept for any number that is not rounded at its source; enough
/// for every unit veikart knows, few enough to hide binary float noise.
const DECIMALS: i32 = 4;

/// `value` as the pretty JSON veikart prints: the envelope's `version`
/// first, numbers cleaned up, and line separators and bidi controls written
/// as `\u` escapes, so a document is safe to show in a terminal too.
pub fn to_string<T: serde::Serialize>(value: &T) -> serde_json::Result<String> {
    let value = envelope(serde_json::to_value(value)?);
    let text = serde_json::to_string_pretty(&value)?;
    Ok(escape_invisible(&text))
}

/// A document: `version` first, then the command's own keys. A value that
/// is not an object is wrapped as `{"version": 2, "value": …}`.
pub fn envelope(value: Value) -> Value {
    let mut doc = Map::new();
    doc.insert("version".into(), Value::from(VERSION));
    match clean(value) {
        Value::Object(map) => {
            for (k, v) in map {
                if k != "version" {
                    doc.insert(k, v);
                }
            }
        }
        other => {
            doc.insert("value".into(), other);
        }
    }
    Value::Object(doc)
}

/// A record as JSON shows it wherever it appears: its keys, then `path`,
/// its file as the user would type it. Reads as the record itself.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Record<T> {
    #[serde(flatten)]
    pub record: T,
    pub path: String,
}

impl<T> std::ops::Deref for Record<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.record
    }
}

/// Round `x` to `decimals`, with `-0` as `0`.
pub fn round(x: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    let r = (x * f).round() / f;
    if r == 0.0 { 0.0 } else { r }
}

/// A float as a JSON number: rounded, and whole numbers as integers.
pub fn number(x: f64) -> Value {
    let r = round(x, DECIMALS);
    if r.fract() == 0.0 && r.abs() < 9.0e15 {
        Value::from(r as i64)
    } else {
        Number::from_f64(r).map_or(Value::Null, Value::Number)
    }
}

fn clean(value: Value) -> Value {
    match value {
        Value::Number(n) if n.is_f64() => n.as_f64().map_or(Value::Null, number),
        Value::Array(items) => Value::Array(items.into_iter().map(clean).collect()),
        Value::Object(map) => Value::Object(map.into_iter().map(|(k, v)| (k, clean(v))).collect()),
        other => other,
    }
}

/// Raw U+2028/U+2029, bidi and C1 controls are valid in JSON strings but
/// move or hide text when printed; write them as escapes. They can only occur
/// inside strings, so a plain replace is exact.
pub fn escape_invisible(text: &str) -> String {
    if !text.chars().any(invisible) {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len() + 12);
    for c in text.chars() {
        if invisible(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    out
}

fn invisible(c: char) -> bool {
    // C1 controls (U+0080–U+009F) too: serde leaves them raw, and a terminal
    // acts on some of them (U+009B starts a control sequence).
    ('\u{80}'..='\u{9f}').contains(&c)
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn version_comes_first_and_numbers_are_clean() {
        let doc = to_string(&json!({"a": -0.0, "b": 77.77777777777779, "c": 9.0, "version": 1}))
            .unwrap_or_default();
        let want = "{\n  \"version\": 2,\n  \"a\": 0,\n  \"b\": 77.7778,\n  \"c\": 9\n}";
        assert_eq!(doc, want);
    }

    #[test]
    fn line_separators_are_escaped() {
        let doc = to_string(&json!({"t": "a\u{2028}b\u{202e}"})).unwrap_or_default();
        assert!(doc.contains(r#""a\u2028b\u202e""#), "{doc}");
    }
}
