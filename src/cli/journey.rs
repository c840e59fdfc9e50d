//! `veikart journey …`: the steps of the service journey, in order.

use anyhow::Result;
use clap::{Args, Subcommand};

use super::{Ctx, check_text, check_title, common, enum_arg};
use crate::error::{SUCCESS, UserError};
use crate::model::activity::Activity;
use crate::model::journey::{self, JOURNEY, Step};
use crate::model::number;
use crate::model::touchpoint::Touchpoint;
use crate::output::ui::Format;
use crate::store::{Project, edit};
use crate::tr;

/// Draw the service journey: the steps the user goes through, in order
///
/// There are two journeys: `current` (today's service, the map from the
/// insight phase) and `future` (the new service, the default). Each step is
/// one file with an `order` number; adding, inserting or moving a step writes
/// only that step's file.
#[derive(Debug, Subcommand)]
#[command(after_help = "\
Examples:
  veikart journey add \"Ringer legevakten\"
  veikart journey add \"Får time og veibeskrivelse på SMS\" --after ringer
  veikart journey add \"Venter på venterommet\" --journey current
  veikart journey list
  veikart journey move venter --first")]
pub enum JourneyCommand {
    Add(AddArgs),
    List(ListArgs),
    Show(ShowArgs),
    Move(MoveArgs),
    Set(super::record::Set<crate::model::journey::Step>),
    Rm(super::record::Rm<crate::model::journey::Step>),
}

pub fn run(ctx: &mut Ctx, cmd: JourneyCommand) -> Result<u8> {
    match cmd {
        JourneyCommand::Add(a) => cmd_journey_add(ctx, a),
        JourneyCommand::List(a) => cmd_journey_list(ctx, a),
        JourneyCommand::Show(a) => cmd_journey_show(ctx, a),
        JourneyCommand::Move(a) => cmd_journey_move(ctx, a),
        JourneyCommand::Set(a) => super::record::run_set(ctx, a),
        JourneyCommand::Rm(a) => super::record::run_rm(ctx, a),
    }
}

/// Where to put a step: after another one, first, or (by default) last.
#[derive(Debug, Args)]
pub struct Placement {
    /// Put the step right after this step (id or unique prefix)
    #[arg(long, value_name = "STEP", conflicts_with = "first")]
    pub after: Option<String>,

    /// Put the step first in its journey
    #[arg(long)]
    pub first: bool,
}

/// Add a step to a journey and print its id
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart journey add \"Ringer legevakten\"
  veikart journey add \"Blir tatt imot i resepsjonen\" --after ringer
  veikart journey add \"Finner ikke inngangen\" --journey current --experience \"Frustrert\"")]
pub struct AddArgs {
    /// What the user does or goes through in this step
    pub title: String,

    /// current (today's service) or future (the new one, default) (dagens, ny)
    #[arg(long, value_name = "JOURNEY", value_parser = enum_arg(&JOURNEY))]
    pub journey: Option<String>,

    #[command(flatten)]
    pub placement: Placement,

    /// What happens in the step
    #[arg(long, short = 'd', value_name = "TEXT")]
    pub description: Option<String>,

    /// How the user experiences the step
    #[arg(long, value_name = "TEXT")]
    pub experience: Option<String>,
}

fn cmd_journey_add(ctx: &mut Ctx, args: AddArgs) -> Result<u8> {
    let project = ctx.open()?;
    let title = check_title(&args.title)?;
    let steps: Vec<Step> = project.load_all()?;
    let after = resolve_after(&project, &steps, args.placement.after.as_deref())?;
    let journey = match (&args.journey, after) {
        (Some(j), _) => j.clone(),
        (None, Some(a)) => a.journey.clone(),
        (None, None) => "future".to_string(),
    };
    let order = place(&steps, &journey, after, args.placement.first)?;
    let mut values = vec![
        ("title", edit::text(&title)),
        ("journey", edit::text(&journey)),
        ("order", edit::number(order)),
    ];
    if let Some(d) = &args.description {
        values.push(("description", edit::text(&check_text("--description", d)?)));
    }
    if let Some(e) = &args.experience {
        values.push(("experience", edit::text(&check_text("--experience", e)?)));
    }
    common::add_record(ctx, &project, &journey::SPEC, &title, values)?;
    Ok(SUCCESS)
}

fn resolve_after<'a>(
    project: &Project,
    steps: &'a [Step],
    after: Option<&str>,
) -> Result<Option<&'a Step>> {
    let Some(a) = after else { return Ok(None) };
    let id = project.resolve(&journey::SPEC, a)?;
    Ok(steps.iter().find(|s| s.id == id))
}

/// The order number for a step placed in `journey`.
fn place(steps: &[Step], journey: &str, after: Option<&Step>, first: bool) -> Result<f64> {
    let orders: Vec<f64> = steps.iter().filter(|s| s.journey == journey).map(|s| s.order).collect();
    if let Some(a) = after {
        if a.journey != journey {
            return Err(UserError::new(tr!(
                "steget {} hører til reisen «{}», ikke «{}»",
                "the step {} belongs to the {} journey, not {}",
                a.id,
                JOURNEY.label(&a.journey),
                JOURNEY.label(journey)
            ))
            .into());
        }
        return Ok(journey::order_for(&orders, Some(a.order)));
    }
    if first {
        return Ok(journey::order_first(&orders));
    }
    Ok(journey::order_for(&orders, None))
}

/// List the steps of the journeys in order, with their activities and touchpoints
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart journey list
  veikart journey list --journey current
  veikart journey list --format json")]
pub struct ListArgs {
    /// Only this journey: current or future
    #[arg(long, value_name = "JOURNEY", value_parser = enum_arg(&JOURNEY))]
    pub journey: Option<String>,
}

fn cmd_journey_list(ctx: &mut Ctx, args: ListArgs) -> Result<u8> {
    let format = ctx.ui.format("journey list")?;
    let project = ctx.open()?;
    let mut steps: Vec<Step> = project.load_all()?;
    journey::sort(&mut steps);
    steps.retain(|s| args.journey.as_ref().is_none_or(|j| *j == s.journey));
    let activities: Vec<Activity> = project.load_all()?;
    let touchpoints: Vec<Touchpoint> = project.load_all()?;
    let acts = |s: &Step| activities.iter().filter(|a| a.step == s.id).count();
    let tps = |s: &Step| touchpoints.iter().filter(|t| t.step.as_deref() == Some(&s.id)).count();
    if format == Format::Json {
        let items: Vec<_> = steps
            .iter()
            .map(|s| {
                let derived =
                    serde_json::json!({ "activity_count": acts(s), "touchpoint_count": tps(s) });
                common::record_json(&project, &journey::SPEC, &s.id, s, derived)
            })
            .collect();
        return common::json_list(ctx, "steps", &items);
    }
    if steps.is_empty() {
        ctx.ui.status(&tr!(
            "Ingen steg ennå. Legg til ett med `veikart journey add \"Hva brukeren gjør\"`.",
            "No steps yet. Add one with `veikart journey add \"What the user does\"`."
        ));
        return Ok(SUCCESS);
    }
    let mut out = String::new();
    for j in JOURNEY.keys() {
        let in_journey: Vec<&Step> = steps.iter().filter(|s| s.journey == j).collect();
        if in_journey.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        out.push_str(&ctx.ui.bold(&tr!(
            "Tjenestereise: {}",
            "Service journey: {}",
            JOURNEY.label(j)
        )));
        out.push('\n');
        let headers = vec![
            "#".to_string(),
            "ID".to_string(),
            tr!("STEG", "STEP"),
            tr!("AKTIVITETER", "ACTIVITIES"),
            tr!("KONTAKTPUNKTER", "TOUCHPOINTS"),
        ];
        let rows = in_journey
            .iter()
            .enumerate()
            .map(|(n, s)| {
                vec![
                    (n + 1).to_string(),
                    s.id.clone(),
                    s.title.clone(),
                    acts(s).to_string(),
                    tps(s).to_string(),
                ]
            })
            .collect();
        out.push_str(&ctx.ui.table(&headers, rows));
    }
    ctx.ui.out(&out)?;
    Ok(SUCCESS)
}

/// Show one step with its activities and touchpoints
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart journey show ringer
  veikart journey show ringer --format json")]
pub struct ShowArgs {
    /// The step's id, or a unique prefix of it
    pub id: String,
}

fn cmd_journey_show(ctx: &mut Ctx, args: ShowArgs) -> Result<u8> {
    let format = ctx.ui.format("journey show")?;
    let project = ctx.open()?;
    let id = project.resolve(&journey::SPEC, &args.id)?;
    let step: Step = project.load(&id)?;
    let activities: Vec<Activity> =
        project.load_all::<Activity>()?.into_iter().filter(|a| a.step == id).collect();
    let touchpoints: Vec<Touchpoint> = project
        .load_all::<Touchpoint>()?
        .into_iter()
        .filter(|t| t.step.as_deref() == Some(id.as_str()))
        .collect();
    if format == Format::Json {
        let activities: Vec<_> = activities
            .iter()
            .map(|a| common::with_path(&project, &crate::model::activity::SPEC, &a.id, a))
            .collect();
        let touchpoints: Vec<_> = touchpoints
            .iter()
            .map(|t| common::with_path(&project, &crate::model::touchpoint::SPEC, &t.id, t))
            .collect();
        ctx.ui.json(&serde_json::json!({
            "step": common::with_path(&project, &journey::SPEC, &id, &step),
            "activities": activities,
            "touchpoints": touchpoints,
        }))?;
        return Ok(SUCCESS);
    }
    let mut rows = vec![
        (tr!("Steg", "Step"), step.title.clone()),
        (tr!("Reise", "Journey"), JOURNEY.label(&step.journey).to_string()),
        (tr!("Rekkefølge", "Order"), number::format(step.order)),
    ];
    for (label, v) in [
        (tr!("Beskrivelse", "Description"), &step.description),
        (tr!("Opplevelse", "Experience"), &step.experience),
        (tr!("Behov for info og opplæring", "Information and training"), &step.needs),
        (tr!("Tekniske krav", "Technical requirements"), &step.tech),
    ] {
        if let Some(v) = v {
            rows.push((label, v.clone()));
        }
    }
    let names = |v: Vec<String>| if v.is_empty() { "–".to_string() } else { v.join(", ") };
    rows.push((
        tr!("Aktiviteter", "Activities"),
        names(activities.iter().map(|a| a.title.clone()).collect()),
    ));
    rows.push((
        tr!("Kontaktpunkter", "Touchpoints"),
        names(touchpoints.iter().map(|t| t.title.clone()).collect()),
    ));
    let s = common::record_block(ctx, &id, &project.shown_record(&journey::SPEC, &id), &rows);
    ctx.ui.out(&s)?;
    Ok(SUCCESS)
}

/// Move a step to another place in its journey
///
/// Only the moved step's file changes (its `order`).
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart journey move venter --after ankomst
  veikart journey move ringer --first")]
pub struct MoveArgs {
    /// The step to move (id or unique prefix)
    pub id: String,

    #[command(flatten)]
    pub placement: Placement,
}

fn cmd_journey_move(ctx: &mut Ctx, args: MoveArgs) -> Result<u8> {
    ctx.ui.format("journey move")?;
    if args.placement.after.is_none() && !args.placement.first {
        return Err(UserError::new(tr!("hvor skal steget flyttes?", "where should the step go?"))
            .hint(tr!("bruk --after STEG eller --first", "use --after STEP or --first"))
            .into());
    }
    let project = ctx.open()?;
    let id = project.resolve(&journey::SPEC, &args.id)?;
    let steps: Vec<Step> = project.load_all()?;
    let after = resolve_after(&project, &steps, args.placement.after.as_deref())?;
    if after.is_some_and(|a| a.id == id) {
        return Err(UserError::new(tr!(
            "et steg kan ikke flyttes etter seg selv",
            "a step cannot be moved after itself"
        ))
        .into());
    }
    let Some(me) = steps.iter().find(|s| s.id == id) else {
        return Err(UserError::new(tr!("fant ikke steget {id}", "no step {id}")).into());
    };
    let others: Vec<Step> = steps.iter().filter(|s| s.id != id).cloned().collect();
    let order = place(&others, &me.journey, after, args.placement.first)?;
    let changed = project.edit::<Step>(&id, |_, doc| {
        edit::set(doc, "order", edit::number(order));
        Ok(())
    })?;
    common::edited(ctx, &project, &journey::SPEC, &id, &changed);
    Ok(SUCCESS)
}
