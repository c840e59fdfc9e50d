//! Making a new project folder: `veikart.toml` (and, for a promoted idea,
//! the roadmap it follows), written whole or not at all.

use std::fs;
use std::path::Path;

use anyhow::Result;

use super::{PROJECT_FILE, edit, fsutil, roadmap};
use crate::error::UserError;
use crate::i18n::Lang;
use crate::model::date::Date;
use crate::model::roadmap::Roadmap;
use crate::tr;

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
    /// The day the project starts ("today").
    pub started: Date,
}

/// Write `veikart.toml` in `dir` (created if missing), starting in the
/// roadmap's first phase, whose id and name (in the output language) are
/// returned. Refuses, writing nothing, when `dir` already holds a project or
/// is not a folder.
pub fn create_project(dir: &Path, p: &NewProject) -> Result<(String, String)> {
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
    // The folders this makes get a name; none may hold an identity number.
    let new_names = dir
        .ancestors()
        .take_while(|a| !a.as_os_str().is_empty() && fs::symlink_metadata(a).is_err())
        .filter_map(|a| a.file_name())
        .map(|n| n.to_string_lossy().into_owned());
    for name in new_names {
        if !crate::model::privacy::national_ids(&name).is_empty() {
            return Err(UserError::new(tr!(
                "mappenavnet ser ut til å ha et fødselsnummer i seg; personopplysninger hører ikke hjemme i prosjektet [personal-id]",
                "the folder name seems to hold a national identity number; personal data does not belong in the project [personal-id]"
            ))
            .hint(tr!(
                "gi mappen et navn etter tjenesten, for eksempel `legevakt-ventetid`",
                "name the folder after the service, for example `legevakt-ventetid`"
            ))
            .into());
        }
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
    edit::set(&mut doc, "started", edit::date(p.started));
    for (key, value) in
        [("from_project", &p.from_project), ("from_idea", &p.from_idea), ("source", &p.source)]
    {
        if let Some(v) = value {
            edit::set(&mut doc, key, edit::text(v));
        }
    }

    // The rules a project file is held to, before anything is written: no
    // personal identity number in the name or the problem, say.
    let text = doc.to_string();
    let parsed = super::record::parse(&crate::model::project::SPEC, "", &shown, &text);
    let mut found = parsed.diagnostics;
    found.extend(super::write::personal_data(&text, &shown));
    super::write::refuse_contradictions(found, true)?;

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
    let created = fsutil::create_new(&file, &shown, text.as_bytes());
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
    Ok((first.id.clone(), first.name().to_string()))
}
