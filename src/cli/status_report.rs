//! `veikart status-report …`: status reports with traffic lights, written
//! prefilled from the previous one and published on a git commit
//! ([`crate::app::status_report`]).

use std::io::IsTerminal;

use anyhow::Result;
use clap::{Args, Subcommand};

use super::{Ctx, date_arg};
use crate::app::status_report::{self as app, NewReport};
use crate::error::{SUCCESS, UserError};
use crate::model::date::Date;
use crate::model::status_report::{self as model, DIMENSIONS, LIGHT, SPEC, StatusReport};
use crate::output::ui::Format;
use crate::tr;

/// Write status reports with traffic lights, and publish them tied to a commit
///
/// A report gives a light (green, yellow, red) for the project as a whole
/// and for time, cost, quality, risk and benefits, each with a comment. A new
/// report starts from the previous one; `publish` records the day and the
/// git commit it describes, and from then on the report is frozen, so
/// `veikart report --status-report ID` always shows the project as it was.
#[derive(Debug, Subcommand)]
#[command(after_help = "\
Examples:
  veikart status-report new --overall green --time yellow --cost green --quality green --risk yellow --benefits green
  veikart status-report new --time red --comment-time \"Piloten er to uker forsinket\"
  veikart status-report list
  veikart status-report publish 2026-11
  veikart report --status-report 2026-11 --since-last")]
pub enum StatusReportCommand {
    New(Box<NewArgs>),
    List(ListArgs),
    Show(super::record::Show<StatusReport>),
    Set(super::record::Set<StatusReport>),
    Publish(PublishArgs),
    Rm(super::record::Rm<StatusReport>),
}

pub fn run(ctx: &mut Ctx, cmd: StatusReportCommand) -> Result<u8> {
    match cmd {
        StatusReportCommand::New(a) => cmd_status_report_new(ctx, *a),
        StatusReportCommand::List(a) => cmd_status_report_list(ctx, a),
        StatusReportCommand::Show(a) => super::record::run_show(ctx, a),
        StatusReportCommand::Set(a) => cmd_status_report_set(ctx, a),
        StatusReportCommand::Publish(a) => cmd_status_report_publish(ctx, a),
        StatusReportCommand::Rm(a) => super::record::run_rm_with(ctx, a, app::remove),
    }
}

fn light_arg(s: &str) -> Result<String, String> {
    crate::model::input::key(&LIGHT, s).map(str::to_string)
}

/// Write a status report and print its id
///
/// Every light and comment not given is taken from the previous report (the
/// latest by period). With no previous report every light must be given,
/// unless veikart runs in a terminal: then it opens $VISUAL or $EDITOR on a
/// template to fill in. The period is the current month unless --period
/// says otherwise; a second report for one period gets the id `2026-11-2`.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart status-report new --overall green --time yellow --cost green --quality green --risk yellow --benefits green
  veikart status-report new --period 2026-12 --time red --comment-time \"Piloten er to uker forsinket\"
  veikart status-report new --period 2026-Q4 --author \"Ingrid Solberg\"")]
pub struct NewArgs {
    /// The period: a month (2026-11), a quarter (2026-Q4) or two dates (2026-11-02..2026-11-15) [default: the current month]
    #[arg(long, value_name = "PERIOD")]
    pub period: Option<String>,
    /// The light for the project as a whole: green, yellow or red
    #[arg(long, value_name = "LIGHT", value_parser = light_arg)]
    pub overall: Option<String>,
    /// The light for time (progress against the plan)
    #[arg(long, value_name = "LIGHT", value_parser = light_arg)]
    pub time: Option<String>,
    /// The light for cost (against the budget)
    #[arg(long, value_name = "LIGHT", value_parser = light_arg)]
    pub cost: Option<String>,
    /// The light for quality
    #[arg(long, value_name = "LIGHT", value_parser = light_arg)]
    pub quality: Option<String>,
    /// The light for risk
    #[arg(long, value_name = "LIGHT", value_parser = light_arg)]
    pub risk: Option<String>,
    /// The light for the benefits (on the way to their targets)
    #[arg(long, value_name = "LIGHT", value_parser = light_arg)]
    pub benefits: Option<String>,
    /// What explains the overall light ("" for none)
    #[arg(long, value_name = "TEXT")]
    pub comment_overall: Option<String>,
    /// What explains the light for time
    #[arg(long, value_name = "TEXT")]
    pub comment_time: Option<String>,
    /// What explains the light for cost
    #[arg(long, value_name = "TEXT")]
    pub comment_cost: Option<String>,
    /// What explains the light for quality
    #[arg(long, value_name = "TEXT")]
    pub comment_quality: Option<String>,
    /// What explains the light for risk
    #[arg(long, value_name = "TEXT")]
    pub comment_risk: Option<String>,
    /// What explains the light for the benefits
    #[arg(long, value_name = "TEXT")]
    pub comment_benefits: Option<String>,
    /// Who wrote the report
    #[arg(long, value_name = "NAME")]
    pub author: Option<String>,
    /// The day it is written [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub date: Option<Date>,
}

impl NewArgs {
    fn lights(&self) -> [(&'static str, &Option<String>); 6] {
        [
            ("overall", &self.overall),
            ("time", &self.time),
            ("cost", &self.cost),
            ("quality", &self.quality),
            ("risk", &self.risk),
            ("benefits", &self.benefits),
        ]
    }
    fn comments(&self) -> [(&'static str, &Option<String>); 6] {
        [
            ("comment_overall", &self.comment_overall),
            ("comment_time", &self.comment_time),
            ("comment_cost", &self.comment_cost),
            ("comment_quality", &self.comment_quality),
            ("comment_risk", &self.comment_risk),
            ("comment_benefits", &self.comment_benefits),
        ]
    }
}

fn cmd_status_report_new(ctx: &mut Ctx, args: NewArgs) -> Result<u8> {
    let format = ctx.ui.format("status-report new")?;
    let project = ctx.open()?;
    let mut given = NewReport {
        period: args.period.clone(),
        created: Some(super::today(args.date)?),
        ..NewReport::default()
    };
    for (key, v) in args.lights() {
        if let Some(v) = v.as_deref().and_then(|v| LIGHT.parse(v)) {
            given.lights.push((key, v));
        }
    }
    for (key, v) in args.comments() {
        if let Some(v) = v {
            let flag = format!("--{}", key.replace('_', "-"));
            given.comments.push((key, super::check_text(&flag, v)?));
        }
    }
    if let Some(a) = &args.author {
        given.author = Some(super::check_line("--author", a)?);
    }
    // The period is checked before anything else is asked.
    app::period_of(given.period.as_deref(), given.created.unwrap_or(project.today))?;
    let previous = app::previous(&project)?;
    let missing = app::missing(&given, previous.as_ref());
    if !missing.is_empty() {
        if !interactive() {
            return Err(app::missing_error(&missing));
        }
        given = fill_in_editor(given)?;
    }
    let w = app::create(&project, &given, previous.as_ref())?;
    match format {
        Format::Json => super::common::created_json(ctx, &project, &SPEC, &w.id)?,
        _ => ctx.ui.out(&w.id)?,
    }
    let from = match &previous {
        Some(p) => tr!(" (fylt ut fra {})", " (filled in from {})", p.id),
        None => String::new(),
    };
    ctx.ui.status(&tr!(
        "Skrev statusrapporten {} i {}{from}. Publiser den med `veikart status-report publish {}` når prosjektet er lagret i en commit.",
        "Wrote the status report {} in {}{from}. Publish it with `veikart status-report publish {}` once the project is committed.",
        w.id,
        w.path,
        w.id
    ));
    Ok(SUCCESS)
}

/// Whether a person is at a terminal who can fill in a template: stdin and
/// stdout are terminals, and an editor is named. CI never gets an editor.
fn interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal() && editor().is_some()
}

/// `$VISUAL`, else `$EDITOR`, when set and not empty.
fn editor() -> Option<String> {
    ["VISUAL", "EDITOR"].iter().filter_map(|v| std::env::var(v).ok()).find(|v| !v.trim().is_empty())
}

/// The template the editor opens: every light and comment, what is given
/// filled in.
fn template(given: &NewReport) -> String {
    let mut s = tr!(
        "# Ny statusrapport. Gi hvert lys som green, yellow eller red (grønn, gul, rød),\n\
         # og skriv gjerne en kommentar. Lagre og lukk; en fil uten lys avbryter.\n",
        "# A new status report. Give each light as green, yellow or red, and write a\n\
         # comment if you like. Save and close; a file without lights cancels.\n"
    );
    for d in DIMENSIONS {
        let light = given.lights.iter().find(|(k, _)| *k == d.key).map_or("", |(_, v)| v);
        let comment = given.comments.iter().find(|(k, _)| *k == d.comment).map_or("", |(_, v)| v);
        s.push_str(&format!("\n# {}\n", d.label()));
        s.push_str(&format!("{} = {}\n", d.key, toml_edit::Value::from(light)));
        s.push_str(&format!("{} = {}\n", d.comment, toml_edit::Value::from(comment)));
    }
    s
}

/// Let the user fill in the lights in their editor; what they give is
/// read back into `given`.
fn fill_in_editor(mut given: NewReport) -> Result<NewReport> {
    let cancelled = || -> anyhow::Error {
        UserError::new(tr!(
            "avbrutt: ingen lys ble fylt inn, og ingenting er skrevet",
            "cancelled: no lights were filled in, and nothing was written"
        ))
        .into()
    };
    let editor = editor().ok_or_else(cancelled)?;
    let file = tempfile::Builder::new().prefix("statusrapport-").suffix(".toml").tempfile()?;
    std::fs::write(file.path(), template(&given))?;
    let status = if cfg!(windows) {
        std::process::Command::new(&editor).arg(file.path()).status()
    } else {
        std::process::Command::new("sh")
            .arg("-c")
            .arg(format!("{editor} \"$1\""))
            .arg("sh")
            .arg(file.path())
            .status()
    }
    .map_err(|e| {
        UserError::new(tr!("kunne ikke starte {editor}: {e}", "could not start {editor}: {e}"))
    })?;
    if !status.success() {
        return Err(UserError::new(tr!(
            "{editor} avsluttet med en feil; ingenting er skrevet",
            "{editor} ended with an error; nothing was written"
        ))
        .into());
    }
    let text = std::fs::read_to_string(file.path())?;
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
        UserError::new(tr!(
            "malen er ikke gyldig TOML: {}; ingenting er skrevet",
            "the template is not valid TOML: {}; nothing was written",
            e.message()
        ))
    })?;
    let mut any = false;
    for d in DIMENSIONS {
        let typed = table.get(d.key).and_then(|v| v.as_str()).unwrap_or("").trim().to_string();
        if !typed.is_empty() {
            let key = crate::model::input::key(&LIGHT, &typed)
                .map_err(|m| UserError::new(format!("{}: {m}", d.key)))?;
            given.lights.retain(|(k, _)| *k != d.key);
            given.lights.push((d.key, key));
            any = true;
        }
        if let Some(c) = table.get(d.comment).and_then(|v| v.as_str()) {
            given.comments.retain(|(k, _)| *k != d.comment);
            given.comments.push((d.comment, super::check_text(d.comment, c)?));
        }
    }
    if !any {
        return Err(cancelled());
    }
    Ok(given)
}

/// List the status reports: period, every light, published or draft
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart status-report list
  veikart status-report list --format md
  veikart status-report list --format json")]
pub struct ListArgs {}

fn cmd_status_report_list(ctx: &mut Ctx, _args: ListArgs) -> Result<u8> {
    let format = ctx.ui.format("status-report list")?;
    let project = ctx.open()?;
    let entry = crate::model::kind_of(SPEC.dir)
        .ok_or_else(|| anyhow::anyhow!("internal error: status reports are not in KINDS"))?;
    let mut rows = crate::app::record::list(&project, entry, &[])?;
    let key = |f: &crate::model::value::Fields| {
        let r = StatusReport::from_fields(f);
        (r.period_span(), r.created, r.id)
    };
    rows.sort_by_key(|r| key(&r.fields));
    if format == Format::Json || rows.is_empty() {
        return super::record::print_list(ctx, &SPEC, format, &rows, false);
    }
    let mut headers = vec![tr!("PERIODE", "PERIOD")];
    headers.extend(DIMENSIONS.iter().map(|d| d.label().to_uppercase()));
    headers.push(tr!("STATUS", "STATE"));
    headers.push("ID".to_string());
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            let r = StatusReport::from_fields(&row.fields);
            let mut cells = vec![r.period.clone()];
            cells.extend(DIMENSIONS.iter().map(|d| LIGHT.label(r.light(d.key)).to_string()));
            cells.push(match (r.published, &r.commit) {
                (Some(on), Some(c)) => {
                    tr!("publisert {on} ({})", "published {on} ({})", model::short_commit(c))
                }
                _ => tr!("utkast", "draft"),
            });
            cells.push(r.id);
            cells
        })
        .collect();
    let text = match format {
        Format::Md => crate::output::table::md(&headers, &table),
        Format::Csv => {
            let mut keys = vec!["period".to_string()];
            keys.extend(DIMENSIONS.iter().map(|d| d.key.to_string()));
            keys.extend(["state".to_string(), "id".to_string()]);
            let keyed: Vec<Vec<String>> = rows
                .iter()
                .map(|row| {
                    let r = StatusReport::from_fields(&row.fields);
                    let mut cells = vec![r.period.clone()];
                    cells.extend(DIMENSIONS.iter().map(|d| r.light(d.key).to_string()));
                    cells.push(r.state.to_string());
                    cells.push(r.id);
                    cells
                })
                .collect();
            crate::output::table::csv(&keys, &keyed, false)?
        }
        _ => ctx.ui.table(&headers, table),
    };
    ctx.ui.out(&text)?;
    Ok(SUCCESS)
}

fn cmd_status_report_set(ctx: &mut Ctx, a: super::record::Set<StatusReport>) -> Result<u8> {
    let format = ctx.ui.format("status-report set")?;
    let project = ctx.open()?;
    let (id, given, unset) = a.parts();
    let w = app::set(&project, id, given, unset)?;
    super::record::print_written(ctx, &project, &SPEC, format, &w)
}

/// Publish a status report: record today and the git commit it describes
///
/// The report then describes the project exactly as committed at HEAD:
/// `veikart report --status-report ID` reads the project from that commit.
/// Refused outside git, before the first commit, and while project records
/// other than the report's own file have changes not committed. The report
/// file itself changes (`published` and `commit`): commit it afterwards.
/// A published report is frozen; write a new one for the next period.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart status-report publish 2026-11
  git add status-reports/2026-11.toml && git commit -m \"Statusrapport for november publisert\"")]
pub struct PublishArgs {
    /// The status report's id, or a unique prefix of it
    pub id: String,
}

fn cmd_status_report_publish(ctx: &mut Ctx, args: PublishArgs) -> Result<u8> {
    ctx.ui.format("status-report publish")?;
    let project = ctx.open()?;
    let p = app::publish(&project, &args.id)?;
    super::common::edited(ctx, &project, &SPEC, &p.id, &p.changes);
    ctx.ui.status(&tr!(
        "Publiserte {} for commit {}. Filen {} er endret: lagre den i en commit, for eksempel med `git add {} && git commit -m \"Statusrapport {} publisert\"`.",
        "Published {} for commit {}. The file {} has changed: commit it, for example with `git add {} && git commit -m \"Status report {} published\"`.",
        p.id,
        model::short_commit(&p.commit),
        p.path,
        p.path,
        p.id
    ));
    Ok(SUCCESS)
}
