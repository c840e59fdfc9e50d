//! `veikart raci …`: the RACI (HUKI) matrix: who is accountable (H/A), who
//! does the work (U/R), who is consulted (K/C) and who is informed (I).

use anyhow::Result;
use clap::{Args, Subcommand};
use serde::Serialize;

use super::{Ctx, common, date_arg};
use crate::error::{SUCCESS, UserError};
use crate::model::activity::{self, Activity};
use crate::model::date::Date;
use crate::model::journey::{self, Step};
use crate::model::raci;
use crate::model::role::{self, Role};
use crate::output::ui::Format;
use crate::store::edit;
use crate::tr;

/// Keep the RACI (HUKI) matrix: who is accountable, does, is consulted, is informed
///
/// Letters: H = hovedansvarlig (A, accountable), U = utførende (R,
/// responsible), K = konsulteres (C, consulted), I = informeres (informed).
/// Both alphabets work, in any case; HU (or AR) when the accountable role
/// also does the work. Each cell is stored in the activity's own file.
#[derive(Debug, Subcommand)]
#[command(after_help = "\
Examples:
  veikart raci set vurdere-hastegrad sykepleier U
  veikart raci set vurdere-hastegrad legevaktlege A
  veikart raci unset vurdere-hastegrad sekretaer
  veikart raci show --format csv > raci.csv
  veikart raci check")]
pub enum RaciCommand {
    Set(SetArgs),
    Unset(UnsetArgs),
    Show(ShowArgs),
    Check(CheckArgs),
}

pub fn run(ctx: &mut Ctx, cmd: RaciCommand) -> Result<u8> {
    match cmd {
        RaciCommand::Set(a) => cmd_raci_set(ctx, a),
        RaciCommand::Unset(a) => cmd_raci_unset(ctx, a),
        RaciCommand::Show(a) => cmd_raci_show(ctx, a),
        RaciCommand::Check(a) => cmd_raci_check(ctx, a),
    }
}

/// Give a role its letter(s) on an activity
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart raci set vurdere-hastegrad legevaktlege H
  veikart raci set vurdere-hastegrad sykepleier r
  veikart raci set registrere sekretaer HU")]
pub struct SetArgs {
    /// The activity (id or unique prefix)
    pub activity: String,
    /// The role (id or unique prefix)
    pub role: String,
    /// H, U, K, I (or A, R, C, I), any case; HU or AR for both accountable and doing
    pub letters: String,
}

fn cmd_raci_set(ctx: &mut Ctx, args: SetArgs) -> Result<u8> {
    ctx.ui.format("raci set")?;
    let letters = raci::parse_letters(&args.letters).map_err(|m| {
        UserError::new(m).hint(tr!(
            "bruk H (hovedansvarlig), U (utførende), K (konsulteres), I (informeres) eller HU",
            "use A/H (accountable), R/U (responsible), C/K (consulted), I (informed) or AR/HU"
        ))
    })?;
    let project = ctx.open()?;
    let act = project.resolve(&activity::SPEC, &args.activity)?;
    let role = project.resolve(&role::SPEC, &args.role)?;
    let changed = project.edit::<Activity>(&act, |_, doc| {
        edit::set_in_table(doc, "raci", &role, edit::text(letters));
        Ok(())
    })?;
    common::edited(ctx, &project, &activity::SPEC, &act, &changed);
    if !changed.is_empty() {
        ctx.ui.status(&tr!(
            "{role} er nå {} ({letters}) på {act}.",
            "{role} is now {} ({letters}) on {act}.",
            raci::role_is(letters)
        ));
    }
    Ok(SUCCESS)
}

/// Take a role's letters off an activity
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart raci unset vurdere-hastegrad sekretaer")]
pub struct UnsetArgs {
    /// The activity (id or unique prefix)
    pub activity: String,
    /// The role (id or unique prefix)
    pub role: String,
}

fn cmd_raci_unset(ctx: &mut Ctx, args: UnsetArgs) -> Result<u8> {
    ctx.ui.format("raci unset")?;
    let project = ctx.open()?;
    let act = project.resolve(&activity::SPEC, &args.activity)?;
    let role = project.resolve(&role::SPEC, &args.role)?;
    // Whether the role holds a letter is read under the lock it is removed under.
    let _lock = project.lock()?;
    let current: Activity = project.load(&act)?;
    if current.letters_of(&role).is_none() {
        return Err(UserError::new(tr!(
            "{role} har ingen bokstav på {act}; ingenting ble endret",
            "{role} holds no letter on {act}; nothing was changed"
        ))
        .into());
    }
    let changed = project.edit::<Activity>(&act, |_, doc| {
        edit::remove_in_table(doc, "raci", &role);
        Ok(())
    })?;
    common::edited(ctx, &project, &activity::SPEC, &act, &changed);
    Ok(SUCCESS)
}

/// Show the RACI matrix: activities by journey step as rows, roles as columns
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart raci show
  veikart raci show --format md >> docs/huki.md
  veikart raci show --format csv > raci.csv
  veikart raci show --format json")]
pub struct ShowArgs {}

/// The matrix as JSON: the roles and the activities as records, as
/// `role list` and `activity list` give them, in the matrix's order.
#[derive(Serialize)]
struct MatrixJson<'a> {
    roles: Vec<common::WithPath<'a, Role>>,
    activities: Vec<common::WithPath<'a, Activity>>,
}

fn cmd_raci_show(ctx: &mut Ctx, _args: ShowArgs) -> Result<u8> {
    let format = ctx.ui.format("raci show")?;
    let project = ctx.open()?;
    // The matrix needs every step, activity and role, and the references
    // between them to hold: read in the pass `check` makes, stopping where
    // `check` finds a contradiction (a role removed by hand, say).
    let pass = crate::app::pass::read(&project, project.today)?;
    let mut steps: Vec<Step> = pass.snapshot.all();
    journey::sort(&mut steps);
    let activities: Vec<Activity> = pass.snapshot.all();
    let mut roles: Vec<Role> = pass.snapshot.all();
    roles.sort_by(|a, b| {
        role::KIND.rank(&a.kind).cmp(&role::KIND.rank(&b.kind)).then(a.id.cmp(&b.id))
    });
    let groups = crate::model::activity::grouped(&steps, &activities);
    let rows: Vec<&Activity> = groups.iter().flat_map(|(_, a)| a.iter().copied()).collect();
    let step_title = |a: &Activity| {
        steps.iter().find(|s| s.id == a.step).map_or(a.step.clone(), |s| s.title.clone())
    };
    let cell = |a: &Activity, r: &Role| a.letters_of(&r.id).unwrap_or("").to_string();

    match format {
        Format::Json => {
            ctx.ui.json(&MatrixJson {
                roles: roles
                    .iter()
                    .map(|r| common::with_path(&project, &role::SPEC, &r.id, r))
                    .collect(),
                activities: rows
                    .iter()
                    .map(|a| common::with_path(&project, &activity::SPEC, &a.id, *a))
                    .collect(),
            })?;
        }
        Format::Csv => {
            let mut header = vec![tr!("aktivitet", "activity")];
            header.extend(roles.iter().map(|r| r.name.clone()));
            let recs: Vec<Vec<String>> = rows
                .iter()
                .map(|a| {
                    let mut rec = vec![a.title.clone()];
                    rec.extend(roles.iter().map(|r| cell(a, r)));
                    rec
                })
                .collect();
            ctx.ui.out(&crate::output::table::csv(&header, &recs, false)?)?;
        }
        Format::Md => {
            let mut header = vec![tr!("Steg", "Step"), tr!("Aktivitet", "Activity")];
            header.extend(roles.iter().map(|r| r.name.clone()));
            let recs: Vec<Vec<String>> = rows
                .iter()
                .map(|a| {
                    let mut rec = vec![step_title(a), a.title.clone()];
                    rec.extend(roles.iter().map(|r| cell(a, r)));
                    rec
                })
                .collect();
            let mut s = crate::output::table::md(&header, &recs);
            s.push_str(&format!("\n{}\n", legend()));
            ctx.ui.out(&s)?;
        }
        _ => {
            if rows.is_empty() {
                ctx.ui.status(&tr!(
                    "Ingen aktiviteter ennå. Legg til med `veikart activity add TITTEL --step STEG`.",
                    "No activities yet. Add one with `veikart activity add TITLE --step STEP`."
                ));
                return Ok(SUCCESS);
            }
            let mut header = vec![tr!("STEG", "STEP"), tr!("AKTIVITET", "ACTIVITY")];
            header.extend(roles.iter().map(|r| r.name.clone()));
            let mut last_step = String::new();
            let table_rows = rows
                .iter()
                .map(|a| {
                    let st = step_title(a);
                    let shown = if st == last_step { String::new() } else { st.clone() };
                    last_step = st;
                    let mut rec = vec![shown, a.title.clone()];
                    rec.extend(roles.iter().map(|r| cell(a, r)));
                    rec
                })
                .collect();
            let mut s = ctx.ui.table(&header, table_rows);
            s.push_str(&legend());
            s.push('\n');
            ctx.ui.out(&s)?;
        }
    }
    Ok(SUCCESS)
}

fn legend() -> String {
    tr!(
        "H = hovedansvarlig, U = utførende, K = konsulteres, I = informeres",
        "H = accountable (A), U = responsible (R), K = consulted (C), I = informed"
    )
}

/// Check the RACI rules only: one H per activity, at least one U, one letter
/// per role (except HU), roles and steps that exist
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart raci check
  veikart raci check --format github")]
pub struct CheckArgs {
    /// Treat warnings (roles never used, many consulted) as problems
    #[arg(long)]
    pub strict: bool,

    /// Check as of this date, without what is dated later [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub as_of: Option<Date>,
}

fn cmd_raci_check(ctx: &mut Ctx, args: CheckArgs) -> Result<u8> {
    let format = ctx.ui.format("raci check")?;
    let (project, as_of) = ctx.open_on(args.as_of)?;
    let loc = ctx.locate()?;
    let mut report = crate::app::check::run(&loc, as_of)?;
    let dirs = [project.shown(activity::SPEC.dir), project.shown(role::SPEC.dir)];
    report.diagnostics.retain(|d| dirs.iter().any(|dir| d.path.starts_with(&format!("{dir}/"))));
    report.files = project.ids(&activity::SPEC)?.len() + project.ids(&role::SPEC)?.len();
    crate::output::check::print(
        &mut ctx.ui,
        "veikart raci check",
        &report,
        format,
        args.strict,
        as_of,
    )
}
