//! The domain: plain types and rules, with no I/O, no TOML and no CLI.

pub mod activity;
pub mod benefit;
pub mod checklist;
pub mod checks;
pub mod date;
pub mod deviation;
pub mod display;
pub mod economics;
pub mod followup;
pub mod id;
pub mod idea;
pub mod indicator;
pub mod input;
pub mod journey;
pub mod measurement;
pub mod number;
pub mod privacy;
pub mod project;
pub mod raci;
pub mod roadmap;
pub mod role;
pub mod routine;
pub mod rules;
pub mod schema;
pub mod status_report;
pub mod supplier;
pub mod touchpoint;
pub mod value;
// Issue 5: proposals, technology, anchoring, insight, pilot, log.
pub mod goal;
pub mod insight;
pub mod log;
pub mod pilot;
pub mod proposal;
pub mod related;
pub mod stakeholder;
pub mod team;
pub mod technology;

use std::collections::BTreeMap;

use schema::{Finding, KindSpec};
use value::Fields;

/// What rules may need beyond the record itself.
#[derive(Debug, Clone)]
pub struct RuleCtx {
    /// "Today" for rules about dates (`--as-of`).
    pub as_of: date::Date,
    /// The project file, when it could be read.
    pub project: Option<project::ProjectInfo>,
}

/// A finding about a record other than the one being read, or about the
/// project as a whole: `dir` and `id` say which file (`dir` "" = veikart.toml).
#[derive(Debug, Clone)]
pub struct Located {
    pub dir: &'static str,
    pub id: String,
    pub finding: Finding,
}

/// Every valid record of the project, by folder, for rules that look across
/// records (a role nobody uses, a missing service owner).
#[derive(Debug, Default)]
pub struct Snapshot {
    pub records: BTreeMap<&'static str, Vec<Fields>>,
}

impl Snapshot {
    /// The records of one kind, typed.
    pub fn all<K: Kind>(&self) -> Vec<K> {
        self.records
            .get(K::SPEC.dir)
            .map(|v| v.iter().map(K::from_fields).collect())
            .unwrap_or_default()
    }
}

/// A kind of record: its declared fields, how to read it from validated
/// values, and its own rules. A new kind is a module implementing this, plus
/// one line in [`KINDS`].
pub trait Kind: Sized + serde::Serialize {
    const SPEC: &'static KindSpec;
    fn from_fields(fields: &Fields) -> Self;
    fn rules(&self, _ctx: &RuleCtx) -> Vec<Finding> {
        Vec::new()
    }
    fn id(&self) -> &str;
    /// What else changes when `set` changes some fields of `before` (an idea
    /// set to a decision records the day it was decided): more entries for
    /// `changes`, which the user's own entries win over.
    fn transition(_before: &Fields, _changes: &mut Changes, _today: date::Date) {}
}

/// Fields to set (`Some`) or remove (`None`) in one record.
pub type Changes = Vec<(&'static str, Option<value::Value>)>;

/// A kind, type-erased, for code that walks every kind (`check`, schemas,
/// the generic `list`, `show`, `set` and `rm`).
pub struct KindEntry {
    pub spec: &'static KindSpec,
    pub rules: fn(&Fields, &RuleCtx) -> Vec<Finding>,
    /// The record as its kind shows it in JSON: its fields and what is worked
    /// out from them (an idea's priority, a routine's next review).
    pub json: fn(&Fields) -> serde_json::Value,
    /// See [`Kind::transition`].
    pub transition: fn(&Fields, &mut Changes, date::Date),
}

impl KindEntry {
    /// The kind's own rules on one record. `invalid` names the fields whose
    /// values are wrong (the store reports those): findings about them, or
    /// that need them, are left out, so one mistake is reported once and
    /// every other problem of the file still is.
    pub fn findings(
        &self,
        fields: &Fields,
        invalid: &std::collections::BTreeSet<String>,
        ctx: &RuleCtx,
    ) -> Vec<Finding> {
        let mut out = (self.rules)(fields, ctx);
        if !invalid.is_empty() {
            out.retain(|f| {
                f.field.is_none_or(|n| !invalid.contains(n))
                    && f.needs.iter().all(|n| !invalid.contains(*n))
            });
        }
        out
    }
}

/// A `status` changed by `set` to one of `decisions` records today as
/// `decided`; changed back to one that is not a decision (an option opened
/// again), the old decision's date and reason go. What the user gave wins.
fn decided_on_change(
    before: &Fields,
    changes: &mut Changes,
    today: date::Date,
    decisions: &[&str],
) {
    let new = changes.iter().find(|(k, _)| *k == "status").and_then(|(_, v)| v.clone());
    let Some(value::Value::Str(s)) = new else { return };
    if before.str("status") == Some(s.as_str()) {
        return;
    }
    let given = |k: &str, c: &Changes| c.iter().any(|(x, _)| *x == k);
    if decisions.contains(&s.as_str()) {
        if !given("decided", changes) {
            changes.push(("decided", Some(value::Value::Date(today))));
        }
    } else {
        for key in ["decided", "reason"] {
            if !given(key, changes) {
                changes.push((key, None));
            }
        }
    }
}

/// The entry of the kind kept in `dir`.
pub fn kind_of(dir: &str) -> Option<&'static KindEntry> {
    KINDS.iter().find(|k| k.spec.dir == dir)
}

fn rules_of<K: Kind>(fields: &Fields, ctx: &RuleCtx) -> Vec<Finding> {
    K::from_fields(fields).rules(ctx)
}

fn json_of<K: Kind>(fields: &Fields) -> serde_json::Value {
    serde_json::to_value(K::from_fields(fields)).unwrap_or_default()
}

const fn entry<K: Kind>() -> KindEntry {
    KindEntry { spec: K::SPEC, rules: rules_of::<K>, json: json_of::<K>, transition: K::transition }
}

/// Every kind of record a project can hold, in the order `check` reads them.
pub static KINDS: &[KindEntry] = &[
    entry::<idea::Idea>(),
    entry::<role::Role>(),
    entry::<journey::Step>(),
    entry::<activity::Activity>(),
    entry::<routine::Routine>(),
    entry::<touchpoint::Touchpoint>(),
    // Issue 5
    entry::<proposal::Proposal>(),
    entry::<proposal::UserTest>(),
    entry::<technology::Technology>(),
    entry::<technology::AssessmentFile>(),
    entry::<goal::Goal>(),
    entry::<team::Member>(),
    entry::<stakeholder::Stakeholder>(),
    entry::<related::Related>(),
    entry::<insight::Insight>(),
    entry::<pilot::PilotPlan>(),
    entry::<pilot::PilotFinding>(),
    entry::<log::LogEntry>(),
    // The benefit realisation plan and its follow-up (issue 4).
    entry::<benefit::Benefit>(),
    entry::<indicator::Indicator>(),
    entry::<measurement::Measurement>(),
    entry::<deviation::Deviation>(),
    entry::<supplier::Supplier>(),
    entry::<checklist::Answer>(),
    entry::<checklist::Decision>(),
    // Status reports tied to a commit (issue 17).
    entry::<status_report::StatusReport>(),
];

/// `impl Kind` for a model type: its spec, constructor and (optionally) rules.
macro_rules! kind {
    ($ty:ty, $spec:expr) => {
        kind!($ty, $spec, |_r, _ctx| Vec::new());
    };
    ($ty:ty, $spec:expr, |$r:ident, $ctx:ident| $rules:expr) => {
        kind!($ty, $spec, |$r, $ctx| $rules, |_b, _c, _t| {});
    };
    ($ty:ty, $spec:expr, |$r:ident, $ctx:ident| $rules:expr, |$b:ident, $c:ident, $t:ident| $transition:expr) => {
        impl Kind for $ty {
            const SPEC: &'static KindSpec = &$spec;
            fn from_fields(fields: &Fields) -> Self {
                <$ty>::from_fields(fields)
            }
            fn rules(&self, ctx: &RuleCtx) -> Vec<Finding> {
                let ($r, $ctx) = (self, ctx);
                $rules
            }
            fn id(&self) -> &str {
                &self.id
            }
            fn transition(before: &Fields, changes: &mut Changes, today: date::Date) {
                let ($b, $c, $t) = (before, changes, today);
                $transition
            }
        }
    };
}

kind!(idea::Idea, idea::SPEC, |r, _ctx| idea::rules(r), |b, c, t| idea::transition(b, c, t));
kind!(role::Role, role::SPEC);
kind!(journey::Step, journey::SPEC);
kind!(activity::Activity, activity::SPEC, |r, _ctx| r.rules());
kind!(routine::Routine, routine::SPEC, |r, ctx| r.rules(ctx.as_of));
kind!(touchpoint::Touchpoint, touchpoint::SPEC);

// Issue 5
kind!(proposal::Proposal, proposal::SPEC, |r, _ctx| r.rules(), |b, c, t| {
    decided_on_change(b, c, t, &["kept", "discarded"])
});
kind!(proposal::UserTest, proposal::TEST_SPEC, |r, _ctx| r.rules());
kind!(technology::Technology, technology::SPEC, |r, _ctx| r.rules(), |b, c, t| {
    decided_on_change(b, c, t, &["chosen", "rejected"])
});
kind!(technology::AssessmentFile, technology::ASSESSMENT_SPEC, |r, _ctx| r.rules());
kind!(goal::Goal, goal::SPEC);
kind!(team::Member, team::SPEC);
kind!(stakeholder::Stakeholder, stakeholder::SPEC);
kind!(related::Related, related::SPEC);
kind!(insight::Insight, insight::SPEC);
kind!(pilot::PilotPlan, pilot::SPEC, |r, _ctx| r.rules());
kind!(pilot::PilotFinding, pilot::FINDING_SPEC);
kind!(log::LogEntry, log::SPEC);
// The benefit realisation plan and its follow-up (issue 4).
kind!(benefit::Benefit, benefit::SPEC, |r, _ctx| r.rules());
kind!(indicator::Indicator, indicator::SPEC, |r, _ctx| r.rules());
kind!(measurement::Measurement, measurement::SPEC, |r, _ctx| r.rules());
kind!(deviation::Deviation, deviation::SPEC, |r, ctx| r.rules(ctx.as_of), |b, c, t| {
    deviation::transition(b, c, t)
});
kind!(supplier::Supplier, supplier::SPEC);
kind!(checklist::Answer, checklist::ANSWER_SPEC, |r, _ctx| r.rules());
kind!(checklist::Decision, checklist::DECISION_SPEC, |r, _ctx| r.rules());
kind!(status_report::StatusReport, status_report::SPEC, |r, _ctx| r.rules());

#[cfg(test)]
mod tests {
    use super::schema::{Field, FieldType, Identity};
    use super::*;

    fn every_field(fields: &'static [Field], out: &mut Vec<(&'static str, &'static Field)>) {
        for f in fields {
            out.push((f.name, f));
            if let FieldType::Tables(sub) = f.ty {
                every_field(sub, out);
            }
        }
    }

    #[test]
    fn every_field_is_declared_in_both_languages() {
        let mut missing = Vec::new();
        let specs = KINDS.iter().map(|k| k.spec).chain(std::iter::once(&project::SPEC));
        for spec in specs {
            let mut fields = Vec::new();
            every_field(spec.fields, &mut fields);
            for (name, f) in fields {
                if f.label_nb.is_empty() || f.label_en.is_empty() || f.nb.is_empty() {
                    missing.push(format!("{}.{name}", spec.dir));
                }
            }
        }
        assert!(missing.is_empty(), "fields without a label or Bokmål help: {missing:?}");
    }

    #[test]
    fn a_kind_that_names_things_has_a_title_field() {
        for k in KINDS {
            if let Identity::Named { scope } = k.spec.identity {
                let title = k.spec.title.expect("a named kind has a title field");
                assert!(k.spec.field(title).is_some(), "{}: no field {title}", k.spec.dir);
                if let Some(s) = scope {
                    assert!(k.spec.field(s).is_some(), "{}: no scope field {s}", k.spec.dir);
                }
            }
            for c in k.spec.columns {
                assert!(
                    !c.1.is_empty() && !c.2.is_empty(),
                    "{}: a column without header",
                    k.spec.dir
                );
            }
        }
    }
}
