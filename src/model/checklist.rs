//! Phase checklists: the answers people give, the phase decisions they make,
//! and how an item's answer and the project's data combine into a status.

use serde::Serialize;

use super::date::Date;
use super::roadmap::{Evaluation, Item};
use super::schema::{Dated, EnumSpec, Field, FieldType, Finding, Group, KindSpec, Variant};
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
    dated: Dated::Field("date"),
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
        Field::opt(
            "judged_at",
            FieldType::Line,
            "The commit (git's HEAD) the checklist was judged at; left out outside git and before the first commit.",
        )
        .label("Vurdert ved commit", "Judged at commit")
        .nb("Commiten (gits HEAD) sjekklisten ble vurdert ved; utelatt utenfor git og før første commit"),
        Field::opt(
            "item",
            FieldType::Tables(RECORDED_ITEM_FIELDS),
            "The checklist of the phase being left as it was judged when the decision was made, one table per item.",
        )
        .label("Sjekkliste ved beslutningen", "Checklist at the decision")
        .nb("Sjekklisten for fasen som ble forlatt slik den ble vurdert da beslutningen ble tatt, én tabell per punkt"),
    ],
    dated: Dated::Field("date"),
    ..KindSpec::BASE
};

/// An item's status in a recorded evaluation: open, or one of the answers.
pub static ITEM_STATUS: EnumSpec = EnumSpec {
    name: "status",
    variants: &[
        Variant { key: "open", nb: "åpen", en: "open", aliases: &[] },
        Variant { key: "done", nb: "ferdig", en: "done", aliases: &[] },
        Variant { key: "no", nb: "nei", en: "no", aliases: &[] },
        Variant { key: "not-relevant", nb: "ikke relevant", en: "not relevant", aliases: &[] },
        Variant { key: "still-open", nb: "fortsatt åpen", en: "still open", aliases: &[] },
    ],
};

static RECORDED_ITEM_FIELDS: &[Field] = &[
    Field::req("id", FieldType::Line, "The item's id in the roadmap.")
        .label("Punkt", "Item")
        .nb("Punktets id i veikartet"),
    Field::req(
        "status",
        FieldType::Enum(&ITEM_STATUS),
        "The item's status then: open, done, no, not-relevant or still-open.",
    )
    .label("Status", "Status")
    .nb("Punktets status da: open, done, no, not-relevant eller still-open"),
    Field::opt(
        "finished",
        FieldType::Bool,
        "Whether it counted as finished; left out, done and not-relevant count as finished.",
    )
    .label("Ferdig", "Finished")
    .nb("Om punktet regnet som ferdig; utelatt regnes done og not-relevant som ferdige"),
    Field::opt("by", FieldType::Line, "Who had answered the item.")
        .label("Av", "By")
        .nb("Hvem som hadde svart på punktet"),
    Field::opt("date", FieldType::Date, "When the item was answered.")
        .label("Dato", "Date")
        .nb("Når punktet ble besvart"),
    Field::opt("note", FieldType::Text, "The answer's note.")
        .label("Merknad", "Note")
        .nb("Merknaden i svaret"),
    Field::opt("evidence", FieldType::Lines, "The answer's evidence: paths or record ids.")
        .label("Belegg", "Evidence")
        .nb("Belegget i svaret: stier eller post-id-er"),
    Field::opt(
        "data",
        FieldType::Text,
        "What the item's rule found in the data, in the project's language at the time.",
    )
    .label("Data", "Data")
    .nb("Det punktets regel fant i dataene, på prosjektets språk da"),
    Field::opt("passed", FieldType::Bool, "Whether the rule's data held.")
        .label("Dataene holdt", "Data held")
        .nb("Om dataene holdt etter regelen"),
];

/// One item of a recorded evaluation (`[[item]]` in a decision).
#[derive(Debug, Clone, Serialize)]
pub struct RecordedItem {
    pub id: String,
    pub status: String,
    pub finished: Option<bool>,
    pub by: Option<String>,
    pub date: Option<Date>,
    pub note: Option<String>,
    pub evidence: Vec<String>,
    pub data: Option<String>,
    pub passed: Option<bool>,
}

impl RecordedItem {
    fn from_fields(f: &Fields) -> RecordedItem {
        RecordedItem {
            id: f.string("id"),
            status: f.string("status"),
            finished: f.bool("finished"),
            by: f.opt_string("by"),
            date: f.date("date"),
            note: f.opt_string("note").filter(|n| !n.trim().is_empty()),
            evidence: f.strings("evidence"),
            data: f.opt_string("data"),
            passed: f.bool("passed"),
        }
    }

    /// Whether it counted as finished: as recorded, else done and
    /// not-relevant are.
    pub fn is_finished(&self) -> bool {
        self.finished.unwrap_or(matches!(self.status.as_str(), "done" | "not-relevant"))
    }

    /// Whether someone had answered it (else its status came from the data).
    pub fn answered(&self) -> bool {
        self.by.is_some() || self.date.is_some() || self.note.is_some() || !self.evidence.is_empty()
    }
}

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
    pub judged_at: Option<String>,
    pub items: Vec<RecordedItem>,
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
            judged_at: f.opt_string("judged_at"),
            items: f.rows("item").iter().map(RecordedItem::from_fields).collect(),
        }
    }

    /// Whether the decision holds the evaluation of the phase it left
    /// (decisions written before veikart recorded it do not).
    pub fn recorded(&self) -> bool {
        !self.items.is_empty()
    }

    /// A decision's own rules: an item recorded twice, a status that cannot
    /// be finished marked finished, a `judged_at` that is no commit id.
    pub fn rules(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for (n, i) in (1..).zip(&self.items) {
            if !seen.insert(i.id.as_str()) {
                out.push(
                    Finding::error(
                        "duplicate-item",
                        Some("item"),
                        tr!(
                            "punktet «{}» står to ganger i beslutningen",
                            "the item `{}` is in the decision twice",
                            i.id
                        ),
                    )
                    .at_key(&n.to_string())
                    .hint(tr!("fjern den ene tabellen", "remove one of the tables")),
                );
            }
            if i.finished == Some(true) && !matches!(i.status.as_str(), "done" | "not-relevant") {
                out.push(
                    Finding::error(
                        "finished-status",
                        Some("item"),
                        tr!(
                            "punktet «{}» har status «{}» og kan ikke være ferdig",
                            "the item `{}` has the status `{}` and cannot be finished",
                            i.id,
                            i.status
                        ),
                    )
                    .at_key(&n.to_string())
                    .hint(tr!(
                        "bare done og not-relevant kan ha `finished = true`",
                        "only done and not-relevant can have `finished = true`"
                    )),
                );
            }
        }
        if let Some(c) = &self.judged_at
            && (!(4..=64).contains(&c.len()) || !c.chars().all(|ch| ch.is_ascii_hexdigit()))
        {
            out.push(bad_commit(c));
        }
        out
    }
}

fn bad_commit(c: &str) -> Finding {
    Finding::error(
        "bad-commit",
        Some("judged_at"),
        tr!(
            "«{c}» er ikke en commit-id (4 til 64 heksadesimale tegn)",
            "`{c}` is not a commit id (4 to 64 hexadecimal digits)"
        ),
    )
    .hint(tr!(
        "skriv hele id-en fra `git rev-parse HEAD`, eller fjern `judged_at`",
        "write the whole id from `git rev-parse HEAD`, or remove `judged_at`"
    ))
}

/// Decisions in the order they were made: by date, and on one day along
/// the chain of phases (the one leaving the phase the day's previous
/// decision entered comes next), else by id.
pub fn in_order(decisions: &[Decision]) -> Vec<&Decision> {
    let mut sorted: Vec<&Decision> = decisions.iter().collect();
    sorted.sort_by(|a, b| (a.date, &a.id).cmp(&(b.date, &b.id)));
    let mut out: Vec<&Decision> = Vec::with_capacity(sorted.len());
    let mut rest = sorted.as_slice();
    while let Some(first) = rest.first() {
        let n = rest.iter().take_while(|d| d.date == first.date).count();
        let mut day: Vec<&Decision> = rest[..n].to_vec();
        rest = &rest[n..];
        while !day.is_empty() {
            let prev = out.last().map(|d| d.to.as_str());
            let at = day.iter().position(|d| Some(d.from.as_str()) == prev).unwrap_or(0);
            out.push(day.remove(at));
        }
    }
    out
}

/// The phases the project has closed, each with the decision that closed
/// it: a phase before `current` in `phases` (the roadmap's order) that a
/// decision made on or before `as_of` left, and that no later decision
/// entered again. A phase entered again is open until it is left again;
/// a phase skipped or never left is not closed.
pub fn closed_phases<'a>(
    decisions: &'a [Decision],
    phases: &[&str],
    current: &str,
    as_of: Date,
) -> std::collections::BTreeMap<String, &'a Decision> {
    let mut closed = std::collections::BTreeMap::new();
    for d in in_order(decisions) {
        if d.date.is_none_or(|date| date > as_of) {
            continue;
        }
        closed.remove(&d.to);
        closed.insert(d.from.clone(), d);
    }
    let before: Vec<&str> = phases.iter().copied().take_while(|p| *p != current).collect();
    if before.len() == phases.len() {
        // The current phase is not in the roadmap: nothing is before it.
        return Default::default();
    }
    closed.retain(|p, _| before.contains(&p.as_str()));
    closed
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

#[cfg(test)]
mod tests {
    use super::*;

    fn d(id: &str, from: &str, to: &str, date: &str) -> Decision {
        Decision {
            id: id.into(),
            from: from.into(),
            to: to.into(),
            date: Date::parse(date),
            by: None,
            reason: "r".into(),
            open_items: Vec::new(),
            judged_at: None,
            items: Vec::new(),
        }
    }

    const PHASES: &[&str] = &["a", "b", "c", "d"];

    fn closed(ds: &[Decision], current: &str, as_of: &str) -> Vec<(String, String)> {
        let as_of = Date::parse(as_of).unwrap_or_else(|| panic!("date {as_of}"));
        closed_phases(ds, PHASES, current, as_of)
            .into_iter()
            .map(|(p, d)| (p, d.id.clone()))
            .collect()
    }

    #[test]
    fn a_phase_left_and_not_entered_again_is_closed_by_its_latest_decision() {
        let ds = [
            d("1", "a", "b", "2026-01-01"),
            d("2", "b", "c", "2026-02-01"),
            d("3", "c", "b", "2026-03-01"),
            d("4", "b", "c", "2026-04-01"),
        ];
        let got = closed(&ds, "c", "2026-12-01");
        assert_eq!(got, [("a".into(), "1".into()), ("b".into(), "4".into())]);
        // Back in b: b is open again, and c (after the current phase) is not closed.
        assert_eq!(closed(&ds[..3], "b", "2026-12-01"), [("a".into(), "1".into())]);
        // A decision made after --as-of does not close anything yet.
        assert_eq!(closed(&ds, "c", "2026-01-15"), [("a".into(), "1".into())]);
        // A skipped phase is not closed.
        let skip = [d("1", "a", "d", "2026-01-01")];
        assert_eq!(closed(&skip, "d", "2026-12-01"), [("a".into(), "1".into())]);
        // A current phase the roadmap lacks closes nothing.
        assert!(closed(&ds, "x", "2026-12-01").is_empty());
    }

    #[test]
    fn decisions_of_one_day_follow_the_chain_of_phases() {
        // Ids sort the other way round; the chain puts b→a after a→b.
        let ds = [
            d("2026-05-01-b-to-a", "b", "a", "2026-05-01"),
            d("2026-05-01-a-to-b", "a", "b", "2026-05-01"),
            d("2026-04-01-x-to-a", "x", "a", "2026-04-01"),
        ];
        let ids: Vec<&str> = in_order(&ds).iter().map(|d| d.id.as_str()).collect();
        assert_eq!(ids, ["2026-04-01-x-to-a", "2026-05-01-a-to-b", "2026-05-01-b-to-a"]);
    }

    #[test]
    fn a_recorded_item_is_finished_as_recorded_else_by_its_status() {
        let mut i = RecordedItem {
            id: "x".into(),
            status: "done".into(),
            finished: None,
            by: None,
            date: None,
            note: None,
            evidence: Vec::new(),
            data: None,
            passed: None,
        };
        assert!(i.is_finished());
        i.finished = Some(false);
        assert!(!i.is_finished());
        i.status = "still-open".into();
        i.finished = None;
        assert!(!i.is_finished());
        let mut dec = d("1", "a", "b", "2026-01-01");
        i.finished = Some(true);
        dec.items = vec![i.clone(), i];
        dec.judged_at = Some("not a commit".into());
        let codes: Vec<&str> = dec.rules().iter().map(|f| f.code).collect();
        assert_eq!(codes, ["finished-status", "duplicate-item", "finished-status", "bad-commit"]);
    }
}
