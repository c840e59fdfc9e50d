//! `veikart portfolio DIR`: every project in a folder tree, one line each,
//! for a portfolio office that follows many projects.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;
use serde::Serialize;

use super::{Ctx, date_arg, today};
use crate::app::portfolio::{self, Row};
use crate::error::{FINDINGS, SUCCESS, UserError};
use crate::model::date::Date;
use crate::output::portfolio as view;
use crate::output::ui::Format;
use crate::store::PROJECT_FILE;
use crate::tr;

/// Sum up every veikart project in a folder tree: phase, checklist, benefits, deviations
///
/// Looks for `veikart.toml` in DIR and every folder below it (hidden
/// folders, `target` and `node_modules` are skipped; a project's own folders
/// are not searched for more projects). A project that cannot be read is
/// listed with the reason, and the exit code is then 1. With `--at REV`,
/// each project is read as committed at REV in its own git repository.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart portfolio prosjekter/
  veikart portfolio . --format md > portefolje.md
  veikart portfolio ~/kommune --as-of 2026-12-31 --format json
  veikart --at 2026-06-30 portfolio prosjekter/")]
pub struct PortfolioArgs {
    /// The folder to search [default: the working folder]
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,

    /// Report as of this date, without what is dated later [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub as_of: Option<Date>,
}

#[derive(Serialize)]
struct PortfolioJson<'a> {
    as_of: Date,
    at: Option<&'a str>,
    dir: String,
    projects: &'a [Row],
    totals: portfolio::Totals,
}

pub fn cmd_portfolio(ctx: &mut Ctx, args: PortfolioArgs) -> Result<u8> {
    let format = ctx.ui.format("portfolio")?;
    let as_of = today(args.as_of)?;
    let reading = portfolio::Reading {
        as_of,
        dated: args.as_of.is_some() && ctx.at.is_none(),
        at: ctx.at.as_deref(),
    };
    let dir = args.dir.unwrap_or_else(|| PathBuf::from("."));
    if !dir.is_dir() {
        return Err(UserError::new(tr!(
            "{} er ikke en mappe",
            "{} is not a folder",
            dir.display()
        ))
        .hint(tr!(
            "gi mappen prosjektene ligger i: `veikart portfolio MAPPE`",
            "name the folder the projects are in: `veikart portfolio DIR`"
        ))
        .into());
    }
    let rows: Vec<Row> = portfolio::find_projects(&dir)
        .into_iter()
        .filter_map(|p| {
            let rel = p.strip_prefix(&dir).unwrap_or(&p);
            let shown = if rel.as_os_str().is_empty() {
                ".".to_string()
            } else {
                rel.to_string_lossy().replace('\\', "/")
            };
            portfolio::row(&p, shown, reading)
        })
        .collect();
    let broken = rows.iter().filter(|r| r.error.is_some()).count();
    match format {
        Format::Json => ctx.ui.json(&PortfolioJson {
            as_of,
            at: ctx.at.as_deref(),
            dir: dir.to_string_lossy().into_owned(),
            projects: &rows,
            totals: portfolio::Totals::of(&rows),
        })?,
        _ if rows.is_empty() => ctx.ui.status(&tr!(
            "Fant ingen veikart-prosjekter (ingen {PROJECT_FILE}) under {}.",
            "Found no veikart projects (no {PROJECT_FILE}) under {}.",
            dir.display()
        )),
        Format::Md => ctx.ui.out(&view::markdown(&rows, as_of))?,
        _ => {
            let table = ctx.ui.table(&view::headers(), rows.iter().map(view::cells).collect());
            ctx.ui.out(&table)?;
            if let Some(line) = view::totals_line(&portfolio::Totals::of(&rows)) {
                ctx.ui.out(&line)?;
            }
            let projects = crate::i18n::counted(
                rows.len(),
                ("prosjekt", "prosjekter"),
                ("project", "projects"),
            );
            ctx.ui.status(&match ctx.at.as_deref() {
                Some(rev) => tr!(
                    "{projects} slik de var ved {rev}, per {as_of}.",
                    "{projects} as they were at {rev}, as of {as_of}."
                ),
                None => tr!("{projects} per {as_of}.", "{projects} as of {as_of}."),
            });
        }
    }
    for r in rows.iter().filter(|r| r.error.is_some()) {
        ctx.ui.warn(&tr!(
            "kunne ikke lese {}: {}",
            "could not read {}: {}",
            r.path,
            r.error.as_deref().unwrap_or_default()
        ));
    }
    Ok(if broken > 0 { FINDINGS } else { SUCCESS })
}
