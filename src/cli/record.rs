//! The verbs every kind of record has — `add`, `list`, `show`, `set ID` with
//! one option per field (and `--unset FIELD`), `rm ID` — built from the
//! kind's declaration: its fields give the options, their help and their
//! parsers; its columns give the table. English help is written here; the
//! Bokmål help comes from the same declaration ([`nb_help`]).

use std::marker::PhantomData;

use anyhow::Result;
use clap::{Arg, ArgAction, ArgMatches, Command};

use super::Ctx;
use crate::app::record::{self as app, Filter, Given, Shown};
use crate::error::SUCCESS;
use crate::model::schema::{Default, Field, FieldType, KindSpec};
use crate::model::value::Value;
use crate::model::{Kind, KindEntry, input, kind_of};
use crate::output::ui::Format;
use crate::tr;

/// The entry of a kind, for the generic verbs.
fn entry<K: Kind>() -> &'static KindEntry {
    kind_of(K::SPEC.dir).unwrap_or_else(|| panic!("{} is not in KINDS", K::SPEC.dir))
}

/// The field that names the record, which `add` takes as its argument.
fn title_field(spec: &'static KindSpec) -> Option<&'static Field> {
    spec.title.and_then(|t| spec.field(t))
}

/// A help line from a declaration's text: no full stop at the end.
fn help_line(text: &str) -> String {
    text.trim_end_matches('.').to_string()
}

/// What to call a field's value in the usage line.
fn value_name(f: &Field) -> String {
    match f.ty {
        FieldType::Date => "YYYY-MM-DD".into(),
        FieldType::Int { min: 1, max: 5 } => "1-5".into(),
        FieldType::Int { .. } | FieldType::Number => "N".into(),
        FieldType::Year => "YYYY".into(),
        FieldType::Money => "NOK".into(),
        FieldType::Bool => "YES|NO".into(),
        FieldType::Enum(_) | FieldType::Keys(_) => f.flag_name().to_uppercase(),
        FieldType::Ref(_) | FieldType::Refs(_) | FieldType::RefsAmong(_) => "ID".into(),
        _ => "TEXT".into(),
    }
}

/// The English help of a field's option, with what a reader must know
/// beyond the declaration: the values an enum takes, the default, that a
/// list option can be repeated.
fn option_help(f: &Field, for_set: bool) -> String {
    let mut s = help_line(f.doc);
    if let FieldType::Enum(e) | FieldType::Keys(e) = f.ty
        && !e.keys().iter().all(|k| s.contains(k))
    {
        s.push_str(&format!(" ({})", e.keys().join(", ")));
    }
    if f.is_ref() {
        s.push_str(" (id or unique prefix)");
    }
    if f.is_list() {
        s.push_str(if for_set {
            " (can be repeated; replaces the list)"
        } else {
            " (can be repeated)"
        });
    }
    if !for_set && f.default == Default::Today {
        s.push_str(" [default: today]");
    }
    s
}

/// The option that sets `f`, parsing its value with the field's own parser.
fn option(f: &'static Field, title: bool, for_set: bool) -> Arg {
    let flag = f.flag_name();
    let mut a = Arg::new(f.name)
        .long(flag)
        .value_name(value_name(f))
        .help(option_help(f, for_set))
        .value_parser(move |s: &str| {
            if for_set && !f.required && s.trim().is_empty() {
                return Err(tr!(
                    "verdien er tom; bruk --unset {} for å fjerne feltet",
                    "the value is empty; use --unset {} to remove the field",
                    f.flag_name()
                ));
            }
            input::parse(f, s, title)
        })
        .allow_negative_numbers(matches!(f.ty, FieldType::Number));
    if let Some(alias) = f.alias {
        a = a.alias(alias);
    }
    if f.name == "description" {
        a = a.short('d');
    }
    if f.is_list() {
        a = a.action(ArgAction::Append);
    } else {
        a = a.action(ArgAction::Set);
    }
    a
}

/// The values given for every field that has an option, in declared order.
fn given_of(spec: &'static KindSpec, m: &ArgMatches, skip: Option<&str>) -> Vec<Given> {
    let mut out = Vec::new();
    for f in spec.settable().filter(|f| Some(f.name) != skip) {
        if matches!(f.ty, FieldType::Bool)
            && m.try_get_one::<bool>(f.name).is_ok_and(|v| v.is_some())
        {
            // `add --outside` is a switch.
            if m.get_flag(f.name) {
                out.push(Given { field: f, values: vec![Value::Bool(true)] });
            }
            continue;
        }
        if let Ok(Some(values)) = m.try_get_many::<Value>(f.name) {
            out.push(Given { field: f, values: values.cloned().collect() });
        }
    }
    out
}

/// `Examples:` lines for `--help`.
fn examples(lines: &[String]) -> String {
    let mut s = "Examples:".to_string();
    for l in lines {
        s.push_str("\n  ");
        s.push_str(l);
    }
    s
}

fn id_arg(spec: &KindSpec) -> Arg {
    Arg::new("id")
        .value_name("ID")
        .required(true)
        .help(format!("The {}'s id, or a unique prefix of it", spec.noun))
}

macro_rules! args_impl {
    ($ty:ident, $build:ident, $parse:ident) => {
        impl<K: Kind> clap::Args for $ty<K> {
            fn augment_args(cmd: Command) -> Command {
                $build(K::SPEC, cmd)
            }
            fn augment_args_for_update(cmd: Command) -> Command {
                $build(K::SPEC, cmd)
            }
        }
        impl<K: Kind> clap::FromArgMatches for $ty<K> {
            fn from_arg_matches(m: &ArgMatches) -> Result<Self, clap::Error> {
                Ok($parse::<K>(m))
            }
            fn update_from_arg_matches(&mut self, m: &ArgMatches) -> Result<(), clap::Error> {
                *self = $parse::<K>(m);
                Ok(())
            }
        }
        impl<K> std::fmt::Debug for $ty<K> {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(stringify!($ty))
            }
        }
    };
}

// ---- add --------------------------------------------------------------------

/// `NOUN add TITLE [--FIELD VALUE]…`: a new record and its id.
pub struct Add<K> {
    title: String,
    given: Vec<Given>,
    _kind: PhantomData<fn() -> K>,
}

fn build_add(spec: &'static KindSpec, cmd: Command) -> Command {
    let mut cmd =
        cmd.about(format!("Record {} and print its id", spec.a_en())).after_help(examples(&[
            format!("veikart {}", spec.example.add),
            format!("veikart {} list", spec.command),
        ]));
    if let Some(t) = title_field(spec) {
        cmd = cmd.arg(
            Arg::new(t.name)
                .value_name(t.name.to_uppercase())
                .required(true)
                .help(help_line(t.doc))
                .value_parser(move |s: &str| input::parse(t, s, true)),
        );
    }
    for f in spec.settable().filter(|f| Some(f.name) != spec.title) {
        let mut a = option(f, false, false);
        if matches!(f.ty, FieldType::Bool) {
            a = Arg::new(f.name)
                .long(f.flag_name())
                .help(help_line(f.doc))
                .action(ArgAction::SetTrue);
        } else if f.required && f.default == Default::None {
            a = a.required(true);
        }
        cmd = cmd.arg(a);
    }
    cmd
}

fn parse_add<K: Kind>(m: &ArgMatches) -> Add<K> {
    let spec = K::SPEC;
    let title = spec
        .title
        .and_then(|t| m.get_one::<Value>(t))
        .map(crate::model::display::plain)
        .unwrap_or_default();
    Add { title, given: given_of(spec, m, spec.title), _kind: PhantomData }
}

args_impl!(Add, build_add, parse_add);

pub fn run_add<K: Kind>(ctx: &mut Ctx, a: Add<K>) -> Result<u8> {
    let spec = K::SPEC;
    let format = ctx.ui.format(&format!("{} add", spec.command))?;
    let project = ctx.open()?;
    let w = app::add(&project, spec, &a.title, &a.given)?;
    match format {
        Format::Json => super::common::created_json(ctx, &project, spec, &w.id)?,
        _ => ctx.ui.out(&w.id)?,
    }
    ctx.ui.status(&tr!(
        "La til {} «{}» i {}.",
        "Added the {} \"{}\" in {}.",
        spec.label(),
        a.title,
        w.path
    ));
    Ok(SUCCESS)
}

// ---- list -------------------------------------------------------------------

/// `NOUN list [--FIELD KEY]…`: the records as a table, or JSON.
pub struct List<K> {
    filters: Vec<Filter>,
    _kind: PhantomData<fn() -> K>,
}

fn build_list(spec: &'static KindSpec, cmd: Command) -> Command {
    let mut cmd = cmd.about(format!("List the {}", spec.plural)).after_help(examples(&[
        format!("veikart {} list", spec.command),
        format!("veikart {} list --format json", spec.command),
    ]));
    for f in spec.fields.iter().filter(|f| matches!(f.ty, FieldType::Enum(_))) {
        cmd = cmd.arg(
            Arg::new(f.name)
                .long(f.flag_name())
                .value_name(value_name(f))
                .help(format!(
                    "Only {} with this {} (can be repeated)",
                    spec.plural,
                    f.label_en.to_lowercase()
                ))
                .value_parser(move |s: &str| input::parse(f, s, false))
                .action(ArgAction::Append),
        );
    }
    if let Some(g) = &spec.group {
        cmd =
            cmd.arg(Arg::new(g.field).long(g.field).value_name("ID").help(format!(
                "Only the {} of this {} (id or unique prefix)",
                spec.plural, g.field
            )));
    }
    cmd
}

fn parse_list<K: Kind>(m: &ArgMatches) -> List<K> {
    let spec = K::SPEC;
    let mut filters = Vec::new();
    for f in spec.fields.iter().filter(|f| matches!(f.ty, FieldType::Enum(_))) {
        if let Ok(Some(v)) = m.try_get_many::<Value>(f.name) {
            filters.push(Filter {
                field: f.name,
                keys: v.map(crate::model::display::plain).collect(),
            });
        }
    }
    if let Some(g) = &spec.group
        && let Ok(Some(v)) = m.try_get_one::<String>(g.field)
    {
        filters.push(Filter { field: g.field, keys: vec![v.clone()] });
    }
    List { filters, _kind: PhantomData }
}

args_impl!(List, build_list, parse_list);

pub fn run_list<K: Kind>(ctx: &mut Ctx, mut a: List<K>) -> Result<u8> {
    let spec = K::SPEC;
    let format = ctx.ui.format(&format!("{} list", spec.command))?;
    let project = ctx.open()?;
    // The owner of a grouped kind may be given by a prefix of its id.
    if let Some(g) = &spec.group
        && let Some(dir) = g.refers
        && let Some(owner) = kind_of(dir)
    {
        for flt in a.filters.iter_mut().filter(|f| f.field == g.field) {
            let typed = flt.keys.first().cloned().unwrap_or_default();
            flt.keys = vec![project.resolve(owner.spec, &typed)?];
        }
    }
    let rows = app::list(&project, entry::<K>(), &a.filters)?;
    print_list(ctx, spec, format, &rows, !a.filters.is_empty())
}

/// A kind's records as its table (or `{version, <dir>: [...]}`), or a line
/// saying there are none.
pub fn print_list(
    ctx: &mut Ctx,
    spec: &KindSpec,
    format: Format,
    rows: &[Shown],
    filtered: bool,
) -> Result<u8> {
    if format == Format::Json {
        let items: Vec<&serde_json::Value> = rows.iter().map(|r| &r.json).collect();
        return super::common::json_list(ctx, spec.dir, &items);
    }
    if rows.is_empty() {
        ctx.ui.status(&if filtered {
            tr!("Ingen {} passer til filtrene.", "No {} match the filters.", spec.plural_label())
        } else {
            tr!(
                "Ingen {} ennå. Legg til med `veikart {}`.",
                "No {} yet. Add one with `veikart {}`.",
                spec.plural_label(),
                spec.example.add
            )
        });
        return Ok(SUCCESS);
    }
    let headers: Vec<String> =
        spec.columns.iter().map(|c| crate::i18n::pick(c.1, c.2).to_string()).collect();
    let table_rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            spec.columns
                .iter()
                .map(|c| {
                    let v = if c.0 == "id" {
                        serde_json::Value::String(r.id.clone())
                    } else {
                        r.json.get(c.0).cloned().unwrap_or(serde_json::Value::Null)
                    };
                    super::common::cell(spec, c.0, &v)
                })
                .collect()
        })
        .collect();
    let table = ctx.ui.table(&headers, table_rows);
    ctx.ui.out(&table)?;
    Ok(SUCCESS)
}

// ---- show -------------------------------------------------------------------

/// `NOUN show ID`: one record, every field with its label.
pub struct Show<K> {
    id: String,
    _kind: PhantomData<fn() -> K>,
}

fn build_show(spec: &'static KindSpec, cmd: Command) -> Command {
    cmd.about(format!("Show one {}", spec.noun)).arg(id_arg(spec)).after_help(examples(&[
        format!("veikart {} show {}", spec.command, spec.example.id),
        format!("veikart {} show {} --format json", spec.command, spec.example.id),
    ]))
}

fn parse_show<K: Kind>(m: &ArgMatches) -> Show<K> {
    Show { id: m.get_one::<String>("id").cloned().unwrap_or_default(), _kind: PhantomData }
}

args_impl!(Show, build_show, parse_show);

pub fn run_show<K: Kind>(ctx: &mut Ctx, a: Show<K>) -> Result<u8> {
    let spec = K::SPEC;
    let format = ctx.ui.format(&format!("{} show", spec.command))?;
    let project = ctx.open()?;
    let r = app::show(&project, entry::<K>(), &a.id)?;
    print_show(ctx, spec, format, &r)
}

/// One record as `Label:  value` lines under its id and file, or
/// `{version, <noun>: {…, path}}`.
pub fn print_show(ctx: &mut Ctx, spec: &KindSpec, format: Format, r: &Shown) -> Result<u8> {
    if format == Format::Json {
        let mut out = serde_json::Map::new();
        out.insert(spec.noun.replace(' ', "_"), r.json.clone());
        ctx.ui.json(&out)?;
        return Ok(SUCCESS);
    }
    let mut rows = Vec::new();
    for f in spec.fields {
        let Some(v) = r.fields.values.get(f.name) else { continue };
        let shown = match (f.ty, v) {
            (FieldType::Tables(sub), Value::List(entries)) => entries
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    let Value::Map(pairs) = e else { return String::new() };
                    let parts: Vec<String> = sub
                        .iter()
                        .filter_map(|sf| {
                            let v = pairs.iter().find(|(k, _)| k == sf.name).map(|(_, v)| v)?;
                            Some(crate::model::display::value(sf, v))
                        })
                        .collect();
                    format!("{}. {}", i + 1, parts.join(", "))
                })
                .collect::<Vec<_>>()
                .join("\n"),
            // A list, one item per line (an enum's by its labels).
            (FieldType::Keys(e), Value::List(items)) => items
                .iter()
                .map(|v| e.label(&crate::model::display::plain(v)).to_string())
                .collect::<Vec<_>>()
                .join("\n"),
            (_, Value::List(items)) => {
                items.iter().map(crate::model::display::plain).collect::<Vec<_>>().join("\n")
            }
            _ => crate::model::display::value(f, v),
        };
        if !shown.is_empty() {
            rows.push((f.label_text().to_string(), shown));
        }
    }
    let block = super::common::record_block(ctx, &r.id, &r.path, &rows);
    ctx.ui.out(&block)?;
    Ok(SUCCESS)
}

// ---- set --------------------------------------------------------------------

/// `NOUN set ID [--FIELD VALUE]… [--unset FIELD]…`.
pub struct Set<K> {
    id: String,
    given: Vec<Given>,
    unset: Vec<&'static Field>,
    _kind: PhantomData<fn() -> K>,
}

/// The optional fields `set` may remove.
fn optional_fields(spec: &'static KindSpec) -> Vec<String> {
    spec.settable().filter(|f| !f.required).map(|f| f.flag_name()).collect()
}

fn build_set(spec: &'static KindSpec, cmd: Command) -> Command {
    let optional = optional_fields(spec);
    let about = if optional.is_empty() {
        format!("Change {}: one option per field", spec.a_en())
    } else {
        format!("Change {}: one option per field, --unset for optional ones", spec.a_en())
    };
    let mut cmd = cmd
        .about(about.clone())
        .long_about(format!(
            "{about}\n\n\
             Only the fields given change; the file keeps its comments and layout, and \
             the id stays, so `git log` follows the record. Each change is printed as \
             old → new. A change that would break a rule `veikart check` holds the \
             file to is refused, and nothing is written."
        ))
        .arg(id_arg(spec))
        .after_help(examples(&[format!(
            "veikart {} set {} {}",
            spec.command, spec.example.id, spec.example.set
        )]));
    for f in spec.settable() {
        cmd = cmd.arg(option(f, Some(f.name) == spec.title, true));
    }
    // A kind without optional fields keeps `--unset` out of its help, yet
    // says why a field it names cannot be removed.
    let unset = Arg::new("unset")
        .long("unset")
        .value_name("FIELD")
        .action(ArgAction::Append)
        .hide(optional.is_empty())
        .help(format!("Remove an optional field (can be repeated): {}", optional.join(", ")))
        .value_parser(move |s: &str| unset_field(spec, s).map(|f| f.name.to_string()));
    cmd.arg(unset)
}

/// The field `--unset` names, by its flag or its key.
fn unset_field(spec: &'static KindSpec, s: &str) -> Result<&'static Field, String> {
    let want = s.trim().trim_start_matches("--");
    spec.settable()
        .find(|f| f.flag_name() == want || f.name == want || f.name == want.replace('-', "_"))
        .ok_or_else(|| {
            let optional = optional_fields(spec);
            if optional.is_empty() {
                return tr!(
                    "«{s}» kan ikke fjernes; {} har ingen valgfrie felt",
                    "`{s}` cannot be removed; {} have no optional fields",
                    spec.plural_label()
                );
            }
            tr!(
                "«{s}» er ikke et felt som kan fjernes; velg en av: {}",
                "`{s}` is not a field that can be removed; choose one of: {}",
                optional.join(", ")
            )
        })
}

fn parse_set<K: Kind>(m: &ArgMatches) -> Set<K> {
    let spec = K::SPEC;
    let unset = m
        .get_many::<String>("unset")
        .map(|v| v.filter_map(|n| spec.field(n)).collect())
        .unwrap_or_default();
    Set {
        id: m.get_one::<String>("id").cloned().unwrap_or_default(),
        given: given_of(spec, m, None),
        unset,
        _kind: PhantomData,
    }
}

args_impl!(Set, build_set, parse_set);

impl<K> Set<K> {
    /// The id as typed, the values given and the fields to remove, for a
    /// kind whose `set` checks something first (a published status report
    /// is frozen).
    pub fn parts(&self) -> (&str, &[Given], &[&'static Field]) {
        (&self.id, &self.given, &self.unset)
    }
}

pub fn run_set<K: Kind>(ctx: &mut Ctx, a: Set<K>) -> Result<u8> {
    let spec = K::SPEC;
    let format = ctx.ui.format(&format!("{} set", spec.command))?;
    let project = ctx.open()?;
    let w = app::set(&project, entry::<K>(), &a.id, &a.given, &a.unset)?;
    print_written(ctx, &project, spec, format, &w)
}

/// The outcome of an edit: the changes as status lines, or
/// `{version, id, path, changes: [{field, old, new}]}`.
pub fn print_written(
    ctx: &mut Ctx,
    project: &crate::store::Project,
    spec: &KindSpec,
    format: Format,
    w: &app::Written,
) -> Result<u8> {
    let _ = format;
    super::common::edited(ctx, project, spec, &w.id, &w.changes);
    Ok(SUCCESS)
}

// ---- rm ---------------------------------------------------------------------

/// `NOUN rm ID`: remove a record no other record refers to.
pub struct Rm<K> {
    id: String,
    _kind: PhantomData<fn() -> K>,
}

fn build_rm(spec: &'static KindSpec, cmd: Command) -> Command {
    cmd.about(format!("Remove {} that no other record refers to", spec.a_en()))
        .long_about(format!(
            "Remove {} that no other record refers to\n\n\
             While other records refer to it, nothing is removed, and the message lists \
             them by file. Git keeps the removed file in its history.",
            spec.a_en()
        ))
        .arg(id_arg(spec))
        .after_help(examples(&[format!("veikart {} rm {}", spec.command, spec.example.id)]))
}

fn parse_rm<K: Kind>(m: &ArgMatches) -> Rm<K> {
    Rm { id: m.get_one::<String>("id").cloned().unwrap_or_default(), _kind: PhantomData }
}

args_impl!(Rm, build_rm, parse_rm);

pub fn run_rm<K: Kind>(ctx: &mut Ctx, a: Rm<K>) -> Result<u8> {
    run_rm_with(ctx, a, |project, id| app::remove(project, K::SPEC, id))
}

/// `rm` with a kind's own removal (a published status report is refused).
pub fn run_rm_with<K: Kind>(
    ctx: &mut Ctx,
    a: Rm<K>,
    remove: impl FnOnce(&crate::store::Project, &str) -> Result<(String, Vec<String>)>,
) -> Result<u8> {
    let spec = K::SPEC;
    let format = ctx.ui.format(&format!("{} rm", spec.command))?;
    let project = ctx.open()?;
    let (id, files) = remove(&project, &a.id)?;
    if format == Format::Json {
        ctx.ui.json(&serde_json::json!({ "id": id, "removed": files }))?;
    }
    ctx.ui.status(&tr!("Fjernet {}.", "Removed {}.", files.join(", ")));
    Ok(SUCCESS)
}

// ---- a whole noun -------------------------------------------------------------

/// A noun's own help, from the kind's declaration (in English; Bokmål
/// through [`nb_about`]).
fn about(spec: &'static KindSpec, cmd: Command) -> Command {
    let cmd = cmd.about(spec.about.en);
    if spec.about.long_en.is_empty() {
        cmd
    } else {
        cmd.long_about(format!("{}\n\n{}", spec.about.en, spec.about.long_en))
    }
}

/// The noun of a kind with no verbs of its own: `add` (when `ADD`), `list`,
/// `show`, `set` and `rm`, all from its declaration.
pub enum Verbs<K, const ADD: bool> {
    Add(Add<K>),
    List(List<K>),
    Show(Show<K>),
    Set(Set<K>),
    Rm(Rm<K>),
}

/// A kind with every verb from its declaration.
pub type Noun<K> = Verbs<K, true>;

/// A kind whose records another command adds (`benefit plan` makes
/// indicators, `proposal test` user tests): `list`, `show`, `set`, `rm`.
pub type Records<K> = Verbs<K, false>;

impl<K, const ADD: bool> std::fmt::Debug for Verbs<K, ADD> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Verbs")
    }
}

impl<K: Kind, const ADD: bool> clap::Subcommand for Verbs<K, ADD> {
    fn augment_subcommands(cmd: Command) -> Command {
        let spec = K::SPEC;
        let mut cmd = about(spec, cmd).subcommand_required(true);
        if ADD {
            cmd = cmd.subcommand(build_add(spec, Command::new("add")));
        }
        cmd.subcommand(build_list(spec, Command::new("list")))
            .subcommand(build_show(spec, Command::new("show")))
            .subcommand(build_set(spec, Command::new("set")))
            .subcommand(build_rm(spec, Command::new("rm")))
            .after_help(examples(&[
                format!("veikart {}", spec.example.add),
                format!("veikart {} list", spec.command),
                format!("veikart {} show {}", spec.command, spec.example.id),
                format!("veikart {} set {} {}", spec.command, spec.example.id, spec.example.set),
            ]))
    }
    fn augment_subcommands_for_update(cmd: Command) -> Command {
        Self::augment_subcommands(cmd)
    }
    fn has_subcommand(name: &str) -> bool {
        matches!(name, "list" | "show" | "set" | "rm") || (ADD && name == "add")
    }
}

impl<K: Kind, const ADD: bool> clap::FromArgMatches for Verbs<K, ADD> {
    fn from_arg_matches(m: &ArgMatches) -> Result<Self, clap::Error> {
        match m.subcommand() {
            Some(("add", s)) if ADD => Ok(Verbs::Add(parse_add(s))),
            Some(("list", s)) => Ok(Verbs::List(parse_list(s))),
            Some(("show", s)) => Ok(Verbs::Show(parse_show(s))),
            Some(("set", s)) => Ok(Verbs::Set(parse_set(s))),
            Some(("rm", s)) => Ok(Verbs::Rm(parse_rm(s))),
            _ => Err(clap::Error::new(clap::error::ErrorKind::MissingSubcommand)),
        }
    }
    fn update_from_arg_matches(&mut self, m: &ArgMatches) -> Result<(), clap::Error> {
        *self = Self::from_arg_matches(m)?;
        Ok(())
    }
}

/// Run one of a kind's generated verbs.
pub fn run<K: Kind, const ADD: bool>(ctx: &mut Ctx, cmd: Verbs<K, ADD>) -> Result<u8> {
    match cmd {
        Verbs::Add(a) => run_add(ctx, a),
        Verbs::List(a) => run_list(ctx, a),
        Verbs::Show(a) => run_show(ctx, a),
        Verbs::Set(a) => run_set(ctx, a),
        Verbs::Rm(a) => run_rm(ctx, a),
    }
}

// ---- Bokmål help --------------------------------------------------------------

/// The kind whose verbs live at `noun` (`goal`, `pilot finding`).
fn spec_at(noun: &str) -> Option<&'static KindSpec> {
    crate::model::KINDS.iter().map(|k| k.spec).find(|s| s.command == noun)
}

/// The Bokmål summary of a generated verb (`goal set`), or of a noun
/// built from a declaration (`goal`), if `path` is one.
pub fn nb_about(path: &str) -> Option<String> {
    if let Some(spec) = spec_at(path).filter(|s| !s.about.nb.is_empty()) {
        return Some(spec.about.nb.to_string());
    }
    let (noun, verb) = path.rsplit_once(' ')?;
    let spec = spec_at(noun)?;
    let a = format!("{} {}", if spec.neuter { "et" } else { "en" }, spec.noun_nb);
    Some(match verb {
        "add" => format!("Registrer {a} og skriv ut id-en"),
        "list" => format!("Vis alle {}", spec.plural_nb),
        "show" => format!("Vis {} {}", if spec.neuter { "ett" } else { "én" }, spec.noun_nb),
        "set" if optional_fields(spec).is_empty() => format!("Endre {a}: ett valg per felt"),
        "set" => format!("Endre {a}: ett valg per felt, --unset for valgfrie felt"),
        "rm" => format!("Fjern {a} som ingen andre poster viser til"),
        _ => return None,
    })
}

/// The Bokmål longer text of a generated verb or noun, if it has one.
pub fn nb_long(path: &str) -> Option<&'static str> {
    if let Some(spec) = spec_at(path).filter(|s| !s.about.nb.is_empty()) {
        return (!spec.about.long_nb.is_empty()).then_some(spec.about.long_nb);
    }
    let (noun, verb) = path.rsplit_once(' ')?;
    spec_at(noun)?;
    match verb {
        "set" => Some(
            "Bare feltene som gis, endres; filen beholder kommentarene og oppsettet sitt,\n\
             og id-en er den samme, så `git log` følger posten. Hver endring skrives ut\n\
             som gammel → ny. En endring som ville bryte en regel `veikart check` holder\n\
             filen til, blir avvist, og ingenting skrives.",
        ),
        "rm" => Some(
            "Så lenge andre poster viser til den, fjernes ingenting, og meldingen lister\n\
             dem opp fil for fil. Git tar vare på den fjernede filen i historikken.",
        ),
        _ => None,
    }
}

/// The Bokmål help of an argument of a generated verb (`goal set`,
/// `--measure`), from the field's declaration.
pub fn nb_help(path: &str, arg: &str) -> Option<String> {
    let (noun, verb) = path.rsplit_once(' ')?;
    let spec = spec_at(noun)?;
    if !matches!(verb, "add" | "list" | "show" | "set" | "rm") {
        return None;
    }
    match arg {
        "id" => return Some("Id-en, eller en entydig begynnelse av den".to_string()),
        "unset" if verb == "set" => {
            let optional = optional_fields(spec).join(", ");
            return Some(format!("Fjern et valgfritt felt (kan gjentas): {optional}"));
        }
        _ => {}
    }
    if let Some(g) = &spec.group
        && g.field == arg
    {
        return Some(format!(
            "Bare {} som hører til denne (id eller entydig begynnelse)",
            spec.plural_nb
        ));
    }
    let f = spec.field(arg)?;
    if verb == "list" {
        return Some(format!(
            "Bare {} med denne verdien for {} (kan gjentas)",
            spec.plural_nb,
            f.label_nb.to_lowercase()
        ));
    }
    let mut s = help_line(f.nb);
    if let FieldType::Enum(e) | FieldType::Keys(e) = f.ty {
        // Unless the help already names every value (by key or word).
        let named = e.variants.iter().all(|v| {
            s.contains(v.key) || s.contains(v.nb) || v.aliases.iter().any(|a| s.contains(a))
        });
        if !named {
            s.push_str(&format!(": {}", input::choices(e)));
        }
    }
    if f.is_ref() && !s.contains("entydig") {
        s.push_str(" (id eller entydig begynnelse)");
    }
    if f.is_list() {
        s.push_str(if verb == "set" {
            " (kan gjentas; erstatter listen)"
        } else {
            " (kan gjentas)"
        });
    }
    if verb == "add" && f.default == Default::Today {
        s.push_str(" [standard: i dag]");
    }
    Some(s)
}
