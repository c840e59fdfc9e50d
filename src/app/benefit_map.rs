//! The benefit map (gevinstkart): what brings each benefit (a proposal, a
//! technology option, an activity or a touchpoint) and the goals it serves,
//! built from the links on the benefit records (`goals`, `enablers`), and
//! the one way those links are added and removed (`benefit link`,
//! `benefit unlink`). Plain data out; [`crate::output::benefit_map`] draws it.

use std::collections::BTreeSet;

use anyhow::Result;
use serde::Serialize;

use crate::error::UserError;
use crate::model::Snapshot;
use crate::model::benefit::{self, Benefit, ENABLER_DIRS};
use crate::model::display::Change;
use crate::model::goal;
use crate::store::Project;
use crate::store::edit;
use crate::tr;

/// One box of the map.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Node {
    /// The record's folder and id (`proposals/sms-varsel`), unique in the map.
    pub key: String,
    /// The record's id in its folder.
    pub id: String,
    /// The folder: `proposals`, `technologies`, `activities`,
    /// `touchpoints`, `benefits` or `goals`.
    pub kind: &'static str,
    pub title: String,
}

/// A line of the map: `from` brings or serves `to` (node keys).
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct Edge {
    pub from: String,
    pub to: String,
}

/// The whole map, in three columns: enablers, benefits, goals; each column
/// in id order. Every benefit and goal is there (linked or not); an enabler
/// only when some benefit names it.
#[derive(Debug, Clone, Default, Serialize)]
pub struct BenefitMap {
    pub enablers: Vec<Node>,
    pub benefits: Vec<Node>,
    pub goals: Vec<Node>,
    pub edges: Vec<Edge>,
}

impl BenefitMap {
    /// Whether any benefit is linked to anything (a map worth drawing).
    pub fn has_links(&self) -> bool {
        !self.edges.is_empty()
    }

    /// The node with this key, in any column.
    pub fn node(&self, key: &str) -> Option<&Node> {
        self.enablers.iter().chain(&self.benefits).chain(&self.goals).find(|n| n.key == key)
    }

    /// The edges that start at `key`, in order.
    pub fn from<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a Edge> + 'a {
        self.edges.iter().filter(move |e| e.from == key)
    }

    /// The edges that end at `key`, in order.
    pub fn to<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a Edge> + 'a {
        self.edges.iter().filter(move |e| e.to == key)
    }
}

/// The title of a record as its kind names it (`title`, `name`, `text`).
fn title_of(snap: &Snapshot, dir: &str, id: &str) -> Option<String> {
    let spec = crate::model::kind_of(dir)?.spec;
    let fields = snap.records.get(dir)?.iter().find(|f| f.id == id)?;
    Some(fields.str(spec.title?).unwrap_or(id).to_string())
}

/// The map of the records in `snap`. A link to a record that is not there
/// (which `check` reports) is left out.
pub fn build(snap: &Snapshot) -> BenefitMap {
    let mut map = BenefitMap::default();
    let mut enablers: BTreeSet<(usize, String)> = BTreeSet::new();
    let mut benefits = snap.all::<Benefit>();
    benefits.sort_by(|a, b| a.id.cmp(&b.id));
    for b in &benefits {
        let key = format!("{}/{}", benefit::SPEC.dir, b.id);
        map.benefits.push(Node {
            key: key.clone(),
            id: b.id.clone(),
            kind: benefit::SPEC.dir,
            title: b.title.clone(),
        });
        for e in &b.enablers {
            let Some((dir, id)) = crate::model::schema::split_ref(e, ENABLER_DIRS) else {
                continue;
            };
            if title_of(snap, dir, &id).is_none() {
                continue;
            }
            let rank = ENABLER_DIRS.iter().position(|d| *d == dir).unwrap_or(usize::MAX);
            enablers.insert((rank, e.clone()));
            map.edges.push(Edge { from: e.clone(), to: key.clone() });
        }
        for g in &b.goals {
            if title_of(snap, goal::SPEC.dir, g).is_none() {
                continue;
            }
            map.edges.push(Edge { from: key.clone(), to: format!("{}/{g}", goal::SPEC.dir) });
        }
    }
    for (_, key) in enablers {
        let Some((dir, id)) = crate::model::schema::split_ref(&key, ENABLER_DIRS) else {
            continue;
        };
        let title = title_of(snap, dir, &id).unwrap_or_else(|| id.clone());
        map.enablers.push(Node { key: key.clone(), id, kind: dir, title });
    }
    let mut goals: Vec<_> = snap.all::<goal::Goal>();
    goals.sort_by(|a, b| a.id.cmp(&b.id));
    for g in goals {
        map.goals.push(Node {
            key: format!("{}/{}", goal::SPEC.dir, g.id),
            id: g.id,
            kind: goal::SPEC.dir,
            title: g.text,
        });
    }
    // Links into the benefits first, then on to the goals.
    map.edges.sort_by(|a, b| {
        let served = |e: &Edge| e.from.starts_with("benefits/");
        (served(a), a).cmp(&(served(b), b))
    });
    map.edges.dedup();
    map
}

/// The map of the project as it stands (read once, as `check` reads it).
pub fn load(project: &Project, as_of: crate::model::date::Date) -> Result<BenefitMap> {
    let checked = crate::app::pass::read(project, as_of)?;
    Ok(build(&checked.snapshot))
}

/// What `benefit link` and `benefit unlink` are asked to do.
#[derive(Debug, Clone, Default)]
pub struct Links {
    /// Goals as typed (ids or unique prefixes).
    pub goals: Vec<String>,
    /// Enablers as typed (`proposal/ID`, `proposals/ID`, or a plain id or prefix).
    pub enablers: Vec<String>,
}

/// A benefit whose links were changed: its id, its file as shown, and what changed.
#[derive(Debug)]
pub struct Linked {
    pub id: String,
    pub path: String,
    pub changes: Vec<Change>,
}

/// Add (`add`) or remove the links `links` of the benefit `wanted` (an id or
/// a unique prefix). Adding a link that is there, or removing one that is
/// not, changes nothing. The lists are kept sorted, one item a line, so two
/// branches that link the same benefit to different records merge.
pub fn link(project: &Project, wanted: &str, links: &Links, add: bool) -> Result<Linked> {
    if links.goals.is_empty() && links.enablers.is_empty() {
        return Err(UserError::new(tr!("ingenting å koble", "nothing to link"))
            .hint(tr!(
                "gi minst én --goal eller --enabler",
                "give at least one --goal or --enabler"
            ))
            .into());
    }
    let id = project.resolve(&benefit::SPEC, wanted)?;
    // Resolve everything first: an unknown id changes nothing.
    let goals =
        links.goals.iter().map(|g| project.resolve(&goal::SPEC, g)).collect::<Result<Vec<_>>>()?;
    let enablers = links
        .enablers
        .iter()
        .map(|e| resolve_enabler(project, e, add, &id))
        .collect::<Result<Vec<_>>>()?;
    let changes = project.edit::<Benefit>(&id, |b, doc| {
        for (key, now, given) in [("goals", &b.goals, &goals), ("enablers", &b.enablers, &enablers)]
        {
            if given.is_empty() {
                continue;
            }
            let mut items: BTreeSet<String> = now.iter().cloned().collect();
            for g in given {
                if add {
                    items.insert(g.clone());
                } else {
                    items.remove(g);
                }
            }
            let items: Vec<String> = items.into_iter().collect();
            if items.as_slice() == now.as_slice() {
                continue;
            }
            if items.is_empty() {
                edit::remove(doc, key);
            } else {
                edit::set_lines(doc, key, &items);
            }
        }
        Ok(())
    })?;
    Ok(Linked { path: project.shown_record(&benefit::SPEC, &id), id, changes })
}

/// An enabler as typed, as it is written (`folder/id`). To unlink, a link
/// already on the benefit is found as written even if its record is gone.
fn resolve_enabler(project: &Project, typed: &str, add: bool, benefit_id: &str) -> Result<String> {
    if !add && crate::model::schema::split_ref(typed.trim(), ENABLER_DIRS).is_some() {
        let b: Benefit = project.load(benefit_id)?;
        if b.enablers.iter().any(|e| e == typed.trim()) {
            return Ok(typed.trim().to_string());
        }
    }
    project.resolve_among(ENABLER_DIRS, typed)
}
