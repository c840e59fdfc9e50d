//! `veikart owner`: the one role that owns the whole service, end to end.

use anyhow::Result;
use clap::Args;

use super::{Ctx, common};
use crate::error::SUCCESS;
use crate::model::role::{self, Role};
use crate::output::ui::Format;
use crate::store::{PROJECT_FILE, edit};
use crate::tr;

/// Show or name the service owner: the one role that owns the whole service
///
/// Somebody must own the service from start to end, so there is always an
/// answer to "who takes hold when something goes wrong?". The owner is kept as
/// `owner` in veikart.toml; `check` warns when it is missing once the project
/// is piloting.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart owner
  veikart owner enhetsleder-legevakt")]
pub struct OwnerArgs {
    /// The role to name as owner (id or unique prefix); without it, show the owner
    pub role: Option<String>,
}

pub fn cmd_owner(ctx: &mut Ctx, args: OwnerArgs) -> Result<u8> {
    let format = ctx.ui.format("owner")?;
    let project = ctx.open()?;
    let Some(wanted) = args.role else {
        let owner = project.info.owner.clone();
        let role: Option<Role> = match &owner {
            Some(id) => project.load(id).ok(),
            None => None,
        };
        if format == Format::Json {
            let role = role.as_ref().map(|r| common::with_path(&project, &role::SPEC, &r.id, r));
            ctx.ui.json(&serde_json::json!({ "owner": owner, "role": role }))?;
            return Ok(SUCCESS);
        }
        match (owner, role) {
            (Some(id), Some(r)) => ctx.ui.out(&format!("{} ({id})", r.name))?,
            (Some(id), None) => ctx.ui.out(&id)?,
            (None, _) => ctx.ui.status(&tr!(
                "Ingen tjenesteeier er valgt. Velg med `veikart owner ROLLE`.",
                "No service owner yet. Name one with `veikart owner ROLE`."
            )),
        }
        return Ok(SUCCESS);
    };
    let id = project.resolve(&role::SPEC, &wanted)?;
    let changed = project.edit_info(|doc| {
        edit::set(doc, "owner", edit::text(&id));
        Ok(())
    })?;
    common::changed_file(ctx, &id, &project.shown(PROJECT_FILE), &changed);
    if !changed.is_empty() {
        ctx.ui.status(&tr!("{id} eier nå hele tjenesten.", "{id} now owns the whole service."));
    }
    Ok(SUCCESS)
}
