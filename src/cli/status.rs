//! `veikart status`: the project at a glance.

use std::collections::BTreeMap;

use anyhow::Result;
use clap::Args;
use serde::Serialize;

use super::{Ctx, date_arg, today};
use crate::error::SUCCESS;
use crate::model::date::Date;
use crate::model::idea::{self, Idea, STATUS};
use crate::model::number;
use crate::model::project::{self, ProjectInfo};
use crate::tr;
use crate::ui::{Format, JSON_VERSION};

/// Show the project at a glance: phase, ideas by status, top ideas
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart status
  veikart -C examples/fjordvik-legevakt status
  veikart status --top 10 --format json")]
pub struct StatusArgs {
    /// How many of the highest-priority open ideas to list
    #[arg(long, value_name = "N", default_value_t = 5)]
    pub top: usize,

    /// Report as of this date [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub as_of: Option<Date>,
}

#[derive(Serialize)]
struct StatusJson<'a> {
    version: u32,
    as_of: Date,
    project: &'a ProjectInfo,
    phase: PhaseJson,
    ideas: IdeasJson<'a>,
}

#[derive(Serialize)]
struct PhaseJson {
    id: String,
    label: String,
    position: usize,
    of: usize,
}

#[derive(Serialize)]
struct IdeasJson<'a> {
    total: usize,
    open: usize,
    by_status: BTreeMap<&'static str, usize>,
    top: Vec<&'a Idea>,
}

pub fn cmd_status(ctx: &mut Ctx, args: StatusArgs) -> Result<u8> {
    let format = ctx.ui.format("status", &[Format::Text, Format::Json])?;
    let project = ctx.open()?;
    let as_of = today(args.as_of)?;
    let mut ideas = project.load_all::<Idea>()?;
    idea::sort_by_priority(&mut ideas);
    let by_status: BTreeMap<&'static str, usize> = STATUS
        .keys()
        .into_iter()
        .map(|k| (k, ideas.iter().filter(|i| i.status == k).count()))
        .collect();
    let top: Vec<&Idea> =
        ideas.iter().filter(|i| i.is_open() && i.priority.is_some()).take(args.top).collect();
    let info = &project.info;
    let phases = project::phases(&info.roadmap);
    let (position, of) = info.phase_position();

    if format == Format::Json {
        ctx.ui.json(&StatusJson {
            version: JSON_VERSION,
            as_of,
            project: info,
            phase: PhaseJson {
                id: info.phase.clone(),
                label: phases.label(&info.phase).to_string(),
                position,
                of,
            },
            ideas: IdeasJson {
                total: ideas.len(),
                open: ideas.iter().filter(|i| i.is_open()).count(),
                by_status,
                top,
            },
        })?;
        return Ok(SUCCESS);
    }

    let mut rows: Vec<(String, String)> = vec![(tr!("Prosjekt", "Project"), info.name.clone())];
    if let Some(m) = &info.municipality {
        rows.push((tr!("Kommune", "Municipality"), m.clone()));
    }
    if let Some(s) = &info.service {
        rows.push((tr!("Tjeneste", "Service"), s.clone()));
    }
    rows.push((
        tr!("Fase", "Phase"),
        tr!("{} ({position} av {of})", "{} ({position} of {of})", phases.label(&info.phase)),
    ));
    let counts: Vec<String> = STATUS
        .keys()
        .into_iter()
        .filter(|k| by_status.get(k).copied().unwrap_or(0) > 0)
        .map(|k| format!("{} {}", STATUS.label(k), by_status.get(k).copied().unwrap_or(0)))
        .collect();
    let idea_line = if ideas.is_empty() {
        tr!("ingen ennå", "none yet")
    } else {
        format!("{} ({})", ideas.len(), counts.join(", "))
    };
    rows.push((tr!("Idéer", "Ideas"), idea_line));
    let width = rows.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0);
    let mut s = String::new();
    for (k, v) in rows {
        s.push_str(&format!(
            "{}{}  {v}\n",
            ctx.ui.bold(&format!("{k}:")),
            " ".repeat(width - k.chars().count())
        ));
    }
    if !top.is_empty() {
        s.push('\n');
        s.push_str(
            &ctx.ui.bold(&tr!("Høyest prioriterte åpne idéer:", "Top open ideas by priority:")),
        );
        s.push('\n');
        for (n, i) in top.iter().enumerate() {
            s.push_str(&format!(
                "  {}. {}  [{}, {}]  {}\n",
                n + 1,
                i.title,
                i.priority.map_or("–".into(), number::format),
                STATUS.label(&i.status),
                i.id
            ));
        }
    } else if ideas.is_empty() {
        s.push('\n');
        s.push_str(&tr!(
            "Kom i gang: `veikart idea add \"Din første idé\"`.\n",
            "Get started: `veikart idea add \"Your first idea\"`.\n"
        ));
    }
    ctx.ui.out(&s)?;
    Ok(SUCCESS)
}
