//! `veikart diff`: what changed in the project between two states — two
//! commits, or a commit and the work tree — record by record and field by
//! field, in the project's words.

use std::collections::BTreeMap;

use anyhow::Result;

use crate::model::checklist::DECISION_SPEC;
use crate::model::display::{Change, changes};
use crate::model::schema::KindSpec;
use crate::model::value::Fields;
use crate::model::{KINDS, id, idea, indicator, measurement, project};
use crate::store::git::{Commit, Repo};
use crate::store::{Location, PROJECT_FILE, read_text, record, scan};

/// One side of a diff.
pub enum Side {
    Commit(Commit),
    /// The files as they are now, committed or not.
    WorkTree,
    /// No files: before the first commit (or where a shallow clone's
    /// history ends).
    Empty,
}

impl Side {
    /// How the side is named in the output: what the user typed, or the
    /// work tree.
    pub fn label(&self) -> String {
        match self {
            Side::Commit(c) => c.named.clone(),
            Side::WorkTree => crate::tr!("arbeidskopien", "the work tree"),
            Side::Empty => crate::tr!("ingenting", "nothing"),
        }
    }

    pub fn commit(&self) -> Option<&str> {
        match self {
            Side::Commit(c) => Some(&c.id),
            Side::WorkTree | Side::Empty => None,
        }
    }
}

/// A record as the diff names it.
#[derive(Debug, Clone)]
pub struct Named {
    pub id: String,
    /// Its title or name, when it has one.
    pub name: Option<String>,
    /// Its file, as shown.
    pub path: String,
}

/// What happened to one record.
#[derive(Debug)]
pub enum Entry {
    Added(Named),
    Removed(Named),
    /// The fields that changed, then what follows from them (an idea's
    /// priority) under the same shape.
    Changed(Named, Vec<Change>, Vec<Change>),
    /// A file that cannot be read as a record on one side or both.
    Unreadable(Named),
}

impl Entry {
    pub fn named(&self) -> &Named {
        match self {
            Entry::Added(n) | Entry::Removed(n) | Entry::Changed(n, ..) | Entry::Unreadable(n) => n,
        }
    }
}

/// The records of one kind that changed, in id order.
pub struct KindDiff {
    pub spec: &'static KindSpec,
    pub entries: Vec<Entry>,
}

/// The measurements of one indicator that changed, summed up.
#[derive(Debug, Default)]
pub struct Series {
    pub indicator: String,
    pub added: usize,
    pub changed: usize,
    pub removed: usize,
    /// The first and last date among the values added or changed.
    pub dates: Option<(String, String)>,
    /// The latest value on the new side, with its date.
    pub latest: Option<(String, f64)>,
    /// The share of the way from baseline to target the latest value had
    /// come, before and after (percent), when the indicator has both.
    pub achievement: (Option<f64>, Option<f64>),
    /// The indicator's state (on track, behind …) on the date of its latest
    /// value, before and after.
    pub state: (Option<indicator::PlanState>, Option<indicator::PlanState>),
}

/// Everything that changed.
pub struct Diff {
    pub from: Side,
    pub to: Side,
    /// Changes to `veikart.toml`.
    pub project: Vec<Change>,
    /// Why the phase changed, from the decision that changed it.
    pub phase_reason: Option<String>,
    pub kinds: Vec<KindDiff>,
    pub series: Vec<Series>,
    /// Checklist items whose state changed, by phase and item.
    pub checklist: Vec<ItemChange>,
    /// The economics before and after, when they changed.
    pub economics: Option<(
        Option<crate::model::economics::Summary>,
        Option<crate::model::economics::Summary>,
    )>,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.project.is_empty()
            && self.kinds.is_empty()
            && self.series.is_empty()
            && self.checklist.is_empty()
    }
}

/// A diff in a `{:?}` (a report holding one): which two sides it compares.
impl std::fmt::Debug for Diff {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Diff")
            .field("from", &self.from.label())
            .field("to", &self.to.label())
            .finish()
    }
}

/// The record file `rel` (relative to the project) stands for: its kind and id.
pub fn record_of(rel: &str) -> Option<(&'static KindSpec, String)> {
    let parts: Vec<&str> = rel.split('/').collect();
    let stem = parts.last()?.strip_suffix(".toml")?;
    if !id::is_valid(stem) {
        return None;
    }
    KINDS.iter().map(|k| k.spec).find_map(|spec| match (parts.as_slice(), &spec.group) {
        ([dir, _], None) if *dir == spec.dir => Some((spec, stem.to_string())),
        ([dir, owner, _], Some(_)) if *dir == spec.dir && id::is_valid(owner) => {
            Some((spec, format!("{owner}/{stem}")))
        }
        _ => None,
    })
}

/// Whether the diff looks at the file `rel`.
pub fn wanted(rel: &str) -> bool {
    rel == PROJECT_FILE || rel == crate::store::roadmap::LOCAL_FILE || record_of(rel).is_some()
}

/// A checklist item whose state changed.
#[derive(Debug)]
pub struct ItemChange {
    pub phase: String,
    pub item: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// The state of every checklist item of the project made of `files`, as
/// of `today`; None when the project cannot be read.
fn checklist_states(
    loc: &Location,
    files: &BTreeMap<String, String>,
    today: crate::model::date::Date,
) -> Option<BTreeMap<(String, String), String>> {
    let bytes = files.iter().map(|(k, v)| (k.clone(), v.clone().into_bytes())).collect();
    let snapshot = crate::store::source::Snapshot::new(&loc.root, String::new(), bytes);
    let before = crate::store::source::swap(Some(snapshot));
    let states = (|| {
        let project = loc.clone().open().ok()?.with_today(today);
        let roadmap = project.roadmap().ok()?;
        let ids: Vec<String> = roadmap.phase_ids().iter().map(|s| s.to_string()).collect();
        let eval = super::checklist::evaluate(&project, roadmap, &ids, today).ok()?;
        let mut out = BTreeMap::new();
        for p in &eval.phases {
            for i in &p.items {
                let label = crate::model::checklist::status_label(&i.state.status).to_string();
                out.insert((p.phase.id.clone(), i.item.id.clone()), label);
            }
        }
        Some(out)
    })();
    crate::store::source::restore(before);
    states
}

/// The checklist items whose state differs between the two projects.
pub fn checklist_changes(
    loc: &Location,
    old: &BTreeMap<String, String>,
    new: &BTreeMap<String, String>,
    today: crate::model::date::Date,
) -> Vec<ItemChange> {
    let empty = BTreeMap::new();
    let a = if old.is_empty() { Some(empty.clone()) } else { checklist_states(loc, old, today) };
    let (Some(a), Some(b)) = (a, checklist_states(loc, new, today)) else { return Vec::new() };
    let mut keys: Vec<&(String, String)> = a.keys().chain(b.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|k| a.get(*k) != b.get(*k))
        .map(|k| ItemChange {
            phase: k.0.clone(),
            item: k.1.clone(),
            before: a.get(k).cloned(),
            after: b.get(k).cloned(),
        })
        .collect()
}

/// The project's files on one side: its record files and `veikart.toml`.
pub fn files(loc: &Location, repo: Option<&Repo>, side: &Side) -> Result<BTreeMap<String, String>> {
    match (side, repo) {
        (Side::Commit(c), Some(repo)) => Ok(texts(repo.files_at(c, wanted)?)),
        _ => {
            let mut out = BTreeMap::new();
            let mut read = |rel: String| {
                let text = read_text(&loc.root.join(&rel), &loc.shown(&rel)).unwrap_or_default();
                out.insert(rel, text);
            };
            for file in [PROJECT_FILE, crate::store::roadmap::LOCAL_FILE] {
                if crate::store::source::is_file(&loc.root.join(file)) {
                    read(file.to_string());
                }
            }
            for kind in KINDS {
                for found in scan::kind(loc, kind.spec, None) {
                    if let scan::Found::Record { rel, .. } = found {
                        read(rel);
                    }
                }
            }
            Ok(out)
        }
    }
}

/// Files' bytes as text (a byte that is not UTF-8 makes the record unreadable).
pub fn texts(files: BTreeMap<String, Vec<u8>>) -> BTreeMap<String, String> {
    files
        .into_iter()
        .map(|(rel, bytes)| (rel, String::from_utf8_lossy(&bytes).into_owned()))
        .collect()
}

/// Parse a record's text; None when it is not a readable record.
fn parse(spec: &KindSpec, id: &str, shown: &str, text: &str) -> Option<Fields> {
    let parsed = record::parse(spec, id, shown, text);
    if parsed.diagnostics.iter().any(|d| d.code == "syntax" || d.code == "merge-conflict") {
        return None;
    }
    parsed.fields
}

/// What changed from `old` to `new` (each: relative path → text).
pub fn compare(
    loc: &Location,
    from: Side,
    to: Side,
    old: &BTreeMap<String, String>,
    new: &BTreeMap<String, String>,
    this_year: i64,
) -> Diff {
    let mut project_changes = Vec::new();
    let mut by_kind: BTreeMap<&'static str, KindDiff> = BTreeMap::new();
    let mut series: BTreeMap<String, Series> = BTreeMap::new();
    let mut paths: Vec<&String> = old.keys().chain(new.keys()).collect();
    paths.sort();
    paths.dedup();
    for rel in paths {
        let (a, b) = (old.get(rel), new.get(rel));
        if a == b {
            continue;
        }
        let shown = loc.shown(rel);
        if rel == PROJECT_FILE {
            let pa = a.and_then(|t| parse(&project::SPEC, "", &shown, t));
            let pb = b.and_then(|t| parse(&project::SPEC, "", &shown, t));
            // A project file that is new is told field by field.
            let none = Fields { id: String::new(), values: Default::default() };
            match (pa, pb) {
                (Some(pa), Some(pb)) => project_changes = changes(&project::SPEC, &pa, &pb),
                (None, Some(pb)) if a.is_none() => {
                    project_changes = changes(&project::SPEC, &none, &pb);
                }
                _ => {}
            }
            continue;
        }
        let Some((spec, rid)) = record_of(rel) else { continue };
        let fa = a.and_then(|t| parse(spec, &rid, &shown, t));
        let fb = b.and_then(|t| parse(spec, &rid, &shown, t));
        if std::ptr::eq(spec, &measurement::SPEC) {
            let (owner, date) = rid.split_once('/').unwrap_or((&rid, ""));
            let s = series
                .entry(owner.to_string())
                .or_insert_with(|| Series { indicator: owner.to_string(), ..Series::default() });
            match (a.is_some(), b.is_some()) {
                (false, true) => s.added += 1,
                (true, false) => s.removed += 1,
                _ => s.changed += 1,
            }
            if b.is_some() {
                let date = date.to_string();
                s.dates = Some(match s.dates.take() {
                    None => (date.clone(), date),
                    Some((first, last)) => (first.min(date.clone()), last.max(date)),
                });
            }
            continue;
        }
        let name_of = |f: &Option<Fields>| {
            f.as_ref().and_then(|f| spec.title.and_then(|t| f.str(t)).map(str::to_string))
        };
        let named =
            Named { id: rid.clone(), name: name_of(&fb).or_else(|| name_of(&fa)), path: shown };
        let entry = match (a.is_some(), b.is_some(), &fa, &fb) {
            (false, true, _, Some(_)) => Entry::Added(named),
            (true, false, Some(_), _) => Entry::Removed(named),
            (true, true, Some(x), Some(y)) => {
                let c = changes(spec, x, y);
                if c.is_empty() {
                    // Only layout or comments changed: nothing the project says.
                    continue;
                }
                Entry::Changed(named, c, derived(spec, x, y))
            }
            _ => Entry::Unreadable(named),
        };
        by_kind
            .entry(spec.dir)
            .or_insert_with(|| KindDiff { spec, entries: Vec::new() })
            .entries
            .push(entry);
    }
    // The latest value of each indicator whose values changed, how far
    // towards its target it had come and its state, on each side.
    for s in series.values_mut() {
        let (before, after) = (standing(old, &s.indicator), standing(new, &s.indicator));
        s.achievement = (before.achievement, after.achievement);
        s.state = (before.state, after.state);
        s.latest = after.latest;
    }
    // A phase change is told with its reason, from the decision that made it.
    let phase_reason = project_changes.iter().find(|c| c.field == "phase").and_then(|c| {
        let to = c.new_value.as_str()?;
        new.iter()
            .filter(|(rel, _)| !old.contains_key(*rel))
            .filter_map(|(rel, text)| {
                let (spec, rid) = record_of(rel)?;
                if !std::ptr::eq(spec, &DECISION_SPEC) {
                    return None;
                }
                let f = parse(spec, &rid, rel, text)?;
                (f.str("to") == Some(to)).then(|| f.str("reason").map(str::to_string)).flatten()
            })
            .next()
    });
    // The economics, when a benefit or the project file changed them.
    let touched = |rel: &String| rel == PROJECT_FILE || rel.starts_with("benefits/");
    let economics =
        if old.keys().chain(new.keys()).filter(|r| touched(r)).any(|r| old.get(r) != new.get(r)) {
            let (a, b) = (economics_of(old, this_year), economics_of(new, this_year));
            (a != b).then_some((a, b))
        } else {
            None
        };
    // Kinds in the order the project's folders are declared.
    let kinds = KINDS.iter().filter_map(|k| by_kind.remove(k.spec.dir)).collect();
    Diff {
        economics,
        from,
        to,
        project: project_changes,
        phase_reason,
        kinds,
        series: series.into_values().collect(),
        checklist: Vec::new(),
    }
}

/// The economics of one side, from its benefit files and project file.
fn economics_of(
    files: &BTreeMap<String, String>,
    this_year: i64,
) -> Option<crate::model::economics::Summary> {
    let info = files
        .get(PROJECT_FILE)
        .and_then(|t| parse(&project::SPEC, "", PROJECT_FILE, t))
        .map(|f| project::ProjectInfo::from_fields(&f))?;
    let prefix = format!("{}/", crate::model::benefit::SPEC.dir);
    let benefits: Vec<crate::model::benefit::Benefit> = files
        .range(prefix.clone()..)
        .take_while(|(rel, _)| rel.starts_with(&prefix))
        .filter_map(|(rel, text)| {
            let id = rel.strip_prefix(&prefix)?.strip_suffix(".toml")?;
            parse(&crate::model::benefit::SPEC, id, rel, text)
        })
        .map(|f| crate::model::benefit::Benefit::from_fields(&f))
        .collect();
    crate::app::economics::when_any(&benefits, &info, this_year).map(|e| e.summary())
}

/// The latest value of `indicator` in `files`, with its date.
/// Where an indicator stood on one side: its latest value (with its date),
/// and, judged on that date, its achievement and state.
#[derive(Default)]
struct Standing {
    latest: Option<(String, f64)>,
    achievement: Option<f64>,
    state: Option<indicator::PlanState>,
}

fn standing(files: &BTreeMap<String, String>, id: &str) -> Standing {
    let Some((date, value)) = latest(files, id) else { return Standing::default() };
    let rel = format!("{}/{id}.toml", indicator::SPEC.dir);
    let plan = files
        .get(&rel)
        .and_then(|text| parse(&indicator::SPEC, id, &rel, text))
        .map(|f| indicator::Indicator::from_fields(&f));
    let progress = plan.zip(crate::model::date::Date::parse(&date)).map(|(plan, day)| {
        let m = measurement::Measurement {
            id: format!("{id}/{date}"),
            indicator: id.to_string(),
            date: Some(day),
            value,
            note: None,
            by: None,
        };
        plan.progress(&[m], day)
    });
    Standing {
        achievement: progress
            .as_ref()
            .and_then(|p| p.achievement)
            .map(crate::model::number::percent_rounded),
        state: progress.map(|p| p.state),
        latest: Some((date, value)),
    }
}

fn latest(files: &BTreeMap<String, String>, indicator: &str) -> Option<(String, f64)> {
    let prefix = format!("{}/{indicator}/", measurement::SPEC.dir);
    files
        .range(prefix.clone()..)
        .take_while(|(rel, _)| rel.starts_with(&prefix))
        .filter_map(|(rel, text)| {
            let date = rel.strip_prefix(&prefix)?.strip_suffix(".toml")?;
            let f = parse(&measurement::SPEC, &format!("{indicator}/{date}"), rel, text)?;
            Some((date.to_string(), f.number("value")?))
        })
        .max_by(|x, y| x.0.cmp(&y.0))
}

/// What follows from a record's change that a reviewer cares about: an
/// idea's priority.
fn derived(spec: &KindSpec, before: &Fields, after: &Fields) -> Vec<Change> {
    if !std::ptr::eq(spec, &idea::SPEC) {
        return Vec::new();
    }
    let (a, b) = (idea::Idea::from_fields(before), idea::Idea::from_fields(after));
    if a.priority == b.priority {
        return Vec::new();
    }
    let text = |p: Option<f64>| p.map(crate::model::number::format);
    let value = |p: Option<f64>| p.map_or(serde_json::Value::Null, serde_json::Value::from);
    vec![Change {
        field: "priority".to_string(),
        label: crate::tr!("Prioritet", "Priority"),
        old: text(a.priority),
        new: text(b.priority),
        old_value: value(a.priority),
        new_value: value(b.priority),
    }]
}
