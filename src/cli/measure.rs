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
use crate::output::xlsx::{Cell, Sheet};
use crate::store::{Project, edit};
use crate::tr;

/// Record the values of the benefit plan's indicators
#[derive(Debug, Subcommand)]
#[command(after_help = "\
Examples:
  veikart measure record ventetid-i-minutter 52,5 --date 2026-11-01
  veikart measure list ventetid --from 2026-01-01
  veikart measure import malinger.csv
  veikart measure import malinger.xlsx
  veikart measure export --format csv > malinger.csv
  veikart measure export --format xlsx -o malinger.xlsx")]
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

/// Export recorded values as CSV, JSON or an Excel workbook, ready for `measure import`
///
/// CSV has the columns indicator, date, value and note, and by when a value
/// says who measured it. `--format xlsx` writes an Excel workbook with real
/// dates and numbers and the column names in the project's language
/// (Indikator, Dato, Verdi, Merknad, Målt av); it needs `-o FILE`. What
/// either exports, `measure import` reads back unchanged.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart measure export --format csv > malinger.csv
  veikart measure export ventetid --from 2026-01-01 --format csv
  veikart measure export --format csv --excel > malinger-excel.csv
  veikart measure export --format xlsx -o malinger.xlsx
  veikart measure export -o malinger.xlsx")]
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

    /// Write to FILE instead of stdout (atomically); .xlsx, .json and .csv pick the format
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// The column names of an export in the project's language, as
/// `measure import` reads them.
fn export_headers() -> Vec<String> {
    vec![
        tr!("Indikator", "Indicator"),
        tr!("Dato", "Date"),
        tr!("Verdi", "Value"),
        tr!("Merknad", "Note"),
        tr!("Målt av", "Measured by"),
    ]
}

fn cmd_measure_export(ctx: &mut Ctx, args: ExportArgs) -> Result<u8> {
    // Without --format, the output file's extension picks it.
    let output = args.output.as_deref();
    let extensions = [("csv", Format::Csv), ("xlsx", Format::Xlsx), ("json", Format::Json)];
    let format =
        super::common::output_format(ctx, "measure export", output, &extensions, Format::Csv)?;
    if args.excel && format != Format::Csv {
        return Err(UserError::new(tr!(
            "--excel gjelder bare --format csv",
            "--excel only applies to --format csv"
        ))
        .into());
    }
    super::common::check_output(
        output,
        format,
        &tr!(
            "veikart measure export --format xlsx -o malinger.xlsx",
            "veikart measure export --format xlsx -o measurements.xlsx"
        ),
    )?;
    let project = ctx.open()?;
    let (ms, _) = selected(&project, args.indicator.as_deref(), args.from, args.to)?;
    let bytes = match format {
        Format::Json => {
            let rows: Vec<serde_json::Value> = ms
                .iter()
                .map(|m| {
                    let none = serde_json::json!({});
                    super::common::record_json(&project, &measurement::SPEC, &m.id, m, none)
                })
                .collect();
            if args.output.is_none() {
                return super::common::json_list(ctx, "measurements", &rows);
            }
            let doc = serde_json::json!({ "measurements": rows });
            (crate::output::json::to_string(&doc)? + "\n").into_bytes()
        }
        Format::Xlsx => {
            let mut sheet = Sheet::new(tr!("Målinger", "Measurements"), export_headers());
            for m in &ms {
                sheet.push(vec![
                    Cell::text(m.indicator.clone()),
                    m.date.map_or(Cell::Empty, Cell::Date),
                    Cell::Number(m.value),
                    Cell::opt_text(m.note.as_deref()),
                    Cell::opt_text(m.by.as_deref()),
                ]);
            }
            crate::output::xlsx::workbook(&[sheet], today(None)?)?
        }
        _ => {
            // `by` is a column when a value has one, so an export keeps it.
            let with_by = ms.iter().any(|m| m.by.is_some());
            let rows: Vec<Vec<String>> = ms
                .iter()
                .map(|m| {
                    let mut value = crate::model::number::plain(m.value);
                    if args.excel {
                        value = value.replace('.', ",");
                    }
                    let mut row = vec![
                        m.indicator.clone(),
                        super::common::dash(m.date),
                        value,
                        m.note.clone().unwrap_or_default(),
                    ];
                    if with_by {
                        row.push(m.by.clone().unwrap_or_default());
                    }
                    row
                })
                .collect();
            let header: &[&str] = if with_by {
                &["indicator", "date", "value", "note", "by"]
            } else {
                &["indicator", "date", "value", "note"]
            };
            crate::output::table::csv(header, &rows, args.excel)?.into_bytes()
        }
    };
    let count = ms.len();
    super::common::deliver(ctx, output, &bytes, |shown| match count {
        1 => tr!("Skrev 1 verdi til {shown}.", "Wrote 1 value to {shown}."),
        n => tr!("Skrev {n} verdier til {shown}.", "Wrote {n} values to {shown}."),
    })?;
    Ok(SUCCESS)
}

/// Import values from a CSV file or an Excel workbook
///
/// The first line (row) must name the columns, in English or Norwegian:
/// indicator, date, value, and optionally note and by (indikator, dato,
/// verdi, merknad, målt av). A wide sheet works too: a date column first,
/// then one column per indicator, named by its id; empty cells are skipped.
/// Every row is checked before anything is written: an unknown indicator, a
/// bad date or number, a value twice in the file, or a value already
/// recorded for that date (unless --replace) makes the import stop with
/// every bad cell listed (FILE:LINE, or the sheet, row and column of a
/// workbook), and nothing written. Files as Norwegian Excel saves them work:
/// .xlsx with real dates and numbers; CSV with semicolons, commas or tabs
/// between the columns (or a `sep=;` first line), decimal commas, dates as
/// 01.11.2026, UTF-8, UTF-16 or Windows-1252. A row the same as what is
/// recorded is left as it is. A target reached for the first time is
/// announced, as by `measure record`. The first line is for example
/// `indicator,date,value,note`.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart measure import malinger.csv
  veikart measure import malinger.xlsx
  veikart measure import arbeidsbok.xlsx --sheet \"Ventetid 2026\"
  veikart measure import eksport-fra-fagsystem.csv --by \"Kari Nordmann\"
  veikart measure import rettede-verdier.csv --replace
  veikart -C gammelt-prosjekt measure export | veikart measure import -")]
pub struct ImportArgs {
    /// The CSV or Excel file (.xlsx, .xlsm, .xlsb, .ods), or - to read standard input
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// Who measured the values (for the rows that do not say it themselves)
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,

    /// Replace values already recorded for the same indicator and date
    #[arg(long)]
    pub replace: bool,

    /// The sheet of a workbook to read [default: the first]
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
}

struct Good {
    id: String,
    value: f64,
    note: Option<String>,
    by: Option<String>,
    /// The value already recorded for that date, which this one replaces.
    replaces: Option<f64>,
}

/// The column names `measure import` knows, with their Norwegian aliases.
const COLUMNS: &[(&str, &[&str])] = &[
    ("indicator", &["indicator", "indikator", "måleindikator", "maleindikator"]),
    ("date", &["date", "dato"]),
    ("value", &["value", "verdi"]),
    ("note", &["note", "merknad", "kommentar", "notat"]),
    ("by", &["by", "measured by", "målt av", "malt av", "måler", "maler"]),
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

/// The bytes of the file to import, or of standard input.
fn read_input(path: &std::path::Path, shown: &str) -> Result<Vec<u8>> {
    if is_stdin(path) {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes).map_err(|e| {
            UserError::new(tr!(
                "kunne ikke lese standard inn: {e}",
                "could not read standard input: {e}"
            ))
        })?;
        return Ok(bytes);
    }
    crate::store::read_file(path, shown).map_err(|e| match e.downcast::<UserError>() {
        Ok(u) => u
            .hint(tr!(
                "oppgi CSV- eller Excel-filen som skal importeres, eller - for standard inn",
                "name the CSV or Excel file to import, or - for standard input"
            ))
            .into(),
        Err(e) => e,
    })
}

/// Where the rows of an import come from: a CSV file's lines, or a sheet
/// of a workbook.
enum Source {
    Csv,
    Sheet(String),
}

/// The cells of an imported file: the header and the rows under it, each
/// with its line (row) number, before any is checked.
struct Grid {
    shown: String,
    source: Source,
    header_line: u64,
    header: Vec<Cell>,
    rows: Vec<(u64, Vec<Cell>)>,
    /// The lines the CSV reader could not read, as `FILE:LINE: why`.
    unreadable: Vec<String>,
}

impl Grid {
    /// Where a problem is: `FILE:LINE` for CSV, `FILE: ark «S», rad N,
    /// kolonne C` for a sheet.
    fn at(&self, line: u64, col: Option<usize>) -> String {
        let shown = &self.shown;
        match (&self.source, col) {
            (Source::Csv, _) => format!("{shown}:{line}"),
            (Source::Sheet(s), Some(c)) => tr!(
                "{shown}: ark «{s}», rad {line}, kolonne {}",
                "{shown}: sheet \"{s}\", row {line}, column {}",
                crate::output::xlsx::column_name(c)
            ),
            (Source::Sheet(s), None) => {
                tr!("{shown}: ark «{s}», rad {line}", "{shown}: sheet \"{s}\", row {line}")
            }
        }
    }

    /// How another row is named in a message (`linje 2`, `rad 2`).
    fn line_word(&self, line: u64) -> String {
        match self.source {
            Source::Csv => tr!("linje {line}", "line {line}"),
            Source::Sheet(_) => tr!("rad {line}", "row {line}"),
        }
    }

    /// The problems of one row as message lines: one line per row for CSV
    /// (as a compiler says it), one per cell for a sheet.
    fn report(&self, line: u64, problems: &[(Option<usize>, String)], out: &mut Vec<String>) {
        if problems.is_empty() {
            return;
        }
        match self.source {
            Source::Csv => {
                let all: Vec<&str> = problems.iter().map(|(_, p)| p.as_str()).collect();
                out.push(format!("{}: {}", self.at(line, None), all.join("; ")));
            }
            Source::Sheet(_) => {
                for (col, p) in problems {
                    out.push(format!("{}: {p}", self.at(line, *col)));
                }
            }
        }
    }
}

/// A CSV file's cells, as text: `'=…` (so a spreadsheet does not run it)
/// reads back as `=…`.
fn csv_grid(bytes: &[u8], shown: String, ui: &crate::output::ui::Ui) -> Result<Grid> {
    let Some(csv) = crate::output::table::decode(bytes) else {
        return Err(UserError::new(tr!(
            "{shown} er UTF-16 som slutter midt i et tegn; filen er ødelagt eller avkuttet",
            "{shown} is UTF-16 that ends in the middle of a character; the file is damaged or cut off"
        ))
        .into());
    };
    if let Some(enc) = csv.encoding.filter(|e| *e == "Windows-1252") {
        ui.status(&tr!(
            "{shown} er ikke UTF-8; leser den som {enc} (slik Excel lagrer CSV).",
            "{shown} is not UTF-8; reading it as {enc} (as Excel saves CSV)."
        ));
    }
    let text = &csv.text;
    let line = |byte: u64| line_at(text, byte) + csv.skipped_lines;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(csv.delimiter)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let header = reader
        .headers()
        .map_err(|e| UserError::new(format!("{shown}:{}: {e}", 1 + csv.skipped_lines)))?
        .iter()
        .map(|h| Cell::text(h.trim_start_matches('\u{feff}').trim()))
        .collect();
    let mut rows = Vec::new();
    let mut unreadable = Vec::new();
    for rec in reader.records() {
        match rec {
            Ok(rec) => {
                let at = rec.position().map_or(0, |p| line(p.byte()));
                let cells = rec
                    .iter()
                    .map(|f| Cell::text(crate::output::escape::csv_read(f.trim())))
                    .collect();
                rows.push((at, cells));
            }
            Err(e) => {
                let at = e.position().map_or(0, |p| line(p.byte()));
                unreadable.push(format!(
                    "{shown}:{at}: {}",
                    tr!("kan ikke leses: {e}", "cannot be read: {e}")
                ));
            }
        }
    }
    Ok(Grid {
        shown,
        source: Source::Csv,
        header_line: 1 + csv.skipped_lines,
        header,
        rows,
        unreadable,
    })
}

/// A workbook's sheet (`sheet`, or the first), its first row that holds
/// anything the header.
fn sheet_grid(bytes: &[u8], shown: String, sheet: Option<&str>) -> Result<Grid> {
    use crate::output::xlsx::{ReadError, read_sheet};
    let read = read_sheet(bytes, sheet).map_err(|e| match e {
        ReadError::NotAWorkbook(why) => UserError::new(tr!(
            "{shown} kan ikke leses som en Excel-arbeidsbok: {why}",
            "{shown} cannot be read as an Excel workbook: {why}"
        )),
        ReadError::NoSuchSheet(names) => UserError::new(tr!(
            "{shown} har ikke noe ark som heter «{}»",
            "{shown} has no sheet named \"{}\"",
            sheet.unwrap_or_default()
        ))
        .hint(tr!("arkene er: {}", "the sheets are: {}", names.join(", "))),
        ReadError::Empty => UserError::new(tr!("{shown} har ingen ark", "{shown} has no sheets")),
    })?;
    let mut rows = read.rows.into_iter().map(|(n, cells)| (u64::from(n), cells));
    let Some((header_line, header)) = rows.next() else {
        return Err(UserError::new(tr!(
            "{shown}: arket «{}» er tomt",
            "{shown}: the sheet \"{}\" is empty",
            read.name
        ))
        .into());
    };
    Ok(Grid {
        shown,
        source: Source::Sheet(read.name),
        header_line,
        header,
        rows: rows.collect(),
        unreadable: Vec::new(),
    })
}

/// The text of a cell as typed: a number as written without a thousands
/// separator, a date as `YYYY-MM-DD`.
fn cell_text(c: &Cell) -> String {
    match c {
        Cell::Text(s) => s.trim().to_string(),
        Cell::Number(n) | Cell::Money(n) | Cell::Percent(n) => number::plain(*n),
        Cell::Date(d) => d.to_string(),
        Cell::Empty => String::new(),
    }
}

/// The date of a cell: a real date, or text as [`csv_date`] reads it.
fn cell_date(c: &Cell) -> Result<Date, String> {
    match c {
        Cell::Date(d) => Ok(*d),
        Cell::Number(n) | Cell::Money(n) | Cell::Percent(n) => Err(tr!(
            "«{}» er et tall, ikke en dato (formater cellen som dato, eller skriv ÅÅÅÅ-MM-DD)",
            "`{}` is a number, not a date (format the cell as a date, or write YYYY-MM-DD)",
            number::plain(*n)
        )),
        _ => {
            let t = cell_text(c);
            csv_date(&t).ok_or_else(|| {
                tr!(
                    "«{t}» er ikke en dato (ÅÅÅÅ-MM-DD eller DD.MM.ÅÅÅÅ)",
                    "`{t}` is not a date (YYYY-MM-DD or DD.MM.YYYY)"
                )
            })
        }
    }
}

/// The value of a cell: a real number, or text as [`crate::model::input::decimal`]
/// reads it (`1.200` is refused as ambiguous).
fn cell_value(c: &Cell) -> Result<f64, String> {
    match c {
        Cell::Number(n) | Cell::Money(n) => Ok(*n),
        // A percent-formatted cell shows 21 % for 0.21; the value meant is 21.
        Cell::Percent(n) => Ok(n * 100.0),
        Cell::Date(d) => {
            Err(tr!("«{d}» er en dato, ikke et tall", "`{d}` is a date, not a number"))
        }
        // Excel writes a percent-formatted cell as `21 %` in CSV: the value is 21.
        _ => crate::model::input::decimal(cell_text(c).trim_end_matches('%').trim()),
    }
}

/// One value found in the file, before it is checked.
struct Entry {
    line: u64,
    /// The indicator as written, and its column (`None` in a wide sheet,
    /// where the header names it and was checked already).
    indicator: (String, Option<usize>),
    date: (Cell, usize),
    value: (Cell, usize),
    note: Option<(Cell, usize)>,
    by: Option<(Cell, usize)>,
}

/// The values of `grid`, in the long layout (a column each for indicator,
/// date and value) or the wide one (a date column first, then one column per
/// indicator, named by its id). Problems with the header are added to `bad`.
fn entries(grid: &Grid, ids: &[String], bad: &mut Vec<String>) -> Result<Vec<Entry>> {
    let header: Vec<String> = grid.header.iter().map(|h| cell_text(h).to_lowercase()).collect();
    let col = |name: &str| {
        let names = COLUMNS.iter().find(|(key, _)| *key == name).map_or(&[][..], |(_, n)| *n);
        header.iter().position(|h| names.contains(&h.as_str()))
    };
    let get = |cells: &[Cell], i: usize| cells.get(i).cloned().unwrap_or(Cell::Empty);
    if let (Some(ci), Some(cd), Some(cv)) = (col("indicator"), col("date"), col("value")) {
        let (cn, cb) = (col("note"), col("by"));
        return Ok(grid
            .rows
            .iter()
            .filter(|(_, cells)| !cells.iter().all(Cell::is_empty))
            .map(|(line, cells)| Entry {
                line: *line,
                indicator: (cell_text(&get(cells, ci)), Some(ci)),
                date: (get(cells, cd), cd),
                value: (get(cells, cv), cv),
                note: cn.map(|c| (get(cells, c), c)),
                by: cb.map(|c| (get(cells, c), c)),
            })
            .collect());
    }
    let date_words = COLUMNS.iter().find(|(k, _)| *k == "date").map_or(&[][..], |(_, n)| *n);
    let wide = header.len() >= 2
        && date_words.contains(&header[0].as_str())
        && col("indicator").is_none()
        && col("value").is_none();
    if !wide {
        let at = grid.at(grid.header_line, None);
        return Err(UserError::new(tr!(
            "{at}: første linje må navngi kolonnene indicator, date og value (og eventuelt note og by), eller indikator, dato og verdi (og eventuelt merknad og målt av)",
            "{at}: the first line must name the columns indicator, date and value (and optionally note and by)"
        ))
        .hint(tr!(
            "for eksempel: indicator,date,value,note – eller en datokolonne og så én kolonne per indikator, med indikatorens id øverst",
            "for example: indicator,date,value,note – or a date column, then one column per indicator with the indicator's id on top"
        ))
        .into());
    }
    // Each indicator column, checked once, at the header.
    let mut columns = Vec::new();
    for (c, name) in grid.header.iter().enumerate().skip(1) {
        let name = cell_text(name);
        if name.is_empty() {
            continue;
        }
        match id::lookup(&name, ids.iter().map(String::as_str)) {
            Lookup::Found(id) => columns.push((c, id)),
            other => {
                let problem = lookup_problem(&name, other);
                grid.report(grid.header_line, &[(Some(c), problem)], bad);
            }
        }
    }
    let mut out = Vec::new();
    for (line, cells) in &grid.rows {
        if cells.iter().all(Cell::is_empty) {
            continue;
        }
        for (c, id) in &columns {
            let value = get(cells, *c);
            if value.is_empty() {
                continue;
            }
            out.push(Entry {
                line: *line,
                indicator: (id.clone(), None),
                date: (get(cells, 0), 0),
                value: (value, *c),
                note: None,
                by: None,
            });
        }
    }
    Ok(out)
}

/// What is wrong with an indicator that is not found (or not only one).
fn lookup_problem(written: &str, lookup: Lookup) -> String {
    match lookup {
        Lookup::Found(_) => String::new(),
        Lookup::Ambiguous(c) => tr!(
            "«{written}» passer til flere indikatorer: {}",
            "`{written}` matches several indicators: {}",
            c.join(", ")
        ),
        Lookup::Unknown(c) => {
            let mut p = if written.is_empty() {
                tr!("indikator mangler", "the indicator is missing")
            } else {
                tr!("ukjent indikator «{written}»", "unknown indicator `{written}`")
            };
            if let Some(best) = c.first() {
                p.push_str(&tr!(" (mente du {best}?)", " (did you mean {best}?)"));
            }
            p
        }
    }
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
    let bytes = read_input(&args.file, &shown)?;
    // A workbook is a zip file; its name may not say so (standard input).
    let extension = args.file.extension().map(|e| e.to_string_lossy().to_lowercase());
    let workbook = bytes.starts_with(b"PK\x03\x04")
        || matches!(extension.as_deref(), Some("xlsx" | "xlsm" | "xlsb" | "xls" | "ods"));
    let grid = if workbook {
        sheet_grid(&bytes, shown.clone(), args.sheet.as_deref())?
    } else {
        if args.sheet.is_some() {
            return Err(UserError::new(tr!(
                "--sheet gjelder bare Excel-filer, og {shown} er ikke en",
                "--sheet only applies to Excel files, and {shown} is not one"
            ))
            .into());
        }
        csv_grid(&bytes, shown.clone(), &ctx.ui)?
    };
    // What is there already is read under the lock, and the rows are
    // written before another writer may look.
    let _lock = project.lock()?;
    let ids = project.ids(&indicator::SPEC)?;
    let mut bad: Vec<String> = grid.unreadable.clone();
    let entries = entries(&grid, &ids, &mut bad)?;
    let mut existing: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut seen: BTreeMap<String, u64> = BTreeMap::new();
    let mut good = Vec::new();
    let mut unchanged = Vec::new();
    for e in &entries {
        let line = e.line;
        let mut problems: Vec<(Option<usize>, String)> = Vec::new();
        let (written, ci) = &e.indicator;
        let ind = match id::lookup(written, ids.iter().map(String::as_str)) {
            Lookup::Found(id) => Some(id),
            other => {
                problems.push((*ci, lookup_problem(written, other)));
                None
            }
        };
        let date = cell_date(&e.date.0).map_err(|p| problems.push((Some(e.date.1), p))).ok();
        let value = cell_value(&e.value.0).map_err(|p| problems.push((Some(e.value.1), p))).ok();
        let note = e.note.as_ref().map(|(c, _)| cell_text(c)).filter(|n| !n.is_empty());
        if let (Some(n), Some((_, c))) = (&note, &e.note)
            && n.chars().any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r')
        {
            problems.push((
                Some(*c),
                tr!("merknaden har kontrolltegn", "the note has control characters"),
            ));
        }
        // The row's own `by` wins; --by is for the rows that do not say.
        let row_by = match &e.by {
            Some((c, col)) if !c.is_empty() => match crate::model::input::line(&cell_text(c)) {
                Ok(b) => Some(b),
                Err(p) => {
                    problems.push((Some(*col), p));
                    None
                }
            },
            _ => None,
        };
        let by = row_by.or_else(|| by.clone());
        if let (Some(ind), Some(date)) = (&ind, date) {
            let id = Measurement::id_for(ind, date);
            if let Some(first) = seen.get(&id) {
                let first = grid.line_word(*first);
                problems.push((
                    Some(e.date.1),
                    tr!(
                        "{ind} {date} står allerede på {first}",
                        "{ind} {date} is already on {first}"
                    ),
                ));
            } else {
                seen.insert(id.clone(), line);
                if !existing.contains_key(ind) {
                    existing.insert(ind.clone(), project.group_ids(&measurement::SPEC, ind)?);
                }
            }
            let clash = existing.get(ind).is_some_and(|d| d.contains(&date.to_string()));
            let mut replaces = None;
            let mut same = false;
            if clash && !args.replace {
                problems.push((
                    Some(e.date.1),
                    tr!(
                        "{ind} har allerede en verdi for {date} (bruk --replace for å erstatte)",
                        "{ind} already has a value for {date} (use --replace to replace it)"
                    ),
                ));
            } else if clash {
                // Refuse to replace what cannot be read: it may be a folder or broken.
                match project.load::<Measurement>(&id) {
                    Ok(old) => {
                        // What is recorded already is left as it is, byte for byte.
                        same = value == Some(old.value) && note == old.note && by == old.by;
                        replaces = Some(old.value);
                    }
                    Err(err) => problems.push((None, err.to_string())),
                }
            }
            if problems.is_empty()
                && let Some(value) = value
            {
                if same {
                    unchanged.push(id);
                } else {
                    good.push(Good { id, value, note: note.clone(), by, replaces });
                }
            }
        }
        grid.report(line, &problems, &mut bad);
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
        // One line per bad row (cell), `FILE:LINE: problem`, like a compiler.
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
            let doc = measurement_doc(g.value, g.note.as_deref(), g.by.as_deref());
            if g.replaces.is_some() {
                replace_value(&project, &g.id, g.value, g.note.as_deref(), g.by.as_deref())?;
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
            "unchanged": unchanged,
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
        if !unchanged.is_empty() {
            line.push_str(&match unchanged.len() {
                1 => {
                    tr!("; 1 var som før og ble latt være", "; 1 was as recorded and left as it is")
                }
                n => tr!(
                    "; {n} var som før og ble latt være",
                    "; {n} were as recorded and left as they are"
                ),
            });
        }
        line.push('.');
        ctx.ui.status(&line);
    }
    for (ind, value, date) in &first_reach {
        celebrate(ctx, ind, *value, Some(*date));
    }
    Ok(SUCCESS)
}
