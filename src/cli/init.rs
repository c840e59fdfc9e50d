//! `veikart init`: start a project folder.

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use super::{Ctx, check_line, check_title, filled_text, today};
use crate::error::SUCCESS;
use crate::i18n::{self, Lang};
use crate::output::ui::Format;
use crate::store::init::{NewProject, create_project_in};
use crate::store::roadmap;
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
    let format = ctx.ui.format("init")?;
    let name = check_title(&args.name)?;
    let municipality =
        args.municipality.as_deref().map(|m| check_line("--municipality", m)).transpose()?;
    let service = args.service.as_deref().map(|s| check_line("--service", s)).transpose()?;
    let problem = args.problem.as_deref().map(|p| filled_text("--problem", p)).transpose()?;
    // `--lang` on this command line sets the project's language (VEIKART_LANG
    // only changes what this run prints).
    let lang = ctx.lang_flag.unwrap_or(Lang::Nb);
    i18n::set(ctx.lang_flag.unwrap_or(i18n::current()));
    let created = create_project_in(
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
            started: today(None)?,
        },
    )?;
    ctx.ui.status(&tr!(
        "Opprettet prosjektet «{name}» i {} (fase: {}).",
        "Created the project \"{name}\" in {} (phase: {}).",
        args.dir.display(),
        created.phase
    ));
    if !created.taplo {
        ctx.ui.warn(&tr!(
            "{} fantes fra før og ble ikke endret; legg til reglene for veikart-filene selv (se docs/file-format.md, «Editor support»)",
            "{} was there already and was left as it was; add the rules for the veikart files yourself (see docs/file-format.md, \"Editor support\")",
            args.dir.join(crate::store::schema::TAPLO_FILE).display()
        ));
    }
    ctx.ui.status(&tr!(
        "Neste steg: `veikart idea add \"Din første idé\"`, så `veikart status`.",
        "Next: `veikart idea add \"Your first idea\"`, then `veikart status`."
    ));
    if format == Format::Json {
        let dir = args.dir.display().to_string();
        // The phase as every document shows it: {id, name, position, of}.
        let project = crate::store::Location::find(Some(&args.dir))?.open()?;
        let phase = crate::app::checklist::PhaseRef::of_project(&project, &project.roadmap()?);
        ctx.ui.json(&serde_json::json!({
            "dir": dir,
            "path": args.dir.join(crate::store::PROJECT_FILE).display().to_string(),
            "phase": phase,
        }))?;
    }
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
