//! `veikart goal|team|stakeholder|related …`: the anchoring phase
//! (`forankring`) — goals, the team, stakeholders and related projects.
//! Each is a plain record kind with `add` and `list` on the shared helpers.

use anyhow::Result;
use clap::{Args, Subcommand};

use super::common::{self, Col};
use super::{Ctx, check_line, check_title, enum_arg, filled_text, today};
use crate::error::SUCCESS;
use crate::model::goal::{self, Goal};
use crate::model::related::{self, Related};
use crate::model::stakeholder::{self, LEVEL, Stakeholder};
use crate::model::team::{self, Member};
use crate::store::edit;
use crate::tr;
use crate::ui::Format;

/// The project's goals and how each will be measured
#[derive(Debug, Subcommand)]
#[command(after_help = "\
Examples:
  veikart goal add \"Kortere ventetid på telefon\" --measure \"Median svartid under 2 minutter\"
  veikart goal list
  veikart goal show kortere")]
pub enum GoalCommand {
    Add(GoalAddArgs),
    #[command(
        about = "List the goals",
        after_help = "Examples:\n  veikart goal list\n  veikart goal list --format json"
    )]
    List(ListArgs),
    #[command(
        about = "Show one goal",
        after_help = "Examples:\n  veikart goal show kortere\n  veikart goal show kortere --format json"
    )]
    Show(ShowArgs),
}

/// Record a goal and print its id
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart goal add \"Kortere ventetid på telefon\" --measure \"Median svartid under 2 minutter\"
  veikart goal add \"Pårørende vet hva som skjer\"")]
pub struct GoalAddArgs {
    /// The goal, in one sentence
    pub text: String,

    /// How the team will know it is reached
    #[arg(long, value_name = "TEXT")]
    pub measure: Option<String>,
}

/// List the records of the kind
#[derive(Debug, Args)]
pub struct ListArgs {}

/// Show one record
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The id, or a unique prefix of it
    pub id: String,
}

const GOAL_COLS: &[Col] =
    &[Col("id", "ID", "ID"), Col("text", "MÅL", "GOAL"), Col("measure", "MÅLES VED", "MEASURE")];

const TEAM_COLS: &[Col] = &[
    Col("id", "ID", "ID"),
    Col("name", "NAVN", "NAME"),
    Col("role", "ROLLE", "ROLE"),
    Col("unit", "ENHET", "UNIT"),
];

const STAKEHOLDER_COLS: &[Col] = &[
    Col("id", "ID", "ID"),
    Col("name", "INTERESSENT", "STAKEHOLDER"),
    Col("influence", "INNFLYTELSE", "INFLUENCE"),
    Col("interest", "INTERESSE", "INTEREST"),
    Col("plan", "PLAN", "PLAN"),
];

const RELATED_COLS: &[Col] = &[
    Col("id", "ID", "ID"),
    Col("name", "PROSJEKT", "PROJECT"),
    Col("url", "URL", "URL"),
    Col("note", "NOTAT", "NOTE"),
];

pub fn run_goal(ctx: &mut Ctx, cmd: GoalCommand) -> Result<u8> {
    match cmd {
        GoalCommand::Add(a) => {
            let project = ctx.open()?;
            let text = check_title(&a.text)?;
            let mut values = vec![("text", edit::text(&text))];
            if let Some(m) = &a.measure {
                values.push(("measure", edit::text(&filled_text("--measure", m)?)));
            }
            values.push(("created", edit::date(today(None)?)));
            common::add_record(ctx, &project, &goal::SPEC, &text, values)?;
            Ok(SUCCESS)
        }
        GoalCommand::Show(a) => common::show_record::<Goal>(ctx, "goal show", &a.id, GOAL_COLS),
        GoalCommand::List(_) => {
            let format = ctx.ui.format("goal list", &[Format::Text, Format::Json])?;
            let project = ctx.open()?;
            let mut list: Vec<Goal> = project.load_all()?;
            list.sort_by(|a, b| a.created.cmp(&b.created).then(a.id.cmp(&b.id)));
            common::list_records(
                ctx,
                &project,
                format,
                &list,
                GOAL_COLS,
                &tr!(
                    "Ingen mål ennå. Legg til med `veikart goal add TEKST --measure TEKST`.",
                    "No goals yet. Add one with `veikart goal add TEXT --measure TEXT`."
                ),
            )
        }
    }
}

/// The project team: who does the work, in what part, from which unit
#[derive(Debug, Subcommand)]
#[command(after_help = "\
Examples:
  veikart team add \"Kari Nordmann\" --role prosjektleder --unit \"Helse og omsorg\"
  veikart team list
  veikart team show kari")]
pub enum TeamCommand {
    Add(TeamAddArgs),
    #[command(
        about = "List the team",
        after_help = "Examples:\n  veikart team list\n  veikart team list --format json"
    )]
    List(ListArgs),
    #[command(
        about = "Show one team member",
        after_help = "Examples:\n  veikart team show kari\n  veikart team show kari --format json"
    )]
    Show(ShowArgs),
}

/// Add a team member and print the id
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart team add \"Kari Nordmann\" --role prosjektleder --unit \"Helse og omsorg\"
  veikart team add \"Ola Hansen\" --role \"sykepleier fra legevakten\"")]
pub struct TeamAddArgs {
    /// The person's name
    pub name: String,

    /// Their part in the project
    #[arg(long, value_name = "TEXT")]
    pub role: String,

    /// The unit or organisation they come from
    #[arg(long, value_name = "TEXT")]
    pub unit: Option<String>,
}

pub fn run_team(ctx: &mut Ctx, cmd: TeamCommand) -> Result<u8> {
    match cmd {
        TeamCommand::Add(a) => {
            let project = ctx.open()?;
            let name = check_title(&a.name)?;
            let mut values = vec![
                ("name", edit::text(&name)),
                ("role", edit::text(&check_line("--role", &a.role)?)),
            ];
            if let Some(u) = &a.unit {
                values.push(("unit", edit::text(&check_line("--unit", u)?)));
            }
            common::add_record(ctx, &project, &team::SPEC, &name, values)?;
            Ok(SUCCESS)
        }
        TeamCommand::Show(a) => common::show_record::<Member>(ctx, "team show", &a.id, TEAM_COLS),
        TeamCommand::List(_) => {
            let format = ctx.ui.format("team list", &[Format::Text, Format::Json])?;
            let project = ctx.open()?;
            let list: Vec<Member> = project.load_all()?;
            common::list_records(
                ctx,
                &project,
                format,
                &list,
                TEAM_COLS,
                &tr!(
                    "Ingen i teamet ennå. Legg til med `veikart team add NAVN --role TEKST`.",
                    "No team members yet. Add one with `veikart team add NAME --role TEXT`."
                ),
            )
        }
    }
}

/// Stakeholders: their influence, their interest, and the plan for anchoring with them
#[derive(Debug, Subcommand)]
#[command(after_help = "\
Examples:
  veikart stakeholder add \"Kommunalsjef helse\" --influence high --interest medium --plan \"Månedlig orientering\"
  veikart stakeholder list
  veikart stakeholder show kommunalsjef")]
pub enum StakeholderCommand {
    Add(StakeholderAddArgs),
    #[command(
        about = "List the stakeholders, highest influence first",
        after_help = "Examples:\n  veikart stakeholder list\n  veikart stakeholder list --format json"
    )]
    List(ListArgs),
    #[command(
        about = "Show one stakeholder with the plan for involving them",
        after_help = "Examples:\n  veikart stakeholder show kommunalsjef\n  veikart stakeholder show kommunalsjef --format json"
    )]
    Show(ShowArgs),
}

/// Record a stakeholder and print the id
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart stakeholder add \"Kommunalsjef helse\" --influence høy --interest middels --plan \"Månedlig orientering\"
  veikart stakeholder add \"Fastlegene i kommunen\" --influence medium --interest high")]
pub struct StakeholderAddArgs {
    /// The stakeholder: a group, a unit or an organisation
    pub name: String,

    /// How much they can affect the project: low, medium, high (lav, middels, høy)
    #[arg(long, value_name = "LEVEL", value_parser = enum_arg(&LEVEL))]
    pub influence: Option<String>,

    /// How much the project affects them: low, medium, high (lav, middels, høy)
    #[arg(long, value_name = "LEVEL", value_parser = enum_arg(&LEVEL))]
    pub interest: Option<String>,

    /// How the project will involve and inform them
    #[arg(long, value_name = "TEXT")]
    pub plan: Option<String>,
}

pub fn run_stakeholder(ctx: &mut Ctx, cmd: StakeholderCommand) -> Result<u8> {
    match cmd {
        StakeholderCommand::Add(a) => {
            let project = ctx.open()?;
            let name = check_title(&a.name)?;
            let mut values = vec![("name", edit::text(&name))];
            if let Some(v) = &a.influence {
                values.push(("influence", edit::text(v)));
            }
            if let Some(v) = &a.interest {
                values.push(("interest", edit::text(v)));
            }
            if let Some(p) = &a.plan {
                values.push(("plan", edit::text(&filled_text("--plan", p)?)));
            }
            common::add_record(ctx, &project, &stakeholder::SPEC, &name, values)?;
            Ok(SUCCESS)
        }
        StakeholderCommand::Show(a) => {
            common::show_record::<Stakeholder>(ctx, "stakeholder show", &a.id, STAKEHOLDER_COLS)
        }
        StakeholderCommand::List(_) => {
            let format = ctx.ui.format("stakeholder list", &[Format::Text, Format::Json])?;
            let project = ctx.open()?;
            let mut list: Vec<Stakeholder> = project.load_all()?;
            let rank = |l: &Option<String>| {
                std::cmp::Reverse(l.as_deref().map_or(0, |k| LEVEL.rank(k) + 1))
            };
            list.sort_by(|a, b| {
                rank(&a.influence)
                    .cmp(&rank(&b.influence))
                    .then(rank(&a.interest).cmp(&rank(&b.interest)))
                    .then(a.id.cmp(&b.id))
            });
            common::list_records(
                ctx,
                &project,
                format,
                &list,
                STAKEHOLDER_COLS,
                &tr!(
                    "Ingen interessenter ennå. Legg til med `veikart stakeholder add NAVN --influence high`.",
                    "No stakeholders yet. Add one with `veikart stakeholder add NAME --influence high`."
                ),
            )
        }
    }
}

/// Related projects to learn from or line up with
#[derive(Debug, Subcommand)]
#[command(after_help = "\
Examples:
  veikart related add \"Digital hjemmeoppfølging i Nordby\" --url https://nordby.kommune.no/dho
  veikart related list
  veikart related show digital")]
pub enum RelatedCommand {
    Add(RelatedAddArgs),
    #[command(
        about = "List the related projects",
        after_help = "Examples:\n  veikart related list\n  veikart related list --format json"
    )]
    List(ListArgs),
    #[command(
        about = "Show one related project",
        after_help = "Examples:\n  veikart related show digital\n  veikart related show digital --format json"
    )]
    Show(ShowArgs),
}

/// Record a related project and print the id
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart related add \"Digital hjemmeoppfølging i Nordby\" --url https://nordby.kommune.no/dho
  veikart related add \"Nytt legevaktbygg\" --note \"Bestemmer hvor venterommet blir\"")]
pub struct RelatedAddArgs {
    /// The project's name
    pub name: String,

    /// Where to read about it
    #[arg(long, value_name = "URL")]
    pub url: Option<String>,

    /// How it relates to this project
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
}

pub fn run_related(ctx: &mut Ctx, cmd: RelatedCommand) -> Result<u8> {
    match cmd {
        RelatedCommand::Add(a) => {
            let project = ctx.open()?;
            let name = check_title(&a.name)?;
            let mut values = vec![("name", edit::text(&name))];
            if let Some(u) = &a.url {
                values.push(("url", edit::text(&check_line("--url", u)?)));
            }
            if let Some(n) = &a.note {
                values.push(("note", edit::text(&filled_text("--note", n)?)));
            }
            common::add_record(ctx, &project, &related::SPEC, &name, values)?;
            Ok(SUCCESS)
        }
        RelatedCommand::Show(a) => {
            common::show_record::<Related>(ctx, "related show", &a.id, RELATED_COLS)
        }
        RelatedCommand::List(_) => {
            let format = ctx.ui.format("related list", &[Format::Text, Format::Json])?;
            let project = ctx.open()?;
            let list: Vec<Related> = project.load_all()?;
            common::list_records(
                ctx,
                &project,
                format,
                &list,
                RELATED_COLS,
                &tr!(
                    "Ingen relaterte prosjekter ennå. Legg til med `veikart related add NAVN --url URL`.",
                    "No related projects yet. Add one with `veikart related add NAME --url URL`."
                ),
            )
        }
    }
}
