//! `veikart init`: start a project folder.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::Result;
use clap::Args;

use super::{Ctx, check_line, check_title, filled_text, today};
use crate::error::{SUCCESS, UserError};
use crate::i18n::{self, Lang};
use crate::model::roadmap::Roadmap;
use crate::store::roadmap;
use crate::store::{PROJECT_FILE, edit, fsutil};
use crate::tr;

/// Start a new project: write veikart.toml in DIR (default: here)
///
/// Refuses to touch a folder that already holds a project. The project starts
/// in the roadmap's first phase; records go in one folder per kind
/// (ideas/, …), created when the first record is written. A --lang given
/// here becomes the project's language (default: nb, Bokmål).
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart init --name \"Digital legevakt\"
  veikart init legevakt --name \"Digital legevakt\" --municipality \"Fjordvik kommune\" --service Legevakt
  veikart init legevakt --name \"Digital legevakt\" --problem \"Lang og uforutsigbar ventetid på kveldstid\"
  veikart init project --name \"Digital emergency clinic\" --lang en")]
pub struct InitArgs {
    /// Folder for the project (created if missing)
    #[arg(value_name = "DIR", default_value = ".")]
    pub dir: PathBuf,

    /// The project's name
    #[arg(long)]
    pub name: String,

    /// The municipality (or region) that runs the project
    #[arg(long, value_name = "M")]
    pub municipality: Option<String>,

    /// The service being renewed
    #[arg(long, value_name = "S")]
    pub service: Option<String>,

    /// The problem the project sets out to solve (the problem statement)
    #[arg(long, value_name = "TEXT")]
    pub problem: Option<String>,

    /// The roadmap to follow: ks-2018 or samveis-2015
    #[arg(long, value_name = "ROADMAP", default_value = "ks-2018", value_parser = roadmap_arg)]
    pub roadmap: String,
}

pub fn cmd_init(ctx: &mut Ctx, args: InitArgs) -> Result<u8> {
    let name = check_title(&args.name)?;
    let municipality =
        args.municipality.as_deref().map(|m| check_line("--municipality", m)).transpose()?;
    let service = args.service.as_deref().map(|s| check_line("--service", s)).transpose()?;
    let problem = args.problem.as_deref().map(|p| filled_text("--problem", p)).transpose()?;
    // `--lang` on this command line sets the project's language (VEIKART_LANG
    // only changes what this run prints).
    let lang = ctx.lang_flag.unwrap_or(Lang::Nb);
    i18n::set(ctx.lang_flag.unwrap_or(i18n::current()));
    let first = create_project(
        &args.dir,
        &NewProject {
            name: name.clone(),
            municipality,
            service,
            problem,
            lang,
            roadmap: args.roadmap.clone(),
            roadmap_file: None,
            from_project: None,
            from_idea: None,
            source: None,
        },
    )?;
    ctx.ui.status(&tr!(
        "Opprettet prosjektet «{name}» i {} (fase: {}).",
        "Created the project \"{name}\" in {} (phase: {}).",
        args.dir.display(),
        first
    ));
    ctx.ui.status(&tr!(
        "Neste steg: `veikart idea add \"Din første idé\"`, så `veikart status`.",
        "Next: `veikart idea add \"Your first idea\"`, then `veikart status`."
    ));
    Ok(SUCCESS)
}

/// What a new project file holds (values already checked).
pub struct NewProject {
    pub name: String,
    pub municipality: Option<String>,
    pub service: Option<String>,
    pub problem: Option<String>,
    pub lang: Lang,
    /// The roadmap's id: a built-in one, or the one `roadmap_file` defines.
    pub roadmap: String,
    /// A project's own `roadmap.toml` to copy into the new project (its
    /// text, and the roadmap it gives), for `idea promote`.
    pub roadmap_file: Option<(String, Roadmap)>,
    /// The project (folder) and idea it was promoted from, and the idea's source.
    pub from_project: Option<String>,
    pub from_idea: Option<String>,
    pub source: Option<String>,
}

/// Write `veikart.toml` in `dir` (created if missing), starting in the
/// roadmap's first phase, whose name (in the output language) is returned.
/// Refuses, writing nothing, when `dir` already holds a project or is not a
/// folder.
pub fn create_project(dir: &Path, p: &NewProject) -> Result<String> {
    let file = dir.join(PROJECT_FILE);
    let shown = file.display().to_string();
    if file.exists() {
        return Err(UserError::new(tr!(
            "{} har allerede et prosjekt ({shown}); ingenting ble endret",
            "{} already holds a project ({shown}); nothing was changed",
            dir.display()
        ))
        .hint(tr!(
            "se det med `veikart -C {} status`",
            "look at it with `veikart -C {} status`",
            dir.display()
        ))
        .into());
    }
    if dir.exists() && !dir.is_dir() {
        return Err(UserError::new(tr!(
            "{} finnes og er ikke en mappe",
            "{} exists and is not a folder",
            dir.display()
        ))
        .into());
    }
    let own_file = dir.join(roadmap::LOCAL_FILE);
    if p.roadmap_file.is_some() && fs::symlink_metadata(&own_file).is_ok() {
        return Err(UserError::new(tr!(
            "{} finnes allerede; ingenting ble endret",
            "{} exists already; nothing was changed",
            own_file.display()
        ))
        .hint(tr!("velg en ny mappe", "choose a new folder"))
        .into());
    }
    let map = match &p.roadmap_file {
        Some((_, map)) => Some(map.clone()),
        None => roadmap::builtin(&p.roadmap),
    };
    let Some(map) = map else {
        return Err(anyhow::anyhow!("internal error: the roadmap {} is missing", p.roadmap));
    };
    let Some(first) = map.phases.first() else {
        return Err(anyhow::anyhow!("internal error: the roadmap {} has no phases", p.roadmap));
    };

    let mut doc = toml_edit::DocumentMut::new();
    doc.decor_mut().set_prefix(match p.lang {
        Lang::Nb => "# veikart-prosjekt: endre med `veikart` eller for hånd, og sjekk med `veikart check`.\n",
        Lang::En => "# veikart project: change it with `veikart` or by hand, and check it with `veikart check`.\n",
    });
    edit::set(&mut doc, "name", edit::text(&p.name));
    if let Some(m) = &p.municipality {
        edit::set(&mut doc, "municipality", edit::text(m));
    }
    if let Some(s) = &p.service {
        edit::set(&mut doc, "service", edit::text(s));
    }
    if let Some(s) = &p.problem {
        edit::set(&mut doc, "problem", edit::text(s));
    }
    edit::set(&mut doc, "lang", edit::text(p.lang.key()));
    edit::set(&mut doc, "roadmap", edit::text(&p.roadmap));
    edit::set(&mut doc, "phase", edit::text(&first.id));
    edit::set(&mut doc, "started", edit::date(today(None)?));
    for (key, value) in
        [("from_project", &p.from_project), ("from_idea", &p.from_idea), ("source", &p.source)]
    {
        if let Some(v) = value {
            edit::set(&mut doc, key, edit::text(v));
        }
    }

    // The roadmap first, so a project never exists without the roadmap it names.
    let own_written = match &p.roadmap_file {
        Some((text, _)) => {
            let own_shown = own_file.display().to_string();
            if !fsutil::create_new(&own_file, &own_shown, text.as_bytes())? {
                return Err(UserError::new(tr!(
                    "{own_shown} ble opprettet av noen andre i mellomtiden; ingenting ble endret",
                    "{own_shown} was created by someone else meanwhile; nothing was changed"
                ))
                .into());
            }
            true
        }
        None => false,
    };
    let created = fsutil::create_new(&file, &shown, doc.to_string().as_bytes());
    if own_written && !matches!(created, Ok(true)) {
        let _ = fs::remove_file(&own_file);
    }
    if !created? {
        return Err(UserError::new(tr!(
            "{shown} ble opprettet av noen andre i mellomtiden; ingenting ble endret",
            "{shown} was created by someone else meanwhile; nothing was changed"
        ))
        .into());
    }
    Ok(first.name().to_string())
}

/// `--roadmap`: a built-in roadmap, by id or short name.
fn roadmap_arg(s: &str) -> Result<String, String> {
    roadmap::builtin(s).map(|r| r.id).ok_or_else(|| {
        tr!(
            "ukjent veikart «{s}»; innebygde: {}",
            "unknown roadmap `{s}`; built in: {}",
            roadmap::builtin_ids().join(", ")
        )
    })
}
