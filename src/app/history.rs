//! `veikart history`: the story of one record, or of the project, commit by
//! commit, each told the way `veikart diff` tells a change.

use std::collections::BTreeSet;

use anyhow::Result;

use super::diff::{self, Diff, Side};
use crate::model::measurement;
use crate::model::schema::KindSpec;
use crate::store::Location;
use crate::store::git::{LogEntry, Repo};

/// One commit and what it changed.
pub struct Step {
    pub entry: LogEntry,
    pub diff: Diff,
}

/// The commits that changed the record file `rel` (or, with None, any file
/// of the project), newest first, each with what it changed.
pub fn history(
    loc: &Location,
    repo: &Repo,
    rel: Option<&str>,
    this_year: i64,
) -> Result<Vec<Step>> {
    let mut steps = Vec::new();
    for entry in repo.log(rel.unwrap_or(""))? {
        let mut changed: BTreeSet<String> = repo
            .changed(entry.parent.as_ref(), &entry.commit)?
            .into_iter()
            .filter(|p| rel.is_none_or(|r| r == p) && diff::wanted(p))
            .collect();
        if changed.is_empty() {
            continue;
        }
        // An indicator's values are summed up with its target and latest
        // value, so those files are read too.
        let series: Vec<String> = changed
            .iter()
            .filter_map(|p| p.strip_prefix(&format!("{}/", measurement::SPEC.dir)))
            .filter_map(|p| p.split('/').next())
            .map(str::to_string)
            .collect();
        let context = |p: &str| {
            series.iter().any(|ind| {
                p == format!("{}/{ind}.toml", crate::model::indicator::SPEC.dir)
                    || p.starts_with(&format!("{}/{ind}/", measurement::SPEC.dir))
            })
        };
        changed.retain(|p| !p.is_empty());
        let wanted = |p: &str| changed.contains(p) || context(p);
        let old = match &entry.parent {
            Some(parent) => diff::texts(repo.files_at(parent, wanted)?),
            None => Default::default(),
        };
        let new = diff::texts(repo.files_at(&entry.commit, wanted)?);
        let from = match &entry.parent {
            Some(p) => Side::Commit(p.clone()),
            None => Side::Empty,
        };
        let d = diff::compare(loc, from, Side::Commit(entry.commit.clone()), &old, &new, this_year);
        if !d.is_empty() {
            steps.push(Step { entry, diff: d });
        }
    }
    Ok(steps)
}

/// The record file a user means by `wanted`: an id of a record in the work
/// tree (in exactly one kind), or a record's path (`ideas/x` or
/// `ideas/x.toml`, also for a record removed since). None when it names none.
pub fn record_file(
    loc: &Location,
    wanted: &str,
) -> Result<Option<(&'static KindSpec, String, String)>> {
    let path = wanted.trim_end_matches(".toml");
    if let Some((spec, id)) = diff::record_of(&format!("{path}.toml")) {
        return Ok(Some((spec, id, format!("{path}.toml"))));
    }
    let mut found = Vec::new();
    for kind in crate::model::KINDS {
        let rel = format!("{}/{wanted}.toml", kind.spec.dir);
        if diff::record_of(&rel).is_some() && loc.root.join(&rel).is_file() {
            found.push((kind.spec, wanted.to_string(), rel));
        }
    }
    Ok(if found.len() == 1 { found.pop() } else { None })
}
