//! The test harness: a sandbox folder per test, a hermetic `veikart` (and
//! `git`) command, the result of a run, and a byte-for-byte snapshot of a
//! folder tree.
//!
//! Every command starts from a cleaned environment: the variables that change
//! what veikart or git prints (language, "today", colour, width, git config)
//! are removed and then pinned, so a developer's shell cannot change a result.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

/// "Today" for every run (SPEC §3: `VEIKART_TODAY` pins it for tests).
pub const TODAY: &str = "2026-11-23";

/// What a folder looks like in a [`snapshot`]: a value no file can be
/// confused with, since real files are compared by their bytes.
pub const FOLDER: &[u8] = b"\0<folder>\0";

/// Variables removed from every command before the pinned ones are set.
const CLEARED: &[&str] = &[
    "NO_COLOR",
    "CLICOLOR",
    "CLICOLOR_FORCE",
    "FORCE_COLOR",
    "COLUMNS",
    "LINES",
    "TERM",
    "PAGER",
    "HOME",
    "XDG_CONFIG_HOME",
    "EMAIL",
];

/// The path of the binary under test.
pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_veikart")
}

/// Remove everything that could leak in from the caller's environment, then
/// pin what the tests rely on. `home` becomes `HOME` (git reads its config there).
fn hermetic(cmd: &mut Command, home: &Path) {
    for (key, _) in std::env::vars_os() {
        let key_str = key.to_string_lossy();
        if key_str.starts_with("VEIKART_") || key_str.starts_with("GIT_") {
            cmd.env_remove(&key);
        }
    }
    for key in CLEARED {
        cmd.env_remove(key);
    }
    cmd.env("VEIKART_TODAY", TODAY)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "200")
        .env("HOME", home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_AUTHOR_NAME", "Kari Nordmann")
        .env("GIT_AUTHOR_EMAIL", "kari@fjordvik.kommune.no")
        .env("GIT_COMMITTER_NAME", "Kari Nordmann")
        .env("GIT_COMMITTER_EMAIL", "kari@fjordvik.kommune.no")
        .env("GIT_AUTHOR_DATE", "2026-11-23T10:00:00+01:00")
        .env("GIT_COMMITTER_DATE", "2026-11-23T10:00:00+01:00");
}

/// One test's private corner of the file system: `home/` for `HOME` and
/// `work/` where projects are made. Removed when dropped.
pub struct Sandbox {
    _tmp: TempDir,
    pub home: PathBuf,
    pub work: PathBuf,
}

impl Default for Sandbox {
    fn default() -> Self {
        Self::new()
    }
}

impl Sandbox {
    pub fn new() -> Sandbox {
        let tmp = tempfile::Builder::new().prefix("veikart-test-").tempdir().expect("temp dir");
        // Canonical, so paths veikart prints match the paths the test builds.
        let base = tmp.path().canonicalize().expect("canonical temp dir");
        let home = base.join("home");
        let work = base.join("work");
        fs::create_dir_all(&home).expect("create home");
        fs::create_dir_all(&work).expect("create work");
        Sandbox { _tmp: tmp, home, work }
    }

    /// `veikart ARGS` in `cwd`, with the hermetic environment.
    pub fn command<I, S>(&self, cwd: &Path, args: I) -> Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.command_of(bin(), cwd, args)
    }

    /// `PROGRAM ARGS` in `cwd`, with the same hermetic environment (for a
    /// wrapper such as `sh -c` that then runs veikart).
    pub fn command_of<I, S>(&self, program: impl AsRef<OsStr>, cwd: &Path, args: I) -> Command
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let mut cmd = Command::new(program);
        hermetic(&mut cmd, &self.home);
        cmd.current_dir(cwd).args(args);
        cmd
    }

    /// Run `veikart ARGS` in `cwd` and collect what it printed.
    ///
    /// Every successful run that writes is held to the promise of the
    /// records engine: no file it wrote holds a problem `check` calls a
    /// contradiction (or personal data), and it made no new contradiction
    /// elsewhere in the project (see [`assert_write_is_clean`]).
    pub fn run<I, S>(&self, cwd: &Path, args: I) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let args: Vec<std::ffi::OsString> =
            args.into_iter().map(|a| a.as_ref().to_os_string()).collect();
        let root = project_root(cwd, &args);
        let before = root.as_deref().map(|r| (snapshot(r), self.contradictions(r)));
        let mut cmd = self.command(cwd, &args);
        let run = Run::of(&mut cmd);
        if let (Some(root), Some((files, problems))) = (root.as_deref(), before)
            && run.code == 0
        {
            self.assert_write_is_clean(root, &files, &problems, &run);
        }
        run
    }

    /// The blocking problems `check` finds in the project at `root`, as
    /// `path code message` lines, with the paths of files holding them; `None`
    /// when `check` cannot run there.
    fn contradictions(&self, root: &Path) -> Option<Vec<(String, String)>> {
        if !root.join("veikart.toml").is_file() {
            return None;
        }
        let out =
            self.command(root, ["check", "--format", "json", "--lang", "en"]).output().ok()?;
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).ok()?;
        let mut found = Vec::new();
        for d in v["diagnostics"].as_array()? {
            let error = d["severity"] == "error" && d["incomplete"] != true;
            let personal = d["code"] == "personal-id";
            if error || personal {
                let path = d["path"].as_str().unwrap_or_default().to_string();
                found.push((path, format!("{} [{}] {}", d["path"], d["code"], d["message"])));
            }
        }
        Some(found)
    }

    /// After a successful run in the project at `root` (`files` and
    /// `problems` as they were before it): a file the run wrote holds no
    /// contradiction, and no file gained one.
    fn assert_write_is_clean(
        &self,
        root: &Path,
        files: &BTreeMap<PathBuf, Vec<u8>>,
        problems: &Option<Vec<(String, String)>>,
        run: &Run,
    ) {
        let after = snapshot(root);
        let written: Vec<String> = after
            .iter()
            .filter(|(p, b)| files.get(*p) != Some(*b) && b.as_slice() != FOLDER)
            .map(|(p, _)| p.to_string_lossy().replace('\\', "/"))
            .collect();
        if written.is_empty() && after.len() == files.len() {
            return;
        }
        let Some(now) = self.contradictions(root) else { return };
        let before: Vec<&String> =
            problems.as_ref().map(|p| p.iter().map(|(_, l)| l).collect()).unwrap_or_default();
        let bad: Vec<&String> = now
            .iter()
            .filter(|(path, line)| written.contains(path) || !before.contains(&line))
            .map(|(_, line)| line)
            .collect();
        assert!(
            bad.is_empty(),
            "a successful write left problems `check` calls contradictions:\n{}\n{run}",
            bad.iter().map(|l| format!("  {l}")).collect::<Vec<_>>().join("\n")
        );
    }

    /// Run `git ARGS` in `cwd` with the same environment.
    pub fn git<I, S>(&self, cwd: &Path, args: I) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        let mut cmd = Command::new("git");
        hermetic(&mut cmd, &self.home);
        cmd.current_dir(cwd).args(args);
        Run::of(&mut cmd)
    }

    /// `veikart init prosjekt --name "Digital legevakt" --municipality "Fjordvik kommune"`
    /// in `work/`, which must succeed.
    pub fn init_project(&self) -> Project<'_> {
        self.run(
            &self.work,
            [
                "init",
                "prosjekt",
                "--name",
                "Digital legevakt",
                "--municipality",
                "Fjordvik kommune",
                "--service",
                "Legevakt",
            ],
        )
        .success();
        Project { sb: self, root: self.work.join("prosjekt") }
    }
}

/// The project a command run in `cwd` with `args` works on: the folder of
/// `-C DIR`/`--project DIR`, else the nearest folder from `cwd` upwards
/// that holds `veikart.toml`. `None` for commands that make a project
/// (`init`, `idea promote`) and where there is none.
fn project_root(cwd: &Path, args: &[std::ffi::OsString]) -> Option<PathBuf> {
    let words: Vec<String> = args.iter().map(|a| a.to_string_lossy().into_owned()).collect();
    if words.iter().any(|w| w == "init" || w == "promote") {
        return None;
    }
    let mut dir = None;
    for (i, w) in words.iter().enumerate() {
        if w == "-C" || w == "--project" {
            dir = words.get(i + 1).map(PathBuf::from);
        } else if let Some(v) = w.strip_prefix("--project=") {
            dir = Some(PathBuf::from(v));
        }
    }
    match dir {
        Some(d) => {
            let d = cwd.join(d);
            d.join("veikart.toml").is_file().then_some(d)
        }
        None => cwd.ancestors().find(|d| d.join("veikart.toml").is_file()).map(Path::to_path_buf),
    }
}

/// An initialised project inside a [`Sandbox`].
pub struct Project<'a> {
    pub sb: &'a Sandbox,
    pub root: PathBuf,
}

impl Project<'_> {
    /// `veikart ARGS` run from the project's root folder.
    pub fn run<I, S>(&self, args: I) -> Run
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.sb.run(&self.root, args)
    }

    /// `veikart idea add TITLE EXTRA...`, which must succeed; returns the id it printed.
    pub fn add_idea(&self, title: &str, extra: &[&str]) -> String {
        let mut args = vec!["idea", "add", title];
        args.extend_from_slice(extra);
        let run = self.run(&args).success();
        let id = run.stdout.trim().to_string();
        assert!(!id.is_empty() && !id.contains('\n'), "idea add printed no single id:\n{run}");
        id
    }

    /// `veikart idea assess ID --feasibility F --benefit B [--cost C]`, which must succeed.
    pub fn assess(&self, id: &str, feasibility: u8, benefit: u8, cost: Option<u8>) {
        let (f, b) = (feasibility.to_string(), benefit.to_string());
        let mut args = vec!["idea", "assess", id, "--feasibility", &f, "--benefit", &b];
        let c = cost.map(|c| c.to_string());
        if let Some(c) = &c {
            args.extend_from_slice(&["--cost", c]);
        }
        self.run(&args).success();
    }

    /// The benefit «Kortere ventetid» with the indicator `name`: minutes,
    /// from 40 down to 20 by 2027-06-30; `extra` are more options of
    /// `benefit plan` (`--baseline-date`). Both must succeed.
    pub fn plan_waiting_time(&self, name: &str, extra: &[&str]) {
        if !self.path("benefits/kortere-ventetid.toml").exists() {
            self.run(["benefit", "add", "Kortere ventetid", "--type", "tid"]).success();
        }
        let plan = ["benefit", "plan", "kortere", "--indicator", name, "--unit", "min"];
        let values = ["--baseline", "40", "--target", "20", "--by", "2027-06-30"];
        self.run([&plan[..], &values, extra].concat()).success();
    }

    /// The checklist item that uses the automatic rule `name`, as
    /// `checklist --all --format json` shows it.
    pub fn rule_item(&self, name: &str) -> serde_json::Value {
        let json = self.run(["checklist", "--all", "--format", "json"]).success().json();
        let phases = json["phases"].as_array().cloned().unwrap_or_default();
        phases
            .iter()
            .flat_map(|ph| ph["items"].as_array().cloned().unwrap_or_default())
            .find(|i| i["rule"] == name)
            .unwrap_or_else(|| panic!("no item uses the rule {name}\n{json}"))
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// Write a file below the project root, creating folders as needed.
    pub fn write(&self, rel: &str, text: &str) {
        write(&self.path(rel), text);
    }

    pub fn read(&self, rel: &str) -> String {
        read(&self.path(rel))
    }

    pub fn snapshot(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        snapshot(&self.root)
    }

    /// `idea list --format json`, parsed; returns the `ideas` array.
    pub fn ideas_json(&self, extra: &[&str]) -> Vec<serde_json::Value> {
        let mut args = vec!["idea", "list", "--format", "json"];
        args.extend_from_slice(extra);
        let v = self.run(&args).success().json();
        assert_eq!(v["version"], 2, "idea list JSON carries version 2: {v}");
        v["ideas"].as_array().expect("`ideas` is an array").clone()
    }

    /// The ids of `idea list EXTRA --format json`, in the order printed.
    pub fn listed_ids(&self, extra: &[&str]) -> Vec<String> {
        self.ideas_json(extra)
            .iter()
            .map(|i| i["id"].as_str().expect("every idea has an id").to_string())
            .collect()
    }

    /// The record file of an idea, parsed as TOML.
    pub fn idea_toml(&self, id: &str) -> toml::Table {
        let text = self.read(&format!("ideas/{id}.toml"));
        text.parse::<toml::Table>()
            .unwrap_or_else(|e| panic!("ideas/{id}.toml is not valid TOML: {e}\n{text}"))
    }
}

/// What one run of a command printed and how it ended.
pub struct Run {
    pub command: String,
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn of(cmd: &mut Command) -> Run {
        let command = describe(cmd);
        let out = cmd.output().unwrap_or_else(|e| panic!("could not start {command}: {e}"));
        Run::from_output(command, out)
    }

    pub fn from_output(command: String, out: Output) -> Run {
        let code = out
            .status
            .code()
            .unwrap_or_else(|| panic!("{command} was killed by a signal: {:?}", out.status));
        Run {
            command,
            code,
            stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
        }
    }

    /// Assert the exit code, showing everything printed when it differs.
    pub fn code(self, expected: i32) -> Run {
        assert_eq!(self.code, expected, "unexpected exit code\n{self}");
        self
    }

    pub fn success(self) -> Run {
        self.code(0)
    }

    /// Assert exit code 2 and a one-line error first on stderr, returning that line.
    pub fn failure(self) -> (Run, String) {
        let run = self.code(2);
        let first = run.stderr.lines().next().unwrap_or_default().to_string();
        assert!(
            first.starts_with("feil: ") || first.starts_with("error: "),
            "stderr should start with a one-line `feil:`/`error:` message\n{run}"
        );
        assert!(!run.stderr.contains("panicked"), "a panic is a bug\n{run}");
        (run, first)
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON: {e}\n{self}"))
    }

    /// The lines of stdout.
    pub fn out_lines(&self) -> Vec<&str> {
        self.stdout.lines().collect()
    }
}

impl fmt::Display for Run {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "command: {}\nexit code: {}\n--- stdout ---\n{}--- stderr ---\n{}--- end ---",
            self.command, self.code, self.stdout, self.stderr
        )
    }
}

fn describe(cmd: &Command) -> String {
    let mut s = cmd.get_program().to_string_lossy().into_owned();
    if s.ends_with("veikart") {
        s = "veikart".to_string();
    }
    for a in cmd.get_args() {
        s.push(' ');
        let a = a.to_string_lossy();
        if a.contains(' ') || a.is_empty() || a.chars().any(char::is_control) {
            s.push_str(&format!("{a:?}"));
        } else {
            s.push_str(&a);
        }
    }
    if let Some(dir) = cmd.get_current_dir() {
        s.push_str(&format!("  (in {})", dir.display()));
    }
    s
}

/// The subcommand names listed under `heading` in a help text (not `help`).
pub fn subcommands(help: &str, heading: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut inside = false;
    for line in help.lines() {
        if line == heading {
            inside = true;
            continue;
        }
        if !inside {
            continue;
        }
        if line.trim().is_empty() {
            break;
        }
        // Entries are indented by two spaces; wrapped descriptions by more.
        if let Some(rest) = line.strip_prefix("  ")
            && !rest.starts_with(' ')
            && let Some(name) = rest.split_whitespace().next()
            && name != "help"
        {
            out.push(name.to_string());
        }
    }
    out
}

/// Copy the folder `from` with everything in it to `to` (made if missing).
pub fn copy_tree(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("mkdir");
    for entry in fs::read_dir(from).expect("read_dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

pub fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("create parent folders");
    }
    fs::write(path, text).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
}

pub fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

/// Every file (its bytes) and folder ([`FOLDER`]) below `dir`, keyed by the
/// path relative to `dir`. Symlinks are recorded by their target, not followed.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        let entries = fs::read_dir(dir).unwrap_or_else(|e| panic!("list {}: {e}", dir.display()));
        for entry in entries {
            let entry = entry.expect("folder entry");
            let path = entry.path();
            let rel = path.strip_prefix(root).expect("below root").to_path_buf();
            let ty = entry.file_type().expect("file type");
            if ty.is_symlink() {
                let target = fs::read_link(&path).expect("read link");
                let mut v = b"\0<symlink>\0".to_vec();
                v.extend_from_slice(target.to_string_lossy().as_bytes());
                out.insert(rel, v);
            } else if ty.is_dir() {
                out.insert(rel, FOLDER.to_vec());
                walk(root, &path, out);
            } else {
                let bytes =
                    fs::read(&path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
                out.insert(rel, bytes);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// Assert two snapshots are the same, naming every path that differs.
pub fn assert_same_tree(
    before: &BTreeMap<PathBuf, Vec<u8>>,
    after: &BTreeMap<PathBuf, Vec<u8>>,
    context: &dyn fmt::Display,
) {
    let mut diffs = Vec::new();
    for (path, bytes) in before {
        match after.get(path) {
            None => diffs.push(format!("removed: {}", path.display())),
            Some(b) if b != bytes => diffs.push(format!(
                "changed: {}\n  before: {:?}\n  after:  {:?}",
                path.display(),
                String::from_utf8_lossy(bytes),
                String::from_utf8_lossy(b)
            )),
            Some(_) => {}
        }
    }
    for path in after.keys().filter(|p| !before.contains_key(*p)) {
        diffs.push(format!("added: {}", path.display()));
    }
    assert!(diffs.is_empty(), "files changed:\n{}\n{context}", diffs.join("\n"));
}

/// Run `args` in the project, asserting it fails with exit 2, prints a
/// one-line error containing every string of `expect`, and leaves every file
/// of `tree` byte-for-byte as it was. Returns the run.
pub fn assert_refused(project: &Project, tree: &Path, args: &[&str], expect: &[&str]) -> Run {
    let before = snapshot(tree);
    let (run, first) = project.run(args).failure();
    let after = snapshot(tree);
    assert_same_tree(&before, &after, &run);
    for e in expect {
        assert!(first.contains(e), "the error line should contain {e:?}: {first:?}\n{run}");
    }
    run
}

/// A minimal valid idea file.
pub fn idea_text(title: &str) -> String {
    format!("title = \"{title}\"\nstatus = \"new\"\nsubmitted = 2026-11-01\n")
}

/// A fresh copy of the bundled example project inside `sb`.
pub fn example_copy(sb: &Sandbox) -> Project<'_> {
    let root = sb.work.join("fjordvik-legevakt");
    copy_tree(&Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/fjordvik-legevakt"), &root);
    Project { sb, root }
}
