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

/// Set `key` to a list of texts written one item a line, indented two
/// spaces, with a trailing comma (as `taplo fmt` leaves an expanded array):
///
/// ```toml
/// enablers = [
///   "proposals/sms-varsel",
///   "touchpoints/skranken",
/// ]
/// ```
///
/// so that two branches adding different items to the list change
/// different lines, and git merges them.
pub fn set_lines<S: AsRef<str>>(doc: &mut DocumentMut, key: &str, items: &[S]) {
    let mut a = Array::new();
    for s in items {
        let mut v = Value::from(s.as_ref());
        v.decor_mut().set_prefix("\n  ");
        v.decor_mut().set_suffix("");
        a.push_formatted(v);
    }
    a.set_trailing_comma(true);
    a.set_trailing("\n");
    let mut value = Value::Array(a);
    let table = doc.as_table_mut();
    match table.get_mut(key) {
        Some(item) => {
            if let Some(old) = item.as_value() {
                *value.decor_mut() = old.decor().clone();
            }
            *item = Item::Value(value);
        }
        None => {
            table.insert(key, Item::Value(value));
        }
    }
}

/// A number, written as an integer when it is whole (`order = 20`).
pub fn number(f: f64) -> Value {
    if crate::model::number::is_whole(f) { Value::from(f as i64) } else { Value::from(f) }
}

pub fn boolean(b: bool) -> Value {
    Value::from(b)
}

/// A model value as it is written to a file.
pub fn value(v: &crate::model::value::Value) -> Value {
    use crate::model::value::Value as V;
    match v {
        V::Str(s) => text(s),
        V::Int(i) => int(*i),
        V::Float(f) => number(*f),
        V::Bool(b) => boolean(*b),
        V::Date(d) => date(*d),
        V::List(items) => {
            let mut a = Array::new();
            for item in items {
                a.push(value(item));
            }
            Value::Array(a)
        }
        V::Map(pairs) => {
            let mut t = toml_edit::InlineTable::new();
            for (k, item) in pairs {
                t.insert(k, value(item));
            }
            Value::InlineTable(t)
        }
    }
}

/// Set `key` inside the table `table` (created as `[table]` at the end of the
/// file when missing), keeping the old value's decoration.
pub fn set_in_table(doc: &mut DocumentMut, table: &str, key: &str, mut value: Value) {
    let root = doc.as_table_mut();
    if root.get(table).and_then(Item::as_table_like).is_none() {
        root.insert(table, Item::Table(toml_edit::Table::new()));
    }
    let Some(t) = root.get_mut(table).and_then(Item::as_table_like_mut) else { return };
    match t.get_mut(key) {
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
            t.insert(key, Item::Value(value));
        }
    }
}

/// Remove `key` from the table `table`; the table goes too when it empties.
/// Returns whether the key was there.
pub fn remove_in_table(doc: &mut DocumentMut, table: &str, key: &str) -> bool {
    let root = doc.as_table_mut();
    let Some(t) = root.get_mut(table).and_then(Item::as_table_like_mut) else { return false };
    let removed = t.remove(key).is_some();
    if t.is_empty() {
        root.remove(table);
    }
    removed
}

/// In the array of tables `key` (`[[assessment]]`), replace the values of the
/// last entry whose `match_key` equals `match_value`, or append a new entry
/// at the end of the file when there is none. Other entries, comments and
/// layout stay as they were. Returns whether an entry was replaced, or
/// `None` (changing nothing) when `key` holds something other than `[[key]]`
/// tables (an inline array, which the caller should refuse to rewrite).
pub fn upsert_row(
    doc: &mut DocumentMut,
    key: &str,
    match_key: &str,
    match_value: &str,
    values: &[(&str, Option<Value>)],
) -> Option<bool> {
    let array = table_array(doc, key)?;
    let found = array
        .iter()
        .enumerate()
        .filter(|(_, t)| t.get(match_key).and_then(Item::as_str) == Some(match_value))
        .map(|(i, _)| i)
        .last();
    let replaced = found.is_some();
    let table = match found.and_then(|i| array.get_mut(i)) {
        Some(t) => t,
        None => {
            let mut t = toml_edit::Table::new();
            t.insert(match_key, Item::Value(Value::from(match_value)));
            array.push(t);
            let last = array.len() - 1;
            array.get_mut(last)?
        }
    };
    set_values(table, values);
    Some(replaced)
}

/// Set (`Some`) or remove (`None`) values in `table`, keeping each old
/// value's decoration and leaving a value written the same way alone.
fn set_values(table: &mut toml_edit::Table, values: &[(&str, Option<Value>)]) {
    for (k, v) in values {
        match v {
            Some(v) => {
                let mut v = v.clone();
                if let Some(old) = table.get(k).and_then(Item::as_value) {
                    if old.to_string().trim() == v.to_string().trim() {
                        continue;
                    }
                    *v.decor_mut() = old.decor().clone();
                }
                table.insert(k, Item::Value(v));
            }
            None => {
                table.remove(k);
            }
        }
    }
}

/// Append one entry to the array of tables `key` (`[[cost]]`), at the end of
/// the file, so adding an entry is a small diff that leaves the others alone.
/// Returns false, changing nothing, when `key` holds something other than
/// `[[key]]` tables (an inline array the caller should refuse to rewrite).
#[must_use]
pub fn push_table(doc: &mut DocumentMut, key: &str, entries: Vec<(&str, Value)>) -> bool {
    let mut table = toml_edit::Table::new();
    for (k, v) in entries {
        table.insert(k, Item::Value(v));
    }
    match table_array(doc, key) {
        Some(a) => {
            a.push(table);
            true
        }
        None => false,
    }
}

/// The `[[key]]` tables of the file, created empty when `key` is absent;
/// `None` when `key` holds anything else (an inline array is the user's
/// layout, and veikart does not rewrite it).
fn table_array<'a>(
    doc: &'a mut DocumentMut,
    key: &str,
) -> Option<&'a mut toml_edit::ArrayOfTables> {
    let root = doc.as_table_mut();
    if root.get(key).is_none() {
        root.insert(key, Item::ArrayOfTables(toml_edit::ArrayOfTables::new()));
    }
    root.get_mut(key).and_then(Item::as_array_of_tables_mut)
}

/// In the array of tables `key` (`[[action]]`), set (`Some`) or remove
/// (`None`) values of the `n`th entry (from 1), keeping each old value's
/// decoration. Returns false, changing nothing, when there is no such entry
/// or `key` is not written as `[[key]]` tables.
#[must_use]
pub fn set_in_row(
    doc: &mut DocumentMut,
    key: &str,
    n: usize,
    values: &[(&str, Option<Value>)],
) -> bool {
    let Some(array) = doc.as_table_mut().get_mut(key).and_then(Item::as_array_of_tables_mut) else {
        return false;
    };
    let Some(table) = n.checked_sub(1).and_then(|i| array.get_mut(i)) else { return false };
    set_values(table, values);
    true
}

/// Append a text to the list `key`, keeping the items already there as
/// written. In a list written one item a line, the new item gets a line of
/// its own, indented as the last one.
pub fn push_to_list(doc: &mut DocumentMut, key: &str, item: &str) {
    let table = doc.as_table_mut();
    match table.get_mut(key).and_then(Item::as_array_mut) {
        Some(a) => {
            let indent = a.iter().last().and_then(|last| {
                let prefix = last.decor().prefix()?.as_str()?;
                let (_, indent) = prefix.rsplit_once('\n')?;
                Some(indent.to_string())
            });
            match indent {
                Some(indent) => {
                    let mut v = Value::from(item);
                    v.decor_mut().set_prefix(format!("\n{indent}"));
                    v.decor_mut().set_suffix("");
                    a.push_formatted(v);
                }
                None => a.push(item),
            }
        }
        None => {
            table.insert(key, Item::Value(list(&[item])));
        }
    }
}

/// `new` (an edit of `old`, as toml_edit writes it: LF, no byte order mark)
/// with `old`'s line endings and byte order mark, so the diff of an edit is
/// the changed lines only, also in a file saved on Windows.
pub fn same_layout(old: &str, new: String) -> String {
    let bom = old.starts_with('\u{feff}') && !new.starts_with('\u{feff}');
    let crlf = old.matches("\r\n").count() * 2 > old.matches('\n').count();
    if !bom && !crlf {
        return new;
    }
    let mut out = String::with_capacity(new.len() + new.len() / 16 + 3);
    if bom {
        out.push('\u{feff}');
    }
    if crlf {
        // toml_edit writes every line break as LF; give each back its CR.
        for (n, line) in new.split('\n').enumerate() {
            if n > 0 {
                out.push_str("\r\n");
            }
            out.push_str(line.strip_suffix('\r').unwrap_or(line));
        }
    } else {
        out.push_str(&new);
    }
    out
}

#[cfg(test)]
mod layout_tests {
    use super::same_layout;

    #[test]
    fn crlf_and_the_byte_order_mark_are_kept() {
        let old = "\u{feff}a = 1\r\nb = 2\r\n";
        assert_eq!(same_layout(old, "a = 1\nb = 3\n".into()), "\u{feff}a = 1\r\nb = 3\r\n");
        assert_eq!(same_layout("a = 1\n", "a = 2\n".into()), "a = 2\n");
    }
}
