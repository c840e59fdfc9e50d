//! `veikart history`: a record's story, or the project's, from git.

use anyhow::Result;
use clap::Args;

use super::Ctx;
use crate::error::{SUCCESS, UserError};
use crate::output::ui::Format;
use crate::store::git::Repo;
use crate::tr;

/// Tell the history of a record, or of the project, from git
///
/// Every commit that changed the record (or, without ID, any file of the
/// project), newest first: its date, author and subject, and what it
/// changed, worded as `veikart diff` words it. ID is a record's id, or its
/// path (`ideas/bedre-skilting`) — a path also finds a record removed since.
/// Merge commits are left out; what they bring is told at the commits they
/// merge. (`veikart log` is the project's own log of communication,
/// celebrations and reports.)
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart history bedre-skilting
  veikart history ideas/bedre-skilting --format md
  veikart history
  veikart history --format json")]
pub struct HistoryArgs {
    /// The record: its id, or its path (ideas/ID) [default: the whole project]
    pub id: Option<String>,
}

pub fn cmd_history(ctx: &mut Ctx, args: HistoryArgs) -> Result<u8> {
    let format = ctx.ui.format("history")?;
    let project = ctx.open()?;
    let loc = project.location();
    let repo = Repo::of(&loc.root)?;
    let record = match &args.id {
        None => None,
        Some(id) => match crate::app::history::record_file(&loc, id)? {
            Some(found) => Some(found),
            None => {
                return Err(UserError::new(tr!("fant ingen post «{id}»", "no record `{id}`"))
                    .hint(tr!(
                        "gi id-en til en post, eller stien til en som er fjernet: {}/{id}",
                        "give a record's id, or the path of one removed since: {}/{id}",
                        "ideas"
                    ))
                    .into());
            }
        },
    };
    let rel = record.as_ref().map(|(_, _, rel)| rel.as_str());
    let this_year = i64::from(super::today(None)?.year());
    let steps = crate::app::history::history(&loc, &repo, rel, this_year)?;
    let what = match &record {
        Some((_, id, _)) => id.clone(),
        None => tr!("prosjektet", "the project"),
    };
    match format {
        Format::Json => ctx.ui.json(&crate::output::diff::history_json(
            &steps,
            record.as_ref().map(|(_, id, _)| id.as_str()),
        ))?,
        Format::Md => ctx.ui.out(&crate::output::diff::history_markdown(&steps, &what))?,
        _ => ctx.ui.out(&crate::output::diff::history_text(&steps, &what))?,
    }
    Ok(SUCCESS)
}
