//! Technology options (`tjenesteutvikling` step 6): develop, buy or procure,
//! with the IT unit involved early, an optional time-limited trial, and an
//! assessment of every option on the roadmap's five criteria.

use serde::Serialize;

use super::date::Date;
use super::schema::{EnumSpec, Field, FieldType, Finding, KindSpec, Variant};
use super::value::Fields;
use crate::tr;

pub static DECISION: EnumSpec = EnumSpec {
    name: "decision",
    variants: &[
        Variant { key: "develop", nb: "utvikle", en: "develop", aliases: &["build", "lage"] },
        Variant { key: "buy", nb: "kjøpe", en: "buy", aliases: &["kjope", "velge", "choose"] },
        Variant {
            key: "procure",
            nb: "anskaffe",
            en: "procure",
            aliases: &["anskaffelse", "procurement"],
        },
    ],
};

/// The five criteria every option is assessed on, in the roadmap's order.
pub static CRITERION: EnumSpec = EnumSpec {
    name: "criterion",
    variants: &[
        Variant {
            key: "user-needs",
            nb: "brukerbehov",
            en: "user needs",
            aliases: &["needs", "behov"],
        },
        Variant {
            key: "integrations",
            nb: "integrasjoner",
            en: "integrations",
            aliases: &["integrasjon", "integration"],
        },
        Variant {
            key: "scalability",
            nb: "skalerbarhet",
            en: "scalability",
            aliases: &["skalering", "scale"],
        },
        Variant {
            key: "security",
            nb: "informasjonssikkerhet",
            en: "security and privacy",
            aliases: &["sikkerhet", "personvern", "privacy"],
        },
        Variant { key: "cost", nb: "kostnader", en: "cost", aliases: &["kostnad", "costs"] },
    ],
};

pub static ASSESSMENT: &[Field] = &[
    Field::req("criterion", FieldType::Enum(&CRITERION), "The criterion assessed."),
    Field::req("score", FieldType::Int { min: 1, max: 5 }, "1 (poor) to 5 (very good)."),
    Field::opt("note", FieldType::Text, "Why it got that score."),
    Field::opt("date", FieldType::Date, "When it was assessed."),
];

pub static SPEC: KindSpec = KindSpec {
    dir: "technologies",
    noun: "technology option",
    command: "tech",
    noun_nb: "teknologivalg",
    plural: "technology options",
    plural_nb: "teknologivalg",
    fields: &[
        Field::req("name", FieldType::Line, "The option, in a few words."),
        Field::opt("decision", FieldType::Enum(&DECISION), "develop, buy or procure."),
        Field::opt("supplier", FieldType::Line, "Who would deliver it."),
        Field::opt("it_involved", FieldType::Date, "When the IT unit was brought in."),
        Field::opt(
            "trial_until",
            FieldType::Date,
            "End of a time-limited trial under the procurement rules.",
        ),
        Field::opt("description", FieldType::Text, "What the option is."),
        Field::req("created", FieldType::Date, "When the option was recorded."),
        Field::opt(
            "assessment",
            FieldType::Tables(ASSESSMENT),
            "One entry per criterion; a later entry for the same criterion wins.",
        ),
    ],
    group: None,
};

#[derive(Debug, Clone, Serialize)]
pub struct Assessment {
    pub criterion: String,
    pub score: i64,
    pub note: Option<String>,
    pub date: Option<Date>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Technology {
    pub id: String,
    pub name: String,
    pub decision: Option<String>,
    pub supplier: Option<String>,
    pub it_involved: Option<Date>,
    pub trial_until: Option<Date>,
    pub description: Option<String>,
    pub created: Option<Date>,
    /// The current assessment per criterion, in the criteria's order.
    pub assessment: Vec<Assessment>,
    /// Sum of the current scores.
    pub total: i64,
    /// Criteria not assessed yet.
    pub missing: Vec<&'static str>,
}

impl Technology {
    pub fn from_fields(f: &Fields) -> Technology {
        let rows: Vec<Assessment> = f
            .rows("assessment")
            .iter()
            .map(|r| Assessment {
                criterion: r.string("criterion"),
                score: r.int("score").unwrap_or(0),
                note: r.opt_string("note"),
                date: r.date("date"),
            })
            .collect();
        let assessment: Vec<Assessment> = CRITERION
            .keys()
            .into_iter()
            .filter_map(|k| rows.iter().rev().find(|r| r.criterion == k).cloned())
            .collect();
        let missing = CRITERION
            .keys()
            .into_iter()
            .filter(|k| !assessment.iter().any(|a| a.criterion == *k))
            .collect();
        Technology {
            id: f.id.clone(),
            name: f.string("name"),
            decision: f.opt_string("decision"),
            supplier: f.opt_string("supplier"),
            it_involved: f.date("it_involved"),
            trial_until: f.date("trial_until"),
            description: f.opt_string("description"),
            created: f.date("created"),
            total: assessment.iter().map(|a| a.score).sum(),
            assessment,
            missing,
        }
    }

    /// The current score for a criterion.
    pub fn score(&self, criterion: &str) -> Option<i64> {
        self.assessment.iter().find(|a| a.criterion == criterion).map(|a| a.score)
    }

    pub fn rules(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        if self.trial_until.is_some() && self.decision.as_deref().is_some_and(|d| d != "procure") {
            out.push(
                Finding::warning(
                    "trial-without-procurement",
                    Some("trial_until"),
                    tr!(
                        "en tidsbegrenset utprøving hører til en anskaffelse, men valget er «{}»",
                        "a time-limited trial belongs to a procurement, but the decision is `{}`",
                        DECISION.label(self.decision.as_deref().unwrap_or_default())
                    ),
                )
                .hint(tr!(
                    "sett `decision = \"procure\"`, eller fjern `trial_until`",
                    "set `decision = \"procure\"`, or remove `trial_until`"
                )),
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::value::Value;

    fn row(c: &str, s: i64) -> Value {
        Value::Map(vec![
            ("criterion".into(), Value::Str(c.into())),
            ("score".into(), Value::Int(s)),
        ])
    }

    #[test]
    fn the_later_entry_for_a_criterion_wins_and_missing_ones_are_listed() {
        let mut f = Fields { id: "x".into(), ..Fields::default() };
        f.values.insert("name".into(), Value::Str("X".into()));
        f.values.insert(
            "assessment".into(),
            Value::List(vec![row("cost", 2), row("security", 4), row("cost", 5)]),
        );
        let t = Technology::from_fields(&f);
        assert_eq!(t.score("cost"), Some(5));
        assert_eq!(t.total, 9);
        assert_eq!(t.assessment[0].criterion, "security", "criteria in the roadmap's order");
        assert_eq!(t.missing, ["user-needs", "integrations", "scalability"]);
    }

    #[test]
    fn norwegian_words_parse() {
        assert_eq!(CRITERION.parse("Brukerbehov"), Some("user-needs"));
        assert_eq!(CRITERION.parse("informasjonssikkerhet"), Some("security"));
        assert_eq!(CRITERION.parse("kostnad"), Some("cost"));
        assert_eq!(DECISION.parse("velge"), Some("buy"));
        assert_eq!(DECISION.parse("kjøpe"), Some("buy"));
        assert_eq!(DECISION.parse("anskaffe"), Some("procure"));
        assert_eq!(DECISION.parse("leie"), None);
    }
}
