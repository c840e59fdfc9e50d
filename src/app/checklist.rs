//! Evaluating phase checklists: every item of a phase with its answer, what
//! its rule finds in the project's data, and whether it is finished.
//! Reads the project once (the same pass as `check`), so it is linear in the
//! project's bytes.

use std::collections::BTreeMap;

use crate::model::RuleCtx;
use crate::model::checklist::{self, Answer, DECISION_SPEC, Decision, ItemState, Outcome};
use crate::model::checks;
use crate::model::date::Date;
use crate::model::roadmap::{Item, Phase, Roadmap};
use anyhow::Result;

use crate::error::UserError;
use crate::model::id;
use crate::store::{PROJECT_FILE, Project};
use crate::tr;

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
    /// The items as the gate judges them: as recorded in the decision that
    /// closed the phase, else as today's data and answers have them.
    pub items: Vec<ItemResult>,
    /// The decision that closed the phase with its evaluation recorded;
    /// `None` for a phase that is open (or closed before veikart recorded
    /// evaluations).
    pub closed: Option<Closed>,
}

/// How a closed phase was judged: the decision that closed it, and today's
/// evaluation beside it (for `checklist --recheck`).
#[derive(Debug)]
pub struct Closed {
    /// The decision's id and its file (as shown).
    pub decision: String,
    pub file: String,
    pub date: Option<Date>,
    pub by: Option<String>,
    /// The commit the checklist was judged at, when the project was in git.
    pub judged_at: Option<String>,
    /// Items of today's roadmap the decision did not record (added to the
    /// roadmap later): the gate does not judge them.
    pub not_recorded: Vec<String>,
    /// Today's evaluation of every item of the phase in today's roadmap.
    pub today: Vec<ItemResult>,
}

impl Closed {
    /// Today's evaluation of one item.
    pub fn today_of(&self, item: &str) -> Option<&ItemResult> {
        self.today.iter().find(|t| t.item.id == item)
    }
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
    let decisions: Vec<Decision> = report.snapshot.all::<Decision>();
    let order: Vec<&str> = roadmap.phases.iter().map(|p| p.id.as_str()).collect();
    let closing = checklist::closed_phases(&decisions, &order, &project.info.phase, as_of);
    let project_file = project.shown(PROJECT_FILE);
    let phase_line = project.line_of_key(PROJECT_FILE, "phase");
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
            let (file, line) =
                if answer.is_some() || crate::store::source::is_file(&project.root.join(&rel)) {
                    let line = project.line_of_key(&rel, "status");
                    (project.shown(&rel), line)
                } else {
                    (project_file.clone(), phase_line)
                };
            items.push(ItemResult { item: item.clone(), answer, outcome, state, file, line });
        }
        let closed = closing.get(&phase.id).filter(|d| d.recorded());
        match closed {
            Some(d) => {
                let (items, closed) = recorded(project, phase, d, items);
                out.push(PhaseResult { phase: phase.clone(), items, closed: Some(closed) });
            }
            None => out.push(PhaseResult { phase: phase.clone(), items, closed: None }),
        }
    }
    let skipped = report.skipped.clone();
    Evaluation { roadmap, phases: out, skipped }
}

/// A closed phase as its decision recorded it, with `today` kept beside.
fn recorded(
    project: &Project,
    phase: &Phase,
    d: &Decision,
    today: Vec<ItemResult>,
) -> (Vec<ItemResult>, Closed) {
    let rel = Project::record_rel(&DECISION_SPEC, &d.id);
    let file = project.shown(&rel);
    let items = d
        .items
        .iter()
        .map(|r| {
            let item = phase.item(&r.id).cloned().unwrap_or_else(|| Item {
                id: r.id.clone(),
                origin: crate::model::roadmap::Origin::Local,
                evaluation: crate::model::roadmap::Evaluation::Manual,
                rule: None,
                nb: r.id.clone(),
                en: r.id.clone(),
            });
            let answer = r.answered().then(|| Answer {
                id: format!("{}/{}", phase.id, r.id),
                phase: phase.id.clone(),
                item: r.id.clone(),
                status: r.status.clone(),
                note: r.note.clone(),
                by: r.by.clone(),
                date: r.date,
                evidence: r.evidence.clone(),
            });
            let outcome = r.data.as_ref().map(|detail| Outcome {
                passed: r.passed.unwrap_or_else(|| r.is_finished()),
                detail: detail.clone(),
            });
            let state = ItemState {
                status: r.status.clone(),
                finished: r.is_finished(),
                automatic: !r.answered()
                    && item.evaluation == crate::model::roadmap::Evaluation::Auto,
            };
            let line = project.line_of_row(&rel, "item", "id", &r.id);
            ItemResult { item, answer, outcome, state, file: file.clone(), line }
        })
        .collect();
    let not_recorded = phase
        .items
        .iter()
        .filter(|i| !d.items.iter().any(|r| r.id == i.id))
        .map(|i| i.id.clone())
        .collect();
    let closed = Closed {
        decision: d.id.clone(),
        file,
        date: d.date,
        by: d.by.clone(),
        judged_at: d.judged_at.clone(),
        not_recorded,
        today,
    };
    (items, closed)
}

/// The evaluation of one phase as a decision records it: one `[[item]]`
/// entry per item (key, value), in the roadmap's order.
pub fn record_rows(p: &PhaseResult) -> Vec<Vec<(&'static str, crate::model::value::Value)>> {
    use crate::model::value::Value;
    p.items
        .iter()
        .map(|i| {
            let mut row = vec![
                ("id", Value::Str(i.item.id.clone())),
                ("status", Value::Str(i.state.status.clone())),
                ("finished", Value::Bool(i.state.finished)),
            ];
            if let Some(a) = &i.answer {
                if let Some(by) = &a.by {
                    row.push(("by", Value::Str(by.clone())));
                }
                if let Some(d) = a.date {
                    row.push(("date", Value::Date(d)));
                }
                if let Some(n) = &a.note {
                    row.push(("note", Value::Str(n.clone())));
                }
                if !a.evidence.is_empty() {
                    row.push((
                        "evidence",
                        Value::List(a.evidence.iter().cloned().map(Value::Str).collect()),
                    ));
                }
            }
            if let Some(o) = &i.outcome {
                row.push(("data", Value::Str(o.detail.clone())));
                row.push(("passed", Value::Bool(o.passed)));
            }
            row
        })
        .collect()
}

/// The phase for what the user typed, with a helpful error.
pub fn find_phase<'a>(roadmap: &'a Roadmap, typed: &str) -> Result<&'a Phase> {
    roadmap.find_phase(typed).ok_or_else(|| {
        let several: Vec<&str> =
            roadmap.phases_beginning(typed).iter().map(|p| p.id.as_str()).collect();
        if several.len() > 1 {
            return UserError::new(tr!(
                "«{typed}» passer til flere faser: {}",
                "`{typed}` matches several phases: {}",
                several.join(", ")
            ))
            .hint(tr!("skriv mer av navnet", "type more of the name"))
            .into();
        }
        let ids = roadmap.phase_ids();
        let mut e = UserError::new(tr!(
            "«{typed}» er ikke en fase i veikartet {}",
            "`{typed}` is not a phase of the roadmap {}",
            roadmap.id
        ));
        if let Some(best) = id::closest(typed, &ids).first() {
            e = e.hint(tr!("mente du {best}?", "did you mean {best}?"));
        }
        e.hint(tr!("fasene er: {}", "the phases are: {}", ids.join(", "))).into()
    })
}

/// The error for a `phase` in veikart.toml that the roadmap does not have,
/// pointing at its line, with the closest phase and how to fix it.
pub fn phase_not_in_roadmap(project: &Project, roadmap: &Roadmap) -> anyhow::Error {
    let current = &project.info.phase;
    let shown = project.shown(crate::store::PROJECT_FILE);
    let line = project.line_of_key(PROJECT_FILE, "phase");
    let ids = roadmap.phase_ids();
    let mut e = UserError::new(tr!(
        "{shown}:{line}:1: fasen «{current}» finnes ikke i veikartet {}",
        "{shown}:{line}:1: the phase `{current}` is not in the roadmap {}",
        roadmap.id
    ));
    if let Some(best) = id::closest(current, &ids).first() {
        e = e.hint(tr!("mente du {best}?", "did you mean {best}?"));
    }
    e.hint(tr!(
        "velg en av fasene med `veikart phase set FASE --reason TEKST`: {}",
        "pick one of the phases with `veikart phase set PHASE --reason TEXT`: {}",
        ids.join(", ")
    ))
    .into()
}

/// Who answers: `--by`, else git's user.name in the project, else $USER.
pub fn who(project: &Project, by: Option<&str>) -> Result<String> {
    if let Some(b) = by {
        return crate::model::input::line(b)
            .map_err(|m| UserError::new(format!("--by: {m}")).into());
    }
    if let Some(name) = crate::store::git_user_name(&project.root) {
        return Ok(name);
    }
    for var in ["USER", "USERNAME"] {
        if let Ok(u) = std::env::var(var)
            && !u.trim().is_empty()
            && !u.chars().any(char::is_control)
        {
            return Ok(u.trim().to_string());
        }
    }
    Err(UserError::new(tr!("vet ikke hvem som svarer", "cannot tell who is answering"))
        .hint(tr!("oppgi navnet med --by NAVN", "give a name with --by NAME"))
        .into())
}

/// What `check` left out, in one sentence; `None` when nothing was.
pub fn skipped_files(eval: &Evaluation) -> Option<String> {
    let n = eval.skipped.len();
    if n == 0 {
        return None;
    }
    let files = crate::i18n::counted(n, ("fil", "filer"), ("file", "files"));
    let (has, them, hold, dem) =
        if n == 1 { ("has", "it", "holds", "den") } else { ("have", "them", "hold", "dem") };
    let mut list = eval.skipped.iter().take(3).cloned().collect::<Vec<_>>().join(", ");
    if n > 3 {
        list.push_str(&tr!(" og {} til", " and {} more", n - 3));
    }
    Some(tr!(
        "{files} har feil, og sjekklisten ser bort fra det som står i {dem} ({list}); kjør `veikart check`",
        "{files} {has} errors, and the checklist leaves out what {them} {hold} ({list}); run `veikart check`"
    ))
}

/// A short progress line for `status` and `phase`.
pub fn progress(p: &PhaseResult) -> String {
    tr!("{} ferdige", "{} finished", crate::i18n::items_of(p.finished(), p.items.len()))
}

/// Where the project is on its roadmap, as every document shows it
/// (`status`, `report`, `phase`, `portfolio`): the phase's id and name and
/// its place among the roadmap's phases.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PhaseRef {
    pub id: String,
    pub name: String,
    pub position: usize,
    pub of: usize,
}

impl PhaseRef {
    pub fn of_project(project: &Project, roadmap: &Roadmap) -> PhaseRef {
        let info = &project.info;
        let (position, of) = info.phase_position();
        PhaseRef {
            id: info.phase.clone(),
            name: roadmap.phase(&info.phase).map_or(info.phase.clone(), |p| p.name().to_string()),
            position,
            of,
        }
    }
}

/// A phase's checklist in short, the same in every document: counts, and
/// the unfinished items with what the data says about them.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct ChecklistSummary {
    pub finished: usize,
    pub total: usize,
    pub unfinished: usize,
    pub unfinished_items: Vec<OpenItem>,
}

/// An unfinished checklist item.
#[derive(Debug, Clone, serde::Serialize)]
pub struct OpenItem {
    pub id: String,
    pub text: String,
    pub status: String,
    /// What the data says, for automatic and suggested items whose data fails.
    pub detail: Option<String>,
}

impl ChecklistSummary {
    pub fn of(p: &PhaseResult) -> ChecklistSummary {
        let unfinished_items: Vec<OpenItem> = p
            .unfinished()
            .map(|i| OpenItem {
                id: i.item.id.clone(),
                text: i.item.text().to_string(),
                status: i.state.status.clone(),
                detail: i.outcome.as_ref().filter(|o| !o.passed).map(|o| o.detail.clone()),
            })
            .collect();
        ChecklistSummary {
            finished: p.finished(),
            total: p.items.len(),
            unfinished: unfinished_items.len(),
            unfinished_items,
        }
    }

    /// The summary of the first phase evaluated (the current one).
    pub fn first(eval: &Evaluation) -> ChecklistSummary {
        eval.phases.first().map(ChecklistSummary::of).unwrap_or_default()
    }
}
