//! `veikart touchpoint …`: where the user meets the service.

use anyhow::Result;
use clap::{Args, Subcommand};

use super::{Ctx, check_text, check_title, common, enum_arg};
use crate::error::SUCCESS;
use crate::model::journey::{self, JOURNEY, Step};
use crate::model::touchpoint::{self, CHANGE, CHANNEL, STATUS, Touchpoint};
use crate::output::ui::Format;
use crate::store::edit;
use crate::tr;

/// Record the touchpoints where users meet the service: digital, physical, between people
#[derive(Debug, Subcommand)]
#[command(after_help = "\
Examples:
  veikart touchpoint add \"SMS med veibeskrivelse\" --channel digital --step ringer --change new
  veikart touchpoint add \"Skilt ved inngangen\" --channel fysisk --status tested
  veikart touchpoint set sms --status ready
  veikart touchpoint list")]
pub enum TouchpointCommand {
    Add(AddArgs),
    Set(super::record::Set<crate::model::touchpoint::Touchpoint>),
    List(ListArgs),
    Show(super::record::Show<crate::model::touchpoint::Touchpoint>),
    Rm(super::record::Rm<crate::model::touchpoint::Touchpoint>),
}

pub fn run(ctx: &mut Ctx, cmd: TouchpointCommand) -> Result<u8> {
    match cmd {
        TouchpointCommand::Add(a) => cmd_touchpoint_add(ctx, a),
        TouchpointCommand::Set(a) => super::record::run_set(ctx, a),
        TouchpointCommand::List(a) => cmd_touchpoint_list(ctx, a),
        TouchpointCommand::Show(a) => super::record::run_show(ctx, a),
        TouchpointCommand::Rm(a) => super::record::run_rm(ctx, a),
    }
}

/// Record a touchpoint and print its id
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart touchpoint add \"SMS med veibeskrivelse\" --channel digital --step ringer --change new
  veikart touchpoint add \"Samtale i skranken\" --channel mellommenneskelig --change changed")]
pub struct AddArgs {
    /// The touchpoint, in a few words
    pub title: String,

    /// digital, physical or interpersonal (digital, fysisk, mellommenneskelig)
    #[arg(long, value_name = "CHANNEL", value_parser = enum_arg(&CHANNEL))]
    pub channel: String,

    /// The journey step where the user meets it (id or unique prefix)
    #[arg(long, value_name = "STEP")]
    pub step: Option<String>,

    /// new, changed or unchanged compared with today (ny, endret, uendret)
    #[arg(long, value_name = "CHANGE", value_parser = enum_arg(&CHANGE))]
    pub change: Option<String>,

    /// draft (default), tested or ready (utkast, testet, ferdig)
    #[arg(long, value_name = "STATUS", value_parser = enum_arg(&STATUS))]
    pub status: Option<String>,

    /// What it is and how it works
    #[arg(long, short = 'd', value_name = "TEXT")]
    pub description: Option<String>,
}

fn cmd_touchpoint_add(ctx: &mut Ctx, args: AddArgs) -> Result<u8> {
    let project = ctx.open()?;
    let title = check_title(&args.title)?;
    let step = args.step.as_deref().map(|s| project.resolve(&journey::SPEC, s)).transpose()?;
    let mut values = vec![("title", edit::text(&title)), ("channel", edit::text(&args.channel))];
    if let Some(s) = &step {
        values.push(("step", edit::text(s)));
    }
    if let Some(c) = &args.change {
        values.push(("change", edit::text(c)));
    }
    values.push(("status", edit::text(args.status.as_deref().unwrap_or("draft"))));
    if let Some(d) = &args.description {
        values.push(("description", edit::text(&check_text("--description", d)?)));
    }
    common::add_record(ctx, &project, &touchpoint::SPEC, &title, values)?;
    Ok(SUCCESS)
}

/// List touchpoints grouped by journey step
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart touchpoint list
  veikart touchpoint list --channel digital
  veikart touchpoint list --format json")]
pub struct ListArgs {
    /// Only this channel
    #[arg(long, value_name = "CHANNEL", value_parser = enum_arg(&CHANNEL))]
    pub channel: Option<String>,

    /// Only this status
    #[arg(long, value_name = "STATUS", value_parser = enum_arg(&STATUS))]
    pub status: Option<String>,
}

fn cmd_touchpoint_list(ctx: &mut Ctx, args: ListArgs) -> Result<u8> {
    let format = ctx.ui.format("touchpoint list")?;
    let project = ctx.open()?;
    let mut steps: Vec<Step> = project.load_all()?;
    journey::sort(&mut steps);
    let mut tps: Vec<Touchpoint> = project.load_all()?;
    tps.retain(|t| {
        args.channel.as_ref().is_none_or(|c| *c == t.channel)
            && args.status.as_ref().is_none_or(|s| *s == t.status)
    });
    let rank = |t: &Touchpoint| {
        t.step.as_ref().and_then(|s| steps.iter().position(|x| x.id == *s)).unwrap_or(usize::MAX)
    };
    tps.sort_by(|a, b| {
        rank(a)
            .cmp(&rank(b))
            .then(a.title.to_lowercase().cmp(&b.title.to_lowercase()))
            .then(a.id.cmp(&b.id))
    });
    if format == Format::Json {
        let items: Vec<_> =
            tps.iter().map(|t| common::with_path(&project, &touchpoint::SPEC, &t.id, t)).collect();
        return common::json_list(ctx, "touchpoints", &items);
    }
    if tps.is_empty() {
        ctx.ui.status(&tr!(
            "Ingen kontaktpunkter å vise. Legg til med `veikart touchpoint add TITTEL --channel digital`.",
            "No touchpoints to show. Add one with `veikart touchpoint add TITLE --channel digital`."
        ));
        return Ok(SUCCESS);
    }
    let mut out = String::new();
    let mut current: Option<Option<String>> = None;
    let mut rows: Vec<Vec<String>> = Vec::new();
    let headers = vec![
        "ID".to_string(),
        tr!("KONTAKTPUNKT", "TOUCHPOINT"),
        tr!("KANAL", "CHANNEL"),
        tr!("ENDRING", "CHANGE"),
        "STATUS".to_string(),
    ];
    let flush =
        |out: &mut String, step: &Option<String>, rows: &mut Vec<Vec<String>>, ctx: &Ctx| {
            if rows.is_empty() {
                return;
            }
            if !out.is_empty() {
                out.push('\n');
            }
            let heading = match step.as_ref().and_then(|s| steps.iter().find(|x| x.id == *s)) {
                Some(s) => format!("{} ({}, {})", s.title, s.id, JOURNEY.label(&s.journey)),
                None => tr!("Uten steg", "Without a step"),
            };
            out.push_str(&ctx.ui.bold(&heading));
            out.push('\n');
            out.push_str(&ctx.ui.table(&headers, std::mem::take(rows)));
        };
    for t in &tps {
        if current.as_ref() != Some(&t.step) {
            if let Some(prev) = &current {
                flush(&mut out, prev, &mut rows, ctx);
            }
            current = Some(t.step.clone());
        }
        rows.push(vec![
            t.id.clone(),
            t.title.clone(),
            CHANNEL.label(&t.channel).to_string(),
            t.change.as_deref().map_or("–".to_string(), |c| CHANGE.label(c).to_string()),
            STATUS.label(&t.status).to_string(),
        ]);
    }
    if let Some(prev) = &current {
        flush(&mut out, prev, &mut rows, ctx);
    }
    ctx.ui.out(&out)?;
    Ok(SUCCESS)
}
