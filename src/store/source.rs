//! Where the store reads from: the files on disk, or — with `--at REV` —
//! the project as it was committed at a revision, held in memory after one
//! read from git's objects. Every read of the project goes through here, so
//! every reading command works on either, with no checkout and no
//! temporary work tree; a write refuses while a revision is shown.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::rc::Rc;

/// The project's files at a commit.
pub struct Snapshot {
    root: PathBuf,
    files: BTreeMap<String, Vec<u8>>,
    dirs: BTreeSet<String>,
    /// The revision, as the user named it.
    pub named: String,
}

impl Snapshot {
    /// The files (relative to the project folder at `root`) and their bytes.
    pub fn new(root: &Path, named: String, files: BTreeMap<String, Vec<u8>>) -> Snapshot {
        let mut dirs = BTreeSet::new();
        for rel in files.keys() {
            let mut at = rel.as_str();
            while let Some((parent, _)) = at.rsplit_once('/') {
                dirs.insert(parent.to_string());
                at = parent;
            }
        }
        Snapshot { root: root.to_path_buf(), files, dirs, named }
    }
}

thread_local! {
    static AT: RefCell<Option<Rc<Snapshot>>> = const { RefCell::new(None) };
    static DATED: RefCell<Overlay> = RefCell::new(Overlay::default());
}

/// The files on disk as they were on a day (`--as-of DATE` without
/// `--at`): the record files dated after it are hidden, and a few files are
/// read as rewritten (the phase then; a supplier's reviews until then).
/// Paths are absolute, so one overlay serves every project of a portfolio.
#[derive(Default)]
pub struct Overlay {
    hidden: BTreeSet<PathBuf>,
    replaced: BTreeMap<PathBuf, Vec<u8>>,
}

impl Overlay {
    /// Hide the file at `path`.
    pub fn hide(&mut self, path: PathBuf) {
        self.hidden.insert(path);
    }

    /// Read `bytes` for the file at `path`.
    pub fn replace(&mut self, path: PathBuf, bytes: Vec<u8>) {
        self.replaced.insert(path, bytes);
    }
}

/// Add `overlay` to what is read from disk from now on.
pub fn hide_dated(overlay: Overlay) {
    DATED.with(|d| {
        let mut d = d.borrow_mut();
        d.hidden.extend(overlay.hidden);
        d.replaced.extend(overlay.replaced);
    });
}

/// Whether the file at `path` is hidden as dated after `--as-of`: it did
/// not exist yet on that day.
pub fn hidden(path: &Path) -> bool {
    DATED.with(|d| d.borrow().hidden.contains(path))
}

/// Read from `snapshot` from now on (for `--at`).
pub fn show(snapshot: Snapshot) {
    AT.with(|a| *a.borrow_mut() = Some(Rc::new(snapshot)));
}

/// Read from `snapshot` (None: the disk) until [`restore`] is given what
/// this returns: what was read from before.
pub fn swap(snapshot: Option<Snapshot>) -> Option<Rc<Snapshot>> {
    AT.with(|a| std::mem::replace(&mut *a.borrow_mut(), snapshot.map(Rc::new)))
}

/// Read from what [`swap`] returned again.
pub fn restore(before: Option<Rc<Snapshot>>) {
    AT.with(|a| *a.borrow_mut() = before);
}

/// The revision being shown, if any.
pub fn shown_revision() -> Option<String> {
    AT.with(|a| a.borrow().as_ref().map(|s| s.named.clone()))
}

/// What is at a path of the project, in the revision shown.
pub enum Entry {
    File(Vec<u8>),
    Dir,
    Missing,
}

/// What the revision shown has at `path`; None when no revision is shown
/// (read the disk) or `path` is not in the project. Without a revision, a
/// file hidden or rewritten for `--as-of` is what the overlay says.
pub fn lookup(path: &Path) -> Option<Entry> {
    AT.with(|a| {
        let a = a.borrow();
        let Some(s) = a.as_ref() else {
            return DATED.with(|d| {
                let d = d.borrow();
                if let Some(bytes) = d.replaced.get(path) {
                    Some(Entry::File(bytes.clone()))
                } else if d.hidden.contains(path) {
                    Some(Entry::Missing)
                } else {
                    None
                }
            });
        };
        let rel = relative(&s.root, path)?;
        Some(if rel.is_empty() || s.dirs.contains(&rel) {
            Entry::Dir
        } else {
            match s.files.get(&rel) {
                Some(bytes) => Entry::File(bytes.clone()),
                None => Entry::Missing,
            }
        })
    })
}

/// The names in the folder `dir` of the revision shown, with whether each
/// is a folder; None when no revision is shown or `dir` is not in the
/// project. A folder it does not have has no names.
pub fn list(dir: &Path) -> Option<Vec<(String, bool)>> {
    AT.with(|a| {
        let a = a.borrow();
        let s = a.as_ref()?;
        let rel = relative(&s.root, dir)?;
        let prefix = if rel.is_empty() { String::new() } else { format!("{rel}/") };
        let mut names = BTreeMap::new();
        let below = |key: &String| key.starts_with(&prefix);
        for key in s.files.keys().filter(|k| below(k)) {
            let rest = &key[prefix.len()..];
            match rest.split_once('/') {
                Some((name, _)) => names.insert(name.to_string(), true),
                None => names.insert(rest.to_string(), false),
            };
        }
        Some(names.into_iter().collect())
    })
}

/// `path` relative to `root`, with `/` between names.
fn relative(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Option<Vec<&str>> = rel
        .components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .map(|c| match c {
            std::path::Component::Normal(n) => n.to_str(),
            _ => None,
        })
        .collect();
    Some(parts?.join("/"))
}

/// Whether `path` is a file (in the revision shown, or on disk).
pub fn is_file(path: &Path) -> bool {
    match lookup(path) {
        Some(e) => matches!(e, Entry::File(_)),
        None => path.is_file(),
    }
}

/// Whether `path` is a folder (in the revision shown, or on disk).
pub fn is_dir(path: &Path) -> bool {
    match lookup(path) {
        Some(e) => matches!(e, Entry::Dir),
        None => path.is_dir(),
    }
}

/// Whether anything is at `path` (in the revision shown, or on disk).
pub fn exists(path: &Path) -> bool {
    match lookup(path) {
        Some(e) => !matches!(e, Entry::Missing),
        None => std::fs::symlink_metadata(path).is_ok(),
    }
}
