//! Phase checklists: the answers people give, the phase decisions they make,
//! and how an item's answer and the project's data combine into a status.

use serde::Serialize;

use super::date::Date;
use super::roadmap::{Evaluation, Item};
use super::schema::{EnumSpec, Field, FieldType, Finding, Group, KindSpec, Variant};
use super::value::Fields;
use crate::tr;

/// What a person answered.
pub static ANSWER: EnumSpec = EnumSpec {
    name: "status",
    variants: &[
        Variant { key: "done", nb: "ferdig", en: "done", aliases: &["ja", "yes", "ok", "tick"] },
        Variant { key: "no", nb: "nei", en: "no", aliases: &[] },
        Variant {
            key: "not-relevant",
            nb: "ikke relevant",
            en: "not relevant",
            aliases: &["ikke-relevant", "irrelevant", "n/a", "na"],
        },
        Variant {
            key: "still-open",
            nb: "fortsatt åpen",
            en: "still open",
            aliases: &["fortsatt-apen", "fortsatt-åpen", "apen", "åpen"],
        },
    ],
};

pub static ANSWER_SPEC: KindSpec = KindSpec {
    dir: "checklist",
    noun: "checklist answer",
    command: "checklist",
    noun_nb: "sjekklistesvar",
    plural: "checklist answers",
    plural_nb: "sjekklistesvar",
    neuter: true,
    fields: &[
        Field::req(
            "status",
            FieldType::Enum(&ANSWER),
            "The answer: done, no, not-relevant or still-open.",
        )
        .label("Svar", "Answer")
        .nb("Svaret: ferdig, nei, ikke relevant eller fortsatt åpen"),
        Field::opt("note", FieldType::Text, "Why; required for no, not-relevant and still-open.")
            .label("Merknad", "Note")
            .nb("Hvorfor; kreves for nei, ikke relevant og fortsatt åpen"),
        Field::opt("by", FieldType::Line, "Who answered.").label("Av", "By").nb("Hvem som svarte"),
        Field::opt("date", FieldType::Date, "When it was answered.")
            .label("Dato", "Date")
            .nb("Når det ble svart"),
        Field::opt("evidence", FieldType::Lines, "Paths or record ids that back the answer.")
            .label("Belegg", "Evidence")
            .nb("Stier eller post-id-er som underbygger svaret"),
    ],
    group: Some(Group {
        field: "phase",
        refers: None,
        doc: "The phase (the folder's name); the file's name is the item's id.",
    }),
    ..KindSpec::BASE
};

/// One answer, `checklist/<phase>/<item>.toml`.
#[derive(Debug, Clone, Serialize)]
pub struct Answer {
    #[serde(skip)]
    pub id: String,
    pub phase: String,
    pub item: String,
    pub status: String,
    pub note: Option<String>,
    pub by: Option<String>,
    pub date: Option<Date>,
    pub evidence: Vec<String>,
}

impl Answer {
    pub fn from_fields(f: &Fields) -> Answer {
        let item = f.id.rsplit('/').next().unwrap_or_default().to_string();
        Answer {
            id: f.id.clone(),
            phase: f.string("phase"),
            item,
            status: f.string("status"),
            note: f.opt_string("note").filter(|n| !n.trim().is_empty()),
            by: f.opt_string("by"),
            date: f.date("date"),
            evidence: f.strings("evidence"),
        }
    }

    pub fn rules(&self) -> Vec<Finding> {
        if self.status != "done" && self.note.is_none() {
            return vec![
                Finding::error(
                    "missing-note",
                    Some("status"),
                    tr!(
                        "svaret «{}» trenger en begrunnelse i `note`",
                        "the answer `{}` needs a reason in `note`",
                        self.status
                    ),
                )
                .hint(tr!(
                    "skriv `note = \"...\"`, eller svar med `veikart checklist answer {} {} {} --note TEKST`",
                    "add `note = \"...\"`, or answer with `veikart checklist answer {} {} {} --note TEXT`",
                    self.phase,
                    self.item,
                    self.status
                ))
                .needs(&["note"]),
            ];
        }
        Vec::new()
    }
}

pub static DECISION_SPEC: KindSpec = KindSpec {
    dir: "decisions",
    noun: "phase decision",
    command: "phase",
    noun_nb: "fasebeslutning",
    plural: "phase decisions",
    plural_nb: "fasebeslutninger",
    fields: &[
        Field::req("from", FieldType::Line, "The phase that was left.")
            .label("Fra", "From")
            .nb("Fasen som ble forlatt"),
        Field::req("to", FieldType::Line, "The phase that was entered.")
            .label("Til", "To")
            .nb("Fasen prosjektet gikk inn i"),
        Field::req("date", FieldType::Date, "When it was decided.")
            .label("Dato", "Date")
            .nb("Når det ble bestemt"),
        Field::opt("by", FieldType::Line, "Who decided.").label("Av", "By").nb("Hvem som bestemte"),
        Field::req("reason", FieldType::Text, "Why.").label("Begrunnelse", "Reason").nb("Hvorfor"),
        Field::opt(
            "open_items",
            FieldType::Lines,
            "The items of the phase being left that were unfinished at the time.",
        )
        .label("Uferdige punkter", "Open items")
        .nb("Punktene i fasen som ble forlatt som ikke var ferdige da"),
    ],
    ..KindSpec::BASE
};

/// A recorded change of phase, `decisions/<date>-<from>-to-<to>.toml`.
#[derive(Debug, Clone, Serialize)]
pub struct Decision {
    pub id: String,
    pub from: String,
    pub to: String,
    pub date: Option<Date>,
    pub by: Option<String>,
    pub reason: String,
    pub open_items: Vec<String>,
}

impl Decision {
    pub fn from_fields(f: &Fields) -> Decision {
        Decision {
            id: f.id.clone(),
            from: f.string("from"),
            to: f.string("to"),
            date: f.date("date"),
            by: f.opt_string("by"),
            reason: f.string("reason"),
            open_items: f.strings("open_items"),
        }
    }
}

/// What a rule found in the project's data.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Outcome {
    pub passed: bool,
    /// Why, in the current language ("2 of 5 indicators have no measurement since …").
    pub detail: String,
}

impl Outcome {
    pub fn pass(detail: String) -> Outcome {
        Outcome { passed: true, detail }
    }
    pub fn fail(detail: String) -> Outcome {
        Outcome { passed: false, detail }
    }
}

/// The state of one item: its answer and data combined.
#[derive(Debug, Clone, Serialize)]
pub struct ItemState {
    /// open, done, no, not-relevant or still-open.
    pub status: String,
    pub finished: bool,
    /// Whether the status comes from the data (an auto item nobody answered).
    pub automatic: bool,
}

/// Combine an item's answer with what its rule found.
///
/// - `not-relevant` (with its required note) finishes any item.
/// - An auto item is finished when its rule passes; unanswered, its status
///   follows the data. A person's `done` cannot override a failing rule.
/// - Suggested and manual items are finished only by a `done` answer.
pub fn state(item: &Item, answer: Option<&Answer>, outcome: Option<&Outcome>) -> ItemState {
    let answered = answer.map(|a| a.status.as_str());
    if answered == Some("not-relevant") {
        return ItemState { status: "not-relevant".into(), finished: true, automatic: false };
    }
    if item.evaluation == Evaluation::Auto {
        let passed = outcome.is_some_and(|o| o.passed);
        return match answered {
            Some(s) if s != "done" => {
                ItemState { status: s.to_string(), finished: false, automatic: false }
            }
            Some(_) => ItemState { status: "done".into(), finished: passed, automatic: false },
            None => ItemState {
                status: if passed { "done" } else { "open" }.into(),
                finished: passed,
                automatic: true,
            },
        };
    }
    match answered {
        Some(s) => ItemState { status: s.to_string(), finished: s == "done", automatic: false },
        None => ItemState { status: "open".into(), finished: false, automatic: false },
    }
}

/// The label of an item status in the current language.
pub fn status_label(status: &str) -> &str {
    match status {
        "open" => crate::i18n::pick("åpen", "open"),
        other => ANSWER.label(other),
    }
}
