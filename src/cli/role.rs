//! `veikart role …`: the roles that take part in the service.

use anyhow::Result;
use clap::{Args, Subcommand};

use super::{Ctx, check_line, check_text, common, enum_arg};
use crate::error::SUCCESS;
use crate::model::activity::Activity;
use crate::model::journey::Step;
use crate::model::raci;
use crate::model::role::{self, KIND, Role};
use crate::model::routine::Routine;
use crate::output::ui::Format;
use crate::store::edit;
use crate::tr;

/// Record the roles that take part in the service (roles, not people)
#[derive(Debug, Subcommand)]
#[command(after_help = "\
Examples:
  veikart role add Sykepleier --unit Legevakten
  veikart role add \"Legevaktlege\" --kind internal
  veikart role add \"IT-leverandør\" --kind supplier
  veikart role list
  veikart role show sykepleier")]
pub enum RoleCommand {
    Add(AddArgs),
    List(ListArgs),
    Show(ShowArgs),
    Set(super::record::Set<crate::model::role::Role>),
    Rm(super::record::Rm<crate::model::role::Role>),
}

pub fn run(ctx: &mut Ctx, cmd: RoleCommand) -> Result<u8> {
    match cmd {
        RoleCommand::Add(a) => cmd_role_add(ctx, a),
        RoleCommand::List(a) => cmd_role_list(ctx, a),
        RoleCommand::Show(a) => cmd_role_show(ctx, a),
        RoleCommand::Set(a) => super::record::run_set(ctx, a),
        RoleCommand::Rm(a) => super::record::run_rm(ctx, a),
    }
}

/// Record a role and print its id
///
/// A role is a function in the service (sykepleier, fastlege, pårørende), not
/// a named person, so the RACI matrix survives staff changes.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart role add Sykepleier --unit Legevakten
  veikart role add Fastlege --external
  veikart role add \"Leverandør av pasientvarsling\" --kind supplier --unit \"Varsel AS\"")]
pub struct AddArgs {
    /// The role's name
    pub name: String,

    /// internal (default), external, supplier or user (intern, ekstern, leverandør, bruker)
    #[arg(long, value_name = "KIND", value_parser = enum_arg(&KIND))]
    pub kind: Option<String>,

    /// Short for `--kind external`: the role is outside the municipality
    #[arg(long, conflicts_with = "kind")]
    pub external: bool,

    /// The unit or organisation the role belongs to
    #[arg(long, value_name = "TEXT")]
    pub unit: Option<String>,

    /// What the role does in the service
    #[arg(long, short = 'd', value_name = "TEXT")]
    pub description: Option<String>,
}

fn cmd_role_add(ctx: &mut Ctx, args: AddArgs) -> Result<u8> {
    let project = ctx.open()?;
    let name = super::check_title(&args.name)?;
    let mut values = vec![("name", edit::text(&name))];
    let kind = if args.external { "external" } else { args.kind.as_deref().unwrap_or("internal") };
    values.push(("kind", edit::text(kind)));
    if let Some(u) = &args.unit {
        values.push(("unit", edit::text(&check_line("--unit", u)?)));
    }
    if let Some(d) = &args.description {
        values.push(("description", edit::text(&check_text("--description", d)?)));
    }
    common::add_record(ctx, &project, &role::SPEC, &name, values)?;
    Ok(SUCCESS)
}

/// List the roles, with how many activities each holds a letter on
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart role list
  veikart role list --format json")]
pub struct ListArgs {}

fn cmd_role_list(ctx: &mut Ctx, _args: ListArgs) -> Result<u8> {
    let format = ctx.ui.format("role list")?;
    let project = ctx.open()?;
    let roles: Vec<Role> = project.load_all()?;
    let activities: Vec<Activity> = project.load_all()?;
    let count = |r: &Role| activities.iter().filter(|a| a.letters_of(&r.id).is_some()).count();
    if format == Format::Json {
        let items: Vec<_> = roles
            .iter()
            .map(|r| {
                let derived = serde_json::json!({ "activity_count": count(r) });
                common::record_json(&project, &role::SPEC, &r.id, r, derived)
            })
            .collect();
        return common::json_list(ctx, "roles", &items);
    }
    if roles.is_empty() {
        ctx.ui.status(&tr!(
            "Ingen roller ennå. Legg til en med `veikart role add NAVN`.",
            "No roles yet. Add one with `veikart role add NAME`."
        ));
        return Ok(SUCCESS);
    }
    let headers = vec![
        "ID".to_string(),
        tr!("NAVN", "NAME"),
        tr!("TYPE", "KIND"),
        tr!("ENHET", "UNIT"),
        tr!("AKTIVITETER", "ACTIVITIES"),
    ];
    let rows = roles
        .iter()
        .map(|r| {
            vec![
                r.id.clone(),
                r.name.clone(),
                KIND.label(&r.kind).to_string(),
                common::dash(r.unit.as_ref()),
                count(r).to_string(),
            ]
        })
        .collect();
    let table = ctx.ui.table(&headers, rows);
    ctx.ui.out(&table)?;
    Ok(SUCCESS)
}

/// Show a role and the letters it holds on each activity
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart role show sykepleier
  veikart role show syk --format json")]
pub struct ShowArgs {
    /// The role's id, or a unique prefix of it
    pub id: String,
}

fn cmd_role_show(ctx: &mut Ctx, args: ShowArgs) -> Result<u8> {
    let format = ctx.ui.format("role show")?;
    let project = ctx.open()?;
    let id = project.resolve(&role::SPEC, &args.id)?;
    let r: Role = project.load(&id)?;
    let activities: Vec<Activity> = project.load_all()?;
    let mut steps: Vec<Step> = project.load_all()?;
    crate::model::journey::sort(&mut steps);
    let routines: Vec<Routine> = project.load_all()?;
    let rank = |step: &str| steps.iter().position(|s| s.id == step).unwrap_or(usize::MAX);
    let mut held: Vec<(&Activity, &str)> =
        activities.iter().filter_map(|a| a.letters_of(&id).map(|l| (a, l))).collect();
    held.sort_by(|(a, _), (b, _)| rank(&a.step).cmp(&rank(&b.step)).then(a.id.cmp(&b.id)));
    let owns: Vec<&Routine> = routines.iter().filter(|x| x.owner == id).collect();
    let owner = project.info.owner.as_deref() == Some(id.as_str());

    if format == Format::Json {
        let letters: Vec<_> = held
            .iter()
            .map(|(a, l)| serde_json::json!({ "activity": a.id, "step": a.step, "letters": l }))
            .collect();
        let routines: Vec<&str> = owns.iter().map(|x| x.id.as_str()).collect();
        ctx.ui.json(&serde_json::json!({
            "role": common::with_path(&project, &role::SPEC, &id, &r),
            "service_owner": owner,
            // Not `raci`, which is an activity's letters by role.
            "assignments": letters,
            "routines": routines,
        }))?;
        return Ok(SUCCESS);
    }
    let mut rows = vec![
        (tr!("Navn", "Name"), r.name.clone()),
        (tr!("Type", "Kind"), KIND.label(&r.kind).to_string()),
    ];
    if let Some(u) = &r.unit {
        rows.push((tr!("Enhet", "Unit"), u.clone()));
    }
    if owner {
        rows.push((tr!("Tjenesteeier", "Service owner"), tr!("ja", "yes")));
    }
    if let Some(d) = &r.description {
        rows.push((tr!("Beskrivelse", "Description"), d.clone()));
    }
    if !owns.is_empty() {
        let list: Vec<&str> = owns.iter().map(|x| x.title.as_str()).collect();
        rows.push((tr!("Eier rutiner", "Owns routines"), list.join(", ")));
    }
    let mut s = common::record_block(ctx, &r.id, &project.shown_record(&role::SPEC, &id), &rows);
    s.push('\n');
    if held.is_empty() {
        s.push_str(&tr!(
            "Rollen har ingen bokstaver i RACI-matrisen ennå.\n",
            "The role holds no letters in the RACI matrix yet.\n"
        ));
    } else {
        let headers = vec![
            tr!("AKTIVITET", "ACTIVITY"),
            tr!("STEG", "STEP"),
            tr!("BOKSTAV", "LETTER"),
            tr!("BETYR", "MEANS"),
        ];
        let rows = held
            .iter()
            .map(|(a, l)| {
                vec![
                    a.title.clone(),
                    steps
                        .iter()
                        .find(|s| s.id == a.step)
                        .map_or(a.step.clone(), |s| s.title.clone()),
                    (*l).to_string(),
                    raci::describe(l).to_string(),
                ]
            })
            .collect();
        s.push_str(&ctx.ui.table(&headers, rows));
    }
    ctx.ui.out(&s)?;
    Ok(SUCCESS)
}
