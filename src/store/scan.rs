//! The one folder walker: what a kind's folder holds, in name order — its
//! record files, and what does not belong there (a folder named like a
//! record, a file name that is not an id, a file outside its owner's
//! folder). `check` reports the strays; every other reader lists ids from
//! the same walk, so the two always agree on what the records are.

use std::fs;
use std::io::ErrorKind;

use super::Location;
use crate::diag::Diagnostic;
use crate::model::id;
use crate::model::schema::KindSpec;
use crate::tr;

/// What the walker met in a kind's folder.
#[derive(Debug)]
pub enum Found {
    /// A record file: its id (`owner/stem` for a grouped kind) and its path,
    /// relative to the project and as shown.
    Record { id: String, rel: String, shown: String },
    /// Something that is not a record where records live. `skipped` names
    /// the file when it would be a record but cannot be read as one; `id`
    /// is the id a folder named like a record file takes, so that reading
    /// it says what is wrong.
    Stray { problem: Diagnostic, skipped: Option<String>, id: Option<String> },
}

/// The names in a folder (sorted, hidden ones left out) and whether each is
/// a folder; a missing folder has none.
fn entries(dir: &std::path::Path) -> std::io::Result<Vec<(String, bool)>> {
    listing(dir, &mut Vec::new())
}

/// Like [`entries`], also noting in `temps` the hidden temporary files a
/// write cut short left behind (`.veikart-…`), sorted.
fn listing(dir: &std::path::Path, temps: &mut Vec<String>) -> std::io::Result<Vec<(String, bool)>> {
    if let Some(names) = super::source::list(dir) {
        return Ok(names.into_iter().filter(|(n, _)| !n.starts_with('.')).collect());
    }
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut names = Vec::new();
    let first = temps.len();
    for entry in entries {
        let entry = entry?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if name.starts_with(TEMP_PREFIX) {
            temps.push(name.to_string());
        }
        if name.starts_with('.') || super::source::hidden(&dir.join(name)) {
            continue;
        }
        let is_dir = entry.file_type().map(|t| t.is_dir()).unwrap_or(false);
        names.push((name.to_string(), is_dir));
    }
    names.sort();
    temps[first..].sort();
    Ok(names)
}

/// How the names of veikart's temporary files start.
pub const TEMP_PREFIX: &str = ".veikart-";

/// A temporary file left in a record folder by a write that was cut short.
fn stray_temp(loc: &Location, rel_dir: &str, name: &str) -> Found {
    let shown = loc.shown(&format!("{rel_dir}/{name}"));
    Found::Stray { problem: stray_temp_problem(&shown, false), skipped: None, id: None }
}

/// The finding for a temporary file (or the temp folder) left behind, at `shown`.
pub fn stray_temp_problem(shown: &str, folder: bool) -> Diagnostic {
    let message = if folder {
        tr!(
            "{shown} er en mappe med midlertidige filer fra en skriving som ble avbrutt",
            "{shown} is a folder of temporary files from a write that was cut short"
        )
    } else {
        tr!(
            "{shown} er en midlertidig fil fra en skriving som ble avbrutt",
            "{shown} is a temporary file from a write that was cut short"
        )
    };
    let mut d = Diagnostic::file_level(shown, "stray-temp", message).with_hint(tr!(
        "`veikart repair` rydder bort slike filer, og `.gitignore` holder dem utenfor git",
        "`veikart repair` clears such files away, and `.gitignore` keeps them out of git"
    ));
    d.severity = crate::diag::Severity::Warning;
    d
}

/// Everything in the folder of `spec` (for a grouped kind, in every owner's
/// subfolder, or in the one of `owner`), in name order.
pub fn kind(loc: &Location, spec: &KindSpec, owner: Option<&str>) -> Vec<Found> {
    let mut out = Vec::new();
    match (&spec.group, owner) {
        (Some(_), None) => {
            let rel_dir = spec.dir.to_string();
            let mut temps = Vec::new();
            match listing(&loc.root.join(&rel_dir), &mut temps) {
                Ok(names) => {
                    out.extend(temps.iter().map(|t| stray_temp(loc, &rel_dir, t)));
                    for (name, is_dir) in names {
                        owner_entry(loc, spec, &name, is_dir, &mut out);
                    }
                }
                Err(e) => out.push(unreadable(loc, &rel_dir, e)),
            }
        }
        (_, owner) => folder(loc, spec, owner, &mut out),
    }
    out
}

/// The record files of one folder: the kind's own, or one owner's.
fn folder(loc: &Location, spec: &KindSpec, owner: Option<&str>, out: &mut Vec<Found>) {
    let rel_dir = match owner {
        Some(o) => format!("{}/{o}", spec.dir),
        None => spec.dir.to_string(),
    };
    if let Some(o) = owner
        && super::source::is_file(&loc.root.join(&rel_dir))
    {
        out.push(not_a_folder(spec, o, loc.shown(&rel_dir)));
        return;
    }
    let mut temps = Vec::new();
    let names = match listing(&loc.root.join(&rel_dir), &mut temps) {
        Ok(n) => n,
        Err(e) => {
            out.push(unreadable(loc, &rel_dir, e));
            return;
        }
    };
    out.extend(temps.iter().map(|t| stray_temp(loc, &rel_dir, t)));
    for (name, is_dir) in names {
        let rel = format!("{rel_dir}/{name}");
        let shown = loc.shown(&rel);
        let Some(stem) = name.strip_suffix(".toml") else {
            if is_dir {
                out.push(Found::Stray {
                    problem: Diagnostic::file_level(
                        &shown,
                        "stray-folder",
                        tr!(
                            "mappen {rel_dir} skal bare ha .toml-filer, ikke undermapper",
                            "the folder {rel_dir} should hold only .toml files, not folders"
                        ),
                    ),
                    skipped: None,
                    id: None,
                });
            }
            continue;
        };
        if is_dir {
            out.push(Found::Stray {
                problem: Diagnostic::file_level(
                    &shown,
                    "not-a-file",
                    tr!("{shown} er en mappe, ikke en fil", "{shown} is a folder, not a file"),
                )
                .with_hint(tr!(
                    "en post er én .toml-fil; flytt innholdet ut",
                    "a record is one .toml file; move its contents out"
                )),
                skipped: Some(shown),
                id: id::is_valid(stem).then(|| match owner {
                    Some(o) => format!("{o}/{stem}"),
                    None => stem.to_string(),
                }),
            });
            continue;
        }
        if !id::is_valid(stem) {
            out.push(Found::Stray {
                problem: bad_name(&shown, &name, stem),
                skipped: Some(shown),
                id: None,
            });
            continue;
        }
        let id = match owner {
            Some(o) => format!("{o}/{stem}"),
            None => stem.to_string(),
        };
        out.push(Found::Record { id, rel, shown });
    }
}

/// An entry at the top of a grouped kind's folder: it must be an owner's folder.
fn owner_entry(loc: &Location, spec: &KindSpec, name: &str, is_dir: bool, out: &mut Vec<Found>) {
    let Some(group) = &spec.group else { return };
    let rel = format!("{}/{name}", spec.dir);
    let shown = loc.shown(&rel);
    // A link to a folder is read as the folder (its records are then refused
    // where they are read, should it lead out of the project).
    let is_dir = is_dir || super::source::is_dir(&loc.root.join(&rel));
    if !is_dir {
        if name.ends_with(".toml") {
            out.push(Found::Stray {
                problem: Diagnostic::file_level(
                    &shown,
                    "misplaced",
                    tr!(
                        "{shown} ligger rett i {}/, men hører hjemme i en undermappe per `{}`",
                        "{shown} is directly in {}/, but belongs in a folder per `{}`",
                        spec.dir,
                        group.field
                    ),
                )
                .with_hint(tr!(
                    "flytt den til {}/<{}>/{name}",
                    "move it to {}/<{}>/{name}",
                    spec.dir,
                    group.field
                )),
                skipped: Some(shown),
                id: None,
            });
        } else if id::is_valid(name) {
            // Where an owner's folder belongs: its records are not there to read.
            out.push(not_a_folder(spec, name, shown));
        }
        return;
    }
    if !id::is_valid(name) {
        out.push(Found::Stray { problem: bad_name(&shown, name, name), skipped: None, id: None });
        return;
    }
    folder(loc, spec, Some(name), out);
}

/// A file named `name` where the folder of the owner `name` of a grouped
/// kind belongs (`measurements/ventetid` made a plain file): what the
/// folder held cannot be read, so `check` fails and every reader stops.
fn not_a_folder(spec: &KindSpec, name: &str, shown: String) -> Found {
    let group = spec.group.as_ref();
    // The owner as a word (`indikator`), else as its key (`indicator`).
    let owner = match group.and_then(|g| g.refers).and_then(crate::model::kind_of) {
        Some(k) => k.spec.label().to_string(),
        None => format!("`{}`", group.map_or("", |g| g.field)),
    };
    Found::Stray {
        problem: Diagnostic::file_level(
            &shown,
            "not-a-folder",
            tr!(
                "{shown} er en fil, men skal være en mappe med {} for {owner} «{name}»",
                "{shown} is a file, but should be a folder of {} for the {owner} `{name}`",
                spec.plural_label()
            ),
        )
        .with_hint(tr!(
            "flytt filen bort og legg mappen tilbake, for eksempel fra git med `git restore {shown}`",
            "move the file away and put the folder back, for example from git with `git restore {shown}`"
        )),
        skipped: Some(shown),
        id: None,
    }
}

fn unreadable(loc: &Location, rel_dir: &str, e: std::io::Error) -> Found {
    Found::Stray {
        problem: Diagnostic::file_level(&loc.shown(rel_dir), "unreadable", e.to_string()),
        skipped: None,
        id: None,
    }
}

fn bad_name(shown: &str, name: &str, stem: &str) -> Diagnostic {
    let better = id::slug(stem);
    let mut d = Diagnostic::file_level(
        shown,
        "bad-file-name",
        tr!("filnavnet «{name}» er ikke en gyldig id", "the file name `{name}` is not a valid id"),
    );
    if !better.is_empty() {
        let ext = if name.ends_with(".toml") { ".toml" } else { "" };
        d = d.with_hint(tr!("gi den navnet {better}{ext}", "rename it to {better}{ext}"));
    }
    d
}

/// The folders under `dir` (itself included) that hold a project, sorted:
/// hidden folders, `target` and `node_modules` are passed over, links are
/// not followed, and no project is looked for inside a project.
pub fn projects(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        if d.join(super::PROJECT_FILE).is_file() {
            found.push(d);
            continue;
        }
        let Ok(names) = entries(&d) else { continue };
        for (name, is_dir) in names {
            if name == "target" || name == "node_modules" {
                continue;
            }
            // Only real folders (the walk does not follow links, which
            // could lead in circles).
            if is_dir {
                todo.push(d.join(&name));
            }
        }
    }
    found.sort();
    found
}

/// The temporary files a write cut short left in the project (relative to
/// its root, sorted): at the root and in every record folder.
pub fn temp_files(loc: &Location) -> Vec<String> {
    let mut dirs = vec![String::new()];
    for kind in crate::model::KINDS {
        let spec = kind.spec;
        dirs.push(spec.dir.to_string());
        if spec.group.is_some() {
            for (name, is_dir) in entries(&loc.root.join(spec.dir)).unwrap_or_default() {
                if is_dir {
                    dirs.push(format!("{}/{name}", spec.dir));
                }
            }
        }
    }
    dirs.sort();
    dirs.dedup();
    let mut out = Vec::new();
    for dir in dirs {
        let mut temps = Vec::new();
        let _ = listing(&loc.root.join(&dir), &mut temps);
        for t in temps {
            out.push(if dir.is_empty() { t } else { format!("{dir}/{t}") });
        }
    }
    out.sort();
    out
}

/// What `check` reports at the project's root about writes: one cut short
/// after it happened (its journal is there, some files are not in place
/// yet) is an error; temporary files left behind are warnings. Nothing
/// while another process is writing, whose files these may be.
pub fn root_findings(loc: &Location) -> Vec<Diagnostic> {
    if super::lock::write_in_progress(&loc.root) || super::source::shown_revision().is_some() {
        return Vec::new();
    }
    let mut temps = Vec::new();
    let _ = listing(&loc.root, &mut temps);
    let mut out = Vec::new();
    for name in temps {
        let journal = format!("{name}/{}", super::journal::JOURNAL);
        if name == super::journal::TEMP_DIR && loc.root.join(&journal).is_file() {
            let shown = loc.shown(&journal);
            out.push(
                Diagnostic::file_level(
                    &shown,
                    "unfinished-write",
                    tr!(
                        "en skriving av flere filer ble avbrutt før alle var på plass",
                        "a write of several files was cut short before all were in place"
                    ),
                )
                .with_hint(tr!(
                    "`veikart repair` (eller neste kommando som skriver) fullfører den",
                    "`veikart repair` (or the next command that writes) finishes it"
                )),
            );
        } else {
            let folder = loc.root.join(&name).is_dir();
            out.push(stray_temp_problem(&loc.shown(&name), folder));
        }
    }
    out
}
