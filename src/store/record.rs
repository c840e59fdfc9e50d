//! Reading one record file: parse it keeping positions, validate it against
//! its kind's fields, and hand the model plain [`Fields`].

use std::collections::BTreeMap;

use toml_edit::{Document, Item, Table, TableLike, Value as TomlValue};

use crate::diag::{Diagnostic, LineIndex};
use crate::model::date::Date;
use crate::model::id;
use crate::model::schema::{
    Field, FieldType, Finding, KindSpec, Severity, TextRule, split_ref, text_problem,
};
use crate::model::value::{Fields, Value};
use crate::tr;

/// A reference from one record to another, to be resolved by `check`.
#[derive(Debug, Clone)]
pub struct Reference {
    pub field: &'static str,
    pub dir: &'static str,
    pub id: String,
    pub line: usize,
    pub column: usize,
}

/// The outcome of reading one file.
#[derive(Debug)]
pub struct Parsed {
    /// The values that passed validation (missing when the file is not
    /// TOML). With errors, only the fields that are right are here.
    pub fields: Option<Fields>,
    pub diagnostics: Vec<Diagnostic>,
    pub references: Vec<Reference>,
    /// Top-level keys whose value is wrong, and required keys that are
    /// missing: rules about them are left out until they are fixed.
    pub invalid: std::collections::BTreeSet<String>,
}

impl Parsed {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(|d| d.severity == Severity::Error)
    }
}

/// Validate `text` (the contents of the file shown as `shown`) as a record of `spec`.
/// The first line (1-based) that is a git conflict marker, and the marker.
pub fn conflict_marker(text: &str) -> Option<(usize, &'static str)> {
    text.lines().enumerate().find_map(|(n, l)| {
        let l = l.trim_end_matches('\r');
        ["<<<<<<<", "=======", ">>>>>>>", "|||||||"]
            .into_iter()
            .find(|m| {
                l.strip_prefix(m).is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
            })
            .map(|m| (n + 1, m))
    })
}

pub fn parse(spec: &KindSpec, id: &str, shown: &str, text: &str) -> Parsed {
    let lines = LineIndex::new(text);
    let mut out = Parsed {
        fields: None,
        diagnostics: Vec::new(),
        references: Vec::new(),
        invalid: Default::default(),
    };
    let mk = |span: Option<std::ops::Range<usize>>,
              sev: Severity,
              code: &str,
              msg: String,
              hints: Vec<String>| {
        let (line, column) = span.map_or((1, 1), |s| lines.position(s.start));
        Diagnostic {
            path: shown.to_string(),
            line,
            column,
            severity: sev,
            code: code.to_string(),
            message: msg,
            hints,
            incomplete: false,
        }
    };
    // A merge git could not finish leaves its markers in the file; say so,
    // at the first marker, instead of TOML's own words about it.
    if let Some((n, _)) = conflict_marker(text) {
        out.diagnostics.push(Diagnostic {
            path: shown.to_string(),
            line: n,
            column: 1,
            severity: Severity::Error,
            code: "merge-conflict".to_string(),
            message: tr!(
                "filen har en uløst flettekonflikt fra git (merket med <<<<<<<, ======= og >>>>>>>)",
                "the file has an unresolved git merge conflict (marked with <<<<<<<, ======= and >>>>>>>)"
            ),
            hints: vec![tr!(
                "velg hva som skal stå med `git mergetool` eller rett filen for hånd, og kjør så `veikart check`",
                "choose what stays with `git mergetool` or edit the file by hand, then run `veikart check`"
            )],
            incomplete: false,
        });
        return out;
    }
    let doc = match Document::parse(text.to_string()) {
        Ok(doc) => doc,
        Err(e) => {
            let msg = e.message().trim().to_string();
            out.diagnostics.push(mk(
                e.span(),
                Severity::Error,
                "syntax",
                tr!("ugyldig TOML: {msg}", "invalid TOML: {msg}"),
                vec![tr!(
                    "rett filen for hånd; veikart skriver aldri over en fil den ikke kan lese",
                    "fix the file by hand; veikart never writes over a file it cannot read"
                )],
            ));
            return out;
        }
    };
    let table = doc.as_table();
    let mut fields = Fields { id: id.to_string(), ..Fields::default() };
    let mut cx = TableCx { lines: &lines, shown, out: &mut out };
    let (mut values, invalid) = cx.table(spec.fields, spec.title, table, None, "");
    out.invalid = invalid;
    if let Some(group) = &spec.group
        && let Some((owner, _)) = id.split_once('/')
    {
        if let Some(dir) = group.refers {
            out.references.push(Reference {
                field: group.field,
                dir,
                id: owner.to_string(),
                line: 1,
                column: 1,
            });
        }
        values.insert(group.field.to_string(), Value::Str(owner.to_string()));
    }
    fields.values = values;
    out.fields = Some(fields);
    out
}

/// Validation of one table (the file, or one entry of an array of tables).
struct TableCx<'a> {
    lines: &'a LineIndex<'a>,
    shown: &'a str,
    out: &'a mut Parsed,
}

impl TableCx<'_> {
    fn push(&mut self, span: Span, code: &str, msg: String, hints: Vec<String>) {
        let (line, column) = span.map_or((1, 1), |s| self.lines.position(s.start));
        self.out.diagnostics.push(Diagnostic {
            path: self.shown.to_string(),
            line,
            column,
            severity: Severity::Error,
            code: code.to_string(),
            message: msg,
            hints,
            incomplete: false,
        });
    }

    /// Validate `table` against `spec`: the values that are right, and the
    /// keys that are wrong or missing (none when all is well). `title` is the
    /// field that names the record, `prefix` names the table in messages
    /// (`cost[2].`), `at` is where it starts.
    fn table(
        &mut self,
        spec: &'static [Field],
        title: Option<&str>,
        table: &dyn TableLike,
        at: Span,
        prefix: &str,
    ) -> (BTreeMap<String, Value>, std::collections::BTreeSet<String>) {
        let mut values = BTreeMap::new();
        let mut invalid = std::collections::BTreeSet::new();
        for (key, item) in table.iter() {
            let key_span = table.key(key).and_then(|k| k.span());
            let Some(field) = spec.iter().find(|f| f.name == key) else {
                let known: Vec<&str> = spec.iter().map(|f| f.name).collect();
                let mut hints = Vec::new();
                if let Some(best) = id::closest(key, &known).first() {
                    hints.push(tr!("mente du `{best}`?", "did you mean `{best}`?"));
                }
                hints.push(tr!("kjente nøkler: {}", "known keys: {}", known.join(", ")));
                self.push(
                    key_span.or(at.clone()),
                    "unknown-key",
                    tr!("ukjent nøkkel `{prefix}{key}`", "unknown key `{prefix}{key}`"),
                    hints,
                );
                continue;
            };
            let span = item.span().or(key_span.clone()).or(at.clone());
            if let FieldType::RefMap(dir, enum_values) = field.ty {
                match convert_map(field, dir, enum_values, item) {
                    Ok((value, refs)) => {
                        for (id, sp) in refs {
                            let r = reference(field, dir, &id, sp.or(span.clone()), self.lines);
                            self.out.references.push(r);
                        }
                        values.insert(key.to_string(), value);
                    }
                    Err(problems) => {
                        for (sp, (code, msg, hints)) in problems {
                            self.push(sp.or(span.clone()), code, msg, hints);
                        }
                        invalid.insert(key.to_string());
                    }
                }
                continue;
            }
            if let FieldType::Tables(sub) = field.ty {
                match self.tables(field, sub, item, span.clone()) {
                    Some(v) => {
                        values.insert(key.to_string(), v);
                    }
                    None => {
                        invalid.insert(key.to_string());
                    }
                }
                continue;
            }
            let bad_lines = line_items(field, item);
            if !bad_lines.is_empty() {
                for (sp, (code, msg, hints)) in bad_lines {
                    self.push(sp.or(span.clone()), code, format!("{prefix}{msg}"), hints);
                }
                invalid.insert(key.to_string());
                continue;
            }
            match convert(field, item, title == Some(field.name)) {
                Ok(value) => {
                    match (&field.ty, &value) {
                        (FieldType::Ref(dir), Value::Str(s)) => self
                            .out
                            .references
                            .push(reference(field, dir, s, span.clone(), self.lines)),
                        (FieldType::Refs(dir), Value::List(items)) => {
                            let spans = item_spans(item);
                            for (i, v) in items.iter().enumerate() {
                                if let Value::Str(s) = v {
                                    let sp = spans.get(i).cloned().flatten().or(span.clone());
                                    let r = reference(field, dir, s, sp, self.lines);
                                    self.out.references.push(r);
                                }
                            }
                        }
                        (FieldType::RefsAmong(dirs), Value::List(items)) => {
                            let spans = item_spans(item);
                            for (i, v) in items.iter().enumerate() {
                                if let Value::Str(s) = v
                                    && let Some((dir, id)) = split_ref(s, dirs)
                                {
                                    let sp = spans.get(i).cloned().flatten().or(span.clone());
                                    let r = reference(field, dir, &id, sp, self.lines);
                                    self.out.references.push(r);
                                }
                            }
                        }
                        _ => {}
                    }
                    values.insert(key.to_string(), value);
                }
                Err((code, msg, hints)) => {
                    let msg = if prefix.is_empty() { msg } else { format!("{prefix}{msg}") };
                    self.push(span, code, msg, hints);
                    invalid.insert(key.to_string());
                }
            }
        }
        for field in spec.iter().filter(|f| f.required) {
            if table.get(field.name).is_none() {
                self.push(
                    at.clone(),
                    "missing",
                    tr!("mangler `{prefix}{}`", "`{prefix}{}` is missing", field.name),
                    vec![match crate::i18n::current() {
                        crate::i18n::Lang::Nb => format!("legg til `{} = ...`", field.name),
                        crate::i18n::Lang::En => {
                            format!("add `{} = ...` ({})", field.name, field.doc)
                        }
                    }],
                );
                invalid.insert(field.name.to_string());
            }
        }
        (values, invalid)
    }

    /// An array of tables, `[[name]]` or `name = [{ … }, …]`.
    fn tables(
        &mut self,
        field: &Field,
        sub: &'static [Field],
        item: &Item,
        span: Span,
    ) -> Option<Value> {
        let mut rows = Vec::new();
        let mut ok = true;
        let mut each = |cx: &mut Self, i: usize, t: &dyn TableLike, at: Span| {
            let prefix = format!("{}[{}].", field.name, i + 1);
            let before = cx.out.diagnostics.len();
            let (v, _) = cx.table(sub, None, t, at, &prefix);
            if cx.out.diagnostics.len() == before {
                rows.push(Value::Map(v.into_iter().collect()));
            } else {
                ok = false;
            }
        };
        match item {
            Item::ArrayOfTables(a) => {
                for (i, t) in a.iter().enumerate() {
                    each(self, i, t, t.span().or(span.clone()));
                }
            }
            Item::Value(TomlValue::Array(a)) => {
                for (i, v) in a.iter().enumerate() {
                    match v.as_inline_table() {
                        Some(t) => each(self, i, t, v.span().or(span.clone())),
                        None => {
                            let (code, msg, hints) = wrong_type(
                                field,
                                tr!("en liste med tabeller", "an array of tables"),
                                item,
                            );
                            self.push(v.span().or(span.clone()), code, msg, hints);
                            return None;
                        }
                    }
                }
            }
            _ => {
                let (code, msg, hints) = wrong_type(
                    field,
                    tr!(
                        "en liste med tabeller ([[{}]])",
                        "an array of tables ([[{}]])",
                        field.name
                    ),
                    item,
                );
                self.push(span, code, msg, hints);
                return None;
            }
        }
        ok.then_some(Value::List(rows))
    }
}

/// Turn model findings into diagnostics pointing at their field's line.
pub fn findings_to_diagnostics(text: &str, shown: &str, findings: Vec<Finding>) -> Vec<Diagnostic> {
    if findings.is_empty() {
        return Vec::new();
    }
    let lines = LineIndex::new(text);
    let doc = Document::parse(text.to_string()).ok();
    findings
        .into_iter()
        .map(|f| {
            let span = f.field.and_then(|name| {
                let table = doc.as_ref()?.as_table();
                let field_span = table.key(name).and_then(|k| k.span());
                let sub = f.key.as_deref().and_then(|k| {
                    let item = table.get(name)?;
                    // In an array of tables the key is the entry's number, from 1.
                    if let Ok(n) = k.parse::<usize>() {
                        if let Some(a) = item.as_array_of_tables() {
                            return a.get(n.checked_sub(1)?)?.span();
                        }
                        if let Some(a) = item.as_array() {
                            return a.get(n.checked_sub(1)?)?.span();
                        }
                    }
                    let inner = item.as_table_like()?;
                    inner.key(k).and_then(|key| key.span())
                });
                sub.or(field_span).or_else(|| table.get(name).and_then(Item::span))
            });
            let (line, column) = span.map_or((1, 1), |s| lines.position(s.start));
            Diagnostic {
                path: shown.to_string(),
                line,
                column,
                severity: f.severity,
                code: f.code.to_string(),
                message: f.message,
                hints: f.hints,
                incomplete: f.incomplete,
            }
        })
        .collect()
}

/// Where the top-level `key` is in `text` (line and column, from 1), for a
/// problem about the field that is found after the file was read.
pub fn key_position(text: &str, key: &str) -> Option<(usize, usize)> {
    let doc = Document::parse(text.to_string()).ok()?;
    let span = doc.as_table().key(key)?.span()?;
    Some(LineIndex::new(text).position(span.start))
}

/// The error for a reference to a record that does not exist (`check` and
/// every write word it the same), with the closest id as a hint.
pub fn dangling(shown: &str, r: &Reference, candidates: &[&str]) -> Diagnostic {
    let mut hints = Vec::new();
    if let Some(best) = id::closest(&r.id, candidates).first() {
        hints.push(tr!("mente du `{best}`?", "did you mean `{best}`?"));
    }
    Diagnostic {
        path: shown.to_string(),
        line: r.line,
        column: r.column,
        severity: Severity::Error,
        code: "dangling-ref".into(),
        message: tr!(
            "`{}` viser til «{}», men {}/{}.toml finnes ikke",
            "`{}` refers to `{}`, but {}/{}.toml does not exist",
            r.field,
            r.id,
            r.dir,
            r.id
        ),
        hints,
        incomplete: false,
    }
}

/// A warning wherever a file seems to hold a national identity number
/// (fødselsnummer or D-number). `check` warns about those already in files;
/// a write that would store one is refused with the same words.
pub fn personal_ids(text: &str, shown: &str) -> Vec<Diagnostic> {
    crate::model::privacy::national_ids(text)
        .into_iter()
        .map(|(line, column)| {
            personal_id(
                shown,
                line,
                column,
                tr!(
                    "dette ser ut som et fødselsnummer; personopplysninger hører ikke hjemme i prosjektfilene",
                    "this looks like a Norwegian national identity number; personal data does not belong in the project's files"
                ),
            )
        })
        .collect()
}

/// The warning for a file whose name seems to hold a national identity number.
pub fn personal_id_in_name(shown: &str) -> Diagnostic {
    personal_id(
        shown,
        1,
        1,
        tr!(
            "filnavnet ser ut til å ha et fødselsnummer i seg; personopplysninger hører ikke hjemme i prosjektfilene",
            "the file name seems to hold a national identity number; personal data does not belong in the project's files"
        ),
    )
}

fn personal_id(shown: &str, line: usize, column: usize, message: String) -> Diagnostic {
    Diagnostic {
        path: shown.to_string(),
        line,
        column,
        severity: Severity::Warning,
        code: "personal-id".into(),
        message,
        hints: vec![tr!(
            "fjern det, eller beskriv personen uten å kunne identifiseres; det ligger fortsatt i git-historikken, så snakk med personvernombudet",
            "remove it, or describe the person without identifying them; it stays in the git history, so talk to your data protection officer"
        )],
        incomplete: false,
    }
}

fn reference(
    field: &Field,
    dir: &'static str,
    id: &str,
    span: Option<std::ops::Range<usize>>,
    lines: &LineIndex,
) -> Reference {
    let (line, column) = span.map_or((1, 1), |s| lines.position(s.start));
    Reference { field: field.name, dir, id: id.to_string(), line, column }
}

fn item_spans(item: &Item) -> Vec<Option<std::ops::Range<usize>>> {
    match item.as_array() {
        Some(a) => a.iter().map(TomlValue::span).collect(),
        None => Vec::new(),
    }
}

type Problem = (&'static str, String, Vec<String>);

/// What a TOML value is, in words of the current language.
fn type_name(item: &Item) -> String {
    match item {
        Item::None => tr!("ingenting", "nothing"),
        Item::Table(_) | Item::Value(TomlValue::InlineTable(_)) => tr!("en tabell", "a table"),
        Item::ArrayOfTables(_) => tr!("en liste av tabeller", "an array of tables"),
        Item::Value(v) => match v {
            TomlValue::String(_) => tr!("tekst", "a string"),
            TomlValue::Integer(_) => tr!("et heltall", "an integer"),
            TomlValue::Float(_) => tr!("et desimaltall", "a float"),
            TomlValue::Boolean(_) => tr!("sann/usann", "a boolean"),
            TomlValue::Datetime(_) => tr!("et tidspunkt", "a date-time"),
            TomlValue::Array(_) => tr!("en liste", "an array"),
            TomlValue::InlineTable(_) => tr!("en tabell", "a table"),
        },
    }
}

fn wrong_type(field: &Field, expected: String, item: &Item) -> Problem {
    let found = type_name(item);
    let mut hints = Vec::new();
    if matches!(field.ty, FieldType::Date)
        && let Some(s) = item.as_str()
        && Date::parse(s).is_some()
    {
        hints.push(tr!(
            "skriv datoen uten anførselstegn: `{} = {s}`",
            "write the date without quotes: `{} = {s}`",
            field.name
        ));
    } else if matches!(
        field.ty,
        FieldType::Int { .. } | FieldType::Number | FieldType::Money | FieldType::Year
    ) && let Some(s) = item.as_str()
        && s.trim().parse::<f64>().is_ok()
    {
        hints.push(tr!(
            "skriv tallet uten anførselstegn: `{} = {}`",
            "write the number without quotes: `{} = {}`",
            field.name,
            s.trim()
        ));
    } else {
        hints.push(tr!(
            "i `{}` skal det stå {expected}; se docs/file-format.md",
            "`{}` takes {expected}; see docs/file-format.md",
            field.name
        ));
    }
    (
        "type",
        tr!(
            "`{}` skal være {expected}, men er {found}",
            "`{}` should be {expected}, found {found}",
            field.name
        ),
        hints,
    )
}

/// Every entry of a list of one-line texts that breaks the rule
/// [`TextRule::Line`], each at its entry (`evidence[2]`, counted from 1).
fn line_items(field: &Field, item: &Item) -> Vec<SpannedProblem> {
    let (FieldType::Lines, Some(entries)) = (field.ty, item.as_array()) else {
        return Vec::new();
    };
    entries
        .iter()
        .enumerate()
        .filter_map(|(i, v)| {
            let what = format!("`{}[{}]`", field.name, i + 1);
            let p = text_problem(v.as_str()?, TextRule::Line, &what)?;
            Some((v.span(), (p.code, p.message, p.hint.into_iter().collect())))
        })
        .collect()
}

/// The value of `field` in `item`, or what is wrong with it; `title` says
/// the field names the record.
fn convert(field: &Field, item: &Item, title: bool) -> Result<Value, Problem> {
    match field.ty {
        FieldType::Line | FieldType::Text => {
            let Some(s) = item.as_str() else {
                return Err(wrong_type(field, tr!("tekst", "a string"), item));
            };
            if let Some(rule) = field.text_rule(title)
                && let Some(p) = text_problem(s, rule, &format!("`{}`", field.name))
            {
                return Err((p.code, p.message, p.hint.into_iter().collect()));
            }
            Ok(Value::Str(s.to_string()))
        }
        FieldType::Date => convert_date(field, item),
        FieldType::Year => {
            let (min, max) = crate::model::input::YEARS;
            let Some(i) = item.as_integer() else {
                return Err(wrong_type(field, tr!("et årstall (2026)", "a year (2026)"), item));
            };
            if i < min || i > max {
                return Err((
                    "range",
                    tr!(
                        "`{}` er {i}, men et årstall skal være fra {min} til {max}",
                        "`{}` is {i}, but a year must be from {min} to {max}",
                        field.name
                    ),
                    Vec::new(),
                ));
            }
            Ok(Value::Int(i))
        }
        FieldType::Int { min, max } => {
            let Some(i) = item.as_integer() else {
                return Err(wrong_type(
                    field,
                    tr!("et heltall ({min}–{max})", "an integer ({min}–{max})"),
                    item,
                ));
            };
            if i < min || i > max {
                return Err((
                    "range",
                    tr!(
                        "`{}` er {i}, men skal være fra {min} til {max}",
                        "`{}` is {i}, but must be from {min} to {max}",
                        field.name
                    ),
                    vec![tr!(
                        "skriv et helt tall fra {min} til {max}",
                        "write a whole number from {min} to {max}"
                    )],
                ));
            }
            Ok(Value::Int(i))
        }
        FieldType::Number => match item.as_value() {
            Some(TomlValue::Integer(i)) => Ok(Value::Int(*i.value())),
            Some(TomlValue::Float(f)) if f.value().is_finite() => Ok(Value::Float(*f.value())),
            _ => Err(wrong_type(field, tr!("et tall", "a number"), item)),
        },
        FieldType::Money => {
            let v = match item.as_value() {
                Some(TomlValue::Integer(i)) => Value::Int(*i.value()),
                Some(TomlValue::Float(f)) if f.value().is_finite() => Value::Float(*f.value()),
                _ => {
                    return Err(wrong_type(
                        field,
                        tr!("et beløp i kroner", "an amount in NOK"),
                        item,
                    ));
                }
            };
            let amount = match v {
                Value::Int(i) => i as f64,
                Value::Float(f) => f,
                _ => 0.0,
            };
            if amount < 0.0 {
                return Err((
                    "negative",
                    tr!(
                        "`{}` er {}, men et beløp kan ikke være negativt",
                        "`{}` is {}, but an amount cannot be negative",
                        field.name,
                        crate::model::number::plain(amount)
                    ),
                    vec![tr!("skriv beløpet uten minus", "write the amount without a minus")],
                ));
            }
            Ok(v)
        }
        FieldType::Bool => match item.as_bool() {
            Some(b) => Ok(Value::Bool(b)),
            None => Err(wrong_type(field, tr!("true eller false", "true or false"), item)),
        },
        FieldType::Enum(spec) => {
            let Some(s) = item.as_str() else {
                return Err(wrong_type(field, tr!("tekst", "a string"), item));
            };
            if spec.get(s).is_some() {
                return Ok(Value::Str(s.to_string()));
            }
            let mut hints = Vec::new();
            if let Some(key) = spec.parse(s) {
                hints.push(tr!("skriv `{} = \"{key}\"`", "write `{} = \"{key}\"`", field.name));
            }
            hints.push(tr!("gyldige verdier: {}", "valid values: {}", spec.keys().join(", ")));
            Err((
                "enum",
                tr!("`{s}` er ikke en gyldig `{}`", "`{s}` is not a valid `{}`", field.name),
                hints,
            ))
        }
        FieldType::Lines | FieldType::Keys(_) | FieldType::Refs(_) | FieldType::RefsAmong(_) => {
            let Some(arr) = item.as_array() else {
                return Err(wrong_type(
                    field,
                    tr!("en liste med tekster", "an array of strings"),
                    item,
                ));
            };
            let mut list = Vec::with_capacity(arr.len());
            for v in arr {
                let Some(s) = v.as_str() else {
                    return Err((
                        "type",
                        tr!(
                            "`{}` skal bare inneholde tekster",
                            "`{}` should hold only strings",
                            field.name
                        ),
                        Vec::new(),
                    ));
                };
                if matches!(field.ty, FieldType::Refs(_)) && !id::is_valid(s) {
                    return Err(bad_id(field, s));
                }
                if let FieldType::RefsAmong(dirs) = field.ty {
                    match split_ref(s, dirs) {
                        Some((_, id)) if id::is_valid(&id) => {}
                        Some(_) => return Err(bad_id(field, s)),
                        None => return Err(bad_folder_ref(field, s, dirs)),
                    }
                }
                if let FieldType::Keys(spec) = field.ty
                    && spec.get(s).is_none()
                {
                    let mut hints = Vec::new();
                    if let Some(key) = spec.parse(s) {
                        hints.push(tr!("skriv \"{key}\"", "write \"{key}\""));
                    }
                    hints.push(tr!(
                        "gyldige verdier: {}",
                        "valid values: {}",
                        spec.keys().join(", ")
                    ));
                    return Err((
                        "enum",
                        tr!(
                            "`{s}` er ikke en gyldig verdi i `{}`",
                            "`{s}` is not a valid value in `{}`",
                            field.name
                        ),
                        hints,
                    ));
                }
                list.push(Value::Str(s.to_string()));
            }
            Ok(Value::List(list))
        }
        FieldType::RefMap(dir, values) => convert_map(field, dir, values, item)
            .map(|(v, _)| v)
            .map_err(|problems| match problems.into_iter().next() {
                Some((_, p)) => p,
                None => wrong_type(field, tr!("en tabell", "a table"), item),
            }),
        // Validated by `TableCx::tables`, which knows where each entry is.
        FieldType::Tables(_) => {
            Err(wrong_type(field, tr!("en liste med tabeller", "an array of tables"), item))
        }
        FieldType::Ref(_) => {
            let Some(s) = item.as_str() else {
                return Err(wrong_type(field, tr!("en id (tekst)", "an id (a string)"), item));
            };
            if !id::is_valid(s) {
                return Err(bad_id(field, s));
            }
            Ok(Value::Str(s.to_string()))
        }
    }
}

type Span = Option<std::ops::Range<usize>>;
type SpannedProblem = (Span, Problem);
/// Every problem of a value, each at its place.
type Problems = Vec<SpannedProblem>;

/// A table of `id = "VALUE"`: every key an id, every value a key of `values`.
/// Every entry at fault is reported, each at its place (never none).
fn convert_map(
    field: &Field,
    _dir: &str,
    values: &crate::model::schema::EnumSpec,
    item: &Item,
) -> Result<(Value, Vec<(String, Span)>), Problems> {
    let Some(table) = item.as_table_like() else {
        return Err(vec![(None, wrong_type(field, tr!("en tabell", "a table"), item))]);
    };
    let mut entries = Vec::new();
    let mut refs = Vec::new();
    let mut problems = Vec::new();
    for (k, v) in table.iter() {
        let key_span = table.key(k).and_then(|key| key.span());
        if !id::is_valid(k) {
            problems.push((key_span, bad_id(field, k)));
            continue;
        }
        let Some(s) = v.as_str() else {
            problems.push((
                v.span().or(key_span),
                (
                    "type",
                    tr!(
                        "`{}.{k}` skal være tekst, for eksempel \"{}\"",
                        "`{}.{k}` should be a string, for example \"{}\"",
                        field.name,
                        values.keys().first().copied().unwrap_or("")
                    ),
                    Vec::new(),
                ),
            ));
            continue;
        };
        if values.get(s).is_none() {
            let mut hints = Vec::new();
            if let Some(key) = values.parse(s) {
                hints.push(tr!("skriv `{k} = \"{key}\"`", "write `{k} = \"{key}\"`"));
            }
            hints.push(tr!("gyldige verdier: {}", "valid values: {}", values.keys().join(", ")));
            problems.push((
                v.span().or(key_span),
                (
                    "enum",
                    tr!(
                        "`{s}` er ikke en gyldig verdi i `{}` (for `{k}`)",
                        "`{s}` is not a valid value in `{}` (for `{k}`)",
                        field.name
                    ),
                    hints,
                ),
            ));
            continue;
        }
        entries.push((k.to_string(), Value::Str(s.to_string())));
        refs.push((k.to_string(), key_span));
    }
    if problems.is_empty() { Ok((Value::Map(entries), refs)) } else { Err(problems) }
}

/// A value of a [`FieldType::RefsAmong`] field without one of its folders.
fn bad_folder_ref(field: &Field, s: &str, dirs: &[&str]) -> Problem {
    let example = format!("{}/{}", dirs.first().copied().unwrap_or_default(), id::slug(s));
    (
        "bad-id",
        tr!(
            "`{s}` i `{}` sier ikke hva slags post det er",
            "`{s}` in `{}` does not say what kind of record it is",
            field.name
        ),
        vec![tr!(
            "skriv mappen foran id-en, som `{example}`; mappene er {}",
            "write the folder before the id, like `{example}`; the folders are {}",
            dirs.join(", ")
        )],
    )
}

fn bad_id(field: &Field, s: &str) -> Problem {
    (
        "bad-id",
        tr!("`{s}` i `{}` er ikke en gyldig id", "`{s}` in `{}` is not a valid id", field.name),
        vec![tr!(
            "en id har små bokstaver a–z, sifre og bindestreker, som `{}`",
            "an id has lowercase a–z, digits and dashes, like `{}`",
            id::slug(s)
        )],
    )
}

fn convert_date(field: &Field, item: &Item) -> Result<Value, Problem> {
    let Some(TomlValue::Datetime(dt)) = item.as_value() else {
        return Err(wrong_type(field, tr!("en dato (2026-11-01)", "a date (2026-11-01)"), item));
    };
    let dt = dt.value();
    match (dt.date, dt.time, dt.offset) {
        (Some(d), None, None) => match Date::new(i32::from(d.year), d.month, d.day) {
            Some(date) => Ok(Value::Date(date)),
            None => Err((
                "date",
                tr!("`{}` er ikke en gyldig dato", "`{}` is not a valid date", field.name),
                Vec::new(),
            )),
        },
        _ => Err((
            "type",
            tr!(
                "`{}` skal være en dato uten klokkeslett (2026-11-01)",
                "`{}` should be a date without a time (2026-11-01)",
                field.name
            ),
            Vec::new(),
        )),
    }
}

/// The root table of a parsed document (for edits that need it).
pub fn root(doc: &Document<String>) -> &Table {
    doc.as_table()
}
