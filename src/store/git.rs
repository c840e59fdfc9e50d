//! The project as git has it: revisions named the way git reads them, and
//! the project's files at a commit, read from git's objects (no checkout,
//! no temporary work tree).
//!
//! It talks to the `git` program: `rev-parse` to name commits, `ls-tree` to
//! list a commit's files, and one `cat-file --batch` process that streams
//! every file's bytes. git's batch interface was chosen over a library (gix)
//! because it reads what the user's own git reads — every object format,
//! packs, alternates, partial and shallow clones, and their configuration —
//! with no second implementation to keep in step, and it adds no
//! dependencies; one process reads any number of files, so the cost is one
//! start-up plus the bytes.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use anyhow::{Context, Result};

use crate::error::UserError;
use crate::tr;

/// The repository a project is in, and where in it the project is.
pub struct Repo {
    /// The top of the work tree.
    top: PathBuf,
    /// The project folder inside the repository (`""`, or `a/b/`).
    prefix: String,
}

/// A commit, by its id, with what the user called it.
#[derive(Debug, Clone)]
pub struct Commit {
    pub id: String,
    pub named: String,
}

impl Commit {
    /// The first 10 characters of the id, as people quote commits.
    pub fn short(&self) -> &str {
        &self.id[..self.id.len().min(10)]
    }
}

impl Repo {
    /// The repository the project at `root` is in; a one-line error when
    /// there is none or git cannot be run.
    pub fn of(root: &Path) -> Result<Repo> {
        let out = git(root, &["rev-parse", "--show-toplevel", "--show-prefix"]).map_err(|_| {
            UserError::new(tr!(
                "git kan ikke kjøres her; installer git og prøv igjen",
                "git cannot be run here; install git and try again"
            ))
        })?;
        if !out.status.success() {
            return Err(UserError::new(tr!(
                "{} er ikke i et git-repo",
                "{} is not in a git repository",
                root.display()
            ))
            .hint(tr!(
                "lag et med `git init` og lagre prosjektet med `git add . && git commit`",
                "make one with `git init` and save the project with `git add . && git commit`"
            ))
            .into());
        }
        let text = String::from_utf8_lossy(&out.stdout);
        let mut lines = text.lines();
        let top = PathBuf::from(lines.next().unwrap_or_default());
        let prefix = lines.next().unwrap_or_default().to_string();
        Ok(Repo { top, prefix })
    }

    /// The commit `rev` names (a commit id, tag, branch, `HEAD~2`…).
    pub fn commit(&self, rev: &str) -> Result<Commit> {
        let unknown = || -> anyhow::Error {
            UserError::new(tr!(
                "«{rev}» er ingen revisjon i dette git-repoet",
                "`{rev}` is not a revision in this git repository"
            ))
            .hint(tr!(
                "bruk en commit, en tag eller en gren; se dem med `git log --oneline` og `git branch -a`",
                "use a commit, a tag or a branch; see them with `git log --oneline` and `git branch -a`"
            ))
            .into()
        };
        if rev.is_empty() || rev.starts_with('-') {
            return Err(unknown());
        }
        let spec = format!("{rev}^{{commit}}");
        let out = git(&self.top, &["rev-parse", "--verify", "--quiet", "--end-of-options", &spec])?;
        if !out.status.success() {
            return Err(unknown());
        }
        let id = String::from_utf8_lossy(&out.stdout).trim().to_string();
        Ok(Commit { id, named: rev.to_string() })
    }

    /// The commit `rev` names, or, for a date (YYYY-MM-DD) that names no
    /// branch or tag, the last commit on or before that day (for `--at`).
    pub fn commit_at(&self, rev: &str) -> Result<Commit> {
        match self.commit(rev) {
            Ok(c) => Ok(c),
            Err(e) => {
                if crate::model::date::Date::parse(rev).is_none() {
                    return Err(e);
                }
                let before = format!("--before={rev} 23:59:59");
                let out =
                    git(&self.top, &["rev-list", "-1", "--first-parent", &before, "HEAD", "--"])?;
                let id = String::from_utf8_lossy(&out.stdout).trim().to_string();
                if !out.status.success() || id.is_empty() {
                    return Err(UserError::new(tr!(
                        "ingen commit den {rev} eller før",
                        "no commit on or before {rev}"
                    ))
                    .hint(tr!(
                        "se hvor historikken starter med `git log --reverse --format=%ad --date=short | head -1`",
                        "see where the history starts with `git log --reverse --format=%ad --date=short | head -1`"
                    ))
                    .into());
                }
                Ok(Commit { id, named: rev.to_string() })
            }
        }
    }

    /// The best common ancestor of `a` and `b` (for `A...B`).
    pub fn merge_base(&self, a: &Commit, b: &Commit) -> Result<Commit> {
        let out = git(&self.top, &["merge-base", &a.id, &b.id])?;
        if !out.status.success() {
            return Err(UserError::new(tr!(
                "{} og {} har ingen felles forgjenger",
                "{} and {} have no common ancestor",
                a.named,
                b.named
            ))
            .hint(tr!(
                "en grunn klone kan mangle den; hent mer historikk med `git fetch --deepen=100`",
                "a shallow clone may lack it; fetch more history with `git fetch --deepen=100`"
            ))
            .into());
        }
        let id = String::from_utf8_lossy(&out.stdout).trim().to_string();
        let named = tr!(
            "felles forgjenger av {} og {}",
            "the common ancestor of {} and {}",
            a.named,
            b.named
        );
        Ok(Commit { id, named })
    }

    /// The project's files at `commit` whose path (relative to the project
    /// folder) `wanted` accepts, with their bytes. Links and submodules are
    /// left out, as the work tree's reader leaves them out.
    pub fn files_at(
        &self,
        commit: &Commit,
        wanted: impl Fn(&str) -> bool,
    ) -> Result<BTreeMap<String, Vec<u8>>> {
        let spec = if self.prefix.is_empty() { ".".to_string() } else { self.prefix.clone() };
        let out = git(&self.top, &["ls-tree", "-r", "-z", "--full-tree", &commit.id, "--", &spec])?;
        if !out.status.success() {
            return Err(UserError::new(tr!(
                "kunne ikke lese filene i {}: {}",
                "could not read the files of {}: {}",
                commit.named,
                String::from_utf8_lossy(&out.stderr).trim()
            ))
            .into());
        }
        let mut blobs = Vec::new();
        for entry in out.stdout.split(|b| *b == 0) {
            let Ok(entry) = std::str::from_utf8(entry) else { continue };
            let Some((meta, path)) = entry.split_once('\t') else { continue };
            let mut parts = meta.split(' ');
            let (mode, kind, oid) = (parts.next(), parts.next(), parts.next());
            let (Some(mode), Some("blob"), Some(oid)) = (mode, kind, oid) else { continue };
            if mode == "120000" {
                continue;
            }
            let Some(rel) = path.strip_prefix(self.prefix.as_str()) else { continue };
            if wanted(rel) {
                blobs.push((rel.to_string(), oid.to_string()));
            }
        }
        let contents = self.read_blobs(blobs.iter().map(|(_, oid)| oid.as_str()))?;
        Ok(blobs.into_iter().map(|(rel, _)| rel).zip(contents).collect())
    }

    /// The bytes of each object, in order, from one `git cat-file --batch`.
    fn read_blobs<'a>(&self, oids: impl Iterator<Item = &'a str>) -> Result<Vec<Vec<u8>>> {
        let input: String = oids.map(|o| format!("{o}\n")).collect();
        if input.is_empty() {
            return Ok(Vec::new());
        }
        let mut child = Command::new("git")
            .args(["cat-file", "--batch"])
            .current_dir(&self.top)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .context(tr!("kunne ikke kjøre git", "could not run git"))?;
        let mut stdin = child.stdin.take().context("git cat-file: no stdin")?;
        // Written from a thread, so neither side waits on a full pipe.
        let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
        let stdout = child.stdout.take().context("git cat-file: no stdout")?;
        let mut reader = BufReader::with_capacity(1 << 16, stdout);
        let mut out = Vec::new();
        let mut header = String::new();
        loop {
            header.clear();
            if reader.read_line(&mut header)? == 0 {
                break;
            }
            let mut parts = header.split_whitespace();
            let (_, kind, size) = (parts.next(), parts.next(), parts.next());
            let Some(size) = size.and_then(|s| s.parse::<usize>().ok()) else {
                // `<oid> missing`: a shallow or partial clone without it.
                out.push(Vec::new());
                continue;
            };
            let mut bytes = vec![0; size];
            reader.read_exact(&mut bytes)?;
            let mut newline = [0u8; 1];
            reader.read_exact(&mut newline)?;
            out.push(if kind == Some("blob") { bytes } else { Vec::new() });
        }
        let _ = writer.join();
        let _ = child.wait();
        Ok(out)
    }
}

/// One commit of the history, newest first.
#[derive(Debug, Clone)]
pub struct LogEntry {
    pub commit: Commit,
    /// Its first parent; None for the first commit (or where a shallow
    /// clone's history ends).
    pub parent: Option<Commit>,
    /// The author's date, YYYY-MM-DD.
    pub date: String,
    pub author: String,
    pub subject: String,
}

impl Repo {
    /// The commits (merges left out) that changed the project's files at
    /// `rel` (relative to the project folder; the whole project when
    /// `rel` is empty), newest first.
    pub fn log(&self, rel: &str) -> Result<Vec<LogEntry>> {
        let path = format!("{}{rel}", self.prefix);
        let path = if path.is_empty() { ".".to_string() } else { path };
        let format = "--format=%H%x1f%P%x1f%ad%x1f%an%x1f%s%x1e";
        let out =
            git(&self.top, &["log", "--no-merges", "--date=short", format, "HEAD", "--", &path])?;
        if !out.status.success() {
            // A repository without commits has no history yet.
            return Ok(Vec::new());
        }
        let shallow = self.shallow_ends()?;
        let text = String::from_utf8_lossy(&out.stdout);
        let mut entries = Vec::new();
        for record in text.split('\u{1e}') {
            let fields: Vec<&str> = record.trim_start_matches('\n').split('\u{1f}').collect();
            let [id, parents, date, author, subject] = fields[..] else { continue };
            let parent = parents
                .split(' ')
                .next()
                .filter(|p| !p.is_empty() && !shallow.iter().any(|s| s == id))
                .map(|p| Commit { id: p.to_string(), named: p[..p.len().min(10)].to_string() });
            entries.push(LogEntry {
                commit: Commit { id: id.to_string(), named: id[..id.len().min(10)].to_string() },
                parent,
                date: date.to_string(),
                author: author.to_string(),
                subject: subject.to_string(),
            });
        }
        Ok(entries)
    }

    /// The commits where a shallow clone's history ends (their parents are
    /// not there).
    fn shallow_ends(&self) -> Result<Vec<String>> {
        let out = git(&self.top, &["rev-parse", "--git-path", "shallow"])?;
        let path = self.top.join(String::from_utf8_lossy(&out.stdout).trim());
        Ok(std::fs::read_to_string(path)
            .map(|t| t.lines().map(str::to_string).collect())
            .unwrap_or_default())
    }

    /// The project's files (relative to the project folder) that differ
    /// between `parent` (None: nothing) and `commit`.
    pub fn changed(&self, parent: Option<&Commit>, commit: &Commit) -> Result<Vec<String>> {
        let spec = if self.prefix.is_empty() { ".".to_string() } else { self.prefix.clone() };
        let mut args = vec!["diff-tree", "-r", "-z", "--name-only", "--no-commit-id"];
        match parent {
            Some(p) => args.extend([p.id.as_str(), commit.id.as_str()]),
            None => args.extend(["--root", commit.id.as_str()]),
        }
        args.extend(["--", spec.as_str()]);
        let out = git(&self.top, &args)?;
        Ok(out
            .stdout
            .split(|b| *b == 0)
            .filter_map(|p| std::str::from_utf8(p).ok())
            .filter_map(|p| p.strip_prefix(self.prefix.as_str()))
            .filter(|p| !p.is_empty())
            .map(str::to_string)
            .collect())
    }
}

impl Repo {
    /// The commit HEAD names, or None in a repository without commits yet.
    pub fn head(&self) -> Result<Option<Commit>> {
        let out = git(
            &self.top,
            &["rev-parse", "--verify", "--quiet", "--end-of-options", "HEAD^{commit}"],
        )?;
        if !out.status.success() {
            return Ok(None);
        }
        let id = String::from_utf8_lossy(&out.stdout).trim().to_string();
        Ok(Some(Commit { named: id[..id.len().min(10)].to_string(), id }))
    }

    /// The project's files (relative to the project folder) that differ
    /// from HEAD in the index or the work tree, new files not yet added
    /// included, sorted.
    pub fn uncommitted(&self) -> Result<Vec<String>> {
        let spec = if self.prefix.is_empty() { ".".to_string() } else { self.prefix.clone() };
        let out = git(
            &self.top,
            &[
                "status",
                "--porcelain=v1",
                "-z",
                "--untracked-files=all",
                "--no-renames",
                "--",
                &spec,
            ],
        )?;
        if !out.status.success() {
            return Err(UserError::new(tr!(
                "git status feilet: {}",
                "git status failed: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            ))
            .into());
        }
        let mut files: Vec<String> = out
            .stdout
            .split(|b| *b == 0)
            .filter_map(|e| std::str::from_utf8(e).ok())
            .filter(|e| e.len() > 3)
            .filter_map(|e| e[3..].strip_prefix(self.prefix.as_str()))
            .map(str::to_string)
            .collect();
        files.sort();
        files.dedup();
        Ok(files)
    }
}

fn git(dir: &Path, args: &[&str]) -> Result<std::process::Output> {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .context(tr!("kunne ikke kjøre git", "could not run git"))
}

/// The project folder `root` as committed at `rev` (a commit, tag, branch,
/// or a date: the last commit on or before it), from git's objects.
pub fn snapshot(root: &Path, rev: &str) -> Result<super::source::Snapshot> {
    let repo = Repo::of(root)?;
    let commit = repo.commit_at(rev)?;
    let files = repo.files_at(&commit, |_| true)?;
    Ok(super::source::Snapshot::new(root, rev.to_string(), files))
}
