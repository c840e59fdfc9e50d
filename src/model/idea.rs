//! Ideas: the roadmap's idea round (`tjenesteutvikling` step 1) and the idea
//! intake of `ny-praksis` step 3. An idea is scored on feasibility and expected
//! benefit (and optionally cost), which gives its priority.

use serde::Serialize;

use super::date::Date;
use super::schema::{Col, Dated, EnumSpec, Example, Field, FieldType, Finding, KindSpec, Variant};
use super::value::Fields;
use crate::tr;

pub static SOURCE: EnumSpec = EnumSpec {
    name: "source",
    variants: &[
        Variant { key: "user", nb: "bruker", en: "user", aliases: &["innbygger", "brukar"] },
        Variant {
            key: "relative",
            nb: "pårørende",
            en: "relative",
            aliases: &["parorende", "parorande"],
        },
        Variant {
            key: "employee",
            nb: "ansatt",
            en: "employee",
            aliases: &["tilsett", "medarbeider", "staff"],
        },
        Variant {
            key: "partner",
            nb: "partner",
            en: "partner",
            aliases: &["samarbeidspartner", "leverandor", "leverandør"],
        },
        Variant { key: "other", nb: "annen", en: "other", aliases: &["andre", "annet", "anna"] },
    ],
};

pub static KIND: EnumSpec = EnumSpec {
    name: "kind",
    variants: &[
        Variant {
            key: "improvement",
            nb: "forbedring",
            en: "improvement",
            aliases: &["forbetring"],
        },
        Variant { key: "innovation", nb: "innovasjon", en: "innovation", aliases: &[] },
    ],
};

pub static STATUS: EnumSpec = EnumSpec {
    name: "status",
    variants: &[
        Variant { key: "new", nb: "ny", en: "new", aliases: &[] },
        Variant { key: "assessed", nb: "vurdert", en: "assessed", aliases: &[] },
        Variant {
            key: "prioritised",
            nb: "prioritert",
            en: "prioritised",
            aliases: &["prioritized"],
        },
        Variant {
            key: "testing",
            nb: "testes",
            en: "testing",
            aliases: &["test", "testet", "tested"],
        },
        Variant {
            key: "rejected",
            nb: "forkastet",
            en: "rejected",
            aliases: &["avvist", "discarded"],
        },
        Variant { key: "parked", nb: "parkert", en: "parked", aliases: &["lagt-bort", "on-hold"] },
        Variant {
            key: "promoted",
            nb: "videreført",
            en: "promoted",
            aliases: &["viderefort", "continued", "new-project"],
        },
        Variant {
            key: "implemented",
            nb: "innført",
            en: "implemented",
            aliases: &["innfort", "implementert", "done"],
        },
    ],
};

const SCORE: FieldType = FieldType::Int { min: 1, max: 5 };

pub static SPEC: KindSpec = KindSpec {
    dir: "ideas",
    noun: "idea",
    command: "idea",
    noun_nb: "idé",
    plural: "ideas",
    plural_nb: "idéer",
    fields: &[
        Field::req("title", FieldType::Line, "The idea in a few words.")
            .label("Tittel", "Title")
            .nb("Idéen med noen få ord"),
        Field::opt("description", FieldType::Text, "What the idea is and what problem it solves.")
            .label("Beskrivelse", "Description")
            .nb("Hva idéen går ut på og hvilket problem den løser"),
        Field::opt("source", FieldType::Enum(&SOURCE), "Who the idea came from.")
            .label("Kilde", "Source")
            .nb("Hvem idéen kom fra"),
        Field::opt(
            "kind",
            FieldType::Enum(&KIND),
            "A small improvement in operations, or an innovation that needs its own project.",
        )
        .label("Type", "Kind")
        .nb("En liten forbedring i driften, eller en innovasjon som trenger eget prosjekt"),
        Field::req("status", FieldType::Enum(&STATUS), "Where the idea stands.")
            .label("Status", "Status")
            .nb("Hvor idéen står")
            .starts("new"),
        Field::opt("tags", FieldType::Lines, "Free labels for grouping.")
            .label("Stikkord", "Tags")
            .nb("Frie stikkord for gruppering")
            .flag("tag"),
        Field::opt("related", FieldType::Refs("ideas"), "Ids of related ideas.")
            .label("Relatert", "Related")
            .nb("Beslektede idéer (id eller entydig begynnelse)"),
        Field::req("submitted", FieldType::Date, "When the idea was recorded.")
            .label("Innsendt", "Submitted")
            .nb("Datoen idéen kom inn")
            .today(),
        Field::opt("feasibility", SCORE, "How feasible the idea is, 1 (hard) to 5 (easy).")
            .label("Gjennomførbarhet", "Feasibility")
            .nb("Hvor gjennomførbar idéen er, 1 (vanskelig) til 5 (enkel)"),
        Field::opt("benefit", SCORE, "Expected benefit, 1 (little) to 5 (much).")
            .label("Gevinst", "Benefit")
            .nb("Gevinsten som ventes, 1 (lite) til 5 (mye)"),
        Field::opt("cost", SCORE, "Expected cost, 1 (cheap) to 5 (expensive).")
            .label("Kostnad", "Cost")
            .nb("Kostnaden som ventes, 1 (billig) til 5 (dyr)"),
        Field::opt("note", FieldType::Text, "Why it was scored as it was.")
            .label("Notat", "Note")
            .nb("Hvorfor den fikk poengene den fikk"),
        Field::opt("assessed", FieldType::Date, "When it was last assessed.")
            .label("Vurdert", "Assessed")
            .nb("Når den sist ble vurdert"),
        Field::opt("reason", FieldType::Text, "Why it was rejected, parked or otherwise decided.")
            .label("Begrunnelse", "Reason")
            .nb("Hvorfor den ble forkastet, parkert eller noe annet ble bestemt"),
        Field::opt("decided", FieldType::Date, "When its status was last decided.")
            .label("Besluttet", "Decided")
            .nb("Når statusen sist ble bestemt")
            .alias("date"),
        Field::opt(
            "promoted_to",
            FieldType::Line,
            "The folder of the innovation project started from this idea.",
        )
        .label("Videreført til", "Promoted to")
        .nb("Mappen til innovasjonsprosjektet som ble startet fra idéen"),
    ],
    title: Some("title"),
    dated: Dated::Field("submitted"),
    columns: &[
        Col("id", "ID", "ID"),
        Col("title", "TITTEL", "TITLE"),
        Col("status", "STATUS", "STATUS"),
        Col("kind", "TYPE", "KIND"),
        Col("priority", "PRIORITET", "PRIORITY"),
        Col("submitted", "INNSENDT", "SUBMITTED"),
    ],
    example: Example {
        add: "idea add \"Bedre skilting på legevakten\" --source bruker",
        id: "bedre-skilting",
        set: "--status prioritert",
    },
    ..KindSpec::BASE
};

/// Statuses that need a reason.
pub const NEEDS_REASON: &[&str] = &["rejected", "parked"];
/// Statuses that are decisions (they set `decided`).
pub const DECISIONS: &[&str] =
    &["prioritised", "testing", "rejected", "parked", "implemented", "promoted"];

/// One idea, as read from `ideas/<id>.toml`.
#[derive(Debug, Clone, Serialize)]
pub struct Idea {
    pub id: String,
    pub title: String,
    pub description: Option<String>,
    pub source: Option<String>,
    pub kind: Option<String>,
    pub status: String,
    pub tags: Vec<String>,
    pub related: Vec<String>,
    pub submitted: Option<Date>,
    pub feasibility: Option<i64>,
    pub benefit: Option<i64>,
    pub cost: Option<i64>,
    pub note: Option<String>,
    pub assessed: Option<Date>,
    pub reason: Option<String>,
    pub decided: Option<Date>,
    pub promoted_to: Option<String>,
    /// Computed from the scores, see [`priority`].
    pub priority: Option<f64>,
}

impl Idea {
    pub fn from_fields(f: &Fields) -> Idea {
        let feasibility = f.int("feasibility");
        let benefit = f.int("benefit");
        let cost = f.int("cost");
        Idea {
            id: f.id.clone(),
            title: f.string("title"),
            description: f.opt_string("description"),
            source: f.opt_string("source"),
            kind: f.opt_string("kind"),
            status: f.str("status").unwrap_or("new").to_string(),
            tags: f.strings("tags"),
            related: f.strings("related"),
            submitted: f.date("submitted"),
            feasibility,
            benefit,
            cost,
            note: f.opt_string("note"),
            assessed: f.date("assessed"),
            reason: f.opt_string("reason"),
            decided: f.date("decided"),
            promoted_to: f.opt_string("promoted_to"),
            priority: priority(feasibility, benefit, cost),
        }
    }

    /// Whether the idea is still in play (not rejected, parked or implemented).
    pub fn is_open(&self) -> bool {
        !matches!(self.status.as_str(), "rejected" | "parked" | "implemented" | "promoted")
    }
}

/// The cost assumed when none is given: the middle of the scale.
pub const DEFAULT_COST: i64 = 3;

/// Priority on a 0–100 scale:
/// `feasibility × benefit × (6 − cost) ÷ 1.25`, with cost 3 when not given.
///
/// An easy (5), very useful (5), cheap (1) idea scores 100; the product makes
/// an idea that is weak on any one axis sink, which is what a workshop expects.
pub fn priority(feasibility: Option<i64>, benefit: Option<i64>, cost: Option<i64>) -> Option<f64> {
    let (f, b) = (feasibility?, benefit?);
    let c = cost.unwrap_or(DEFAULT_COST);
    let raw = (f * b * (6 - c)) as f64 / 1.25;
    Some((raw * 10.0).round() / 10.0)
}

/// The rules an idea file must follow beyond its field types.
pub fn rules(idea: &Idea) -> Vec<Finding> {
    let mut out = Vec::new();
    if NEEDS_REASON.contains(&idea.status.as_str())
        && idea.reason.as_deref().is_none_or(|r| r.trim().is_empty())
    {
        out.push(
            Finding::error(
                "missing-reason",
                Some("status"),
                tr!(
                    "idéen er {}, men har ingen begrunnelse (`reason`)",
                    "the idea is {} but has no `reason`",
                    STATUS.label(&idea.status)
                ),
            )
            .hint(tr!(
                "legg til `reason = \"...\"`, eller kjør `veikart idea set {} --status {} --reason TEKST`",
                "add `reason = \"...\"`, or run `veikart idea set {} --status {} --reason TEXT`",
                idea.id,
                idea.status
            ))
            .needs(&["reason"]),
        );
    }
    match (idea.feasibility, idea.benefit) {
        (Some(_), None) => out.push(
            Finding::error(
                "incomplete-assessment",
                Some("feasibility"),
                tr!(
                    "idéen har `feasibility`, men mangler `benefit`",
                    "the idea has `feasibility` but no `benefit`"
                ),
            )
            .needs(&["benefit"]),
        ),
        (None, Some(_)) => out.push(
            Finding::error(
                "incomplete-assessment",
                Some("benefit"),
                tr!(
                    "idéen har `benefit`, men mangler `feasibility`",
                    "the idea has `benefit` but no `feasibility`"
                ),
            )
            .needs(&["feasibility"]),
        ),
        (None, None) if idea.status == "assessed" => out.push(
            Finding::warning(
                "not-scored",
                Some("status"),
                tr!(
                    "idéen er merket vurdert, men har ingen poeng",
                    "the idea is marked assessed but has no scores"
                ),
            )
            .hint(tr!(
                "kjør `veikart idea assess {} --feasibility 1-5 --benefit 1-5`",
                "run `veikart idea assess {} --feasibility 1-5 --benefit 1-5`",
                idea.id
            ))
            .needs(&["feasibility", "benefit"]),
        ),
        _ => {}
    }
    let submitted = (&["submitted"][..], idea.submitted);
    out.extend(
        Finding::date_order(("assessed", idea.assessed), submitted, |a, s| {
            tr!(
                "vurdert ({a}) før den ble sendt inn ({s})",
                "assessed ({a}) before it was submitted ({s})"
            )
        })
        .map(|f| {
            f.hint(tr!(
                "en idé kan ikke vurderes før den kom inn; rett datoen",
                "an idea cannot be assessed before it came in; correct the date"
            ))
        }),
    );
    out.extend(
        Finding::date_order(("decided", idea.decided), submitted, |d, s| {
            tr!(
                "besluttet ({d}) før den ble sendt inn ({s})",
                "decided ({d}) before it was submitted ({s})"
            )
        })
        .map(|f| {
            f.hint(tr!(
                "det kan ikke besluttes noe om en idé før den kom inn; rett datoen",
                "nothing can be decided about an idea before it came in; correct the date"
            ))
        }),
    );
    if idea.related.contains(&idea.id) {
        out.push(Finding::error(
            "self-reference",
            Some("related"),
            tr!("idéen viser til seg selv i `related`", "the idea lists itself in `related`"),
        ));
    }
    out
}

/// What else changes when `set` changes an idea: a new status that is a
/// decision records today as `decided`, one that is not (the idea open
/// again) removes `decided`, and a reason given for an earlier decision
/// goes, unless a new one is given (a reason belongs to the decision it
/// explains).
pub fn transition(before: &Fields, changes: &mut super::Changes, today: Date) {
    let new = changes.iter().find(|(k, _)| *k == "status").and_then(|(_, v)| v.clone());
    let Some(super::value::Value::Str(status)) = new else { return };
    if before.str("status") == Some(status.as_str()) {
        return;
    }
    let given = |k: &str, c: &super::Changes| c.iter().any(|(x, _)| *x == k);
    if !given("decided", changes) {
        // Back to `new` or `assessed`, the idea is open again: the old
        // decision's date goes with its reason, as for proposals and options.
        let decided =
            DECISIONS.contains(&status.as_str()).then_some(super::value::Value::Date(today));
        changes.push(("decided", decided));
    }
    if !given("reason", changes) {
        changes.push(("reason", None));
    }
}

/// Order ideas best first: priority (unscored last), then title, then id.
pub fn sort_by_priority(ideas: &mut [Idea]) {
    ideas.sort_by(|a, b| {
        let pa = a.priority.unwrap_or(-1.0);
        let pb = b.priority.unwrap_or(-1.0);
        pb.total_cmp(&pa)
            .then_with(|| a.title.to_lowercase().cmp(&b.title.to_lowercase()))
            .then_with(|| a.id.cmp(&b.id))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn priority_formula() {
        assert_eq!(priority(Some(5), Some(5), Some(1)), Some(100.0));
        assert_eq!(priority(Some(5), Some(5), None), Some(60.0));
        assert_eq!(priority(Some(1), Some(1), Some(5)), Some(0.8));
        assert_eq!(priority(Some(4), Some(3), Some(2)), Some(38.4));
        assert_eq!(priority(None, Some(3), None), None);
    }

    #[test]
    fn every_status_has_a_label_and_parses_its_aliases() {
        assert_eq!(STATUS.parse("Prioritert"), Some("prioritised"));
        assert_eq!(STATUS.parse("FORKASTET"), Some("rejected"));
        assert_eq!(SOURCE.parse("pårørende"), Some("relative"));
        assert_eq!(SOURCE.parse("parorende"), Some("relative"));
        assert_eq!(KIND.parse("forbedring"), Some("improvement"));
        assert_eq!(STATUS.parse("nonsense"), None);
    }
}
