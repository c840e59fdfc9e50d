//! `veikart routine …`: written routines with an owner and a review interval.

use anyhow::Result;
use clap::{Args, Subcommand};

use super::{Ctx, check_line, check_text, check_title, common, date_arg, today};
use crate::error::{SUCCESS, UserError};
use crate::model::activity;
use crate::model::date::Date;
use crate::model::role::{self, Role};
use crate::model::routine::{self, Routine};
use crate::output::ui::Format;
use crate::store::edit;
use crate::tr;

/// Keep simple routines with an owner, and review them on time
#[derive(Debug, Subcommand)]
#[command(after_help = "\
Examples:
  veikart routine add \"Mottak av pasient\" --owner sykepleier --activity registrere --review-every 12m
  veikart routine review mottak
  veikart routine list")]
pub enum RoutineCommand {
    Add(AddArgs),
    Review(ReviewArgs),
    List(ListArgs),
    Show(super::record::Show<crate::model::routine::Routine>),
    Set(super::record::Set<crate::model::routine::Routine>),
    Rm(super::record::Rm<crate::model::routine::Routine>),
}

pub fn run(ctx: &mut Ctx, cmd: RoutineCommand) -> Result<u8> {
    match cmd {
        RoutineCommand::Add(a) => cmd_routine_add(ctx, a),
        RoutineCommand::Review(a) => cmd_routine_review(ctx, a),
        RoutineCommand::List(a) => cmd_routine_list(ctx, a),
        RoutineCommand::Show(a) => super::record::run_show(ctx, a),
        RoutineCommand::Set(a) => super::record::run_set(ctx, a),
        RoutineCommand::Rm(a) => super::record::run_rm(ctx, a),
    }
}

/// Record a routine and print its id
///
/// The review interval is a number of months or years (6m, 12m, 1y); `check`
/// warns when a routine is past its review date.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart routine add \"Mottak av pasient\" --owner sykepleier --review-every 12m
  veikart routine add \"Varsling av pårørende\" --owner legevaktlege --activity varsle --doc https://kvalitet.fjordvik.kommune.no/rutiner/123")]
pub struct AddArgs {
    /// What the routine is for
    pub title: String,

    /// The role that owns the routine (id or unique prefix)
    #[arg(long, value_name = "ROLE")]
    pub owner: String,

    /// An activity the routine describes (can be repeated)
    #[arg(long = "activity", value_name = "A")]
    pub activities: Vec<String>,

    /// How often to review it: 6m, 12m, 2y, …
    #[arg(long, value_name = "INTERVAL")]
    pub review_every: Option<String>,

    /// Where the routine is written down: a path or a URL
    #[arg(long, value_name = "PATH-OR-URL")]
    pub doc: Option<String>,

    /// The date it was made [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub date: Option<Date>,
}

fn cmd_routine_add(ctx: &mut Ctx, args: AddArgs) -> Result<u8> {
    let project = ctx.open()?;
    let title = check_title(&args.title)?;
    let owner = project.resolve(&role::SPEC, &args.owner)?;
    let activities = args
        .activities
        .iter()
        .map(|a| project.resolve(&activity::SPEC, a))
        .collect::<Result<Vec<_>>>()?;
    let every = match &args.review_every {
        Some(e) => Some(routine::parse_interval(e).ok_or_else(|| {
            UserError::new(tr!("«{e}» er ikke et intervall", "`{e}` is not an interval")).hint(tr!(
                "skriv antall måneder eller år, for eksempel 6m, 12m eller 1y",
                "write a number of months or years, for example 6m, 12m or 1y"
            ))
        })?),
        None => None,
    };
    let mut values = vec![("title", edit::text(&title)), ("owner", edit::text(&owner))];
    if !activities.is_empty() {
        values.push(("activities", edit::list(&activities)));
    }
    if let Some(m) = every {
        values.push(("review_every", edit::text(&routine::interval_text(m))));
    }
    if let Some(d) = &args.doc {
        values.push(("doc", edit::text(&check_line("--doc", d)?)));
    }
    values.push(("created", edit::date(today(args.date)?)));
    common::add_record(ctx, &project, &routine::SPEC, &title, values)?;
    Ok(SUCCESS)
}

/// Record that a routine has been reviewed
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart routine review mottak
  veikart routine review mottak --date 2026-10-01")]
pub struct ReviewArgs {
    /// The routine (id or unique prefix)
    pub id: String,

    /// The review date [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub date: Option<Date>,

    /// A short note on what changed
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

fn cmd_routine_review(ctx: &mut Ctx, args: ReviewArgs) -> Result<u8> {
    ctx.ui.format("routine review")?;
    let project = ctx.open()?;
    let id = project.resolve(&routine::SPEC, &args.id)?;
    let date = super::happened(args.date)?;
    let note = args.note.as_deref().map(|n| check_text("--note", n)).transpose()?;
    let changed = project.edit::<Routine>(&id, |_, doc| {
        edit::set(doc, "reviewed", edit::date(date));
        if let Some(n) = &note {
            edit::set(doc, "description", edit::text(n));
        }
        Ok(())
    })?;
    common::edited(ctx, &project, &routine::SPEC, &id, &changed);
    let r: Routine = project.load(&id)?;
    if let Some(next) = r.next_review {
        ctx.ui.status(&tr!("Neste gjennomgang: {next}.", "Next review: {next}."));
    }
    Ok(SUCCESS)
}

/// List routines with their owner and next review date
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart routine list
  veikart routine list --as-of 2027-06-01
  veikart routine list --format json")]
pub struct ListArgs {
    /// Judge review dates as of this date, without what is dated later [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub as_of: Option<Date>,
}

fn cmd_routine_list(ctx: &mut Ctx, args: ListArgs) -> Result<u8> {
    let format = ctx.ui.format("routine list")?;
    let (project, as_of) = ctx.open_on(args.as_of)?;
    let mut routines: Vec<Routine> = project.load_all()?;
    routines
        .sort_by(|a, b| a.title.to_lowercase().cmp(&b.title.to_lowercase()).then(a.id.cmp(&b.id)));
    let roles: Vec<Role> = project.load_all()?;
    let overdue = |r: &Routine| r.next_review.is_some_and(|d| d < as_of);
    if format == Format::Json {
        let items: Vec<_> = routines
            .iter()
            .map(|r| {
                let derived = serde_json::json!({ "overdue": overdue(r) });
                common::record_json(&project, &routine::SPEC, &r.id, r, derived)
            })
            .collect();
        return common::json_list(ctx, "routines", &items);
    }
    if routines.is_empty() {
        ctx.ui.status(&tr!(
            "Ingen rutiner ennå. Legg til en med `veikart routine add TITTEL --owner ROLLE`.",
            "No routines yet. Add one with `veikart routine add TITLE --owner ROLE`."
        ));
        return Ok(SUCCESS);
    }
    let headers = vec![
        "ID".to_string(),
        tr!("RUTINE", "ROUTINE"),
        tr!("EIER", "OWNER"),
        tr!("INTERVALL", "EVERY"),
        tr!("SIST GJENNOMGÅTT", "REVIEWED"),
        tr!("NESTE", "NEXT"),
    ];
    let rows = routines
        .iter()
        .map(|r| {
            let next = match r.next_review {
                Some(d) if overdue(r) => tr!("{d} (forfalt)", "{d} (overdue)"),
                Some(d) => d.to_string(),
                None => "–".to_string(),
            };
            vec![
                r.id.clone(),
                r.title.clone(),
                roles.iter().find(|x| x.id == r.owner).map_or(r.owner.clone(), |x| x.name.clone()),
                common::dash(r.review_every.as_ref()),
                common::dash(r.reviewed),
                next,
            ]
        })
        .collect();
    let table = ctx.ui.table(&headers, rows);
    ctx.ui.out(&table)?;
    Ok(SUCCESS)
}
