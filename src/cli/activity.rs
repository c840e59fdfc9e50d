//! `veikart activity …`: the work processes behind each journey step.

use anyhow::Result;
use clap::{Args, Subcommand};

use super::{Ctx, check_text, check_title, common};
use crate::error::SUCCESS;
use crate::model::activity::{self, Activity};
use crate::model::journey::{self, JOURNEY, Step};
use crate::model::raci;
use crate::model::role::Role;
use crate::output::ui::Format;
use crate::store::edit;
use crate::tr;

/// Record the work processes (activities) behind each journey step
#[derive(Debug, Subcommand)]
#[command(after_help = "\
Examples:
  veikart activity add \"Vurdere hastegrad\" --step ringer
  veikart activity add \"Sende epikrise til fastlege\" --step utskriving --outside
  veikart activity list
  veikart activity show vurdere")]
pub enum ActivityCommand {
    Add(AddArgs),
    List(ListArgs),
    Show(ShowArgs),
    Set(super::record::Set<crate::model::activity::Activity>),
    Rm(super::record::Rm<crate::model::activity::Activity>),
}

pub fn run(ctx: &mut Ctx, cmd: ActivityCommand) -> Result<u8> {
    match cmd {
        ActivityCommand::Add(a) => cmd_activity_add(ctx, a),
        ActivityCommand::List(a) => cmd_activity_list(ctx, a),
        ActivityCommand::Show(a) => cmd_activity_show(ctx, a),
        ActivityCommand::Set(a) => super::record::run_set(ctx, a),
        ActivityCommand::Rm(a) => super::record::run_rm(ctx, a),
    }
}

/// Record an activity in a journey step and print its id
///
/// Give it its RACI (HUKI) letters afterwards with `veikart raci set`.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart activity add \"Vurdere hastegrad\" --step ringer
  veikart activity add \"Sende epikrise til fastlege\" --step utskriving --outside")]
pub struct AddArgs {
    /// The work done, in a few words
    pub title: String,

    /// The journey step it belongs to (id or unique prefix)
    #[arg(long, value_name = "STEP")]
    pub step: String,

    /// The work is done outside the municipality (by a partner, a hospital, a supplier)
    #[arg(long)]
    pub outside: bool,

    /// How the work is done
    #[arg(long, short = 'd', value_name = "TEXT")]
    pub description: Option<String>,
}

fn cmd_activity_add(ctx: &mut Ctx, args: AddArgs) -> Result<u8> {
    let project = ctx.open()?;
    let title = check_title(&args.title)?;
    let step = project.resolve(&journey::SPEC, &args.step)?;
    let mut values = vec![("title", edit::text(&title)), ("step", edit::text(&step))];
    if args.outside {
        values.push(("outside", edit::boolean(true)));
    }
    if let Some(d) = &args.description {
        values.push(("description", edit::text(&check_text("--description", d)?)));
    }
    common::add_record(ctx, &project, &activity::SPEC, &title, values)?;
    Ok(SUCCESS)
}

/// List the activities grouped by journey step, with their RACI letters
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart activity list
  veikart activity list --step ringer
  veikart activity list --format json")]
pub struct ListArgs {
    /// Only the activities of this step (id or unique prefix)
    #[arg(long, value_name = "STEP")]
    pub step: Option<String>,
}

/// `H: lege · U: sykepleier, sekretær` for a RACI row.
pub fn raci_summary(a: &Activity, roles: &[Role]) -> String {
    let name =
        |id: &str| roles.iter().find(|r| r.id == id).map_or(id.to_string(), |r| r.name.clone());
    let mut parts = Vec::new();
    for letter in ["H", "U", "K", "I"] {
        let who: Vec<String> =
            a.raci.iter().filter(|(_, l)| l.contains(letter)).map(|(r, _)| name(r)).collect();
        if !who.is_empty() {
            parts.push(format!("{letter}: {}", who.join(", ")));
        }
    }
    if parts.is_empty() { "–".to_string() } else { parts.join(" · ") }
}

fn cmd_activity_list(ctx: &mut Ctx, args: ListArgs) -> Result<u8> {
    let format = ctx.ui.format("activity list")?;
    let project = ctx.open()?;
    let only = args.step.as_deref().map(|s| project.resolve(&journey::SPEC, s)).transpose()?;
    let mut steps: Vec<Step> = project.load_all()?;
    journey::sort(&mut steps);
    let mut activities: Vec<Activity> = project.load_all()?;
    activities.retain(|a| only.as_ref().is_none_or(|s| *s == a.step));
    let roles: Vec<Role> = project.load_all()?;
    let groups = crate::model::activity::grouped(&steps, &activities);
    if format == Format::Json {
        let items: Vec<_> = groups
            .iter()
            .flat_map(|(_, acts)| acts.iter())
            .map(|a| common::with_path(&project, &activity::SPEC, &a.id, *a))
            .collect();
        return common::json_list(ctx, "activities", &items);
    }
    if activities.is_empty() {
        ctx.ui.status(&tr!(
            "Ingen aktiviteter ennå. Legg til en med `veikart activity add TITTEL --step STEG`.",
            "No activities yet. Add one with `veikart activity add TITLE --step STEP`."
        ));
        return Ok(SUCCESS);
    }
    let mut out = String::new();
    for (step, acts) in groups {
        if !out.is_empty() {
            out.push('\n');
        }
        let heading = match step {
            Some(s) => format!("{} ({}, {})", s.title, s.id, JOURNEY.label(&s.journey)),
            None => tr!("Uten gyldig steg", "Without a valid step"),
        };
        out.push_str(&ctx.ui.bold(&heading));
        out.push('\n');
        let headers = vec![
            "ID".to_string(),
            tr!("AKTIVITET", "ACTIVITY"),
            tr!("HVOR", "WHERE"),
            "RACI".to_string(),
        ];
        let rows = acts
            .iter()
            .map(|a| {
                vec![
                    a.id.clone(),
                    a.title.clone(),
                    if a.outside { tr!("utenfor", "outside") } else { tr!("i kommunen", "inside") },
                    raci_summary(a, &roles),
                ]
            })
            .collect();
        out.push_str(&ctx.ui.table(&headers, rows));
    }
    ctx.ui.out(&out)?;
    Ok(SUCCESS)
}

/// Show one activity with its RACI row
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart activity show vurdere
  veikart activity show vurdere --format json")]
pub struct ShowArgs {
    /// The activity's id, or a unique prefix of it
    pub id: String,
}

fn cmd_activity_show(ctx: &mut Ctx, args: ShowArgs) -> Result<u8> {
    let format = ctx.ui.format("activity show")?;
    let project = ctx.open()?;
    let id = project.resolve(&activity::SPEC, &args.id)?;
    let a: Activity = project.load(&id)?;
    if format == Format::Json {
        ctx.ui.json(&serde_json::json!({
            "activity": common::with_path(&project, &activity::SPEC, &id, &a),
        }))?;
        return Ok(SUCCESS);
    }
    let steps: Vec<Step> = project.load_all()?;
    let roles: Vec<Role> = project.load_all()?;
    let step = steps.iter().find(|s| s.id == a.step).map_or(a.step.clone(), |s| s.title.clone());
    let mut rows = vec![
        (tr!("Aktivitet", "Activity"), a.title.clone()),
        (tr!("Steg", "Step"), step),
        (
            tr!("Hvor", "Where"),
            if a.outside {
                tr!("utenfor kommunen", "outside the municipality")
            } else {
                tr!("i kommunen", "inside the municipality")
            },
        ),
    ];
    if let Some(d) = &a.description {
        rows.push((tr!("Beskrivelse", "Description"), d.clone()));
    }
    let mut s = common::record_block(ctx, &id, &project.shown_record(&activity::SPEC, &id), &rows);
    s.push('\n');
    if a.raci.is_empty() {
        s.push_str(&tr!(
            "Ingen RACI-bokstaver ennå: `veikart raci set {id} ROLLE H`.\n",
            "No RACI letters yet: `veikart raci set {id} ROLE A`.\n"
        ));
    } else {
        let headers = vec![tr!("ROLLE", "ROLE"), tr!("BOKSTAV", "LETTER"), tr!("BETYR", "MEANS")];
        let rows = a
            .raci
            .iter()
            .map(|(r, l)| {
                vec![
                    roles.iter().find(|x| x.id == *r).map_or(r.clone(), |x| x.name.clone()),
                    l.clone(),
                    raci::describe(l).to_string(),
                ]
            })
            .collect();
        s.push_str(&ctx.ui.table(&headers, rows));
    }
    ctx.ui.out(&s)?;
    Ok(SUCCESS)
}
