//! `veikart idea promote`: start a new innovation project from an idea
//! (`ny-praksis` step 3), linking the two projects both ways.

use std::path::{Component, Path, PathBuf};

use anyhow::Result;
use clap::Args;

use crate::cli::{Ctx, common, date_arg, today};
use crate::error::{SUCCESS, UserError};
use crate::i18n::Lang;
use crate::model::date::Date;
use crate::model::idea::{self, Idea};
use crate::model::value::Value;
use crate::output::ui::Format;
use crate::store::init::{NewProject, create_project};
use crate::store::{PROJECT_FILE, read_text, roadmap};
use crate::tr;

/// Start a new innovation project in DIR from an idea, linking the two
///
/// The new project gets the idea's title as its name, its description as the
/// problem, and its source; its veikart.toml records `from_project` and
/// `from_idea`. The idea gets status `promoted` and `promoted_to` (the new
/// folder, relative to this project). The new project follows the same
/// roadmap: this project's own roadmap.toml, if it has one, is copied there.
/// Refuses, writing nothing, when DIR already holds a project or lies
/// inside this one.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart idea promote videotolk ../videotolk
  veikart -C legevakt idea promote drop-in ../drop-in-legevakt")]
pub struct PromoteArgs {
    /// The idea's id, or a unique prefix of it
    pub id: String,

    /// Folder for the new project (created if missing)
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,

    /// The date of the decision [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub date: Option<Date>,
}

pub fn cmd_idea_promote(ctx: &mut Ctx, args: PromoteArgs) -> Result<u8> {
    let format = ctx.ui.format("idea promote")?;
    let project = ctx.open()?;
    let id = project.resolve(&idea::SPEC, &args.id)?;
    let i: Idea = project.load(&id)?;
    if let Some(to) = &i.promoted_to {
        return Err(UserError::new(tr!(
            "idéen {id} er allerede videreført til {to}; ingenting ble endret",
            "the idea {id} was already promoted to {to}; nothing was changed"
        ))
        .into());
    }
    if args.dir.join(PROJECT_FILE).exists() {
        return Err(UserError::new(tr!(
            "{} har allerede et prosjekt; ingenting ble endret",
            "{} already holds a project; nothing was changed",
            args.dir.display()
        ))
        .hint(tr!("velg en ny mappe", "choose a new folder"))
        .into());
    }
    let date = today(args.date)?;
    // The new project follows the same roadmap: a project's own roadmap.toml
    // (its local items, or a roadmap of its own) is copied as it is.
    let own = project.root.join(roadmap::LOCAL_FILE);
    let followed = project.roadmap()?;
    let (roadmap_id, roadmap_file) = if own.exists() {
        let text = read_text(&own, &project.shown(roadmap::LOCAL_FILE))?;
        (project.info.roadmap.clone(), Some((text, followed)))
    } else {
        (followed.id, None)
    };
    let here = absolute(&project.root)?;
    let there = absolute(&args.dir)?;
    // One project inside another would make each one's files part of the other.
    if there.starts_with(&here) || here.starts_with(&there) {
        let shown = args.dir.display();
        let message = if there.starts_with(&here) {
            tr!(
                "{shown} ligger inni dette prosjektet; ingenting ble endret",
                "{shown} is inside this project; nothing was changed"
            )
        } else {
            tr!(
                "dette prosjektet ligger inni {shown}; ingenting ble endret",
                "this project is inside {shown}; nothing was changed"
            )
        };
        return Err(UserError::new(message)
            .hint(tr!(
                "velg en mappe ved siden av, for eksempel ../{}",
                "choose a folder beside it, for example ../{}",
                id
            ))
            .into());
    }
    let info = &project.info;
    // The idea's change first, without writing it: if it would be refused,
    // no project is started either.
    let promoted_to = relative(&here, &there);
    let idea_changes = [
        ("status", Some(Value::Str("promoted".into()))),
        ("decided", Some(Value::Date(date))),
        ("promoted_to", Some(Value::Str(promoted_to.clone()))),
    ];
    project.try_edit_values(&crate::model::idea::SPEC, &id, &idea_changes)?;
    create_project(
        &args.dir,
        &NewProject {
            name: i.title.clone(),
            municipality: info.municipality.clone(),
            service: info.service.clone(),
            problem: i.description.clone(),
            lang: info.lang.as_deref().and_then(Lang::parse).unwrap_or(Lang::Nb),
            roadmap: roadmap_id,
            roadmap_file,
            from_project: Some(relative(&there, &here)),
            from_idea: Some(id.clone()),
            source: i.source.clone(),
            started: date,
        },
    )?;
    let changes =
        project.edit_values(&crate::model::idea::SPEC, &id, |_| Ok(idea_changes.to_vec()))?;
    let idea_path = project.shown_record(&crate::model::idea::SPEC, &id);
    common::print_changes(ctx, &id, &idea_path, &changes);
    let shown = args.dir.display().to_string();
    match format {
        Format::Json => ctx.ui.json(&serde_json::json!({
            "idea": id,
            "project": shown,
            "promoted_to": promoted_to,
            "changes": changes,
        }))?,
        _ => ctx.ui.out(&shown)?,
    }
    ctx.ui.status(&tr!(
        "Startet prosjektet «{}» i {shown} fra idéen {id}; idéen er nå videreført.",
        "Started the project \"{}\" in {shown} from the idea {id}; the idea is now promoted.",
        i.title
    ));
    Ok(SUCCESS)
}

/// `p` as an absolute path without `.` and `..`, for a folder that may not
/// exist yet (its nearest existing ancestor is resolved).
fn absolute(p: &Path) -> Result<PathBuf> {
    let p = if p.is_absolute() { p.to_path_buf() } else { std::env::current_dir()?.join(p) };
    let mut missing = Vec::new();
    let mut base = p.as_path();
    loop {
        if let Ok(c) = base.canonicalize() {
            let mut out = c;
            for part in missing.iter().rev() {
                match part {
                    Component::ParentDir => {
                        out.pop();
                    }
                    Component::CurDir => {}
                    other => out.push(other.as_os_str()),
                }
            }
            return Ok(out);
        }
        let Some(last) = base.components().next_back() else { return Ok(p.clone()) };
        missing.push(last);
        base = match base.parent() {
            Some(parent) => parent,
            None => return Ok(p.clone()),
        };
    }
}

/// The path from folder `from` to `to`, both absolute (`../videotolk`).
fn relative(from: &Path, to: &Path) -> String {
    let a: Vec<_> = from.components().collect();
    let b: Vec<_> = to.components().collect();
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let mut parts: Vec<String> = vec!["..".to_string(); a.len() - common];
    parts.extend(b[common..].iter().map(|c| c.as_os_str().to_string_lossy().into_owned()));
    if parts.is_empty() { ".".to_string() } else { parts.join("/") }
}

#[cfg(test)]
mod tests {
    use super::relative;
    use std::path::Path;

    #[test]
    fn relative_paths() {
        assert_eq!(relative(Path::new("/a/b"), Path::new("/a/c")), "../c");
        assert_eq!(relative(Path::new("/a/b"), Path::new("/a/b/c/d")), "c/d");
        assert_eq!(relative(Path::new("/a/b/c"), Path::new("/a")), "../..");
    }
}
