//! `veikart log …`: communication, celebrations, reports and training.

use anyhow::Result;
use clap::{Args, Subcommand};

use super::common::{self, Col};
use super::{Ctx, check_line, check_text, date_arg, enum_arg, today};
use crate::error::{SUCCESS, UserError};
use crate::model::date::Date;
use crate::model::log::{self, KIND, LogEntry};
use crate::store::edit;
use crate::tr;
use crate::ui::Format;

/// Log what the roadmap asks you to do and remember: communication, celebrations, reports, training
///
/// Each entry is its own file, logs/<date>-<words>.toml, so entries made on
/// two branches merge without conflicts.
#[derive(Debug, Subcommand)]
#[command(after_help = "\
Examples:
  veikart log add --kind communication \"Resultatene vist på personalmøtet\" --audience \"Ansatte på legevakten\"
  veikart log add --kind feiring \"Kake for 1000 SMS-varsler\" --date 2026-11-20
  veikart log list --kind report
  veikart log show 2026-11-20")]
pub enum LogCommand {
    Add(AddArgs),
    List(ListArgs),
    Show(ShowArgs),
}

pub fn run(ctx: &mut Ctx, cmd: LogCommand) -> Result<u8> {
    match cmd {
        LogCommand::Add(a) => cmd_log_add(ctx, a),
        LogCommand::List(a) => cmd_log_list(ctx, a),
        LogCommand::Show(a) => common::show_record::<LogEntry>(ctx, "log show", &a.id, COLS),
    }
}

/// Add a log entry and print its id
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart log add --kind communication \"Resultatene vist på personalmøtet\" --audience \"Ansatte på legevakten\"
  veikart log add --kind opplæring \"Kurs i ny innsjekking\" --date 2026-10-03")]
pub struct AddArgs {
    /// What happened
    pub text: String,

    /// communication, celebration, report or training (kommunikasjon, feiring, rapport, opplæring)
    #[arg(long, value_name = "KIND", value_parser = enum_arg(&KIND))]
    pub kind: String,

    /// When [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub date: Option<Date>,

    /// Who it was for
    #[arg(long, value_name = "TEXT")]
    pub audience: Option<String>,
}

fn cmd_log_add(ctx: &mut Ctx, args: AddArgs) -> Result<u8> {
    let text = check_text("TEXT", &args.text)?;
    if text.is_empty() {
        return Err(UserError::new(tr!("teksten er tom", "the text is empty")).into());
    }
    let project = ctx.open()?;
    let date = today(args.date)?;
    let mut values = vec![
        ("kind", edit::text(&args.kind)),
        ("text", edit::text(&text)),
        ("date", edit::date(date)),
    ];
    if let Some(a) = &args.audience {
        values.push(("audience", edit::text(&check_line("--audience", a)?)));
    }
    let first = text.lines().next().unwrap_or_default();
    let words: String = first.split_whitespace().take(6).collect::<Vec<_>>().join(" ");
    common::add_record(ctx, &project, &log::SPEC, &format!("{date} {words}"), values)?;
    Ok(SUCCESS)
}

/// List the log, newest first
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart log list
  veikart log list --kind celebration
  veikart log list --format json")]
pub struct ListArgs {
    /// Only this kind
    #[arg(long, value_name = "KIND", value_parser = enum_arg(&KIND))]
    pub kind: Option<String>,
}

const COLS: &[Col] = &[
    Col("date", "DATO", "DATE"),
    Col("kind", "TYPE", "KIND"),
    Col("text", "HVA", "WHAT"),
    Col("audience", "FOR", "FOR"),
    Col("id", "ID", "ID"),
];

/// Show one log entry in full
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart log show 2026-11-20
  veikart log show 2026-11-20-kake --format json")]
pub struct ShowArgs {
    /// The entry's id (it starts with its date), or a unique prefix of it
    pub id: String,
}

fn cmd_log_list(ctx: &mut Ctx, args: ListArgs) -> Result<u8> {
    let format = ctx.ui.format("log list", &[Format::Text, Format::Json])?;
    let project = ctx.open()?;
    let mut list: Vec<LogEntry> = project.load_all()?;
    list.retain(|e| args.kind.as_ref().is_none_or(|k| *k == e.kind));
    log::sort(&mut list);
    common::list_records(
        ctx,
        &project,
        format,
        &list,
        COLS,
        &if args.kind.is_some() {
            tr!("Ingen loggføringer av den typen.", "No log entries of that kind.")
        } else {
            tr!(
                "Loggen er tom. Legg til med `veikart log add --kind kommunikasjon TEKST`.",
                "The log is empty. Add an entry with `veikart log add --kind communication TEXT`."
            )
        },
    )
}
