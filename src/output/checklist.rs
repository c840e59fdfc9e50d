//! A phase checklist as the user asked for it: text, JSON, Markdown, JUnit
//! XML, and the findings the CI formats show (GitHub annotations, GitLab
//! Code Quality). Pure functions of an [`Evaluation`].

use serde::Serialize;

use super::ci;
use super::escape::{md, md_code, xml};
use super::ui::Ui;
use crate::app::checklist::{Closed, Evaluation, ItemResult, PhaseResult};
use crate::model::checklist::{self, Answer};
use crate::model::date::Date;
use crate::model::roadmap::Evaluation as Eval;
use crate::tr;

/// An answer in one line: who, when, the note, the evidence.
pub fn answer_line(a: &Answer) -> String {
    let mut s = a.by.clone().unwrap_or_default();
    if let Some(d) = a.date {
        if !s.is_empty() {
            s.push_str(", ");
        }
        s.push_str(&d.to_string());
    }
    if let Some(n) = &a.note {
        if !s.is_empty() {
            s.push_str(": ");
        }
        s.push_str(&n.replace('\n', " "));
    }
    if !a.evidence.is_empty() {
        s.push_str(&tr!(" (belegg: {})", " (evidence: {})", a.evidence.join(", ")));
    }
    s
}

fn status_word(i: &ItemResult) -> String {
    let label = checklist::status_label(&i.state.status).to_string();
    if i.state.automatic {
        tr!("{label} (fra dataene)", "{label} (from the data)")
    } else if i.state.status == "done" && !i.state.finished {
        tr!("{label}, men dataene holder ikke", "{label}, but the data does not hold")
    } else {
        label
    }
}

/// The commit a phase was judged at, abbreviated as git does.
fn short(commit: &str) -> &str {
    commit.get(..7).unwrap_or(commit)
}

/// "Closed on … (file, commit …): the items are judged as they were then."
fn closed_line(c: &Closed, file: &str) -> String {
    let date = c.date.map(|d| d.to_string()).unwrap_or_default();
    let at = match &c.judged_at {
        Some(commit) => format!("{file}, commit {}", short(commit)),
        None => file.to_string(),
    };
    tr!(
        "Lukket {date} ({at}): punktene er vurdert slik de var da.",
        "Closed on {date} ({at}): the items are judged as they were then."
    )
}

/// The items of today's roadmap that the decision did not record.
fn not_recorded_line(c: &Closed) -> Option<String> {
    (!c.not_recorded.is_empty()).then(|| {
        tr!(
            "Lagt til i veikartet etter lukkingen, og ikke vurdert: {}.",
            "Added to the roadmap after the phase was closed, and not judged: {}.",
            c.not_recorded.join(", ")
        )
    })
}

/// Whether today's evaluation of an item differs from the recorded one.
fn changed(recorded: &ItemResult, today: &ItemResult) -> bool {
    recorded.state.status != today.state.status || recorded.state.finished != today.state.finished
}

fn same_answer(a: Option<&Answer>, b: Option<&Answer>) -> bool {
    match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => {
            (&a.status, &a.note, &a.by, a.date, &a.evidence)
                == (&b.status, &b.note, &b.by, b.date, &b.evidence)
        }
        _ => false,
    }
}

/// How many recorded items today's evaluation judges differently.
fn changed_count(p: &PhaseResult, c: &Closed) -> usize {
    p.items.iter().filter(|i| c.today_of(&i.item.id).is_none_or(|t| changed(i, t))).count()
}

/// The line under a closed phase with `--recheck`: today's count and how
/// many items changed.
fn today_line(p: &PhaseResult, c: &Closed) -> String {
    let finished = c.today.iter().filter(|t| t.state.finished).count();
    let n = changed_count(p, c);
    let how = match n {
        0 => tr!("ingen punkter er endret", "no item has changed"),
        1 => tr!("1 punkt er endret", "1 item has changed"),
        n => tr!("{n} punkter er endret", "{n} items have changed"),
    };
    tr!(
        "I dag: {finished} av {} ferdig; {how} siden lukkingen.",
        "Today: {finished} of {} finished; {how} since the phase was closed.",
        c.today.len()
    )
}

fn mark(i: &ItemResult) -> &'static str {
    if i.state.finished { "[x]" } else { "[ ]" }
}

fn data_line(s: &mut String, indent: &str, i: &ItemResult) {
    if let Some(o) = &i.outcome {
        let sign = if o.passed { "✓" } else { "✗" };
        s.push_str(&format!("{indent}{} {sign} {}\n", tr!("data:", "data:"), o.detail));
    }
}

/// The checklists as text; with `recheck`, each item of a closed phase
/// with today's evaluation under the recorded one.
pub fn text(ui: &Ui, eval: &Evaluation, recheck: bool) -> String {
    let mut s = String::new();
    for (n, p) in eval.phases.iter().enumerate() {
        if n > 0 {
            s.push('\n');
        }
        s.push_str(&ui.bold(&tr!(
            "Sjekkliste for {}: {} av {} ferdig",
            "Checklist for {}: {} of {} finished",
            p.phase.name(),
            p.finished(),
            p.items.len()
        )));
        s.push('\n');
        if let Some(c) = &p.closed {
            s.push_str(&closed_line(c, &c.file));
            s.push('\n');
            if recheck {
                s.push_str(&today_line(p, c));
                s.push('\n');
            }
            if let Some(l) = not_recorded_line(c) {
                s.push_str(&l);
                s.push('\n');
            }
        } else if recheck {
            s.push_str(&tr!(
                "Fasen er ikke lukket med en lagret vurdering; punktene er vurdert på dagens data.\n",
                "The phase is not closed with a recorded evaluation; the items are judged on today's data.\n"
            ));
        }
        for i in &p.items {
            s.push_str(&format!(
                "{} {}  {} · {}\n",
                mark(i),
                i.item.id,
                status_word(i),
                i.item.evaluation.label()
            ));
            s.push_str(&format!("    {}\n", i.item.text()));
            data_line(&mut s, "    ", i);
            if let Some(a) = &i.answer {
                s.push_str(&format!("    {} {}\n", tr!("svar:", "answer:"), answer_line(a)));
            }
            let Some(c) = p.closed.as_ref().filter(|_| recheck) else { continue };
            match c.today_of(&i.item.id) {
                Some(t) => {
                    let note = if changed(i, t) {
                        tr!(" — endret siden lukkingen", " — changed since the phase was closed")
                    } else {
                        String::new()
                    };
                    s.push_str(&format!(
                        "    {} {} {}{note}\n",
                        tr!("i dag:", "today:"),
                        mark(t),
                        status_word(t)
                    ));
                    data_line(&mut s, "      ", t);
                    if let Some(a) = t
                        .answer
                        .as_ref()
                        .filter(|_| !same_answer(i.answer.as_ref(), t.answer.as_ref()))
                    {
                        s.push_str(&format!(
                            "      {} {}\n",
                            tr!("svar:", "answer:"),
                            answer_line(a)
                        ));
                    }
                }
                None => s.push_str(&tr!(
                    "    i dag: punktet finnes ikke lenger i veikartet\n",
                    "    today: the item is no longer in the roadmap\n"
                )),
            }
        }
    }
    s
}

#[derive(Serialize)]
pub struct ChecklistJson<'a> {
    roadmap: &'a str,
    as_of: Date,
    total: usize,
    unfinished: usize,
    phases: Vec<PhaseJson<'a>>,
}

#[derive(Serialize)]
struct PhaseJson<'a> {
    id: &'a str,
    name: &'a str,
    finished: usize,
    total: usize,
    /// The decision that closed the phase with its evaluation; null while open.
    closed: Option<ClosedJson<'a>>,
    items: Vec<ItemJson<'a>>,
}

#[derive(Serialize)]
struct ClosedJson<'a> {
    decision: &'a str,
    path: &'a str,
    date: Option<Date>,
    by: Option<&'a str>,
    judged_at: Option<&'a str>,
    unrecorded_items: &'a [String],
    /// With `--recheck`: today's count of finished items and how many
    /// changed; null without it.
    today: Option<TodayCount>,
}

#[derive(Serialize)]
struct TodayCount {
    finished: usize,
    total: usize,
    changed: usize,
}

/// An item's state and answer, as every item in the JSON has them.
#[derive(Serialize)]
struct StateJson<'a> {
    status: &'a str,
    finished: bool,
    automatic: bool,
    by: Option<&'a str>,
    date: Option<Date>,
    note: Option<&'a str>,
    evidence: Vec<&'a str>,
    data: Option<&'a crate::model::checklist::Outcome>,
}

impl<'a> StateJson<'a> {
    fn of(i: &'a ItemResult) -> StateJson<'a> {
        StateJson {
            status: &i.state.status,
            finished: i.state.finished,
            automatic: i.state.automatic,
            by: i.answer.as_ref().and_then(|a| a.by.as_deref()),
            date: i.answer.as_ref().and_then(|a| a.date),
            note: i.answer.as_ref().and_then(|a| a.note.as_deref()),
            evidence: evidence(i.answer.as_ref()),
            data: i.outcome.as_ref(),
        }
    }
}

/// An item as today's data and answers have it (`--recheck`).
#[derive(Serialize)]
struct TodayJson<'a> {
    #[serde(flatten)]
    state: StateJson<'a>,
    changed: bool,
}

#[derive(Serialize)]
struct ItemJson<'a> {
    id: &'a str,
    text: &'a str,
    evaluation: &'static str,
    origin: crate::model::roadmap::Origin,
    rule: Option<&'a str>,
    #[serde(flatten)]
    state: StateJson<'a>,
    /// Where an annotation points, as `path` and `line` of `check`'s diagnostics.
    #[serde(rename = "path")]
    file: &'a str,
    line: usize,
    /// With `--recheck`, in a closed phase: today's evaluation; null
    /// otherwise, and when the roadmap no longer has the item.
    today: Option<TodayJson<'a>>,
}

fn evidence(a: Option<&Answer>) -> Vec<&str> {
    a.map(|a| a.evidence.iter().map(String::as_str).collect()).unwrap_or_default()
}

fn today_json<'a>(recorded: &ItemResult, t: &'a ItemResult) -> TodayJson<'a> {
    TodayJson { state: StateJson::of(t), changed: changed(recorded, t) }
}

/// The checklists as JSON; with `recheck`, each item of a closed phase has
/// `today` beside what was recorded.
pub fn to_json(eval: &Evaluation, as_of: Date, recheck: bool) -> ChecklistJson<'_> {
    ChecklistJson {
        roadmap: &eval.roadmap.id,
        as_of,
        total: eval.total(),
        unfinished: eval.unfinished(),
        phases: eval
            .phases
            .iter()
            .map(|p| PhaseJson {
                id: &p.phase.id,
                name: p.phase.name(),
                finished: p.finished(),
                total: p.items.len(),
                closed: p.closed.as_ref().map(|c| ClosedJson {
                    decision: &c.decision,
                    path: &c.file,
                    date: c.date,
                    by: c.by.as_deref(),
                    judged_at: c.judged_at.as_deref(),
                    unrecorded_items: &c.not_recorded,
                    today: recheck.then(|| TodayCount {
                        finished: c.today.iter().filter(|t| t.state.finished).count(),
                        total: c.today.len(),
                        changed: changed_count(p, c),
                    }),
                }),
                items: p
                    .items
                    .iter()
                    .map(|i| ItemJson {
                        id: &i.item.id,
                        text: i.item.text(),
                        evaluation: i.item.evaluation.key(),
                        origin: i.item.origin,
                        rule: i.item.rule.as_deref(),
                        state: StateJson::of(i),
                        file: &i.file,
                        line: i.line,
                        today: p
                            .closed
                            .as_ref()
                            .filter(|_| recheck)
                            .and_then(|c| c.today_of(&i.item.id))
                            .map(|t| today_json(i, t)),
                    })
                    .collect(),
            })
            .collect(),
    }
}

fn md_mark(i: &ItemResult) -> &'static str {
    if i.state.finished { "✅" } else { "❌" }
}

/// The checklists as Markdown; with `recheck`, a column with today's
/// evaluation of each item of a closed phase.
pub fn markdown(eval: &Evaluation, recheck: bool) -> String {
    let mut s = String::new();
    for p in &eval.phases {
        s.push_str(&tr!(
            "## Sjekkliste for {}: {} av {} ferdig\n\n",
            "## Checklist for {}: {} of {} finished\n\n",
            md(p.phase.name()),
            p.finished(),
            p.items.len()
        ));
        let today = p.closed.as_ref().filter(|_| recheck);
        if let Some(c) = &p.closed {
            s.push_str(&md(&closed_line(c, &c.file)));
            if let Some(c) = today {
                s.push(' ');
                s.push_str(&md(&today_line(p, c)));
            }
            if let Some(l) = not_recorded_line(c) {
                s.push(' ');
                s.push_str(&md(&l));
            }
            s.push_str("\n\n");
        } else if recheck {
            s.push_str(&md(&tr!(
                "Fasen er ikke lukket med en lagret vurdering; punktene er vurdert på dagens data.",
                "The phase is not closed with a recorded evaluation; the items are judged on today's data."
            )));
            s.push_str("\n\n");
        }
        if today.is_some() {
            s.push_str(&tr!(
                "| | Punkt | Status | Data | Svar | I dag |\n",
                "| | Item | Status | Data | Answer | Today |\n"
            ));
            s.push_str("|---|---|---|---|---|---|\n");
        } else {
            s.push_str(&tr!(
                "| | Punkt | Status | Data | Svar |\n",
                "| | Item | Status | Data | Answer |\n"
            ));
            s.push_str("|---|---|---|---|---|\n");
        }
        for i in &p.items {
            s.push_str(&format!(
                "| {} | {} ({}) | {} · {} | {} | {} |",
                md_mark(i),
                md(i.item.text()),
                md_code(&i.item.id),
                md(&status_word(i)),
                i.item.evaluation.label(),
                i.outcome.as_ref().map(|o| md(&o.detail)).unwrap_or_default(),
                i.answer.as_ref().map(|a| md(&answer_line(a))).unwrap_or_default(),
            ));
            if let Some(c) = today {
                let cell = match c.today_of(&i.item.id) {
                    Some(t) => {
                        let mut cell = format!("{} {}", md_mark(t), md(&status_word(t)));
                        if let Some(o) = &t.outcome {
                            cell.push_str(&format!(": {}", md(&o.detail)));
                        }
                        if changed(i, t) {
                            cell.push_str(&md(&tr!(" (endret)", " (changed)")));
                        }
                        cell
                    }
                    None => md(&tr!("ikke i veikartet", "not in the roadmap")),
                };
                s.push_str(&format!(" {cell} |"));
            }
            s.push('\n');
        }
        s.push('\n');
    }
    s.push_str(&md(&summary_line(eval)));
    s.push('\n');
    s
}

pub fn summary_line(eval: &Evaluation) -> String {
    let per: Vec<String> = eval
        .phases
        .iter()
        .map(|p| format!("{} {}/{}", p.phase.id, p.finished(), p.items.len()))
        .collect();
    if eval.unfinished() == 0 {
        return match eval.total() {
            1 => tr!(
                "Det ene punktet er ferdig ({}).",
                "The one item is finished ({}).",
                per.join(", ")
            ),
            n => tr!(
                "Alle {n} punkter er ferdige ({}).",
                "All {n} items are finished ({}).",
                per.join(", ")
            ),
        };
    }
    tr!(
        "{} er ikke ferdige ({}).",
        "{} are unfinished ({}).",
        crate::i18n::items_of(eval.unfinished(), eval.total()),
        per.join(", ")
    )
}

/// Why an item is unfinished, in one sentence; in a closed phase, said to
/// be as judged when it was closed.
fn reason(i: &ItemResult, closed: Option<&Closed>) -> String {
    let status = checklist::status_label(&i.state.status);
    let mut s = match (&i.outcome, i.item.evaluation) {
        (Some(o), Eval::Auto) if !o.passed && i.state.status == "done" => tr!(
            "svart ferdig, men dataene holder ikke: {}",
            "answered done, but the data does not hold: {}",
            o.detail
        ),
        (Some(o), Eval::Auto) if !o.passed => {
            tr!("{status}: {}", "{status}: {}", o.detail)
        }
        _ => status.to_string(),
    };
    if let Some(n) = i.answer.as_ref().and_then(|a| a.note.as_ref()) {
        s.push_str(&format!(" — {}", n.replace('\n', " ")));
    }
    if let Some(c) = closed {
        let date = c.date.map(|d| d.to_string()).unwrap_or_default();
        s.push_str(&tr!(
            " (vurdert da fasen ble lukket {date})",
            " (as judged when the phase was closed on {date})"
        ));
    }
    s
}

/// JUnit XML as the common schema (Jenkins' junit-10.xsd) has it: one
/// testsuite per phase, one testcase per item; an unfinished item fails, a
/// not-relevant one is skipped. Times are 0: nothing here is timed.
pub fn junit(eval: &Evaluation) -> String {
    let skipped = |items: &[&ItemResult]| items.iter().filter(|i| is_skipped(i)).count();
    let all: Vec<&ItemResult> = eval.phases.iter().flat_map(|p| p.items.iter()).collect();
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    s.push_str(&format!(
        "<testsuites name=\"veikart checklist\" tests=\"{}\" failures=\"{}\" errors=\"0\" disabled=\"{}\" time=\"0\">\n",
        eval.total(),
        eval.unfinished(),
        skipped(&all)
    ));
    for p in &eval.phases {
        let items: Vec<&ItemResult> = p.items.iter().collect();
        s.push_str(&format!(
            "  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\" time=\"0\">\n",
            xml(&p.phase.id),
            p.items.len(),
            p.items.len() - p.finished(),
            skipped(&items)
        ));
        for i in &p.items {
            s.push_str(&format!(
                "    <testcase classname=\"veikart.checklist.{}\" name=\"{}: {}\" time=\"0\"",
                xml(&p.phase.id),
                xml(&i.item.id),
                xml(i.item.text())
            ));
            if is_skipped(i) {
                let why = reason(i, p.closed.as_ref());
                s.push_str(&format!(
                    ">\n      <skipped message=\"{}\"/>\n    </testcase>\n",
                    xml(&why)
                ));
            } else if i.state.finished {
                s.push_str("/>\n");
            } else {
                let why = reason(i, p.closed.as_ref());
                s.push_str(&format!(
                    ">\n      <failure message=\"{}\" type=\"{}\">{}:{}: {}</failure>\n    </testcase>\n",
                    xml(&why),
                    xml(&i.state.status),
                    xml(&i.file),
                    i.line,
                    xml(&why)
                ));
            }
        }
        s.push_str("  </testsuite>\n");
    }
    s.push_str("</testsuites>\n");
    s
}

fn is_skipped(i: &ItemResult) -> bool {
    i.state.status == "not-relevant"
}

/// The unfinished items as CI findings. Items a person still has to answer
/// are errors; so are automatic items whose data fails. Suggested items
/// with no answer yet but passing data are warnings.
pub fn findings(eval: &Evaluation) -> Vec<ci::Finding> {
    let mut out = Vec::new();
    for p in &eval.phases {
        for i in p.unfinished() {
            let error = !matches!(
                (&i.outcome, i.item.evaluation, &i.answer),
                (Some(o), Eval::Suggested, None) if o.passed
            );
            let code = format!("{}/{}", p.phase.id, i.item.id);
            out.push(ci::Finding {
                error,
                path: i.file.clone(),
                line: i.line,
                column: None,
                title: code.clone(),
                key: i.item.id.clone(),
                code,
                message: format!("{} — {}", i.item.text(), reason(i, p.closed.as_ref())),
            });
        }
    }
    out
}
