//! Benefits (gevinster): what the new service gains, for whom, at what cost
//! and under which preconditions (`tjenesteutvikling` step 4).

use serde::Serialize;

use super::date::Date;
use super::schema::{
    Col, EnumSpec, Example, Field, FieldType, Finding, Identity, KindSpec, Variant,
};
use super::value::Fields;
use crate::tr;

pub static TYPE: EnumSpec = EnumSpec {
    name: "type",
    variants: &[
        Variant {
            key: "time",
            nb: "spart tid",
            en: "time saved",
            aliases: &["tid", "spart-tid", "saved-time"],
        },
        Variant {
            key: "cost",
            nb: "unngåtte kostnader",
            en: "costs avoided",
            aliases: &["kostnad", "kostnader", "penger", "money"],
        },
        Variant {
            key: "quality",
            nb: "bedre kvalitet",
            en: "better quality",
            aliases: &["kvalitet"],
        },
        Variant { key: "other", nb: "annet", en: "other", aliases: &["andre", "annen"] },
    ],
};

pub static BENEFICIARY: EnumSpec = EnumSpec {
    name: "beneficiary",
    variants: &[
        Variant { key: "user", nb: "brukere", en: "users", aliases: &["bruker", "brukerne"] },
        Variant {
            key: "relative",
            nb: "pårørende",
            en: "relatives",
            aliases: &["parorende", "paarorende", "relatives"],
        },
        Variant {
            key: "employee",
            nb: "ansatte",
            en: "employees",
            aliases: &["ansatt", "staff", "employees"],
        },
        Variant {
            key: "municipality",
            nb: "kommunen",
            en: "the municipality",
            aliases: &["kommune"],
        },
        Variant { key: "other", nb: "andre", en: "others", aliases: &["annen", "annet"] },
    ],
};

pub static COST_KIND: EnumSpec = EnumSpec {
    name: "kind",
    variants: &[
        Variant {
            key: "one-off",
            nb: "engangskostnad",
            en: "one-off",
            aliases: &["engangs", "engang", "once", "oneoff"],
        },
        Variant {
            key: "recurring",
            nb: "løpende",
            en: "recurring",
            aliases: &["lopende", "loepende", "arlig", "årlig", "yearly"],
        },
    ],
};

static COST_FIELDS: &[Field] = &[
    Field::req("kind", FieldType::Enum(&COST_KIND), "one-off or recurring (per year).")
        .label("Type", "Kind")
        .nb("engangs eller løpende (per år)"),
    Field::req("amount", FieldType::Money, "The amount in NOK.")
        .label("Beløp", "Amount")
        .nb("Beløpet i kroner"),
    Field::opt("year", YEAR, "The year the cost falls in.")
        .label("År", "Year")
        .nb("Året kostnaden kommer"),
    Field::opt("note", FieldType::Line, "What the cost is for.")
        .label("Notat", "Note")
        .nb("Hva kostnaden gjelder"),
];

/// The folders of what can bring a benefit (its enablers in the benefit
/// map): proposals, technology options, activities and touchpoints.
pub static ENABLER_DIRS: &[&str] = &["proposals", "technologies", "activities", "touchpoints"];

/// A year, as costs and benefits are counted.
pub const YEAR: FieldType = FieldType::Year;

pub static SPEC: KindSpec = KindSpec {
    dir: "benefits",
    noun: "benefit",
    command: "benefit",
    noun_nb: "gevinst",
    plural: "benefits",
    plural_nb: "gevinster",
    fields: &[
        Field::req("title", FieldType::Line, "The benefit, in a few words.")
            .label("Tittel", "Title")
            .nb("Gevinsten med noen få ord"),
        Field::req(
            "type",
            FieldType::Enum(&TYPE),
            "time (time saved), cost (costs avoided), quality or other.",
        )
        .label("Type", "Type")
        .nb("time (spart tid), cost (unngåtte kostnader), quality (bedre kvalitet) eller other"),
        Field::opt("monetary", FieldType::Bool, "Whether the benefit can be counted in money.")
            .label("Økonomisk", "Monetary")
            .nb("Om gevinsten kan regnes i kroner"),
        Field::opt(
            "beneficiary",
            FieldType::Enum(&BENEFICIARY),
            "Who gains: user, relative, employee, municipality or other.",
        )
        .label("Til gode for", "Beneficiary")
        .nb("Hvem som får gevinsten: bruker, pårørende, ansatt, kommunen eller andre"),
        Field::opt(
            "owner",
            FieldType::Ref("roles"),
            "The role that owns the benefit (gevinsteier) and reports on it.",
        )
        .label("Gevinsteier", "Owner")
        .nb("Rollen som eier gevinsten (gevinsteier) og rapporterer på den"),
        Field::opt(
            "responsible",
            FieldType::Ref("roles"),
            "The role responsible for realising it (gevinstansvarlig), usually a line manager.",
        )
        .label("Gevinstansvarlig", "Responsible")
        .nb("Rollen som har ansvaret for å realisere den (gevinstansvarlig), som regel en leder i linjen"),
        Field::opt("due", FieldType::Date, "When the benefit should be realised.")
            .label("Realiseres innen", "Due")
            .nb("Når gevinsten skal være realisert"),
        Field::opt(
            "preconditions",
            FieldType::Lines,
            "What must be true for the benefit to be realised (forutsetninger).",
        )
        .label("Forutsetninger", "Preconditions")
        .nb("Det som må være på plass for at gevinsten skal realiseres")
        .flag("precondition"),
        Field::opt("goals", FieldType::Refs("goals"), "The goals the benefit serves.")
            .label("Mål", "Goals")
            .nb("Målene gevinsten bidrar til")
            .flag("goal"),
        Field::opt(
            "enablers",
            FieldType::RefsAmong(ENABLER_DIRS),
            "What brings the benefit: a proposal, technology option, activity or touchpoint, written with its folder in the file (proposals/ID).",
        )
        .label("Gir gevinsten", "Brought by")
        .nb("Det som gir gevinsten: et løsningsforslag, teknologivalg, en aktivitet eller et kontaktpunkt, skrevet med mappen foran i filen (proposals/ID)")
        .flag("enabler"),
        Field::opt("description", FieldType::Text, "What the benefit is and how it comes about.")
            .label("Beskrivelse", "Description")
            .nb("Hva gevinsten er og hvordan den oppstår"),
        Field::req("created", FieldType::Date, "When the benefit was recorded.")
            .label("Registrert", "Recorded")
            .nb("Datoen gevinsten ble registrert")
            .flag("date")
            .today(),
        Field::opt("cost", FieldType::Tables(COST_FIELDS), "The costs of getting the benefit.")
            .label("Kostnader", "Costs")
            .nb("Kostnadene ved å få gevinsten"),
    ],
    title: Some("title"),
    identity: Identity::Named { scope: None },
    columns: &[
        Col("id", "ID", "ID"),
        Col("title", "GEVINST", "BENEFIT"),
        Col("type", "TYPE", "TYPE"),
        Col("owner", "GEVINSTEIER", "OWNER"),
        Col("due", "INNEN", "DUE"),
    ],
    example: Example {
        add: "benefit add \"Kortere ventetid\" --type tid",
        id: "kortere",
        set: "--owner legevaktsjef",
    },
    ..KindSpec::BASE
};

#[derive(Debug, Clone, Serialize)]
pub struct Cost {
    pub kind: String,
    pub amount: f64,
    pub year: Option<i64>,
    pub note: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Benefit {
    pub id: String,
    pub title: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub monetary: bool,
    pub beneficiary: Option<String>,
    pub owner: Option<String>,
    pub responsible: Option<String>,
    pub due: Option<Date>,
    pub preconditions: Vec<String>,
    pub goals: Vec<String>,
    /// `folder/id` of each enabler (`proposals/sms-varsel`).
    pub enablers: Vec<String>,
    pub description: Option<String>,
    pub created: Option<Date>,
    pub costs: Vec<Cost>,
}

impl Benefit {
    pub fn from_fields(f: &Fields) -> Benefit {
        Benefit {
            id: f.id.clone(),
            title: f.string("title"),
            kind: f.string("type"),
            monetary: f.bool("monetary").unwrap_or(false),
            beneficiary: f.opt_string("beneficiary"),
            owner: f.opt_string("owner"),
            responsible: f.opt_string("responsible"),
            due: f.date("due"),
            preconditions: f.strings("preconditions"),
            goals: f.strings("goals"),
            enablers: f.strings("enablers"),
            description: f.opt_string("description"),
            created: f.date("created"),
            costs: f
                .rows("cost")
                .iter()
                .map(|c| Cost {
                    kind: c.string("kind"),
                    amount: c.number("amount").unwrap_or(0.0),
                    year: c.int("year"),
                    note: c.opt_string("note"),
                })
                .collect(),
        }
    }

    /// The benefit's own rules (what it lacks is for the checklist).
    pub fn rules(&self) -> Vec<Finding> {
        Finding::date_order(("due", self.due), (&["created"], self.created), |due, created| {
            tr!(
                "gevinsten skulle vært hentet ut ({due}) før den ble registrert ({created})",
                "the benefit was due ({due}) before it was recorded ({created})"
            )
        })
        .into_iter()
        .collect()
    }

    /// One-off costs summed, and recurring costs summed (NOK per year).
    pub fn cost_totals(&self) -> (f64, f64) {
        let sum = |k: &str| self.costs.iter().filter(|c| c.kind == k).map(|c| c.amount).sum();
        (sum("one-off"), sum("recurring"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aliases() {
        assert_eq!(TYPE.parse("tid"), Some("time"));
        assert_eq!(TYPE.parse("Kostnad"), Some("cost"));
        assert_eq!(TYPE.parse("kvalitet"), Some("quality"));
        assert_eq!(TYPE.parse("andre"), Some("other"));
        assert_eq!(BENEFICIARY.parse("pårørende"), Some("relative"));
        assert_eq!(BENEFICIARY.parse("parorende"), Some("relative"));
        assert_eq!(BENEFICIARY.parse("kommune"), Some("municipality"));
        assert_eq!(COST_KIND.parse("engangs"), Some("one-off"));
        assert_eq!(COST_KIND.parse("løpende"), Some("recurring"));
        assert_eq!(COST_KIND.parse("lopende"), Some("recurring"));
    }
}
