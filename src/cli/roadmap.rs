//! `veikart roadmap show`: the roadmap the project follows, as data.

use anyhow::Result;
use clap::{Args, Subcommand};
use serde::Serialize;

use super::Ctx;
use crate::error::SUCCESS;
use crate::model::roadmap::{Item, Origin, Roadmap};
use crate::output::ui::Format;
use crate::tr;

/// Show the roadmap the project follows: phases, steps and checklist items
///
/// The built-in roadmaps are `ks-2018` (six phases, the default) and
/// `samveis-2015` (five phases). A project can add items of its own, or
/// follow a roadmap of its own, with a `roadmap.toml` in the project folder;
/// see docs/roadmap.md.
#[derive(Debug, Subcommand)]
#[command(after_help = "\
Examples:
  veikart roadmap show
  veikart roadmap show --format json
  veikart roadmap show --format md > veikart.md")]
pub enum RoadmapCommand {
    Show(ShowArgs),
}

/// Print the roadmap in use (text, json or md)
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart roadmap show
  veikart roadmap show --format json")]
pub struct ShowArgs {}

pub fn run(ctx: &mut Ctx, cmd: RoadmapCommand) -> Result<u8> {
    match cmd {
        RoadmapCommand::Show(_) => show(ctx),
    }
}

#[derive(Serialize)]
struct RoadmapJson<'a> {
    #[serde(flatten)]
    roadmap: &'a Roadmap,
}

fn show(ctx: &mut Ctx) -> Result<u8> {
    let format = ctx.ui.format("roadmap show")?;
    let project = ctx.open()?;
    let roadmap = project.roadmap()?;
    match format {
        Format::Json => ctx.ui.json(&RoadmapJson { roadmap: &roadmap })?,
        Format::Md => ctx.ui.out(&markdown(&roadmap, &project.info.phase))?,
        _ => {
            let mut s = String::new();
            s.push_str(&ctx.ui.bold(&format!("{} ({})", roadmap.name(), roadmap.id)));
            s.push('\n');
            for (n, p) in roadmap.phases.iter().enumerate() {
                let here = if p.id == project.info.phase {
                    tr!("  ← her", "  ← here")
                } else {
                    String::new()
                };
                s.push_str(&format!("\n{}. {} ({}){here}\n", n + 1, p.name(), p.id));
                for (k, step) in p.steps.iter().enumerate() {
                    s.push_str(&format!("   {}.{} {}\n", n + 1, k + 1, step.get()));
                }
                s.push_str(&tr!("   Sjekkliste:\n", "   Checklist:\n"));
                for i in &p.items {
                    s.push_str(&format!("   - {} [{}]{}: {}\n", i.id, how(i), from(i), i.text()));
                }
            }
            ctx.ui.out(&s)?;
        }
    }
    Ok(SUCCESS)
}

fn markdown(r: &Roadmap, current: &str) -> String {
    use crate::output::escape::{md, md_code};
    let mut s = format!("# {} ({})\n", md(r.name()), md_code(&r.id));
    for (n, p) in r.phases.iter().enumerate() {
        let here = if p.id == current {
            tr!(" — her er prosjektet", " — the project is here")
        } else {
            String::new()
        };
        s.push_str(&format!("\n## {}. {} ({}){here}\n\n", n + 1, md(p.name()), md_code(&p.id)));
        for (k, step) in p.steps.iter().enumerate() {
            s.push_str(&format!("{}. {}\n", k + 1, md(step.get())));
        }
        s.push('\n');
        for i in &p.items {
            let (text, id) = (md(i.text()), md_code(&i.id));
            s.push_str(&format!("- [ ] {text} ({id}, {}){}\n", md(&how(i)), from(i)));
        }
    }
    s
}

/// How an item is judged: "automatisk, regel indicators-measured", "manuell".
fn how(i: &Item) -> String {
    match &i.rule {
        Some(rule) => {
            let label = i.evaluation.label();
            tr!("{label}, regel {rule}", "{label}, rule {rule}")
        }
        None => i.evaluation.label().to_string(),
    }
}

/// Where an item comes from, for KS's own and the project's own items.
fn from(i: &Item) -> String {
    match i.origin {
        Origin::Ks => tr!(" (KS)", " (KS)"),
        Origin::Local => tr!(" (eget)", " (own)"),
        Origin::Derived => String::new(),
    }
}
