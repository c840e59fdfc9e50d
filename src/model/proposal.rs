//! Solution proposals and the quick user tests that decide them
//! (`tjenesteutvikling` step 2): chosen ideas made visible as a sketch or a
//! mock-up, tested with users, relatives and staff, then kept or discarded
//! with a reason, with cost weighed against gain.

use serde::Serialize;

use super::date::Date;
use super::schema::{
    About, Col, Dated, EnumSpec, Example, Field, FieldType, Finding, Group, KindSpec, Order,
    Variant,
};
use super::value::Fields;
use crate::tr;

pub static STATUS: EnumSpec = EnumSpec {
    name: "status",
    variants: &[
        Variant { key: "draft", nb: "utkast", en: "draft", aliases: &[] },
        Variant { key: "tested", nb: "testet", en: "tested", aliases: &["testa"] },
        Variant { key: "kept", nb: "valgt", en: "kept", aliases: &["keep", "beholde", "beholdt"] },
        Variant {
            key: "discarded",
            nb: "forkastet",
            en: "discarded",
            aliases: &["discard", "forkaste", "rejected"],
        },
    ],
};

/// What a test concluded about the proposal.
pub static DECISION: EnumSpec = EnumSpec {
    name: "decision",
    variants: &[
        Variant { key: "keep", nb: "beholde", en: "keep", aliases: &["behold", "kept"] },
        Variant {
            key: "improve",
            nb: "forbedre",
            en: "improve",
            aliases: &["forbedr", "forbetre"],
        },
        Variant {
            key: "discard",
            nb: "forkaste",
            en: "discard",
            aliases: &["forkast", "discarded"],
        },
    ],
};

/// Who took part in a test.
pub static WITH: EnumSpec = EnumSpec {
    name: "with",
    variants: &[
        Variant { key: "user", nb: "brukere", en: "users", aliases: &["bruker", "users"] },
        Variant {
            key: "relative",
            nb: "pårørende",
            en: "relatives",
            aliases: &["parorende", "relatives"],
        },
        Variant {
            key: "employee",
            nb: "ansatte",
            en: "employees",
            aliases: &["ansatt", "employees", "staff"],
        },
    ],
};

pub static SPEC: KindSpec = KindSpec {
    dir: "proposals",
    noun: "proposal",
    command: "proposal",
    noun_nb: "løsningsforslag",
    plural: "proposals",
    plural_nb: "løsningsforslag",
    neuter: true,
    fields: &[
        Field::req("title", FieldType::Line, "The proposal in a few words.")
            .label("Tittel", "Title")
            .nb("Forslaget, med noen få ord"),
        Field::opt("ideas", FieldType::Refs("ideas"), "The ideas the proposal builds on.")
            .label("Idéer", "Ideas")
            .nb("Idéene forslaget bygger på (id eller entydig begynnelse)")
            .flag("idea"),
        Field::opt("description", FieldType::Text, "What the proposal is and how it would work.")
            .label("Beskrivelse", "Description")
            .nb("Hva forslaget er og hvordan det skal virke"),
        Field::opt(
            "artefacts",
            FieldType::Lines,
            "Sketches, journey drawings or mock-ups that show it: paths or URLs.",
        )
        .label("Skisser", "Artefacts")
        .nb("Skisser, tegninger av reisen eller prototyper som viser det: stier eller URL-er")
        .flag("artefact"),
        Field::req("status", FieldType::Enum(&STATUS), "draft, tested, kept or discarded.")
            .label("Status", "Status")
            .nb("utkast, testet, valgt eller forkastet")
            .starts("draft"),
        Field::opt("reason", FieldType::Text, "Why it was kept or discarded.")
            .label("Begrunnelse", "Reason")
            .nb("Hvorfor det ble valgt eller forkastet"),
        Field::opt("decided", FieldType::Date, "When it was kept or discarded.")
            .label("Besluttet", "Decided")
            .nb("Når det ble valgt eller forkastet"),
        Field::opt("cost", FieldType::Money, "Estimated cost in NOK.")
            .label("Kostnad", "Cost")
            .nb("Anslått kostnad i kroner"),
        Field::opt("gain", FieldType::Text, "The gain expected, in words.")
            .label("Gevinst", "Gain")
            .nb("Gevinsten som ventes, med ord"),
        Field::req("created", FieldType::Date, "When the proposal was recorded.")
            .label("Registrert", "Recorded")
            .nb("Datoen forslaget ble registrert")
            .flag("date")
            .today(),
    ],
    title: Some("title"),
    dated: Dated::Field("created"),
    columns: &[
        Col("id", "ID", "ID"),
        Col("title", "FORSLAG", "PROPOSAL"),
        Col("status", "STATUS", "STATUS"),
        Col("cost", "KOSTNAD", "COST"),
    ],
    example: Example {
        add: "proposal add \"Ventetid på skjerm og SMS\"",
        id: "ventetid",
        set: "--gain \"Færre ringer for å høre om ventetiden\"",
    },
    ..KindSpec::BASE
};

pub static TEST_SPEC: KindSpec = KindSpec {
    dir: "user-tests",
    noun: "user test",
    command: "user-test",
    noun_nb: "brukertest",
    plural: "user tests",
    plural_nb: "brukertester",
    fields: &[
        Field::req("date", FieldType::Date, "When the test was done.")
            .label("Dato", "Date")
            .nb("Når testen ble gjort")
            .today(),
        Field::req(
            "with",
            FieldType::Keys(&WITH),
            "Who took part: user, relative and/or employee.",
        )
        .label("Med", "With")
        .nb("Hvem som deltok: bruker, pårørende og/eller ansatt"),
        Field::opt("participants", FieldType::Int { min: 1, max: 100_000 }, "How many took part.")
            .label("Deltakere", "Participants")
            .nb("Hvor mange som deltok"),
        Field::req("feedback", FieldType::Text, "What the participants said and did.")
            .label("Tilbakemelding", "Feedback")
            .nb("Hva deltakerne sa og gjorde"),
        Field::opt(
            "decision",
            FieldType::Enum(&DECISION),
            "What the test concluded: keep, improve or discard.",
        )
        .label("Konklusjon", "Decision")
        .nb("Hva testen konkluderte med: beholde, forbedre eller forkaste"),
    ],
    group: Some(Group {
        field: "proposal",
        refers: Some("proposals"),
        doc: "The proposal tested (the folder's name).",
    }),
    dated: Dated::Field("date"),
    columns: &[
        Col("id", "ID", "ID"),
        Col("proposal", "FORSLAG", "PROPOSAL"),
        Col("date", "DATO", "DATE"),
        Col("with", "MED", "WITH"),
        Col("decision", "KONKLUSJON", "DECISION"),
    ],
    order: &[Order::Asc("proposal"), Order::Asc("date")],
    example: Example {
        add: "proposal test ventetid --with bruker --feedback \"Skjermen ble lagt merke til\"",
        id: "ventetid/2026-10-12",
        set: "--participants 6",
    },
    about: About {
        nb: "Brukertestene av løsningsforslagene, én og én",
        en: "The user tests of the proposals, one by one",
        long_nb: "`veikart proposal test` registrerer en test; disse kommandoene viser,\n\
         endrer og fjerner dem. Hver test er sin egen fil,\n\
         user-tests/<forslag>/<dato>.toml.",
        long_en: "`veikart proposal test` records a test; these verbs list, show, change\n\
         and remove them. Each test is its own file, user-tests/<proposal>/<date>.toml.",
    },
    ..KindSpec::BASE
};

#[derive(Debug, Clone, Serialize)]
pub struct Proposal {
    pub id: String,
    pub title: String,
    pub ideas: Vec<String>,
    pub description: Option<String>,
    pub artefacts: Vec<String>,
    pub status: String,
    pub reason: Option<String>,
    pub decided: Option<Date>,
    pub cost: Option<f64>,
    pub gain: Option<String>,
    pub created: Option<Date>,
}

impl Proposal {
    pub fn from_fields(f: &Fields) -> Proposal {
        Proposal {
            id: f.id.clone(),
            title: f.string("title"),
            ideas: f.strings("ideas"),
            description: f.opt_string("description"),
            artefacts: f.strings("artefacts"),
            status: f.str("status").unwrap_or("draft").to_string(),
            reason: f.opt_string("reason"),
            decided: f.date("decided"),
            cost: f.number("cost"),
            gain: f.opt_string("gain"),
            created: f.date("created"),
        }
    }

    pub fn rules(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        if self.status == "discarded" && self.reason.as_deref().is_none_or(|r| r.trim().is_empty())
        {
            out.push(
                Finding::error(
                    "missing-reason",
                    Some("status"),
                    tr!(
                        "forslaget er forkastet, men har ingen begrunnelse (`reason`)",
                        "the proposal is discarded but has no `reason`"
                    ),
                )
                .hint(tr!(
                    "kjør `veikart proposal decide {} discard --reason TEKST`",
                    "run `veikart proposal decide {} discard --reason TEXT`",
                    self.id
                ))
                .needs(&["reason"]),
            );
        }
        if self.status == "kept" && self.cost.is_none() && self.gain.is_none() {
            out.push(
                Finding::warning(
                    "no-estimate",
                    Some("status"),
                    tr!(
                        "forslaget er valgt, men har verken kostnad eller gevinst anslått",
                        "the proposal is kept but has no cost or gain estimate"
                    ),
                )
                .hint(tr!(
                    "kjør `veikart proposal estimate {} --cost NOK --gain TEKST`",
                    "run `veikart proposal estimate {} --cost NOK --gain TEXT`",
                    self.id
                ))
                .needs(&["cost", "gain"]),
            );
        }
        out.extend(Finding::date_order(
            ("decided", self.decided),
            (&["created"], self.created),
            |d, c| {
                tr!(
                    "forslaget ble besluttet ({d}) før det ble registrert ({c})",
                    "the proposal was decided ({d}) before it was recorded ({c})"
                )
            },
        ));
        out
    }
}

/// One user test, from `user-tests/<proposal>/<date>.toml`.
#[derive(Debug, Clone, Serialize)]
pub struct UserTest {
    pub id: String,
    pub proposal: String,
    pub date: Option<Date>,
    pub with: Vec<String>,
    pub participants: Option<i64>,
    pub feedback: String,
    pub decision: Option<String>,
}

impl UserTest {
    pub fn from_fields(f: &Fields) -> UserTest {
        UserTest {
            id: f.id.clone(),
            proposal: f.string("proposal"),
            date: f.date("date"),
            with: f.strings("with"),
            participants: f.int("participants"),
            feedback: f.string("feedback"),
            decision: f.opt_string("decision"),
        }
    }

    pub fn rules(&self) -> Vec<Finding> {
        let mut out = Vec::new();
        if self.with.is_empty() {
            out.push(Finding::error(
                "empty",
                Some("with"),
                tr!("testen har ingen deltakere i `with`", "the test has no one in `with`"),
            ));
        }
        out
    }
}

/// Tests in date order (then id).
pub fn sort_tests(tests: &mut [UserTest]) {
    tests.sort_by(|a, b| a.date.cmp(&b.date).then_with(|| a.id.cmp(&b.id)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norwegian_words_parse() {
        assert_eq!(STATUS.parse("valgt"), Some("kept"));
        assert_eq!(STATUS.parse("Forkastet"), Some("discarded"));
        assert_eq!(DECISION.parse("beholde"), Some("keep"));
        assert_eq!(DECISION.parse("forbedre"), Some("improve"));
        assert_eq!(WITH.parse("pårørende"), Some("relative"));
        assert_eq!(WITH.parse("ansatte"), Some("employee"));
        assert_eq!(WITH.parse("bruker"), Some("user"));
    }
}
