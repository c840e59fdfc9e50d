//! A phase checklist as the user asked for it: text, JSON, Markdown, JUnit
//! XML, and the findings the CI formats show (GitHub annotations, GitLab
//! Code Quality). Pure functions of an [`Evaluation`].

use serde::Serialize;

use super::ci;
use super::escape::{md, md_code, xml};
use super::ui::Ui;
use crate::app::checklist::{Evaluation, ItemResult};
use crate::model::checklist::{self, Answer};
use crate::model::date::Date;
use crate::model::roadmap::Evaluation as Eval;
use crate::tr;

fn answer_line(a: &Answer) -> String {
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

pub fn text(ui: &Ui, eval: &Evaluation) -> String {
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
        for i in &p.items {
            let mark = if i.state.finished { "[x]" } else { "[ ]" };
            s.push_str(&format!(
                "{mark} {}  {} · {}\n",
                i.item.id,
                status_word(i),
                i.item.evaluation.label()
            ));
            s.push_str(&format!("    {}\n", i.item.text()));
            if let Some(o) = &i.outcome {
                let sign = if o.passed { "✓" } else { "✗" };
                s.push_str(&format!("    {} {sign} {}\n", tr!("data:", "data:"), o.detail));
            }
            if let Some(a) = &i.answer {
                s.push_str(&format!("    {} {}\n", tr!("svar:", "answer:"), answer_line(a)));
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
    items: Vec<ItemJson<'a>>,
}

#[derive(Serialize)]
struct ItemJson<'a> {
    id: &'a str,
    text: &'a str,
    evaluation: &'static str,
    origin: crate::model::roadmap::Origin,
    rule: Option<&'a str>,
    status: &'a str,
    finished: bool,
    automatic: bool,
    by: Option<&'a str>,
    date: Option<Date>,
    note: Option<&'a str>,
    evidence: Vec<&'a str>,
    data: Option<&'a crate::model::checklist::Outcome>,
    /// Where an annotation points, as `path` and `line` of `check`'s diagnostics.
    #[serde(rename = "path")]
    file: &'a str,
    line: usize,
}

pub fn to_json(eval: &Evaluation, as_of: Date) -> ChecklistJson<'_> {
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
                items: p
                    .items
                    .iter()
                    .map(|i| ItemJson {
                        id: &i.item.id,
                        text: i.item.text(),
                        evaluation: i.item.evaluation.key(),
                        origin: i.item.origin,
                        rule: i.item.rule.as_deref(),
                        status: &i.state.status,
                        finished: i.state.finished,
                        automatic: i.state.automatic,
                        by: i.answer.as_ref().and_then(|a| a.by.as_deref()),
                        date: i.answer.as_ref().and_then(|a| a.date),
                        note: i.answer.as_ref().and_then(|a| a.note.as_deref()),
                        evidence: i
                            .answer
                            .as_ref()
                            .map(|a| a.evidence.iter().map(String::as_str).collect())
                            .unwrap_or_default(),
                        data: i.outcome.as_ref(),
                        file: &i.file,
                        line: i.line,
                    })
                    .collect(),
            })
            .collect(),
    }
}

pub fn markdown(eval: &Evaluation) -> String {
    let mut s = String::new();
    for p in &eval.phases {
        s.push_str(&tr!(
            "## Sjekkliste for {}: {} av {} ferdig\n\n",
            "## Checklist for {}: {} of {} finished\n\n",
            md(p.phase.name()),
            p.finished(),
            p.items.len()
        ));
        s.push_str(&tr!(
            "| | Punkt | Status | Data | Svar |\n",
            "| | Item | Status | Data | Answer |\n"
        ));
        s.push_str("|---|---|---|---|---|\n");
        for i in &p.items {
            let mark = if i.state.finished { "✅" } else { "❌" };
            s.push_str(&format!(
                "| {mark} | {} ({}) | {} · {} | {} | {} |\n",
                md(i.item.text()),
                md_code(&i.item.id),
                md(&status_word(i)),
                i.item.evaluation.label(),
                i.outcome.as_ref().map(|o| md(&o.detail)).unwrap_or_default(),
                i.answer.as_ref().map(|a| md(&answer_line(a))).unwrap_or_default(),
            ));
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

/// Why an item is unfinished, in one sentence.
fn reason(i: &ItemResult) -> String {
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
                let why = reason(i);
                s.push_str(&format!(
                    ">\n      <skipped message=\"{}\"/>\n    </testcase>\n",
                    xml(&why)
                ));
            } else if i.state.finished {
                s.push_str("/>\n");
            } else {
                let why = reason(i);
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
                message: format!("{} — {}", i.item.text(), reason(i)),
            });
        }
    }
    out
}
