//! The rules on write: before the store writes a record it runs on the new
//! text what `check` would run on that file — its fields, its kind's rules,
//! the references it makes, personal data — and refuses the write, with
//! `check`'s own code and words, when the file would hold a contradiction.
//! Work not done yet (an activity still without H) never stops a write.

use std::collections::BTreeSet;

use anyhow::Result;

use super::{PROJECT_FILE, Project, record};
use crate::diag::Diagnostic;
use crate::error::UserError;
use crate::model::project::{self, ProjectInfo};
use crate::model::schema::{Identity, KindSpec};
use crate::model::value::Fields;
use crate::model::{RuleCtx, kind_of};
use crate::tr;

impl Project {
    /// Refuse `text` as the new contents of the record `id` of `spec` when
    /// `check` would report a contradiction in it; else the record's fields.
    pub(crate) fn vet(&self, spec: &KindSpec, id: &str, text: &str) -> Result<Fields> {
        let shown = self.shown_record(spec, id);
        let parsed = record::parse(spec, id, &shown, text);
        let mut found = parsed.diagnostics.clone();
        if let (Some(fields), Some(kind)) = (&parsed.fields, kind_of(spec.dir)) {
            let ctx = RuleCtx { as_of: self.today, project: Some(self.info.clone()) };
            let findings = kind.findings(fields, &parsed.invalid, &ctx);
            found.extend(record::findings_to_diagnostics(text, &shown, findings));
        }
        found.extend(self.dangling(&shown, &parsed.references));
        found.extend(personal_data(text, &shown));
        if !crate::model::privacy::national_ids(id).is_empty() {
            let mut d = record::personal_id_in_name(&shown);
            d.severity = crate::diag::Severity::Error;
            found.push(d);
        }
        if let Some(fields) = &parsed.fields
            && let Some(mut d) = self.same_name(spec, fields, &shown)
        {
            if let Some((line, column)) = spec.title.and_then(|t| record::key_position(text, t)) {
                (d.line, d.column) = (line, column);
            }
            found.push(d);
        }
        // A record not written yet has no file to point at.
        let new = std::fs::symlink_metadata(self.record_path(spec, id)).is_err();
        refuse_contradictions(found, new).map_err(|e| {
            // A problem the file had already (a value written by hand) is
            // one `check` shows with its neighbours: say so.
            if new {
                return e;
            }
            let old = super::read_text(&self.record_path(spec, id), &shown).unwrap_or_default();
            let had = record::parse(spec, id, &shown, &old).diagnostics;
            match e.downcast::<UserError>() {
                Ok(u) if had.iter().any(|d| d.blocks() && u.message.contains(&d.message)) => u
                    .hint(tr!(
                        "kjør `veikart check` for å se alle problemer",
                        "run `veikart check` to see every problem"
                    ))
                    .into(),
                Ok(u) => u.into(),
                Err(e) => e,
            }
        })?;
        Ok(parsed.fields.unwrap_or_default())
    }

    /// For a kind that names things, the record of the same name (in the
    /// same scope) as `fields`, other than itself, as `check` words it.
    /// Named kinds are small (roles, goals, steps), so all are read.
    fn same_name(&self, spec: &KindSpec, fields: &Fields, shown: &str) -> Option<Diagnostic> {
        let Identity::Named { scope } = spec.identity else { return None };
        let (key, _) = spec.name_key(fields)?;
        let ids = self.ids(spec).ok()?;
        for other in ids.iter().filter(|o| **o != fields.id) {
            let Ok(theirs) = self.load_fields(spec, other) else { continue };
            if let Some((theirs, their_name)) = spec.name_key(&theirs)
                && theirs == key
            {
                return Some(duplicate_name(
                    spec,
                    scope,
                    shown,
                    &their_name,
                    (&self.shown_record(spec, other), other),
                    None,
                ));
            }
        }
        None
    }

    /// Refuse `text` as the new `veikart.toml` when it would hold a
    /// contradiction: a bad value, a phase the roadmap does not have, an
    /// owner role that does not exist.
    pub(crate) fn vet_info(&self, text: &str) -> Result<Fields> {
        let shown = self.shown(PROJECT_FILE);
        let parsed = record::parse(&project::SPEC, "", &shown, text);
        let mut found = parsed.diagnostics.clone();
        if let Some(fields) = &parsed.fields
            && !parsed.has_errors()
        {
            let mut info = ProjectInfo::from_fields(fields);
            info.phases = self.info.phases.clone();
            found.extend(record::findings_to_diagnostics(text, &shown, project::rules(&info)));
        }
        found.extend(self.dangling(&shown, &parsed.references));
        found.extend(personal_data(text, &shown));
        refuse_contradictions(found, false)?;
        Ok(parsed.fields.unwrap_or_default())
    }

    /// The references among `refs` to records that do not exist, as `check`
    /// words them. One look per reference, however large the project.
    fn dangling(&self, shown: &str, refs: &[record::Reference]) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        let mut seen = BTreeSet::new();
        for r in refs {
            if !seen.insert((r.dir, r.id.as_str())) {
                continue;
            }
            let path = self.root.join(r.dir).join(format!("{}.toml", r.id));
            if path.is_file() {
                continue;
            }
            // Only now, on the way to an error, is the folder listed (for a hint).
            let ids = crate::model::kind_of(r.dir)
                .and_then(|k| self.ids(k.spec).ok())
                .unwrap_or_default();
            let candidates: Vec<&str> = ids.iter().map(String::as_str).collect();
            out.push(record::dangling(shown, r, &candidates));
        }
        out
    }
}

/// The error for a second record with the name of another (`check` and
/// every write word it the same).
/// `this_id` is the id of the record found twice when it is in a file
/// already (`check`), `None` for one about to be written.
pub fn duplicate_name(
    spec: &KindSpec,
    scope: Option<&'static str>,
    shown: &str,
    name: &str,
    (other_shown, other_id): (&str, &str),
    this_id: Option<&str>,
) -> Diagnostic {
    let within = match scope.and_then(|s| spec.field(s)) {
        Some(f) => tr!(" med samme {}", " in the same {}", f.label_text().to_lowercase()),
        None => String::new(),
    };
    let mut d = Diagnostic::file_level(
        shown,
        "duplicate-name",
        tr!(
            "det finnes allerede {} som heter «{name}»{within} ({other_shown})",
            "there is already {} named `{name}`{within} ({other_shown})",
            spec.a()
        ),
    );
    let it = if spec.neuter { "det" } else { "den" };
    let cmd = spec.command;
    d.hints.push(match this_id {
        Some(this) => {
            let flag = spec.title.and_then(|t| spec.field(t)).map_or("name".into(), |f| f.flag_name());
            tr!(
                "gi {it} et annet navn med `veikart {cmd} set {this} --{flag} …`, eller fjern {it} med `veikart {cmd} rm {this}` hvis begge er samme {}",
                "rename it with `veikart {cmd} set {this} --{flag} …`, or remove it with `veikart {cmd} rm {this}` if both are the same {}",
                spec.label()
            )
        }
        None => tr!(
            "endre {it} med `veikart {cmd} set {other_id} …`, eller velg et annet navn",
            "change it with `veikart {cmd} set {other_id} …`, or choose another name"
        ),
    });
    d
}

/// Personal data in a file about to be written: the warning `check` gives for
/// such a file, as an error, with what may be stored instead.
pub(crate) fn personal_data(text: &str, shown: &str) -> Vec<Diagnostic> {
    let lines: Vec<&str> = text.lines().collect();
    record::personal_ids(text, shown)
        .into_iter()
        .map(|mut d| {
            d.severity = crate::diag::Severity::Error;
            // Say which field, since the file is not there to look at.
            if let Some((key, _)) = lines.get(d.line.saturating_sub(1)).and_then(|l| l.split_once('='))
            {
                d.message = tr!(
                    "`{}` ser ut til å ha et fødselsnummer i seg; personopplysninger hører ikke hjemme i prosjektfilene",
                    "`{}` seems to hold a national identity number; personal data does not belong in the project's files",
                    key.trim()
                );
            }
            d.hints = vec![tr!(
                "skriv om personen uten fødselsnummer, for eksempel «en pasient i 80-årene» eller saksnummeret i fagsystemet",
                "describe the person without the identity number, for example \"a patient in her eighties\", or give the case number in the case system"
            )];
            d
        })
        .collect()
}

/// `Ok` when none of `found` is a contradiction; else the error a refused
/// write gives: the first problem as `check` words it, the others as hints.
pub(crate) fn refuse_contradictions(found: Vec<Diagnostic>, new: bool) -> Result<()> {
    let blocking: Vec<&Diagnostic> = found.iter().filter(|d| d.blocks()).collect();
    let Some(first) = blocking.first() else { return Ok(()) };
    Err(refusal(first, &blocking[1..], new).into())
}

/// The error for a write refused because of `first` (and `others`): the
/// file it is about, unless the record is `new`, then `check`'s message and
/// code, its hints, and one hint per other problem.
pub fn refusal(first: &Diagnostic, others: &[&Diagnostic], new: bool) -> UserError {
    let about = |d: &Diagnostic| {
        if new {
            format!("{} [{}]", d.message, d.code)
        } else {
            format!("{}:{}:{}: {} [{}]", d.path, d.line, d.column, d.message, d.code)
        }
    };
    let mut e = UserError::new(about(first));
    for h in &first.hints {
        e = e.hint(h.clone());
    }
    for d in others {
        e = e.hint(tr!("også: {}", "also: {}", about(d)));
    }
    e.hint(tr!("ingenting ble endret", "nothing was changed"))
}

/// A record that refers to another, for the message of a refused `rm`.
#[derive(Debug, Clone)]
pub struct Referrer {
    /// The file, as shown.
    pub path: String,
    pub line: usize,
    /// The key that refers (`owner`, `raci`), or the owner folder for a
    /// record kept in a subfolder of the one removed.
    pub field: String,
}

impl Project {
    /// Every record that refers to the record `id` of `spec`: fields that name
    /// it, and records kept in a subfolder named after it. Reads only the
    /// kinds that can refer to `spec`.
    pub fn referrers(&self, spec: &KindSpec, id: &str) -> Result<Vec<Referrer>> {
        let mut out = Vec::new();
        for kind in crate::model::KINDS {
            let k = kind.spec;
            if k.group.as_ref().and_then(|g| g.refers) == Some(spec.dir) && !owned_by(spec, k) {
                for stem in self.group_ids(k, id)? {
                    let rel = format!("{}/{id}/{stem}.toml", k.dir);
                    out.push(Referrer {
                        path: self.shown(&rel),
                        line: 1,
                        field: k.dir.to_string(),
                    });
                }
            }
            if !refers_to(k.fields, spec.dir) {
                continue;
            }
            for other in self.ids(k)? {
                let rel = Project::record_rel(k, &other);
                let shown = self.shown(&rel);
                // A file that cannot be read may refer to it too: say so
                // rather than remove what it may need.
                let text = super::read_text(&self.root.join(&rel), &shown)?;
                let parsed = record::parse(k, &other, &shown, &text);
                if parsed.fields.is_none() {
                    let e = super::broken_file(&parsed.diagnostics);
                    return Err(match e.downcast::<UserError>() {
                        Ok(u) => u
                            .hint(tr!(
                                "veikart kan ikke se om den viser til {}; rett den først",
                                "veikart cannot tell whether it refers to {}; fix it first",
                                self.shown_record(spec, id)
                            ))
                            .into(),
                        Err(e) => e,
                    });
                }
                for r in parsed.references.iter().filter(|r| r.dir == spec.dir && r.id == id) {
                    if k.group.as_ref().is_some_and(|g| g.field == r.field) {
                        continue;
                    }
                    out.push(Referrer {
                        path: shown.clone(),
                        line: r.line,
                        field: r.field.to_string(),
                    });
                }
            }
        }
        if refers_to(project::SPEC.fields, spec.dir) {
            let shown = self.shown(PROJECT_FILE);
            let text = super::read_text(&self.root.join(PROJECT_FILE), &shown)?;
            let parsed = record::parse(&project::SPEC, "", &shown, &text);
            for r in parsed.references.iter().filter(|r| r.dir == spec.dir && r.id == id) {
                out.push(Referrer {
                    path: shown.clone(),
                    line: r.line,
                    field: r.field.to_string(),
                });
            }
        }
        Ok(out)
    }

    /// Remove one record, refusing (with every file that refers to it) while
    /// other records refer to it. Records that are part of it, kept in a
    /// subfolder of its own (a technology option's assessments), go with it.
    /// Returns the files removed, as shown.
    pub fn remove_record(&self, spec: &KindSpec, id: &str) -> Result<Vec<String>> {
        // A record and its parts go together or not at all.
        self.batch(|| self.remove_record_now(spec, id))
    }

    fn remove_record_now(&self, spec: &KindSpec, id: &str) -> Result<Vec<String>> {
        let shown = self.shown_record(spec, id);
        let path = self.record_path(spec, id);
        // A file that is not a record (a folder, not TOML) is reported as
        // every reader reports it, and left alone.
        self.load_fields(spec, id)?;
        let referrers = self.referrers(spec, id)?;
        if !referrers.is_empty() {
            let it = crate::i18n::pick(if spec.neuter { "det" } else { "den" }, "it");
            let n =
                crate::i18n::counted(referrers.len(), ("post", "poster"), ("record", "records"));
            let verb = if referrers.len() == 1 { "refers" } else { "refer" };
            let mut e = UserError::new(tr!(
                "{shown} kan ikke fjernes mens {n} viser til {it}",
                "{shown} cannot be removed while {n} {verb} to {it}"
            ));
            const SHOWN: usize = 5;
            for r in referrers.iter().take(SHOWN) {
                e = e.hint(format!("{}:{} ({})", r.path, r.line, r.field));
            }
            if referrers.len() > SHOWN {
                e = e.hint(tr!("og {} til", "and {} more", referrers.len() - SHOWN));
            }
            return Err(e
                .hint(tr!(
                    "endre eller fjern dem først; ingenting ble endret",
                    "change or remove them first; nothing was changed"
                ))
                .into());
        }
        let mut removed = Vec::new();
        for kind in crate::model::KINDS.iter().filter(|k| owned_by(spec, k.spec)) {
            for stem in self.group_ids(kind.spec, id)? {
                let rel = format!("{}/{id}/{stem}.toml", kind.spec.dir);
                // The part's folder goes with its last file.
                super::fsutil::remove(&self.root, &self.root.join(&rel), &self.shown(&rel), true)?;
                removed.push(self.shown(&rel));
            }
        }
        // An owner's folder left empty goes too, so git and `check` agree.
        super::fsutil::remove(&self.root, &path, &shown, spec.group.is_some())?;
        removed.push(shown);
        Ok(removed)
    }
}

/// Whether records of `part` are parts of records of `whole`, removed with
/// them: a technology option's assessments.
fn owned_by(whole: &KindSpec, part: &KindSpec) -> bool {
    std::ptr::eq(whole, &crate::model::technology::SPEC)
        && std::ptr::eq(part, &crate::model::technology::ASSESSMENT_SPEC)
}

/// Whether any of `fields` (or of their tables) refers to records in `dir`.
fn refers_to(fields: &[crate::model::schema::Field], dir: &str) -> bool {
    use crate::model::schema::FieldType;
    fields.iter().any(|f| match f.ty {
        FieldType::Ref(d) | FieldType::Refs(d) | FieldType::RefMap(d, _) => d == dir,
        FieldType::RefsAmong(dirs) => dirs.contains(&dir),
        FieldType::Tables(sub) => refers_to(sub, dir),
        _ => false,
    })
}
