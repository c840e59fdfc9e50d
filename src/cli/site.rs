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
/// A front page (the phase, the latest published status report's traffic
/// lights, what is left, the benefits at a glance), a
/// page per phase with its checklist and evidence, and pages for the
/// benefits and indicators with charts, the service journey, the RACI
/// matrix, routines, ideas, proposals, technology, deviations, suppliers
/// and the log, linked by a menu on every page, with an A–Z index of
/// everything on them. Plain HTML files: no script, nothing fetched from
/// elsewhere, printable on A4. Publish DIR with GitLab Pages or GitHub
/// Pages (docs/ci.md shows both jobs) or open DIR/index.html in a browser.
/// Draft status reports stay off the site unless --drafts is given. Pages
/// veikart writes are replaced; other files in DIR are left alone. DIR may
/// not be the project's folder or one of its record folders.
#[derive(Debug, Args)]
#[command(after_help = "\
Examples:
  veikart site public
  veikart site nettsted --as-of 2026-10-31
  veikart site utkast --drafts
  veikart --lang en site public")]
pub struct SiteArgs {
    /// The folder to write the site to (made when missing)
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,

    /// Show draft status reports too, marked as drafts (by default only published ones)
    #[arg(long)]
    pub drafts: bool,

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
    if let Some(place) = inside_records(&project.location().root, dir) {
        return Err(UserError::new(tr!(
            "{shown} er {place}; nettstedet skal ikke blandes med prosjektets filer",
            "{shown} is {place}; the site must not mix with the project's files",
        ))
        .hint(tr!(
            "skriv det til en egen mappe, for eksempel `veikart site public`",
            "write it to a folder of its own, for example `veikart site public`"
        ))
        .into());
    }
    let site = crate::app::site::gather(&project, as_of, args.drafts)?;
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

/// What `dir` is, when it is the project's own folder or one of its record
/// folders (`ideas/`, `checklist/`, …), where pages would mix with records.
fn inside_records(root: &std::path::Path, dir: &std::path::Path) -> Option<String> {
    let absolute = |p: &std::path::Path| -> Option<PathBuf> {
        let p =
            if p.is_absolute() { p.to_path_buf() } else { std::env::current_dir().ok()?.join(p) };
        // Resolve `.` and `..` by the words, then links through the longest existing part.
        let mut out = PathBuf::new();
        for c in p.components() {
            match c {
                std::path::Component::ParentDir => {
                    out.pop();
                }
                std::path::Component::CurDir => {}
                c => out.push(c),
            }
        }
        let mut existing = out.clone();
        let mut rest = Vec::new();
        while !existing.exists() {
            rest.push(existing.file_name()?.to_os_string());
            existing.pop();
        }
        let mut real = existing.canonicalize().ok()?;
        real.extend(rest.iter().rev());
        Some(real)
    };
    let root = absolute(root)?;
    let dir = absolute(dir)?;
    if dir == root {
        return Some(tr!("prosjektmappen", "the project's folder"));
    }
    let below = dir.strip_prefix(&root).ok()?;
    let first = below.components().next()?.as_os_str().to_string_lossy().into_owned();
    let records =
        crate::model::KINDS.iter().any(|k| k.spec.dir.split('/').next() == Some(first.as_str()));
    (records || first == "checklist" || first == "decisions").then(|| {
        tr!(
            "en mappe med prosjektets poster ({first}/)",
            "a folder of the project's records ({first}/)"
        )
    })
}
