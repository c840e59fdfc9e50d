//! Status reports as records tied to git: writing one prefilled from the
//! previous, publishing it on the commit it describes, refusing to change
//! one once published, reading the project as it was at that commit, and
//! what changed since the last published report (in `veikart diff`'s
//! words). Typed options in, plain data out; no printing.

use anyhow::Result;
use serde::Serialize;

use crate::app::diff::{self, Diff, Side};
use crate::app::record::{Given, Written};
use crate::error::UserError;
use crate::model::date::Date;
use crate::model::display::Change;
use crate::model::status_report::{
    self as model, DIMENSIONS, Dimension, LIGHT, Period, SPEC, StatusReport,
};
use crate::model::{kind_of, schema::Field};
use crate::store::git::{Commit, Repo};
use crate::store::{Project, edit};
use crate::tr;

/// What `status-report new` was given: lights and comments by their keys
/// (`time`, `comment_time`), already parsed; the rest comes from the
/// previous report.
#[derive(Debug, Default, Clone)]
pub struct NewReport {
    /// The period as typed; None: the month of `created`.
    pub period: Option<String>,
    pub lights: Vec<(&'static str, &'static str)>,
    pub comments: Vec<(&'static str, String)>,
    pub author: Option<String>,
    pub created: Option<Date>,
}

impl NewReport {
    fn light(&self, dim: &str) -> Option<&'static str> {
        self.lights.iter().rev().find(|(k, _)| *k == dim).map(|(_, v)| *v)
    }
    fn comment(&self, key: &str) -> Option<&str> {
        self.comments.iter().rev().find(|(k, _)| *k == key).map(|(_, v)| v.as_str())
    }
}

/// Every report of the project.
pub fn all(project: &Project) -> Result<Vec<StatusReport>> {
    project.load_all::<StatusReport>()
}

/// The latest report by period, the one a new report starts from.
pub fn previous(project: &Project) -> Result<Option<StatusReport>> {
    Ok(model::latest(&all(project)?).cloned())
}

/// The period a new report covers: as typed (it must parse), else the
/// month of `today`; its canonical text.
pub fn period_of(typed: Option<&str>, today: Date) -> Result<(String, Period)> {
    match typed {
        Some(t) => model::parse_period(t).ok_or_else(|| {
            let (message, hint) = model::bad_period(t);
            UserError::new(format!("--period: {message}")).hint(hint).into()
        }),
        None => {
            let p = Period::month_of(today);
            Ok((format!("{:04}-{:02}", today.year(), today.month()), p))
        }
    }
}

/// The dimensions whose light is neither given nor found in `previous`.
pub fn missing(given: &NewReport, previous: Option<&StatusReport>) -> Vec<&'static Dimension> {
    DIMENSIONS
        .iter()
        .filter(|d| {
            given.light(d.key).is_none()
                && previous.is_none_or(|p| LIGHT.get(p.light(d.key)).is_none())
        })
        .collect()
}

/// The refusal for lights that are missing, naming their flags.
pub fn missing_error(missing: &[&Dimension]) -> anyhow::Error {
    let flags: Vec<String> = missing.iter().map(|d| format!("--{}", d.key)).collect();
    UserError::new(tr!(
        "mangler lys for {}: det finnes ingen tidligere rapport å fylle ut fra",
        "missing lights for {}: there is no earlier report to fill them in from",
        flags.join(", ")
    ))
    .hint(tr!(
        "gi hvert av dem som green, yellow eller red (grønn, gul, rød), for eksempel `--time yellow`",
        "give each as green, yellow or red, for example `--time yellow`"
    ))
    .into()
}

/// Write a new report: what `given` says, and for every light and comment
/// it leaves out, what `previous` says. Refuses (naming the flags) when a
/// light is in neither.
pub fn create(
    project: &Project,
    given: &NewReport,
    previous: Option<&StatusReport>,
) -> Result<Written> {
    let created = given.created.unwrap_or(project.today);
    let (period, _) = period_of(given.period.as_deref(), created)?;
    let missing = missing(given, previous);
    if !missing.is_empty() {
        return Err(missing_error(&missing));
    }
    let mut doc = toml_edit::DocumentMut::new();
    edit::set(&mut doc, "period", edit::text(&period));
    for d in DIMENSIONS {
        let light = given
            .light(d.key)
            .or_else(|| previous.and_then(|p| LIGHT.get(p.light(d.key)).map(|v| v.key)))
            .unwrap_or("green");
        edit::set(&mut doc, d.key, edit::text(light));
        let comment = match given.comment(d.comment) {
            Some(c) => Some(c.to_string()),
            None => previous.and_then(|p| p.comment(d.key)).map(str::to_string),
        };
        if let Some(c) = comment.filter(|c| !c.trim().is_empty()) {
            edit::set(&mut doc, d.comment, edit::text(&c));
        }
    }
    edit::set(&mut doc, "created", edit::date(created));
    if let Some(a) = &given.author {
        edit::set(&mut doc, "author", edit::text(a));
    }
    let id = project.create(&SPEC, &period, &doc)?;
    Ok(Written { path: project.shown_record(&SPEC, &id), id, changes: Vec::new() })
}

/// The refusal to change a published report.
fn frozen(r: &StatusReport) -> anyhow::Error {
    let on = r.published.map(|d| d.to_string()).unwrap_or_default();
    let commit = r.commit.as_deref().map_or("?".to_string(), model::short_commit);
    UserError::new(tr!(
        "statusrapporten {} ble publisert {on} og er låst: den beskriver prosjektet slik det var i commit {commit}",
        "the status report {} was published on {on} and is frozen: it describes the project as it was at commit {commit}",
        r.id
    ))
    .hint(tr!(
        "lag en ny rapport med `veikart status-report new`; den fylles ut fra denne",
        "make a new report with `veikart status-report new`; it starts from this one"
    ))
    .into()
}

/// `set` on a report: refused once it is published, else as every kind's `set`.
pub fn set(
    project: &Project,
    wanted: &str,
    given: &[Given],
    unset: &[&'static Field],
) -> Result<Written> {
    let id = project.resolve(&SPEC, wanted)?;
    let r: StatusReport = project.load(&id)?;
    if r.is_published() {
        return Err(frozen(&r));
    }
    let entry = kind_of(SPEC.dir)
        .ok_or_else(|| anyhow::anyhow!("internal error: status reports are not in KINDS"))?;
    crate::app::record::set(project, entry, &id, given, unset)
}

/// `rm` on a report: refused once it is published (it is the record of what
/// was reported), else as every kind's `rm`. The id and the files removed.
pub fn remove(project: &Project, wanted: &str) -> Result<(String, Vec<String>)> {
    let id = project.resolve(&SPEC, wanted)?;
    let r: StatusReport = project.load(&id)?;
    if r.is_published() {
        return Err(frozen(&r));
    }
    crate::app::record::remove(project, &SPEC, &id)
}

/// A report published: the day, the commit, and what changed in its file.
#[derive(Debug)]
pub struct Published {
    pub id: String,
    pub path: String,
    pub published: Date,
    pub commit: String,
    pub changes: Vec<Change>,
}

/// Publish the report `wanted`: record today and the commit HEAD names.
/// Refused outside git, before the first commit, for a report published
/// already, and while project records other than the report's own file
/// have changes not committed (the report must describe a commit).
pub fn publish(project: &Project, wanted: &str) -> Result<Published> {
    let id = project.resolve(&SPEC, wanted)?;
    let r: StatusReport = project.load(&id)?;
    if r.is_published() {
        let commit = r.commit.as_deref().map_or("?".to_string(), model::short_commit);
        return Err(UserError::new(tr!(
            "statusrapporten {id} er alt publisert ({}, commit {commit})",
            "the status report {id} is published already ({}, commit {commit})",
            r.published.map(|d| d.to_string()).unwrap_or_default()
        ))
        .hint(tr!(
            "lag en ny rapport med `veikart status-report new`",
            "make a new report with `veikart status-report new`"
        ))
        .into());
    }
    let loc = project.location();
    let repo = Repo::of(&loc.root)?;
    let Some(head) = repo.head()? else {
        return Err(UserError::new(tr!(
            "git-repoet har ingen commit ennå, så rapporten har ingenting å beskrive",
            "the git repository has no commit yet, so the report has nothing to describe"
        ))
        .hint(tr!(
            "lagre prosjektet først med `git add . && git commit`, og publiser så",
            "commit the project first with `git add . && git commit`, then publish"
        ))
        .into());
    };
    let own = crate::store::Project::record_rel(&SPEC, &id);
    let dirty: Vec<String> =
        repo.uncommitted()?.into_iter().filter(|rel| *rel != own && diff::wanted(rel)).collect();
    if !dirty.is_empty() {
        let shown: Vec<String> = dirty.iter().take(5).map(|rel| loc.shown(rel)).collect();
        let more = if dirty.len() > 5 {
            tr!(" og {} til", " and {} more", dirty.len() - 5)
        } else {
            String::new()
        };
        return Err(UserError::new(tr!(
            "prosjektet har endringer som ikke er lagret i en commit: {}{more}; rapporten må beskrive en commit",
            "the project has changes not committed: {}{more}; the report must describe a commit",
            shown.join(", ")
        ))
        .hint(tr!(
            "lagre dem først med `git add` og `git commit` (eller forkast dem), og publiser så",
            "commit them first with `git add` and `git commit` (or discard them), then publish"
        ))
        .into());
    }
    let today = project.today;
    let commit = head.id.clone();
    let changes = project.edit_values(&SPEC, &id, |_| {
        Ok(vec![
            ("published", Some(crate::model::value::Value::Date(today))),
            ("commit", Some(crate::model::value::Value::Str(commit.clone()))),
        ])
    })?;
    Ok(Published { path: project.shown_record(&SPEC, &id), id, published: today, commit, changes })
}

/// The published report `wanted`; a draft is refused (publish it first,
/// or leave the flag out for today's project).
pub fn published(project: &Project, wanted: &str) -> Result<StatusReport> {
    let id = project.resolve(&SPEC, wanted)?;
    let r: StatusReport = project.load(&id)?;
    if !r.is_published() || r.commit.is_none() {
        return Err(UserError::new(tr!(
            "statusrapporten {id} er et utkast: den er ikke knyttet til noen commit ennå",
            "the status report {id} is a draft: it is not tied to a commit yet"
        ))
        .hint(tr!(
            "publiser den med `veikart status-report publish {id}`, eller utelat --status-report for å se prosjektet slik det er i dag",
            "publish it with `veikart status-report publish {id}`, or leave out --status-report to see today's project"
        ))
        .into());
    }
    Ok(r)
}

/// The commit a published report names, in the project's repository.
fn commit_of(repo: &Repo, r: &StatusReport) -> Result<Commit> {
    let id = r.commit.clone().unwrap_or_default();
    let mut c = repo.commit(&id).map_err(|_| {
        anyhow::Error::from(
            UserError::new(tr!(
                "commiten {} som statusrapporten {} beskriver, finnes ikke i dette git-repoet",
                "the commit {} the status report {} describes is not in this git repository",
                model::short_commit(&id),
                r.id
            ))
            .hint(tr!(
                "en grunn klone kan mangle den; hent hele historikken med `git fetch --unshallow`",
                "a shallow clone may lack it; fetch the whole history with `git fetch --unshallow`"
            )),
        )
    })?;
    c.named =
        tr!("statusrapport {} ({})", "status report {} ({})", r.id, model::short_commit(&c.id));
    Ok(c)
}

/// Run `f` on the project as it was committed at the commit the published
/// report `r` names, read from git's objects (as `--at` reads it), with
/// "today" the day it was published. What was read before is read again
/// afterwards, whatever `f` returns.
pub fn at_report<T>(
    project: &Project,
    r: &StatusReport,
    f: impl FnOnce(&Project, Date) -> Result<T>,
) -> Result<T> {
    let loc = project.location();
    let repo = Repo::of(&loc.root)?;
    let commit = commit_of(&repo, r)?;
    let files = repo.files_at(&commit, |_| true)?;
    let snapshot = crate::store::source::Snapshot::new(&loc.root, commit.named.clone(), files);
    let day = r.published.unwrap_or(project.today);
    let before = crate::store::source::swap(Some(snapshot));
    let out = loc.open().map(|p| p.with_today(day)).and_then(|p| f(&p, day));
    crate::store::source::restore(before);
    out
}

/// One light of a report, for a reader.
#[derive(Debug, Clone, Serialize)]
pub struct Light {
    /// The dimension's key (`overall`, `time`, …).
    pub dimension: &'static str,
    /// The dimension's name in the report's language.
    pub name: &'static str,
    /// The light's key (`green`, `yellow`, `red`).
    pub value: String,
    /// The light's word in the report's language.
    pub label: String,
    pub comment: Option<String>,
}

/// A status report as a report shows it.
#[derive(Debug, Clone, Serialize)]
pub struct StatusReportView {
    pub id: String,
    pub period: String,
    pub lights: Vec<Light>,
    pub author: Option<String>,
    pub created: Option<Date>,
    pub published: Option<Date>,
    pub commit: Option<String>,
    pub path: String,
}

impl StatusReportView {
    pub fn of(project: &Project, r: &StatusReport) -> StatusReportView {
        StatusReportView {
            id: r.id.clone(),
            period: r.period.clone(),
            lights: DIMENSIONS
                .iter()
                .map(|d| Light {
                    dimension: d.key,
                    name: d.label(),
                    value: r.light(d.key).to_string(),
                    label: LIGHT.label(r.light(d.key)).to_string(),
                    comment: r.comment(d.key).map(str::to_string),
                })
                .collect(),
            author: r.author.clone(),
            created: r.created,
            published: r.published,
            commit: r.commit.clone(),
            path: project.shown_record(&SPEC, &r.id),
        }
    }
}

/// What changed since the last published report, as `veikart diff` tells it.
#[derive(Debug)]
pub struct SinceLast {
    /// The report compared from.
    pub from_report: String,
    pub from_period: String,
    pub from_published: Option<Date>,
    /// The commit it describes (full id).
    pub from_commit: String,
    pub diff: Diff,
}

impl Serialize for SinceLast {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("SinceLast", 5)?;
        st.serialize_field("from_report", &self.from_report)?;
        st.serialize_field("from_period", &self.from_period)?;
        st.serialize_field("from_published", &self.from_published)?;
        st.serialize_field("from_commit", &self.from_commit)?;
        st.serialize_field("diff", &crate::output::diff::json(&self.diff))?;
        st.end()
    }
}

/// What changed since the last report published before `upto` (None: the
/// last one published), up to `upto`'s commit (None: the files as they
/// are now). The status reports' own files are left out: a report is not
/// news about the project.
/// The last report published before `upto` (None: the last one published
/// by `as_of`), if any.
pub fn last_published(
    project: &Project,
    upto: Option<&StatusReport>,
    as_of: Date,
) -> Result<Option<StatusReport>> {
    let reports = all(project)?;
    let key = |r: &StatusReport| (r.published, model::order_key(r).0, r.created, r.id.clone());
    Ok(reports
        .iter()
        .filter(|r| r.is_published() && r.commit.is_some())
        .filter(|r| r.published.is_none_or(|d| d <= as_of))
        .filter(|r| upto.is_none_or(|u| r.id != u.id && key(r) < key(u)))
        .max_by_key(|r| key(r))
        .cloned())
}

/// Where the period of a report starts: the day after the last status
/// report published before it (`upto`, or by `as_of`); None without one.
pub fn period_start(
    project: &Project,
    upto: Option<&StatusReport>,
    as_of: Date,
) -> Result<Option<Date>> {
    Ok(last_published(project, upto, as_of)?.and_then(|r| r.published).and_then(|d| d.add_days(1)))
}

pub fn since_last(project: &Project, upto: Option<&StatusReport>) -> Result<SinceLast> {
    let last = last_published(project, upto, project.today)?;
    let Some(last) = last.as_ref() else {
        let message = match upto {
            Some(u) => tr!(
                "ingen statusrapport ble publisert før {}",
                "no status report was published before {}",
                u.id
            ),
            None => {
                tr!("ingen statusrapport er publisert ennå", "no status report is published yet")
            }
        };
        return Err(UserError::new(message)
            .hint(tr!(
                "publiser en med `veikart status-report publish ID`",
                "publish one with `veikart status-report publish ID`"
            ))
            .into());
    };
    let loc = project.location();
    let repo = Repo::of(&loc.root)?;
    let from = Side::Commit(commit_of(&repo, last)?);
    let to = match upto {
        Some(u) => Side::Commit(commit_of(&repo, u)?),
        None => Side::WorkTree,
    };
    let old = diff::files(&loc, Some(&repo), &from)?;
    let new = diff::files(&loc, Some(&repo), &to)?;
    let mut d = diff::compare(&loc, from, to, &old, &new, i64::from(project.today.year()));
    d.kinds.retain(|k| !std::ptr::eq(k.spec, &SPEC));
    d.checklist = diff::checklist_changes(&loc, &old, &new, project.today);
    Ok(SinceLast {
        from_report: last.id.clone(),
        from_period: last.period.clone(),
        from_published: last.published,
        from_commit: last.commit.clone().unwrap_or_default(),
        diff: d,
    })
}
