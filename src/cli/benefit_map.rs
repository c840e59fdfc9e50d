//! `veikart benefit link | unlink | map`: the benefit map (gevinstkart),
//! thin adapters over [`crate::app::benefit_map`] and
//! [`crate::output::benefit_map`].

use anyhow::Result;
use clap::Args;

use super::{Ctx, date_arg};
use crate::app::benefit_map::{self as app, Links};
use crate::error::SUCCESS;
use crate::model::date::Date;
use crate::output::benefit_map as render;
use crate::output::ui::Format;

/// Link a benefit to the goals it serves and to what brings it
///
/// An enabler is a proposal, a technology option, an activity or a
/// touchpoint: give its id or a unique prefix, or say the kind when the id
/// is in two (`proposal/ID`, `tech/ID`, `activity/ID`, `touchpoint/ID`).
/// The file names each with its folder (`proposals/ID`). Linking what is
/// linked already changes nothing.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart benefit link kortere --goal kortere-ventetid --enabler proposal/sms
  veikart benefit link tryggere --enabler touchpoint/samtale --enabler tech/varsling
  veikart benefit map")]
pub struct LinkArgs {
    /// The benefit (id or unique prefix)
    pub benefit: String,

    /// A goal the benefit serves (id or unique prefix; can be repeated)
    #[arg(long = "goal", value_name = "GOAL")]
    pub goals: Vec<String>,

    /// What brings the benefit: a proposal, technology option, activity or touchpoint (can be repeated)
    #[arg(long = "enabler", value_name = "ID")]
    pub enablers: Vec<String>,
}

/// Remove links from a benefit to goals or to what brings it
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart benefit unlink kortere --goal kortere-ventetid
  veikart benefit unlink kortere --enabler proposals/sms-nar-det-naermer-seg-din-tur")]
pub struct UnlinkArgs {
    /// The benefit (id or unique prefix)
    pub benefit: String,

    /// A goal to unlink (id or unique prefix; can be repeated)
    #[arg(long = "goal", value_name = "GOAL")]
    pub goals: Vec<String>,

    /// An enabler to unlink (can be repeated)
    #[arg(long = "enabler", value_name = "ID")]
    pub enablers: Vec<String>,
}

/// Show the benefit map: what brings each benefit, and the goals it serves
///
/// As a tree (text), a Mermaid flowchart (md, drawn by GitHub and GitLab),
/// Graphviz DOT (dot; `veikart benefit map --format dot | dot -Tsvg`) or JSON.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart benefit map
  veikart benefit map --format md
  veikart benefit map --format dot | dot -Tsvg -o gevinstkart.svg")]
pub struct MapArgs {
    /// Draw the map as of this date, without what is dated later [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub as_of: Option<Date>,
}

pub fn cmd_benefit_link(ctx: &mut Ctx, a: LinkArgs) -> Result<u8> {
    change(ctx, &a.benefit, Links { goals: a.goals, enablers: a.enablers }, true)
}

pub fn cmd_benefit_unlink(ctx: &mut Ctx, a: UnlinkArgs) -> Result<u8> {
    change(ctx, &a.benefit, Links { goals: a.goals, enablers: a.enablers }, false)
}

fn change(ctx: &mut Ctx, benefit: &str, links: Links, add: bool) -> Result<u8> {
    let verb = if add { "benefit link" } else { "benefit unlink" };
    ctx.ui.format(verb)?;
    let project = ctx.open()?;
    let done = app::link(&project, benefit, &links, add)?;
    super::common::changed_file(ctx, &done.id, &done.path, &done.changes);
    Ok(SUCCESS)
}

pub fn cmd_benefit_map(ctx: &mut Ctx, a: MapArgs) -> Result<u8> {
    let format = ctx.ui.format("benefit map")?;
    let (project, as_of) = ctx.open_on(a.as_of)?;
    let map = app::load(&project, as_of)?;
    match format {
        Format::Json => ctx.ui.json(&render::json(&map))?,
        Format::Md => ctx.ui.out(&render::mermaid(&map))?,
        Format::Dot => ctx.ui.out(&render::dot(&map))?,
        _ => {
            if map.benefits.is_empty() {
                ctx.ui.status(&crate::tr!(
                    "Ingen gevinster ennå; legg til med `veikart benefit add`.",
                    "No benefits yet; add one with `veikart benefit add`."
                ));
            } else {
                ctx.ui.out(&render::text(&map))?;
            }
        }
    }
    Ok(SUCCESS)
}
