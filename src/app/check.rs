//! `veikart check`: read every file of the project once and report every
//! problem, sorted by path and line. Linear in the project's bytes: each file
//! is read and parsed once, and references are resolved against id sets.

use std::collections::{BTreeMap, BTreeSet};

use crate::diag::{Diagnostic, Severity};
use crate::model::date::Date;
use crate::model::{KINDS, KindEntry, RuleCtx, Snapshot, rules};
use crate::store::scan::Found;
use crate::store::{Location, PROJECT_FILE, read_text, record};

/// Everything `check` found.
#[derive(Debug, Default)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    /// How many record files were read.
    pub files: usize,
    /// Record files left out of `snapshot` because they could not be read
    /// or have errors (as shown), sorted.
    pub skipped: Vec<String>,
    /// Every valid record, for what looks across the project (checklist rules).
    pub snapshot: Snapshot,
    /// The project file, when it could be read.
    pub project: Option<crate::model::project::ProjectInfo>,
    /// The date the rules were run for (`--as-of`).
    pub as_of: Date,
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
    let mut report = Report { as_of, ..Report::default() };
    let mut diags = Vec::new();
    // ids per folder, for references; filled before references are resolved.
    let mut known: BTreeMap<&str, BTreeSet<String>> = BTreeMap::new();
    let mut references = Vec::new();
    let mut snapshot = Snapshot::default();

    let project_shown = loc.shown(PROJECT_FILE);
    let mut project = None;
    let mut roadmap = None;
    match loc.read_info_full() {
        Ok(r) => {
            diags.extend(r.diagnostics);
            references.extend(r.references.into_iter().map(|x| (project_shown.clone(), x)));
            project = r.info;
            roadmap = r.roadmap;
        }
        // Said again as a diagnostic, at the bad byte of a file not in UTF-8.
        Err(e) => diags.push(
            match crate::store::read_checked(&loc.root.join(PROJECT_FILE), &project_shown) {
                Err(d) => *d,
                Ok(_) => file_level(&project_shown, "unreadable", e.to_string()),
            },
        ),
    }
    report.files += 1;
    // Only inside the project: a link out was reported above.
    let project_path = loc.root.join(PROJECT_FILE);
    if loc.outside(&project_path).is_none()
        && let Ok(text) = read_text(&project_path, &project_shown)
    {
        diags.extend(record::personal_ids(&text, &project_shown));
    }
    if crate::store::source::is_file(&loc.root.join(crate::store::roadmap::LOCAL_FILE)) {
        // The project's own roadmap was read with veikart.toml.
        report.files += 1;
    }
    let ctx = RuleCtx { as_of, project };

    for kind in KINDS {
        let mut walk = Walk {
            loc,
            kind,
            ctx: &ctx,
            diags: &mut diags,
            ids: known.entry(kind.spec.dir).or_default(),
            references: &mut references,
            snapshot: &mut snapshot,
            files: &mut report.files,
            skipped: &mut report.skipped,
        };
        walk.folder();
    }

    for (shown, r) in references {
        let ids = known.get(r.dir);
        if ids.is_some_and(|s| s.contains(&r.id)) {
            continue;
        }
        // A record dated after `--as-of` is left out, not missing.
        if crate::store::source::hidden(&loc.root.join(format!("{}/{}.toml", r.dir, r.id))) {
            continue;
        }
        let candidates: Vec<&str> =
            ids.map(|s| s.iter().map(String::as_str).collect()).unwrap_or_default();
        diags.push(record::dangling(&shown, &r, &candidates));
    }

    // Rules across records point at files we have already read once; only
    // the few files with such findings are read again, to find their lines.
    let mut by_file: BTreeMap<(&'static str, String), Vec<crate::model::schema::Finding>> =
        BTreeMap::new();
    let mut located = rules::cross(&snapshot, &ctx);
    if let Some(roadmap) = &roadmap {
        located.extend(rules::answers_in_roadmap(&snapshot, roadmap));
    }
    for l in located {
        by_file.entry((l.dir, l.id)).or_default().push(l.finding);
    }
    for ((dir, id), findings) in by_file {
        let rel =
            if dir.is_empty() { PROJECT_FILE.to_string() } else { format!("{dir}/{id}.toml") };
        let shown = loc.shown(&rel);
        let text = read_text(&loc.root.join(&rel), &shown).unwrap_or_default();
        diags.extend(record::findings_to_diagnostics(&text, &shown, findings));
    }

    diags.extend(duplicate_names(loc, &snapshot));
    diags.extend(crate::store::scan::root_findings(loc));

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
    report.skipped.sort();
    report.snapshot = snapshot;
    report.project = ctx.project;
    Ok(report)
}

/// Reading the records of one kind.
struct Walk<'a> {
    loc: &'a Location,
    kind: &'a KindEntry,
    ctx: &'a RuleCtx,
    diags: &'a mut Vec<Diagnostic>,
    ids: &'a mut BTreeSet<String>,
    references: &'a mut Vec<(String, record::Reference)>,
    snapshot: &'a mut Snapshot,
    files: &'a mut usize,
    skipped: &'a mut Vec<String>,
}

impl Walk<'_> {
    /// Every record of the kind, and what does not belong in its folder.
    fn folder(&mut self) {
        for found in crate::store::scan::kind(self.loc, self.kind.spec, None) {
            match found {
                Found::Record { id, rel, shown } => self.record(&rel, &shown, id),
                Found::Stray { problem, skipped, .. } => {
                    self.skipped.extend(skipped);
                    self.diags.push(problem);
                }
            }
        }
    }

    fn record(&mut self, rel: &str, shown: &str, id: String) {
        let spec = self.kind.spec;
        self.ids.insert(id.clone());
        *self.files += 1;
        if let Err(e) = self.loc.inside(&self.loc.root.join(rel), shown) {
            self.skipped.push(shown.to_string());
            self.diags.push(file_level(shown, "outside-project", e.to_string()));
            return;
        }
        let text = match crate::store::read_checked(&self.loc.root.join(rel), shown) {
            Ok(t) => t,
            Err(d) => {
                self.skipped.push(shown.to_string());
                self.diags.push(*d);
                return;
            }
        };
        self.diags.extend(record::personal_ids(&text, shown));
        if !crate::model::privacy::national_ids(&id).is_empty() {
            self.diags.push(record::personal_id_in_name(shown));
        }
        let parsed = record::parse(spec, &id, shown, &text);
        let has_errors = parsed.has_errors();
        self.diags.extend(parsed.diagnostics);
        match parsed.fields {
            Some(fields) => {
                // Every problem at once: the rules run on what is right too.
                let findings = self.kind.findings(&fields, &parsed.invalid, self.ctx);
                self.diags.extend(record::findings_to_diagnostics(&text, shown, findings));
                if has_errors {
                    self.skipped.push(shown.to_string());
                } else {
                    self.snapshot.records.entry(spec.dir).or_default().push(fields);
                }
            }
            None => self.skipped.push(shown.to_string()),
        }
        self.references.extend(parsed.references.into_iter().map(|r| (shown.to_string(), r)));
    }
}

/// A second record with the name of another, in a kind that names things
/// (after a merge, say): reported at every record but the first by id.
fn duplicate_names(loc: &Location, snapshot: &Snapshot) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for kind in KINDS {
        let spec = kind.spec;
        let crate::model::schema::Identity::Named { scope } = spec.identity else { continue };
        let Some(records) = snapshot.records.get(spec.dir) else { continue };
        let mut seen: BTreeMap<(String, String), (&str, String)> = BTreeMap::new();
        let mut sorted: Vec<&crate::model::value::Fields> = records.iter().collect();
        sorted.sort_by(|a, b| a.id.cmp(&b.id));
        for f in sorted {
            let Some((key, name)) = spec.name_key(f) else { continue };
            match seen.get(&key) {
                Some((first, first_name)) => {
                    let rel = format!("{}/{}.toml", spec.dir, f.id);
                    let shown = loc.shown(&rel);
                    let mut d = crate::store::write::duplicate_name(
                        spec,
                        scope,
                        &shown,
                        first_name,
                        (&loc.shown(&format!("{}/{first}.toml", spec.dir)), first),
                        Some(&f.id),
                    );
                    // At the name: read again, as only a name taken twice is.
                    if let Some((line, column)) = read_text(&loc.root.join(&rel), &shown)
                        .ok()
                        .zip(spec.title)
                        .and_then(|(text, t)| record::key_position(&text, t))
                    {
                        (d.line, d.column) = (line, column);
                    }
                    out.push(d);
                }
                None => {
                    seen.insert(key, (&f.id, name));
                }
            }
        }
    }
    out
}

fn file_level(path: &str, code: &str, message: String) -> Diagnostic {
    Diagnostic::file_level(path, code, message)
}
