//! `veikart init`: start a project folder.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use super::{Ctx, check_line, check_title, today};
use crate::error::{SUCCESS, UserError};
use crate::i18n::{self, Lang};
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

    /// The roadmap to follow: ks-2018 or samveis-2015
    #[arg(long, value_name = "ROADMAP", default_value = "ks-2018", value_parser = roadmap_arg)]
    pub roadmap: String,
}

pub fn cmd_init(ctx: &mut Ctx, args: InitArgs) -> Result<u8> {
    let name = check_title(&args.name)?;
    let file = args.dir.join(PROJECT_FILE);
    let shown = file.display().to_string();
    if file.exists() {
        return Err(UserError::new(tr!(
            "{} har allerede et prosjekt ({shown}); ingenting ble endret",
            "{} already holds a project ({shown}); nothing was changed",
            args.dir.display()
        ))
        .hint(tr!(
            "se det med `veikart -C {} status`",
            "look at it with `veikart -C {} status`",
            args.dir.display()
        ))
        .into());
    }
    if args.dir.exists() && !args.dir.is_dir() {
        return Err(UserError::new(tr!(
            "{} finnes og er ikke en mappe",
            "{} exists and is not a folder",
            args.dir.display()
        ))
        .into());
    }
    // `--lang` on this command line sets the project's language (VEIKART_LANG
    // only changes what this run prints).
    let lang = ctx.lang_flag.unwrap_or(Lang::Nb);
    i18n::set(ctx.lang_flag.unwrap_or(i18n::current()));
    let Some(map) = roadmap::builtin(&args.roadmap) else {
        return Err(anyhow::anyhow!("internal error: the roadmap {} is missing", args.roadmap));
    };
    let Some(first) = map.phases.first() else {
        return Err(anyhow::anyhow!("internal error: the roadmap {} has no phases", args.roadmap));
    };

    let mut doc = toml_edit::DocumentMut::new();
    doc.decor_mut().set_prefix(match lang {
        Lang::Nb => "# veikart-prosjekt: endre med `veikart` eller for hånd, og sjekk med `veikart check`.\n",
        Lang::En => "# veikart project: change it with `veikart` or by hand, and check it with `veikart check`.\n",
    });
    edit::set(&mut doc, "name", edit::text(&name));
    if let Some(m) = &args.municipality {
        edit::set(&mut doc, "municipality", edit::text(&check_line("--municipality", m)?));
    }
    if let Some(s) = &args.service {
        edit::set(&mut doc, "service", edit::text(&check_line("--service", s)?));
    }
    edit::set(&mut doc, "lang", edit::text(lang.key()));
    edit::set(&mut doc, "roadmap", edit::text(&args.roadmap));
    edit::set(&mut doc, "phase", edit::text(&first.id));
    edit::set(&mut doc, "started", edit::date(today(None)?));

    if !fsutil::create_new(&file, &shown, doc.to_string().as_bytes())? {
        return Err(UserError::new(tr!(
            "{shown} ble opprettet av noen andre i mellomtiden; ingenting ble endret",
            "{shown} was created by someone else meanwhile; nothing was changed"
        ))
        .into());
    }
    ctx.ui.status(&tr!(
        "Opprettet prosjektet «{name}» i {} (fase: {}).",
        "Created the project \"{name}\" in {} (phase: {}).",
        args.dir.display(),
        first.name()
    ));
    ctx.ui.status(&tr!(
        "Neste steg: `veikart idea add \"Din første idé\"`, så `veikart status`.",
        "Next: `veikart idea add \"Your first idea\"`, then `veikart status`."
    ));
    Ok(SUCCESS)
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
