//! `veikart diff`: what a change means, for a review.

use anyhow::Result;
use clap::Args;

use super::Ctx;
use crate::app::diff::{self, Side};
use crate::error::{FINDINGS, SUCCESS, UserError};
use crate::output::ui::Format;
use crate::store::git::Repo;
use crate::tr;

/// Show what changed in the project, record by record, in its own words
///
/// Compares two states of the project: with no revision, the last commit
/// (HEAD) and the files as they are now, committed or not (new record files
/// included); with one, that revision and the files now; with two (or
/// `A..B`), A and B; with `A...B`, what B changed since it left A (from
/// their common ancestor), as a pull request shows it. Each changed record
/// is listed under its kind with each changed field as `label: old → new`,
/// and many values of one indicator are summed up in one line.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart diff
  veikart diff HEAD~3
  veikart diff v1.0 v2.0
  veikart diff main...HEAD --format md >> \"$GITHUB_STEP_SUMMARY\"
  veikart diff --exit-code")]
pub struct DiffArgs {
    /// The revision to compare from (a commit, tag or branch; also A..B or A...B) [default: HEAD]
    #[arg(value_name = "REV_A")]
    pub from: Option<String>,
    /// The revision to compare to [default: the files as they are now]
    #[arg(value_name = "REV_B")]
    pub to: Option<String>,
    /// Exit with 1 when anything changed (0 when nothing did)
    #[arg(long)]
    pub exit_code: bool,
}

pub fn cmd_diff(ctx: &mut Ctx, args: DiffArgs) -> Result<u8> {
    let format = ctx.ui.format("diff")?;
    let project = ctx.open()?;
    let loc = project.location();
    let repo = Repo::of(&loc.root)?;
    let (from, to) = sides(&repo, args.from.as_deref(), args.to.as_deref())?;
    let old = diff::files(&loc, Some(&repo), &from)?;
    let new = diff::files(&loc, Some(&repo), &to)?;
    let today = super::today(None)?;
    let mut d = diff::compare(&loc, from, to, &old, &new, i64::from(today.year()));
    d.checklist = diff::checklist_changes(&loc, &old, &new, today);
    match format {
        Format::Json => ctx.ui.json(&crate::output::diff::json(&d))?,
        Format::Md => ctx.ui.out(&crate::output::diff::markdown(&d))?,
        _ => ctx.ui.out(&crate::output::diff::text(&d))?,
    }
    Ok(if args.exit_code && !d.is_empty() { FINDINGS } else { SUCCESS })
}

/// The two sides the arguments name, as git reads them.
fn sides(repo: &Repo, from: Option<&str>, to: Option<&str>) -> Result<(Side, Side)> {
    match (from, to) {
        (None, _) => Ok((Side::Commit(repo.commit("HEAD")?), Side::WorkTree)),
        (Some(range), None) if range.contains("...") => {
            let (a, b) = range.split_once("...").unwrap_or((range, ""));
            let (a, b) = (or_head(a), or_head(b));
            let (a, b) = (repo.commit(a)?, repo.commit(b)?);
            Ok((Side::Commit(repo.merge_base(&a, &b)?), Side::Commit(b)))
        }
        (Some(range), None) if range.contains("..") => {
            let (a, b) = range.split_once("..").unwrap_or((range, ""));
            Ok((Side::Commit(repo.commit(or_head(a))?), Side::Commit(repo.commit(or_head(b))?)))
        }
        (Some(a), None) => Ok((Side::Commit(repo.commit(a)?), Side::WorkTree)),
        (Some(a), Some(b)) => {
            if a.contains("..") || b.contains("..") {
                return Err(UserError::new(tr!(
                    "gi enten to revisjoner eller ett område (A..B), ikke begge deler",
                    "give either two revisions or one range (A..B), not both"
                ))
                .into());
            }
            Ok((Side::Commit(repo.commit(a)?), Side::Commit(repo.commit(b)?)))
        }
    }
}

/// An empty end of a range means HEAD, as in git.
fn or_head(rev: &str) -> &str {
    if rev.is_empty() { "HEAD" } else { rev }
}
