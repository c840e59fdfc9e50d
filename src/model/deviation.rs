//! Deviations (avvik) and their corrective actions (`ny-praksis` step 2):
//! a service failure, a benefit off plan, a supplier not delivering, a
//! process not followed — each with actions that have an owner and a due date.

use serde::Serialize;

use super::date::Date;
use super::schema::{
    Col, Dated, EnumSpec, Example, Field, FieldType, Finding, KindSpec, Order, Variant,
};
use super::value::Fields;
use crate::tr;

pub static KIND: EnumSpec = EnumSpec {
    name: "kind",
    variants: &[
        Variant {
            key: "service",
            nb: "tjenestefeil",
            en: "service failure",
            aliases: &["tjeneste", "feil"],
        },
        Variant {
            key: "benefit",
            nb: "gevinstavvik",
            en: "benefit off plan",
            aliases: &["gevinst"],
        },
        Variant {
            key: "supplier",
            nb: "leverandør",
            en: "supplier",
            aliases: &["leverandor", "leverandoer"],
        },
        Variant { key: "process", nb: "prosess", en: "process", aliases: &["prosessavvik"] },
    ],
};

pub static STATUS: EnumSpec = EnumSpec {
    name: "status",
    variants: &[
        Variant { key: "open", nb: "åpen", en: "open", aliases: &["apen", "åpent"] },
        Variant { key: "closed", nb: "lukket", en: "closed", aliases: &["lukka"] },
    ],
};

static ACTION_FIELDS: &[Field] = &[
    Field::req("text", FieldType::Line, "What will be done.")
        .label("Tiltak", "Action")
        .nb("Hva som skal gjøres"),
    Field::req("owner", FieldType::Ref("roles"), "The role that does it.")
        .label("Ansvarlig", "Owner")
        .nb("Rollen som gjør det"),
    Field::req("due", FieldType::Date, "When it should be done.")
        .label("Frist", "Due")
        .nb("Fristen for tiltaket"),
    Field::opt("done", FieldType::Date, "When it was done.")
        .label("Utført", "Done")
        .nb("Når tiltaket ble gjort"),
    Field::opt("note", FieldType::Text, "How it went.")
        .label("Merknad", "Note")
        .nb("Hvordan det gikk"),
];

pub static SPEC: KindSpec = KindSpec {
    dir: "deviations",
    noun: "deviation",
    command: "deviation",
    noun_nb: "avvik",
    plural: "deviations",
    plural_nb: "avvik",
    neuter: true,
    fields: &[
        Field::req("title", FieldType::Line, "What went wrong, in a few words.")
            .label("Tittel", "Title")
            .nb("Hva som gikk galt, med noen få ord"),
        Field::opt(
            "kind",
            FieldType::Enum(&KIND),
            "service (a failure in the service), benefit, supplier or process.",
        )
        .label("Type", "Kind")
        .nb("tjenestefeil, gevinstavvik, leverandør eller prosess"),
        Field::opt("indicator", FieldType::Ref("indicators"), "The indicator it concerns.")
            .label("Indikator", "Indicator")
            .nb("Indikatoren avviket gjelder (id eller entydig begynnelse)"),
        Field::opt("supplier", FieldType::Ref("suppliers"), "The supplier it concerns.")
            .label("Leverandør", "Supplier")
            .nb("Leverandøren avviket gjelder (id eller entydig begynnelse)"),
        Field::req("date", FieldType::Date, "When it was found.")
            .label("Funnet", "Found")
            .nb("Når avviket ble oppdaget")
            .today(),
        Field::req("status", FieldType::Enum(&STATUS), "open or closed.")
            .label("Status", "Status")
            .nb("åpen eller lukket")
            .starts("open"),
        Field::opt("closed", FieldType::Date, "When it was closed.")
            .label("Lukket", "Closed")
            .nb("Når avviket ble lukket"),
        Field::opt("close_note", FieldType::Text, "How it was resolved.")
            .label("Løsning", "Resolution")
            .nb("Hvordan avviket ble løst"),
        Field::opt("description", FieldType::Text, "What happened.")
            .label("Beskrivelse", "Description")
            .nb("Hva som skjedde"),
        Field::opt(
            "action",
            FieldType::Tables(ACTION_FIELDS),
            "Corrective actions, each with an owner and a due date.",
        )
        .label("Tiltak", "Actions")
        .nb("Korrigerende tiltak, hvert med en ansvarlig og en frist"),
    ],
    title: Some("title"),
    dated: Dated::Field("date"),
    columns: &[
        Col("id", "ID", "ID"),
        Col("title", "AVVIK", "DEVIATION"),
        Col("kind", "TYPE", "KIND"),
        Col("status", "STATUS", "STATUS"),
        Col("date", "FUNNET", "FOUND"),
    ],
    order: &[Order::Desc("date")],
    example: Example {
        add: "deviation add \"Telefonkøen var over 20 minutter\" --kind tjenestefeil",
        id: "telefonkoen",
        set: "--kind prosess",
    },
    ..KindSpec::BASE
};

#[derive(Debug, Clone, Serialize)]
pub struct Action {
    pub text: String,
    pub owner: String,
    pub due: Option<Date>,
    /// When the action was done; a done action is never overdue.
    pub done: Option<Date>,
    pub note: Option<String>,
}

impl Action {
    /// Whether the action was done by `as_of`.
    pub fn done_by(&self, as_of: Date) -> bool {
        self.done.is_some_and(|d| d <= as_of)
    }

    /// Whether the action is past its due date on `as_of` and not done by then.
    pub fn overdue_on(&self, as_of: Date) -> bool {
        !self.done_by(as_of) && self.due.is_some_and(|d| d < as_of)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Deviation {
    pub id: String,
    pub title: String,
    pub kind: Option<String>,
    pub indicator: Option<String>,
    pub supplier: Option<String>,
    pub date: Option<Date>,
    pub status: String,
    pub closed: Option<Date>,
    pub close_note: Option<String>,
    pub description: Option<String>,
    pub actions: Vec<Action>,
}

impl Deviation {
    pub fn from_fields(f: &Fields) -> Deviation {
        Deviation {
            id: f.id.clone(),
            title: f.string("title"),
            kind: f.opt_string("kind"),
            indicator: f.opt_string("indicator"),
            supplier: f.opt_string("supplier"),
            date: f.date("date"),
            status: f.str("status").unwrap_or("open").to_string(),
            closed: f.date("closed"),
            close_note: f.opt_string("close_note"),
            description: f.opt_string("description"),
            actions: f
                .rows("action")
                .iter()
                .map(|a| Action {
                    text: a.string("text"),
                    owner: a.string("owner"),
                    due: a.date("due"),
                    done: a.date("done"),
                    note: a.opt_string("note"),
                })
                .collect(),
        }
    }

    pub fn is_open(&self) -> bool {
        self.status == "open"
    }

    /// Whether the deviation was open on `as_of`: found by then (or undated),
    /// and not closed by then.
    pub fn open_on(&self, as_of: Date) -> bool {
        self.date.is_none_or(|found| found <= as_of)
            && (self.is_open() || self.closed.is_some_and(|c| c > as_of))
    }

    /// Whether the deviation was found by `as_of` (or has no date).
    pub fn found_by(&self, as_of: Date) -> bool {
        self.date.is_none_or(|found| found <= as_of)
    }

    /// The actions (1-based position, action) past their due date on
    /// `as_of`, while the deviation is open.
    pub fn overdue(&self, as_of: Date) -> Vec<(usize, &Action)> {
        if !self.is_open() {
            return Vec::new();
        }
        self.actions
            .iter()
            .enumerate()
            .filter(|(_, a)| a.overdue_on(as_of))
            .map(|(i, a)| (i + 1, a))
            .collect()
    }

    pub fn rules(&self, as_of: Date) -> Vec<Finding> {
        let mut out: Vec<Finding> = self
            .overdue(as_of)
            .into_iter()
            .map(|(n, a)| {
                let due = a.due.map(|d| d.to_string()).unwrap_or_default();
                Finding::warning(
                    "action-overdue",
                    Some("action"),
                    tr!(
                        "tiltaket «{}» skulle vært gjort innen {due}",
                        "the action `{}` was due by {due}",
                        a.text
                    ),
                )
                .at_key(&n.to_string())
                .hint(tr!(
                    "merk det som gjort med `veikart deviation action done {} {n}`, gi det ny frist med `veikart deviation action set {} {n} --due DATO`, eller lukk avviket med `veikart deviation close {} --note TEKST`",
                    "mark it done with `veikart deviation action done {} {n}`, give it a new due date with `veikart deviation action set {} {n} --due DATE`, or close the deviation with `veikart deviation close {} --note TEXT`",
                    self.id,
                    self.id,
                    self.id
                ))
            })
            .collect();
        if self.status == "closed" && self.closed.is_none() {
            out.push(
                Finding::error(
                    "closed-without-date",
                    Some("status"),
                    tr!(
                        "avviket er lukket, men `closed` mangler",
                        "the deviation is closed, but `closed` is missing"
                    ),
                )
                .hint(tr!("legg til `closed = ÅÅÅÅ-MM-DD`", "add `closed = YYYY-MM-DD`"))
                .needs(&["closed"]),
            );
        }
        let found = (&["date"][..], self.date);
        for (n, a) in (1..).zip(&self.actions) {
            out.extend(
                Finding::date_order(("action", a.done), found, |done, found| {
                    tr!(
                        "tiltak {n} ble gjort ({done}) før avviket ble funnet ({found})",
                        "action {n} was done ({done}) before the deviation was found ({found})"
                    )
                })
                .map(|f| f.at_key(&n.to_string())),
            );
        }
        out.extend(Finding::date_order(("closed", self.closed), found, |closed, found| {
            tr!(
                "avviket ble lukket ({closed}) før det ble funnet ({found})",
                "the deviation was closed ({closed}) before it was found ({found})"
            )
        }));
        out
    }
}

/// What else changes when `set` changes a deviation: closing it records
/// today as `closed`; opening it again clears `closed`.
pub fn transition(before: &Fields, changes: &mut super::Changes, today: Date) {
    use super::value::Value;
    let new = changes.iter().find(|(k, _)| *k == "status").and_then(|(_, v)| v.clone());
    let Some(Value::Str(status)) = new else { return };
    if before.str("status") == Some(status.as_str()) || changes.iter().any(|(k, _)| *k == "closed")
    {
        return;
    }
    match status.as_str() {
        "closed" => changes.push(("closed", Some(Value::Date(today)))),
        _ => changes.push(("closed", None)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overdue_only_while_open() {
        let d = |s: &str| Date::parse(s).unwrap();
        let mut dev = Deviation {
            id: "x".into(),
            title: "X".into(),
            kind: None,
            indicator: None,
            supplier: None,
            date: Some(d("2026-10-01")),
            status: "open".into(),
            closed: None,
            close_note: None,
            description: None,
            actions: vec![
                Action {
                    text: "a".into(),
                    owner: "r".into(),
                    due: Some(d("2026-11-01")),
                    done: None,
                    note: None,
                },
                Action {
                    text: "b".into(),
                    owner: "r".into(),
                    due: Some(d("2026-12-01")),
                    done: Some(d("2026-11-20")),
                    note: None,
                },
            ],
        };
        let late: Vec<usize> = dev.overdue(d("2026-11-23")).iter().map(|(n, _)| *n).collect();
        assert_eq!(late, vec![1]);
        // A done action is never overdue; before it was done, it could be.
        assert!(dev.overdue(d("2027-01-01")).iter().all(|(n, _)| *n == 1));
        assert!(!dev.actions[1].overdue_on(d("2026-12-15")));
        assert!(dev.overdue(d("2026-11-01")).is_empty());
        dev.status = "closed".into();
        assert!(dev.overdue(d("2027-01-01")).is_empty());
        assert_eq!(KIND.parse("leverandør"), Some("supplier"));
        assert_eq!(KIND.parse("tjenestefeil"), Some("service"));
        assert_eq!(KIND.parse("gevinstavvik"), Some("benefit"));
        assert_eq!(KIND.parse("prosess"), Some("process"));
    }
}
