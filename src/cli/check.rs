//! `veikart check`: validate every file of the project.

use anyhow::Result;
use clap::Args;

use super::{Ctx, date_arg};
use crate::model::date::Date;

/// Check every file of the project and report all problems at once
///
/// Reports TOML syntax errors, unknown keys, wrong types, bad values, scores
/// out of range, file names that are not ids, and references to records that
/// do not exist, as `path:line:col: error[code]: message` with `hint:` lines,
/// sorted by path and line. Exit status: 0 clean (warnings allowed), 1
/// problems found, 2 could not run. `--format github` prints annotations
/// for GitHub Actions.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart check
  veikart check --strict
  veikart check --format json
  veikart check --format github")]
pub struct CheckArgs {
    /// Treat warnings as problems (exit 1)
    #[arg(long)]
    pub strict: bool,

    /// Check as of this date, without what is dated later [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub as_of: Option<Date>,
}

pub fn cmd_check(ctx: &mut Ctx, args: CheckArgs) -> Result<u8> {
    let format = ctx.ui.format("check")?;
    let loc = ctx.locate()?;
    // The project's language applies when its file can be read.
    if let Ok((Some(info), _)) = loc.read_info()
        && !ctx.lang_forced()
        && let Some(lang) = info.lang.as_deref().and_then(crate::i18n::Lang::parse)
    {
        crate::i18n::set(lang);
    }
    let as_of = ctx.as_of(args.as_of)?;
    let report = crate::app::check::run(&loc, as_of)?;
    crate::output::check::print(&mut ctx.ui, "veikart check", &report, format, args.strict, as_of)
}
