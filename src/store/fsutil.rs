//! The only place that writes files: atomic replace, create-if-absent and
//! remove. A file of the project is written whole in the project's temp
//! folder and renamed into place, under the project's write lock, and is
//! staged instead while a write of several files is gathered (see
//! [`super::journal`]).

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use super::journal;
use crate::error::UserError;
use crate::tr;

/// A read-only file is the user's way of saying "leave this alone": no
/// write replaces it and no `rm` or `untick` deletes it.
fn refuse_read_only(meta: Option<&fs::Metadata>, shown: &str) -> Result<()> {
    if meta.is_some_and(|m| m.permissions().readonly()) {
        return Err(UserError::new(tr!(
            "{shown} er skrivebeskyttet; ingenting ble endret",
            "{shown} is read-only; nothing was changed"
        ))
        .hint(tr!(
            "gi skrivetilgang (chmod u+w {shown}) og prøv igjen",
            "make it writable (chmod u+w {shown}) and try again"
        ))
        .into());
    }
    Ok(())
}

/// Remove the file `path` of the project at `root`, refusing a read-only
/// one; with `prune`, its folder too when that leaves it empty. `Ok(false)`
/// when there was none.
pub fn remove(root: &Path, path: &Path, shown: &str, prune: bool) -> Result<bool> {
    let _lock = WriteLock::acquire(root)?;
    let meta = fs::symlink_metadata(path).ok();
    refuse_read_only(meta.as_ref(), shown)?;
    if journal::stage(path, None, prune)? {
        return Ok(meta.is_some_and(|m| m.is_file()));
    }
    match fs::remove_file(path) {
        Ok(()) => {
            if prune && let Some(dir) = path.parent() {
                let _ = fs::remove_dir(dir);
            }
            Ok(true)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(UserError::new(tr!(
            "kunne ikke fjerne {shown}: {e}",
            "could not remove {shown}: {e}"
        ))
        .into()),
    }
}

/// Write the file `path` of the project at `root` (replacing what is there)
/// under the write lock: written whole in the temp folder, then renamed into
/// place, keeping the old file's permissions; refuses a read-only target.
pub fn put(root: &Path, path: &Path, shown: &str, bytes: &[u8]) -> Result<()> {
    let _lock = WriteLock::acquire(root)?;
    let meta = fs::metadata(path).ok();
    refuse_read_only(meta.as_ref(), shown)?;
    let tmp = write_temp(&journal::temp_dir(root)?, shown, bytes)?;
    match &meta {
        Some(m) => {
            let _ = fs::set_permissions(tmp.path(), m.permissions());
        }
        None => set_default_mode(tmp.path()),
    }
    if journal::active() {
        let (_, staged) = tmp.keep().with_context(|| saving(shown))?;
        journal::stage(path, Some(&staged), false)?;
        return Ok(());
    }
    let dir = parent(path);
    fs::create_dir_all(&dir).with_context(|| making(&dir))?;
    match tmp.persist(path) {
        Ok(_) => {
            sync_dir(&dir);
            Ok(())
        }
        // A folder on another disk: the temp file goes beside the target.
        Err(e) if e.error.kind() == io::ErrorKind::CrossesDevices => {
            write_atomic(path, shown, bytes)
        }
        Err(e) => Err(e.error).with_context(|| saving(shown)),
    }
}

/// Create the file `path` of the project at `root` only if nothing is there
/// yet (nor staged in the write being gathered), under the write lock.
/// Returns `Ok(false)` when the name is taken.
pub fn put_new(root: &Path, path: &Path, shown: &str, bytes: &[u8]) -> Result<bool> {
    let _lock = WriteLock::acquire(root)?;
    if fs::symlink_metadata(path).is_ok() || journal::staged(path) {
        return Ok(false);
    }
    let tmp = write_temp(&journal::temp_dir(root)?, shown, bytes)?;
    set_default_mode(tmp.path());
    if journal::active() {
        let (_, staged) = tmp.keep().with_context(|| saving(shown))?;
        journal::stage(path, Some(&staged), false)?;
        return Ok(true);
    }
    let dir = parent(path);
    fs::create_dir_all(&dir).with_context(|| making(&dir))?;
    match tmp.persist_noclobber(path) {
        Ok(_) => {
            sync_dir(&dir);
            Ok(true)
        }
        Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) if e.error.kind() == io::ErrorKind::CrossesDevices => create_new(path, shown, bytes),
        Err(e) => Err(e.error).with_context(|| saving(shown)),
    }
}

fn saving(shown: &str) -> String {
    tr!("kunne ikke lagre {shown}", "could not save {shown}")
}

fn making(dir: &Path) -> String {
    tr!("kunne ikke lage mappen {}", "could not create the folder {}", dir.display())
}

/// Replace `path` with `bytes` atomically: a temp file in the same folder,
/// fsync, then rename over the target, keeping its permissions. Refuses a
/// read-only target rather than silently replacing it.
pub fn write_atomic(path: &Path, shown: &str, bytes: &[u8]) -> Result<()> {
    let dir = parent(path);
    let meta = fs::metadata(path).ok();
    refuse_read_only(meta.as_ref(), shown)?;
    let tmp = write_temp(&dir, shown, bytes)?;
    if let Some(m) = meta {
        // Keep the user's mode bits; tempfile creates files as 0600.
        let _ = fs::set_permissions(tmp.path(), m.permissions());
    } else {
        set_default_mode(tmp.path());
    }
    tmp.persist(path)
        .map_err(|e| e.error)
        .with_context(|| tr!("kunne ikke lagre {shown}", "could not save {shown}"))?;
    sync_dir(&dir);
    Ok(())
}

/// Create `path` with `bytes` only if nothing is there yet, atomically (the
/// file appears whole or not at all). Returns `Ok(false)` when the name is taken.
pub fn create_new(path: &Path, shown: &str, bytes: &[u8]) -> Result<bool> {
    let dir = parent(path);
    fs::create_dir_all(&dir).with_context(|| {
        tr!("kunne ikke lage mappen {}", "could not create the folder {}", dir.display())
    })?;
    let tmp = write_temp(&dir, shown, bytes)?;
    set_default_mode(tmp.path());
    match tmp.persist_noclobber(path) {
        Ok(_) => {
            sync_dir(&dir);
            Ok(true)
        }
        Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => {
            Err(e.error).with_context(|| tr!("kunne ikke lagre {shown}", "could not save {shown}"))
        }
    }
}

/// Create the folder `path` holding `files` (paths relative to it, with
/// their bytes) only if nothing is there yet, atomically: the files are
/// written in a hidden temp folder beside it, which is then renamed, so the
/// folder appears whole or not at all. Returns `Ok(false)` when the name is
/// taken.
pub fn create_folder_new(path: &Path, shown: &str, files: &[(String, Vec<u8>)]) -> Result<bool> {
    let dir = parent(path);
    fs::create_dir_all(&dir).with_context(|| {
        tr!("kunne ikke lage mappen {}", "could not create the folder {}", dir.display())
    })?;
    if fs::symlink_metadata(path).is_ok() {
        return Ok(false);
    }
    let tmp = tempfile::Builder::new().prefix(".veikart-").tempdir_in(&dir).with_context(|| {
        tr!("kunne ikke skrive i mappen {}", "could not write in the folder {}", dir.display())
    })?;
    let failed = || tr!("kunne ikke skrive {shown}", "could not write {shown}");
    for (rel, bytes) in files {
        let file = tmp.path().join(rel);
        let folder = parent(&file);
        fs::create_dir_all(&folder).with_context(failed)?;
        set_folder_mode(&folder);
        let mut f = File::create(&file).with_context(failed)?;
        f.write_all(bytes).and_then(|()| f.sync_all()).with_context(failed)?;
        set_default_mode(&file);
    }
    set_folder_mode(tmp.path());
    if fs::symlink_metadata(path).is_ok() {
        return Ok(false);
    }
    fs::rename(tmp.path(), path)
        .with_context(|| tr!("kunne ikke lagre {shown}", "could not save {shown}"))?;
    let _ = tmp.keep();
    sync_dir(&dir);
    Ok(true)
}

/// Write `bytes` to a new hidden temp file in `dir` and flush it to disk.
fn write_temp(dir: &Path, shown: &str, bytes: &[u8]) -> Result<tempfile::NamedTempFile> {
    let mut tmp = tempfile::Builder::new()
        .prefix(".veikart-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| {
            tr!("kunne ikke skrive i mappen {}", "could not write in the folder {}", dir.display())
        })?;
    tmp.write_all(bytes)
        .and_then(|()| tmp.as_file().sync_all())
        .with_context(|| tr!("kunne ikke skrive {shown}", "could not write {shown}"))?;
    Ok(tmp)
}

fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

#[cfg(unix)]
fn set_default_mode(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    // What a plain `touch` would give under the usual umask.
    let _ = fs::set_permissions(path, fs::Permissions::from_mode(0o644));
}

#[cfg(not(unix))]
fn set_default_mode(_path: &Path) {}

#[cfg(unix)]
fn set_folder_mode(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    // What a plain `mkdir` would give under the usual umask; tempfile makes
    // its folders 0700.
    let _ = fs::set_permissions(path, fs::Permissions::from_mode(0o755));
}

#[cfg(not(unix))]
fn set_folder_mode(_path: &Path) {}

pub(crate) fn sync_dir(dir: &Path) {
    // Make the rename durable; not every platform can open a folder.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

pub use super::lock::WriteLock;
