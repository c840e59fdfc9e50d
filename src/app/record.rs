//! The verbs every kind of record has, from its declaration: `add`, `list`,
//! `show`, `set` (one option per field, `--unset` for optional ones) and
//! `rm`. Typed requests in, plain data out; the store runs the rules.

use anyhow::Result;

use crate::error::UserError;
use crate::model::display::Change;
use crate::model::schema::{Default, Field, FieldType, KindSpec, Order};
use crate::model::value::{Fields, Value};
use crate::model::{Changes, KindEntry};
use crate::store::Project;
use crate::tr;

/// The values typed for one field (references still as typed).
#[derive(Debug, Clone)]
pub struct Given {
    pub field: &'static Field,
    pub values: Vec<Value>,
}

/// A record written: its id, its file as shown, and what changed.
#[derive(Debug)]
pub struct Written {
    pub id: String,
    pub path: String,
    pub changes: Vec<Change>,
}

/// One record as `show` and `list` give it.
#[derive(Debug)]
pub struct Shown {
    pub id: String,
    pub path: String,
    pub fields: Fields,
    /// The record as its kind shows it in JSON, with its path.
    pub json: serde_json::Value,
}

/// What typed values for `field` become in the file: references resolved
/// to ids (a unique prefix is enough), lists kept whole, else the last one.
fn resolve(project: &Project, given: &Given) -> Result<Value> {
    let f = given.field;
    let id_of = |v: &Value, dir: &str| -> Result<Value> {
        let typed = crate::model::display::plain(v);
        let spec = crate::model::kind_of(dir)
            .map(|k| k.spec)
            .ok_or_else(|| anyhow::anyhow!("internal error: no kind of record lives in {dir}/"))?;
        Ok(Value::Str(project.resolve(spec, &typed)?))
    };
    Ok(match f.ty {
        FieldType::Ref(dir) => match given.values.last() {
            Some(v) => id_of(v, dir)?,
            None => Value::List(Vec::new()),
        },
        FieldType::Refs(dir) => {
            let mut ids = Vec::new();
            for v in &given.values {
                let id = id_of(v, dir)?;
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            Value::List(ids)
        }
        FieldType::RefsAmong(dirs) => {
            let mut refs = Vec::new();
            for v in &given.values {
                let r = Value::Str(project.resolve_among(dirs, &crate::model::display::plain(v))?);
                if !refs.contains(&r) {
                    refs.push(r);
                }
            }
            Value::List(refs)
        }
        FieldType::Lines | FieldType::Keys(_) => {
            let mut items = Vec::new();
            for v in &given.values {
                if !items.contains(v) {
                    items.push(v.clone());
                }
            }
            Value::List(items)
        }
        _ => given.values.last().cloned().unwrap_or(Value::List(Vec::new())),
    })
}

/// Add a record of `spec`: `title` names it (and makes its id), `given`
/// sets other fields, and the declared defaults fill the rest.
pub fn add(
    project: &Project,
    spec: &'static KindSpec,
    title: &str,
    given: &[Given],
) -> Result<Written> {
    let mut values: Vec<(&'static str, Value)> = Vec::new();
    for f in spec.fields {
        if Some(f.name) == spec.title {
            values.push((f.name, Value::Str(title.to_string())));
            continue;
        }
        if let Some(g) = given.iter().find(|g| std::ptr::eq(g.field, f)) {
            let v = resolve(project, g)?;
            if !matches!(&v, Value::List(items) if items.is_empty()) {
                values.push((f.name, v));
            }
            continue;
        }
        match f.default {
            Default::Today => values.push((f.name, Value::Date(project.today))),
            Default::Key(k) if f.required => values.push((f.name, Value::Str(k.to_string()))),
            _ => {}
        }
    }
    let name = match spec.dated_id {
        Some(date_field) => {
            let date = values
                .iter()
                .find(|(k, _)| *k == date_field)
                .map(|(_, v)| crate::model::display::plain(v))
                .unwrap_or_default();
            let first = title.lines().next().unwrap_or_default();
            let words: Vec<&str> = first.split_whitespace().take(6).collect();
            format!("{date} {}", words.join(" "))
        }
        None => title.to_string(),
    };
    let mut doc = toml_edit::DocumentMut::new();
    for (k, v) in &values {
        crate::store::edit::set(&mut doc, k, crate::store::edit::value(v));
    }
    let id = project.create(spec, &name, &doc)?;
    Ok(Written { path: project.shown_record(spec, &id), id, changes: Vec::new() })
}

/// Change fields of the record `wanted` (an id or a unique prefix): each of
/// `given` set, each of `unset` removed; what else the kind changes with them
/// follows (a decision's date). Refuses to remove a required field.
pub fn set(
    project: &Project,
    entry: &'static KindEntry,
    wanted: &str,
    given: &[Given],
    unset: &[&'static Field],
) -> Result<Written> {
    let spec = entry.spec;
    if given.is_empty() && unset.is_empty() {
        let flags: Vec<String> = spec.settable().map(|f| format!("--{}", f.flag_name())).collect();
        return Err(UserError::new(tr!("ingenting å endre", "nothing to change"))
            .hint(tr!(
                "gi minst én av {}, eller --unset FELT",
                "give at least one of {}, or --unset FIELD",
                flags.join(", ")
            ))
            .into());
    }
    for f in unset {
        if f.required {
            return Err(UserError::new(tr!(
                "`{}` kan ikke fjernes fordi {} alltid må ha det",
                "`{}` cannot be removed: every {} has one",
                f.name,
                match crate::i18n::current() {
                    crate::i18n::Lang::Nb => spec.a(),
                    crate::i18n::Lang::En => spec.label().to_string(),
                }
            ))
            .hint(tr!("endre det med --{}", "change it with --{}", f.flag_name()))
            .into());
        }
    }
    let set: Vec<&str> = given.iter().map(|g| g.field.name).collect();
    let removed: Vec<&str> = unset.iter().map(|f| f.name).collect();
    set_and_unset(&set, &removed, |n| {
        spec.field(n).map_or(n.replace('_', "-"), |f| f.flag_name())
    })?;
    let id = project.resolve(spec, wanted)?;
    let mut changes: Changes = Vec::new();
    for g in given {
        changes.push((g.field.name, Some(resolve(project, g)?)));
    }
    for f in unset {
        changes.push((f.name, None));
    }
    let today = project.today;
    let written = project.edit_values(spec, &id, |before| {
        (entry.transition)(before, &mut changes, today);
        Ok(changes)
    })?;
    Ok(Written { path: project.shown_record(spec, &id), id, changes: written })
}

/// Refuse a field that is both given a value and removed in one command
/// (`--cost 3 --unset cost`); `flag` names a field's option.
pub fn set_and_unset(set: &[&str], unset: &[&str], flag: impl Fn(&str) -> String) -> Result<()> {
    match set.iter().find(|n| unset.contains(n)) {
        Some(n) => {
            let flag = flag(n);
            Err(UserError::new(tr!(
                "--{flag} og --unset {flag} kan ikke brukes sammen",
                "--{flag} and --unset {flag} cannot be used together"
            ))
            .hint(tr!(
                "gi en ny verdi med --{flag}, eller fjern feltet med --unset {flag}",
                "give a new value with --{flag}, or remove the field with --unset {flag}"
            ))
            .into())
        }
        None => Ok(()),
    }
}

/// Remove the record `wanted`, refused while other records refer to it.
/// Returns the files removed.
pub fn remove(project: &Project, spec: &KindSpec, wanted: &str) -> Result<(String, Vec<String>)> {
    let id = project.resolve(spec, wanted)?;
    let files = project.remove_record(spec, &id)?;
    Ok((id, files))
}

/// One record, with its kind's JSON.
pub fn show(project: &Project, entry: &KindEntry, wanted: &str) -> Result<Shown> {
    let id = project.resolve(entry.spec, wanted)?;
    let fields = project.load_fields(entry.spec, &id)?;
    Ok(shown(project, entry, fields))
}

fn shown(project: &Project, entry: &KindEntry, fields: Fields) -> Shown {
    let path = project.shown_record(entry.spec, &fields.id);
    // As every record appears in JSON (docs/json.md): `id` first, the keys
    // of its file, `path`, then what the kind derives from them.
    let mut json = serde_json::Map::new();
    json.insert("id".into(), serde_json::Value::String(fields.id.clone()));
    if let serde_json::Value::Object(m) = (entry.json)(&fields) {
        json.extend(m.into_iter().filter(|(k, _)| k != "id"));
    }
    json.insert("path".into(), serde_json::Value::String(path.clone()));
    let json = serde_json::Value::Object(json);
    Shown { id: fields.id.clone(), path, fields, json }
}

/// A filter of `list`: records whose `field` has one of `keys`.
#[derive(Debug, Clone)]
pub struct Filter {
    pub field: &'static str,
    pub keys: Vec<String>,
}

/// Every record of a kind that passes `filters`, in the kind's order.
pub fn list(project: &Project, entry: &KindEntry, filters: &[Filter]) -> Result<Vec<Shown>> {
    let spec = entry.spec;
    let mut all: Vec<Fields> = project
        .load_all_fields(spec)?
        .into_iter()
        .filter(|f| {
            filters.iter().all(|flt| {
                flt.keys.is_empty()
                    || f.values
                        .get(flt.field)
                        .is_some_and(|v| flt.keys.contains(&crate::model::display::plain(v)))
            })
        })
        .collect();
    all.sort_by(|a, b| order(spec, a, b));
    Ok(all.into_iter().map(|f| shown(project, entry, f)).collect())
}

/// Compare two records by the kind's declared order, then by id.
fn order(spec: &KindSpec, a: &Fields, b: &Fields) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    for o in spec.order {
        let (key, desc) = match o {
            Order::Asc(k) => (*k, false),
            Order::Desc(k) => (*k, true),
        };
        let rank = |f: &Fields| -> Option<SortKey> {
            let v = f.values.get(key)?;
            Some(match (spec.field(key).map(|x| x.ty), v) {
                (Some(FieldType::Enum(e)), Value::Str(s)) => SortKey::Num(e.rank(s) as f64),
                (_, Value::Int(i)) => SortKey::Num(*i as f64),
                (_, Value::Float(x)) => SortKey::Num(*x),
                (_, Value::Date(d)) => SortKey::Text(d.to_string()),
                (_, other) => SortKey::Text(crate::model::display::plain(other).to_lowercase()),
            })
        };
        let ord = match (rank(a), rank(b)) {
            (Some(x), Some(y)) => {
                let o = x.cmp(&y);
                if desc { o.reverse() } else { o }
            }
            // A missing value sorts last either way.
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        };
        if ord != Ordering::Equal {
            return ord;
        }
    }
    a.id.cmp(&b.id)
}

/// A value to sort by: numbers (and enum ranks) before texts.
enum SortKey {
    Num(f64),
    Text(String),
}

impl PartialEq for SortKey {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == std::cmp::Ordering::Equal
    }
}

impl Eq for SortKey {}

impl PartialOrd for SortKey {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for SortKey {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        match (self, other) {
            (SortKey::Num(a), SortKey::Num(b)) => a.total_cmp(b),
            (SortKey::Text(a), SortKey::Text(b)) => a.cmp(b),
            (SortKey::Num(_), SortKey::Text(_)) => std::cmp::Ordering::Less,
            (SortKey::Text(_), SortKey::Num(_)) => std::cmp::Ordering::Greater,
        }
    }
}
