//! `veikart repair`: finish a write that was cut short and remove the
//! temporary files it left.

use anyhow::Result;
use clap::Args;

use super::Ctx;
use crate::error::SUCCESS;
use crate::output::ui::Format;
use crate::store::{lock::WriteLock, scan};
use crate::tr;

/// Finish a write that was cut short and remove the temporary files it left
///
/// A write of several files (`measure import`, `phase set`, removing a
/// technology option) either happens whole or not at all. If veikart was
/// stopped in the middle of one, the next command that writes puts it right
/// before it does anything else; `repair` does only that. It also removes
/// temporary files (`.veikart-…`) left in the project. `check` reports
/// both (`unfinished-write`, `stray-temp`). Nothing else is changed.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart repair
  veikart repair --format json")]
pub struct RepairArgs {}

pub fn cmd_repair(ctx: &mut Ctx, _args: RepairArgs) -> Result<u8> {
    let format = ctx.ui.format("repair")?;
    let loc = ctx.locate()?;
    let (lock, recovery) = WriteLock::acquire_quietly(&loc.root)?;
    let mut removed: Vec<String> = recovery.removed.iter().map(|r| loc.shown(r)).collect();
    for rel in scan::temp_files(&loc) {
        let path = loc.root.join(&rel);
        let gone = match std::fs::symlink_metadata(&path) {
            Ok(m) if m.is_dir() => std::fs::remove_dir_all(&path).is_ok(),
            Ok(_) => std::fs::remove_file(&path).is_ok(),
            Err(_) => false,
        };
        if gone {
            removed.push(loc.shown(&rel));
        }
    }
    drop(lock);
    removed.sort();
    let finished: Vec<String> = recovery.finished.iter().map(|r| loc.shown(r)).collect();
    if format == Format::Json {
        ctx.ui
            .json(&serde_json::json!({ "finished_files": finished, "removed_files": removed }))?;
        return Ok(SUCCESS);
    }
    if finished.is_empty() && removed.is_empty() {
        ctx.ui.status(&tr!(
            "Ingenting å reparere: ingen avbrutt skriving og ingen midlertidige filer.",
            "Nothing to repair: no write cut short and no temporary files."
        ));
        return Ok(SUCCESS);
    }
    if !finished.is_empty() {
        let n = crate::i18n::counted(finished.len(), ("fil", "filer"), ("file", "files"));
        ctx.ui.status(&tr!(
            "Fullførte en skriving som ble avbrutt ({n} lagt på plass).",
            "Finished a write that was cut short ({n} put in place)."
        ));
    }
    if !removed.is_empty() {
        let n = crate::i18n::counted(
            removed.len(),
            ("midlertidig fil", "midlertidige filer"),
            ("temporary file", "temporary files"),
        );
        ctx.ui.status(&tr!("Fjernet {n}.", "Removed {n}."));
    }
    let mut out = String::new();
    for path in finished.iter().chain(&removed) {
        out.push_str(path);
        out.push('\n');
    }
    ctx.ui.out(&out)?;
    Ok(SUCCESS)
}
