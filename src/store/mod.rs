//! The project folder on disk: finding it, reading records, and writing them
//! one file at a time (SPEC §2). Every write goes through [`Project::create`]
//! or [`Project::edit`].

pub mod dated;
pub mod edit;
pub mod fsutil;
pub mod git;
pub mod init;
pub mod journal;
pub mod lock;
pub mod output_schema;
pub mod record;
pub mod refs;
pub mod roadmap;
pub mod scan;
pub mod schema;
pub mod source;
pub mod write;

use std::fs;
use std::io::ErrorKind;
use std::path::{Component, Path, PathBuf};

use anyhow::{Context, Result};
use toml_edit::DocumentMut;

use crate::diag::Diagnostic;
use crate::error::UserError;
use crate::model::Kind;
use crate::model::display::Change;
use crate::model::id::{self, Lookup};
use crate::model::project::{self, ProjectInfo};
use crate::model::roadmap::Roadmap;
use crate::model::schema::KindSpec;
use crate::model::value::{Fields, Value};
use crate::tr;

/// The name of the project file at a project's root.
pub const PROJECT_FILE: &str = "veikart.toml";

/// An open project: its root folder and its project file.
#[derive(Debug)]
pub struct Project {
    pub root: PathBuf,
    /// How paths are shown to the user: the root as typed, or relative to the
    /// working folder when found by walking up.
    prefix: PathBuf,
    pub info: ProjectInfo,
    /// The roadmap, as read when the project was opened (`None` if it could not be).
    roadmap: Option<Roadmap>,
    /// "Today", for the rules a write runs (see [`Project::with_today`]).
    pub today: crate::model::date::Date,
}

/// The project file, read and validated.
#[derive(Debug)]
pub struct InfoRead {
    pub info: Option<ProjectInfo>,
    pub diagnostics: Vec<Diagnostic>,
    pub references: Vec<record::Reference>,
    /// The roadmap the project follows, when it could be read.
    pub roadmap: Option<Roadmap>,
}

/// Where a project lives, before its project file is read.
#[derive(Debug, Clone)]
pub struct Location {
    pub root: PathBuf,
    prefix: PathBuf,
}

impl Location {
    /// Refuse a path that leads out of the project through a symbolic link
    /// (a record folder linked to another place, a record file linked to a
    /// file elsewhere): veikart reads and writes only inside the project.
    pub fn inside(&self, path: &Path, shown: &str) -> Result<()> {
        match self.outside(path) {
            None => Ok(()),
            Some(target) => Err(UserError::new(tr!(
                "{shown} fører ut av prosjektet (til {}) gjennom en symbolsk lenke; veikart leser og skriver bare inne i prosjektet",
                "{shown} leads out of the project (to {}) through a symbolic link; veikart reads and writes only inside the project",
                target.display()
            ))
            .hint(tr!(
                "erstatt lenken med en vanlig mappe eller fil i prosjektet",
                "replace the link with a plain folder or file in the project"
            ))
            .into()),
        }
    }

    /// Where `path` really is, when that is outside the project: the path
    /// itself if it exists, else the nearest folder above it that does.
    pub fn outside(&self, path: &Path) -> Option<PathBuf> {
        // A revision from git holds no links: nothing in it leads out.
        if source::lookup(path).is_some() {
            return None;
        }
        let root = self.root.canonicalize().ok()?;
        let mut probe = path;
        loop {
            if let Ok(real) = probe.canonicalize() {
                return (!real.starts_with(&root)).then_some(real);
            }
            probe = probe.parent()?;
        }
    }

    /// Find the project: `explicit` (`-C DIR`) if given, else the nearest
    /// folder from the working folder upwards that holds `veikart.toml`.
    pub fn find(explicit: Option<&Path>) -> Result<Location> {
        if let Some(dir) = explicit {
            let file = dir.join(PROJECT_FILE);
            if !source::is_file(&file) {
                return Err(UserError::new(tr!(
                    "{} er ikke et veikart-prosjekt (fant ingen {PROJECT_FILE})",
                    "{} is not a veikart project (no {PROJECT_FILE} there)",
                    dir.display()
                ))
                .hint(tr!(
                    "start et prosjekt med `veikart init {} --name \"Navn\"`",
                    "start one with `veikart init {} --name \"Name\"`",
                    dir.display()
                ))
                .into());
            }
            return Ok(Location { root: dir.to_path_buf(), prefix: dir.to_path_buf() });
        }
        let cwd = std::env::current_dir()
            .context(tr!("kunne ikke lese arbeidsmappen", "could not read the working folder"))?;
        let mut up = PathBuf::new();
        let mut dir: &Path = &cwd;
        loop {
            if source::is_file(&dir.join(PROJECT_FILE)) {
                return Ok(Location { root: dir.to_path_buf(), prefix: up });
            }
            match dir.parent() {
                Some(p) => {
                    dir = p;
                    up.push("..");
                }
                None => break,
            }
        }
        Err(UserError::new(tr!(
            "fant ikke noe veikart-prosjekt her eller i mappene over",
            "no veikart project here or in any folder above"
        ))
        .hint(tr!(
            "start et med `veikart init --name \"Navn på prosjektet\"`, eller pek på et med `-C MAPPE`",
            "start one with `veikart init --name \"Project name\"`, or point at one with `-C DIR`"
        ))
        .into())
    }

    /// A path inside the project as the user should see it.
    pub fn shown(&self, rel: &str) -> String {
        shown_path(&self.prefix, rel)
    }

    /// Take the project's write lock, for a command that reads what it
    /// needs to decide a write: taken before it reads, held until it is done.
    pub fn lock(&self) -> Result<lock::WriteLock> {
        lock::WriteLock::acquire(&self.root)
    }

    /// Read and validate the project file, returning its diagnostics too.
    pub fn read_info(&self) -> Result<(Option<ProjectInfo>, Vec<Diagnostic>)> {
        let r = self.read_info_full()?;
        Ok((r.info, r.diagnostics))
    }

    /// Like [`Location::read_info`], with the references the file makes.
    pub fn read_info_full(&self) -> Result<InfoRead> {
        let shown = self.shown(PROJECT_FILE);
        // Read only inside the project, as every record is.
        if let Some(d) = self.link_out(PROJECT_FILE) {
            return Ok(InfoRead {
                info: None,
                diagnostics: vec![d],
                references: Vec::new(),
                roadmap: None,
            });
        }
        let text = read_text(&self.root.join(PROJECT_FILE), &shown)?;
        let parsed = record::parse(&project::SPEC, "", &shown, &text);
        let mut diagnostics = parsed.diagnostics;
        let mut roadmap = None;
        let info = match parsed.fields {
            Some(f) if !diagnostics.iter().any(|d| d.severity == crate::diag::Severity::Error) => {
                let mut info = ProjectInfo::from_fields(&f);
                let mut findings = Vec::new();
                match self.roadmap_of(&info) {
                    Ok(r) => {
                        info.phases = r.phase_ids().iter().map(|s| s.to_string()).collect();
                        roadmap = Some(r);
                    }
                    Err(RoadmapProblem::Unknown(f)) => findings.push(*f),
                    Err(RoadmapProblem::File(d)) => diagnostics.extend(d),
                }
                findings.extend(project::rules(&info));
                diagnostics.extend(record::findings_to_diagnostics(&text, &shown, findings));
                Some(info)
            }
            _ => None,
        };
        Ok(InfoRead { info, diagnostics, references: parsed.references, roadmap })
    }

    /// The finding for the file `rel` of the project when it leads out of
    /// the project through a symbolic link (`check`'s `outside-project`).
    fn link_out(&self, rel: &str) -> Option<Diagnostic> {
        let shown = self.shown(rel);
        let e = self.inside(&self.root.join(rel), &shown).err()?;
        let (message, hints) = match e.downcast::<UserError>() {
            Ok(u) => (u.message, u.hints),
            Err(e) => (e.to_string(), Vec::new()),
        };
        let mut d = Diagnostic::file_level(&shown, "outside-project", message);
        d.hints = hints;
        Some(d)
    }

    /// The roadmap `info` names, with the project's own `roadmap.toml` applied.
    fn roadmap_of(&self, info: &ProjectInfo) -> Result<Roadmap, RoadmapProblem> {
        if let Some(d) = self.link_out(roadmap::LOCAL_FILE) {
            return Err(RoadmapProblem::File(vec![d]));
        }
        match roadmap::load(&self.root, &self.shown(roadmap::LOCAL_FILE), &info.roadmap) {
            Ok(Some(r)) => Ok(r),
            Ok(None) => Err(RoadmapProblem::Unknown(Box::new(
                crate::model::schema::Finding::error(
                    "roadmap",
                    Some("roadmap"),
                    tr!("ukjent veikart «{}»", "unknown roadmap `{}`", info.roadmap),
                )
                .hint(tr!(
                    "bruk et innebygd ({}), eller lag ditt eget i {}",
                    "use a built-in one ({}), or define your own in {}",
                    roadmap::builtin_ids().join(", "),
                    roadmap::LOCAL_FILE
                )),
            ))),
            Err(d) => Err(RoadmapProblem::File(d)),
        }
    }

    /// The project's `lang`, if its file can be read; never fails.
    pub fn peek_lang(&self) -> Option<crate::i18n::Lang> {
        if self.outside(&self.root.join(PROJECT_FILE)).is_some() {
            return None;
        }
        let text = read_text(&self.root.join(PROJECT_FILE), PROJECT_FILE).ok()?;
        let doc: toml_edit::Document<String> = toml_edit::Document::parse(text).ok()?;
        doc.get("lang")?.as_str().and_then(crate::i18n::Lang::parse)
    }

    /// Open the project for a command, refusing (exit 2, with the file and
    /// line) while `veikart.toml` holds a contradiction, such as a phase the
    /// roadmap does not have: every command but `check`, `init` and the
    /// `phase set` that repairs it stops there.
    pub fn open(self) -> Result<Project> {
        let r = self.read_info_full()?;
        let blocking: Vec<Diagnostic> =
            r.diagnostics.iter().filter(|d| d.blocks()).cloned().collect();
        if !blocking.is_empty() {
            return Err(broken_file(&blocking));
        }
        self.open_to_repair()
    }

    /// Open the project even while `veikart.toml` names a phase its roadmap
    /// does not have, for `phase set` to put it right.
    pub fn open_to_repair(self) -> Result<Project> {
        let r = self.read_info_full()?;
        match r.info {
            Some(info) => Ok(Project {
                root: self.root,
                prefix: self.prefix,
                info,
                roadmap: r.roadmap,
                today: crate::model::date::Date::EPOCH,
            }),
            None => Err(broken_file(&r.diagnostics)),
        }
    }
}

fn shown_path(prefix: &Path, rel: &str) -> String {
    let p = if prefix.as_os_str().is_empty() { PathBuf::from(rel) } else { prefix.join(rel) };
    let mut s = String::new();
    for (i, c) in p.components().enumerate() {
        match c {
            Component::RootDir => s.push('/'),
            Component::CurDir if i == 0 => s.push('.'),
            other => {
                if !s.is_empty() && !s.ends_with('/') {
                    s.push('/');
                }
                s.push_str(&other.as_os_str().to_string_lossy());
            }
        }
    }
    s
}

/// The error a command (other than `check`) gives for a file it cannot use.
pub fn broken_file(diags: &[Diagnostic]) -> anyhow::Error {
    let first = diags.iter().find(|d| d.severity == crate::diag::Severity::Error).or(diags.first());
    match first {
        Some(d) => {
            let mut e = UserError::new(d.one_line());
            for h in &d.hints {
                e = e.hint(h.clone());
            }
            e.hint(tr!(
                "kjør `veikart check` for å se alle problemer",
                "run `veikart check` to see every problem"
            ))
            .into()
        }
        None => anyhow::anyhow!("internal error: a file was refused without a reason"),
    }
}

/// Read a file the user names (a CSV file to import), with errors that name it.
pub fn read_file(path: &Path, shown: &str) -> Result<Vec<u8>> {
    match fs::metadata(path) {
        Ok(m) if m.is_dir() => {
            return Err(UserError::new(tr!(
                "{shown} er en mappe, ikke en fil",
                "{shown} is a folder, not a file"
            ))
            .into());
        }
        Err(e) if e.kind() == ErrorKind::NotFound => {
            return Err(UserError::new(tr!("{shown} finnes ikke", "{shown} does not exist")).into());
        }
        _ => {}
    }
    fs::read(path).map_err(|e| {
        UserError::new(tr!("kunne ikke lese {shown}: {e}", "could not read {shown}: {e}")).into()
    })
}

/// Line and column (1-based, in characters) of byte `at` in `bytes`, whose
/// first `at` bytes are valid UTF-8.
pub fn utf8_position(bytes: &[u8], at: usize) -> (usize, usize) {
    let good = &bytes[..at.min(bytes.len())];
    let line = good.iter().filter(|b| **b == b'\n').count() + 1;
    let last = good.rsplit(|b| *b == b'\n').next().unwrap_or_default();
    (line, String::from_utf8_lossy(last).chars().count() + 1)
}

/// The largest record file veikart reads (docs/file-format.md): far above
/// any real record, low enough that no file can exhaust memory.
pub const MAX_RECORD_BYTES: u64 = 1024 * 1024;

/// Why a file cannot be read as text: the message (naming the file when the
/// whole file is at fault), the place in it when a place is at fault, hints.
struct Unreadable {
    at: Option<(usize, usize)>,
    message: String,
    hints: Vec<String>,
}

impl Unreadable {
    fn whole(message: String, hint: Option<String>) -> Unreadable {
        Unreadable { at: None, message, hints: hint.into_iter().collect() }
    }

    /// As `check` reports it (code `unreadable`), at the place or the file.
    fn diagnostic(self, shown: &str) -> Diagnostic {
        let (line, column) = self.at.unwrap_or((1, 1));
        Diagnostic {
            line,
            column,
            hints: self.hints,
            ..Diagnostic::file_level(shown, "unreadable", self.message)
        }
    }

    /// As every other command refuses it: `path:line:col: message` when a
    /// place is at fault, as every problem in a file is given.
    fn error(self, shown: &str) -> anyhow::Error {
        let message = match self.at {
            Some((line, column)) => format!("{shown}:{line}:{column}: {}", self.message),
            None => self.message,
        };
        let mut e = UserError::new(message);
        for h in self.hints {
            e = e.hint(h);
        }
        e.into()
    }
}

/// Read a file as UTF-8, or say why not as `check` reports it: code
/// `unreadable`, at the first bad byte of a file that is not UTF-8.
pub fn read_checked(path: &Path, shown: &str) -> Result<String, Box<Diagnostic>> {
    read_or_why(path, shown).map_err(|u| Box::new(u.diagnostic(shown)))
}

/// Read a file as UTF-8, with errors that name it (and the line and column
/// of the first bad byte of a file that is not UTF-8). Only a regular file is
/// opened: a named pipe, socket or device is refused before it can block or
/// stream without end, and so is a file larger than [`MAX_RECORD_BYTES`].
pub fn read_text(path: &Path, shown: &str) -> Result<String> {
    read_or_why(path, shown).map_err(|u| u.error(shown))
}

fn read_or_why(path: &Path, shown: &str) -> Result<String, Unreadable> {
    let bytes = match source::lookup(path) {
        Some(source::Entry::File(bytes)) => bytes,
        Some(source::Entry::Dir) => {
            return Err(Unreadable::whole(
                tr!("{shown} er en mappe, ikke en fil", "{shown} is a folder, not a file"),
                None,
            ));
        }
        Some(source::Entry::Missing) => {
            return Err(Unreadable::whole(
                tr!("{shown} finnes ikke", "{shown} does not exist"),
                None,
            ));
        }
        None => read_disk(path, shown)?,
    };
    String::from_utf8(bytes).map_err(|e| {
        let (line, column) = utf8_position(e.as_bytes(), e.utf8_error().valid_up_to());
        Unreadable {
            at: Some((line, column)),
            message: tr!(
                "filen er ikke UTF-8: ugyldig byte på linje {line}, kolonne {column}",
                "the file is not UTF-8: a bad byte at line {line}, column {column}"
            ),
            hints: vec![tr!("lagre filen som UTF-8", "save the file as UTF-8")],
        }
    })
}

/// The bytes of the file at `path` on disk, refusing what is no regular
/// file or too large.
fn read_disk(path: &Path, shown: &str) -> Result<Vec<u8>, Unreadable> {
    match fs::metadata(path) {
        Ok(m) if !m.is_dir() && !m.is_file() => {
            return Err(Unreadable::whole(
                tr!(
                    "{shown} er ikke en vanlig fil (men en navngitt rør, sokkel eller enhet), så veikart åpner den ikke",
                    "{shown} is not a regular file (but a named pipe, socket or device), so veikart does not open it"
                ),
                Some(tr!(
                    "fjern den; en post er én vanlig .toml-fil",
                    "remove it; a record is one regular .toml file"
                )),
            ));
        }
        Ok(m) if m.len() > MAX_RECORD_BYTES => {
            return Err(Unreadable::whole(
                tr!(
                    "{shown} er for stor for en post ({} byte, grensen er {} byte)",
                    "{shown} is too large for a record ({} bytes, the limit is {} bytes)",
                    m.len(),
                    MAX_RECORD_BYTES
                ),
                Some(tr!(
                    "en post er en liten fil; del opp innholdet eller flytt det ut av prosjektet",
                    "a record is a small file; split it or move it out of the project"
                )),
            ));
        }
        Ok(m) if m.is_dir() => {
            return Err(Unreadable::whole(
                tr!("{shown} er en mappe, ikke en fil", "{shown} is a folder, not a file"),
                Some(tr!(
                    "flytt eller gi nytt navn til mappen; en post er én .toml-fil",
                    "move or rename the folder; a record is one .toml file"
                )),
            ));
        }
        Err(e) if e.kind() == ErrorKind::NotFound => {
            return Err(Unreadable::whole(
                tr!("{shown} finnes ikke", "{shown} does not exist"),
                None,
            ));
        }
        _ => {}
    }
    // Read at most one byte over the limit, in case the file grew since.
    let mut bytes = Vec::new();
    fs::File::open(path)
        .and_then(|f| {
            use std::io::Read;
            f.take(MAX_RECORD_BYTES + 1).read_to_end(&mut bytes)
        })
        .map_err(|e| {
            Unreadable::whole(
                tr!("kunne ikke lese {shown}: {e}", "could not read {shown}: {e}"),
                None,
            )
        })?;
    Ok(bytes)
}

enum RoadmapProblem {
    Unknown(Box<crate::model::schema::Finding>),
    File(Vec<Diagnostic>),
}

impl Project {
    /// Set "today" for the rules writes run (`--as-of`, `VEIKART_TODAY`).
    pub fn with_today(mut self, today: crate::model::date::Date) -> Project {
        self.today = today;
        self
    }

    pub fn shown(&self, rel: &str) -> String {
        shown_path(&self.prefix, rel)
    }

    /// The line (1-based) where `key = …` starts in a file of the project
    /// (`rel` from its root); 1 when the key or the file is not there.
    pub fn line_of_key(&self, rel: &str, key: &str) -> usize {
        let text = read_text(&self.root.join(rel), rel).unwrap_or_default();
        text.lines()
            .position(|l| {
                let t = l.trim_start();
                t.strip_prefix(key).is_some_and(|rest| rest.trim_start().starts_with('='))
            })
            .map_or(1, |i| i + 1)
    }

    /// The line of `key = "value"` inside a `[[table]]` of the file `rel`
    /// (the entry of an array of tables with that value), else 1.
    pub fn line_of_row(&self, rel: &str, table: &str, key: &str, value: &str) -> usize {
        let text = fs::read_to_string(self.root.join(rel)).unwrap_or_default();
        let header = format!("[[{table}]]");
        let mut inside = false;
        for (n, l) in text.lines().enumerate() {
            let t = l.trim();
            if t.starts_with('[') {
                inside = t.split('#').next().is_some_and(|h| h.trim() == header);
                continue;
            }
            if inside
                && let Some(rest) = t.strip_prefix(key)
                && let Some(v) = rest.trim_start().strip_prefix('=')
            {
                let v = v.split('#').next().unwrap_or_default().trim();
                if v.trim_matches(|c| c == '"' || c == '\'') == value {
                    return n + 1;
                }
            }
        }
        1
    }

    /// Take the project's write lock (see [`Location::lock`]).
    pub fn lock(&self) -> Result<lock::WriteLock> {
        lock::WriteLock::acquire(&self.root)
    }

    /// Run `f` as one write: all the files it writes or removes change
    /// together, or none does (see [`journal`]). Holds the write lock.
    pub fn batch<T>(&self, f: impl FnOnce() -> Result<T>) -> Result<T> {
        journal::batch(&self.root, f)
    }

    /// Where the project is (for `check`, which reads it whole).
    pub fn location(&self) -> Location {
        Location { root: self.root.clone(), prefix: self.prefix.clone() }
    }

    /// Remove one record (a checklist answer taken back). Returns whether
    /// there was one.
    pub fn remove(&self, spec: &KindSpec, id: &str) -> Result<bool> {
        let _lock = fsutil::WriteLock::acquire(&self.root)?;
        let path = self.record_path(spec, id);
        let shown = self.shown_record(spec, id);
        self.location().inside(&path, &shown)?;
        if path.is_dir() {
            // Say so the way every other command does, and touch nothing.
            read_text(&path, &shown)?;
        }
        if path.is_file() {
            // A file that is not even TOML is the user's to fix or delete, not
            // ours: we cannot tell what it holds. One with a wrong value
            // (`status = "kanskje"`) can go: removing it is the way out.
            let text = read_text(&path, &shown)?;
            let parsed = record::parse(spec, id, &shown, &text);
            if parsed.diagnostics.iter().any(|d| d.code == "syntax") {
                let e = broken_file(&parsed.diagnostics);
                let user = e.downcast::<UserError>().map(|u| {
                    u.hint(tr!(
                        "vil du bare bli kvitt den, slett den selv (`git rm {shown}`)",
                        "to get rid of it anyway, delete it yourself (`git rm {shown}`)"
                    ))
                });
                return Err(match user {
                    Ok(u) => u.into(),
                    Err(e) => e,
                });
            }
        }
        // An owner's folder left empty goes too, so git and `check` agree.
        fsutil::remove(&self.root, &path, &shown, spec.group.is_some())
    }

    /// The roadmap the project follows (its own `roadmap.toml` applied).
    pub fn roadmap(&self) -> Result<Roadmap> {
        if let Some(r) = &self.roadmap {
            return Ok(r.clone());
        }
        // Read it again only to say what is wrong with it.
        match self.location().roadmap_of(&self.info) {
            Ok(r) => Ok(r),
            // At the `roadmap` key of veikart.toml, as `check` says it.
            Err(RoadmapProblem::Unknown(f)) => {
                let shown = self.shown(PROJECT_FILE);
                let text = read_text(&self.root.join(PROJECT_FILE), &shown)?;
                Err(broken_file(&record::findings_to_diagnostics(&text, &shown, vec![*f])))
            }
            Err(RoadmapProblem::File(d)) => Err(broken_file(&d)),
        }
    }

    /// Whether a record of `spec` named `id` is there (one look, however
    /// many records there are).
    pub fn exists(&self, spec: &KindSpec, id: &str) -> bool {
        source::exists(&self.record_path(spec, id))
    }

    /// The folder of a kind.
    pub fn dir(&self, spec: &KindSpec) -> PathBuf {
        self.root.join(spec.dir)
    }

    pub fn record_rel(spec: &KindSpec, id: &str) -> String {
        format!("{}/{id}.toml", spec.dir)
    }

    pub fn record_path(&self, spec: &KindSpec, id: &str) -> PathBuf {
        self.dir(spec).join(format!("{id}.toml"))
    }

    pub fn shown_record(&self, spec: &KindSpec, id: &str) -> String {
        self.shown(&Self::record_rel(spec, id))
    }

    /// The ids of a kind, from the folder listing (sorted). Names that are not
    /// valid ids are left out; `check` reports them.
    pub fn ids(&self, spec: &KindSpec) -> Result<Vec<String>> {
        ids_of(scan::kind(&self.location(), spec, None))
    }

    /// The file stems in one owner's subfolder of a grouped kind (sorted);
    /// one folder listing, however many other owners there are.
    pub fn group_ids(&self, spec: &KindSpec, owner: &str) -> Result<Vec<String>> {
        let ids = ids_of(scan::kind(&self.location(), spec, Some(owner)))?;
        Ok(ids
            .into_iter()
            .map(|id| id.rsplit('/').next().unwrap_or_default().to_string())
            .collect())
    }

    /// Every record of one owner in a grouped kind, in id order.
    pub fn load_group<K: Kind>(&self, owner: &str) -> Result<Vec<K>> {
        self.group_ids(K::SPEC, owner)?
            .iter()
            .map(|stem| self.load::<K>(&format!("{owner}/{stem}")))
            .collect()
    }

    /// Write a new record named exactly `id` (`owner/stem` for a grouped
    /// kind). Returns `Ok(false)`, writing nothing, when it exists already.
    pub fn create_exact(&self, spec: &KindSpec, id: &str, doc: &DocumentMut) -> Result<bool> {
        let _lock = fsutil::WriteLock::acquire(&self.root)?;
        let path = self.record_path(spec, id);
        if fs::symlink_metadata(&path).is_ok() || journal::staged(&path) {
            return Ok(false);
        }
        let text = doc.to_string();
        self.vet(spec, id, &text)?;
        self.location().inside(&path, &self.shown_record(spec, id))?;
        fsutil::put_new(&self.root, &path, &self.shown_record(spec, id), text.as_bytes())
    }

    /// Replace a whole record with `doc` (for `--replace`), atomically.
    pub fn replace(&self, spec: &KindSpec, id: &str, doc: &DocumentMut) -> Result<()> {
        let _lock = fsutil::WriteLock::acquire(&self.root)?;
        let text = doc.to_string();
        self.vet(spec, id, &text)?;
        self.location().inside(&self.record_path(spec, id), &self.shown_record(spec, id))?;
        fsutil::put(
            &self.root,
            &self.record_path(spec, id),
            &self.shown_record(spec, id),
            text.as_bytes(),
        )
    }

    /// The full id for what the user typed: an id, or a unique prefix.
    pub fn resolve(&self, spec: &KindSpec, wanted: &str) -> Result<String> {
        // A full id needs no folder listing, so a write stays O(1) in the
        // number of records.
        let exact = wanted.trim();
        if is_valid_record_id(spec, exact)
            && fs::symlink_metadata(self.record_path(spec, exact)).is_ok()
        {
            return Ok(exact.to_string());
        }
        let ids = self.ids(spec)?;
        let ambiguous = |c: &[String]| -> anyhow::Error {
            UserError::new(tr!(
                "«{wanted}» passer til flere {}: {}",
                "`{wanted}` matches several {}: {}",
                spec.plural_label(),
                c.join(", ")
            ))
            .hint(tr!("skriv mer av id-en", "type more of the id"))
            .into()
        };
        // For a grouped kind, `owner/stem` may shorten both parts
        // (`ventetid/2026-11` for `ventetid-i-minutter/2026-11-01`).
        let mut grouped: Vec<String> = Vec::new();
        if spec.group.is_some()
            && let Some((o, st)) = exact.split_once('/')
        {
            grouped = ids
                .iter()
                .filter(|id| {
                    id.split_once('/')
                        .is_some_and(|(io, is)| io.starts_with(o) && is.starts_with(st))
                })
                .cloned()
                .collect();
            if let [one] = grouped.as_slice() {
                return Ok(one.clone());
            }
        }
        match id::lookup(wanted, ids.iter().map(String::as_str)) {
            Lookup::Found(id) => Ok(id),
            Lookup::Ambiguous(c) => Err(ambiguous(&c)),
            Lookup::Unknown(_) if grouped.len() > 1 => Err(ambiguous(&grouped)),
            Lookup::Unknown(c) => {
                let mut e = UserError::new(tr!(
                    "fant ingen {} med id «{wanted}»",
                    "no {} with id `{wanted}`",
                    spec.label()
                ));
                if !c.is_empty() {
                    e = e.hint(tr!("mente du {}?", "did you mean {}?", c.join(", ")));
                }
                e = if ids.is_empty() && !spec.example.add.is_empty() {
                    // Nothing to choose from yet: say how to make one.
                    e.hint(tr!(
                        "det finnes ingen {} ennå; legg til med `veikart {}`",
                        "there are no {} yet; add one with `veikart {}`",
                        spec.plural_label(),
                        spec.example.add
                    ))
                } else {
                    e.hint(tr!(
                        "se alle med `veikart {} list`",
                        "list them with `veikart {} list`",
                        spec.command
                    ))
                };
                Err(e.into())
            }
        }
    }

    /// Read one record, refusing a file with errors.
    pub fn load<K: Kind>(&self, id: &str) -> Result<K> {
        Ok(self.load_with_text::<K>(id)?.0)
    }

    fn load_with_text<K: Kind>(&self, id: &str) -> Result<(K, String)> {
        let (fields, text) = self.fields_with_text(K::SPEC, id)?;
        Ok((K::from_fields(&fields), text))
    }

    /// Read one record's validated fields and its text, refusing a file
    /// with errors.
    fn fields_with_text(&self, spec: &KindSpec, id: &str) -> Result<(Fields, String)> {
        let shown = self.shown_record(spec, id);
        self.location().inside(&self.record_path(spec, id), &shown)?;
        let text = read_text(&self.record_path(spec, id), &shown)?;
        let parsed = record::parse(spec, id, &shown, &text);
        match parsed.fields {
            Some(f) if !parsed.has_errors() => Ok((f, text)),
            _ => Err(broken_file(&parsed.diagnostics)),
        }
    }

    /// Read one record's validated fields, refusing a file with errors.
    pub fn load_fields(&self, spec: &KindSpec, id: &str) -> Result<Fields> {
        Ok(self.fields_with_text(spec, id)?.0)
    }

    /// Read the validated fields of every record of a kind, in id order.
    pub fn load_all_fields(&self, spec: &KindSpec) -> Result<Vec<Fields>> {
        self.ids(spec)?.iter().map(|id| self.load_fields(spec, id)).collect()
    }

    /// Read every record of a kind, in id order.
    pub fn load_all<K: Kind>(&self) -> Result<Vec<K>> {
        self.ids(K::SPEC)?.iter().map(|id| self.load::<K>(id)).collect()
    }

    /// Write a new record with an id made from `title`; on a clash the id gets
    /// `-2`, `-3`, …. Safe against other writers: the name is claimed atomically.
    pub fn create(&self, spec: &KindSpec, title: &str, doc: &DocumentMut) -> Result<String> {
        self.create_in(spec, None, title, doc)
    }

    /// Like [`Project::create`], in `owner`'s subfolder for a grouped kind;
    /// the id returned is then `owner/stem`.
    pub fn create_in(
        &self,
        spec: &KindSpec,
        owner: Option<&str>,
        title: &str,
        doc: &DocumentMut,
    ) -> Result<String> {
        let base = id::slug(title);
        if base.is_empty() {
            return Err(UserError::new(tr!(
                "kan ikke lage en id av «{title}»",
                "cannot make an id from `{title}`"
            ))
            .hint(tr!(
                "bruk bokstaver eller sifre i tittelen",
                "use letters or digits in the title"
            ))
            .into());
        }
        let text = doc.to_string();
        // A kind that names things looks at the names already there, so two
        // writers must not both decide a name is free: they take turns.
        let _lock = fsutil::WriteLock::acquire(&self.root)?;
        let mut vetted = false;
        for n in 1..10_000 {
            let stem = id::with_suffix(&base, n);
            let id = match owner {
                Some(o) => format!("{o}/{stem}"),
                None => stem,
            };
            let path = self.record_path(spec, &id);
            if fs::symlink_metadata(&path).is_ok() || journal::staged(&path) {
                continue;
            }
            if !vetted {
                self.vet(spec, &id, &text)?;
                vetted = true;
            }
            self.location().inside(&path, &self.shown_record(spec, &id))?;
            if fsutil::put_new(&self.root, &path, &self.shown_record(spec, &id), text.as_bytes())? {
                return Ok(id);
            }
        }
        Err(anyhow::anyhow!("could not find a free id for `{base}`"))
    }

    /// Change one record in place: `change` edits the document (which keeps
    /// comments and layout); the result must still be a valid record. Returns
    /// whether anything changed. Held under the project's write lock.
    pub fn edit<K: Kind>(
        &self,
        id: &str,
        change: impl FnOnce(&K, &mut DocumentMut) -> Result<()>,
    ) -> Result<Vec<Change>> {
        self.edit_record(K::SPEC, id, |fields, doc| change(&K::from_fields(fields), doc))
    }

    /// Set (`Some`) or remove (`None`) top-level fields of one record, with
    /// `change` deciding them from the record as it is. Returns what changed.
    pub fn edit_values(
        &self,
        spec: &KindSpec,
        id: &str,
        change: impl FnOnce(&Fields) -> Result<Vec<(&'static str, Option<Value>)>>,
    ) -> Result<Vec<Change>> {
        self.edit_record(spec, id, |fields, doc| {
            let mut changes = change(fields)?;
            // New keys are appended in the kind's declared order.
            changes.sort_by_key(|(k, _)| spec.fields.iter().position(|f| f.name == *k));
            for (key, value) in changes {
                edit::set_opt(doc, key, value.as_ref().map(edit::value));
            }
            Ok(())
        })
    }

    /// The one way a record is changed: under the project's write lock, read
    /// it, let `change` edit the document (which keeps comments and layout),
    /// run the rules on the result, and write it atomically. Returns what
    /// changed, field by field (nothing when the file stays as it was).
    fn edit_record(
        &self,
        spec: &KindSpec,
        id: &str,
        change: impl FnOnce(&Fields, &mut DocumentMut) -> Result<()>,
    ) -> Result<Vec<Change>> {
        self.edit_or_try(spec, id, change, true)
    }

    /// Run [`Project::edit_values`] without writing: whether the edit would
    /// be refused, and what it would change. For a command that must know an
    /// edit will go through before it does something else first.
    pub fn try_edit_values(
        &self,
        spec: &KindSpec,
        id: &str,
        changes: &[(&'static str, Option<Value>)],
    ) -> Result<Vec<Change>> {
        self.edit_or_try(
            spec,
            id,
            |_, doc| {
                for (key, value) in changes {
                    edit::set_opt(doc, key, value.as_ref().map(edit::value));
                }
                Ok(())
            },
            false,
        )
    }

    fn edit_or_try(
        &self,
        spec: &KindSpec,
        id: &str,
        change: impl FnOnce(&Fields, &mut DocumentMut) -> Result<()>,
        write: bool,
    ) -> Result<Vec<Change>> {
        let _lock = fsutil::WriteLock::acquire(&self.root)?;
        let shown = self.shown_record(spec, id);
        // A file that is TOML may be edited even with a wrong value in it:
        // the edit may be what puts it right, and the result must pass the
        // rules anyway. One that is not TOML is left to the user.
        self.location().inside(&self.record_path(spec, id), &shown)?;
        let text = read_text(&self.record_path(spec, id), &shown)?;
        let parsed = record::parse(spec, id, &shown, &text);
        let Some(before) = parsed.fields else {
            return Err(broken_file(&parsed.diagnostics));
        };
        let mut doc: DocumentMut = text
            .parse()
            .map_err(|_| UserError::new(tr!("{shown} kan ikke leses", "{shown} cannot be read")))?;
        change(&before, &mut doc)?;
        let new_text = edit::same_layout(&text, doc.to_string());
        if new_text == text {
            return Ok(Vec::new());
        }
        let after = self.vet(spec, id, &new_text)?;
        if write {
            self.location().inside(&self.record_path(spec, id), &shown)?;
            fsutil::put(&self.root, &self.record_path(spec, id), &shown, new_text.as_bytes())?;
        }
        let changes = crate::model::display::changes(spec, &before, &after);
        Ok(changes)
    }
}

impl Project {
    /// Change `veikart.toml` in place, under the write lock; the result must
    /// pass the rules a project file has. Returns what changed.
    pub fn edit_info(
        &self,
        change: impl FnOnce(&mut DocumentMut) -> Result<()>,
    ) -> Result<Vec<Change>> {
        let _lock = fsutil::WriteLock::acquire(&self.root)?;
        let path = self.root.join(PROJECT_FILE);
        let shown = self.shown(PROJECT_FILE);
        let text = read_text(&path, &shown)?;
        let parsed = record::parse(&project::SPEC, "", &shown, &text);
        let before = match parsed.fields {
            Some(f) if !parsed.has_errors() => f,
            _ => return Err(broken_file(&parsed.diagnostics)),
        };
        let mut doc: DocumentMut = text
            .parse()
            .map_err(|_| UserError::new(tr!("{shown} kan ikke leses", "{shown} cannot be read")))?;
        change(&mut doc)?;
        let new_text = edit::same_layout(&text, doc.to_string());
        if new_text == text {
            return Ok(Vec::new());
        }
        let after = self.vet_info(&new_text)?;
        self.location().inside(&path, &shown)?;
        fsutil::put(&self.root, &path, &shown, new_text.as_bytes())?;
        Ok(crate::model::display::changes(&project::SPEC, &before, &after))
    }
}

/// git's `user.name` where the project is, if git knows one (for who made a
/// decision or answered an item).
pub fn git_user_name(root: &Path) -> Option<String> {
    let out = std::process::Command::new("git")
        .args(["config", "user.name"])
        .current_dir(root)
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    let name = String::from_utf8_lossy(&out.stdout).trim().to_string();
    (out.status.success() && !name.is_empty() && !name.chars().any(char::is_control))
        .then_some(name)
}

/// The commit git's HEAD names where the project is (`git rev-parse
/// HEAD`), for the commit a phase decision was judged at; `None` outside a
/// git repository, before the first commit, or without git.
pub fn git_head(root: &Path) -> Option<String> {
    let out = std::process::Command::new("git")
        .args(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"])
        .current_dir(root)
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    let id = String::from_utf8_lossy(&out.stdout).trim().to_string();
    (out.status.success()
        && (4..=64).contains(&id.len())
        && id.chars().all(|c| c.is_ascii_hexdigit()))
    .then_some(id)
}

/// Whether `id` names a record of `spec`: an id, or `owner/stem` for a grouped kind.
pub fn is_valid_record_id(spec: &KindSpec, id: &str) -> bool {
    match (&spec.group, id.split_once('/')) {
        (Some(_), Some((owner, stem))) => id::is_valid(owner) && id::is_valid(stem),
        (None, None) => id::is_valid(id),
        _ => false,
    }
}

/// The ids the walker found: the records, and folders named like record
/// files (reading those says what is wrong); an unreadable folder is an
/// error, and so is a file where an owner's folder belongs, since the
/// records it hides would be left out without a word.
fn ids_of(found: Vec<scan::Found>) -> Result<Vec<String>> {
    let mut ids = Vec::new();
    for f in found {
        match f {
            scan::Found::Record { id, .. } => ids.push(id),
            scan::Found::Stray { id: Some(id), .. } => ids.push(id),
            scan::Found::Stray { problem, .. } if problem.code == "not-a-folder" => {
                return Err(broken_file(&[problem]));
            }
            scan::Found::Stray { problem, .. } if problem.code == "unreadable" => {
                return Err(UserError::new(tr!(
                    "kunne ikke lese mappen {}: {}",
                    "could not read the folder {}: {}",
                    problem.path,
                    problem.message
                ))
                .into());
            }
            scan::Found::Stray { .. } => {}
        }
    }
    ids.sort();
    Ok(ids)
}
