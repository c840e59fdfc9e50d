//! Evaluating phase checklists: every item of a phase with its answer, what
//! its rule finds in the project's data, and whether it is finished.
//! Reads the project once (the same pass as `check`), so it is linear in the
//! project's bytes.

use std::collections::BTreeMap;

use crate::model::RuleCtx;
use crate::model::checklist::{self, Answer, ItemState, Outcome};
use crate::model::checks;
use crate::model::date::Date;
use crate::model::roadmap::{Item, Phase, Roadmap};
use crate::store::{PROJECT_FILE, Project};

/// One item, evaluated.
#[derive(Debug)]
pub struct ItemResult {
    pub item: Item,
    pub answer: Option<Answer>,
    /// What the item's rule found, for auto and suggested items.
    pub outcome: Option<Outcome>,
    pub state: ItemState,
    /// The file an annotation should point at (as shown), and the line.
    pub file: String,
    pub line: usize,
}

/// One phase, evaluated.
#[derive(Debug)]
pub struct PhaseResult {
    pub phase: Phase,
    pub items: Vec<ItemResult>,
}

impl PhaseResult {
    pub fn finished(&self) -> usize {
        self.items.iter().filter(|i| i.state.finished).count()
    }
    pub fn unfinished(&self) -> impl Iterator<Item = &ItemResult> {
        self.items.iter().filter(|i| !i.state.finished)
    }
}

/// The checklists of some phases of a project.
#[derive(Debug)]
pub struct Evaluation {
    pub roadmap: Roadmap,
    pub phases: Vec<PhaseResult>,
    /// Record files `check` refuses (as shown): what they hold is left
    /// out, so an answer in one counts as unanswered, and a rule does not
    /// see the record.
    pub skipped: Vec<String>,
}

impl Evaluation {
    pub fn unfinished(&self) -> usize {
        self.phases.iter().map(|p| p.items.len() - p.finished()).sum()
    }
    pub fn total(&self) -> usize {
        self.phases.iter().map(|p| p.items.len()).sum()
    }
}

/// Evaluate the checklists of `phases` (ids of `roadmap`) as of `as_of`,
/// reading the project once. What `check` refuses is left out (see
/// [`Evaluation::skipped`]); readers that must not go on then use
/// [`crate::app::pass::read`] and [`evaluate_on`].
pub fn evaluate(
    project: &Project,
    roadmap: Roadmap,
    phases: &[String],
    as_of: Date,
) -> anyhow::Result<Evaluation> {
    let report = crate::app::check::run(&project.location(), as_of)?;
    Ok(evaluate_on(project, &report, roadmap, phases))
}

/// [`evaluate`] on a pass `check` already made (the one `status` and
/// `report` make), as of the date it was made for.
pub fn evaluate_on(
    project: &Project,
    report: &crate::app::check::Report,
    roadmap: Roadmap,
    phases: &[String],
) -> Evaluation {
    let as_of = report.as_of;
    let ctx = RuleCtx { as_of, project: report.project.clone() };
    let mut answers: BTreeMap<String, Answer> = BTreeMap::new();
    for a in report.snapshot.all::<Answer>() {
        answers.insert(a.id.clone(), a);
    }
    let project_file = project.shown(PROJECT_FILE);
    let phase_line = line_of_key(project, PROJECT_FILE, "phase");
    let mut out = Vec::new();
    for id in phases {
        let Some(phase) = roadmap.phase(id) else { continue };
        let mut items = Vec::new();
        for item in &phase.items {
            let answer = answers.remove(&format!("{}/{}", phase.id, item.id));
            let outcome =
                item.rule.as_deref().and_then(|r| checks::evaluate(r, &report.snapshot, &ctx));
            let state = checklist::state(item, answer.as_ref(), outcome.as_ref());
            // Point at the answer's file, also one `check` refuses; an item
            // nobody answered, at the project's phase.
            let rel = crate::store::Project::record_rel(
                &checklist::ANSWER_SPEC,
                &format!("{}/{}", phase.id, item.id),
            );
            let (file, line) = if answer.is_some() || project.root.join(&rel).is_file() {
                let line = line_of_key(project, &rel, "status");
                (project.shown(&rel), line)
            } else {
                (project_file.clone(), phase_line)
            };
            items.push(ItemResult { item: item.clone(), answer, outcome, state, file, line });
        }
        out.push(PhaseResult { phase: phase.clone(), items });
    }
    let skipped = report.skipped.clone();
    Evaluation { roadmap, phases: out, skipped }
}

/// The line (1-based) where `key = …` starts in a project file; 1 if absent.
pub fn line_of_key(project: &Project, rel: &str, key: &str) -> usize {
    let text = std::fs::read_to_string(project.root.join(rel)).unwrap_or_default();
    text.lines()
        .position(|l| {
            let t = l.trim_start();
            t.strip_prefix(key).is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map_or(1, |i| i + 1)
}
