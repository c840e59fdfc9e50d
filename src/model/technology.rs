//! Technology options (`tjenesteutvikling` step 6): develop, buy or procure,
//! with the IT unit involved early, an optional time-limited trial, and an
//! assessment of every option on the roadmap's five criteria.

use serde::Serialize;

use super::date::Date;
use super::schema::{
    Col, Dated, EnumSpec, Example, Field, FieldType, Finding, Group, Identity, KindSpec, Variant,
};
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

/// The fields of one score, in a `[[assessment]]` row and in an assessment file.
const SCORE_FIELD: Field = Field::req("score", SCORE, "1 (poor) to 5 (very good).")
    .label("Poeng", "Score")
    .nb("1 (dårlig) til 5 (svært godt)");
const NOTE_FIELD: Field = Field::opt("note", FieldType::Text, "Why it got that score.")
    .label("Notat", "Note")
    .nb("Hvorfor valget fikk disse poengene");
const DATE_FIELD: Field = Field::opt("date", FieldType::Date, "When it was assessed.")
    .label("Dato", "Date")
    .nb("Når det ble vurdert");

pub static ASSESSMENT: &[Field] = &[
    Field::req("criterion", FieldType::Enum(&CRITERION), "The criterion assessed.")
        .label("Kriterium", "Criterion")
        .nb("Kriteriet som er vurdert"),
    SCORE_FIELD,
    NOTE_FIELD,
    DATE_FIELD,
];

/// A score on a criterion, 1 (poor) to 5 (very good).
pub const SCORE: FieldType = FieldType::Int { min: 1, max: 5 };

/// Where an option stands: still in the running, chosen, or rejected.
pub static STATUS: EnumSpec = EnumSpec {
    name: "status",
    variants: &[
        Variant { key: "open", nb: "åpen", en: "open", aliases: &["apen", "vurderes"] },
        Variant { key: "chosen", nb: "valgt", en: "chosen", aliases: &["choose", "velg"] },
        Variant {
            key: "rejected",
            nb: "forkastet",
            en: "rejected",
            aliases: &["reject", "forkast"],
        },
    ],
};

pub static SPEC: KindSpec = KindSpec {
    dir: "technologies",
    noun: "technology option",
    command: "tech",
    noun_nb: "teknologivalg",
    plural: "technology options",
    plural_nb: "teknologivalg",
    neuter: true,
    fields: &[
        Field::req("name", FieldType::Line, "The option, in a few words.")
            .label("Navn", "Name")
            .nb("Teknologivalget, med noen få ord"),
        Field::opt("decision", FieldType::Enum(&DECISION), "develop, buy or procure.")
            .label("Beslutning", "Decision")
            .nb("utvikle, kjøpe eller anskaffe"),
        Field::opt("supplier", FieldType::Line, "Who would deliver it.")
            .label("Leverandør", "Supplier")
            .nb("Hvem som skal levere (fritekst)"),
        Field::opt("it_involved", FieldType::Date, "When the IT unit was brought in.")
            .label("IT med fra", "IT involved")
            .nb("Datoen IT-enheten ble tatt med"),
        Field::opt(
            "trial_until",
            FieldType::Date,
            "End of a time-limited trial under the procurement rules.",
        )
        .label("Utprøving til", "Trial until")
        .nb("Siste dag for en tidsbegrenset utprøving etter anskaffelsesreglene"),
        Field::opt("description", FieldType::Text, "What the option is.")
            .label("Beskrivelse", "Description")
            .nb("Hva valget går ut på"),
        Field::opt(
            "status",
            FieldType::Enum(&STATUS),
            "open (still in the running, the default), chosen or rejected.",
        )
        .label("Status", "Status")
        .nb("åpen (fortsatt aktuelt, standard), valgt eller forkastet")
        .starts("open"),
        Field::opt("reason", FieldType::Text, "Why it was chosen or rejected.")
            .label("Begrunnelse", "Reason")
            .nb("Hvorfor det ble valgt eller forkastet"),
        Field::opt("decided", FieldType::Date, "When it was chosen or rejected.")
            .label("Besluttet", "Decided")
            .nb("Når det ble valgt eller forkastet"),
        Field::req("created", FieldType::Date, "When the option was recorded.")
            .label("Registrert", "Recorded")
            .nb("Datoen valget ble registrert")
            .flag("date")
            .today(),
        Field::opt(
            "assessment",
            FieldType::Tables(ASSESSMENT),
            "The older layout, still read: one entry per criterion (a later one wins); a file in assessments/<option>/ wins over it.",
        )
        .label("Vurderinger", "Assessments")
        .nb("Den eldre formen, som fortsatt leses: én oppføring per kriterium (den siste gjelder); en fil i assessments/<valg>/ går foran"),
    ],
    title: Some("name"),
    identity: Identity::Named { scope: None },
    dated: Dated::Field("created"),
    columns: &[
        Col("id", "ID", "ID"),
        Col("name", "TEKNOLOGIVALG", "OPTION"),
        Col("decision", "BESLUTNING", "DECISION"),
        Col("status", "STATUS", "STATUS"),
        Col("total", "SUM", "TOTAL"),
    ],
    example: Example {
        add: "tech add \"Pasientvarsling fra journalsystemet\" --decision buy",
        id: "pasientvarsling",
        set: "--supplier \"Journal AS\"",
    },
    ..KindSpec::BASE
};

/// One assessment per file: `assessments/<technology>/<criterion>.toml`.
/// Two people assessing different criteria of one option on two branches
/// then write two different files, and git merges them without a conflict;
/// the same criterion on both branches is the same file, a real conflict.
pub static ASSESSMENT_SPEC: KindSpec = KindSpec {
    dir: "assessments",
    noun: "assessment",
    command: "tech",
    noun_nb: "vurdering",
    plural: "assessments",
    plural_nb: "vurderinger",
    fields: &[SCORE_FIELD, NOTE_FIELD, DATE_FIELD],
    group: Some(Group {
        field: "technology",
        refers: Some("technologies"),
        doc: "The option assessed: the subfolder's name (assessments/<technology>/<criterion>.toml).",
    }),
    dated: Dated::Field("date"),
    ..KindSpec::BASE
};

/// One criterion of one option, from `assessments/<technology>/<criterion>.toml`.
#[derive(Debug, Clone, Serialize)]
pub struct AssessmentFile {
    pub id: String,
    pub technology: String,
    /// The file's name; `None` when it is not one of the five criteria.
    pub criterion: Option<&'static str>,
    pub score: i64,
    pub note: Option<String>,
    pub date: Option<Date>,
}

impl AssessmentFile {
    pub fn from_fields(f: &Fields) -> AssessmentFile {
        let stem = f.id.rsplit('/').next().unwrap_or_default();
        AssessmentFile {
            id: f.id.clone(),
            technology: f.string("technology"),
            criterion: CRITERION.variants.iter().find(|v| v.key == stem).map(|v| v.key),
            score: f.int("score").unwrap_or(0),
            note: f.opt_string("note"),
            date: f.date("date"),
        }
    }

    /// The id of `technology`'s assessment on `criterion` (a criterion key).
    pub fn id_for(technology: &str, criterion: &str) -> String {
        format!("{technology}/{criterion}")
    }

    pub fn rules(&self) -> Vec<Finding> {
        if self.criterion.is_some() {
            return Vec::new();
        }
        let stem = self.id.rsplit('/').next().unwrap_or_default();
        vec![
            Finding::error(
                "assessment-name",
                None,
                tr!(
                    "filnavnet «{stem}» er ikke et kriterium",
                    "the file name `{stem}` is not a criterion"
                ),
            )
            .hint(tr!(
                "gi filen navn etter kriteriet: {}.toml",
                "name the file after the criterion: {}.toml",
                CRITERION.keys().join(".toml, ")
            )),
        ]
    }
}

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
    /// `open` unless the option was chosen or rejected.
    pub status: String,
    pub reason: Option<String>,
    pub decided: Option<Date>,
    pub created: Option<Date>,
    /// The current assessment per criterion, in the criteria's order
    /// (`[[assessment]]` in the older layout, `assessments` in JSON like
    /// every other list).
    #[serde(rename = "assessments")]
    pub assessment: Vec<Assessment>,
    /// Sum of the current scores.
    pub total: i64,
    /// Criteria not assessed yet.
    pub missing: Vec<&'static str>,
}

impl Technology {
    /// The option as its own file has it; [`merge`] adds the files in
    /// `assessments/`.
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
        let mut t = Technology {
            id: f.id.clone(),
            name: f.string("name"),
            decision: f.opt_string("decision"),
            supplier: f.opt_string("supplier"),
            it_involved: f.date("it_involved"),
            trial_until: f.date("trial_until"),
            description: f.opt_string("description"),
            status: f.str("status").unwrap_or("open").to_string(),
            reason: f.opt_string("reason"),
            decided: f.date("decided"),
            created: f.date("created"),
            total: 0,
            assessment: Vec::new(),
            missing: Vec::new(),
        };
        t.settle(&rows);
        t
    }

    /// The current entry per criterion from `rows` (a later one for the same
    /// criterion wins), with the total and what is missing.
    fn settle(&mut self, rows: &[Assessment]) {
        self.assessment = CRITERION
            .keys()
            .into_iter()
            .filter_map(|k| rows.iter().rev().find(|r| r.criterion == k).cloned())
            .collect();
        self.total = self.assessment.iter().map(|a| a.score).sum();
        self.missing = CRITERION
            .keys()
            .into_iter()
            .filter(|k| !self.assessment.iter().any(|a| a.criterion == *k))
            .collect();
    }

    /// The current score for a criterion.
    pub fn score(&self, criterion: &str) -> Option<i64> {
        self.assessment.iter().find(|a| a.criterion == criterion).map(|a| a.score)
    }

    /// Whether the option is still in play or chosen (not rejected).
    pub fn in_play(&self) -> bool {
        self.status != "rejected"
    }

    pub fn rules(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        out.extend(Finding::date_order(
            ("decided", self.decided),
            (&["created"], self.created),
            |d, c| {
                tr!(
                    "teknologivalget ble besluttet ({d}) før det ble registrert ({c})",
                    "the technology option was decided ({d}) before it was recorded ({c})"
                )
            },
        ));
        if self.status != "open" && self.reason.as_deref().is_none_or(|r| r.trim().is_empty()) {
            let verb = if self.status == "chosen" { "choose" } else { "reject" };
            out.push(
                Finding::error(
                    "missing-reason",
                    Some("status"),
                    tr!(
                        "teknologivalget er {}, men har ingen begrunnelse (`reason`)",
                        "the technology option is {} but has no `reason`",
                        STATUS.label(&self.status)
                    ),
                )
                .needs(&["reason"])
                .hint(tr!(
                    "kjør `veikart tech {verb} {} --reason TEKST`",
                    "run `veikart tech {verb} {} --reason TEXT`",
                    self.id
                )),
            );
        }
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

/// The options with their assessments: an option's own `[[assessment]]`
/// tables (the older layout, still read) and then its files in
/// `assessments/<option>/`, a file winning over a table for the same criterion.
pub fn merge(mut options: Vec<Technology>, files: &[AssessmentFile]) -> Vec<Technology> {
    for t in &mut options {
        let mut rows = t.assessment.clone();
        rows.extend(files.iter().filter(|f| f.technology == t.id).filter_map(|f| {
            Some(Assessment {
                criterion: f.criterion?.to_string(),
                score: f.score,
                note: f.note.clone(),
                date: f.date,
            })
        }));
        t.settle(&rows);
    }
    options
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
    fn a_file_in_assessments_wins_over_a_table_in_the_option() {
        let mut f = Fields { id: "x".into(), ..Fields::default() };
        f.values.insert("name".into(), Value::Str("X".into()));
        f.values.insert("assessment".into(), Value::List(vec![row("cost", 2), row("security", 4)]));
        let file = |c: &str, score| AssessmentFile {
            id: format!("x/{c}"),
            technology: "x".into(),
            criterion: CRITERION.parse(c),
            score,
            note: None,
            date: None,
        };
        let mut other = file("scale", 5);
        other.technology = "y".into();
        let t = merge(
            vec![Technology::from_fields(&f)],
            &[file("cost", 5), file("user-needs", 3), other],
        );
        assert_eq!(t[0].score("cost"), Some(5), "the file wins");
        assert_eq!(t[0].score("security"), Some(4), "the table still counts");
        assert_eq!(t[0].score("scalability"), None, "another option's file does not");
        assert_eq!(t[0].total, 12);
        assert_eq!(t[0].missing, ["integrations", "scalability"]);
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
