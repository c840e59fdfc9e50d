//! `veikart site DIR`: the project as a static site, a thin adapter over
//! [`crate::app::site`] and [`crate::output::site`].

use std::path::PathBuf;

use anyhow::Result;
use clap::Args;

use super::{Ctx, date_arg};
use crate::error::{SUCCESS, UserError};
use crate::model::date::Date;
use crate::tr;

/// Write the project as a static website for everyone who never opens a terminal
///
/// A front page (the phase, what is left, the benefits at a glance), a
/// page per phase with its checklist and evidence, and pages for the
/// benefits and indicators with charts, the service journey, the RACI
/// matrix, routines, ideas, proposals, technology, deviations, suppliers
/// and the log, linked by a menu on every page, with an A–Z index of
/// everything on them. Plain HTML files: no script, nothing fetched from
/// elsewhere, printable on A4. Publish DIR with GitLab Pages or GitHub
/// Pages (docs/ci.md shows both jobs) or open DIR/index.html in a browser.
/// Pages veikart writes are replaced; other files in DIR are left alone.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart site public
  veikart site nettsted --as-of 2026-10-31
  veikart --lang en site public")]
pub struct SiteArgs {
    /// The folder to write the site to (made when missing)
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,

    /// The site as of this date, without what is dated later [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    pub as_of: Option<Date>,
}

pub fn cmd_site(ctx: &mut Ctx, args: SiteArgs) -> Result<u8> {
    ctx.ui.format_or("site", crate::output::ui::Format::Html)?;
    let (project, as_of) = ctx.open_on(args.as_of)?;
    let dir = &args.dir;
    let shown = dir.display().to_string();
    if dir.exists() && !dir.is_dir() {
        return Err(UserError::new(tr!(
            "{shown} finnes og er ikke en mappe",
            "{shown} exists and is not a folder"
        ))
        .hint(tr!(
            "velg en annen mappe, for eksempel `veikart site public`",
            "choose another folder, for example `veikart site public`"
        ))
        .into());
    }
    let site = crate::app::site::gather(&project, as_of)?;
    let pages = crate::output::site::render(&site);
    std::fs::create_dir_all(dir).map_err(|e| {
        UserError::new(tr!(
            "kunne ikke lage mappen {shown}: {e}",
            "could not make the folder {shown}: {e}"
        ))
    })?;
    for (file, html) in &pages {
        let path = dir.join(file);
        crate::store::fsutil::write_atomic(&path, &path.display().to_string(), html.as_bytes())?;
    }
    // GitHub Pages serves the files as they are, without Jekyll.
    let marker = dir.join(".nojekyll");
    if !marker.exists() {
        crate::store::fsutil::write_atomic(&marker, &marker.display().to_string(), b"")?;
    }
    ctx.ui.status(&tr!(
        "Skrev {} til {shown}. Åpne {} i en nettleser.",
        "Wrote {} to {shown}. Open {} in a browser.",
        crate::i18n::counted(pages.len(), ("side", "sider"), ("page", "pages")),
        dir.join("index.html").display()
    ));
    Ok(SUCCESS)
}
