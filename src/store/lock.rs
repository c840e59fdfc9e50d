//! The project's write lock: one writer at a time, for every user who can
//! write the project, never a file left behind that blocks anyone.
//!
//! The lock is an OS file lock (`flock`) on `veikart.lock` in the git folder
//! of the repository the project is in, or on `.veikart.lock` in the project
//! folder when there is no repository (`init` lists it in `.gitignore`). The
//! OS frees the lock when its holder exits, however it exits, so a killed
//! writer never blocks the next one. The holder writes who it is into the
//! file, for a writer that waits to say what it waits for, and removes the
//! file when it is done.
//!
//! The lock is re-entrant within a process: a command that reads state to
//! decide what to write (`phase set`, id allocation) takes it first, and the
//! store's own writes inside take it again for free.

use std::collections::HashMap;
use std::fs::{self, File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant, SystemTime};

use anyhow::{Context, Result};

use crate::error::UserError;
use crate::tr;

/// The lock file's name in the git folder.
pub const GIT_LOCK: &str = "veikart.lock";
/// The lock file's name in a project folder outside git.
pub const LOCAL_LOCK: &str = ".veikart.lock";
/// How long a writer waits for another by default, in seconds.
pub const DEFAULT_WAIT_SECS: u64 = 30;
/// The variable that sets the wait.
pub const WAIT_VAR: &str = "VEIKART_LOCK_TIMEOUT";

/// What takes the store's status lines.
type Notice = Box<dyn Fn(&str)>;

thread_local! {
    /// Where status lines from the store go (a writer waiting, a write
    /// finished after an interruption). Set by the command line.
    static NOTICE: std::cell::RefCell<Option<Notice>> = const { std::cell::RefCell::new(None) };
}

/// Send the store's status lines to `f`.
pub fn set_notice(f: Notice) {
    NOTICE.with(|n| *n.borrow_mut() = Some(f));
}

pub(crate) fn notice(text: &str) {
    NOTICE.with(|n| {
        if let Some(f) = n.borrow().as_ref() {
            f(text);
        }
    });
}

/// The locks this process holds, by lock file, and how deep.
struct Held {
    file: File,
    depth: usize,
}

fn held() -> &'static Mutex<HashMap<PathBuf, Held>> {
    static HELD: OnceLock<Mutex<HashMap<PathBuf, Held>>> = OnceLock::new();
    HELD.get_or_init(|| Mutex::new(HashMap::new()))
}

/// The git folder of the repository `root` is in, if any: the nearest
/// `.git` folder from `root` upwards, or the folder a `.git` file (a linked
/// work tree, a submodule) points to.
pub fn git_dir(root: &Path) -> Option<PathBuf> {
    let start = root.canonicalize().ok()?;
    let mut dir: &Path = &start;
    loop {
        let dot = dir.join(".git");
        match fs::symlink_metadata(&dot) {
            Ok(m) if m.is_dir() => return Some(dot),
            Ok(m) if m.is_file() => {
                let text = fs::read_to_string(&dot).ok()?;
                let target = text.strip_prefix("gitdir:")?.trim();
                let path = dir.join(target);
                return path.is_dir().then_some(path);
            }
            _ => {}
        }
        dir = dir.parent()?;
    }
}

/// The lock file of the project at `root`.
pub fn path(root: &Path) -> PathBuf {
    match git_dir(root) {
        Some(git) => git.join(GIT_LOCK),
        None => root.join(LOCAL_LOCK),
    }
}

/// Whether another process is writing the project now. Opens nothing for
/// writing and creates nothing: for `check`, to leave a write in progress
/// alone.
pub fn write_in_progress(root: &Path) -> bool {
    let Ok(file) = File::open(path(root)) else { return false };
    match file.try_lock_shared() {
        Ok(()) => {
            let _ = file.unlock();
            false
        }
        Err(_) => true,
    }
}

/// An exclusive lock on the project, held while a write reads, decides and
/// writes. Dropping it releases the lock and removes the lock file.
pub struct WriteLock {
    path: PathBuf,
    root: PathBuf,
}

impl WriteLock {
    /// Take the lock of the project at `root`, waiting for another writer up
    /// to `VEIKART_LOCK_TIMEOUT` seconds (30 by default).
    pub fn acquire(root: &Path) -> Result<WriteLock> {
        let (lock, recovery) = WriteLock::acquire_quietly(root)?;
        if !recovery.finished.is_empty() {
            let n =
                crate::i18n::counted(recovery.finished.len(), ("fil", "filer"), ("file", "files"));
            notice(&tr!(
                "Fullførte en skriving som ble avbrutt ({n} lagt på plass).",
                "Finished a write that was cut short ({n} put in place)."
            ));
        }
        Ok(lock)
    }

    /// Like [`WriteLock::acquire`], saying nothing, and returning what the
    /// recovery of a write cut short did (for `veikart repair`).
    pub fn acquire_quietly(root: &Path) -> Result<(WriteLock, super::journal::Recovery)> {
        if let Some(rev) = super::source::shown_revision() {
            return Err(UserError::new(tr!(
                "--at {rev} viser prosjektet slik det var; det kan ikke endres der",
                "--at {rev} shows the project as it was; it cannot be changed there"
            ))
            .hint(tr!("kjør kommandoen uten --at", "run the command without --at"))
            .into());
        }
        let path = path(root);
        let mut locks = held().lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(h) = locks.get_mut(&path) {
            h.depth += 1;
            return Ok((WriteLock { path, root: root.to_path_buf() }, Default::default()));
        }
        let file = take(&path)?;
        locks.insert(path.clone(), Held { file, depth: 1 });
        drop(locks);
        let lock = WriteLock { path, root: root.to_path_buf() };
        // A write cut short before is finished (or undone) first, so every
        // write starts from a whole state.
        let recovery = super::journal::recover(root)?;
        Ok((lock, recovery))
    }
}

impl Drop for WriteLock {
    fn drop(&mut self) {
        let mut locks = held().lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let Some(h) = locks.get_mut(&self.path) else { return };
        h.depth -= 1;
        if h.depth == 0
            && let Some(h) = locks.remove(&self.path)
        {
            // The temp folder goes when the last write leaves it empty.
            let _ = fs::remove_dir(self.root.join(super::journal::TEMP_DIR));
            // Removed while still held, so no one can take a lock on a file
            // that is about to go; a waiter on it sees it is gone and retries.
            let _ = fs::remove_file(&self.path);
            let _ = h.file.unlock();
        }
    }
}

/// How long to wait for another writer.
fn wait_limit() -> Duration {
    let secs = std::env::var(WAIT_VAR)
        .ok()
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|s| s.is_finite() && *s >= 0.0)
        .unwrap_or(DEFAULT_WAIT_SECS as f64);
    Duration::from_secs_f64(secs.min(86_400.0))
}

/// Take the lock on the file at `path`, creating it when needed.
fn take(path: &Path) -> Result<File> {
    let started = Instant::now();
    let limit = wait_limit();
    let mut told = false;
    loop {
        let (file, writable) = open(path)?;
        match file.try_lock() {
            Ok(()) => {
                // The file may have been removed by the holder we waited
                // for; a lock on it would then lock nothing.
                if !same_file(&file, path) {
                    continue;
                }
                if !writable {
                    // Left behind by another user's writer that was killed:
                    // ours now, so it can go, and a fresh one is made.
                    let _ = fs::remove_file(path);
                    continue;
                }
                describe_holder(&file);
                return Ok(file);
            }
            Err(fs::TryLockError::WouldBlock) => {}
            Err(fs::TryLockError::Error(e)) => {
                return Err(e).with_context(|| {
                    tr!(
                        "kunne ikke låse prosjektet ({})",
                        "could not lock the project ({})",
                        path.display()
                    )
                });
            }
        }
        let waited = started.elapsed();
        if waited >= limit {
            return Err(busy(path, waited).into());
        }
        if !told && waited >= Duration::from_secs(1) {
            told = true;
            notice(&tr!(
                "Venter på at en annen som skriver i prosjektet, skal bli ferdig ({}) …",
                "Waiting for another writer of the project to finish ({}) …",
                holder(path)
            ));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Open (or create) the lock file; `false` when it can only be read (made
/// by another user).
fn open(path: &Path) -> Result<(File, bool)> {
    match OpenOptions::new().create(true).truncate(false).read(true).write(true).open(path) {
        Ok(f) => Ok((f, true)),
        Err(e) if e.kind() == ErrorKind::PermissionDenied => match File::open(path) {
            Ok(f) => Ok((f, false)),
            Err(_) => Err(no_lock_file(path, &e)),
        },
        Err(e) => Err(no_lock_file(path, &e)),
    }
}

fn no_lock_file(path: &Path, e: &std::io::Error) -> anyhow::Error {
    let folder = path.parent().unwrap_or(path).display().to_string();
    UserError::new(tr!(
        "kunne ikke lage låsefilen {}: {e}",
        "could not create the lock file {}: {e}",
        path.display()
    ))
    .hint(tr!(
        "den som skriver i prosjektet, trenger skrivetilgang til {folder}",
        "whoever writes the project needs write access to {folder}"
    ))
    .into()
}

#[cfg(unix)]
fn same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}

/// Write who holds the lock into the lock file, for those who wait.
fn describe_holder(file: &File) {
    let since = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    let user = std::env::var("USER").or_else(|_| std::env::var("USERNAME")).unwrap_or_default();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut command = format!("veikart {}", args.join(" "));
    if command.chars().count() > 80 {
        command = command.chars().take(79).collect::<String>() + "…";
    }
    let text = format!(
        "pid = {}\nuser = {:?}\ncommand = {:?}\nsince = {since}\n",
        std::process::id(),
        user,
        command
    );
    let mut f = file;
    let _ = f.set_len(0);
    let _ = f.write_all(text.as_bytes());
}

/// Who holds the lock at `path`, in words, from what the holder wrote.
fn holder(path: &Path) -> String {
    let text = fs::read_to_string(path).unwrap_or_default();
    let value = |key: &str| {
        text.lines().find_map(|l| {
            let (k, v) = l.split_once(" = ")?;
            (k == key).then(|| v.trim().trim_matches('"').to_string())
        })
    };
    let mut parts = Vec::new();
    if let Some(c) = value("command").filter(|c| !c.is_empty()) {
        parts.push(format!("`{c}`"));
    }
    if let Some(p) = value("pid") {
        parts.push(tr!("prosess {p}", "process {p}"));
    }
    if let Some(u) = value("user").filter(|u| !u.is_empty()) {
        parts.push(tr!("brukeren {u}", "user {u}"));
    }
    if let Some(since) = value("since").and_then(|s| s.parse::<u64>().ok()) {
        let now = SystemTime::now()
            .duration_since(SystemTime::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or_default();
        let secs = now.saturating_sub(since);
        parts.push(tr!("har skrevet i {secs} s", "writing for {secs} s"));
    }
    if parts.is_empty() {
        tr!("låsefilen {}", "the lock file {}", path.display())
    } else {
        parts.join(", ")
    }
}

/// The error when the wait ran out.
fn busy(path: &Path, waited: Duration) -> UserError {
    let secs = waited.as_secs_f64().round();
    UserError::new(tr!(
        "prosjektet er opptatt: en annen skriver i det ({}); ga opp etter {secs} s, og ingenting ble endret",
        "the project is busy: another writer holds it ({}); gave up after {secs} s, and nothing was changed",
        holder(path)
    ))
    .hint(tr!(
        "prøv igjen når den er ferdig, eller vent lenger med {WAIT_VAR}=SEKUNDER",
        "try again when it is done, or wait longer with {WAIT_VAR}=SECONDS"
    ))
    .hint(tr!(
        "låsen slippes av seg selv når den prosessen avsluttes; låsefilen er {}",
        "the lock is released by itself when that process ends; the lock file is {}",
        path.display()
    ))
}
