//! `veikart measure …`: values of the plan's indicators, one file per
//! indicator and date (`measurements/<indicator>/<YYYY-MM-DD>.toml`).

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::Result;
use clap::{Args, Subcommand};

use super::{Ctx, check_line, check_text, date_arg, today};
use crate::error::{FAILURE, SUCCESS, UserError};
use crate::model::date::Date;
use crate::model::id::{self, Lookup};
use crate::model::indicator::{self, Indicator};
use crate::model::measurement::{self, Measurement};
use crate::model::number;
use crate::output::ui::Format;
use crate::store::{Project, edit};
use crate::tr;

/// Record the values of the benefit plan's indicators
#[derive(Debug, Subcommand)]
#[command(after_help = "\
Examples:
  veikart measure record ventetid-i-minutter 52,5 --date 2026-11-01
  veikart measure list ventetid --from 2026-01-01
  veikart measure import malinger.csv
  veikart measure export --format csv > malinger.csv")]
pub enum MeasureCommand {
    Record(RecordArgs),
    List(ListArgs),
    Import(ImportArgs),
    Export(ExportArgs),
    Show(super::record::Show<crate::model::measurement::Measurement>),
    Set(super::record::Set<crate::model::measurement::Measurement>),
    Rm(super::record::Rm<crate::model::measurement::Measurement>),
}

pub fn run(ctx: &mut Ctx, cmd: MeasureCommand) -> Result<u8> {
    match cmd {
        MeasureCommand::Record(a) => cmd_measure_record(ctx, a),
        MeasureCommand::List(a) => cmd_measure_list(ctx, a),
        MeasureCommand::Import(a) => cmd_measure_import(ctx, a),
        MeasureCommand::Export(a) => cmd_measure_export(ctx, a),
        MeasureCommand::Show(a) => super::record::run_show(ctx, a),
        MeasureCommand::Set(a) => super::record::run_set(ctx, a),
        MeasureCommand::Rm(a) => super::record::run_rm(ctx, a),
    }
}

/// Record one value of an indicator
///
/// One value per indicator and date: a second value for the same date is
/// refused unless --replace is given. The first value that reaches the
/// target is announced, with a suggestion to celebrate it.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart measure record ventetid-i-minutter 52,5
  veikart measure record ventetid 49 --date 2026-12-01 --note \"Ny triage fra uke 47\" --by \"Kari Nordmann\"
  veikart measure record ventetid 48 --date 2026-12-01 --replace")]
pub struct RecordArgs {
    /// The indicator (id or unique prefix)
    pub indicator: String,

    /// The value, in the indicator's unit (a decimal comma is fine)
    #[arg(value_parser = super::number_arg(&measurement::SPEC, "value"), allow_negative_numbers = true)]
    pub value: f64,

    /// The date the value applies to [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub date: Option<Date>,

    /// A comment on the value
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,

    /// Who measured it
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,

    /// Replace a value already recorded for that date
    #[arg(long)]
    pub replace: bool,
}

fn measurement_doc(value: f64, note: Option<&str>, by: Option<&str>) -> toml_edit::DocumentMut {
    let mut doc = toml_edit::DocumentMut::new();
    edit::set(&mut doc, "value", edit::number(value));
    if let Some(n) = note.filter(|n| !n.is_empty()) {
        edit::set(&mut doc, "note", edit::text(n));
    }
    if let Some(b) = by {
        edit::set(&mut doc, "by", edit::text(b));
    }
    doc
}

/// Replace the value of a measurement in place: the value, note and `by`
/// become the new ones (a note or `by` not given is removed, since it spoke
/// of the old value), and the user's comments in the file stay.
fn replace_value(
    project: &Project,
    id: &str,
    value: f64,
    note: Option<&str>,
    by: Option<&str>,
) -> Result<()> {
    project.edit::<Measurement>(id, |_, doc| {
        edit::set(doc, "value", edit::number(value));
        edit::set_opt(doc, "note", note.filter(|n| !n.is_empty()).map(edit::text));
        edit::set_opt(doc, "by", by.map(edit::text));
        Ok(())
    })?;
    Ok(())
}

fn cmd_measure_record(ctx: &mut Ctx, args: RecordArgs) -> Result<u8> {
    let format = ctx.ui.format("measure record")?;
    let project = ctx.open()?;
    let ind_id = project.resolve(&indicator::SPEC, &args.indicator)?;
    let ind: Indicator = project.load(&ind_id)?;
    let date = today(args.date)?;
    let now = today(None)?;
    if date > now {
        // Allowed (a planned reading), but a typo like 2062 should not pass unseen.
        ctx.ui.warn(&tr!(
            "{date} er etter i dag ({now}); verdien teller ikke i oppfølgingen før den dagen",
            "{date} is after today ({now}); the value does not count in the follow-up until that day"
        ));
    }
    let note = args.note.as_deref().map(|n| check_text("--note", n)).transpose()?;
    let by = args.by.as_deref().map(|b| check_line("--by", b)).transpose()?;
    let id = Measurement::id_for(&ind_id, date);
    let path = project.shown_record(&measurement::SPEC, &id);
    // Whether an earlier value reached the target already. Only asked when
    // this value reaches it, so an ordinary record reads no other value file.
    // A value file that cannot be read does not stop a new value from being
    // recorded (`check` reports it).
    let reaches = ind.reaches(args.value);
    let reached_before = reaches
        && project
            .group_ids(&measurement::SPEC, &ind_id)?
            .iter()
            .filter(|stem| **stem != date.to_string())
            .filter_map(|stem| project.load::<Measurement>(&format!("{ind_id}/{stem}")).ok())
            .any(|m| ind.reaches(m.value));
    let doc = measurement_doc(args.value, note.as_deref(), by.as_deref());
    let replaced = if project.create_exact(&measurement::SPEC, &id, &doc)? {
        false
    } else if args.replace {
        // Refuse to replace what cannot be read: it may be a folder or broken.
        let old: Measurement = project.load(&id)?;
        replace_value(&project, &id, args.value, note.as_deref(), by.as_deref())?;
        ctx.ui.status(&tr!(
            "Erstattet {} med {} i {path}.",
            "Replaced {} with {} in {path}.",
            number::format(old.value),
            number::format(args.value)
        ));
        true
    } else {
        let old = project.load::<Measurement>(&id).map(|m| number::format(m.value));
        return Err(UserError::new(tr!(
            "«{ind_id}» har allerede en verdi for {date}{} ({path})",
            "`{ind_id}` already has a value for {date}{} ({path})",
            old.map(|v| format!(": {v}")).unwrap_or_default()
        ))
        .hint(tr!(
            "bruk --replace for å erstatte den, eller --date for en annen dag",
            "use --replace to replace it, or --date for another day"
        ))
        .into());
    };
    if !replaced {
        ctx.ui.status(&tr!(
            "Registrerte {} for «{}» {date} i {path}.",
            "Recorded {} for \"{}\" on {date} in {path}.",
            with_unit(args.value, &ind.unit),
            ind.name
        ));
    }
    let first_reach = reaches && !reached_before;
    if first_reach {
        celebrate(ctx, &ind, args.value, None);
    }
    match format {
        Format::Json => ctx.ui.json(&serde_json::json!({
            "id": id,
            "path": path,
            "replaced": replaced,
            "achievement": ind.achievement(args.value),
            "target_reached_first_time": first_reach,
        }))?,
        _ => ctx.ui.out(&id)?,
    }
    Ok(SUCCESS)
}

/// Say that `value` reaches the target of `ind` for the first time, and
/// suggest celebrating it.
fn celebrate(ctx: &Ctx, ind: &Indicator, value: f64, date: Option<Date>) {
    let on = date.map(|d| tr!(" {d}", " on {d}")).unwrap_or_default();
    ctx.ui.status(&tr!(
        "🎉 Målet for «{}» er nådd for første gang{on} ({} mot målet {})!",
        "🎉 The target of \"{}\" is reached for the first time{on} ({} against the target {})!",
        ind.name,
        with_unit(value, &ind.unit),
        ind.target.map_or_else(|| "–".to_string(), |t| with_unit(t, &ind.unit))
    ));
    ctx.ui.status(&tr!(
        "Del det med dem som har jobbet for det, og feir det! Skriv det gjerne i loggen: `veikart log add --kind celebration \"{} er nådd\"`",
        "Share it with the people who worked for it, and celebrate! Consider logging it: `veikart log add --kind celebration \"{} reached\"`",
        ind.name
    ));
}

/// The indicators an import brings to their target for the first time, each
/// with the earliest imported value that reaches it: no value already
/// recorded (other than those the import replaces) reached it. Files that
/// cannot be read are skipped here (`check` reports them).
fn first_reaches(project: &Project, good: &[Good]) -> Vec<(Indicator, f64, Date)> {
    let mut by_ind: BTreeMap<&str, Vec<&Good>> = BTreeMap::new();
    for g in good {
        if let Some((ind, _)) = g.id.split_once('/') {
            by_ind.entry(ind).or_default().push(g);
        }
    }
    let mut out = Vec::new();
    for (ind_id, rows) in by_ind {
        let Ok(ind) = project.load::<Indicator>(ind_id) else { continue };
        let mut reaching: Vec<(Date, f64)> = rows
            .iter()
            .filter(|g| ind.reaches(g.value))
            .filter_map(|g| Some((Date::parse(g.id.rsplit('/').next()?)?, g.value)))
            .collect();
        reaching.sort_by_key(|(d, _)| *d);
        let Some(&(date, value)) = reaching.first() else { continue };
        let imported: Vec<&str> = rows.iter().map(|g| g.id.as_str()).collect();
        let before = project
            .group_ids(&measurement::SPEC, ind_id)
            .unwrap_or_default()
            .iter()
            .map(|stem| format!("{ind_id}/{stem}"))
            .filter(|id| !imported.contains(&id.as_str()))
            .filter_map(|id| project.load::<Measurement>(&id).ok())
            .any(|m| ind.reaches(m.value));
        if !before {
            out.push((ind, value, date));
        }
    }
    out
}

fn with_unit(v: f64, unit: &str) -> String {
    crate::model::number::with_unit(Some(v), unit)
}

/// List recorded values, oldest first
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart measure list
  veikart measure list ventetid --from 2026-01-01 --to 2026-06-30
  veikart measure list --format json")]
pub struct ListArgs {
    /// Only this indicator (id or unique prefix)
    pub indicator: Option<String>,

    /// Only values on or after this date
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub from: Option<Date>,

    /// Only values on or before this date
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub to: Option<Date>,
}

/// The measurements picked by an optional indicator and date range, sorted
/// by indicator and date, with their indicators.
fn selected(
    project: &Project,
    indicator: Option<&str>,
    from: Option<Date>,
    to: Option<Date>,
) -> Result<(Vec<Measurement>, BTreeMap<String, Indicator>)> {
    if let (Some(f), Some(t)) = (from, to)
        && f > t
    {
        return Err(UserError::new(tr!(
            "--from {f} er etter --to {t}, så ingen verdier kan passe",
            "--from {f} is after --to {t}, so no value can match"
        ))
        .into());
    }
    let indicators: BTreeMap<String, Indicator> =
        project.load_all::<Indicator>()?.into_iter().map(|i| (i.id.clone(), i)).collect();
    let mut ms: Vec<Measurement> = match indicator {
        Some(wanted) => {
            let id = project.resolve(&indicator::SPEC, wanted)?;
            project.load_group(&id)?
        }
        None => project.load_all()?,
    };
    ms.retain(|m| m.date.is_some_and(|d| from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t)));
    ms.sort_by(|a, b| (a.indicator.as_str(), a.date).cmp(&(b.indicator.as_str(), b.date)));
    Ok((ms, indicators))
}

fn cmd_measure_list(ctx: &mut Ctx, args: ListArgs) -> Result<u8> {
    let format = ctx.ui.format("measure list")?;
    let project = ctx.open()?;
    let (ms, indicators) = selected(&project, args.indicator.as_deref(), args.from, args.to)?;
    if format == Format::Json {
        let rows: Vec<serde_json::Value> = ms
            .iter()
            .map(|m| {
                let i = indicators.get(&m.indicator);
                let derived = serde_json::json!({
                    "unit": i.map(|i| i.unit.clone()),
                    "achievement": i
                        .and_then(|i| i.achievement(m.value))
                        .map(crate::model::number::percent_rounded),
                });
                super::common::record_json(&project, &measurement::SPEC, &m.id, m, derived)
            })
            .collect();
        return super::common::json_list(ctx, "measurements", &rows);
    }
    if ms.is_empty() {
        ctx.ui.status(&tr!(
            "Ingen målinger å vise. Registrer en med `veikart measure record INDIKATOR VERDI`.",
            "No measurements to show. Record one with `veikart measure record INDICATOR VALUE`."
        ));
        return Ok(SUCCESS);
    }
    let headers = vec![
        tr!("INDIKATOR", "INDICATOR"),
        tr!("DATO", "DATE"),
        tr!("VERDI", "VALUE"),
        tr!("OPPNÅDD", "ACHIEVED"),
        tr!("MERKNAD", "NOTE"),
    ];
    let rows = ms
        .iter()
        .map(|m| {
            let i = indicators.get(&m.indicator);
            vec![
                m.indicator.clone(),
                super::common::dash(m.date),
                with_unit(m.value, i.map_or("", |i| i.unit.as_str())),
                crate::model::number::percent(i.and_then(|i| i.achievement(m.value))),
                m.note.clone().unwrap_or_default().replace('\n', " "),
            ]
        })
        .collect();
    let table = ctx.ui.table(&headers, rows);
    ctx.ui.out(&table)?;
    Ok(SUCCESS)
}

/// Print recorded values as CSV (indicator,date,value,note), ready for `measure import`
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart measure export --format csv > malinger.csv
  veikart measure export ventetid --from 2026-01-01 --format csv
  veikart measure export --format csv --excel > malinger-excel.csv")]
pub struct ExportArgs {
    /// Only this indicator (id or unique prefix)
    pub indicator: Option<String>,

    /// Only values on or after this date
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub from: Option<Date>,

    /// Only values on or before this date
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub to: Option<Date>,

    /// Write CSV as Norwegian Excel opens it: semicolons, decimal commas,
    /// CRLF line ends and a byte-order mark (so æøå show)
    #[arg(long)]
    pub excel: bool,
}

fn cmd_measure_export(ctx: &mut Ctx, args: ExportArgs) -> Result<u8> {
    let format = ctx.ui.format("measure export")?;
    let project = ctx.open()?;
    let (ms, _) = selected(&project, args.indicator.as_deref(), args.from, args.to)?;
    if format == Format::Json {
        if args.excel {
            return Err(UserError::new(tr!(
                "--excel gjelder bare --format csv",
                "--excel only applies to --format csv"
            ))
            .into());
        }
        let rows: Vec<serde_json::Value> = ms
            .iter()
            .map(|m| {
                let none = serde_json::json!({});
                super::common::record_json(&project, &measurement::SPEC, &m.id, m, none)
            })
            .collect();
        return super::common::json_list(ctx, "measurements", &rows);
    }
    let rows: Vec<Vec<String>> = ms
        .iter()
        .map(|m| {
            let mut value = crate::model::number::plain(m.value);
            if args.excel {
                value = value.replace('.', ",");
            }
            vec![
                m.indicator.clone(),
                super::common::dash(m.date),
                value,
                m.note.clone().unwrap_or_default(),
            ]
        })
        .collect();
    let header = ["indicator", "date", "value", "note"];
    ctx.ui.out(&crate::output::table::csv(&header, &rows, args.excel)?)?;
    Ok(SUCCESS)
}

/// Import values from a CSV file (columns indicator, date, value, and optionally note)
///
/// The first line must name the columns (in English or Norwegian:
/// indikator, dato, verdi, merknad). Every row is checked before anything is
/// written: an unknown indicator, a bad date or number, a value twice in the
/// file, or a value already recorded for that date (unless --replace) makes
/// the import stop with every bad row listed as FILE:LINE, and nothing
/// written. Files as Norwegian Excel saves them work: semicolons between the
/// columns, decimal commas, dates as 01.11.2026, UTF-8 with a byte-order
/// mark or Windows-1252. A target reached for the first time is announced,
/// as by `measure record`. The first line is for example
/// `indicator,date,value,note`.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart measure import malinger.csv
  veikart measure import eksport-fra-fagsystem.csv --by \"Kari Nordmann\"
  veikart measure import rettede-verdier.csv --replace
  veikart -C gammelt-prosjekt measure export | veikart measure import -")]
pub struct ImportArgs {
    /// The CSV file, or - to read standard input
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Who measured the values (written to every value imported)
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,

    /// Replace values already recorded for the same indicator and date
    #[arg(long)]
    pub replace: bool,
}

struct Good {
    id: String,
    value: f64,
    note: Option<String>,
    /// The value already recorded for that date, which this one replaces.
    replaces: Option<f64>,
}

/// The column names `measure import` knows, with their Norwegian aliases.
const COLUMNS: &[(&str, &[&str])] = &[
    ("indicator", &["indicator", "indikator", "måleindikator", "maleindikator"]),
    ("date", &["date", "dato"]),
    ("value", &["value", "verdi"]),
    ("note", &["note", "merknad", "kommentar", "notat"]),
];

/// A date in an imported row: `2026-11-01`, or `01.11.2026` / `1.11.2026`
/// as Norwegian Excel writes dates.
fn csv_date(s: &str) -> Option<Date> {
    if let Some(d) = Date::parse(s) {
        return Some(d);
    }
    let parts: Vec<&str> = s.split('.').collect();
    let [d, m, y] = parts.as_slice() else { return None };
    let digits = |p: &str, min: usize, max: usize| {
        (min..=max).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit())
    };
    if !(digits(d, 1, 2) && digits(m, 1, 2) && digits(y, 4, 4)) {
        return None;
    }
    Date::parse(&format!("{y}-{m:0>2}-{d:0>2}"))
}

/// Windows-1252, the encoding Norwegian Excel uses for «CSV (semikolondelt)».
fn decode_cp1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9f => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

/// The line number of a byte offset (the csv reader's own count is off by
/// one per line in files with CRLF line ends, as Excel writes them).
fn line_at(text: &str, byte: u64) -> u64 {
    let bytes = text.as_bytes();
    let mut end = usize::try_from(byte).unwrap_or(usize::MAX).min(bytes.len());
    // A record may be said to start at the line end before it.
    while bytes.get(end).is_some_and(|b| *b == b'\r' || *b == b'\n') {
        end += 1;
    }
    bytes[..end].iter().filter(|b| **b == b'\n').count() as u64 + 1
}

/// Whether a path argument means standard input (`-`, as in most tools).
fn is_stdin(path: &std::path::Path) -> bool {
    path.as_os_str() == "-"
}

/// The text of the CSV file: UTF-8 (a byte-order mark is dropped) or, when
/// it is not valid UTF-8, Windows-1252. The flag says which.
fn read_csv(path: &std::path::Path, shown: &str) -> Result<(String, bool)> {
    let bytes = if is_stdin(path) {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes).map_err(|e| {
            UserError::new(tr!(
                "kunne ikke lese standard inn: {e}",
                "could not read standard input: {e}"
            ))
        })?;
        bytes
    } else {
        crate::store::read_file(path, shown).map_err(|e| match e.downcast::<UserError>() {
            Ok(u) => u
                .hint(tr!(
                    "oppgi CSV-filen som skal importeres, eller - for standard inn",
                    "name the CSV file to import, or - for standard input"
                ))
                .into(),
            Err(e) => e,
        })?
    };
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
    Ok(match std::str::from_utf8(bytes) {
        Ok(t) => (t.to_string(), false),
        Err(_) => (decode_cp1252(bytes), true),
    })
}

fn cmd_measure_import(ctx: &mut Ctx, args: ImportArgs) -> Result<u8> {
    let format = ctx.ui.format("measure import")?;
    let project = ctx.open()?;
    let by = args.by.as_deref().map(|b| check_line("--by", b)).transpose()?;
    let shown = if is_stdin(&args.file) {
        if std::io::IsTerminal::is_terminal(&std::io::stdin()) {
            ctx.ui.status(&tr!(
                "Leser CSV fra standard inn; avslutt med Ctrl-D.",
                "Reading CSV from standard input; end it with Ctrl-D."
            ));
        }
        tr!("<standard inn>", "<stdin>")
    } else {
        args.file.display().to_string()
    };
    let (text, cp1252) = read_csv(&args.file, &shown)?;
    if cp1252 {
        ctx.ui.status(&tr!(
            "{shown} er ikke UTF-8; leser den som Windows-1252 (slik Excel lagrer CSV).",
            "{shown} is not UTF-8; reading it as Windows-1252 (as Excel saves CSV)."
        ));
    }
    let first = text.lines().next().unwrap_or_default();
    let delimiter =
        if first.matches(';').count() > first.matches(',').count() { b';' } else { b',' };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(|e| UserError::new(tr!("{shown}:1: {e}", "{shown}:1: {e}")))?
        .iter()
        .map(|h| h.trim_start_matches('\u{feff}').trim().to_lowercase())
        .collect();
    let col = |name: &str| {
        let names = COLUMNS.iter().find(|(key, _)| *key == name).map_or(&[][..], |(_, n)| *n);
        headers.iter().position(|h| names.contains(&h.as_str()))
    };
    let (Some(ci), Some(cd), Some(cv)) = (col("indicator"), col("date"), col("value")) else {
        return Err(UserError::new(tr!(
            "{shown}:1: første linje må navngi kolonnene indicator, date og value (og eventuelt note), eller indikator, dato og verdi (og eventuelt merknad)",
            "{shown}:1: the first line must name the columns indicator, date and value (and optionally note)"
        ))
        .hint(tr!(
            "for eksempel: indicator,date,value,note",
            "for example: indicator,date,value,note"
        ))
        .into());
    };
    let cn = col("note");
    // What is there already is read under the lock, and the rows are
    // written before another writer may look.
    let _lock = project.lock()?;
    let ids = project.ids(&indicator::SPEC)?;
    let mut existing: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut seen: BTreeMap<String, u64> = BTreeMap::new();
    let mut good = Vec::new();
    let mut bad: Vec<String> = Vec::new();
    for rec in reader.records() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| line_at(&text, p.byte()));
                bad.push(format!(
                    "{shown}:{line}: {}",
                    tr!("kan ikke leses: {e}", "cannot be read: {e}")
                ));
                continue;
            }
        };
        let line = rec.position().map_or(0, |p| line_at(&text, p.byte()));
        if rec.iter().all(str::is_empty) {
            continue;
        }
        // A cell exported as `'=…` (so a spreadsheet does not run it) reads back as `=…`.
        let field = |i: usize| crate::output::escape::csv_read(rec.get(i).unwrap_or("").trim());
        let mut problems = Vec::new();
        let ind = match id::lookup(field(ci), ids.iter().map(String::as_str)) {
            Lookup::Found(id) => Some(id),
            Lookup::Ambiguous(c) => {
                problems.push(tr!(
                    "«{}» passer til flere indikatorer: {}",
                    "`{}` matches several indicators: {}",
                    field(ci),
                    c.join(", ")
                ));
                None
            }
            Lookup::Unknown(c) => {
                let mut p = if field(ci).is_empty() {
                    tr!("indikator mangler", "the indicator is missing")
                } else {
                    tr!("ukjent indikator «{}»", "unknown indicator `{}`", field(ci))
                };
                if let Some(best) = c.first() {
                    p.push_str(&tr!(" (mente du {best}?)", " (did you mean {best}?)"));
                }
                problems.push(p);
                None
            }
        };
        let date = csv_date(field(cd));
        if date.is_none() {
            problems.push(tr!(
                "«{}» er ikke en dato (ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ)",
                "`{}` is not a date (YYYY-MM-DD or DD.MM.YYYY)",
                field(cd)
            ));
        }
        // Excel writes a percent-formatted cell as `21 %`: the value is 21.
        let value = match crate::model::input::decimal(field(cv).trim_end_matches('%').trim()) {
            Ok(v) => Some(v),
            Err(why) => {
                problems.push(why);
                None
            }
        };
        let note = cn.map(field).filter(|n| !n.is_empty()).map(str::to_string);
        if let Some(n) = &note
            && n.chars().any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r')
        {
            problems.push(tr!("merknaden har kontrolltegn", "the note has control characters"));
        }
        if let (Some(ind), Some(date)) = (&ind, date) {
            let id = Measurement::id_for(ind, date);
            if let Some(first) = seen.get(&id) {
                problems.push(tr!(
                    "{ind} {date} står allerede på linje {first}",
                    "{ind} {date} is already on line {first}"
                ));
            } else {
                seen.insert(id.clone(), line);
                if !existing.contains_key(ind) {
                    existing.insert(ind.clone(), project.group_ids(&measurement::SPEC, ind)?);
                }
            }
            let clash = existing.get(ind).is_some_and(|d| d.contains(&date.to_string()));
            let mut replaces = None;
            if clash && !args.replace {
                problems.push(tr!(
                    "{ind} har allerede en verdi for {date} (bruk --replace for å erstatte)",
                    "{ind} already has a value for {date} (use --replace to replace it)"
                ));
            } else if clash {
                // Refuse to replace what cannot be read: it may be a folder or broken.
                match project.load::<Measurement>(&id) {
                    Ok(old) => replaces = Some(old.value),
                    Err(e) => problems.push(e.to_string()),
                }
            }
            if problems.is_empty()
                && let Some(value) = value
            {
                good.push(Good { id, value, note: note.clone(), replaces });
            }
        }
        if !problems.is_empty() {
            bad.push(format!("{shown}:{line}: {}", problems.join("; ")));
        }
    }
    if !bad.is_empty() {
        ctx.ui.error(
            &tr!(
                "{} av radene i {shown} kan ikke importeres; ingenting er skrevet",
                "{} of the rows in {shown} cannot be imported; nothing was written",
                bad.len()
            ),
            &[],
        );
        // One line per bad row, `FILE:LINE: problem`, like a compiler.
        for b in &bad {
            ctx.ui.message(b);
        }
        return Ok(FAILURE);
    }
    let first_reach = first_reaches(&project, &good);
    // Every row is written, or none: a kill half-way leaves nothing half done.
    let (written, replaced) = project.batch(|| {
        let mut written = Vec::new();
        let mut replaced = Vec::new();
        for g in &good {
            let doc = measurement_doc(g.value, g.note.as_deref(), by.as_deref());
            if g.replaces.is_some() {
                replace_value(&project, &g.id, g.value, g.note.as_deref(), by.as_deref())?;
                replaced.push(g.id.clone());
            } else if !project.create_exact(&measurement::SPEC, &g.id, &doc)? {
                return Err(UserError::new(tr!(
                    "{} finnes allerede; ingenting ble importert",
                    "{} exists already; nothing was imported",
                    project.shown_record(&measurement::SPEC, &g.id),
                ))
                .into());
            }
            written.push(g.id.clone());
        }
        Ok((written, replaced))
    })?;
    if format == Format::Json {
        ctx.ui.json(&serde_json::json!({
            "imported": written,
            "replaced": replaced,
            "targets_reached_first_time": first_reach.iter().map(|(i, _, _)| &i.id).collect::<Vec<_>>(),
        }))?;
    } else {
        let mut line = match written.len() {
            1 => tr!("Importerte 1 verdi fra {shown}", "Imported 1 value from {shown}"),
            n => tr!("Importerte {n} verdier fra {shown}", "Imported {n} values from {shown}"),
        };
        if !replaced.is_empty() {
            line.push_str(&tr!(
                " ({} av dem erstattet en tidligere verdi)",
                " ({} of them replaced an earlier value)",
                replaced.len()
            ));
        }
        line.push('.');
        ctx.ui.status(&line);
    }
    for (ind, value, date) in &first_reach {
        celebrate(ctx, ind, *value, Some(*date));
    }
    Ok(SUCCESS)
}
