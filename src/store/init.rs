//! Making a new project folder: `veikart.toml` (and, for a promoted idea,
//! the roadmap it follows), with the editor support beside it (`.taplo.toml`
//! and the schemas in `.veikart/schema/`), written whole or not at all.

use std::fs;
use std::path::Path;

use anyhow::{Context, Result};

use super::{PROJECT_FILE, edit, fsutil, roadmap, schema};
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

/// What [`create_project_in`] made.
#[derive(Debug)]
pub struct Created {
    /// The roadmap's first phase: its id, and its name in the output language.
    pub phase_id: String,
    pub phase: String,
    /// Whether `.taplo.toml` was written; false when the folder had one
    /// already (a repository's own), which is left as it was.
    pub taplo: bool,
}

/// Write `veikart.toml` in `dir` (created if missing), starting in the
/// roadmap's first phase, whose id and name (in the output language) are
/// returned. Refuses, writing nothing, when `dir` already holds a project or
/// is not a folder. See [`create_project_in`].
pub fn create_project(dir: &Path, p: &NewProject) -> Result<(String, String)> {
    create_project_in(dir, p).map(|c| (c.phase_id, c.phase))
}

/// Write the project: `veikart.toml`, the schemas in `.veikart/schema/` and a
/// `.taplo.toml` that points the editor at them (left out when the folder
/// has one), and for a promoted idea its roadmap. Refuses, writing nothing,
/// when `dir` already holds a project, a `.veikart` folder, or is not a
/// folder; when a write fails, what was written is removed again.
pub fn create_project_in(dir: &Path, p: &NewProject) -> Result<Created> {
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
    let support = dir.join(schema::SUPPORT_DIR);
    if fs::symlink_metadata(&support).is_ok() {
        return Err(UserError::new(tr!(
            "{} finnes allerede; ingenting ble endret",
            "{} exists already; nothing was changed",
            support.display()
        ))
        .hint(tr!(
            "mappen er igjen etter et tidligere prosjekt; flytt eller slett den, eller velg en ny mappe",
            "the folder is left from an earlier project; move or delete it, or choose a new folder"
        ))
        .into());
    }
    let taplo_file = dir.join(schema::TAPLO_FILE);
    let want_taplo = fs::symlink_metadata(&taplo_file).is_err();
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

    // The folders this makes, outermost last, so a failure can take them away.
    let new_folders: Vec<&Path> = dir
        .ancestors()
        .take_while(|a| !a.as_os_str().is_empty() && fs::symlink_metadata(a).is_err())
        .collect();
    let mut written = Written::default();
    match write_all(dir, p, &text, &shown, want_taplo, &mut written) {
        Ok(taplo) => {
            Ok(Created { phase_id: first.id.clone(), phase: first.name().to_string(), taplo })
        }
        Err(e) => {
            written.undo();
            for folder in new_folders {
                let _ = fs::remove_dir(folder);
            }
            Err(e)
        }
    }
}

/// Write the files of a new project, the project file last, noting each in
/// `written`; returns whether `.taplo.toml` was written.
fn write_all(
    dir: &Path,
    p: &NewProject,
    text: &str,
    shown: &str,
    want_taplo: bool,
    written: &mut Written,
) -> Result<bool> {
    let taken = |what: &str| -> anyhow::Error {
        UserError::new(tr!(
            "{what} ble opprettet av noen andre i mellomtiden; ingenting ble endret",
            "{what} was created by someone else meanwhile; nothing was changed"
        ))
        .into()
    };
    // The roadmap first, so a project never exists without the roadmap it names.
    if let Some((own, _)) = &p.roadmap_file {
        let own_file = dir.join(roadmap::LOCAL_FILE);
        let own_shown = own_file.display().to_string();
        if !fsutil::create_new(&own_file, &own_shown, own.as_bytes())? {
            return Err(taken(&own_shown));
        }
        written.files.push(own_file);
    }
    let support = dir.join(schema::SUPPORT_DIR);
    let support_shown = support.display().to_string();
    // The schemas' folder inside the support folder (`schema`).
    let inside = schema::PROJECT_DIR
        .strip_prefix(schema::SUPPORT_DIR)
        .map_or(schema::PROJECT_DIR, |rest| rest.trim_start_matches('/'));
    let schemas: Vec<(String, Vec<u8>)> = schema::files()
        .into_iter()
        .map(|(name, text)| (format!("{inside}/{name}"), text.into_bytes()))
        .collect();
    if !fsutil::create_folder_new(&support, &support_shown, &schemas)? {
        return Err(taken(&support_shown));
    }
    written.folders.push(support);
    // A `.taplo.toml` that turns up meanwhile is someone's own: left alone.
    let taplo_file = dir.join(schema::TAPLO_FILE);
    let config = schema::taplo_config(p.lang);
    let taplo = want_taplo
        && fsutil::create_new(&taplo_file, &taplo_file.display().to_string(), config.as_bytes())?;
    if taplo {
        written.files.push(taplo_file);
    }
    ignore_temp_files(dir, &gitignore(p.lang), written)?;
    let file = dir.join(PROJECT_FILE);
    if !fsutil::create_new(&file, shown, text.as_bytes())? {
        return Err(taken(shown));
    }
    Ok(taplo)
}

/// The lines of `.gitignore` that keep veikart's temporary files and lock
/// out of commits, with a comment in the project's language.
pub fn gitignore(lang: Lang) -> String {
    let comment = match lang {
        Lang::Nb => "# veikart: midlertidige filer fra en skriving som pågår, og skrivelåsen",
        Lang::En => "# veikart: temporary files of a write in progress, and the write lock",
    };
    format!("{comment}\n.veikart-*\n.veikart.lock\n")
}

/// Write `.gitignore` with `lines`, or add them to the one there (in its
/// line endings) unless it has them already.
fn ignore_temp_files(dir: &Path, lines: &str, written: &mut Written) -> Result<()> {
    let file = dir.join(".gitignore");
    let shown = file.display().to_string();
    match fs::symlink_metadata(&file) {
        Err(_) => {
            if fsutil::create_new(&file, &shown, lines.as_bytes())? {
                written.files.push(file);
            }
            Ok(())
        }
        Ok(m) if m.is_file() => {
            let old = fs::read(&file)
                .with_context(|| tr!("kunne ikke lese {shown}", "could not read {shown}"))?;
            let text = String::from_utf8_lossy(&old);
            let has = |pattern: &str| text.lines().any(|l| l.trim() == pattern);
            if has(".veikart-*") && has(".veikart.lock") {
                return Ok(());
            }
            let eol = if text.contains("\r\n") { "\r\n" } else { "\n" };
            let mut new = old.clone();
            if !new.is_empty() && !new.ends_with(b"\n") {
                new.extend_from_slice(eol.as_bytes());
            }
            new.extend_from_slice(lines.replace('\n', eol).as_bytes());
            fsutil::write_atomic(&file, &shown, &new)?;
            written.restore.push((file, old));
            Ok(())
        }
        // A folder or a link by that name is the user's: left alone.
        Ok(_) => Ok(()),
    }
}

/// What a failed `init` must take away again.
#[derive(Default)]
struct Written {
    files: Vec<std::path::PathBuf>,
    folders: Vec<std::path::PathBuf>,
    /// Files that were there before, with what they held.
    restore: Vec<(std::path::PathBuf, Vec<u8>)>,
}

impl Written {
    /// Remove everything written, newest first.
    fn undo(&mut self) {
        for f in self.files.drain(..).rev() {
            let _ = fs::remove_file(f);
        }
        for d in self.folders.drain(..).rev() {
            let _ = fs::remove_dir_all(d);
        }
        for (f, old) in self.restore.drain(..) {
            let _ = fsutil::write_atomic(&f, &f.display().to_string(), &old);
        }
    }
}
