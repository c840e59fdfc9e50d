//! `veikart check`: read every file of the project once and report every
//! problem, sorted by path and line. Linear in the project's bytes: each file
//! is read and parsed once, and references are resolved against id sets.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;

use crate::diag::{Diagnostic, Severity};
use crate::model::date::Date;
use crate::model::{KINDS, RuleCtx, Snapshot, id, rules};
use crate::store::{Location, PROJECT_FILE, read_text, record};
use crate::tr;

/// Everything `check` found.
#[derive(Debug, Default)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    /// How many record files were read.
    pub files: usize,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Error).count()
    }
    pub fn warnings(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Warning).count()
    }
}

/// Check the project at `loc`. Fails only when the project cannot be read at all.
pub fn run(loc: &Location, as_of: Date) -> anyhow::Result<Report> {
    let mut report = Report::default();
    let mut diags = Vec::new();
    // ids per folder, for references; filled before references are resolved.
    let mut known: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    let mut references = Vec::new();
    let mut snapshot = Snapshot::default();

    let project_shown = loc.shown(PROJECT_FILE);
    let mut project = None;
    match loc.read_info_full() {
        Ok(r) => {
            diags.extend(r.diagnostics);
            references.extend(r.references.into_iter().map(|x| (project_shown.clone(), x)));
            project = r.info;
        }
        Err(e) => diags.push(file_level(&project_shown, "unreadable", e.to_string())),
    }
    report.files += 1;
    let ctx = RuleCtx { as_of, project };

    for kind in KINDS {
        let spec = kind.spec;
        let dir = loc.root.join(spec.dir);
        let ids = known.entry(spec.dir).or_default();
        let entries = match fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => {
                diags.push(file_level(&loc.shown(spec.dir), "unreadable", e.to_string()));
                continue;
            }
        };
        let mut names: Vec<(String, bool)> = Vec::new();
        for entry in entries.flatten() {
            let name = entry.file_name().to_string_lossy().into_owned();
            let is_dir = entry.file_type().map(|t| t.is_dir()).unwrap_or(false);
            names.push((name, is_dir));
        }
        names.sort();
        for (name, is_dir) in names {
            if name.starts_with('.') {
                continue;
            }
            let rel = format!("{}/{name}", spec.dir);
            let shown = loc.shown(&rel);
            let Some(stem) = name.strip_suffix(".toml") else {
                if is_dir {
                    diags.push(file_level(
                        &shown,
                        "stray-folder",
                        tr!(
                            "mappen {} skal bare ha .toml-filer, ikke undermapper",
                            "the folder {} should hold only .toml files, not folders",
                            spec.dir
                        ),
                    ));
                }
                continue;
            };
            if is_dir {
                diags.push(
                    file_level(
                        &shown,
                        "not-a-file",
                        tr!("{shown} er en mappe, ikke en fil", "{shown} is a folder, not a file"),
                    )
                    .with_hint(tr!(
                        "en post er én .toml-fil; flytt innholdet ut",
                        "a record is one .toml file; move its contents out"
                    )),
                );
                continue;
            }
            if !id::is_valid(stem) {
                let better = id::slug(stem);
                let mut d = file_level(
                    &shown,
                    "bad-file-name",
                    tr!(
                        "filnavnet «{name}» er ikke en gyldig id",
                        "the file name `{name}` is not a valid id"
                    ),
                );
                if !better.is_empty() {
                    d = d.with_hint(tr!(
                        "gi filen navnet {better}.toml",
                        "rename it to {better}.toml"
                    ));
                }
                diags.push(d);
                continue;
            }
            ids.insert(stem.to_string());
            report.files += 1;
            let text = match read_text(&loc.root.join(&rel), &shown) {
                Ok(t) => t,
                Err(e) => {
                    diags.push(file_level(&shown, "unreadable", e.to_string()));
                    continue;
                }
            };
            let parsed = record::parse(spec, stem, &shown, &text);
            let has_errors = parsed.has_errors();
            diags.extend(parsed.diagnostics);
            if let Some(fields) = parsed.fields
                && !has_errors
            {
                diags.extend(record::findings_to_diagnostics(
                    &text,
                    &shown,
                    (kind.rules)(&fields, &ctx),
                ));
                snapshot.records.entry(spec.dir).or_default().push(fields);
            }
            references.extend(parsed.references.into_iter().map(|r| (shown.clone(), r)));
        }
    }

    for (shown, r) in references {
        let ids = known.get(r.dir);
        if ids.is_some_and(|s| s.contains(&r.id)) {
            continue;
        }
        let candidates: Vec<&str> =
            ids.map(|s| s.iter().map(String::as_str).collect()).unwrap_or_default();
        let mut hints = Vec::new();
        if let Some(best) = id::closest(&r.id, &candidates).first() {
            hints.push(tr!("mente du `{best}`?", "did you mean `{best}`?"));
        }
        diags.push(Diagnostic {
            path: shown,
            line: r.line,
            column: r.column,
            severity: Severity::Error,
            code: "dangling-ref".into(),
            message: tr!(
                "`{}` viser til «{}», men {}/{}.toml finnes ikke",
                "`{}` refers to `{}`, but {}/{}.toml does not exist",
                r.field,
                r.id,
                r.dir,
                r.id
            ),
            hints,
        });
    }

    // Rules across records point at files we have already read once; only
    // the few files with such findings are read again, to find their lines.
    let mut by_file: BTreeMap<(&'static str, String), Vec<crate::model::schema::Finding>> =
        BTreeMap::new();
    for l in rules::cross(&snapshot, &ctx) {
        by_file.entry((l.dir, l.id)).or_default().push(l.finding);
    }
    for ((dir, id), findings) in by_file {
        let rel =
            if dir.is_empty() { PROJECT_FILE.to_string() } else { format!("{dir}/{id}.toml") };
        let shown = loc.shown(&rel);
        let text = read_text(&loc.root.join(&rel), &shown).unwrap_or_default();
        diags.extend(record::findings_to_diagnostics(&text, &shown, findings));
    }

    diags.sort_by(|a, b| {
        (a.path.as_str(), a.line, a.column, a.severity, a.code.as_str()).cmp(&(
            b.path.as_str(),
            b.line,
            b.column,
            b.severity,
            b.code.as_str(),
        ))
    });
    report.diagnostics = diags;
    Ok(report)
}

fn file_level(path: &str, code: &str, message: String) -> Diagnostic {
    Diagnostic {
        path: path.to_string(),
        line: 1,
        column: 1,
        severity: Severity::Error,
        code: code.to_string(),
        message,
        hints: Vec::new(),
    }
}

trait WithHint {
    fn with_hint(self, hint: String) -> Self;
}

impl WithHint for Diagnostic {
    fn with_hint(mut self, hint: String) -> Self {
        self.hints.push(hint);
        self
    }
}
