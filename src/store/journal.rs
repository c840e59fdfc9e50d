//! Writes of several files that happen all or not at all, and the project's
//! one folder for temporary files.
//!
//! Every file a write makes is first written whole in `.veikart-tmp/` at the
//! project's root and then renamed into place. A write of several files (a
//! `measure import`, a `phase set`) stages them all there, then writes a
//! journal naming each staged file and where it goes; writing the journal
//! (itself by rename) is the moment the write happens. The renames follow,
//! then the journal and the folder go.
//!
//! The recovery rule, applied under the lock by the next command that
//! writes (and by `veikart repair`): a journal there means the write
//! happened, so the renames it names that are not done yet are done; no
//! journal means it did not, so what is staged is thrown away. Either way
//! `.veikart-tmp/` is then removed. A kill at any moment thus leaves the old
//! state or the new one once the next writer has looked.

use std::cell::RefCell;
use std::fs;
use std::io;
use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use crate::error::UserError;
use crate::tr;

/// The folder of temporary files, at the project's root.
pub const TEMP_DIR: &str = ".veikart-tmp";
/// The journal of a write of several files, in [`TEMP_DIR`].
pub const JOURNAL: &str = "journal.json";

#[derive(Serialize, Deserialize)]
struct Journal {
    version: u32,
    steps: Vec<Step>,
}

/// One step of a write: a staged file renamed into place (`staged` set), or
/// a file removed (`staged` empty). Paths are relative to the project's root.
#[derive(Serialize, Deserialize, Clone)]
struct Step {
    target: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    staged: Option<String>,
    /// Remove the target's folder too when the removal leaves it empty.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    prune: bool,
}

/// The write being gathered on this thread, if any.
struct Batch {
    root: PathBuf,
    steps: Vec<Step>,
}

thread_local! {
    static BATCH: RefCell<Option<Batch>> = const { RefCell::new(None) };
}

/// What [`recover`] found and did.
#[derive(Debug, Default)]
pub struct Recovery {
    /// Files put in place (or removed) to finish a write that was cut short.
    pub finished: Vec<String>,
    /// Temporary files thrown away (relative to the project's root).
    pub removed: Vec<String>,
}

/// The temp folder of the project at `root`, made when missing (with the
/// project folder's own permissions, so whoever can write the project can
/// write and clean it).
pub fn temp_dir(root: &Path) -> Result<PathBuf> {
    let dir = root.join(TEMP_DIR);
    match fs::symlink_metadata(&dir) {
        Ok(m) if m.is_dir() => return Ok(dir),
        Ok(_) => return Err(not_our_folder(&dir)),
        Err(_) => {}
    }
    match fs::create_dir(&dir) {
        Ok(()) => {
            if let Ok(m) = fs::metadata(root) {
                let _ = fs::set_permissions(&dir, m.permissions());
            }
            Ok(dir)
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists && dir.is_dir() => Ok(dir),
        Err(e) => Err(e).with_context(|| {
            tr!("kunne ikke lage mappen {}", "could not create the folder {}", dir.display())
        }),
    }
}

fn not_our_folder(dir: &Path) -> anyhow::Error {
    UserError::new(tr!(
        "{} er ikke en mappe; veikart bruker det navnet til midlertidige filer",
        "{} is not a folder; veikart uses that name for temporary files",
        dir.display()
    ))
    .hint(tr!("flytt eller slett den, og prøv igjen", "move or delete it, and try again"))
    .into()
}

/// Run `f` as one write: every file it writes or removes through the store
/// is staged, and all of them take effect together when `f` succeeds, none
/// when it fails. Holds the project's lock throughout.
pub fn batch<T>(root: &Path, f: impl FnOnce() -> Result<T>) -> Result<T> {
    let _lock = super::lock::WriteLock::acquire(root)?;
    if active() {
        return f();
    }
    BATCH.with(|b| *b.borrow_mut() = Some(Batch { root: root.to_path_buf(), steps: Vec::new() }));
    let result = f();
    let Some(batch) = BATCH.with(|b| b.borrow_mut().take()) else { return result };
    match result {
        Ok(v) => {
            commit(&batch)?;
            Ok(v)
        }
        Err(e) => {
            discard(&batch);
            Err(e)
        }
    }
}

/// Whether a [`batch`] is being gathered.
pub fn active() -> bool {
    BATCH.with(|b| b.borrow().is_some())
}

/// Whether `target` is already written or removed in the current batch.
pub fn staged(target: &Path) -> bool {
    BATCH.with(|b| {
        b.borrow().as_ref().is_some_and(|batch| {
            let rel = relative(&batch.root, target);
            batch.steps.iter().any(|s| Some(&s.target) == rel.as_ref())
        })
    })
}

/// Stage `file` (already written in the temp folder) to go to `target`, or
/// (with `file` None) `target` to be removed. `Ok(false)` when no batch is
/// being gathered.
pub fn stage(target: &Path, file: Option<&Path>, prune: bool) -> Result<bool> {
    BATCH.with(|b| {
        let mut b = b.borrow_mut();
        let Some(batch) = b.as_mut() else { return Ok(false) };
        let Some(rel) = relative(&batch.root, target) else {
            return Err(anyhow::anyhow!("{} is outside the project", target.display()));
        };
        if batch.steps.iter().any(|s| s.target == rel) {
            return Err(anyhow::anyhow!("{rel} is written twice in one write"));
        }
        let staged = file.and_then(|f| f.file_name()).map(|n| n.to_string_lossy().into_owned());
        batch.steps.push(Step { target: rel, staged, prune });
        Ok(true)
    })
}

/// `target` relative to `root`, with `/` between names; None when it is
/// not inside.
fn relative(root: &Path, target: &Path) -> Option<String> {
    let rel = target.strip_prefix(root).ok()?;
    let mut parts = Vec::new();
    for c in rel.components() {
        match c {
            Component::Normal(n) => parts.push(n.to_str()?.to_string()),
            _ => return None,
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// A journal's target as a path under `root`: only plain names, so a
/// journal can never send a file outside the project.
fn target_path(root: &Path, target: &str) -> Option<PathBuf> {
    let mut path = root.to_path_buf();
    for part in target.split('/') {
        if part.is_empty() || part == "." || part == ".." || part.contains('\\') {
            return None;
        }
        path.push(part);
    }
    Some(path)
}

fn commit(batch: &Batch) -> Result<()> {
    if batch.steps.is_empty() {
        return Ok(());
    }
    let dir = temp_dir(&batch.root)?;
    let journal = Journal { version: 1, steps: batch.steps.clone() };
    let text = serde_json::to_string_pretty(&journal)?;
    // The journal appears whole or not at all: its rename is the commit.
    let file = dir.join(JOURNAL);
    super::fsutil::write_atomic(&file, &file.display().to_string(), text.as_bytes())?;
    apply(&batch.root, &dir, &journal.steps)?;
    finish(&batch.root);
    Ok(())
}

/// Whether `folder` is inside the project at `root` once links are
/// followed: a journal never moves a file through a link out of it.
fn within(root: &Path, folder: &Path) -> bool {
    // The nearest folder that is there decides where a new one would go.
    let mut probe = folder;
    while fs::symlink_metadata(probe).is_err() {
        match probe.parent() {
            Some(p) => probe = p,
            None => return false,
        }
    }
    match (root.canonicalize(), probe.canonicalize()) {
        (Ok(r), Ok(f)) => f.starts_with(r),
        _ => false,
    }
}

/// Do the steps of a journal that are not done yet.
fn apply(root: &Path, dir: &Path, steps: &[Step]) -> Result<Vec<String>> {
    let mut done = Vec::new();
    for step in steps {
        let Some(target) = target_path(root, &step.target) else { continue };
        match &step.staged {
            Some(name) => {
                // Only a file of the temp folder itself is moved.
                if name.contains(['/', '\\']) || name.starts_with("..") || name == JOURNAL {
                    continue;
                }
                let staged = dir.join(name);
                if !fs::symlink_metadata(&staged).is_ok_and(|m| m.is_file()) {
                    continue;
                }
                let folder = target.parent().unwrap_or(root);
                if !within(root, folder) {
                    continue;
                }
                fs::create_dir_all(folder).with_context(|| {
                    tr!(
                        "kunne ikke lage mappen {}",
                        "could not create the folder {}",
                        folder.display()
                    )
                })?;
                fs::rename(&staged, &target).with_context(|| {
                    tr!("kunne ikke lagre {}", "could not save {}", step.target)
                })?;
                super::fsutil::sync_dir(folder);
                done.push(step.target.clone());
            }
            None => {
                if !target.parent().is_some_and(|f| within(root, f)) {
                    continue;
                }
                match fs::symlink_metadata(&target) {
                    Ok(m) if m.is_file() => {
                        fs::remove_file(&target).with_context(|| {
                            tr!("kunne ikke fjerne {}", "could not remove {}", step.target)
                        })?;
                        done.push(step.target.clone());
                    }
                    _ => {}
                }
                if step.prune
                    && let Some(folder) = target.parent()
                    && folder != root
                {
                    let _ = fs::remove_dir(folder);
                }
            }
        }
    }
    Ok(done)
}

/// Throw away what a failed batch staged.
fn discard(batch: &Batch) {
    let dir = batch.root.join(TEMP_DIR);
    for step in &batch.steps {
        if let Some(name) = &step.staged {
            let _ = fs::remove_file(dir.join(name));
        }
    }
    let _ = fs::remove_dir(&dir);
}

/// Remove the journal, then the temp folder if nothing else is in it.
fn finish(root: &Path) {
    let dir = root.join(TEMP_DIR);
    let _ = fs::remove_file(dir.join(JOURNAL));
    let _ = fs::remove_dir(&dir);
}

/// Apply the recovery rule (see the module's text) to the project at
/// `root`. Call with the lock held.
pub fn recover(root: &Path) -> Result<Recovery> {
    let dir = root.join(TEMP_DIR);
    let mut recovery = Recovery::default();
    match fs::symlink_metadata(&dir) {
        Ok(m) if m.is_dir() => {}
        // The name is veikart's own: a file or link there is left over, and
        // goes (a link itself, never what it points to).
        Ok(_) => {
            if fs::remove_file(&dir).is_err() {
                return Err(not_our_folder(&dir));
            }
            recovery.removed.push(TEMP_DIR.to_string());
            return Ok(recovery);
        }
        Err(_) => return Ok(recovery),
    }
    let journal = dir.join(JOURNAL);
    if let Ok(text) = fs::read_to_string(&journal)
        && let Ok(j) = serde_json::from_str::<Journal>(&text)
    {
        recovery.finished = apply(root, &dir, &j.steps)?;
    }
    let entries = fs::read_dir(&dir)
        .with_context(|| tr!("kunne ikke lese {}", "could not read {}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let is_file = entry.file_type().map(|t| !t.is_dir()).unwrap_or(false);
        if is_file && fs::remove_file(&path).is_ok() && path != journal {
            recovery.removed.push(format!("{TEMP_DIR}/{}", entry.file_name().to_string_lossy()));
        }
    }
    let _ = fs::remove_dir(&dir);
    Ok(recovery)
}
