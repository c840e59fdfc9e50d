//! `veikart insight …`: what was learnt about real needs (`innsikt`).

use anyhow::Result;
use clap::{Args, Subcommand};

use super::common::{self, Col};
use super::{Ctx, check_line, check_title, date_arg, enum_arg, filled_text, today};
use crate::error::SUCCESS;
use crate::model::date::Date;
use crate::model::insight::{self, Insight, METHOD, RESPONDENT};
use crate::store::edit;
use crate::tr;
use crate::ui::{Format, JSON_VERSION};

/// Record what interviews, observation and data taught you about real needs
///
/// Insight comes before solutions and goes on through the whole project.
/// Learn from users and from staff, and from other municipalities. Today's
/// service is mapped as the current journey: `veikart journey add STEP
/// --journey current`, shown by `veikart journey list`.
#[derive(Debug, Subcommand)]
#[command(after_help = "\
Examples:
  veikart insight add \"Pårørende vet ikke når pasienten blir sendt hjem\" --method interview --respondent relative --need \"Beskjed før utskriving\"
  veikart insight add \"Halvparten av henvendelsene kunne vært tatt av fastlegen\" --method statistikk --respondent ansatt
  veikart insight list --respondent user
  veikart insight show parorende
  veikart journey add \"Ringer legevakten\" --journey current")]
pub enum InsightCommand {
    Add(AddArgs),
    List(ListArgs),
    Show(ShowArgs),
}

pub fn run(ctx: &mut Ctx, cmd: InsightCommand) -> Result<u8> {
    match cmd {
        InsightCommand::Add(a) => cmd_insight_add(ctx, a),
        InsightCommand::List(a) => cmd_insight_list(ctx, a),
        InsightCommand::Show(a) => cmd_insight_show(ctx, a),
    }
}

/// Record an insight and print its id
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart insight add \"Pårørende vet ikke når pasienten blir sendt hjem\" --method interview --respondent relative --need \"Beskjed før utskriving\"
  veikart insight add \"Nordby bruker SMS-varsel i køen\" --method other-municipality --respondent partner --date 2026-09-15")]
pub struct AddArgs {
    /// What was learnt, in one sentence
    pub summary: String,

    /// interview, observation, statistics, workshop, survey or other-municipality (intervju, observasjon, statistikk, verksted, spørreundersøkelse, annen-kommune)
    #[arg(long, value_name = "METHOD", value_parser = enum_arg(&METHOD))]
    pub method: String,

    /// user, relative, employee or partner (bruker, pårørende, ansatt, partner)
    #[arg(long, value_name = "WHO", value_parser = enum_arg(&RESPONDENT))]
    pub respondent: String,

    /// When [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub date: Option<Date>,

    /// A need it revealed (can be repeated)
    #[arg(long = "need", value_name = "TEXT")]
    pub needs: Vec<String>,

    /// More detail: quotes, numbers, context
    #[arg(long, short = 'd', value_name = "TEXT")]
    pub description: Option<String>,
}

fn cmd_insight_add(ctx: &mut Ctx, args: AddArgs) -> Result<u8> {
    let project = ctx.open()?;
    let summary = check_title(&args.summary)?;
    let needs = args.needs.iter().map(|n| check_line("--need", n)).collect::<Result<Vec<_>>>()?;
    let mut values = vec![
        ("summary", edit::text(&summary)),
        ("method", edit::text(&args.method)),
        ("respondent", edit::text(&args.respondent)),
        ("date", edit::date(today(args.date)?)),
    ];
    if !needs.is_empty() {
        values.push(("needs", edit::list(&needs)));
    }
    if let Some(d) = &args.description {
        values.push(("description", edit::text(&filled_text("--description", d)?)));
    }
    common::add_record(ctx, &project, &insight::SPEC, &summary, values)?;
    Ok(SUCCESS)
}

/// List the insights, newest first
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart insight list
  veikart insight list --respondent ansatt --method intervju
  veikart insight list --format json")]
pub struct ListArgs {
    /// Only this method
    #[arg(long, value_name = "METHOD", value_parser = enum_arg(&METHOD))]
    pub method: Option<String>,

    /// Only this respondent
    #[arg(long, value_name = "WHO", value_parser = enum_arg(&RESPONDENT))]
    pub respondent: Option<String>,
}

fn cmd_insight_list(ctx: &mut Ctx, args: ListArgs) -> Result<u8> {
    let format = ctx.ui.format("insight list", &[Format::Text, Format::Json])?;
    let project = ctx.open()?;
    let mut list: Vec<Insight> = project.load_all()?;
    list.retain(|i| {
        args.method.as_ref().is_none_or(|m| *m == i.method)
            && args.respondent.as_ref().is_none_or(|r| *r == i.respondent)
    });
    list.sort_by(|a, b| b.date.cmp(&a.date).then(a.id.cmp(&b.id)));
    let filtered = args.method.is_some() || args.respondent.is_some();
    common::list_records(
        ctx,
        &project,
        format,
        &list,
        &[
            Col("id", "ID", "ID"),
            Col("date", "DATO", "DATE"),
            Col("method", "METODE", "METHOD"),
            Col("respondent", "FRA", "FROM"),
            Col("summary", "INNSIKT", "INSIGHT"),
            Col("needs", "BEHOV", "NEEDS"),
        ],
        &if filtered {
            tr!("Ingen innsikt passer til filtrene.", "No insights match the filters.")
        } else {
            tr!(
                "Ingen innsikt ennå. Legg til med `veikart insight add TEKST --method intervju --respondent bruker`.",
                "No insights yet. Add one with `veikart insight add TEXT --method interview --respondent user`."
            )
        },
    )
}

/// Show one insight with its needs and the description (quotes, numbers, context)
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart insight show parorende
  veikart insight show parorende --format json")]
pub struct ShowArgs {
    /// The insight (id or unique prefix)
    pub id: String,
}

fn cmd_insight_show(ctx: &mut Ctx, args: ShowArgs) -> Result<u8> {
    let format = ctx.ui.format("insight show", &[Format::Text, Format::Json])?;
    let project = ctx.open()?;
    let id = project.resolve(&insight::SPEC, &args.id)?;
    let i: Insight = project.load(&id)?;
    if format == Format::Json {
        ctx.ui.json(&serde_json::json!({
            "version": JSON_VERSION,
            "insight": common::with_path(&project, &insight::SPEC, &i.id, &i),
        }))?;
        return Ok(SUCCESS);
    }
    let mut rows: Vec<(String, String)> = vec![
        (tr!("Innsikt", "Insight"), i.summary.clone()),
        (tr!("Metode", "Method"), METHOD.label(&i.method).to_string()),
        (tr!("Fra", "From"), RESPONDENT.label(&i.respondent).to_string()),
        (tr!("Dato", "Date"), common::dash(i.date)),
    ];
    if !i.needs.is_empty() {
        rows.push((tr!("Behov", "Needs"), i.needs.join("\n")));
    }
    if let Some(d) = &i.description {
        rows.push((tr!("Beskrivelse", "Description"), d.clone()));
    }
    let s = common::record_block(ctx, &i.id, &project.shown_record(&insight::SPEC, &i.id), &rows);
    ctx.ui.out(&s)?;
    Ok(SUCCESS)
}
